name = "spreading_autoruninf"
description = "Creates an autorun.inf file"
severity = 2
categories = {"persistence", "lateral_movement"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1091/"}
ttps = {"T1091"}

-- An autorun.inf written to the root of a drive makes removable or mapped
-- drives start the worm. Only writes count: Explorer probes autorun.inf on
-- every new volume (the 0a0882b8 report shows failed opens on M:\, which CAPE
-- counted and this signature deliberately does not).
local PATTERN = "([a-z]:|\\\\\\\\[^\\\\]+\\\\[^\\\\]+|\\\\Device\\\\[^\\\\]+)\\\\autorun\\.inf$"

function run(results)
  for _, f in ipairs(check_write_file(PATTERN, {regex = true, all = true})) do
    mark({file = f})
  end
  return has_marks()
end
