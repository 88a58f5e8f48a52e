name = "antivm_queries_computername"
description = "Queries computer hostname"
severity = 1
categories = {"anti_vm", "discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1082/",
              "https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1082", "T1497.001"}

-- Host names of public sandboxes are known and checked against; bots also
-- put the name into their victim id. Informational.
filter_apinames = {"GetComputerNameA", "GetComputerNameW", "GetComputerNameExA", "GetComputerNameExW"}

local seen = {}

function on_call(call, process)
  local name = get_argument(call, "ComputerName", "computer_name", "lpBuffer")
  local key = tostring(process.pid) .. "|" .. tostring(name)
  if seen[key] then return end
  seen[key] = true
  mark({process = process.name, computer_name = name})
end
