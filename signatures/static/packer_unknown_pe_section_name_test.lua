function test_matches_cape()
  local r = run_signature({static = {pe = {sections = {{name = ".text", entropy = "5.8"}, {name = ".AlhaLst", entropy = "7.74"}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{section = ".AlhaLst", entropy = 7.74}})
end

function test_matches_cuckoo2()
  local r = run_signature({static = {pe_sections = {{name = ".6ai0", entropy = 5.07}}}, behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_standard_layout()
  local r = run_signature({target = {file = {pe = {sections = {{name = ".text"}, {name = ".rdata"}, {name = ".data"},
    {name = ".pdata"}, {name = ".rsrc"}, {name = ".reloc"}, {name = "UPX1"}}}}}, behavior = {processes = {}}})
  assert_false(r.matched)
end
