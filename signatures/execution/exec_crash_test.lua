function test_matches_cape()
  local r = run_signature({behavior = {processes = {
    {process_id = 3944, parent_id = 1, process_name = "s.exe", module_path = "C:\\s.exe", calls = {}}},
    summary = {executed_commands = {"C:\\Windows\\system32\\WerFault.exe -u -p 3944 -s 700"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].process, "s.exe")
  assert_eq(r.data[1].crashed_pid, 3944)
end

function test_matches_cuckoo2_process()
  local r = run_signature({behavior = {processes = {{pid = 5, ppid = 1, process_name = "WerFault.exe",
    command_line = "C:\\Windows\\SysWOW64\\WerFault.exe -u -p 2420 -s 396", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_wer_service_and_queue_upload()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "C:\\Windows\\System32\\svchost.exe -k WerSvcGroup", "C:\\Windows\\system32\\wermgr.exe -upload"}}}})
  assert_false(r.matched)
end
