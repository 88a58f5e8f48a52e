name = "pe_unknown_resource_name"
description = "The file contains an unknown PE resource name possibly indicative of a packer"
severity = 1
categories = {"packer", "static"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/002/"}
ttps = {"T1027.002"}

-- Resource types other than the predefined RT_* ones (and plain numeric
-- ids). Packers and droppers keep their payload in custom named resources;
-- Windows' own MUI resource also shows up, hence informational.

function run(results)
  local lists = {}
  local st = results.static
  if type(st) == "table" then
    lists[#lists + 1] = st.pe_resources
    if type(st.pe) == "table" then lists[#lists + 1] = st.pe.resources end
  end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    lists[#lists + 1] = t.file.pe.resources
  end
  local seen = {}
  for _, list in ipairs(lists) do
    if type(list) == "table" then
      for _, res in ipairs(list) do
        local n = type(res) == "table" and res.name
        if type(n) == "string" and n ~= "" and not n:find("^RT_") and not n:find("^%d+$") and not seen[n] then
          seen[n] = true
          mark_ioc("resource name", n)
        end
      end
    end
  end
  return has_marks()
end
