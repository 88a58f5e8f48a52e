name = "antivm_generic_bios"
description = "Checks the version of Bios, possibly for anti-virtualization"
severity = 2
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- BIOS vendor/version strings (VBOX, VMware, QEMU, Bochs, "innotek") are the
-- cheapest VM check there is.
local PATTERN = ".*\\\\HARDWARE\\\\DESCRIPTION\\\\System\\\\(" ..
  "SystemBiosVersion|SystemBiosDate|VideoBiosVersion|VideoBiosDate" ..
  "|BIOS\\\\(SystemManufacturer|SystemProductName|BIOSVendor|BIOSVersion|BaseBoardManufacturer|BaseBoardProduct)" ..
  ")$"

function run(results)
  for _, key in ipairs(check_read_key(PATTERN, {regex = true, all = true})) do
    mark({key = key})
  end
  return has_marks()
end
