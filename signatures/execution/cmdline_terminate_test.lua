function test_matches_cape_nested()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\system32\\schtasks.exe\" /create /tr \"cmd.exe /C \\\"start /MIN x.js\\\"\" /F",
    "\"C:\\Windows\\System32\\cmd.exe\"  /c ping.exe -n 6 127.0.0.1"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2_with_switches()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /q /R del x.exe", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "cmd.exe", "cmd /k dir", "\"C:\\Temp\\a.exe\" /C", "mycmd /c x"}}}})
  assert_false(r.matched)
end
