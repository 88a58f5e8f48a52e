function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 3, parent_id = 0, process_name = "s.exe", module_path = "C:\\s.exe",
    calls = {{api = "GetComputerNameA", status = true, ["return"] = "0x00000001", arguments = {{name = "ComputerName", value = "WIN-7"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].computer_name, "WIN-7")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "GetComputerNameW", status = 1, return_value = 1, arguments = {computer_name = "PC"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss()
  assert_false(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "GetUserNameW", status = 1, return_value = 1, arguments = {user_name = "u"}}}}}}}).matched)
end
