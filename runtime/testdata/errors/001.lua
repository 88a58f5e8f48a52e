-- syntax: a block without its end
name = "x"
description = "d"
severity = 1
function run(results)
  if true then
    return true
end
