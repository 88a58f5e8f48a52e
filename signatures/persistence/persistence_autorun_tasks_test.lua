function test_matches_cape_schtasks_create()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\system32\\schtasks.exe\" /create /tn {E6A0862F} /tr \"\"C:\\Users\\u\\x.exe\"\" /sc HOURLY /mo 5 /F"}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_task_file()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_written = {"C:\\Windows\\System32\\Tasks\\Updater"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].task_file, "C:\\Windows\\System32\\Tasks\\Updater")
end

function test_near_miss_query_and_taskeng()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "schtasks /query /fo LIST", "taskeng.exe {33C670BF-79C7-4859-A036-6509874BCA94} S-1-5-21-1:PC\\u:Interactive:[1]"}}}})
  assert_false(r.matched)
end
