function test_matches_cape22_string()
  local r = run_signature({detections = "QakBot", behavior = {processes = {}, summary = {executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data, {{family = "QakBot"}})
end

function test_matches_cape24_list()
  local r = run_signature({detections = {{family = "SunCrypt", details = {{Behavior = ""}}}}, behavior = {processes = {}}})
  assert_true(r.matched)
end

function test_near_miss_empty()
  assert_false(run_signature({detections = "", malfamily_tag = "Yara", behavior = {processes = {}}}).matched)
  assert_false(run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}}}}).matched)
end
