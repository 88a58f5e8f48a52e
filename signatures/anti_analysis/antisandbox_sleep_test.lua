local function delay(ms)
  return {api = "NtDelayExecution", status = true, ["return"] = "0x00000000",
    arguments = {{name = "Milliseconds", value = ms}, {name = "Status", value = "Skipped"}}}
end

function test_matches_cape_summed_over_processes_of_same_name()
  local calls = {}
  for i = 1, 4 do calls[#calls + 1] = delay("60000") end
  local r = run_signature({behavior = {processes = {
    {process_id = 1, parent_id = 0, process_name = "explorer.exe", module_path = "C:\\Windows\\explorer.exe", calls = calls},
    {process_id = 2, parent_id = 1, process_name = "explorer.exe", module_path = "C:\\Windows\\explorer.exe",
     calls = {delay("60000"), delay("30")}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].pids, "1,2")
  assert_match(r.data[1].Process, "^explorer%.exe tried to sleep 300%.03 seconds")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 9, ppid = 1, process_name = "s.exe", calls = {
    {api = "NtDelayExecution", status = 1, return_value = 0, arguments = {milliseconds = 600000, skipped = 1}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_short_and_infinite()
  local r = run_signature({behavior = {processes = {
    {process_id = 1, parent_id = 0, process_name = "systeminfo.exe", module_path = "C:\\x.exe",
     calls = {delay("60000"), delay("60000"), delay("60000"), delay("60000"), delay("4294967295")}}}}})
  assert_false(r.matched)
end
