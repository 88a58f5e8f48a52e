name = "copies_self"
description = "Creates a copy of itself"
severity = 3
categories = {"persistence", "dropper"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1036/005/",
              "https://attack.mitre.org/techniques/T1547/001/"}
ttps = {"T1036.005"}

-- Two kinds of evidence: a CopyFile/MoveFile whose source is the copying
-- process's own image, and a dropped file with the same SHA-256 as the
-- analysed sample. Either is a copy made to survive or to hide under a new
-- name.
filter_apinames = {"CopyFileA", "CopyFileW", "CopyFileExA", "CopyFileExW", "CopyFile2",
                   "MoveFileWithProgressW", "MoveFileExA", "MoveFileExW", "MoveFileA", "MoveFileW"}

local seen = {}

local function norm(p)
  if type(p) ~= "string" then return nil end
  return path.normalize(p):lower()
end

local function add(copy)
  local k = norm(copy)
  if k == nil or seen[k] then return end
  seen[k] = true
  mark({copy = copy})
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local src = get_argument(call, "ExistingFileName", "oldfilepath", "lpExistingFileName")
  local dst = get_argument(call, "NewFileName", "newfilepath", "lpNewFileName")
  if src == nil or dst == nil or process.path == nil then return end
  if norm(src) == norm(process.path) and norm(dst) ~= norm(src) then
    add(dst)
    mark_call()
  end
end

function run(results)
  local target = results.target
  local sha = type(target) == "table" and type(target.file) == "table" and target.file.sha256
  if type(sha) == "string" and sha ~= "" and type(results.dropped) == "table" then
    local original = norm(target.file.path)
    for _, d in ipairs(results.dropped) do
      if type(d) == "table" and type(d.sha256) == "string" and d.sha256:lower() == sha:lower() then
        local paths = {}
        if type(d.guest_paths) == "table" then
          for _, p in ipairs(d.guest_paths) do paths[#paths + 1] = p end
        elseif type(d.guest_paths) == "string" then
          paths[#paths + 1] = d.guest_paths
        end
        if type(d.filepath) == "string" then paths[#paths + 1] = d.filepath end
        for _, p in ipairs(paths) do
          if type(p) == "string" and norm(p) ~= original then add(p) end
        end
      end
    end
  end
  return has_marks()
end
