function test_matches_cuckoo2_sections()
  local r = run_signature({static = {pe_sections = {{name = "UPX0", entropy = 0}, {name = "UPX1", entropy = 7.9},
    {name = ".rsrc", entropy = 5.7}}}, behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cape_peid()
  local r = run_signature({target = {file = {pe = {sections = {}, peid_signatures = {"UPX 2.90 [LZMA] -> Markus Oberhumer"}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss()
  local r = run_signature({static = {pe_sections = {{name = ".text"}, {name = "UPXX"}}, peid_signatures = {"Microsoft Visual C++"}},
    behavior = {processes = {}}})
  assert_false(r.matched)
end
