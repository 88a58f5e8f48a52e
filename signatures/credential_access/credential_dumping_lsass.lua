name = "credential_dumping_lsass"
description = "Accesses the memory of the LSASS process, possibly to dump credentials"
severity = 3
categories = {"credential_access"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1003/001/"}
ttps = {"T1003.001"}

-- A successful open of lsass.exe with PROCESS_VM_READ (0x10) or
-- PROCESS_ALL_ACCESS, a MiniDumpWriteDump call, or comsvcs.dll MiniDump
-- from the command line. lsass' pid is taken from the report's process list
-- and from what the sample itself enumerated (Process32Next).
filter_apinames = {"NtOpenProcess", "OpenProcess", "MiniDumpWriteDump", "Process32NextW", "Process32Next"}

local PROCESS_VM_READ = 0x10
local lsass_pids = nil
local seen = {}

local function succeeded(call)
  if call.status == false or call.status == 0 then return false end
  local r = get_return(call)
  if type(r) == "string" then
    local hex = r:match("^0[xX](%x+)$")
    if hex then return tonumber(hex, 16) == 0 end
  elseif type(r) == "number" then
    return r == 0
  end
  return true
end

local function pids()
  if lsass_pids == nil then
    lsass_pids = {}
    for _, p in ipairs(processes()) do
      if type(p.name) == "string" and p.name:lower() == "lsass.exe" and p.pid ~= nil then
        lsass_pids[tostring(p.pid)] = true
      end
    end
  end
  return lsass_pids
end

function on_call(call, process)
  local api = call.api
  if api:find("^Process32Next") then
    local n = get_argument(call, "ProcessName", "process_name")
    local pid = get_argument(call, "ProcessId", "process_identifier")
    if type(n) == "string" and n:lower() == "lsass.exe" and pid ~= nil then pids()[tostring(pid)] = true end
    return
  end
  if tostring(process.name):lower() == "lsass.exe" then return end
  if api == "MiniDumpWriteDump" then
    mark({process = process.name, api = api})
    mark_call()
    return
  end
  local pid = get_argument(call, "ProcessIdentifier", "process_identifier", "ProcessId", "dwProcessId")
  if pid == nil or not pids()[tostring(pid)] then return end
  local access = to_int(get_argument(call, "DesiredAccess", "desired_access", "dwDesiredAccess"))
  if access == nil or math.floor(access / PROCESS_VM_READ) % 2 ~= 1 then return end
  -- NtOpenProcess returns an NTSTATUS, OpenProcess a handle
  local ok = (api == "NtOpenProcess") and succeeded(call) or (call.status ~= false and call.status ~= 0)
  if not ok then return end
  local key = tostring(process.pid)
  mark_call()
  if not seen[key] then
    seen[key] = true
    mark({process = process.name, lsass_pid = tonumber(pid) or tostring(pid), access = get_argument(call, "DesiredAccess", "desired_access")})
  end
end

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    if re.match(cmd, "(?i)comsvcs(\\.dll)?[\"']?\\s*,\\s*(#\\s*24|minidump)") or re.match(cmd, "(?i)sekurlsa::") then
      mark({command = cmd})
    end
  end
  return has_marks()
end
