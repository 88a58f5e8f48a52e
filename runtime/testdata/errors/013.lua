-- runtime: indexing nil
name = "x"
description = "d"
severity = 1
function run(results)
  local info = nil
  return info.id > 0
end
