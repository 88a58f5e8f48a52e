name = "suspicious_ping_use"
description = "A ping command was executed with the -n argument possibly to delay analysis"
severity = 2
categories = {"anti_analysis", "execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/003/"}
ttps = {"T1497.003"}

-- "ping -n N 127.0.0.1" is the batch idiom for sleeping N seconds, typically
-- before deleting or overwriting the original sample.

local PATTERN = "(?i)(^|[\\s\\\\/\"'&|(])ping(\\.exe)?\\s.*-n\\s+\\d+"

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, PATTERN) then
      mark({command = cmd})
    end
  end
  return has_marks()
end
