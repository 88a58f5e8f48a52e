name = "antivm_network_adapters"
description = "Checks adapter addresses which can be used to detect virtual network interfaces"
severity = 1
categories = {"anti_vm", "discovery"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1497/001/",
              "https://attack.mitre.org/techniques/T1016/"}
ttps = {"T1497.001", "T1016"}

-- The adapter list carries MAC addresses, whose vendor prefixes
-- (08:00:27 VirtualBox, 00:0C:29/00:50:56 VMware, 52:54:00 QEMU) give a VM
-- away. Only a successful query is counted: the first call of the usual
-- two-call pattern fails with ERROR_BUFFER_OVERFLOW (111) and returns no data.
filter_apinames = {"GetAdaptersAddresses", "GetAdaptersInfo"}

local function retcode(call)
  local r = get_return(call)
  if type(r) == "number" then return r end
  if type(r) == "string" then
    local hex = r:match("^0[xX](%x+)$")
    if hex then return tonumber(hex, 16) end
    return tonumber(r)
  end
  return nil
end

function on_call(call, process)
  if retcode(call) == 0 then
    mark_call()
    return true
  end
end
