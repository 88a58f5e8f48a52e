name = "network_dns_doh_tls"
description = "Queries or connects to DNS-Over-HTTPS/DNS-Over-TLS domain or IP address"
severity = 2
categories = {"network", "stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1071/004/",
              "https://attack.mitre.org/techniques/T1572/"}
ttps = {"T1071.004", "T1572"}

-- Encrypted DNS hides the names a sample resolves from the sandbox:
-- TCP 853 (DoT) to anyone, TCP 443 to a well-known DoH resolver address, or a
-- lookup of a DoH endpoint's name from a process (not just the OS resolver
-- configuration). Plain UDP/53 to a public resolver is ordinary DNS and does
-- not count; CAPE's list-based version also flags that (0000a657 report,
-- where 1.1.1.1 is simply the sandbox's resolver), this one does not.

local DOH_IPS = {}
for _, ip in ipairs({"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112",
  "208.67.222.222", "208.67.220.220", "94.140.14.14", "94.140.15.15", "45.90.28.0", "45.90.30.0",
  "185.228.168.168", "76.76.2.0", "76.76.10.0", "2606:4700:4700::1111", "2001:4860:4860::8888"}) do
  DOH_IPS[ip] = true
end

local DOH_NAMES = "^(dns\\.google|dns\\.google\\.com|cloudflare-dns\\.com|mozilla\\.cloudflare-dns\\.com|" ..
  "chrome\\.cloudflare-dns\\.com|1dot1dot1dot1\\.cloudflare-dns\\.com|dns\\.quad9\\.net|dns9\\.quad9\\.net|" ..
  "doh\\.opendns\\.com|dns\\.adguard\\.com|dns\\.adguard-dns\\.com|doh\\.cleanbrowsing\\.org|dns\\.nextdns\\.io|" ..
  "doh\\.pub|dns\\.alidns\\.com|doh\\.360\\.cn|dns\\.twnic\\.tw)$"

filter_apinames = {"getaddrinfo", "GetAddrInfoW", "GetAddrInfoExW", "gethostbyname", "DnsQuery_A",
                   "DnsQuery_W", "DnsQueryEx"}

-- Name lookups made through the API by a process. The pcap's DNS list is not
-- used: it also holds the OS's own probes (Windows checks dns.google).
function on_call(call, process)
  local host = get_argument(call, "NodeName") or get_argument(call, "hostname")
    or get_argument(call, "Name") or get_argument(call, "name")
  if type(host) == "string" and re.match(host:lower(), DOH_NAMES) then
    mark({domain = host, process = process.name})
    mark_call()
  end
end

function run(results)
  local network = results.network
  if type(network) == "table" and type(network.tcp) == "table" then
    local seen = {}
    for _, c in ipairs(network.tcp) do
      if type(c) == "table" and type(c.dst) == "string" then
        local port = tonumber(c.dport)
        local key = c.dst .. ":" .. tostring(port)
        if not seen[key] and (port == 853 or (port == 443 and DOH_IPS[c.dst])) then
          seen[key] = true
          mark({ip = c.dst, port = port})
        end
      end
    end
  end
  return has_marks()
end
