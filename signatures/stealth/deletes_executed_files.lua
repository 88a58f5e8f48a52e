name = "deletes_executed_files"
description = "Deletes executed files from disk"
severity = 3
categories = {"stealth", "defense_evasion"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1070/004/"}
ttps = {"T1070.004"}

-- "Executed" means: the image of a process in the report, or an executable or
-- script path named in an executed command line (cscript x.js, rundll32 x.dll,
-- cmd /c x.bat ...). Deleting such a file afterwards removes the evidence.
-- A file merely passed as data to a tool (makecab compressing a log, say) is
-- not executed, which is why CAPE's match on the CBS log rotation in the
-- f5c93ac7 report is not reproduced here.
filter_apinames = {"DeleteFileA", "DeleteFileW", "NtDeleteFile", "NtDeleteFileEx"}

local EXEC_EXT = "(exe|dll|scr|com|pif|cpl|bat|cmd|vbs|vbe|js|jse|wsf|wsh|ps1|hta|msi|lnk)"
local PATH_RE = "(?i)[a-z]:\\\\[^\"<>|*?\\r\\n]*?\\." .. EXEC_EXT .. "\\b"

local deleted = {}   -- normalized -> original spelling
local order = {}

local function norm(p)
  if type(p) ~= "string" then return nil end
  return path.normalize(p):lower()
end

local function add_deleted(p)
  local k = norm(p)
  if k and not deleted[k] then
    deleted[k] = p
    order[#order + 1] = k
  end
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  add_deleted(get_argument(call, "FileName", "filepath", "lpFileName"))
end

local function has_delete_list(results)
  local s = type(results.behavior) == "table" and results.behavior.summary
  return type(s) == "table" and (s.delete_files ~= nil or s.file_deleted ~= nil)
end

function run(results)
  -- Cuckoo 1.x does not tell deleted files apart from the rest, so only the
  -- delete calls count there.
  if has_delete_list(results) then
    for _, f in ipairs(check_delete_file(".*", {regex = true, all = true})) do add_deleted(f) end
  end
  if #order == 0 then return false end
  local executed = {}
  for _, p in ipairs(processes()) do
    local k = norm(p.path)
    if k then executed[k] = "process image" end
  end
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    for _, p in ipairs(re.find_all(cmd, PATH_RE)) do
      local k = norm(p)
      if k and not executed[k] then executed[k] = "command line" end
    end
  end
  for _, k in ipairs(order) do
    if executed[k] then
      mark({file = deleted[k], executed_as = executed[k]})
    end
  end
  return has_marks()
end
