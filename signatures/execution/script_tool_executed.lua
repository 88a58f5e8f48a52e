name = "script_tool_executed"
description = "A scripting utility was executed"
severity = 2
categories = {"execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1059/001/",
              "https://attack.mitre.org/techniques/T1059/005/",
              "https://attack.mitre.org/techniques/T1218/005/"}
ttps = {"T1059.001", "T1059.005", "T1218.005"}

-- Script hosts anywhere in an executed command line, including command lines
-- that only schedule them (schtasks /tr "... cscript.exe ...").
-- Python is not in the list: the CAPE agent itself runs as pyw.exe.

local HOSTS = "(cscript|wscript|powershell|powershell_ise|pwsh|mshta|scrcons)"
local PATTERN = "(?i)(^|[\\s\\\\/\"'&|(=])" .. HOSTS .. "(\\.exe)?([\\s\"'&|)]|$)"

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    local hit = re.find(cmd, PATTERN)
    if hit then
      local tool = re.find(hit:lower(), HOSTS)
      mark({command = cmd, tool = tool})
    end
  end
  return has_marks()
end
