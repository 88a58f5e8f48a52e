name = "exec_crash"
description = "At least one process apparently crashed during execution"
severity = 1
categories = {"execution"}
authors = {"sigrun"}
references = {"https://learn.microsoft.com/en-us/windows/win32/wer/windows-error-reporting"}

-- Windows Error Reporting is started for a crashed process as
-- "WerFault.exe -u -p <pid> -s <n>". A crash matters because the behaviour
-- after it is missing from the report (and exploits or anti-analysis tricks
-- often crash on purpose). CAPE 2.2 did not report this for the 0000a657
-- report although WerFault ran for two crashed processes there.
local PATTERN = "(?i)(^|[\\s\\\\/\"'])werfault(\\.exe)?[\"']?\\s+.*-p\\s+(\\d+)"

function run(results)
  local names = {}
  for _, p in ipairs(processes()) do
    if p.pid ~= nil then names[tostring(p.pid)] = p.name end
  end
  local seen = {}
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, PATTERN) then
      local pid = cmd:lower():match("%-p%s+(%d+)")
      if pid and not seen[pid] then
        seen[pid] = true
        mark({crashed_pid = tonumber(pid), process = names[pid], command = cmd})
      end
    end
  end
  return has_marks()
end
