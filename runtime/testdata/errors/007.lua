-- metadata: a string where a list is expected
name = "x"
description = "d"
severity = 1
categories = "injection"
function run() end
