name = "uac_bypass_registry"
description = "Hijacks a shell open command used by an auto-elevating binary (UAC bypass)"
severity = 3
categories = {"privilege_escalation", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1548/002/"}
ttps = {"T1548.002"}

-- fodhelper/computerdefaults (ms-settings), eventvwr (mscfile), sdclt
-- (exefile / App Paths control.exe) and WSReset (AppX82a6...) read a
-- per-user shell\open\command key and run it elevated without a prompt.
local KEYS = ".*\\\\Software\\\\Classes\\\\(" ..
  "ms-settings|mscfile|exefile|Folder|AppX82a6gwre4fdg3bt635tn5ctqjf8msdd|Launcher\\.SystemSettings" ..
  ")\\\\shell\\\\(open|runas)\\\\command(\\\\.*)?$"
local APP_PATHS = ".*\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\App Paths\\\\control\\.exe(\\\\.*)?$"

function run(results)
  for _, key in ipairs(check_write_key(KEYS, {regex = true, all = true})) do
    mark({key = key})
  end
  for _, key in ipairs(check_write_key(APP_PATHS, {regex = true, all = true})) do
    if key:lower():find("^hkey_current_user") then mark({key = key}) end
  end
  return has_marks()
end
