function test_matches_cape_low_level()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "k.exe", module_path = "C:\\k.exe",
    calls = {{api = "SetWindowsHookExW", status = true, ["return"] = "0x00300185", arguments = {
      {name = "HookIdentifier", value = "13"}, {name = "ProcedureAddress", value = "0x001d0478"}, {name = "ThreadId", value = "0"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].hook, "WH_KEYBOARD_LL")
  assert_eq(r.data[1].global, true)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "SetWindowsHookExA", status = 1, return_value = 1, arguments = {hook_identifier = 2, thread_identifier = 0}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_cbt_hook()
  local r = run_signature({behavior = {processes = {{process_id = 2448, parent_id = 1, process_name = "msoia.exe", module_path = "C:\\m.exe",
    calls = {{api = "SetWindowsHookExW", status = true, ["return"] = "0x00300185", arguments = {
      {name = "HookIdentifier", value = "5"}, {name = "ThreadId", value = "2548"}}}}}}}})
  assert_false(r.matched)
end
