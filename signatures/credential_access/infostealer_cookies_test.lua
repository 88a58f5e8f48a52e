function test_matches_cuckoo2_chrome_cookies()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_read = {"C:\\Users\\u\\AppData\\Local\\Microsoft\\Edge\\User Data\\Default\\Network\\Cookies"}}}})
  assert_true(r.matched)
end

function test_matches_cape_firefox()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Users\\u\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\x.default-release\\cookies.sqlite"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_logins_only()
  local r = run_signature({behavior = {processes = {}, summary = {files = {
    "C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data",
    "C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Windows\\Cookies\\"}, executed_commands = {}}}})
  assert_false(r.matched)
end

function test_near_miss_firefox_own_cookies()
  local c = "C:\\Users\\u\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\x.default\\cookies.sqlite"
  local r = run_signature({behavior = {processes = {{pid = 7, ppid = 1, process_name = "firefox.exe", calls = {
    {api = "NtCreateFile", status = 1, return_value = 0, arguments = {filepath = c}}}}},
    summary = {file_opened = {c}}}})
  assert_false(r.matched)
end

function test_matches_cuckoo2_call_from_non_browser()
  local c = "C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Network\\Cookies"
  local r = run_signature({behavior = {processes = {
    {pid = 7, ppid = 1, process_name = "chrome.exe", calls = {}},
    {pid = 8, ppid = 1, process_name = "stealer.exe", calls = {
      {api = "CopyFileW", status = 1, return_value = 1, arguments = {oldfilepath = c, newfilepath = "C:\\t\\c.db"}}}}},
    summary = {file_opened = {c}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].process, "stealer.exe")
end
