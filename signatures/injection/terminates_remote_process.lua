name = "terminates_remote_process"
description = "Terminates another process"
severity = 2
categories = {"injection", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1489/",
              "https://attack.mitre.org/techniques/T1562/001/"}
ttps = {"T1489", "T1562.001"}

-- NtTerminateProcess on a handle other than the process itself (NULL and
-- NtCurrentProcess() = -1 mean "self"). Killing security tools, a hollowed
-- child's original image, or a competing instance all look like this.
filter_apinames = {"NtTerminateProcess", "TerminateProcess"}

local function is_self(handle)
  if handle == nil then return true end
  if type(handle) == "number" then return handle == 0 or handle == -1 or handle == 4294967295 end
  local h = tostring(handle):lower():gsub("^0x", ""):gsub("^0+", "")
  return h == "" or h == "ffffffff" or h == "ffffffffffffffff"
end

local names = nil
local seen = {}

local function name_of(pid)
  if names == nil then
    names = {}
    for _, p in ipairs(processes()) do
      if tonumber(p.pid) ~= nil then names[tonumber(p.pid)] = p.name end
    end
  end
  return names[pid]
end

function on_call(call, process)
  local handle = get_argument(call, "ProcessHandle", "process_handle", "hProcess")
  local target_pid = get_argument(call, "ProcessId", "process_identifier")
  if target_pid ~= nil and tonumber(target_pid) ~= nil and tonumber(target_pid) ~= 0
     and tonumber(process.pid) ~= nil then
    -- Cuckoo 2 resolves the handle to a pid: trust that over the handle value
    if tonumber(target_pid) == tonumber(process.pid) then return end
  elseif is_self(handle) then
    return
  end
  if call.status == false or call.status == 0 then return end
  local entry = {process = process.name}
  if target_pid ~= nil and tonumber(target_pid) ~= 0 then
    entry.target_pid = tonumber(target_pid)
    entry.target = name_of(entry.target_pid)
  end
  mark_call()
  local key = tostring(process.pid) .. ">" .. tostring(entry.target_pid)
  if not seen[key] then
    seen[key] = true
    mark(entry)
  end
end
