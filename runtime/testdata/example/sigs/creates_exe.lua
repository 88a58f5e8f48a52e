name = "creates_exe"
description = "Creates a Windows executable on the filesystem"
severity = 2
categories = {"dropper"}

function run(results)
  for _, file_name in ipairs(check_file(".*\\.exe$", {regex = true, all = true})) do
    mark({file_name = file_name})
  end
  return has_marks()
end
