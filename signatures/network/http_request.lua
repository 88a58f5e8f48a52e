name = "http_request"
description = "Performs HTTP requests potentially not found in PCAP."
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/001/"}
ttps = {"T1071.001"}

-- Rebuilds request URLs from the WinINet and WinHTTP call chain:
-- InternetConnect/WinHttpConnect give host and port and return a connection
-- handle; HttpOpenRequest/WinHttpOpenRequest on that handle give the path.
-- Requests made over TLS or to addresses the capture missed are visible here
-- even when the pcap shows nothing.
-- WinHTTP is covered too, so Office's telemetry agent (msoia.exe, started by
-- the task scheduler in the 0a0882b8 report) matches here where CAPE, which
-- only follows the WinINet calls, reported nothing.
filter_apinames = {"InternetConnectA", "InternetConnectW", "HttpOpenRequestA", "HttpOpenRequestW",
                   "WinHttpConnect", "WinHttpOpenRequest", "InternetOpenUrlA", "InternetOpenUrlW"}

local INTERNET_FLAG_SECURE = 0x00800000
local WINHTTP_FLAG_SECURE = 0x00800000

local function hkey(v)
  if v == nil then return nil end
  return tostring(v):lower():gsub("^0x", ""):gsub("^0+", "")
end

local connections = {}
local seen = {}

local function add(url, process)
  if seen[url] then return end
  seen[url] = true
  mark({url = url, process = process.name})
end

function on_call(call, process)
  local api = call.api
  local me = tostring(process.pid)
  if api:find("^InternetConnect") or api == "WinHttpConnect" then
    local h = hkey(get_return(call))
    if h == nil or h == "" then return end
    connections[me .. "|" .. h] = {
      host = tostring(get_argument(call, "ServerName", "hostname", "server_name") or "?"),
      port = to_int(get_argument(call, "ServerPort", "port", "server_port")),
    }
  elseif api:find("^HttpOpenRequest") or api == "WinHttpOpenRequest" then
    local c = connections[me .. "|" .. (hkey(get_argument(call, "InternetHandle", "ConnectionHandle", "connect_handle", "connection_handle")) or "")]
    if c == nil then return end
    local p = get_argument(call, "Path", "ObjectName", "path", "object_name") or ""
    p = tostring(p)
    if p:sub(1, 1) ~= "/" then p = "/" .. p end
    local flags = to_int(get_argument(call, "Flags", "flags")) or 0
    local secure = math.floor(flags / INTERNET_FLAG_SECURE) % 2 == 1 or c.port == 443
    local scheme = secure and "https" or "http"
    local port = ""
    if c.port and not ((secure and c.port == 443) or (not secure and c.port == 80)) then
      port = ":" .. tostring(c.port)
    end
    add(scheme .. "://" .. c.host .. port .. p, process)
    mark_call()
  else
    local url = get_argument(call, "URL", "url")
    if type(url) == "string" and url ~= "" then
      add(url, process)
      mark_call()
    end
  end
end
