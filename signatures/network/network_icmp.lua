name = "network_icmp"
description = "Generates some ICMP traffic"
severity = 1
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1095/"}
ttps = {"T1095"}

-- ICMP sent by the analysis machine (source is a private address). Replies
-- and unreachables coming in from public resolvers are not the sample's
-- doing. Cuckoo rates this 4; it is kept informational here because Windows
-- answers UDP probes with port-unreachables on its own (the benign report in
-- the corpus shows exactly that).

function run(results)
  local network = results.network
  if type(network) ~= "table" or type(network.icmp) ~= "table" then return false end
  local seen = {}
  for _, pkt in ipairs(network.icmp) do
    if type(pkt) == "table" and type(pkt.src) == "string" and net.is_private_ip(pkt.src) then
      local key = pkt.src .. ">" .. tostring(pkt.dst) .. "/" .. tostring(pkt.type)
      if not seen[key] then
        seen[key] = true
        mark({src = pkt.src, dst = pkt.dst, type = pkt.type})
      end
    end
  end
  return has_marks()
end
