name = "persistence_autorun_tasks"
description = "Installs itself for autorun at Windows startup with a scheduled task"
severity = 3
categories = {"persistence"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1053/005/"}
ttps = {"T1053.005"}

-- A task created from the command line (schtasks /create, at, or the
-- PowerShell ScheduledTasks cmdlets), or a task file written into the Tasks
-- folder.
local COMMANDS = {
  "(?i)(^|[\\s\\\\/\"'&|(])schtasks(\\.exe)?[\"']?\\s+.*/create",
  "(?i)(^|[\\s\\\\/\"'&|(])at(\\.exe)?\\s+\\d{1,2}:\\d{2}",
  "(?i)register-scheduledtask|new-scheduledtaskaction",
}
local TASK_FILE = ".*\\\\Windows\\\\(System32\\\\|SysWOW64\\\\)?Tasks\\\\.+"

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, p in ipairs(COMMANDS) do
      if re.match(cmd, p) then
        mark({task = cmd})
        break
      end
    end
  end
  for _, f in ipairs(check_write_file(TASK_FILE, {regex = true, all = true})) do
    mark({task_file = f})
  end
  return has_marks()
end
