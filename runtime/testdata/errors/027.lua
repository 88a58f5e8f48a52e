-- metadata: filter_arguments of the wrong shape, order not a number
name = "x"
description = "d"
severity = 1
order = "first"
filter_arguments = {CommandLine = "vssadmin"}
function on_call(call) return true end
