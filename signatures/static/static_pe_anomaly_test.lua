function test_matches_cape22_static()
  local r = run_signature({static = {pe = {reported_checksum = "0x0002afd3", actual_checksum = "0x0007922b"}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cape24_target()
  local r = run_signature({target = {file = {pe = {reported_checksum = "0x00001000", actual_checksum = "0x00002000"}}},
    behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_unset_or_equal()
  assert_false(run_signature({target = {file = {pe = {reported_checksum = "0x00000000", actual_checksum = "0x0003151d"}}}}).matched)
  assert_false(run_signature({static = {pe = {reported_checksum = "0x00014fc7", actual_checksum = "0x00014fc7"}}}).matched)
  assert_false(run_signature({static = {pe_sections = {}}}).matched)
end
