name = "internet_dropper"
description = "Behavior consistent with a dropper attempting to download the next stage."
severity = 2
categories = {"network", "dropper"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1105/",
              "https://attack.mitre.org/techniques/T1008/"}
ttps = {"T1105", "T1008"}

-- The same resource path requested from several different hosts: a loader
-- walking its list of fallback servers for the next stage or the C2 gate.
-- Built from the WinINet/WinHTTP call chain like http_request; the root path
-- and query-only paths are ignored (everyone asks for "/").
filter_apinames = {"InternetConnectA", "InternetConnectW", "HttpOpenRequestA", "HttpOpenRequestW",
                   "WinHttpConnect", "WinHttpOpenRequest"}
local MIN_HOSTS = 3

local function hkey(v)
  if v == nil then return nil end
  return tostring(v):lower():gsub("^0x", ""):gsub("^0+", "")
end

local connections = {}
local by_path, order = {}, {}

function on_call(call, process)
  local me = tostring(process.pid)
  if call.api:find("Connect") then
    local h = hkey(get_return(call))
    if h and h ~= "" then
      connections[me .. "|" .. h] = tostring(get_argument(call, "ServerName", "hostname", "server_name") or "?")
    end
    return
  end
  local host = connections[me .. "|" .. (hkey(get_argument(call, "InternetHandle", "ConnectionHandle", "connect_handle", "connection_handle")) or "")]
  if host == nil then return end
  local p = tostring(get_argument(call, "Path", "ObjectName", "path", "object_name") or "")
  p = p:gsub("%?.*$", ""):gsub("^/+", "/")
  if p == "" or p == "/" then return end
  local entry = by_path[p]
  if entry == nil then
    entry = {hosts = {}, list = {}}
    by_path[p] = entry
    order[#order + 1] = p
  end
  if not entry.hosts[host:lower()] then
    entry.hosts[host:lower()] = true
    entry.list[#entry.list + 1] = host
  end
end

function on_complete()
  for _, p in ipairs(order) do
    local e = by_path[p]
    if #e.list >= MIN_HOSTS then
      mark({File = p .. " was requested from hosts: " .. table.concat(e.list, ", "), count = #e.list})
    end
  end
  return has_marks()
end
