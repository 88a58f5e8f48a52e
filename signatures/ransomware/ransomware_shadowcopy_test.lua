function test_matches_cape_vssadmin_and_bcdedit()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "cmd.exe /c vssadmin.exe Delete Shadows /All /Quiet",
    "bcdedit /set {default} recoveryenabled No", "cmd.exe"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
end

function test_matches_cuckoo2_wmic()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "WMIC.exe",
    command_line = "wmic shadowcopy delete /nointeractive", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_listing_only()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "vssadmin list shadows", "C:\\Windows\\System32\\svchost.exe -k swprv", "C:\\Windows\\system32\\vssvc.exe"}}}})
  assert_false(r.matched)
end
