name = "exe_appdata"
description = "Drops an executable to the user AppData folder"
severity = 2
categories = {"dropper", "persistence"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1074/001/",
              "https://attack.mitre.org/techniques/T1036/005/"}
ttps = {"T1074.001"}

-- AppData (Roaming, Local, LocalLow, including Temp) is writable without
-- elevation and is where most commodity malware installs itself.
local PATTERN = ".*\\\\(AppData|Application Data)\\\\.*\\.(exe|dll|scr|com|cpl|pif)$"

function run(results)
  for _, file in ipairs(check_write_file(PATTERN, {regex = true, all = true})) do
    mark({file = file})
  end
  return has_marks()
end
