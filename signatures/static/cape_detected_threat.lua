name = "cape_detected_threat"
description = "CAPE detected a known malware family"
severity = 3
categories = {"malware"}
authors = {"sigrun"}
references = {"https://capev2.readthedocs.io/en/latest/usage/results.html"}

-- CAPE names a family when one of its YARA/config extractors identified the
-- sample or a payload: top-level "detections" (a string in CAPE 2.2, a list
-- of {family = ...} in 2.4) or "malfamily". CAPE 2.4 reports the family in
-- "detections" without raising this signature itself (the 0a0882b8 SunCrypt
-- report), which this version does not follow: the identification is there.

function run(results)
  local families = {}
  local function add(f)
    if type(f) == "string" and f ~= "" then families[#families + 1] = f end
  end
  local d = results.detections
  if type(d) == "string" then
    add(d)
  elseif type(d) == "table" then
    for _, e in ipairs(d) do
      if type(e) == "table" then add(e.family) elseif type(e) == "string" then add(e) end
    end
  end
  if #families == 0 then add(results.malfamily) end
  local seen = {}
  for _, f in ipairs(families) do
    if not seen[f] then
      seen[f] = true
      mark({family = f})
    end
  end
  return has_marks()
end
