function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "ObtainUserAgentString", status = true, ["return"] = "0x00000000",
       arguments = {{name = "Option", value = "0"}, {name = "UserAgent", value = "Mozilla/4.0 (compatible; MSIE 8.0)"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].process, "explorer.exe")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "ObtainUserAgentString", status = 1, return_value = 0, arguments = {user_agent = "Mozilla/5.0"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_failed_or_other()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "ObtainUserAgentString", status = 0, return_value = -2147024774, arguments = {}},
    {api = "InternetOpenA", status = 1, return_value = 1, arguments = {user_agent = "Mozilla/5.0"}}}}}}})
  assert_false(r.matched)
end
