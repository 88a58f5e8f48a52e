function test_matches_cape_fodhelper()
  local r = run_signature({behavior = {processes = {}, summary = {write_keys = {
    "HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command\\DelegateExecute",
    "HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command\\(Default)"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2_eventvwr()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {regkey_written = {"HKEY_CURRENT_USER\\Software\\Classes\\mscfile\\shell\\open\\command"}}}})
  assert_true(r.matched)
end

function test_near_miss_reads_or_other_class()
  local r = run_signature({behavior = {processes = {}, summary = {
    read_keys = {"HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command"},
    write_keys = {"HKEY_CURRENT_USER\\Software\\Classes\\txtfile\\shell\\open\\command"}, executed_commands = {}}}})
  assert_false(r.matched)
end
