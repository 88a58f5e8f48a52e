-- check: filter_apinames typos, undeclared globals in hooks
name = "x"
description = "d"
severity = 1
filter_apinames = {"NtWriteVirtualMemry", "createremotethread"}
function on_call(call, process)
  hits = (hits or 0) + 1
  return hits > 3
end
