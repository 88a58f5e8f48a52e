name = "mimics_agent"
description = "Mimics the system's user agent string for its own requests"
severity = 2
categories = {"network", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/001/"}
ttps = {"T1071.001"}

-- ObtainUserAgentString returns the browser's User-Agent; malware copies it
-- so its HTTP traffic blends in with the browser's.
filter_apinames = {"ObtainUserAgentString"}

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  mark({process = process.name, pid = process.pid})
  mark_call()
  return true
end
