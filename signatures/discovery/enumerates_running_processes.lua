name = "enumerates_running_processes"
description = "Enumerates running processes"
severity = 1
categories = {"discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1057/"}
ttps = {"T1057"}

-- Walking the Toolhelp snapshot is how malware looks for analysis tools,
-- security products or an injection target. Legitimate software does it as
-- well, so it is informational; the marks show what the walker saw.
filter_apinames = {"Process32NextW", "Process32Next", "Process32FirstW", "Process32First"}
markcount = 100

local seen = {}

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local pname = get_argument(call, "ProcessName", "process_name")
  local pid = get_argument(call, "ProcessId", "process_identifier")
  if pname == nil then return end
  local key = tostring(pname) .. "|" .. tostring(pid)
  if seen[key] then return end
  seen[key] = true
  mark({process = tostring(pname) .. " with pid " .. tostring(pid), enumerator = process.name})
end
