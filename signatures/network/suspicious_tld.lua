name = "suspicious_tld"
description = "Resolves a suspicious Top Level Domain (TLD)"
severity = 2
categories = {"network"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1583/001/",
              "https://www.spamhaus.org/statistics/tlds/"}
ttps = {"T1583.001"}

-- Cheap or free TLDs that abuse reports consistently rank high for malware
-- and phishing domains.
local TLDS = {}
for _, t in ipairs({"top", "xyz", "tk", "ml", "ga", "cf", "gq", "pw", "bid", "loan", "win", "men",
  "work", "click", "link", "kim", "party", "review", "science", "date", "racing", "download",
  "stream", "gdn", "icu", "buzz", "rest", "cyou", "cfd", "sbs", "bar", "monster", "onion", "zip",
  "mov", "su", "country", "cricket", "accountant", "faith", "trade", "webcam", "xin", "surf"}) do
  TLDS[t] = true
end

function run(results)
  local seen = {}
  for _, d in ipairs(check_domain(".*", {regex = true, all = true})) do
    local tld = net.tld(d)
    if tld and TLDS[tld:lower()] and not seen[d:lower()] then
      seen[d:lower()] = true
      mark_ioc("domain", d, "." .. tld:lower())
    end
  end
  return has_marks()
end
