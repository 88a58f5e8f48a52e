function test_matches_cape()
  local r = run_signature({target = {file = {name = "s.exe"}}, behavior = {processes = {
    {process_id = 1, parent_id = 0, process_name = "s.exe", module_path = "C:\\T\\s.exe", calls = {}},
    {process_id = 2, parent_id = 1, process_name = "jx.exe", module_path = "C:\\Users\\u\\AppData\\Roaming\\jx.exe", calls = {}}},
    summary = {write_files = {"C:\\T\\s.exe", "C:\\Users\\u\\AppData\\Roaming\\JX.exe"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{binary = "C:\\Users\\u\\AppData\\Roaming\\JX.exe", pid = 2}})
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {
    {pid = 1, ppid = 0, process_name = "s.exe", process_path = "C:\\T\\s.exe", calls = {}},
    {pid = 2, ppid = 1, process_name = "d.exe", process_path = "C:\\ProgramData\\d.exe", calls = {}}},
    summary = {file_written = {"C:\\ProgramData\\d.exe"}}}})
  assert_true(r.matched)
end

function test_near_miss_not_executed_or_sample_itself()
  local r = run_signature({behavior = {processes = {
    {process_id = 1, parent_id = 0, process_name = "s.exe", module_path = "C:\\T\\s.exe", calls = {}}},
    summary = {write_files = {"C:\\T\\s.exe", "C:\\Users\\u\\AppData\\Roaming\\jx.exe"}, executed_commands = {}}}})
  assert_false(r.matched)
end
