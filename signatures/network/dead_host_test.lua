function test_matches_cuckoo2_pairs()
  local r = run_signature({behavior = {processes = {}}, network = {dead_hosts = {{"8.238.136.254", 80}, {"192.168.1.2", 49722}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].ioc, "8.238.136.254:80")
end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}},
    network = {dead_hosts = {{"216.201.159.118", 443}}}})
  assert_true(r.matched)
end

function test_near_miss_private_or_empty()
  assert_false(run_signature({network = {dead_hosts = {{"172.20.1.3", 33848}}}}).matched)
  assert_false(run_signature({network = {dead_hosts = {}}}).matched)
end

function test_odd_entries_and_special_addresses()
  local r = run_signature({network = {dead_hosts = {{{}, 80}, {true}, {"0.0.0.0", 1}, {"255.255.255.255", 2},
    {"224.0.0.251", 5353}, "::", "93.184.216.34:443"}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].ioc, "93.184.216.34:443")
end
