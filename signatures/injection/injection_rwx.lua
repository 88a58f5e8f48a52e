name = "injection_rwx"
description = "Creates RWX memory"
severity = 2
categories = {"injection", "unpacking"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/",
              "https://attack.mitre.org/techniques/T1027/002/"}
ttps = {"T1055", "T1027.002"}

-- Memory that is writable and executable at once (PAGE_EXECUTE_READWRITE,
-- 0x40) is where unpackers and injectors put code they generate; compilers
-- and loaders use W^X instead. The mark says whether the region was in the
-- process itself or in another one.
filter_apinames = {"NtAllocateVirtualMemory", "NtAllocateVirtualMemoryEx", "VirtualAllocEx",
                   "VirtualAlloc", "NtProtectVirtualMemory", "VirtualProtectEx", "VirtualProtect",
                   "NtMapViewOfSection"}
-- Go-side prefilter: the protection value printed as a string contains
-- "40" (CAPE hex, 0x00000040) or "64" (Cuckoo decimal); the exact test is
-- done below.
filter_arguments = {
  Protection = {"40", "64"}, NewAccessProtection = {"40", "64"}, Win32Protect = {"40", "64"},
  protection = {"40", "64"}, flProtect = {"40", "64"}, flNewProtect = {"40", "64"},
}
markcount = 20

local PAGE_EXECUTE_READWRITE = 0x40

local function is_self(handle)
  if handle == nil then return true end
  if type(handle) == "number" then return handle == 0 or handle == -1 or handle == 4294967295 end
  local h = tostring(handle):lower():gsub("^0x", ""):gsub("^0+", "")
  return h == "" or h == "ffffffff" or h == "ffffffffffffffff"
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local prot = to_int(get_argument(call, "Protection", "NewAccessProtection", "Win32Protect", "protection",
                      "flProtect", "flNewProtect"))
  if prot == nil or prot % 256 ~= PAGE_EXECUTE_READWRITE then return end
  local handle = get_argument(call, "ProcessHandle", "process_handle", "hProcess")
  mark({api = call.api, process = process.name, pid = process.pid,
        target = is_self(handle) and "self" or "remote"})
  mark_call()
end
