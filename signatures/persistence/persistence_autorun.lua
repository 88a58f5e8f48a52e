name = "persistence_autorun"
description = "Installs itself for autorun at Windows startup"
severity = 3
categories = {"persistence"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1547/001/",
              "https://attack.mitre.org/techniques/T1547/004/",
              "https://attack.mitre.org/techniques/T1546/012/"}
ttps = {"T1547.001", "T1547.004", "T1546.012"}

-- Registry autostart locations (Run keys, Winlogon, IFEO debugger, AppInit)
-- and the Startup folders. Written values are taken from the summary (every
-- layout) and, where the call log has them, from the registry write calls so
-- the mark can show what will be started.
filter_apinames = {"RegSetValueExA", "RegSetValueExW", "NtSetValueKey", "RegSetKeyValueA", "RegSetKeyValueW"}
filter_arguments = {
  FullName = {"\\Run", "Winlogon", "Image File Execution Options", "AppInit_DLLs", "Explorer\\Shell Folders", "Active Setup"},
  regkey = {"\\Run", "Winlogon", "Image File Execution Options", "AppInit_DLLs", "Explorer\\Shell Folders", "Active Setup"},
}

local KEY = ".*\\\\(" ..
  "Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows\\\\CurrentVersion\\\\(Run|RunOnce|RunOnceEx|RunServices|RunServicesOnce)\\\\.*" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows\\\\CurrentVersion\\\\Policies\\\\Explorer\\\\Run\\\\.*" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows NT\\\\CurrentVersion\\\\Winlogon\\\\(Shell|Userinit|Taskman)" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows NT\\\\CurrentVersion\\\\Windows\\\\(AppInit_DLLs|Load|Run)" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Windows NT\\\\CurrentVersion\\\\Image File Execution Options\\\\[^\\\\]+\\\\Debugger" ..
  "|Software\\\\(Wow6432Node\\\\)?Microsoft\\\\Active Setup\\\\Installed Components\\\\[^\\\\]+\\\\StubPath" ..
  ")$"
local STARTUP = ".*\\\\(Start Menu|Startmenü|Menu D.marrer)\\\\Programs\\\\Startup\\\\.+"

local seen = {}

local function matches(key)
  return re.match(key, "(?i)^" .. KEY)
end

function on_call(call, process)
  local key = get_argument(call, "FullName", "regkey")
  if type(key) ~= "string" or not matches(key) then return end
  if call.status == false or call.status == 0 then return end
  local data = get_argument(call, "Buffer", "value", "Data")
  if not seen[key:lower()] then
    seen[key:lower()] = true
    mark({key = key})
  end
  if data ~= nil then
    mark({data = tostring(data), process = process.name})
  end
  mark_call()
end

function run(results)
  for _, key in ipairs(check_write_key(KEY, {regex = true, all = true})) do
    if not seen[key:lower()] then
      seen[key:lower()] = true
      mark({key = key})
    end
  end
  for _, file in ipairs(check_write_file(STARTUP, {regex = true, all = true})) do
    if not file:lower():find("desktop%.ini$") then
      mark({file = file})
    end
  end
  return has_marks()
end
