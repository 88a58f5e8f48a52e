-- the top level raises
name = "x"
description = "d"
severity = 1
local t = nil
local y = t.field
function run() end
