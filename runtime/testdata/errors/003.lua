-- metadata: name missing
description = "d"
severity = 1
function run() end
