local function a(n, v) return {name = n, value = v} end
local function c(api, args) return {api = api, status = true, ["return"] = "0x00000000", arguments = args} end

function test_matches_cape_hollowing_chain()
  local r = run_signature({behavior = {processes = {{process_id = 1180, parent_id = 1, process_name = "j.exe",
    module_path = "C:\\j.exe", calls = {
      c("CreateProcessInternalW", {a("CreationFlags", "0x4"), a("ProcessId", "1852"), a("ProcessHandle", "0x1a0"), a("ThreadHandle", "0x18c")}),
      c("NtMapViewOfSection", {a("SectionHandle", "0x1ac"), a("ProcessHandle", "0x000001a0")}),
      c("NtResumeThread", {a("ThreadHandle", "0x18c"), a("SuspendCount", "1"), a("ProcessId", "1852")})}}}}})
  assert_true(r.matched)
  assert_eq(r.data[2].target_pid, 1852)
end

function test_matches_cuckoo2_thread_hijack()
  local r = run_signature({behavior = {processes = {{pid = 5, ppid = 1, process_name = "m.exe", calls = {
    {api = "NtOpenProcess", status = 1, return_value = 0, arguments = {process_handle = "0x88", process_identifier = 6}},
    {api = "NtWriteVirtualMemory", status = 1, return_value = 0, arguments = {process_handle = "0x88"}},
    {api = "NtResumeThread", status = 1, return_value = 1, arguments = {thread_handle = "0x90", process_identifier = 6}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_resume_without_write()
  local r = run_signature({behavior = {processes = {{process_id = 460, parent_id = 1, process_name = "services.exe",
    module_path = "C:\\Windows\\System32\\services.exe", calls = {
      c("CreateProcessInternalW", {a("CreationFlags", "0x0008040c"), a("ProcessId", "1236"), a("ProcessHandle", "0x4b8")}),
      c("NtResumeThread", {a("ThreadHandle", "0x4bc"), a("ProcessId", "1236")}),
      c("NtResumeThread", {a("ThreadHandle", "0x938"), a("ProcessId", "460")})}}}}})
  assert_false(r.matched)
end
