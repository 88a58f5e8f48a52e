name = "injection_network_traffic"
description = "A system process is generating network traffic likely as a result of process injection"
severity = 2
categories = {"injection", "network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1055/"}
ttps = {"T1055"}

-- Processes that normally never talk HTTP or open outbound connections
-- themselves (the shell, session/system processes, simple accessories)
-- doing so suggests injected code. svchost.exe is left out on purpose:
-- services hosted in it legitimately use WinHTTP and sockets. Hosts that run
-- the sample's own code directly (rundll32, regsvr32, msiexec) are left out
-- too: their traffic is the sample's, not an injection's.
filter_apinames = {"InternetConnectA", "InternetConnectW", "HttpOpenRequestA", "HttpOpenRequestW",
                   "HttpSendRequestA", "HttpSendRequestW", "InternetOpenUrlA", "InternetOpenUrlW",
                   "InternetCrackUrlA", "InternetCrackUrlW", "WinHttpConnect", "WinHttpOpenRequest",
                   "URLDownloadToFileA", "URLDownloadToFileW", "connect", "WSAConnect", "ConnectEx"}
filter_processnames = {"explorer.exe", "notepad.exe", "calc.exe", "mspaint.exe", "winlogon.exe",
                       "lsass.exe", "services.exe", "spoolsv.exe", "taskhost.exe", "taskhostw.exe",
                       "wininit.exe", "csrss.exe", "smss.exe", "dwm.exe", "werfault.exe",
                       "userinit.exe", "conhost.exe", "ctfmon.exe", "sihost.exe"}
markcount = 40

local seen = {}

function on_call(call, process)
  local what = get_argument(call, "ServerName", "URL", "url", "Path", "ObjectName", "ip_address", "hostname") or ""
  local key = tostring(process.name) .. "_" .. call.api .. "_" .. tostring(what)
  if seen[key] then return end
  seen[key] = true
  mark({http_request = key})
  mark_call()
end
