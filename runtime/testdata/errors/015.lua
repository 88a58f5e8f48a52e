-- runtime: error() with a table
name = "x"
description = "d"
severity = 1
function on_complete()
  error({code = 7, why = "bad"})
end
function run() end
