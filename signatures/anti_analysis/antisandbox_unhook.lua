name = "antisandbox_unhook"
description = "Tries to unhook or modify Windows functions monitored by Cuckoo"
severity = 3
categories = {"anti_sandbox", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1562/001/"}
ttps = {"T1562.001"}

-- The monitor notices when the bytes of one of its hooks are rewritten and
-- logs an "__anomaly__" pseudo-call with Subcategory "unhook". Restoring the
-- original prologue blinds the sandbox to everything that API does next.
filter_apinames = {"__anomaly__"}
markcount = 50

local seen = {}

function on_call(call, process)
  local sub = get_argument(call, "Subcategory", "subcategory")
  if type(sub) ~= "string" or sub:lower() ~= "unhook" then return end
  local fn = tostring(get_argument(call, "FunctionName", "funcname", "function_name") or "?")
  local kind = tostring(get_argument(call, "UnhookType", "unhooktype", "unhook_type") or "?")
  local key = fn .. "|" .. kind
  if seen[key] then return end
  seen[key] = true
  mark({unhook = "function_name: " .. fn .. ", type: " .. kind, process = process.name})
end
