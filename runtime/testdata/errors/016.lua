-- a misspelt helper: a warning from check, then a runtime error
name = "x"
description = "d"
severity = 1
function run(results)
  return chek_file("C:\\x.exe") ~= nil
end
