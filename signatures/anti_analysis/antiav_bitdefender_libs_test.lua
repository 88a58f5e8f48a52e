function test_matches_cape_failed_probe()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "LdrGetDllHandle", status = false, ["return"] = "0xc0000135", arguments = {
        {name = "FileName", value = "avcuf32.dll"}, {name = "ModuleHandle", value = "0x00000000"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].library, "avcuf32.dll")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "LdrLoadDll", status = 0, return_value = -1073741515, arguments = {module_name = "C:\\Program Files\\Bitdefender\\atcuf64.dll"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_other_dll()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "LdrGetDllHandle", status = 1, return_value = 0, arguments = {module_name = "kernel32.dll"}},
    {api = "LdrGetDllHandle", status = 1, return_value = 0, arguments = {module_name = "myavcuf32.dll.bak"}}}}}}})
  assert_false(r.matched)
end
