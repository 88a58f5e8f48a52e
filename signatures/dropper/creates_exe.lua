name = "creates_exe"
description = "Creates a Windows executable on the filesystem"
severity = 2
categories = {"dropper"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1105/"}
ttps = {"T1105"}

-- Any written file with an executable-image extension.
local PATTERN = ".*\\.(exe|dll|scr|sys|com|cpl|ocx|pif)$"

function run(results)
  for _, file in ipairs(check_write_file(PATTERN, {regex = true, all = true})) do
    mark({file_name = file})
  end
  return has_marks()
end
