function test_matches_cape_driver()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Windows\\System32\\drivers\\VBoxMouse.sys", "C:\\Windows\\x.txt"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_matches_cuckoo2_device()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_failed = {"\\\\.\\VBoxMiniRdrDN"}}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Windows\\System32\\drivers\\mouclass.sys", "C:\\Users\\u\\VBoxTray.exe.txt"}, executed_commands = {}}}})
  assert_false(r.matched)
end
