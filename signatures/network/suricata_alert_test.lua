function test_matches_cape()
  local r = run_signature({suricata = {alerts = {{signature = "ET POLICY External IP Lookup", sid = 1}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].ioc, "ET POLICY External IP Lookup")
end

function test_matches_cuckoo2()
  local r = run_signature({suricata = {alerts = {{signature = "ET TROJAN Beacon"}, {signature = "ET TROJAN Beacon"}}},
    behavior = {processes = {}}})
  assert_eq(#r.data, 1)
end

function test_near_miss()
  assert_false(run_signature({suricata = {tls = {}, files = {}, alerts = {}, http = {}}}).matched)
end
