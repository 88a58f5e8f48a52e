function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {"cmd.exe", "systeminfo"}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{command = "systeminfo", kind = "system"}})
end

function test_matches_cuckoo2_chain()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /c whoami /all & ipconfig /all & net view", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "ipconfig /renew", "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", "notepad systeminfo.txt"}}}})
  assert_false(r.matched)
end
