function test_matches_cape_payload_yara()
  local r = run_signature({CAPE = {payloads = {{pid = 7444, cape_yara = {}, yara = {{name = "embedded_pe"}, {name = "shellcode_peb_parsing"}}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].Hit, "CAPE PID 7444 triggered the Yara rule 'embedded_pe'")
end

function test_matches_cuckoo2_procmemory()
  local r = run_signature({procmemory = {{pid = 5, yara = {{name = "Emotet", meta = {}}}}}, behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_no_hits()
  assert_false(run_signature({CAPE = {payloads = {{yara = {}, cape_yara = {}}}}, dropped = {{yara = {}}}, procmemory = {}}).matched)
end

function test_dropped_file_named_when_pid_empty()
  local r = run_signature({dropped = {{name = {"x.bin"}, pid = "", yara = {{name = "shellcode_patterns"}}}},
    behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_eq(r.data[1].Hit, "dropped file x.bin triggered the Yara rule 'shellcode_patterns'")
end
