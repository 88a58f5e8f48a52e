function test_matches_cape_dns()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}},
    network = {dns = {{request = "update-check.top", type = "A", answers = {}}}, domains = {{domain = "a.example.com", ip = "1.2.3.4"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].ioc, "update-check.top")
end

function test_matches_cuckoo2_domains()
  local r = run_signature({behavior = {processes = {}}, network = {domains = {{domain = "c2.XYZ", ip = ""}}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({behavior = {processes = {}}, network = {domains = {{domain = "www.top-news.com", ip = ""},
    {domain = "teredo.ipv6.microsoft.com", ip = ""}}, dns = {{request = "dns.msftncsi.com", answers = {}}}}})
  assert_false(r.matched)
end
