-- a hook that is not a function
name = "x"
description = "d"
severity = 1
run = true
