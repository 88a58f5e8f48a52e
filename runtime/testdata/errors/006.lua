-- metadata: severity out of range and not an integer
name = "x"
description = "d"
severity = 11
markcount = 1.5
function run() end
