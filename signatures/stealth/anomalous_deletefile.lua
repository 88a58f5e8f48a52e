name = "anomalous_deletefile"
description = "Anomalous file deletion behavior detected (10+)"
severity = 2
categories = {"stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1070/004/",
              "https://attack.mitre.org/techniques/T1485/"}
ttps = {"T1070.004"}

-- Ten or more distinct files deleted through the delete APIs: wipers,
-- ransomware removing originals, droppers cleaning up. Installers and
-- archivers also do this (makecab removing its temporary chunks in the
-- f5c93ac7 report), hence severity 2.
filter_apinames = {"DeleteFileA", "DeleteFileW", "NtDeleteFile", "NtDeleteFileEx"}
local THRESHOLD = 10

local files, order = {}, {}

function on_call(call, process)
  local f = get_argument(call, "FileName", "filepath", "lpFileName")
  if type(f) ~= "string" then return end
  local k = path.normalize(f):lower()
  if files[k] then return end
  files[k] = {file = f, process = process.name}
  order[#order + 1] = k
end

function on_complete()
  if #order < THRESHOLD then return false end
  for _, k in ipairs(order) do mark(files[k]) end
  return true
end
