function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "connect", category = "network", status = 0, return_value = -1,
     arguments = {socket = 100, ip_address = "203.0.113.7", port = 8080}},
    {api = "connect", category = "network", status = 0, return_value = -1,
     arguments = {socket = 101, ip_address = "203.0.113.7", port = 8080}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].ioc, "203.0.113.7:8080")
  assert_eq(#r.data, 2)
end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 2, parent_id = 1, process_name = "b.exe", module_path = "C:\\b.exe",
    calls = {{api = "connect", status = false, ["return"] = "0xffffffff",
      arguments = {{name = "socket", value = "0x1"}, {name = "ip_address", value = "198.51.100.2"}, {name = "port", value = "443"}}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_success_or_local()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "connect", status = 1, return_value = 0, arguments = {ip_address = "203.0.113.7", port = 80}},
    {api = "connect", status = 0, return_value = -1, arguments = {ip_address = "192.168.56.1", port = 80}}}}}}})
  assert_false(r.matched)
end
