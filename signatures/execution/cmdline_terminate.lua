name = "cmdline_terminate"
description = "Executed a command line with /C or /R argument to terminate command shell on completion which can be used to hide execution"
severity = 1
categories = {"execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1059/003/"}
ttps = {"T1059.003"}

local PATTERN = "(?i)(^|[\\s\\\\/\"'&|(])cmd(\\.exe)?[\"']?\\s+(/[a-z:]+\\s+)*/[cr]\\b"

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, PATTERN) then
      mark({command = cmd})
    end
  end
  return has_marks()
end
