local function a(name, value) return {name = name, value = value} end
local function c(api, ret, args) return {api = api, status = true, ["return"] = ret, arguments = args} end

local function cape(calls)
  return {behavior = {processes = {
    {process_id = 1852, parent_id = 1, process_name = "explorer.exe", module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = calls},
    {process_id = 1680, parent_id = 1248, process_name = "pyw.exe", module_path = "C:\\Windows\\pyw.exe", calls = {}}}}}
end

local OPEN = c("NtOpenProcess", "0x00000000", {a("ProcessHandle", "0x00000470"), a("DesiredAccess", "0x0000043a"), a("ProcessIdentifier", "1680")})
local WRITE = c("WriteProcessMemory", "0x00000001", {a("ProcessHandle", "0x00000470"), a("BaseAddress", "0x00180000")})
local THREAD = c("CreateRemoteThread", "0x000004ec", {a("ProcessHandle", "0x00000470"), a("StartRoutine", "0x00180000")})

function test_matches_cape()
  local r = run_signature(cape({OPEN, WRITE, THREAD}))
  assert_true(r.matched)
  assert_eq(r.data[2].Injection, "explorer.exe(1852) -> pyw.exe(1680)")
end

function test_matches_cuckoo2_ntcreatethreadex()
  local r = run_signature({behavior = {processes = {{pid = 5, ppid = 1, process_name = "m.exe", calls = {
    {api = "NtOpenProcess", status = 1, return_value = 0, arguments = {process_handle = "0x00000088", process_identifier = 6}},
    {api = "NtWriteVirtualMemory", status = 1, return_value = 0, arguments = {process_handle = "0x00000088"}},
    {api = "NtCreateThreadEx", status = 1, return_value = 0, arguments = {process_handle = "0x00000088", thread_handle = "0x90"}}}},
    {pid = 6, ppid = 1, process_name = "notepad.exe", calls = {}}}}})
  assert_true(r.matched)
end

function test_near_miss_no_write_or_own_process()
  -- thread without prior write, and a handle reopened to another pid before the thread
  local REOPEN = c("NtOpenProcess", "0x00000000", {a("ProcessHandle", "0x00000470"), a("ProcessIdentifier", "1712")})
  assert_false(run_signature(cape({OPEN, THREAD})).matched)
  assert_false(run_signature(cape({OPEN, WRITE, REOPEN, THREAD})).matched)
  -- local thread creation on the current process handle
  assert_false(run_signature(cape({c("NtCreateThreadEx", "0x00000000", {a("ProcessHandle", "0xffffffff")})})).matched)
end
