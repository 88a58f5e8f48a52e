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
