name = "antisandbox_suspend"
description = "Tries to suspend Cuckoo threads to prevent logging of malicious activity"
severity = 3
categories = {"anti_sandbox"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1562/001/"}
ttps = {"T1562.001"}

-- The CAPE monitor tags NtSuspendThread calls aimed at its own threads with
-- an "Alert" argument ("Attempted to suspend capemon thread"). Suspending
-- every thread of the process but one's own is a known way to silence the
-- monitor.
filter_apinames = {"NtSuspendThread", "SuspendThread"}

local seen = {}

function on_call(call, process)
  local alert = get_argument(call, "Alert", "alert")
  if type(alert) ~= "string" or not alert:lower():find("suspend") then return end
  mark_call()
  local key = tostring(process.pid)
  if seen[key] then return end
  seen[key] = true
  mark({Process = tostring(process.name) .. " (" .. tostring(process.pid) .. ")", alert = alert})
end
