function test_matches_cuckoo2()
  local r = run_signature({virustotal = {positives = 54, total = 69, scans = {
    ESET = {detected = true, result = "Win32/Filecoder.Sodinokibi"}, Bkav = {detected = false}}},
    behavior = {processes = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].positives, 54)
  assert_eq(r.data[2].ioc, "ESET: Win32/Filecoder.Sodinokibi")
end

function test_matches_cape_without_scans()
  local r = run_signature({virustotal = {positives = 3, total = 70}, behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
end

function test_near_miss_clean_or_missing()
  assert_false(run_signature({virustotal = {positives = 0, total = 72}}).matched)
  assert_false(run_signature({virustotal = {}}).matched)
  assert_false(run_signature({behavior = {processes = {}}}).matched)
end
