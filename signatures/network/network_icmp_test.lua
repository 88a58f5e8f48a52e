function test_matches_outgoing_icmp()
  local r = run_signature({behavior = {processes = {}}, network = {icmp = {
    {src = "192.168.56.11", dst = "192.168.56.10", type = 3, data = ""},
    {src = "192.168.56.11", dst = "192.168.56.10", type = 3, data = ""}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_matches_echo_request_cape_shape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {}}},
    network = {icmp = {{src = "10.0.0.5", dst = "8.8.8.8", type = 8, data = "abc"}}}})
  assert_true(r.matched)
end

function test_near_miss_incoming_only_or_missing()
  assert_false(run_signature({network = {icmp = {{src = "8.8.8.8", dst = "192.168.1.2", type = 3, data = ""}}}}).matched)
  assert_false(run_signature({network = {icmp = {}}}).matched)
  assert_false(run_signature({behavior = {processes = {}}}).matched)
end
