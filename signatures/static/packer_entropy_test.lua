function test_matches_cuckoo2_static()
  local r = run_signature({static = {pe_sections = {{name = "UPX0", entropy = 0.0}, {name = "UPX1", entropy = 7.91}}},
    behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(r.data, {{section = "UPX1", entropy = 7.91}})
end

function test_matches_cape24_target_pe_string_entropy()
  local r = run_signature({target = {file = {pe = {sections = {{name = ".AlhaLst", entropy = "7.74"}}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_normal_code()
  local r = run_signature({static = {pe = {sections = {{name = ".text", entropy = "6.67"}, {name = ".reloc", entropy = "6.31"}}}},
    behavior = {processes = {}}})
  assert_false(r.matched)
  assert_false(run_signature({behavior = {processes = {}}}).matched)
end
