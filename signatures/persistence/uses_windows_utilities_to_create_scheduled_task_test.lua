function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\system32\\schtasks.exe\" /create /tn {B} /tr \"cmd.exe /C x\" /sc WEEKLY /D TUE /ST 12:00:00 /F"}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_nested()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /c schtasks /Create /SC ONLOGON /TN x /TR c:\\x.exe", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "schtasks /delete /tn x /f", "notschtasks /create"}}}})
  assert_false(r.matched)
end
