function test_matches_cuckoo2()
  local r = run_signature({static = {pe_resources = {{name = "MUI"}, {name = "RT_VERSION"}, {name = "RT_MANIFEST"}}},
    behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].ioc, "MUI")
end

function test_matches_cape24()
  local r = run_signature({target = {file = {pe = {resources = {{name = "PAYLOAD"}, {name = "RT_ICON"}}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_standard_or_numeric()
  assert_false(run_signature({static = {pe_resources = {{name = "RT_ICON"}, {name = "RT_GROUP_ICON"}, {name = "101"}}}}).matched)
  assert_false(run_signature({static = {pe = {resources = {}}}}).matched)
end
