-- runtime: a table bomb hits the memory bound
name = "x"
description = "d"
severity = 1
function run(results)
  local t = {}
  for i = 1, 1e8 do t[i] = {i, i, i, i} end
  return #t > 0
end
