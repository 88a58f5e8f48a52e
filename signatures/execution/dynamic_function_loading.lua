name = "dynamic_function_loading"
description = "Dynamic (imported) function loading detected"
severity = 1
categories = {"execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1027/007/",
              "https://attack.mitre.org/techniques/T1106/"}
ttps = {"T1027.007", "T1106"}

-- Resolving functions at run time hides the real import table from static
-- analysis. Nearly every process does some of this (loaders, COM, CRT), so
-- this is informational: the marks list what was resolved, which is the
-- useful part for an analyst.
filter_apinames = {"LdrGetProcedureAddress"}
markcount = 200

local seen = {}

local function succeeded(call)
  local s = call.status
  if s == false or s == 0 then return false end
  local r = get_return(call)
  if type(r) == "string" then
    local hex = r:match("^0[xX](%x+)$")
    if hex then return tonumber(hex, 16) == 0 end
  elseif type(r) == "number" then
    return r == 0
  end
  return true
end

function on_call(call, process)
  if not succeeded(call) then return end
  local module = get_argument(call, "ModuleName", "module", "module_name") or ""
  local fn = get_argument(call, "FunctionName", "function_name", "function") or ""
  if fn == "" then
    local ord = get_argument(call, "Ordinal", "ordinal")
    if ord ~= nil and tostring(ord) ~= "0" then fn = "#" .. tostring(ord) end
  end
  if module == "" and fn == "" then return end
  local key = tostring(module) .. "/" .. tostring(fn)
  if seen[key] then return end
  seen[key] = true
  mark({DynamicLoader = key, pid = process.pid})
end
