name = "packer_unknown_pe_section_name"
description = "The binary contains an unknown PE section name indicative of packing"
severity = 2
categories = {"packer", "static"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/002/"}
ttps = {"T1027.002"}

-- Section names emitted by the usual compilers and linkers (MSVC, MinGW,
-- Go, Rust, Delphi lower-case variants) are known; anything else often
-- comes from a packer or crypter. Compared case-sensitively: Delphi's upper
-- case DATA/CODE are reported, as CAPE does.

local KNOWN = {}
for _, n in ipairs({
  ".text", ".data", ".rdata", ".idata", ".edata", ".pdata", ".xdata", ".rsrc", ".reloc", ".tls",
  ".bss", ".CRT", ".didat", ".gfids", ".00cfg", ".textbss", ".sxdata", ".orpc", ".ndata",
  ".giats", ".retplne", ".voltbl", ".fptable", ".mrdata", ".wpp_sf", ".guids", ".debug",
  ".buildid", ".eh_fram", ".eh_frame", ".symtab", ".rodata", ".noptrdata", ".noptrbss",
  ".typelink", ".itablink", ".gosymtab", ".gopclntab", ".zdebug_abbrev", ".zdebug_line",
  ".zdebug_frame", ".zdebug_info", ".zdebug_loc", ".zdebug_ranges", ".zdebug_aranges",
  ".zdebug_pubnames", ".zdebug_pubtypes", ".zdebug_str", ".itext", ".didata", ".cormeta",
  ".sdata", ".srdata", ".rodata1", "INIT", "PAGE", "PAGEDATA", "PAGELK", "PAGEVRFY", ".nep",
  ".tls$", ".rdata$zzzdbg", "_RDATA", ".msvcjmc", "CONST", ".hexpthk", ".cfguard", ".stab",
  ".stabstr", ".drectve", ".shared", ".detourc", ".detourd",
}) do KNOWN[n] = true end

function run(results)
  local lists = {}
  local st = results.static
  if type(st) == "table" then
    lists[#lists + 1] = st.pe_sections
    if type(st.pe) == "table" then lists[#lists + 1] = st.pe.sections end
  end
  local t = results.target
  if type(t) == "table" and type(t.file) == "table" and type(t.file.pe) == "table" then
    lists[#lists + 1] = t.file.pe.sections
  end
  local seen = {}
  for _, list in ipairs(lists) do
    if type(list) == "table" then
      for _, s in ipairs(list) do
        local n = type(s) == "table" and s.name
        if type(n) == "string" then
          n = n:gsub("%z", "")
          -- UPX sections have their own signature (packer_upx)
          if n ~= "" and not KNOWN[n] and not n:find("^UPX") and not seen[n] then
            seen[n] = true
            mark({section = n, entropy = tonumber(s.entropy)})
          end
        end
      end
    end
  end
  return has_marks()
end
