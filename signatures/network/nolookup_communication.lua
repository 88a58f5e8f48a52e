name = "nolookup_communication"
description = "Communicates with host for which no DNS query was performed"
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/",
              "https://attack.mitre.org/techniques/T1008/"}
ttps = {"T1071"}

-- Public addresses contacted without any DNS answer leading to them:
-- hard-coded C2 addresses look like this. Resolver addresses (DNS servers,
-- UDP/53 peers) are not counted. Cuckoo rates this 3; Windows' own
-- background traffic (telemetry, NTP, CDN) produces such contacts in most
-- analyses, so here it is 2.

function run(results)
  local network = results.network
  if type(network) ~= "table" then return false end
  local resolved, resolvers = {}, {}
  if type(network.dns) == "table" then
    for _, d in ipairs(network.dns) do
      if type(d) == "table" and type(d.answers) == "table" then
        for _, a in ipairs(d.answers) do
          if type(a) == "table" and type(a.data) == "string" then resolved[a.data] = true end
        end
      end
    end
  end
  if type(network.domains) == "table" then
    for _, d in ipairs(network.domains) do
      if type(d) == "table" and type(d.ip) == "string" then resolved[d.ip] = true end
    end
  end
  if type(network.dns_servers) == "table" then
    for _, s in ipairs(network.dns_servers) do resolvers[tostring(s)] = true end
  end
  for _, proto in ipairs({"udp", "tcp"}) do
    if type(network[proto]) == "table" then
      for _, c in ipairs(network[proto]) do
        if type(c) == "table" and tonumber(c.dport) == 53 and type(c.dst) == "string" then resolvers[c.dst] = true end
      end
    end
  end
  for _, ip in ipairs(check_ip(".*", {regex = true, all = true})) do
    if net.is_public_ip(ip) and not resolved[ip] and not resolvers[ip] then
      mark({host = ip})
    end
  end
  return has_marks()
end
