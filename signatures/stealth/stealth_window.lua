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

local function arg(call, ...)
  for i = 1, select("#", ...) do
    local v = get_argument(call, (select(i, ...)))
    if v ~= nil then return v end
  end
  return nil
end

local function int(v)
  if type(v) == "number" then return v end
  if type(v) ~= "string" then return nil end
  local hex = v:match("^%s*0[xX](%x+)%s*$")
  if hex then return tonumber(hex, 16) end
  return tonumber(v)
end

local function has_flag(n, flag)
  return n ~= nil and math.floor(n / flag) % 2 == 1
end

local seen = {}

function on_call(call, process)
  local api = call.api
  local target
  if api:find("^ShellExecuteEx") then
    local show = int(arg(call, "Show", "show_type", "nShow"))
    if show ~= 0 then return end
    local file = arg(call, "FilePath", "filepath", "lpFile") or ""
    local params = arg(call, "Parameters", "parameters", "lpParameters") or ""
    target = tostring(file)
    if params ~= "" then target = target .. " " .. tostring(params) end
  else
    local flags = int(arg(call, "CreationFlags", "creation_flags", "dwCreationFlags"))
    if not has_flag(flags, CREATE_NO_WINDOW) then return end
    target = arg(call, "CommandLine", "command_line")
    if target == nil or target == "" then
      target = arg(call, "ApplicationName", "filepath", "application_name") or "?"
    end
    target = tostring(target)
  end
  local entry = tostring(process.name) .. " -> " .. target
  if seen[entry] then return end
  seen[entry] = true
  mark({Process = entry})
  mark_call()
end
