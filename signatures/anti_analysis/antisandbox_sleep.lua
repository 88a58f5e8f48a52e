name = "antisandbox_sleep"
description = "A process attempted to delay the analysis task."
severity = 2
categories = {"anti_sandbox"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/003/"}
ttps = {"T1497.003"}

-- Sums the delays requested through NtDelayExecution (Sleep/SleepEx end up
-- there) per process name, so a sample that spreads its waiting over several
-- copies of itself is still seen. Sandboxes usually skip long sleeps, so the
-- requested time matters, not the time actually spent. Five minutes is past
-- the length of a typical analysis; Windows' own processes in the corpus
-- (systeminfo, taskeng, VSSVC, dllhost) stay at or below four minutes.
filter_apinames = {"NtDelayExecution", "Sleep", "SleepEx"}

local THRESHOLD_MS = 300 * 1000
-- INFINITE waits (0xFFFFFFFF) are waits for an event, not delays.
local INFINITE = 4294967295

local totals = {}
local order = {}

function on_call(call, process)
  local ms = to_int(get_argument(call, "Milliseconds", "milliseconds", "dwMilliseconds"))
  if ms == nil or ms <= 0 or ms >= INFINITE then return end
  local pname = tostring(process.name or "?"):lower()
  local t = totals[pname]
  if t == nil then
    t = {name = process.name, ms = 0, calls = 0, pids = {}}
    totals[pname] = t
    order[#order + 1] = pname
  end
  t.ms = t.ms + ms
  t.calls = t.calls + 1
  t.pids[tostring(process.pid)] = true
end

function on_complete()
  for _, key in ipairs(order) do
    local t = totals[key]
    if t.ms >= THRESHOLD_MS then
      local pids = {}
      for pid in pairs(t.pids) do pids[#pids + 1] = pid end
      table.sort(pids)
      mark({Process = string.format("%s tried to sleep %.2f seconds in %d calls", tostring(t.name),
                                    t.ms / 1000, t.calls),
            pids = table.concat(pids, ",")})
    end
  end
end
