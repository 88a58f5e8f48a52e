local function cape(calls)
  return {behavior = {processes = {{process_id = 3944, parent_id = 1, process_name = "x.exe",
    module_path = "C:\\x.exe", calls = calls}}}}
end

local function ldr(module, fn, ret)
  return {api = "LdrGetProcedureAddress", status = ret == "0x00000000", ["return"] = ret,
    arguments = {{name = "ModuleName", value = module}, {name = "FunctionName", value = fn},
                 {name = "Ordinal", value = "0"}}}
end

function test_matches_cape_and_deduplicates()
  local r = run_signature(cape({ldr("CRYPTBASE.dll", "SystemFunction001", "0x00000000"),
                                ldr("CRYPTBASE.dll", "SystemFunction001", "0x00000000"),
                                ldr("kernel32.dll", "VirtualAlloc", "0x00000000")}))
  assert_true(r.matched)
  assert_eq(#r.data, 2)
  assert_eq(r.data[1].DynamicLoader, "CRYPTBASE.dll/SystemFunction001")
end

function test_matches_cuckoo2()
  local rep = {behavior = {processes = {{pid = 5, ppid = 1, process_name = "y.exe", calls = {
    {api = "LdrGetProcedureAddress", status = 1, return_value = 0,
     arguments = {module = "ntdll", function_name = "NtUnmapViewOfSection", ordinal = 0}}}}}}}
  local r = run_signature(rep)
  assert_true(r.matched)
  assert_eq(r.data[1].DynamicLoader, "ntdll/NtUnmapViewOfSection")
end

function test_near_miss_failed_lookup()
  assert_false(run_signature(cape({ldr("kernel32.dll", "NoSuchExport", "0xc0000139")})).matched)
end

function test_near_miss_static_import_only()
  assert_false(run_signature(cape({{api = "LdrLoadDll", status = true, ["return"] = "0x00000000",
    arguments = {{name = "FileName", value = "user32.dll"}}}})).matched)
end
