local function a(name, value) return {name = name, value = value} end

local function cape(calls)
  return {behavior = {processes = {
    {process_id = 1180, parent_id = 1, process_name = "jxoqwn.exe", module_path = "C:\\x\\jxoqwn.exe", calls = calls},
    {process_id = 1852, parent_id = 1180, process_name = "explorer.exe",
     module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {}}}}}
end

local CREATE = {api = "CreateProcessInternalW", status = true, ["return"] = "0x00000001", arguments = {
  a("CommandLine", "C:\\Windows\\SysWOW64\\explorer.exe"), a("CreationFlags", "0x00000004"),
  a("ProcessId", "1852"), a("ProcessHandle", "0x000001a0"), a("ThreadHandle", "0x0000018c")}}
local MAP = {api = "NtMapViewOfSection", status = true, ["return"] = "0x00000000", arguments = {
  a("SectionHandle", "0x1ac"), a("ProcessHandle", "0x000001a0"), a("Win32Protect", "0x00000040")}}
local RESUME = {api = "NtResumeThread", status = true, ["return"] = "0x00000000", arguments = {
  a("ThreadHandle", "0x0000018c"), a("SuspendCount", "1"), a("ProcessId", "1852")}}

function test_matches_cape_hollowing()
  local r = run_signature(cape({CREATE, MAP, RESUME}))
  assert_true(r.matched)
  local found = false
  for _, d in ipairs(r.data) do
    if d.Injection == "jxoqwn.exe(1180) -> explorer.exe(1852)" then found = true end
  end
  assert_true(found)
end

function test_matches_cuckoo2_write()
  local r = run_signature({behavior = {processes = {{pid = 10, ppid = 1, process_name = "p.exe", calls = {
    {api = "CreateProcessInternalW", status = 1, return_value = 1, arguments = {
      command_line = "svchost.exe", creation_flags = 4, process_identifier = 11,
      process_handle = "0x00000100", thread_handle = "0x00000104"}},
    {api = "NtWriteVirtualMemory", status = 1, return_value = 0, arguments = {process_handle = "0x00000100"}},
    {api = "NtSetContextThread", status = 1, return_value = 0, arguments = {thread_handle = "0x00000104"}},
    {api = "NtResumeThread", status = 1, return_value = 1, arguments = {thread_handle = "0x00000104"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_suspended_child_not_modified()
  -- services.exe style: created suspended and resumed, nothing written in between
  assert_false(run_signature(cape({CREATE, RESUME})).matched)
  -- modified but never resumed
  assert_false(run_signature(cape({CREATE, MAP})).matched)
end
