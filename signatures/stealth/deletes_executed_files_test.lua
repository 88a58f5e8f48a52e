function test_matches_cape_deleted_image()
  local r = run_signature({behavior = {processes = {
    {process_id = 1, parent_id = 0, process_name = "s.exe", module_path = "C:\\Users\\u\\AppData\\Local\\Temp\\s.exe",
     environ = {CommandLine = "\"C:\\Users\\u\\AppData\\Local\\Temp\\s.exe\""}, calls = {}}},
    summary = {delete_files = {"C:\\Users\\u\\AppData\\Local\\Temp\\S.exe", "C:\\Users\\u\\AppData\\Local\\Temp\\tmp.log"},
               executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].executed_as, "process image")
end

function test_matches_cuckoo2_script_from_command_line_via_call()
  local r = run_signature({behavior = {processes = {
    {pid = 1, ppid = 0, process_name = "wscript.exe", process_path = "C:\\Windows\\System32\\wscript.exe",
     command_line = "wscript.exe \"C:\\Users\\u\\AppData\\Local\\Temp\\run me.vbs\" //B", calls = {
       {api = "DeleteFileW", status = 1, return_value = 1,
        arguments = {filepath = "C:\\Users\\u\\AppData\\Local\\Temp\\run me.vbs"}}}}},
    summary = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].executed_as, "command line")
end

function test_near_miss_data_file_and_cuckoo1()
  -- a log passed to makecab is not executed
  local r = run_signature({behavior = {processes = {
    {process_id = 256, parent_id = 1, process_name = "makecab.exe", module_path = "C:\\Windows\\System32\\makecab.exe", calls = {}}},
    summary = {delete_files = {"C:\\Windows\\Logs\\CBS\\CbsPersist_1.log"},
               executed_commands = {"\"C:\\Windows\\system32\\makecab.exe\" C:\\Windows\\Logs\\CBS\\CbsPersist_1.log C:\\Windows\\Logs\\CBS\\CbsPersist_1.cab"}}}})
  assert_false(r.matched)
  -- Cuckoo 1.x: the sample's own path in summary.files is not a deletion
  local r1 = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "s.exe", calls = {
    {api = "NtClose", arguments = {{name = "Handle", value = "0x4"}}}}}},
    summary = {files = {"C:\\s.exe"}, keys = {}, mutexes = {}}}})
  assert_false(r1.matched)
end
