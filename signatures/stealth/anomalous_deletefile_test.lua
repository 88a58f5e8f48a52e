local function deletes(n, api)
  local calls = {}
  for i = 1, n do
    calls[#calls + 1] = {api = api or "DeleteFileA", status = true, ["return"] = "0x00000001",
      arguments = {{name = "FileName", value = "C:\\Windows\\Temp\\cab_256_" .. i}}}
  end
  return calls
end

function test_matches_cape()
  local r = run_signature({behavior = {processes = {{process_id = 256, parent_id = 1, process_name = "makecab.exe",
    module_path = "C:\\Windows\\System32\\makecab.exe", calls = deletes(10)}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 10)
end

function test_matches_cuckoo2()
  local calls = {}
  for i = 1, 12 do
    calls[#calls + 1] = {api = "DeleteFileW", status = 1, return_value = 1, arguments = {filepath = "C:\\d\\" .. i .. ".doc"}}
  end
  assert_true(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "w.exe", calls = calls}}}}).matched)
end

function test_near_miss_nine_or_repeated()
  assert_false(run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "a.exe",
    module_path = "C:\\a.exe", calls = deletes(9)}}}}).matched)
  local same = {}
  for i = 1, 15 do same[i] = {api = "DeleteFileW", status = true, arguments = {{name = "FileName", value = "C:\\x.tmp"}}} end
  assert_false(run_signature({behavior = {processes = {{process_id = 1, parent_id = 0, process_name = "a.exe",
    module_path = "C:\\a.exe", calls = same}}}}).matched)
end
