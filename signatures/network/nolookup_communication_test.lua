function test_matches_cuckoo2_hosts()
  local r = run_signature({behavior = {processes = {}},
    network = {hosts = {"110.93.194.205", "172.217.18.131", "8.8.8.8", "192.168.56.1"},
      dns_servers = {"8.8.8.8"},
      dns = {{request = "update.googleapis.com", answers = {{data = "172.217.18.131", type = "A"}}}},
      udp = {{dst = "8.8.8.8", dport = 53}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{host = "110.93.194.205"}})
end

function test_matches_cape_host_objects()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}},
    network = {hosts = {{ip = "216.201.159.118", country_name = "US"}}, domains = {{domain = "x.com", ip = "1.2.3.4"}},
      tcp = {{dst = "216.201.159.118", dport = 443}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_near_miss_all_resolved_or_local()
  local r = run_signature({behavior = {processes = {}},
    network = {hosts = {"1.2.3.4", "224.0.0.252", "10.0.0.1", "255.255.255.255"},
      domains = {{domain = "a.example", ip = "1.2.3.4"}}}})
  assert_false(r.matched)
end
