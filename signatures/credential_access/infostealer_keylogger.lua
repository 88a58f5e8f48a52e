name = "infostealer_keylogger"
description = "Creates a windows hook that monitors keyboard input (keylogger)"
severity = 3
categories = {"credential_access", "infostealer"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1056/001/"}
ttps = {"T1056.001"}

-- SetWindowsHookEx with WH_KEYBOARD (2) or WH_KEYBOARD_LL (13). A global
-- hook (thread id 0) sees every keystroke of the desktop.
filter_apinames = {"SetWindowsHookExA", "SetWindowsHookExW"}

local HOOKS = {[2] = "WH_KEYBOARD", [13] = "WH_KEYBOARD_LL"}

function on_call(call, process)
  local id = to_int(get_argument(call, "HookIdentifier", "hook_identifier", "idHook"))
  if id == nil or HOOKS[id] == nil then return end
  local tid = to_int(get_argument(call, "ThreadId", "thread_identifier", "dwThreadId"))
  mark({hook = HOOKS[id], global = (tid == 0), process = process.name})
  mark_call()
end
