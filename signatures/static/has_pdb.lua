name = "has_pdb"
description = "This executable has a PDB path"
severity = 1
categories = {"static"}
authors = {"sigrun"}
references = {"https://learn.microsoft.com/en-us/windows/win32/debug/symbol-files"}

-- The debug directory's PDB path often leaks the author's user name or
-- project name; useful for clustering, not a verdict.

function run(results)
  local paths = {}
  local st = results.static
  if type(st) == "table" then
    paths[#paths + 1] = st.pdb_path
    if type(st.pe) == "table" then paths[#paths + 1] = st.pe.pdbpath end
  end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    paths[#paths + 1] = t.file.pe.pdbpath
  end
  for i = 1, 3 do
    local p = paths[i]
    if type(p) == "string" and p ~= "" then
      mark_ioc("pdb_path", p)
      return true
    end
  end
  return false
end
