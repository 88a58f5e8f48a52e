function test_matches_cape_payloads()
  local r = run_signature({CAPE = {payloads = {{process_name = "Hello_Amber.exe", cape_type = "Unpacked Shellcode"},
    {process_name = "Hello_Amber.exe", cape_type = "Unpacked Shellcode"}}, configs = {}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{Hello_Amber_exe = "Unpacked Shellcode"}})
end

function test_matches_old_cape_list()
  local r = run_signature({CAPE = {{process_name = "explorer.exe", cape_type = "Injected Shellcode/Data"}},
    behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_empty_or_cuckoo()
  assert_false(run_signature({CAPE = {payloads = {}, configs = {}}}).matched)
  assert_false(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}}}}).matched)
end
