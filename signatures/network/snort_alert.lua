name = "snort_alert"
description = "Raised Snort alerts"
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://www.snort.org/"}

-- Cuckoo's snort processing module output (snort.alerts). Cuckoo rates this
-- 3; many stock rules fire on the sandbox's own background traffic (the
-- benign report in the corpus has "ATTACK RESPONSES id check returned root"
-- on multicast), so it is kept at 2.

function run(results)
  local sn = results.snort
  if type(sn) ~= "table" or type(sn.alerts) ~= "table" then return false end
  local seen = {}
  for _, a in ipairs(sn.alerts) do
    if type(a) == "table" and type(a.message) == "string" and not seen[a.message] then
      seen[a.message] = true
      mark_ioc("snort", a.message)
    end
  end
  return has_marks()
end
