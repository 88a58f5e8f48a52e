name = "antivm_vmware_keys"
description = "Detects VMware through the presence of a registry key"
severity = 3
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- VMware Tools' key and the VMware guest driver services.
local PATTERN = ".*\\\\(" ..
  "SOFTWARE\\\\(Wow6432Node\\\\)?VMware, Inc\\.\\\\VMware Tools(\\\\.*)?" ..
  "|SYSTEM\\\\(CurrentControlSet|ControlSet\\d{3})\\\\Services\\\\(vmtools|VMTools|vmhgfs|vmmouse|vmci|vmx86|vmrawdsk|vmusbmouse|vmvss|vmscsi|vmxnet|vmx_svga|vm3dmp|vmmemctl)(\\\\.*)?" ..
  ")$"

function run(results)
  for _, key in ipairs(check_key(PATTERN, {regex = true, all = true})) do
    mark({key = key})
  end
  return has_marks()
end
