function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "cmd.exe /c ping.exe -n 6 127.0.0.1 &  type \"C:\\Windows\\System32\\calc.exe\" > \"C:\\Temp\\a.exe\"",
    "C:\\Windows\\system32\\PING.EXE ping.exe  -n 6 127.0.0.1"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /c ping -n 3 localhost > nul & del x.exe", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_plain_ping_or_other_tool()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "ping 8.8.8.8", "timeout -n 5", "shipping.exe -n 3"}}}})
  assert_false(r.matched)
end
