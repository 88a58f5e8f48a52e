-- metadata: a misspelt key is a warning, the signature still loads
name = "x"
description = "d"
severty = 2
severity = 1
function run() end
