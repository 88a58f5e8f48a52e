-- runtime: error() with a string and with a table
name = "x"
description = "d"
severity = 1
function run(results)
  error("no processes in " .. "report")
end
