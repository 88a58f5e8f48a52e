local function a(n, v) return {name = n, value = v} end

local function cape(ret)
  return {behavior = {processes = {
    {process_id = 456, parent_id = 1, process_name = "lsass.exe", module_path = "C:\\Windows\\System32\\lsass.exe", calls = {}},
    {process_id = 1852, parent_id = 1, process_name = "explorer.exe", module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "NtOpenProcess", status = ret == "0x00000000", ["return"] = ret, arguments = {
        a("ProcessHandle", "0x00000470"), a("DesiredAccess", "0x0000043a"), a("ProcessIdentifier", "456")}}}}}}}
end

function test_matches_cape_open_with_vm_read()
  local r = run_signature(cape("0x00000000"))
  assert_true(r.matched)
  assert_eq(r.data[2].lsass_pid, 456)
end

function test_matches_cuckoo2_comsvcs_and_enumerated_pid()
  local r = run_signature({behavior = {processes = {{pid = 9, ppid = 1, process_name = "rundll32.exe",
    command_line = "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\t\\l.dmp full", calls = {
      {api = "Process32NextW", status = 1, return_value = 1, arguments = {process_name = "lsass.exe", process_identifier = 624}},
      {api = "NtOpenProcess", status = 1, return_value = 0, arguments = {process_identifier = 624, desired_access = 2097151, process_handle = "0x1"}}}}},
    summary = {}}})
  assert_true(r.matched)
  assert_eq(#r.data, 3)
end

function test_near_miss_denied_or_query_only()
  assert_false(run_signature(cape("0xc0000022")).matched)
  local r = run_signature({behavior = {processes = {
    {pid = 456, ppid = 1, process_name = "lsass.exe", calls = {}},
    {pid = 9, ppid = 1, process_name = "taskmgr.exe", calls = {
      {api = "NtOpenProcess", status = 1, return_value = 0, arguments = {process_identifier = 456, desired_access = 4096}}}}}}})
  assert_false(r.matched)
end
