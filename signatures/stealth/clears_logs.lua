name = "clears_logs"
description = "Clears Windows events or logs"
severity = 2
categories = {"stealth", "defense_evasion"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1070/001/"}
ttps = {"T1070.001"}

-- Event logs cleared with the API or wevtutil/Clear-EventLog, or log files
-- deleted from disk (.evtx, the winevt directory, %WINDIR%\Logs).
-- Severity 2, not 3: Windows servicing (TrustedInstaller) rotates and
-- deletes its own CBS logs, as in the f5c93ac7 report; the marks name the
-- process when the deletion came from a call, so that case is easy to spot.
filter_apinames = {"ClearEventLogA", "ClearEventLogW", "EvtClearLog", "DeleteFileA", "DeleteFileW",
                   "NtDeleteFile"}

local LOG_FILE = "(?i)(\\.evtx$|\\\\winevt\\\\logs\\\\|^[a-z]:\\\\windows\\\\logs\\\\.+|\\\\system32\\\\logfiles\\\\.+)"
local COMMAND = "(?i)(wevtutil(\\.exe)?[\"']?\\s+(cl|clear-log)\\s|clear-eventlog|remove-eventlog|limit-eventlog|" ..
  "\\.clear\\(\\)|fsutil(\\.exe)?\\s+usn\\s+deletejournal)"

local seen = {}

local function add_file(f, who)
  local k = path.normalize(f):lower()
  if seen[k] then return end
  seen[k] = true
  mark({file = f, process = who})
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  if call.api:find("Clear") then
    mark({eventlog = tostring(get_argument(call, "SourceName", "Path", "ChannelPath", "handle") or "?"),
          process = process.name})
    mark_call()
    return
  end
  local f = get_argument(call, "FileName", "filepath", "lpFileName")
  if type(f) == "string" and re.match(f, LOG_FILE) then
    add_file(f, process.name)
    mark_call()
  end
end

local function has_delete_list(results)
  local s = type(results.behavior) == "table" and results.behavior.summary
  return type(s) == "table" and (s.delete_files ~= nil or s.file_deleted ~= nil)
end

function run(results)
  if has_delete_list(results) then
    for _, f in ipairs(check_delete_file(".*", {regex = true, all = true})) do
      if re.match(f, LOG_FILE) then add_file(f, nil) end
    end
  end
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, COMMAND) then mark({command = cmd}) end
  end
  return has_marks()
end
