name = "invalid_authenticode_signature"
description = "Authenticode signature is invalid"
severity = 1
categories = {"static"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1553/002/"}
ttps = {"T1553.002"}

-- CAPE's in-guest signtool check (target.file.pe.guest_signers or
-- static.pe.guest_signers) failed with an error other than the bare "No
-- signature found." that CAPE 2.4 reports for unsigned files. CAPE 2.2
-- appends "SignTool Error ..." even for unsigned files, and flags them; that
-- behaviour is followed here so the results line up, at severity 1.

function run(results)
  local gs = {}
  local st = results.static
  if type(st) == "table" and type(st.pe) == "table" then gs[#gs + 1] = st.pe.guest_signers end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    gs[#gs + 1] = t.file.pe.guest_signers
  end
  for _, g in ipairs(gs) do
    if type(g) == "table" and g.aux_valid == false and g.aux_error == true then
      local desc = tostring(g.aux_error_desc or "")
      if desc ~= "" and desc:gsub("%s+$", "") ~= "No signature found." then
        mark({["authenticode error"] = desc})
        return true
      end
    end
  end
  return false
end
