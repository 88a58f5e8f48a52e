name = "packer_upx"
description = "Executable file is packed/obfuscated with UPX"
severity = 2
categories = {"packer", "static"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/002/", "https://upx.github.io/"}
ttps = {"T1027.002"}

-- UPX names its sections UPX0/UPX1(/UPX2); PEiD signatures may say so too.

local function pe_info(results)
  local out = {sections = {}, peid = {}}
  local function add(dst, list)
    if type(list) ~= "table" then return end
    for _, v in ipairs(list) do dst[#dst + 1] = v end
  end
  local st = results.static
  if type(st) == "table" then
    add(out.sections, st.pe_sections)
    add(out.peid, st.peid_signatures)
    if type(st.pe) == "table" then
      add(out.sections, st.pe.sections)
      add(out.peid, st.pe.peid_signatures)
    end
  end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    add(out.sections, t.file.pe.sections)
    add(out.peid, t.file.pe.peid_signatures)
  end
  return out
end

function run(results)
  local info = pe_info(results)
  for _, s in ipairs(info.sections) do
    if type(s) == "table" and type(s.name) == "string" and re.match(s.name, "^(UPX[0-9!]|\\.UPX[0-9]?)$") then
      mark({section = s.name})
    end
  end
  for _, p in ipairs(info.peid) do
    if type(p) == "string" and re.match(p, "(?i)\\bupx\\b") then
      mark({peid = p})
    end
  end
  return has_marks()
end
