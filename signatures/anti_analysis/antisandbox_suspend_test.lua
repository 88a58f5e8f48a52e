local function cape(args)
  return {behavior = {processes = {{process_id = 1224, parent_id = 792, process_name = "dwm.exe",
    module_path = "C:\\Windows\\dwm.exe", calls = {{api = "NtSuspendThread", status = true, ["return"] = "0x00000000", arguments = args}}}}}}
end

function test_matches_cape_alert()
  local r = run_signature(cape({{name = "ThreadHandle", value = "0x1d0"}, {name = "SuspendCount", value = "0"},
    {name = "Alert", value = "Attempted to suspend capemon thread"}, {name = "ProcessId", value = "1224"}}))
  assert_true(r.matched)
  assert_eq(r.data[2].Process, "dwm.exe (1224)")
end

function test_matches_cuckoo2_style_alert()
  local r = run_signature({behavior = {processes = {{pid = 3, ppid = 1, process_name = "m.exe", calls = {
    {api = "NtSuspendThread", status = 1, return_value = 0, arguments = {thread_handle = "0x10", alert = "Attempted to suspend monitor thread"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_plain_suspend()
  assert_false(run_signature(cape({{name = "ThreadHandle", value = "0x1d0"}, {name = "SuspendCount", value = "0"},
    {name = "ThreadId", value = "1228"}, {name = "ProcessId", value = "1224"}})).matched)
end
