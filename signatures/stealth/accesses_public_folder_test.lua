function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {files = {"C:\\Users\\Public\\desktop.ini", "C:\\x"},
    executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_matches_cuckoo2_written()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_written = {"C:\\Users\\Public\\Libraries\\payload.dll"}}}})
  assert_true(r.matched)
end

function test_near_miss_other_profiles()
  local r = run_signature({behavior = {processes = {}, summary = {files = {"C:\\Users\\Publisher\\a.txt",
    "C:\\Users\\u\\Public Documents\\x"}, executed_commands = {}}}})
  assert_false(r.matched)
end
