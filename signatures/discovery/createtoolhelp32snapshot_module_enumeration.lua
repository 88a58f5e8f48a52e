name = "createtoolhelp32snapshot_module_enumeration"
description = "Enumerates the modules from a process (may be used to locate base addresses in process injection)"
severity = 1
categories = {"discovery", "injection"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1057/"}
ttps = {"T1057"}

-- Module32First/Next over a snapshot gives base addresses of loaded DLLs,
-- used to patch or inject into a process; also used by crash reporters.
filter_apinames = {"Module32FirstW", "Module32First", "Module32NextW", "Module32Next"}
markcount = 100

local seen = {}

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local module = get_argument(call, "ModuleName", "module_name", "szModule")
  if module == nil then return end
  local key = tostring(process.pid) .. "|" .. tostring(module)
  if seen[key] then return end
  seen[key] = true
  mark({module = "pid " .. tostring(process.pid) .. " module " .. tostring(module)})
end
