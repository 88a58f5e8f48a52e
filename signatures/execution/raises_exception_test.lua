function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 4428, ppid = 1, process_name = "a.exe", calls = {
    {api = "LdrLoadDll", status = 1, return_value = 0, arguments = {module_name = "x.dll"}},
    {api = "__exception__", status = 0, return_value = 0, arguments = {exception = {address = "0x401000"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].cid, 1)
end

function test_matches_cuckoo1_list_arguments()
  local r = run_signature({behavior = {processes = {{process_id = 9, parent_id = 1, process_name = "b.exe", calls = {
    {api = "__exception__", category = "exception", arguments = {{name = "Exception", value = "0xc0000005"}}}}}},
    summary = {files = {}, keys = {}, mutexes = {}}}})
  assert_true(r.matched)
end

function test_near_miss_exception_handlers_only()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "SetUnhandledExceptionFilter", status = 1, return_value = 0, arguments = {}},
    {api = "__anomaly__", status = 1, arguments = {}}}}}}})
  assert_false(r.matched)
end
