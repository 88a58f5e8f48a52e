name = "dropper"
description = "Drops a binary and executes it"
severity = 2
categories = {"dropper"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1105/",
              "https://attack.mitre.org/techniques/T1204/002/"}
ttps = {"T1105"}

-- A file written during the analysis later appears as the image of a new
-- process. The analysed sample itself is skipped (overwriting or re-running
-- the original is not dropping a binary).

local function norm(p)
  if type(p) ~= "string" then return nil end
  return path.normalize(p):lower()
end

function run(results)
  local written = {}
  for _, f in ipairs(check_write_file(".*\\.(exe|dll|scr|com|pif|cpl)$", {regex = true, all = true})) do
    written[norm(f)] = f
  end
  local sample = nil
  local target = results.target
  if type(target) == "table" and type(target.file) == "table" and type(target.file.name) == "string" then
    sample = target.file.name:lower()
  end
  local procs = processes()
  local first = procs[1] and norm(procs[1].path)
  local seen = {}
  for _, p in ipairs(procs) do
    local img = norm(p.path)
    if img and written[img] and img ~= first and path.basename(img) ~= sample and not seen[img] then
      seen[img] = true
      mark({binary = written[img], pid = p.pid})
    end
  end
  return has_marks()
end
