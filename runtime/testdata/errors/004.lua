-- metadata: name not lowercase
name = "Creates-Exe"
description = "d"
severity = 1
function run() end
