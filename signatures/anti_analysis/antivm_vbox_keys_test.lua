function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {keys = {
    "HKEY_LOCAL_MACHINE\\HARDWARE\\ACPI\\DSDT\\VBOX__"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {regkey_opened = {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Oracle\\VirtualBox Guest Additions"}}}})
  assert_true(r.matched)
end

function test_near_miss_other_vendor()
  local r = run_signature({behavior = {processes = {}, summary = {keys = {
    "HKEY_LOCAL_MACHINE\\HARDWARE\\ACPI\\DSDT\\ALASKA", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Oracle\\Java"}, executed_commands = {}}}})
  assert_false(r.matched)
end
