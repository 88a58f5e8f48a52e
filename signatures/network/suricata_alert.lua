name = "suricata_alert"
description = "Raised Suricata alerts"
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://suricata.io/"}

-- Suricata alerts from the sandbox's processing (suricata.alerts). Cuckoo
-- stores "signature", CAPE "signature" too; both carry the rule text.

function run(results)
  local su = results.suricata
  if type(su) ~= "table" or type(su.alerts) ~= "table" then return false end
  local seen = {}
  for _, a in ipairs(su.alerts) do
    if type(a) == "table" then
      local msg = a.signature or a.message
      if type(msg) == "string" and not seen[msg] then
        seen[msg] = true
        mark_ioc("suricata", msg)
      end
    end
  end
  return has_marks()
end
