-- the top level never ends
name = "x"
description = "d"
severity = 1
while true do end
function run() end
