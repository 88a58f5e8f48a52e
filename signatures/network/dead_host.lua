name = "dead_host"
description = "Connects to an IP address that is no longer responding to requests (legitimate services will remain up-and-running usually)"
severity = 1
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/"}
ttps = {"T1071"}

-- network.dead_hosts lists [ip, port] pairs the guest tried to reach
-- without an answer (a C2 that was taken down, or a sinkholed address).
-- Private addresses are skipped: those are the guest's own ephemeral ports
-- or the sandbox network. Cuckoo rates this very high; Windows' own
-- telemetry endpoints also end up here, so it is informational.

function run(results)
  local network = results.network
  if type(network) ~= "table" or type(network.dead_hosts) ~= "table" then return false end
  for _, h in ipairs(network.dead_hosts) do
    local ip, port
    if type(h) == "table" then
      ip, port = h[1] or h.ip, h[2] or h.port
    elseif type(h) == "string" then
      ip, port = h:match("^(.-):?(%d*)$")
    end
    if type(ip) == "string" and net.is_public_ip(ip) then
      mark_ioc("dead_host", tostring(ip) .. (port and port ~= "" and (":" .. tostring(port)) or ""))
    end
  end
  return has_marks()
end
