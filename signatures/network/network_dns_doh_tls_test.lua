function test_matches_dot_and_doh_ip()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}}, network = {tcp = {
    {src = "10.0.0.5", dst = "9.9.9.9", dport = 853}, {src = "10.0.0.5", dst = "1.1.1.1", dport = 443},
    {src = "10.0.0.5", dst = "93.184.216.34", dport = 443}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2_api_lookup()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "getaddrinfo", status = 1, return_value = 0, arguments = {hostname = "cloudflare-dns.com"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_plain_dns_to_public_resolver()
  local r = run_signature({behavior = {processes = {}}, network = {
    udp = {{src = "172.20.1.5", dst = "1.1.1.1", dport = 53}},
    dns = {{request = "dns.google", type = "None", answers = {}}},
    tcp = {{src = "10.0.0.5", dst = "93.184.216.34", dport = 443}}}})
  assert_false(r.matched)
end
