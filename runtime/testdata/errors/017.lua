-- an invalid regex literal (check) and one built at runtime
name = "x"
description = "d"
severity = 1
function run(results)
  local a = check_file("(.*\\.exe", {regex = true})
  local suffix = "["
  return check_key(".*" .. suffix, {regex = true}) ~= nil
end
