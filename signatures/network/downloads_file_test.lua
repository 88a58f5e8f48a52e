function test_matches_cape_failed_download()
  local r = run_signature({behavior = {processes = {{process_id = 1312, parent_id = 1, process_name = "rundll32.exe",
    module_path = "C:\\Windows\\System32\\rundll32.exe", calls = {
      {api = "URLDownloadToFileW", status = false, ["return"] = "0xffffffff800c0005", arguments = {
        {name = "URL", value = "https://www.microsoft.com"}, {name = "FileName", value = "C:\\Users\\R\\AppData\\Local\\Temp\\s"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].succeeded, false)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "URLDownloadToFileW", status = 1, return_value = 0, arguments = {url = "http://x.test/p.exe", filepath = "C:\\p.exe"}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].succeeded, true)
end

function test_near_miss_other_network_api()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "InternetOpenUrlW", status = 1, return_value = 1, arguments = {url = "http://x.test/"}}}}}}})
  assert_false(r.matched)
end
