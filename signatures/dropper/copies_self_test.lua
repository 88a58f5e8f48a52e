local function a(name, value) return {name = name, value = value} end

function test_matches_cape_copyfile_from_own_image()
  local r = run_signature({behavior = {processes = {{process_id = 3052, parent_id = 1, process_name = "s.exe",
    module_path = "C:\\Users\\u\\AppData\\Local\\Temp\\s.exe", calls = {
      {api = "CopyFileExW", status = true, ["return"] = "0x00000001", arguments = {
        a("ExistingFileName", "C:\\Users\\u\\AppData\\Local\\Temp\\S.EXE"),
        a("NewFileName", "C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Jx\\jx.exe")}}}}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].copy, "C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Jx\\jx.exe")
end

function test_matches_cuckoo2_dropped_same_hash()
  local r = run_signature({target = {file = {sha256 = "AB12", path = "/tmp/s.exe"}},
    dropped = {{filepath = "C:\\Users\\u\\AppData\\Roaming\\svc.exe", sha256 = "ab12"},
               {filepath = "C:\\Users\\u\\x.dat", sha256 = "ffff"}},
    behavior = {processes = {{pid = 1, ppid = 0, process_name = "s.exe", calls = {}}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].copy, "C:\\Users\\u\\AppData\\Roaming\\svc.exe")
end

function test_near_miss_copies_other_file()
  local r = run_signature({target = {file = {sha256 = "AB12"}}, dropped = {{guest_paths = {"C:\\x.dat"}, sha256 = "cd34"}},
    behavior = {processes = {{process_id = 3, parent_id = 1, process_name = "s.exe", module_path = "C:\\t\\s.exe", calls = {
      {api = "CopyFileA", status = true, arguments = {a("ExistingFileName", "C:\\Windows\\System32\\calc.exe"),
                                                      a("NewFileName", "C:\\t\\calc.exe")}}}}}}})
  assert_false(r.matched)
end
