name = "modify_proxy"
description = "Attempts to modify proxy settings"
severity = 2
categories = {"stealth", "network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1090/",
              "https://attack.mitre.org/techniques/T1112/"}
ttps = {"T1090", "T1112"}

-- Proxy configuration lives in the Internet Settings values below; a binary
-- blob under Connections holds the per-connection copy. Banking trojans and
-- adware point it to their own proxy or PAC file. Severity stays at 2 because
-- WinINet itself rewrites Connections\DefaultConnectionSettings the first time
-- a process initialises it (every CAPE report here shows that write).

local PATTERN = ".*\\\\Software\\\\(Wow6432Node\\\\)?(Policies\\\\)?Microsoft\\\\Windows\\\\CurrentVersion\\\\Internet Settings\\\\" ..
  "(ProxyEnable|ProxyServer|ProxyOverride|AutoConfigURL|AutoDetect|Connections\\\\DefaultConnectionSettings|Connections\\\\SavedLegacySettings)$"

function run(results)
  for _, key in ipairs(check_write_key(PATTERN, {regex = true, all = true})) do
    mark({key = key})
  end
  for _, key in ipairs(check_delete_key(PATTERN, {regex = true, all = true})) do
    mark({key = key, deleted = true})
  end
  return has_marks()
end
