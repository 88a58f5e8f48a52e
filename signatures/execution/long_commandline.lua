name = "long_commandline"
description = "Executed a very long command line or script command which may be indicative of chained commands or obfuscation"
severity = 2
categories = {"execution", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/010/"}
ttps = {"T1027.010"}

-- Threshold chosen from the corpus: the longest benign-looking command lines
-- (service hosts, taskeng, Office updaters) stay well under 200 characters.
local THRESHOLD = 200

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if #cmd > THRESHOLD then
      mark({command = cmd, length = #cmd})
    end
  end
  return has_marks()
end
