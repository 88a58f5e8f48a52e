name = "stealth_window"
description = "A process created a hidden window"
severity = 2
categories = {"stealth"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1564/003/"}
ttps = {"T1564.003"}

-- Two ways of starting a child without a visible window:
-- CreateProcess with CREATE_NO_WINDOW (0x08000000) in the creation flags, and
-- ShellExecuteEx with nShow = SW_HIDE (0).
filter_apinames = {"CreateProcessInternalW", "CreateProcessInternalA", "CreateProcessW",
                   "CreateProcessA", "ShellExecuteExW", "ShellExecuteExA"}

local CREATE_NO_WINDOW = 0x08000000

local function has_flag(n, flag)
  return n ~= nil and math.floor(n / flag) % 2 == 1
end

local seen = {}

function on_call(call, process)
  local api = call.api
  local target
  if api:find("^ShellExecuteEx") then
    local show = to_int(get_argument(call, "Show", "show_type", "nShow"))
    if show ~= 0 then return end
    local file = get_argument(call, "FilePath", "filepath", "lpFile") or ""
    local params = get_argument(call, "Parameters", "parameters", "lpParameters") or ""
    target = tostring(file)
    if params ~= "" then target = target .. " " .. tostring(params) end
  else
    local flags = to_int(get_argument(call, "CreationFlags", "creation_flags", "dwCreationFlags"))
    if not has_flag(flags, CREATE_NO_WINDOW) then return end
    target = get_argument(call, "CommandLine", "command_line")
    if target == nil or target == "" then
      target = get_argument(call, "ApplicationName", "filepath", "application_name") or "?"
    end
    target = tostring(target)
  end
  local entry = tostring(process.name) .. " -> " .. target
  if seen[entry] then return end
  seen[entry] = true
  mark({Process = entry})
  mark_call()
end
