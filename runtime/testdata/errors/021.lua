-- runtime: unbounded recursion
name = "x"
description = "d"
severity = 1
local function depth(n) return depth(n + 1) + 1 end
function run(results)
  return depth(1) > 0
end
