name = "antidbg_windows"
description = "Checks for the presence of known windows from debuggers and forensic tools"
severity = 3
categories = {"anti_debug"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1622/",
              "https://attack.mitre.org/techniques/T1518/001/"}
ttps = {"T1622", "T1518.001"}

-- FindWindow on the window classes or titles of debuggers and monitoring
-- tools (OllyDbg, WinDbg, x64dbg, IDA, Immunity, Process Monitor/Explorer,
-- Wireshark, ...).
filter_apinames = {"FindWindowA", "FindWindowW", "FindWindowExA", "FindWindowExW"}

local NAMES = "(?i)^(ollydbg|windbgframeclass|id|zeta debugger|rock debugger|obsidiangui|" ..
  "x32dbg|x64dbg|qt5qwindowicon|idaview|idawindow|tidawindow|procmon_window_class|" ..
  "processhacker|procexpl|procexp|autoruns|regmonclass|filemonclass|" ..
  "wireshark|the wireshark network analyzer|filemon|regmon|immunity debugger|" ..
  "syser|softice|windbg|ida|ida pro|ghidra|pe-bear|pestudio|dbgviewclass|cheat engine.*)$"

local seen = {}

function on_call(call, process)
  for _, v in ipairs({get_argument(call, "ClassName", "class_name", "lpClassName") or "",
                      get_argument(call, "WindowName", "window_name", "lpWindowName") or ""}) do
    if type(v) == "string" and v ~= "" and re.match(v, NAMES) and not seen[v:lower()] then
      seen[v:lower()] = true
      mark({window = v, process = process.name})
      mark_call()
    end
  end
end
