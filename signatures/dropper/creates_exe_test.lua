function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_written = {"C:\\x.exe"}, file_opened = {"C:\\y.exe"}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{file_name = "C:\\x.exe"}})
end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {write_files = {"C:\\Temp\\drop.DLL"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_read_or_other_extension()
  local r = run_signature({behavior = {processes = {}, summary = {read_files = {"C:\\x.exe"},
    write_files = {"C:\\x.exe.log", "C:\\notes.txt"}, executed_commands = {}}}})
  assert_false(r.matched)
end
