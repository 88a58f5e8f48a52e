-- no hook at all
name = "x"
description = "d"
severity = 1
function ran(results) return true end
