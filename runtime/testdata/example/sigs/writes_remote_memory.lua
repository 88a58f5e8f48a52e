name = "writes_remote_memory"
description = "Writes into the memory of another process"
severity = 3
ttps = {"T1055"}
filter_apinames = {"WriteProcessMemory", "NtWriteVirtualMemory"}

function on_call(call, process)
  mark_call()
end
