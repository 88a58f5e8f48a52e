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
