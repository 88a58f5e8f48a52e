name = "antivm_memory_available"
description = "Checks amount of memory in system, this can be used to detect virtual machines that have a low amount of memory available"
severity = 1
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- Sandboxes often run with 1-2 GB of RAM; malware compares the total
-- physical memory against a threshold. Common in ordinary programs too.
filter_apinames = {"GlobalMemoryStatusEx", "GlobalMemoryStatus", "GetPhysicallyInstalledSystemMemory"}

function on_call(call, process)
  mark({api = call.api, process = process.name})
  mark_call()
  return true
end
