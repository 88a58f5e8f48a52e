name = "injection_runpe"
description = "Executed a process and injected code into it, probably while unpacking"
severity = 3
categories = {"injection"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/012/"}
ttps = {"T1055.012"}

-- Process hollowing / RunPE: create a child suspended, replace or patch its
-- memory (write or map a section into it), optionally fix up its thread
-- context, then resume its thread. Tracked per creating process by the
-- process and thread handles CreateProcess returned.
filter_apinames = {
  "CreateProcessInternalW", "CreateProcessInternalA", "CreateProcessW", "CreateProcessA",
  "NtCreateUserProcess",
  "WriteProcessMemory", "NtWriteVirtualMemory", "NtMapViewOfSection", "NtUnmapViewOfSection",
  "NtGetContextThread", "NtSetContextThread", "SetThreadContext", "GetThreadContext",
  "NtResumeThread", "ResumeThread",
}

local CREATE_SUSPENDED = 0x4

local function hkey(v)
  if v == nil then return nil end
  if type(v) == "number" then return tostring(v) end
  local h = tostring(v):lower():gsub("^0x", ""):gsub("^0+", "")
  if h == "" then return nil end
  return h
end

local names = nil
local children = {}  -- [creator pid] = { by_process = {[h] = child}, by_thread = {[h] = child} }
local reported = {}

local function state(pid)
  local s = children[pid]
  if s == nil then
    s = {by_process = {}, by_thread = {}}
    children[pid] = s
  end
  return s
end

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
  local s = state(tostring(process.pid))
  if api:find("^CreateProcess") then
    local flags = to_int(get_argument(call, "CreationFlags", "creation_flags", "dwCreationFlags"))
    if flags == nil or math.floor(flags / CREATE_SUSPENDED) % 2 ~= 1 then return end
    local ph = hkey(get_argument(call, "ProcessHandle", "process_handle"))
    local th = hkey(get_argument(call, "ThreadHandle", "thread_handle"))
    if ph == nil then return end
    local child = {pid = tostring(get_argument(call, "ProcessId", "process_identifier") or "?"),
                   cmd = get_argument(call, "CommandLine", "command_line", "ApplicationName", "filepath"),
                   modified = false}
    s.by_process[ph] = child
    if th ~= nil then s.by_thread[th] = child end
  elseif next(s.by_process) == nil then
    -- nothing created suspended yet: the common case, skip argument decoding
    return
  elseif api == "WriteProcessMemory" or api == "NtWriteVirtualMemory" or api == "NtMapViewOfSection"
      or api == "NtUnmapViewOfSection" then
    local child = s.by_process[hkey(get_argument(call, "ProcessHandle", "process_handle")) or ""]
    if child then
      child.modified = true
      mark_call()
    end
  elseif api == "NtResumeThread" or api == "ResumeThread" then
    local child = s.by_thread[hkey(get_argument(call, "ThreadHandle", "thread_handle")) or ""]
    if child and child.modified then
      mark_call()
      local entry = string.format("%s(%s) -> %s(%s)", tostring(process.name), tostring(process.pid),
                                  tostring(name_of(child.pid) or child.cmd or "?"), child.pid)
      if not reported[entry] then
        reported[entry] = true
        mark({Injection = entry})
      end
    end
  else
    -- thread context access on a tracked child thread is part of the pattern
    local child = s.by_thread[hkey(get_argument(call, "ThreadHandle", "thread_handle")) or ""]
    if child then mark_call() end
  end
end

function on_complete()
  -- only the resumed-after-modification case counts
  for _ in pairs(reported) do return true end
  return false
end
