name = "ransomware_shadowcopy"
description = "Removes the Shadow Copy to avoid recovery of the system"
severity = 3
categories = {"ransomware"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1490/"}
ttps = {"T1490"}

-- Deleting or shrinking Volume Shadow Copies, the backup catalog or the
-- boot recovery options: the usual preparation before encrypting files.
local COMMANDS = {
  "(?i)vssadmin(\\.exe)?[\"']?\\s+.*(delete\\s+shadows|resize\\s+shadowstorage)",
  "(?i)wmic(\\.exe)?[\"']?\\s+.*shadowcopy\\s+(.*\\s)?delete",
  "(?i)win32_shadowcopy.*(delete|remove)",
  "(?i)(get-wmiobject|gwmi|get-ciminstance)\\s+.*win32_shadowcopy.*remove",
  "(?i)bcdedit(\\.exe)?[\"']?\\s+.*(recoveryenabled\\s+(no|off)|bootstatuspolicy\\s+ignoreallfailures)",
  "(?i)wbadmin(\\.exe)?[\"']?\\s+.*delete\\s+(catalog|systemstatebackup|backup)",
  "(?i)diskshadow(\\.exe)?.*delete\\s+shadows",
}

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, p in ipairs(COMMANDS) do
      if re.match(cmd, p) then
        mark({command = cmd})
        break
      end
    end
  end
  return has_marks()
end
