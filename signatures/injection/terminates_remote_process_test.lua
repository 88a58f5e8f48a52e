local function cape(handle)
  return {behavior = {processes = {{process_id = 460, parent_id = 372, process_name = "services.exe",
    module_path = "C:\\Windows\\System32\\services.exe", calls = {
      {api = "NtTerminateProcess", status = true, ["return"] = "0x00000000",
       arguments = {{name = "ProcessHandle", value = handle}, {name = "ExitCode", value = "0x0000042b"}}}}}}}}
end

function test_matches_cape_foreign_handle()
  local r = run_signature(cape("0x00000404"))
  assert_true(r.matched)
  assert_eq(r.data[1].type, "call")
  assert_eq(r.data[2].process, "services.exe")
end

function test_matches_cuckoo2_other_pid()
  local r = run_signature({behavior = {processes = {
    {pid = 100, ppid = 1, process_name = "a.exe", calls = {
      {api = "NtTerminateProcess", status = 1, return_value = 0,
       arguments = {process_handle = "0x00000120", process_identifier = 200, status_code = 0}}}},
    {pid = 200, ppid = 100, process_name = "avp.exe", calls = {}}}}})
  assert_true(r.matched)
end

function test_near_miss_self_termination()
  assert_false(run_signature(cape("0x00000000")).matched)
  assert_false(run_signature(cape("0xffffffff")).matched)
  assert_false(run_signature(cape("0xffffffffffffffff")).matched)
  local r = run_signature({behavior = {processes = {{pid = 1620, ppid = 1, process_name = "cmdkey.exe", calls = {
    {api = "NtTerminateProcess", status = 1, return_value = 0,
     arguments = {status_code = "0x00000001", process_identifier = 0, process_handle = "0x0000000000000000"}},
    {api = "NtTerminateProcess", status = 1, return_value = 0,
     arguments = {status_code = "0x00000001", process_identifier = 1620, process_handle = "0xffffffffffffffff"}}}}}}})
  assert_false(r.matched)
end
