function test_matches_cape_chained_commands()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "cmd.exe /c ping.exe -n 6 127.0.0.1 &  type \"C:\\Windows\\System32\\calc.exe\" > \"C:\\Temp\\a.exe\"",
    "systeminfo"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].utility, "cmd")
  assert_eq(r.data[2].utility, "systeminfo")
end

function test_matches_cuckoo2_process_command_line()
  local r = run_signature({behavior = {processes = {{pid = 2, ppid = 1, process_name = "whoami.exe",
    command_line = "C:\\Windows\\system32\\whoami.exe /all", calls = {}}}, summary = {file_opened = {}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].utility, "whoami")
end

function test_near_miss_sample_named_like_a_tool_and_services()
  local r = run_signature({behavior = {processes = {{process_id = 2388, parent_id = 1,
    process_name = "fsutil.exe", module_path = "C:\\Users\\cape\\AppData\\Local\\Temp\\fsutil.exe",
    environ = {CommandLine = "\"C:\\Users\\cape\\AppData\\Local\\Temp\\fsutil.exe\" "}, calls = {}}},
    summary = {executed_commands = {"C:\\Windows\\System32\\svchost.exe -k swprv",
      "C:\\Windows\\system32\\WerFault.exe -u -p 3944 -s 700", "notepad.exe C:\\net.txt"}}}})
  assert_false(r.matched)
end
