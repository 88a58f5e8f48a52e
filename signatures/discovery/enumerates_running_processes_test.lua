local function cape(calls)
  return {behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = calls}}}}
end

local function walk(name, pid)
  return {api = "Process32NextW", status = true, ["return"] = "0x00000001",
    arguments = {{name = "ProcessName", value = name}, {name = "ProcessId", value = pid}}}
end

function test_matches_cape()
  local r = run_signature(cape({walk("smss.exe", "228"), walk("csrss.exe", "312"), walk("smss.exe", "228")}))
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].process, "smss.exe with pid 228")
end

function test_matches_cuckoo2()
  local r = run_signature({behavior = {processes = {{pid = 3, ppid = 1, process_name = "m.exe", calls = {
    {api = "Process32NextW", status = 1, return_value = 1,
     arguments = {process_name = "lsass.exe", process_identifier = 504}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].process, "lsass.exe with pid 504")
end

function test_near_miss_end_of_list()
  local c = walk("x.exe", "1")
  c.status = false
  assert_false(run_signature(cape({c, {api = "CreateToolhelp32Snapshot", status = true,
    arguments = {{name = "Flags", value = "0x00000002"}}}})).matched)
end
