package sigtest

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

const exeSig = `name = "creates_exe"
description = "Creates an executable"
severity = 2
function run(results)
  print("looking")
  for _, f in ipairs(check_file([[.*\.exe$]], {regex = true, all = true})) do
    mark({file_name = f})
  end
  return has_marks()
end
`

const exeTest = `local function rep(files)
  return {behavior = {processes = {}, summary = {file_created = files}}}
end

function test_pass()
  local r = run_signature(rep({"C:\\a.exe"}))
  assert_true(r.matched)
  assert_eq(r.data, {{file_name = "C:\\a.exe"}})
  assert_eq(r.error, nil)
end

function test_eq_fails()
  local r = run_signature(rep({"C:\\a.exe"}))
  assert_eq(r.data, {{file_name = "C:\\b.exe"}}, "the dropped file")
end

function test_true_fails()
  print("hello", 1)
  assert_true(run_signature(rep({"C:\\a.txt"})).matched)
end

function test_match_fails()
  assert_match("explorer.exe slept", "^svchost")
end

function test_match_passes()
  assert_match("explorer.exe slept 300.03 seconds", "^explorer%.exe slept 300%.03")
end

function test_skipped()
  skip("not yet")
  assert_true(false)
end

function test_lua_error()
  local t = nil
  return t.x
end

function test_fixture()
  local r = run_signature("fixtures/drop.json")
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_whole_set()
  local all = run_signatures(rep({"C:\\a.exe"}))
  assert_true(all.creates_exe.matched)
  assert_true(all.follows.matched)
  assert_false(all.boom.matched)
  assert_match(all.boom.error, "boom%.lua:4: kaboom")
end

function test_sibling_by_name()
  assert_true(run_signature(rep({"C:\\a.exe"}), "follows").matched)
  assert_false(run_signature(rep({}), "follows").matched)
end

function test_unread_error()
  assert_false(run_signature(rep({}), "boom").matched)
end

function test_unknown_name()
  run_signature(rep({}), "follow")
end

function test_pcall_does_not_hide_failure()
  pcall(assert_true, false)
end

function not_a_test() error("never") end

function test_assert_after_error()
  assert_true(run_signature(rep({}), "boom").matched)
end
`

const followsSig = `name = "follows"
description = "Runs after creates_exe"
severity = 1
order = 2
function run() return matched("creates_exe") end
`

const boomSig = `name = "boom"
description = "Raises"
severity = 1
function run() error("kaboom") end
`

