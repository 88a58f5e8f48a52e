name = "deletes_shadow_copies"
description = "Deletes Volume Shadow Copies, as ransomware does before encrypting"
severity = 3
categories = {"ransomware"}
ttps = {"T1490"}

-- Only calls whose CommandLine contains one of these reach on_call (decided in Go).
filter_apinames = {"CreateProcessInternalW", "CreateProcessW", "ShellExecuteExW"}
filter_arguments = {CommandLine = {"vssadmin", "wmic", "wbadmin"}}

local patterns = {"delete%s+shadows", "shadowcopy%s+delete", "delete%s+catalog"}

function on_call(call, process)
  local cmd = (get_argument(call, "CommandLine") or ""):lower()
  for _, p in ipairs(patterns) do
    if cmd:find(p) then
      mark_call()
      return true -- matched; no more calls needed
    end
  end
end
