function test_matches_cape_write()
  local r = run_signature({behavior = {processes = {}, summary = {write_files = {"E:\\autorun.inf"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_created()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_created = {"F:\\AutoRun.inf"}}}})
  assert_true(r.matched)
end

function test_near_miss_probe_and_subfolder()
  local r = run_signature({behavior = {processes = {}, summary = {files = {"M:\\AutoRun.inf"},
    write_files = {"C:\\backup\\autorun.inf"}, executed_commands = {}}}})
  assert_false(r.matched)
end
