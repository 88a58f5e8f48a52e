name = "recon_systeminfo"
description = "Collects system information with built-in command-line tools"
severity = 2
categories = {"discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1082/",
              "https://attack.mitre.org/techniques/T1016/",
              "https://attack.mitre.org/techniques/T1033/"}
ttps = {"T1082", "T1016", "T1033"}

-- The reconnaissance commands loaders run first and send home: systeminfo,
-- ipconfig /all, whoami, net view/user/group/config, nltest, arp -a, ...
local COMMANDS = {
  {"system", "(?i)(^|[\\s\\\\/\"'&|(])systeminfo(\\.exe)?([\\s\"'&|)]|$)"},
  {"network", "(?i)(^|[\\s\\\\/\"'&|(])ipconfig(\\.exe)?\\s+/all"},
  {"network", "(?i)(^|[\\s\\\\/\"'&|(])(arp(\\.exe)?\\s+-a|route(\\.exe)?\\s+print|netstat(\\.exe)?\\s+-[a-z]*[an])"},
  {"user", "(?i)(^|[\\s\\\\/\"'&|(])whoami(\\.exe)?([\\s\"'&|)]|$)"},
  {"domain", "(?i)(^|[\\s\\\\/\"'&|(])net1?(\\.exe)?\\s+(view|user|group|localgroup|config|accounts|share)"},
  {"domain", "(?i)(^|[\\s\\\\/\"'&|(])nltest(\\.exe)?\\s+/(dclist|domain_trusts|dsgetdc)"},
  {"system", "(?i)(^|[\\s\\\\/\"'&|(])wmic(\\.exe)?\\s+.*(computersystem|os|bios|csproduct|product|antivirusproduct|qfe)\\s+(get|list)"},
  {"processes", "(?i)(^|[\\s\\\\/\"'&|(])tasklist(\\.exe)?([\\s\"'&|)]|$)"},
}

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, c in ipairs(COMMANDS) do
      if re.match(cmd, c[2]) then
        mark({command = cmd, kind = c[1]})
        break
      end
    end
  end
  return has_marks()
end
