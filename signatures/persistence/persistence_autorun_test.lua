local RUN = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\yfeaxxbea"

function test_matches_cape_with_value()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1,
    process_name = "explorer.exe", module_path = "C:\\Windows\\explorer.exe", calls = {
      {api = "RegSetValueExA", status = true, ["return"] = "0x00000000", arguments = {
        {name = "Handle", value = "0x1"}, {name = "ValueName", value = "yfeaxxbea"},
        {name = "Buffer", value = "\"C:\\Users\\u\\AppData\\Roaming\\x.exe\""},
        {name = "FullName", value = RUN}}}}}},
    summary = {write_keys = {RUN}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].key, RUN)
  assert_eq(r.data[2].data, "\"C:\\Users\\u\\AppData\\Roaming\\x.exe\"")
end

function test_matches_cuckoo2_summary_and_startup_folder()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_written = {"C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\evil.lnk"},
               regkey_written = {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Userinit"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_near_miss_read_only_and_other_keys()
  local r = run_signature({behavior = {processes = {}, summary = {
    read_keys = {RUN},
    write_keys = {"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunMRU\\a",
                  "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts\\.txt\\x"},
    executed_commands = {}}}})
  assert_false(r.matched)
end
