local function a(n, v) return {name = n, value = v} end

function test_matches_cape_wininet_chain()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "InternetConnectA", status = true, ["return"] = "0x00cc0014", arguments = {
        a("InternetHandle", "0x00cc0008"), a("ServerName", "216.201.159.118"), a("ServerPort", "443")}},
      {api = "HttpOpenRequestA", status = true, ["return"] = "0x00cc0018", arguments = {
        a("InternetHandle", "0x00cc0014"), a("Path", "/cHOPH1oQ.php"), a("Flags", "0x8484f700"), a("Verb", "POST")}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].url, "https://216.201.159.118/cHOPH1oQ.php")
end

function test_matches_cuckoo2_open_url()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "InternetOpenUrlA", status = 1, return_value = 13369356, arguments = {url = "http://evil.test:8080/gate.php", flags = 0}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].url, "http://evil.test:8080/gate.php")
end

function test_near_miss_session_without_request()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "a.exe", module_path = "C:\\a.exe", calls = {
    {api = "InternetOpenA", status = true, ["return"] = "0x00cc0004", arguments = {a("Agent", "x")}},
    {api = "InternetConnectA", status = true, ["return"] = "0x00cc000c", arguments = {a("ServerName", "a.test"), a("ServerPort", "80")}},
    {api = "HttpOpenRequestA", status = true, ["return"] = "0x00cc0010", arguments = {a("InternetHandle", "0x00cc9999"), a("Path", "/x")}}}}}}})
  assert_false(r.matched)
end
