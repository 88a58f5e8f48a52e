function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {write_files = {
    "C:\\Users\\comp\\AppData\\Roaming\\Microsoft\\Jxoqwnx\\jxoqwn.exe", "C:\\Users\\comp\\AppData\\Roaming\\x.dat"},
    executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_matches_cuckoo2_xp_path()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_created = {"C:\\Documents and Settings\\u\\Application Data\\svc.exe"}}}})
  assert_true(r.matched)
end

function test_near_miss_elsewhere()
  local r = run_signature({behavior = {processes = {}, summary = {write_files = {"C:\\ProgramData\\x.exe",
    "C:\\Users\\u\\AppData\\Local\\x.txt"}, read_files = {"C:\\Users\\u\\AppData\\Local\\y.exe"}, executed_commands = {}}}})
  assert_false(r.matched)
end
