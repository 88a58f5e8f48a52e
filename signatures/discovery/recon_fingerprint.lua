name = "recon_fingerprint"
description = "Collects information to fingerprint the system"
severity = 2
categories = {"discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1082/"}
ttps = {"T1082"}

-- Registry values that identify one installation: product id, machine
-- GUID, install date, registered owner. Bots derive their victim id from
-- them. Read by some legitimate software too, so severity 2.

local PATTERN = ".*\\\\(" ..
  "Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows NT\\\\CurrentVersion\\\\(ProductId|DigitalProductId|DigitalProductId4|InstallDate|RegisteredOwner|RegisteredOrganization)" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows\\\\CurrentVersion\\\\ProductId" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Cryptography\\\\MachineGuid" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Internet Explorer\\\\Registration\\\\ProductId" ..
  ")$"

function run(results)
  for _, key in ipairs(check_read_key(PATTERN, {regex = true, all = true})) do
    mark({regkey = key})
  end
  return has_marks()
end
