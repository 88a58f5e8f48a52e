name = "antivm_vbox_files"
description = "Detects VirtualBox through the presence of a file or device"
severity = 3
categories = {"anti_vm"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/"}
ttps = {"T1497.001"}

-- Guest Additions drivers, DLLs and tools, and the devices/pipes they expose.
local PATTERN = ".*(" ..
  "\\\\drivers\\\\VBox(Mouse|Guest|SF|Video|Wddm)\\.sys" ..
  "|\\\\(vboxdisp|vboxhook|vboxmrxnp|vboxogl[a-z]*|vboxoglpackspu|vboxoglpassthroughspu|vboxoglerrorspu|vboxoglfeedbackspu|vboxoglarrayspu|vboxoglcrutil)\\.dll" ..
  "|\\\\(VBoxService|VBoxTray|VBoxControl)\\.exe" ..
  "|\\\\Oracle\\\\VirtualBox Guest Additions(\\\\.*)?" ..
  "|\\\\\\\\\\.\\\\(VBoxMiniRdrDN|VBoxGuest|VBoxTrayIPC|pipe\\\\VBoxMiniRdDN|pipe\\\\VBoxTrayIPC)" ..
  ")$"

function run(results)
  for _, f in ipairs(check_file(PATTERN, {regex = true, all = true})) do
    mark({file = f})
  end
  return has_marks()
end
