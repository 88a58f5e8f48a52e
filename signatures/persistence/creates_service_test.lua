function test_matches_cape_api()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "d.exe", module_path = "C:\\d.exe",
    calls = {{api = "CreateServiceW", status = true, ["return"] = "0x005a3c10", arguments = {
      {name = "ServiceName", value = "WinUpd"}, {name = "BinaryPathName", value = "C:\\ProgramData\\svc.exe"}}}}}},
    summary = {created_services = {"WinUpd"}, started_services = {"VSS"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].binary, "C:\\ProgramData\\svc.exe")
end

function test_matches_cuckoo2_sc_create()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "sc.exe",
    command_line = "sc.exe create evilsvc binPath= C:\\x.exe start= auto", calls = {}}}, summary = {}}})
  assert_true(r.matched)
  assert_eq(r.data[1].service, "evilsvc")
end

function test_near_miss_started_only()
  local r = run_signature({behavior = {processes = {}, summary = {created_services = {}, started_services = {"VSS", "swprv"},
    executed_commands = {"sc query evilsvc", "C:\\Windows\\System32\\svchost.exe -k swprv"}}}})
  assert_false(r.matched)
end
