package sigtest_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/sigrun-dev/sigrun/runtime/sigtest"
)

// Running signature tests from Go, outside `go test` (a tool, an editor
// plugin): load the suite, then run each test of each file.
func ExampleSuite() {
	fsys := fstest.MapFS{
		"creates_exe.lua": {Data: []byte(`name = "creates_exe"
description = "Creates an executable"
severity = 2
function run(results)
  local f = check_file([[.*\.exe$]], {regex = true})
  if f then mark({file_name = f}) end
end
`)},
		"creates_exe_test.lua": {Data: []byte(`local function report(file)
  return {behavior = {summary = {file_created = {file}}}}
end

function test_matches()
  assert_eq(run_signature(report("C:\\a.exe")).data, {{file_name = "C:\\a.exe"}})
end

function test_near_miss()
  assert_false(run_signature(report("C:\\a.exe.txt")).matched)
end

function test_wrong()
  assert_true(run_signature(report("C:\\a.txt")).matched, "should match a text file")
end
`)},
	}
	s, err := sigtest.Load(fsys, ".", sigtest.Options{})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	for _, f := range s.Files {
		for _, name := range f.Tests {
			r := s.RunTest(context.Background(), f, name)
			fmt.Printf("%s %s %s %q\n", r.Status, r.Name, r.Location(), r.Message)
		}
	}
	// Output:
	// pass test_matches creates_exe_test.lua ""
	// pass test_near_miss creates_exe_test.lua ""
	// fail test_wrong creates_exe_test.lua:14 "should match a text file\nassert_true: got false"
}
