name = "injection_resumethread"
description = "Resumes a thread in another process after writing to its memory"
severity = 3
categories = {"injection"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/003/",
              "https://attack.mitre.org/techniques/T1055/012/"}
ttps = {"T1055.003", "T1055.012"}

-- Thread execution hijacking and hollowing both end by resuming a thread of
-- a process the caller wrote into. The target pid comes from the resume call
-- itself (CAPE "ProcessId", Cuckoo "process_identifier"); writes are matched
-- to it through the pid of NtOpenProcess/CreateProcess handles or the
-- write's own pid argument.
filter_apinames = {"NtOpenProcess", "OpenProcess", "CreateProcessInternalW", "CreateProcessInternalA",
                   "WriteProcessMemory", "NtWriteVirtualMemory", "NtMapViewOfSection",
                   "NtResumeThread", "ResumeThread"}

local function hkey(v)
  if v == nil then return nil end
  local h = tostring(v):lower():gsub("^0x", ""):gsub("^0+", "")
  if h == "" or h == "ffffffff" or h == "ffffffffffffffff" or h == "-1" then return nil end
  return h
end

local handle_pid = {}   -- "me|handle" -> pid
local written = {}      -- "me|pid" -> true
local reported = {}

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local me = tostring(process.pid)
  local api = call.api
  if api == "NtResumeThread" or api == "ResumeThread" then
    local pid = get_argument(call, "ProcessId", "process_identifier")
    if pid == nil or tostring(pid) == me or tonumber(pid) == 0 then return end
    if written[me .. "|" .. tostring(pid)] then
      mark_call()
      local key = me .. ">" .. tostring(pid)
      if not reported[key] then
        reported[key] = true
        mark({process = process.name, pid = process.pid, target_pid = tonumber(pid) or tostring(pid)})
      end
    end
    return
  end
  local h = hkey(get_argument(call, "ProcessHandle", "process_handle"))
  if api == "NtOpenProcess" or api == "OpenProcess" or api:find("^CreateProcess") then
    local pid = get_argument(call, "ProcessIdentifier", "ProcessId", "process_identifier")
    if h and pid then handle_pid[me .. "|" .. h] = tostring(pid) end
  else
    local pid = get_argument(call, "ProcessId", "process_identifier")
    if pid == nil and h then pid = handle_pid[me .. "|" .. h] end
    if pid ~= nil and tostring(pid) ~= me then written[me .. "|" .. tostring(pid)] = true end
  end
end
