function test_matches_cape_scheduled_cscript()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\system32\\schtasks.exe\" /create /tn {B} /tr \"cmd.exe /C \\\"start /MIN C:\\Windows\\system32\\cscript.exe //E:javascript \\\"C:\\x.wpl\\\"\\\"\" /sc WEEKLY"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].tool, "cscript")
end

function test_matches_cuckoo2_powershell()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "powershell.exe",
    command_line = "powershell -nop -w hidden -enc SQBFAFgA", calls = {}}}, summary = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].tool, "powershell")
end

function test_near_miss_python_agent_and_lookalikes()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "\"C:\\Windows\\pyw.exe\" \"C:\\Users\\u\\Start Menu\\Programs\\Startup\\agent.pyw\"",
    "notepad.exe C:\\docs\\powershell-notes.txt"}}}})
  assert_false(r.matched)
end
