name = "network_multiple_direct_ip_connections"
description = "Multiple direct IP connections"
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1008/",
              "https://attack.mitre.org/techniques/T1571/"}
ttps = {"T1008"}

-- Many distinct public addresses contacted without a DNS lookup: peer-to-peer
-- botnets and fallback C2 lists. Resolvers are excluded. Also matches the
-- two CuckooML reports (7 and 20 such addresses); Cuckoo 2.0.7 has no
-- equivalent signature.
local MIN_HOSTS = 5

function run(results)
  local network = results.network
  if type(network) ~= "table" then return false end
  local skip = {}
  if type(network.dns) == "table" then
    for _, d in ipairs(network.dns) do
      if type(d) == "table" and type(d.answers) == "table" then
        for _, a in ipairs(d.answers) do
          if type(a) == "table" and type(a.data) == "string" then skip[a.data] = true end
        end
      end
    end
  end
  if type(network.domains) == "table" then
    for _, d in ipairs(network.domains) do
      if type(d) == "table" and type(d.ip) == "string" then skip[d.ip] = true end
    end
  end
  if type(network.dns_servers) == "table" then
    for _, s in ipairs(network.dns_servers) do skip[tostring(s)] = true end
  end
  for _, proto in ipairs({"udp", "tcp"}) do
    if type(network[proto]) == "table" then
      for _, c in ipairs(network[proto]) do
        if type(c) == "table" and tonumber(c.dport) == 53 and type(c.dst) == "string" then skip[c.dst] = true end
      end
    end
  end
  local direct = {}
  for _, ip in ipairs(check_ip(".*", {regex = true, all = true})) do
    if net.is_public_ip(ip) and not skip[ip] then direct[#direct + 1] = ip end
  end
  if #direct < MIN_HOSTS then return false end
  mark({direct_ip_connections = string.format("Made direct connections to %d unique IP addresses", #direct)})
  for _, ip in ipairs(direct) do mark_ioc("ip", ip) end
  return true
end
