function test_matches_cape22_signtool_error()
  local r = run_signature({static = {pe = {guest_signers = {aux_valid = false, aux_error = true,
    aux_error_desc = "No signature found. SignTool Error File not valid C\\Users\\cape\\AppData\\Local\\Temp\\x.exe"}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cape24_bad_certificate()
  local r = run_signature({target = {file = {pe = {guest_signers = {aux_valid = false, aux_error = true,
    aux_error_desc = "A certificate chain processed, but terminated in a root certificate which is not trusted"}}}},
    behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_unsigned_or_valid()
  assert_false(run_signature({target = {file = {pe = {guest_signers = {aux_valid = false, aux_error = true,
    aux_error_desc = "No signature found."}}}}}).matched)
  assert_false(run_signature({target = {file = {pe = {guest_signers = {aux_valid = true, aux_error = false}}}}}).matched)
end
