function test_matches_cape_write()
  local r = run_signature({behavior = {processes = {}, summary = {
    write_keys = {"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ProxyServer"},
    executed_commands = {}}}})
  assert_true(r.matched)
  assert_match(r.data[1].key, "ProxyServer$")
end

function test_matches_cuckoo2_connection_blob()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {regkey_written = {"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections\\DefaultConnectionSettings"}}}})
  assert_true(r.matched)
end

function test_near_miss_zonemap_and_wpad()
  local r = run_signature({behavior = {processes = {}, summary = {
    write_keys = {"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\AutoDetect",
                  "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Wpad\\WpadLastNetwork"},
    read_keys = {"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ProxyServer"},
    executed_commands = {}}}})
  assert_false(r.matched)
end
