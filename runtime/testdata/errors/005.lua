-- metadata: description and severity missing
name = "x"
function run() end
