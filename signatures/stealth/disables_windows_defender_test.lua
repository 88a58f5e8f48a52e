function test_matches_cape_registry()
  local r = run_signature({behavior = {processes = {}, summary = {write_keys = {
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware"}, executed_commands = {}}}})
  assert_true(r.matched)
end

function test_matches_cuckoo2_powershell()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "powershell.exe",
    command_line = "powershell -c Set-MpPreference -DisableRealtimeMonitoring $true", calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_reads_and_queries()
  local r = run_signature({behavior = {processes = {}, summary = {
    read_keys = {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware"},
    write_keys = {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\LastUpdate"},
    executed_commands = {"sc query windefend", "Get-MpPreference"}}}})
  assert_false(r.matched)
end
