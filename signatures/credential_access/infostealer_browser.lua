name = "infostealer_browser"
description = "Steals private information from local Internet browsers"
severity = 3
categories = {"credential_access", "infostealer"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1555/003/",
              "https://attack.mitre.org/techniques/T1539/"}
ttps = {"T1555.003", "T1539"}

-- Files where browsers keep saved logins, cookies, form data and keys:
-- Chromium-family profiles, Firefox/Thunderbird profiles, and IE/Edge legacy
-- cookie and credential stores. Directory listings (a path ending in "\" or
-- "\*") are not counted, only named files.

local PATTERNS = {
  -- Chromium family (Chrome, Edge, Brave, Opera, Vivaldi, Yandex ...)
  ".*\\\\User Data\\\\[^\\\\]+\\\\(Network\\\\)?(Login Data|Cookies|Web Data)$",
  ".*\\\\User Data\\\\Local State$",
  ".*\\\\Opera Software\\\\Opera[^\\\\]*\\\\(Login Data|Cookies|Web Data)$",
  -- Mozilla
  ".*\\\\(Mozilla\\\\Firefox|Thunderbird)\\\\Profiles\\\\[^\\\\]+\\\\(logins\\.json|signons\\.sqlite|key[34]\\.db|cookies\\.sqlite|formhistory\\.sqlite|cert9\\.db)$",
  -- Internet Explorer / legacy Edge
  ".*\\\\Microsoft\\\\Windows\\\\(INet)?Cookies\\\\(Low\\\\)?[^\\\\*]+\\.txt$",
  ".*\\\\Microsoft\\\\(Credentials|Vault)\\\\[^\\\\*]+$",
}

function run(results)
  local seen = {}
  for _, p in ipairs(PATTERNS) do
    for _, file in ipairs(check_file(p, {regex = true, all = true})) do
      if not seen[file:lower()] then
        seen[file:lower()] = true
        mark({file = file})
      end
    end
  end
  return has_marks()
end
