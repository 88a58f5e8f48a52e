name = "cape_extracted_content"
description = "CAPE extracted potentially suspicious content"
severity = 2
categories = {"unpacking", "injection"}
authors = {"sigrun"}
references = {"https://capev2.readthedocs.io/en/latest/usage/results.html"}
ttps = {"T1027.002"}

-- CAPE dumps code it sees unpacked or injected (CAPE.payloads); each entry
-- has a cape_type such as "Unpacked Shellcode" or "Injected PE Image".
-- Older CAPE versions stored the list directly under CAPE.

function run(results)
  local cape = results.CAPE
  if type(cape) ~= "table" then return false end
  local payloads = cape.payloads
  if payloads == nil and #cape > 0 then payloads = cape end
  if type(payloads) ~= "table" then return false end
  local seen = {}
  for _, p in ipairs(payloads) do
    if type(p) == "table" then
      local procname = tostring(p.process_name or p.name or "?")
      local kind = tostring(p.cape_type or p.type or "payload")
      local key = procname .. "|" .. kind
      if not seen[key] then
        seen[key] = true
        mark({[procname:gsub("%.", "_")] = kind})
      end
    end
  end
  return has_marks()
end
