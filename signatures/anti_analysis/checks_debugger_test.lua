function test_matches_cape_isdebuggerpresent()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "s.exe", module_path = "C:\\s.exe",
    calls = {{api = "IsDebuggerPresent", status = false, ["return"] = "0x00000000", arguments = {}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].api, "IsDebuggerPresent")
end

function test_matches_cuckoo2_debug_port()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "NtQueryInformationProcess", status = 1, return_value = 0, arguments = {information_class = 7, process_handle = "0xffffffff"}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].api, "NtQueryInformationProcess(ProcessDebugPort)")
end

function test_near_miss_basic_information()
  assert_false(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "NtQueryInformationProcess", status = 1, return_value = 0, arguments = {information_class = 0}}}}}}}).matched)
end
