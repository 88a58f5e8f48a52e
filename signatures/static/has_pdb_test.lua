function test_matches_cuckoo2()
  local r = run_signature({static = {pdb_path = "cmdkey.pdb"}, behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].ioc, "cmdkey.pdb")
  assert_eq(r.data[1].category, "pdb_path")
end

function test_matches_cape()
  local r = run_signature({target = {file = {pe = {pdbpath = "C:\\dev\\bot\\Release\\bot.pdb"}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_null_or_empty()
  assert_false(run_signature({static = {pdb_path = ""}, behavior = {processes = {}}}).matched)
  assert_false(run_signature({target = {file = {pe = {}}}, behavior = {processes = {}}}).matched)
end
