name = "antivirus_virustotal"
description = "File has been identified by at least one AntiVirus on VirusTotal as malicious"
severity = 2
categories = {"antivirus"}
authors = {"sigrun"}
references = {"https://docs.virustotal.com/reference/file-info"}

-- Uses the virustotal section the sandbox stored (positives/total). The
-- engine names that detected it are listed, up to MAX_ENGINES.
local MAX_ENGINES = 20

function run(results)
  local vt = results.virustotal
  if type(vt) ~= "table" then return false end
  local positives = tonumber(vt.positives)
  if positives == nil or positives < 1 then return false end
  mark({positives = positives, total = tonumber(vt.total)})
  if type(vt.scans) == "table" then
    local engines = {}
    for engine, res in pairs(vt.scans) do
      if type(res) == "table" and res.detected == true then
        engines[#engines + 1] = {engine = engine, result = res.result}
      end
    end
    table.sort(engines, function(a, b) return a.engine < b.engine end)
    for i = 1, math.min(#engines, MAX_ENGINES) do
      mark_ioc("virustotal", engines[i].engine .. ": " .. tostring(engines[i].result))
    end
  end
  return true
end
