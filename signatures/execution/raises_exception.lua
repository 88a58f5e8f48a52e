name = "raises_exception"
description = "One or more processes crashed"
severity = 1
categories = {"execution"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1622/"}

-- The monitor logs first-chance exceptions as a pseudo-call "__exception__".
-- Packers and anti-debug code raise exceptions on purpose; crashes show up
-- here too.
filter_apinames = {"__exception__"}
markcount = 10

function on_call(call, process)
  mark_call()
end
