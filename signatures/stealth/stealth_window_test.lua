local function cape(calls)
  return {behavior = {processes = {{process_id = 3052, parent_id = 1, process_name = "a.exe",
    module_path = "C:\\Temp\\a.exe", calls = calls}}}}
end

local function cpi(flags, cmd)
  return {api = "CreateProcessInternalW", status = true, ["return"] = "0x00000001",
    arguments = {{name = "ApplicationName", value = ""}, {name = "CommandLine", value = cmd},
                 {name = "CreationFlags", value = flags}, {name = "ProcessId", value = "2192"}}}
end

function test_matches_create_no_window_cape()
  local r = run_signature(cape({cpi("0x08000000", "\"C:\\Temp\\a.exe\" /C")}))
  assert_true(r.matched)
  assert_eq(r.data[1].Process, "a.exe -> \"C:\\Temp\\a.exe\" /C")
end

function test_matches_shellexecute_hidden_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 4, ppid = 1, process_name = "b.exe", calls = {
    {api = "ShellExecuteExW", status = 1, return_value = 1,
     arguments = {filepath = "cmd.exe", parameters = "/c ping 127.0.0.1", show_type = 0}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].Process, "b.exe -> cmd.exe /c ping 127.0.0.1")
end

function test_near_miss_visible_or_suspended_only()
  -- CREATE_SUSPENDED | CREATE_UNICODE_ENVIRONMENT | DETACHED_PROCESS: no hidden window flag
  assert_false(run_signature(cape({cpi("0x0008040c", "svchost.exe -k x"),
    {api = "ShellExecuteExW", status = true, arguments = {{name = "FilePath", value = "notepad.exe"},
      {name = "Show", value = "1"}}}})).matched)
end
