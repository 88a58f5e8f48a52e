local function cape(api, prot, handle)
  return {behavior = {processes = {{process_id = 7444, parent_id = 1, process_name = "h.exe",
    module_path = "C:\\h.exe", calls = {{api = api, status = true, ["return"] = "0x00000000",
      arguments = {{name = "ProcessHandle", value = handle or "0xffffffffffffffff"},
                   {name = "BaseAddress", value = "0x02260000"}, {name = "RegionSize", value = "0x0004b000"},
                   {name = "Protection", value = prot}}}}}}}}
end

function test_matches_cape_self()
  local r = run_signature(cape("NtAllocateVirtualMemory", "0x00000040"))
  assert_true(r.matched)
  assert_eq(r.data[1].target, "self")
end

function test_matches_cape_remote()
  local r = run_signature(cape("NtAllocateVirtualMemory", "0x00000040", "0x00000470"))
  assert_eq(r.data[1].target, "remote")
end

function test_matches_cuckoo2_protect()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "p.exe", calls = {
    {api = "NtProtectVirtualMemory", status = 1, return_value = 0,
     arguments = {process_handle = "0xffffffff", protection = 64, length = 4096}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_rw_and_rx()
  assert_false(run_signature(cape("NtAllocateVirtualMemory", "0x00000004")).matched)
  assert_false(run_signature(cape("NtProtectVirtualMemory", "0x00000020")).matched)
end
