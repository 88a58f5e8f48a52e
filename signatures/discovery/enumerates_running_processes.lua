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

local function arg(call, ...)
  for i = 1, select("#", ...) do
    local v = get_argument(call, (select(i, ...)))
    if v ~= nil then return v end
  end
  return nil
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local pname = arg(call, "ProcessName", "process_name")
  local pid = arg(call, "ProcessId", "process_identifier")
  if pname == nil then return end
  local key = tostring(pname) .. "|" .. tostring(pid)
  if seen[key] then return end
  seen[key] = true
  mark({process = tostring(pname) .. " with pid " .. tostring(pid), enumerator = process.name})
end
