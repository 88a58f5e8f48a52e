-- runtime: mark_call outside on_call
name = "x"
description = "d"
severity = 1
function run(results)
  mark_call()
end
