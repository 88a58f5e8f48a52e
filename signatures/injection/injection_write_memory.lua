name = "injection_write_memory"
description = "Writes into the memory of another process"
severity = 2
categories = {"injection"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/"}
ttps = {"T1055"}

-- WriteProcessMemory/NtWriteVirtualMemory on a handle other than the
-- current process: the step every injection technique shares. Windows
-- brokers do this routinely (csrss, svchost-hosted services queueing APCs
-- into Explorer, as in the 0a0882b8 report), so writes coming from those
-- are skipped.
filter_apinames = {"WriteProcessMemory", "NtWriteVirtualMemory", "NtWow64WriteVirtualMemory64"}
markcount = 30

local BROKERS = {["csrss.exe"] = true, ["svchost.exe"] = true, ["services.exe"] = true,
                 ["smss.exe"] = true, ["wininit.exe"] = true, ["werfault.exe"] = true,
                 ["lsass.exe"] = true}

local function is_self(handle)
  if handle == nil then return true end
  if type(handle) == "number" then return handle == 0 or handle == -1 or handle == 4294967295 end
  local h = tostring(handle):lower():gsub("^0x", ""):gsub("^0+", "")
  return h == "" or h == "ffffffff" or h == "ffffffffffffffff"
end

local seen = {}

function on_call(call, process)
  if BROKERS[tostring(process.name):lower()] then return end
  if call.status == false or call.status == 0 then return end
  local handle = get_argument(call, "ProcessHandle", "process_handle", "hProcess")
  local target = get_argument(call, "ProcessId", "process_identifier")
  if target ~= nil and tonumber(target) ~= nil and tonumber(target) ~= 0 then
    if tonumber(target) == tonumber(process.pid) then return end
  elseif is_self(handle) then
    return
  end
  mark_call()
  local key = tostring(process.pid) .. "|" .. tostring(handle)
  if not seen[key] then
    seen[key] = true
    mark({process = process.name, pid = process.pid, handle = handle, target_pid = target})
  end
end
