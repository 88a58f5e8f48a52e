-- runtime: a regex in re.* that Go's RE2 rejects
name = "x"
description = "d"
severity = 1
function run(results)
  for _, p in ipairs(processes()) do
    if re.match(p.name, "(?<!svc)host") then return true end
  end
end
