function test_matches()
  local r = run_signature({snort = {alerts = {
    {message = "ATTACK RESPONSES id check returned root", sid = 498, src_ip = "192.168.56.11"},
    {message = "ATTACK RESPONSES id check returned root", sid = 498},
    {message = "ICMP test", sid = 1}}}, behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].category, "snort")
end

function test_matches_cape_shape_report()
  local r = run_signature({snort = {alerts = {{message = "ET TROJAN x"}}}, behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss()
  assert_false(run_signature({snort = {alerts = {}}}).matched)
  assert_false(run_signature({snort = {}}).matched)
end
