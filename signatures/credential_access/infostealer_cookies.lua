name = "infostealer_cookies"
description = "Touches a browser's cookie store, possibly to steal session cookies"
severity = 3
categories = {"credential_access", "infostealer"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1539/"}
ttps = {"T1539"}

-- Cookie databases only (session hijacking), a subset of what
-- infostealer_browser looks at.

local PATTERNS = {
  ".*\\\\User Data\\\\[^\\\\]+\\\\(Network\\\\)?Cookies$",
  ".*\\\\Opera Software\\\\Opera[^\\\\]*\\\\(Network\\\\)?Cookies$",
  ".*\\\\Mozilla\\\\Firefox\\\\Profiles\\\\[^\\\\]+\\\\cookies\\.sqlite$",
  ".*\\\\Microsoft\\\\Windows\\\\(INet)?Cookies\\\\(Low\\\\)?[^\\\\*]+\\.txt$",
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
