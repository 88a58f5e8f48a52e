name = "packer_entropy"
description = "The binary likely contains encrypted or compressed data."
severity = 2
categories = {"packer", "static"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/002/"}
ttps = {"T1027.002"}

-- Section entropy close to 8 bits per byte means compressed or encrypted
-- content. Read from the static PE analysis: Cuckoo 2 static.pe_sections,
-- CAPE 2.2 static.pe.sections, CAPE 2.4 target.file.pe.sections (entropy is
-- a number in Cuckoo and a string in CAPE).
-- The static signatures also match the 77c96105 report, for which CAPE
-- produced no signatures at all (the sample never ran); the reshaped
-- cuckoo12 fixture dropped the static section, so they cannot match there.
local THRESHOLD = 6.8

local function sections(results)
  local out = {}
  local function add(list)
    if type(list) ~= "table" then return end
    for _, s in ipairs(list) do
      if type(s) == "table" then out[#out + 1] = s end
    end
  end
  local st = results.static
  if type(st) == "table" then
    add(st.pe_sections)
    if type(st.pe) == "table" then add(st.pe.sections) end
  end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    add(t.file.pe.sections)
  end
  return out
end

function run(results)
  local seen = {}
  for _, s in ipairs(sections(results)) do
    local e = tonumber(s.entropy)
    local n = tostring(s.name or "?")
    if e and e > THRESHOLD and not seen[n] then
      seen[n] = true
      mark({section = n, entropy = e})
    end
  end
  return has_marks()
end
