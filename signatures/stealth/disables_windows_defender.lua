name = "disables_windows_defender"
description = "Attempts to disable Windows Defender"
severity = 3
categories = {"stealth", "anti_av"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1562/001/"}
ttps = {"T1562.001"}

-- Defender policy values that turn protection off or add exclusions, and
-- the command lines that do the same (Set-MpPreference, Add-MpPreference
-- exclusions, stopping or disabling the WinDefend service).
local KEYS = ".*\\\\SOFTWARE\\\\(Wow6432Node\\\\)?(Policies\\\\)?Microsoft\\\\Windows Defender\\\\(" ..
  "DisableAntiSpyware|DisableAntiVirus|DisableRoutinelyTakingAction" ..
  "|Real-Time Protection\\\\(DisableRealtimeMonitoring|DisableBehaviorMonitoring|DisableOnAccessProtection|DisableScanOnRealtimeEnable|DisableIOAVProtection)" ..
  "|Spynet\\\\(SpynetReporting|SubmitSamplesConsent)" ..
  "|Exclusions\\\\(Paths|Processes|Extensions)\\\\.+" ..
  "|Features\\\\TamperProtection" ..
  ")$"
local COMMANDS = {
  "(?i)set-mppreference\\s+.*-(disable[a-z]+|exclusion[a-z]+|submitsamplesconsent|mapsreporting)",
  "(?i)add-mppreference\\s+.*-exclusion",
  "(?i)(^|[\\s\\\\/\"'&|(])sc(\\.exe)?\\s+(stop|delete)\\s+windefend",
  "(?i)(^|[\\s\\\\/\"'&|(])sc(\\.exe)?\\s+config\\s+windefend\\s+start=\\s*disabled",
  "(?i)(^|[\\s\\\\/\"'&|(])net(\\.exe)?\\s+stop\\s+windefend",
  "(?i)mpcmdrun(\\.exe)?.*-removedefinitions",
  "(?i)reg(\\.exe)?\\s+add\\s+.*windows defender.*disable",
}

function run(results)
  for _, key in ipairs(check_write_key(KEYS, {regex = true, all = true})) do
    mark({key = key})
  end
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, p in ipairs(COMMANDS) do
      if re.match(cmd, p) then
        mark({command = cmd})
        break
      end
    end
  end
  return has_marks()
end
