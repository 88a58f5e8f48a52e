name = "checks_debugger"
description = "Checks if process is being debugged by a debugger"
severity = 1
categories = {"anti_debug"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1622/"}
ttps = {"T1622"}

-- The documented debugger checks, plus NtQueryInformationProcess with the
-- debug-related classes (ProcessDebugPort 7, ProcessDebugObjectHandle 30,
-- ProcessDebugFlags 31). Runtimes call IsDebuggerPresent routinely, so this
-- is informational.
filter_apinames = {"IsDebuggerPresent", "CheckRemoteDebuggerPresent", "NtQueryInformationProcess"}

local DEBUG_CLASSES = {[7] = "ProcessDebugPort", [30] = "ProcessDebugObjectHandle", [31] = "ProcessDebugFlags"}
local seen = {}

function on_call(call, process)
  local what = call.api
  if what == "NtQueryInformationProcess" then
    local cls = to_int(get_argument(call, "ProcessInformationClass") or get_argument(call, "information_class"))
    if cls == nil or DEBUG_CLASSES[cls] == nil then return end
    what = what .. "(" .. DEBUG_CLASSES[cls] .. ")"
  end
  local key = tostring(process.pid) .. "|" .. what
  if seen[key] then return end
  seen[key] = true
  mark({api = what, process = process.name})
  mark_call()
end