func suite(t *testing.T, files map[string]string) *Suite {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	s, err := Load(fsys, ".", Options{Load: loadPrefix("sigs"), Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestRunTests(t *testing.T) {
	s := suite(t, map[string]string{
		"x/creates_exe.lua":         exeSig,
		"x/creates_exe_test.lua":    exeTest,
		"x/fixtures/drop.json":      `{"behavior": {"summary": {"files": ["C:\\d.exe"]}}}`,
		"y/follows.lua":             followsSig,
		"y/boom.lua":                boomSig,
		"y/orphan_test.lua":         "function test_orphan() run_signature({}) end",
		"y/broken_test.lua":         "function test_x()\n  if true then\nend\n",
		"y/nothing_beside_test.lua": "function test_a() end",
	})
	if len(s.LoadErrors) != 0 {
		t.Fatalf("load errors: %v", s.LoadErrors)
	}
	var got []string
	for _, u := range s.Untested {
		got = append(got, u.Name)
	}
	if strings.Join(got, ",") != "boom,follows" {
		t.Errorf("untested = %v", got)
	}
	byName := map[string]*Result{}
	for _, f := range s.Files {
		if f.Path == "sigs/y/broken_test.lua" {
			if f.Err == nil || f.Err.Line != 3 || !strings.Contains(f.Err.Msg, "unexpected end of file") {
				t.Errorf("broken test file: %v", f.Err)
			}
			continue
		}
		for _, name := range f.Tests {
			byName[name] = s.RunTest(context.Background(), f, name)
		}
	}
	if _, ok := byName["not_a_test"]; ok {
		t.Error("not_a_test was run as a test")
	}
	want := []struct {
		name   string
		status Status
		line   int
		msg    []string
	}{
		{"test_pass", Pass, 0, nil},
		{"test_eq_fails", Fail, 14, []string{"the dropped file\nassert_eq: values differ at [1].file_name", `got:  "C:\\a.exe"`, `want: "C:\\b.exe"`, `whole got:  [{"file_name":"C:\\a.exe"}]`}},
		{"test_true_fails", Fail, 19, []string{"assert_true: got false"}},
		{"test_match_fails", Fail, 23, []string{`assert_match: "explorer.exe slept" does not match the pattern "^svchost"`}},
		{"test_match_passes", Pass, 0, nil},
		{"test_skipped", Skip, 31, []string{"not yet"}},
		{"test_lua_error", Fail, 37, []string{"attempt to index a non-table object(nil) with key 'x'"}},
		{"test_fixture", Pass, 0, nil},
		{"test_whole_set", Pass, 0, nil},
		{"test_sibling_by_name", Pass, 0, nil},
		{"test_unread_error", Fail, 60, []string{"signature boom raised an error and the test did not check it", "sigs/y/boom.lua:4: kaboom", "hint: read the result's .error"}},
		{"test_unknown_name", Fail, 64, []string{`no signature "follow" in the set`, `did you mean "follows"?`}},
		{"test_pcall_does_not_hide_failure", Fail, 68, []string{"assert_true: got false"}},
		{"test_assert_after_error", Fail, 74, []string{"assert_true: got false\nsignature boom raised an error (run_signature at line 74):\n    sigs/y/boom.lua:4: kaboom"}},
		{"test_orphan", Fail, 1, []string{"no signature beside sigs/y/orphan_test.lua: expected sigs/y/orphan.lua"}},
		{"test_a", Pass, 0, nil},
	}
	for _, w := range want {
		r := byName[w.name]
		if r == nil {
			t.Errorf("%s: not run", w.name)
			continue
		}
		if r.Status != w.status || r.Line != w.line {
			t.Errorf("%s: got %s at line %d (%s), want %s at line %d", w.name, r.Status, r.Line, r.Message, w.status, w.line)
		}
		for _, m := range w.msg {
			if !strings.Contains(r.Message, m) {
				t.Errorf("%s: message %q does not contain %q", w.name, r.Message, m)
			}
		}
	}
	if r := byName["test_true_fails"]; r != nil {
		if strings.Join(r.Output, "|") != "hello\t1|creates_exe: looking" {
			t.Errorf("output = %q", r.Output)
		}
	}
}

func TestTestTimeout(t *testing.T) {
	fsys := fstest.MapFS{
		"a.lua":      {Data: []byte(boomSig)},
		"a_test.lua": {Data: []byte("function test_loop() while true do end end")},
	}
	s, err := Load(fsys, ".", Options{TestTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := s.RunTest(context.Background(), s.Files[0], "test_loop")
	if r.Status != Fail || r.Line != 1 || !strings.Contains(r.Message, "test timed out after 100ms") {
		t.Errorf("got %+v", r)
	}
}

func TestDiff(t *testing.T) {
	s := suite(t, nil)
	L := s.newTest(context.Background(), &File{}, "").st.L
	for _, c := range []struct {
		got, want string
		path      string // "-" for equal
	}{
		{`1`, `1.0`, "-"},
		{`{a = {1, 2}}`, `{a = {1, 2}}`, "-"},
		{`{a = {1, 2}}`, `{a = {1, 3}}`, ".a[2]"},
		{`{a = 1}`, `{a = 1, b = 2}`, ".b"},
		{`{["x y"] = 1}`, `{["x y"] = "1"}`, `["x y"]`},
		{`"1"`, `1`, ""},
		{`{}`, `nil`, ""},
	} {
		if err := L.DoString("return " + c.got + ", " + c.want); err != nil {
			t.Fatal(err)
		}
		d := diff(L.Get(-2), L.Get(-1), "", 0)
		L.Pop(2)
		switch {
		case c.path == "-" && d != nil:
			t.Errorf("%s vs %s: differ at %q", c.got, c.want, d.path)
		case c.path != "-" && (d == nil || d.path != c.path):
			t.Errorf("%s vs %s: got %+v, want a difference at %q", c.got, c.want, d, c.path)
		}
	}
}

func loadPrefix(p string) sigrt.LoadOptions { return sigrt.LoadOptions{Prefix: p} }
