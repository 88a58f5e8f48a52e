function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {keys = {
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\VMware, Inc.\\VMware Tools\\InstallPath"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_service()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {regkey_opened = {"HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\vmhgfs"}}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}, summary = {keys = {
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\VMware, Inc.Other", "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\vmbus"},
    executed_commands = {}}}})
  assert_false(r.matched)
end
