name = "accesses_public_folder"
description = "A file was accessed within the Public folder."
severity = 1
categories = {"stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1074/001/"}
ttps = {"T1074.001"}

-- C:\Users\Public is writable by every user and a common staging place for
-- payloads. Explorer also reads its desktop.ini, hence informational.
local PATTERN = ".*\\\\Users\\\\Public(\\\\.*)?$"

function run(results)
  for _, f in ipairs(check_file(PATTERN, {regex = true, all = true})) do
    mark({file = f})
  end
  return has_marks()
end
