-- runtime: a helper at the top level
name = "x"
description = "d"
severity = 1
local f = check_file("C:\\x.exe")
mark({f = f})
function run() end
