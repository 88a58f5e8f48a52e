name = "static_pe_anomaly"
description = "Anomalous binary characteristics: the PE header checksum does not match the file"
severity = 2
categories = {"static"}
authors = {"sigrun"}
references = {"https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#optional-header-windows-specific-fields-image-only",
              "https://attack.mitre.org/techniques/T1027/"}
ttps = {"T1027"}

-- A non-zero header checksum that differs from the computed one means the
-- file was modified after linking (patched, infected, or appended to).
-- A zero checksum is just "not set" and is ignored.

function run(results)
  local pes = {}
  local st = results.static
  if type(st) == "table" and type(st.pe) == "table" then pes[#pes + 1] = st.pe end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then pes[#pes + 1] = t.file.pe end
  for _, pe in ipairs(pes) do
    local reported, actual = to_int(pe.reported_checksum), to_int(pe.actual_checksum)
    if reported and actual and reported ~= 0 and reported ~= actual then
      mark({anomaly = "Actual checksum does not match that reported in PE header",
            reported_checksum = pe.reported_checksum, actual_checksum = pe.actual_checksum})
      return true
    end
  end
  return false
end
