name = "suspicious_command_tools"
description = "Uses suspicious command line tools or Windows utilities"
severity = 2
categories = {"execution", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1059/003/",
              "https://attack.mitre.org/techniques/T1053/005/",
              "https://attack.mitre.org/techniques/T1218/"}
ttps = {"T1059.003", "T1053.005", "T1218"}

-- Narrower than uses_windows_utilities: tools that change system state,
-- persistence, security or recovery settings, or proxy execution
-- (scheduled tasks, services, ACLs, boot config, event logs, certutil,
-- bitsadmin, mshta, regsvr32 ...). Plain recon tools (ping, systeminfo) and
-- cmd itself are not in the list.

local TOOLS = {}
for _, u in ipairs({
  "at", "attrib", "bcdedit", "bitsadmin", "cacls", "certutil", "cipher", "icacls", "mshta",
  "netsh", "nltest", "reg", "regsvr32", "sc", "schtasks", "takeown", "vssadmin", "wbadmin",
  "wevtutil", "wmic", "cmstp", "regasm", "regsvcs", "installutil", "msiexec", "odbcconf",
  "esentutl", "vaultcmd", "mavinject",
}) do TOOLS[u] = true end

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
      if TOOLS[prog.name] and not outside_windows(prog.full) then
        mark({command = cmd, tool = prog.name})
        break
      end
    end
  end
  return has_marks()
end
