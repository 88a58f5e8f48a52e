name = "dead_connect"
description = "Attempts to connect to a dead IP:Port"
severity = 1
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/"}
ttps = {"T1071"}

-- Failed connect() calls seen in the API log, counted per distinct ip:port.
-- Complements dead_host, which relies on the pcap analysis.
filter_apinames = {"connect", "WSAConnect", "ConnectEx"}

local seen = {}

local function failed(call)
  if call.status == false or call.status == 0 then return true end
  local r = get_return(call)
  if type(r) == "number" then return r ~= 0 end
  if type(r) == "string" then
    local hex = r:match("^0[xX](%x+)$")
    if hex then return tonumber(hex, 16) ~= 0 end
    return tonumber(r) ~= nil and tonumber(r) ~= 0
  end
  return false
end

function on_call(call, process)
  if not failed(call) then return end
  local ip = get_argument(call, "ip_address", "IP", "ip", "RemoteAddress")
  local port = get_argument(call, "port", "Port", "RemotePort")
  if type(ip) ~= "string" or not net.is_ip(ip) or net.is_private_ip(ip) then return end
  local key = ip .. ":" .. tostring(port)
  if seen[key] then return end
  seen[key] = true
  mark_ioc("dead_connect", key, tostring(process.name))
  mark_call()
end
