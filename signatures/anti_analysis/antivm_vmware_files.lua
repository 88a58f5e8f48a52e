name = "antivm_vmware_files"
description = "Detects VMware through the presence of a file or device"
severity = 3
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- VMware Tools drivers, DLLs and executables, and the HGFS/VMCI devices.
local PATTERN = ".*(" ..
  "\\\\drivers\\\\(vmmouse|vmhgfs|vmci|vmx86|vmrawdsk|vmusbmouse|vm3dmp|vmmemctl|vmxnet|vmx_svga)\\.sys" ..
  "|\\\\(vm3dgl|vmdum|vm3dver|vmtray|vmGuestLib|vmhgfs|vmwogl32|vmmousever)\\.dll" ..
  "|\\\\(vmtoolsd|vmwaretray|vmwareuser|VGAuthService|vmacthlp)\\.exe" ..
  "|\\\\VMware\\\\VMware Tools(\\\\.*)?" ..
  "|\\\\\\\\\\.\\\\(HGFS|vmci)" ..
  ")$"

function run(results)
  for _, f in ipairs(check_file(PATTERN, {regex = true, all = true})) do
    mark({file = f})
  end
  return has_marks()
end
