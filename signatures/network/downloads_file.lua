name = "downloads_file"
description = "Downloads a file from the Internet with URLDownloadToFile"
severity = 2
categories = {"network", "dropper"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1105/"}
ttps = {"T1105"}

-- URLDownloadToFile(A/W) fetches a URL straight to disk: the one-call
-- downloader of many droppers. Failed attempts count too (the server may be
-- down), the mark says whether it worked.
filter_apinames = {"URLDownloadToFileA", "URLDownloadToFileW", "URLDownloadToCacheFileA", "URLDownloadToCacheFileW"}

local function succeeded(call)
  local r = get_return(call)
  if type(r) == "number" then return r == 0 end
  if type(r) == "string" then
    local hex = r:match("^0[xX](%x+)$")
    if hex then return tonumber(hex, 16) == 0 end
  end
  return call.status == true or call.status == 1
end

function on_call(call, process)
  local url = get_argument(call, "URL", "url")
  if type(url) ~= "string" or url == "" then return end
  mark({url = url, file = get_argument(call, "FileName", "filepath", "file_name"), succeeded = succeeded(call),
        process = process.name})
  mark_call()
end
