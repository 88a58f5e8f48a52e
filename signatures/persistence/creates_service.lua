name = "creates_service"
description = "Creates a service"
severity = 2
categories = {"persistence", "privilege_escalation"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1543/003/"}
ttps = {"T1543.003"}

-- A new Windows service survives reboots and runs as SYSTEM. Seen through
-- CreateService calls, "sc create" / New-Service command lines, and CAPE's
-- summary.created_services. (check_service also lists services that were
-- merely started, which Windows does on its own all the time, so the created
-- list is read directly.)
filter_apinames = {"CreateServiceA", "CreateServiceW"}

local seen = {}

local function add(svc, extra)
  local k = tostring(svc):lower()
  if seen[k] then return end
  seen[k] = true
  local m = {service = svc}
  for key, v in pairs(extra or {}) do m[key] = v end
  mark(m)
end

function on_call(call, process)
  if call.status == false or call.status == 0 then return end
  local svc = get_argument(call, "ServiceName", "service_name", "lpServiceName") or "?"
  add(svc, {binary = get_argument(call, "BinaryPathName", "filepath", "binary_path_name", "lpBinaryPathName"),
            process = process.name})
  mark_call()
end

function run(results)
  local s = type(results.behavior) == "table" and results.behavior.summary
  if type(s) == "table" and type(s.created_services) == "table" then
    for _, svc in ipairs(s.created_services) do
      if type(svc) == "string" then add(svc) end
    end
  end
  for _, cmd in ipairs(check_command(".*", {regex = true, all = true})) do
    local svc = cmd:match("[Ss][Cc]%.?[Ee]?[Xx]?[Ee]?%s+[Cc][Rr][Ee][Aa][Tt][Ee]%s+\"?([^%s\"]+)")
    if svc and re.match(cmd, "(?i)(^|[\\s\\\\/\"'&|(])sc(\\.exe)?[\"']?\\s+create\\s") then
      add(svc, {command = cmd})
    elseif re.match(cmd, "(?i)new-service\\s") then
      mark({command = cmd})
    end
  end
  return has_marks()
end
