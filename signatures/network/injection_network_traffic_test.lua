function test_matches_cape_explorer()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1180, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "InternetConnectA", status = true, ["return"] = "0x00cc000c", arguments = {
        {name = "ServerName", value = "www.ip-adress.com"}, {name = "ServerPort", value = "80"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].http_request, "explorer.exe_InternetConnectA_www.ip-adress.com")
end

function test_matches_cuckoo2_notepad_socket()
  local r = run_signature({behavior = {processes = {{pid = 7, ppid = 1, process_name = "notepad.exe", calls = {
    {api = "connect", status = 1, return_value = 0, arguments = {ip_address = "198.51.100.9", port = 443}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_browser_or_sample()
  local r = run_signature({behavior = {processes = {
    {pid = 1, ppid = 0, process_name = "sample.exe", calls = {
      {api = "InternetConnectA", status = 1, return_value = 1, arguments = {hostname = "c2.test"}}}},
    {pid = 2, ppid = 0, process_name = "svchost.exe", calls = {
      {api = "WinHttpConnect", status = 1, return_value = 1, arguments = {hostname = "update.microsoft.com"}}}}}}})
  assert_false(r.matched)
end
