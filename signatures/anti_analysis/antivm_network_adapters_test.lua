local function cape(ret)
  return {behavior = {processes = {{process_id = 2448, parent_id = 1, process_name = "m.exe",
    module_path = "C:\\m.exe", calls = {{api = "GetAdaptersAddresses", category = "network",
      status = true, ["return"] = ret, arguments = {}}}}}}}
end

function test_matches_cape_success()
  local r = run_signature(cape("0x00000000"))
  assert_true(r.matched)
  assert_eq(r.data[1].type, "call")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "GetAdaptersInfo", category = "network", status = 1, return_value = 0, arguments = {}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_buffer_sizing_call()
  assert_false(run_signature(cape("0x0000006f")).matched)
end
