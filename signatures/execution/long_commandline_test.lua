function test_matches_cape()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "powershell -enc " .. string.rep("A", 250), "cmd.exe"}}}})
  assert_true(r.matched)
  assert_eq(#r.data, 1)
  assert_eq(r.data[1].length, 266)
end

function test_matches_cuckoo2_process()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "cmd.exe",
    command_line = "cmd /c " .. string.rep("echo x & ", 30), calls = {}}}, summary = {}}})
  assert_true(r.matched)
end

function test_near_miss_short_commands()
  local r = run_signature({behavior = {processes = {}, summary = {executed_commands = {
    "taskeng.exe {33C670BF-79C7-4859-A036-6509874BCA94} S-1-5-21-479431668-4257340731-3059248302-1002:Rebecca-PC\\Rebecca:Interactive:[1]"}}}})
  assert_false(r.matched)
end
