local function hosts(n)
  local t = {}
  for i = 1, n do t[#t + 1] = {ip = "203.0.113." .. i} end
  return t
end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}},
    network = {hosts = hosts(6), udp = {{dst = "8.8.8.8", dport = 53}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].direct_ip_connections, "Made direct connections to 6 unique IP addresses")
end

function test_matches_cuckoo2_string_hosts()
  local r = run_signature({behavior = {processes = {}}, network = {hosts = {"1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5", "1.1.1.6"}}})
  assert_true(r.matched)
end

function test_near_miss_few_or_resolved()
  assert_false(run_signature({network = {hosts = hosts(4)}}).matched)
  local r = run_signature({network = {hosts = hosts(5), domains = {{domain = "a.test", ip = "203.0.113.1"}}}})
  assert_false(r.matched)
end
