local function a(n, v) return {name = n, value = v} end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "WriteProcessMemory", status = true, ["return"] = "0x00000001", arguments = {
        a("ProcessHandle", "0x0000015c"), a("BaseAddress", "0x01c40000"), a("BufferLength", "0x10")}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[2].handle, "0x0000015c")
end

function test_matches_cuckoo2_other_pid()
  local r = run_signature({behavior = {processes = {{pid = 10, ppid = 1, process_name = "a.exe", calls = {
    {api = "NtWriteVirtualMemory", status = 1, return_value = 0,
     arguments = {process_handle = "0x00000100", process_identifier = 11, base_address = "0x400000"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_self_and_brokers()
  local r = run_signature({behavior = {processes = {
    {pid = 10, ppid = 1, process_name = "a.exe", calls = {
      {api = "NtWriteVirtualMemory", status = 1, return_value = 0, arguments = {process_handle = "0xffffffff", process_identifier = 10}}}},
    {pid = 828, ppid = 460, process_name = "svchost.exe", calls = {
      {api = "WriteProcessMemory", status = 1, return_value = 1, arguments = {process_handle = "0x000009ac", process_identifier = 1552}}}}}}})
  assert_false(r.matched)
end
