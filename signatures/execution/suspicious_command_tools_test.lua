function test_matches_cape_schtasks()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\system32\\schtasks.exe\" /create /tn {E6A0862F} /tr \"\"C:\\Users\\u\\x.exe\"\" /sc HOURLY /mo 5 /F"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].tool, "schtasks")
end

function test_matches_cuckoo2_nested_in_cmd()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /c vssadmin delete shadows /all /quiet", calls = {}}}, summary = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].tool, "vssadmin")
end

function test_near_miss_recon_only()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "cmd.exe", "systeminfo", "ping.exe -n 6 127.0.0.1", "notepad C:\\notes\\schtasks.txt"}}}})
  assert_false(r.matched)
end
