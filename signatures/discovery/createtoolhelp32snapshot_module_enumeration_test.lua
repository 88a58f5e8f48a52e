local function cape(api, ok)
  return {behavior = {processes = {{process_id = 2192, parent_id = 1, process_name = "a.exe",
    module_path = "C:\\a.exe", calls = {
      {api = api, status = ok, ["return"] = ok and "0x00000001" or "0x00000000",
       arguments = {{name = "ModuleName", value = "ntdll.dll"}, {name = "ModuleID", value = "0"}}}}}}}}
end

function test_matches_cape()
  local r = run_signature(cape("Module32NextW", true))
  assert_true(r.matched)
  assert_eq(r.data[1].module, "pid 2192 module ntdll.dll")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 9, ppid = 1, process_name = "b.exe", calls = {
    {api = "Module32FirstW", status = 1, return_value = 1, arguments = {module_name = "kernel32.dll"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_failed_or_process_walk()
  assert_false(run_signature(cape("Module32NextW", false)).matched)
  assert_false(run_signature(cape("Process32NextW", true)).matched)
end
