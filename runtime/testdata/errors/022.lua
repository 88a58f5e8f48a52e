-- runtime: string.rep over the limit
name = "x"
description = "d"
severity = 1
function run(results)
  return #string.rep("x", 1e9) > 0
end
