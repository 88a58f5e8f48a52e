local function a(n, v) return {name = n, value = v} end

local function chain(hosts, path)
  local calls = {}
  for i, h in ipairs(hosts) do
    local handle = string.format("0x00cc%04x", i * 4)
    calls[#calls + 1] = {api = "InternetConnectA", status = true, ["return"] = handle,
      arguments = {a("ServerName", h), a("ServerPort", "443")}}
    calls[#calls + 1] = {api = "HttpOpenRequestA", status = true, ["return"] = "0x00cc9999",
      arguments = {a("InternetHandle", handle), a("Path", path), a("Verb", "POST")}}
  end
  return {behavior = {processes = {{process_id = 1852, parent_id = 1, process_name = "explorer.exe",
    module_path = "C:\\Windows\\SysWOW64\\explorer.exe", calls = calls}}}}
end

function test_matches_cape_fallback_list()
  local r = run_signature(chain({"216.201.159.118", "65.173.74.217", "66.222.88.126"}, "/cHOPH1oQ.php"))
  assert_true(r.matched)
  assert_eq(r.data[1].File, "/cHOPH1oQ.php was requested from hosts: 216.201.159.118, 65.173.74.217, 66.222.88.126")
end

function test_matches_cuckoo2_winhttp()
  local calls = {}
  for i, h in ipairs({"a.test", "b.test", "c.test"}) do
    calls[#calls + 1] = {api = "WinHttpConnect", status = 1, return_value = "0x" .. i, arguments = {server_name = h, port = 80}}
    calls[#calls + 1] = {api = "WinHttpOpenRequest", status = 1, return_value = "0x99",
      arguments = {connect_handle = "0x" .. i, object_name = "/stage2.bin?id=1"}}
  end
  assert_true(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = calls}}}}).matched)
end

function test_near_miss_root_path_or_two_hosts()
  assert_false(run_signature(chain({"a.test", "b.test", "c.test"}, "/")).matched)
  assert_false(run_signature(chain({"a.test", "b.test"}, "/gate.php")).matched)
end
