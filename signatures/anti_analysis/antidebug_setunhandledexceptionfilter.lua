name = "antidebug_setunhandledexceptionfilter"
description = "SetUnhandledExceptionFilter detected (possible anti-debug)"
severity = 1
categories = {"anti_debug"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1622/"}
ttps = {"T1622"}

-- A top-level exception filter only runs when no debugger is attached, so
-- malware installs one and raises an exception on purpose to tell the two
-- cases apart. Plenty of runtimes install one too, hence severity 1 (the
-- benign cmdkey.exe report calls it; Cuckoo 2.0.7 has no such signature,
-- which is the only reason it is absent from that report's own list).
filter_apinames = {"SetUnhandledExceptionFilter"}

function on_call(call, process)
  mark_call()
  -- one occurrence is enough; stop receiving calls for this report
  return true
end
