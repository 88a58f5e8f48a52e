-- sandbox: io and require are not available
name = "x"
description = "d"
severity = 1
function run(results)
  local f = io.open("/etc/passwd")
  return f ~= nil
end
