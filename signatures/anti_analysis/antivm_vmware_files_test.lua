function test_matches_cape_driver()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Windows\\System32\\drivers\\vmhgfs.sys"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_device()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_failed = {"\\\\.\\HGFS"}}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Windows\\System32\\drivers\\vmbus.sys", "C:\\Program Files\\VMwareHorizon\\x.dll"}, executed_commands = {}}}})
  assert_false(r.matched)
end
