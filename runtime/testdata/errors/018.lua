-- runtime: a hook that never ends
name = "x"
description = "d"
severity = 1
function run(results)
  local n = 0
  while true do n = n + 1 end
end
