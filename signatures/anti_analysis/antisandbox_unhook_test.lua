function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 1224, parent_id = 792, process_name = "dwm.exe",
    module_path = "C:\\Windows\\dwm.exe", calls = {
      {api = "__anomaly__", category = "__notification__", status = true, ["return"] = "0x00000000", arguments = {
        {name = "Subcategory", value = "unhook"}, {name = "FunctionName", value = "connect"},
        {name = "UnhookType", value = "modification"}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].unhook, "function_name: connect, type: modification")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "__anomaly__", category = "__notification__", status = 1, return_value = 0,
     arguments = {subcategory = "unhook", funcname = "NtCreateFile", unhook_type = "removal"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_other_anomaly()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "__anomaly__", status = 1, return_value = 0, arguments = {subcategory = "exception", message = "x"}}}}}}})
  assert_false(r.matched)
end
