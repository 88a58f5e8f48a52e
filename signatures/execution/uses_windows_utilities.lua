name = "uses_windows_utilities"
description = "Uses Windows utilities for basic functionality"
severity = 1
categories = {"execution", "discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1059/003/",
              "https://attack.mitre.org/techniques/T1082/"}
ttps = {"T1059.003", "T1082"}

-- Malware often drives the built-in command-line tools instead of calling
-- the API itself. A program counts when it is started by a command line
-- (first word, after & / | / cmd /c, or any word ending in .exe). A program
-- started by full path from outside the Windows directory is not a Windows
-- utility (e.g. a sample named fsutil.exe run from %TEMP%) and is ignored.

local UTILITIES = {}
for _, u in ipairs({
  "arp", "at", "attrib", "bcdedit", "bitsadmin", "cacls", "certutil", "cipher", "cmd",
  "driverquery", "dsquery", "esentutl", "fsutil", "ftp", "getmac", "gpresult", "hostname",
  "icacls", "ipconfig", "mountvol", "nbtstat", "net", "net1", "netsh", "netstat", "nltest",
  "nslookup", "ping", "qprocess", "query", "quser", "qwinsta", "reg", "route", "sc",
  "schtasks", "setx", "shutdown", "systeminfo", "takeown", "taskkill", "tasklist", "timeout",
  "tracert", "vssadmin", "wbadmin", "wevtutil", "whoami", "wmic", "xcopy",
}) do UTILITIES[u] = true end

-- Programs a command line starts, lowercased, without directory or ".exe".
-- Returns a list of {name = ..., full = original token}.
local function programs(cmd)
  local s = cmd:gsub("[\"']", " "):gsub("[&|()]", " & "):gsub("[<>]", " > ")
  local out = {}
  local expect, after_start, skip, current = true, false, false, nil
  for tok in s:gmatch("%S+") do
    local t = tok:lower()
    local base = t:match("([^\\/]+)$") or t
    local bare = (base:gsub("%.exe$", ""))
    if t == "&" then
      expect, after_start, skip = true, false, false
    elseif t == ">" then
      skip = true
    elseif skip then
      skip = false
    elseif expect and (bare == "start" or bare == "call") then
      after_start = true
    elseif expect and after_start and t:sub(1, 1) == "/" then
      -- an option of start
    elseif expect then
      out[#out + 1] = {name = bare, full = tok}
      current, expect, after_start = bare, false, false
    elseif current == "cmd" and (t == "/c" or t == "/k" or t == "/r") then
      expect = true
    elseif base:find("%.exe$") then
      out[#out + 1] = {name = bare, full = tok}
    end
  end
  return out
end

local function outside_windows(token)
  if not token:find("[\\/]") then return false end
  local p = token:lower():gsub("/", "\\")
  return not (p:find("^%a:\\windows\\") or p:find("^\\systemroot\\") or p:find("^%%windir%%\\")
              or p:find("^%%systemroot%%\\"))
end

function run(results)
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, prog in ipairs(programs(cmd)) do
      if UTILITIES[prog.name] and not outside_windows(prog.full) then
        mark({command = cmd, utility = prog.name})
        break
      end
    end
  end
  return has_marks()
end
