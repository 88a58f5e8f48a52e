function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {read_keys = {
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows NT\\CurrentVersion\\ProductId"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {regkey_read = {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\\MachineGuid"}}}})
  assert_true(r.matched)
end

function test_near_miss_neighbouring_values()
  local r = run_signature({behavior = {processes = {}, summary = {read_keys = {
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\GRE_Initialize\\DisableMetaFiles",
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProductName"}, executed_commands = {}}}})
  assert_false(r.matched)
end
