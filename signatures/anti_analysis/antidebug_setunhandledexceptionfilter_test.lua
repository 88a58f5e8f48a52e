local function cuckoo2(api)
  return {behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe",
    calls = {{api = api, category = "exception", status = 1, return_value = 0, arguments = {}}}}}}}
end

local function cape(api)
  return {behavior = {processes = {{process_id = 7, parent_id = 1, process_name = "a.exe",
    module_path = "C:\\a.exe",
    calls = {{api = "NtClose", arguments = {{name = "Handle", value = "0x10"}}},
             {api = api, status = true, ["return"] = "0x00000001",
              arguments = {{name = "ExceptionFilter", value = "0x002517dc"}}}}}}}}
end

function test_matches_cuckoo2()
  local r = run_signature(cuckoo2("SetUnhandledExceptionFilter"))
  assert_true(r.matched)
  assert_eq(r.data[1].type, "call")
end

function test_matches_cape_and_marks_call_index()
  local r = run_signature(cape("SetUnhandledExceptionFilter"))
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].cid, 1)
end

function test_near_miss_other_exception_api()
  assert_false(run_signature(cuckoo2("AddVectoredExceptionHandler")).matched)
  assert_false(run_signature(cape("RtlAddVectoredExceptionHandler")).matched)
end
