function test_matches_cape_wevtutil_and_deleted_log()
  local r = run_signature({behavior = {processes = {}, summary = {
    delete_files = {"C:\\Windows\\System32\\winevt\\Logs\\Security.evtx", "C:\\Temp\\x.tmp"},
    executed_commands = {"wevtutil.exe cl System", "wevtutil qe System"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2_api()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "ClearEventLogW", status = 1, return_value = 1, arguments = {handle = "0x44"}}}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_reading_logs()
  local r = run_signature({behavior = {processes = {}, summary = {
    files = {"C:\\Windows\\System32\\winevt\\Logs\\System.evtx"}, delete_files = {"C:\\Users\\u\\AppData\\Local\\Temp\\tmp.log"},
    executed_commands = {"wevtutil qe System /c:5"}}}})
  assert_false(r.matched)
end
