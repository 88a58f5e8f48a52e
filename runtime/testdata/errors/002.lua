-- syntax: an unexpected token
name = "x"
description = "d"
severity = 1
function run(results)
  local x = = 1
end
