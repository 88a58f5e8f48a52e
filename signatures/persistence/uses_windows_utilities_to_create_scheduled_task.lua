name = "uses_windows_utilities_to_create_scheduled_task"
description = "Uses Windows utilities to create a scheduled task"
severity = 2
categories = {"persistence", "execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1053/005/"}
ttps = {"T1053.005"}

-- schtasks.exe invoked with /create (directly or nested in cmd /c).
local PATTERN = "(?i)(^|[\\s\\\\/\"'&|(])schtasks(\\.exe)?[\"']?\\s+.*/create"

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, PATTERN) then mark({command = cmd}) end
  end
  return has_marks()
end
