function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "j.exe", module_path = "C:\\j.exe",
    calls = {{api = "GlobalMemoryStatus", status = true, ["return"] = "0x00000001", arguments = {}}}}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "GlobalMemoryStatusEx", status = 1, return_value = 1, arguments = {}}}}}}})
  assert_true(r.matched)
end

function test_near_miss()
  assert_false(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "GetSystemInfo", status = 1, return_value = 0, arguments = {}}}}}}}).matched)
end
