name = "antivm_vbox_keys"
description = "Detects VirtualBox through the presence of a registry key"
severity = 3
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- ACPI tables carrying the VBOX__ OEM id, the Guest Additions key and the
-- guest driver services exist only inside VirtualBox.
local PATTERN = ".*\\\\(" ..
  "HARDWARE\\\\ACPI\\\\(DSDT|FADT|RSDT)\\\\VBOX__(\\\\.*)?" ..
  "|SOFTWARE\\\\(Wow6432Node\\\\)?Oracle\\\\VirtualBox Guest Additions(\\\\.*)?" ..
  "|SYSTEM\\\\(CurrentControlSet|ControlSet\\d{3})\\\\Services\\\\(VBoxGuest|VBoxMouse|VBoxService|VBoxSF|VBoxVideo|VBoxWddm)(\\\\.*)?" ..
  ")$"

function run(results)
  for _, key in ipairs(check_key(PATTERN, {regex = true, all = true})) do
    mark({key = key})
  end
  return has_marks()
end
