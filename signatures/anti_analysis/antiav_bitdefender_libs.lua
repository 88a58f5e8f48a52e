name = "antiav_bitdefender_libs"
description = "Detects Bitdefender Antivirus through the presence of a library"
severity = 2
categories = {"anti_av", "discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1518/001/"}
ttps = {"T1518.001"}

-- Bitdefender injects its user-mode hooking DLLs into every process; asking
-- the loader for them (successfully or not) is a presence check.
filter_apinames = {"LdrGetDllHandle", "LdrLoadDll", "LoadLibraryA", "LoadLibraryW", "LoadLibraryExA",
                   "LoadLibraryExW", "GetModuleHandleA", "GetModuleHandleW"}
filter_arguments = {FileName = {"avcuf", "atcuf", "bdhkm", "bdcore"},
                    module_name = {"avcuf", "atcuf", "bdhkm", "bdcore"},
                    ModuleName = {"avcuf", "atcuf", "bdhkm", "bdcore"},
                    lpLibFileName = {"avcuf", "atcuf", "bdhkm", "bdcore"},
                    lpModuleName = {"avcuf", "atcuf", "bdhkm", "bdcore"}}

local LIBS = "(?i)(^|\\\\)(avcuf(32|64)|atcuf(32|64)|bdhkm(32|64)|bdcore)\\.dll$"

function on_call(call, process)
  local lib = get_argument(call, "FileName", "module_name", "ModuleName", "lpLibFileName", "lpModuleName")
  if type(lib) == "string" and re.match(lib, LIBS) then
    mark({library = lib, process = process.name})
    mark_call()
    return true
  end
end
