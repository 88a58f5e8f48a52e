function test_matches_cape_class()
  local r = run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "s.exe", module_path = "C:\\s.exe",
    calls = {{api = "FindWindowA", status = false, ["return"] = "0x00000000", arguments = {
      {name = "ClassName", value = "OLLYDBG"}, {name = "WindowName", value = ""}}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].window, "OLLYDBG")
end

function test_matches_cuckoo2_title()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {
    {api = "FindWindowW", status = 0, return_value = 0, arguments = {class_name = "", window_name = "The Wireshark Network Analyzer"}}}}}}})
  assert_true(r.matched)
end

function test_near_miss_shell_windows()
  local r = run_signature({behavior = {processes = {{process_id = 1552, parent_id = 1, process_name = "explorer.exe", module_path = "C:\\Windows\\explorer.exe",
    calls = {{api = "FindWindowW", status = true, ["return"] = "0x00010046", arguments = {
      {name = "ClassName", value = "Shell_TrayWnd"}, {name = "WindowName", value = ""}}}}}}}})
  assert_false(r.matched)
end
