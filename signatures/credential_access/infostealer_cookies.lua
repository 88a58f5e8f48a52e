name = "infostealer_cookies"
description = "Touches a browser's cookie store, possibly to steal session cookies"
severity = 3
categories = {"credential_access", "infostealer"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1539/"}
ttps = {"T1539"}

-- Cookie databases only (session hijacking), a subset of what
-- infostealer_browser looks at. Evidence comes from the file calls of
-- processes that are not browsers themselves, and from the summary's file
-- list when the report has no browser process.

local PATTERNS = {
  ".*\\\\User Data\\\\[^\\\\]+\\\\(Network\\\\)?Cookies$",
  ".*\\\\Opera Software\\\\Opera[^\\\\]*\\\\(Network\\\\)?Cookies$",
  ".*\\\\Mozilla\\\\Firefox\\\\Profiles\\\\[^\\\\]+\\\\cookies\\.sqlite$",
  ".*\\\\Microsoft\\\\Windows\\\\(INet)?Cookies\\\\(Low\\\\)?[^\\\\*]+\\.txt$",
}
local HINTS = {"Cookies", "cookies.sqlite"}

filter_apinames = {"NtCreateFile", "NtOpenFile", "CreateFileA", "CreateFileW", "NtReadFile",
                   "CopyFileA", "CopyFileW", "CopyFileExW", "DeleteFileA", "DeleteFileW", "NtQueryAttributesFile"}
filter_arguments = {FileName = HINTS, filepath = HINTS, HandleName = HINTS, ExistingFileName = HINTS,
                    oldfilepath = HINTS, lpFileName = HINTS}

local BROWSERS = {}
for _, b in ipairs({"iexplore.exe", "chrome.exe", "msedge.exe", "microsoftedge.exe",
  "microsoftedgecp.exe", "firefox.exe", "opera.exe", "brave.exe", "vivaldi.exe", "browser.exe",
  "thunderbird.exe", "waterfox.exe", "palemoon.exe", "seamonkey.exe"}) do BROWSERS[b] = true end

local seen = {}

local function matches(f)
  for _, p in ipairs(PATTERNS) do
    if re.match(f, "(?i)^" .. p) then return true end
  end
  return false
end

local function add(f, who)
  local k = f:lower()
  if seen[k] then return end
  seen[k] = true
  mark({file = f, process = who})
end

function on_call(call, process)
  if BROWSERS[tostring(process.name):lower()] then return end
  local f = get_argument(call, "FileName", "filepath", "HandleName", "ExistingFileName", "oldfilepath", "lpFileName")
  if type(f) == "string" and matches(f) then
    add(f, process.name)
    mark_call()
  end
end

function run(results)
  for _, p in ipairs(processes()) do
    if BROWSERS[tostring(p.name):lower()] then return has_marks() end
  end
  for _, p in ipairs(PATTERNS) do
    for _, file in ipairs(check_file(p, {regex = true, all = true})) do add(file, nil) end
  end
  return has_marks()
end
