name = "procmem_yara"
description = "Yara rule detections observed from a process memory dump/dropped files/CAPE"
severity = 2
categories = {"static"}
authors = {"sigrun"}
references = {"https://virustotal.github.io/yara/"}

-- Collects YARA hits the sandbox already computed over process memory dumps
-- (procmemory), CAPE payloads (CAPE.payloads) and dropped files (dropped),
-- each with its "yara" and "cape_yara" lists.

local function hits(list, where, out, seen)
  if type(list) ~= "table" then return end
  for _, item in ipairs(list) do
    if type(item) == "table" then
      for _, field in ipairs({"yara", "cape_yara"}) do
        local ys = item[field]
        if type(ys) == "table" then
          for _, y in ipairs(ys) do
            local rule = type(y) == "table" and y.name
            if type(rule) == "string" then
              local pid = item.pid or item.process_id
              if pid == "" then pid = nil end
              local file = item.name
              if type(file) == "table" then file = file[1] end
              if type(file) ~= "string" or file == "" then file = nil end
              local key = where .. "|" .. tostring(pid) .. "|" .. tostring(file) .. "|" .. rule
              if not seen[key] then
                seen[key] = true
                out[#out + 1] = {rule = rule, source = where, pid = pid, file = file}
              end
            end
          end
        end
      end
    end
  end
end

function run(results)
  local out, seen = {}, {}
  hits(results.procmemory, "procmemory", out, seen)
  if type(results.CAPE) == "table" then hits(results.CAPE.payloads, "CAPE", out, seen) end
  hits(results.dropped, "dropped", out, seen)
  for _, h in ipairs(out) do
    local where = h.source
    if h.pid then where = where .. " PID " .. tostring(h.pid) end
    if h.file and h.source == "dropped" then where = where .. " file " .. h.file end
    mark({Hit = string.format("%s triggered the Yara rule '%s'", where, h.rule)})
  end
  return has_marks()
end
