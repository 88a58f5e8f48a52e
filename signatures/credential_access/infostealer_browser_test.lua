function test_matches_cape_ie_cookies()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Users\\comp\\AppData\\Roaming\\Microsoft\\Windows\\Cookies\\*",
    "C:\\Users\\comp\\AppData\\Roaming\\Microsoft\\Windows\\Cookies\\Low\\comp@google[2].txt"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_matches_cuckoo2_chrome_and_firefox()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_opened = {
      "C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data",
      "C:\\Users\\u\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\ab12.default\\logins.json"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_near_miss_directory_probe_and_cache()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Users\\Rebecca\\AppData\\Roaming\\Microsoft\\Windows\\Cookies\\",
    "C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\data_1"}, executed_commands = {}}}})
  assert_false(r.matched)
end

function test_matches_cape_call_from_injected_explorer()
  local r = run_signature({behavior = {processes = {{process_id = 1852, parent_id = 1180, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = {
      {api = "NtCreateFile", status = true, ["return"] = "0x00000000", arguments = {
        {name = "FileHandle", value = "0x56c"},
        {name = "FileName", value = "C:\\Users\\comp\\AppData\\Roaming\\Microsoft\\Windows\\Cookies\\comp@adobe[1].txt"}}}}}},
    summary = {files = {}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].process, "explorer.exe")
end

function test_near_miss_browser_reading_its_own_profile()
  local login = "C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data"
  local r = run_signature({behavior = {processes = {{pid = 7, ppid = 1, process_name = "chrome.exe", calls = {
    {api = "NtCreateFile", status = 1, return_value = 0, arguments = {filepath = login}}}}},
    summary = {file_opened = {login}}}})
  assert_false(r.matched)
end
