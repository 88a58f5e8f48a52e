name = "injection_createremotethread"
description = "Code injection with CreateRemoteThread in a remote process"
severity = 3
categories = {"injection"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/001/",
              "https://attack.mitre.org/techniques/T1055/002/"}
ttps = {"T1055.001", "T1055.002"}

-- Classic injection: open a process, write into it, start a thread there.
-- Handles are mapped to pids from NtOpenProcess (and CreateProcess); a thread
-- started in a process that was not written to first is not counted.
filter_apinames = {
  "NtOpenProcess", "OpenProcess", "CreateProcessInternalW", "CreateProcessInternalA",
  "WriteProcessMemory", "NtWriteVirtualMemory", "NtMapViewOfSection",
  "CreateRemoteThread", "CreateRemoteThreadEx", "NtCreateThreadEx", "NtCreateThread",
  "RtlCreateUserThread",
}

local function hkey(v)
  if v == nil then return nil end
  if type(v) == "number" then
    if v == -1 or v == 4294967295 then return nil end
    return tostring(v)
  end
  local h = tostring(v):lower():gsub("^0x", ""):gsub("^0+", "")
  if h == "" or h == "ffffffff" or h == "ffffffffffffffff" then return nil end
  return h
end

local names = nil
local handles = {}   -- ["pid|handle"] = {pid = target pid, written = bool}
local reported = {}

local function name_of(pid)
  if names == nil then
    names = {}
    for _, p in ipairs(processes()) do
      if p.pid ~= nil then names[tostring(p.pid)] = p.name end
    end
  end
  return names[pid]
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local api = call.api
  local me = tostring(process.pid)
  local h = hkey(get_argument(call, "ProcessHandle", "process_handle", "hProcess"))
  if h == nil then return end
  local slot = me .. "|" .. h
  if api == "NtOpenProcess" or api == "OpenProcess" or api:find("^CreateProcess") then
    local pid = get_argument(call, "ProcessIdentifier", "ProcessId", "process_identifier", "dwProcessId")
    handles[slot] = {pid = tostring(pid), written = false}
  elseif api == "WriteProcessMemory" or api == "NtWriteVirtualMemory" or api == "NtMapViewOfSection" then
    local t = handles[slot]
    if t == nil then
      t = {pid = tostring(get_argument(call, "ProcessId", "process_identifier") or "?"), written = false}
      handles[slot] = t
    end
    t.written = true
  else
    local t = handles[slot]
    if t == nil or not t.written or t.pid == me then return end
    mark_call()
    local entry = string.format("%s(%s) -> %s(%s)", tostring(process.name), me,
                                tostring(name_of(t.pid) or "?"), t.pid)
    if not reported[entry] then
      reported[entry] = true
      mark({Injection = entry})
    end
  end
end
