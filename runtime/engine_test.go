package runtime

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// sig builds a signature source from metadata lines and a body.
func sig(name string, severity int, body string) File {
	return File{Path: "sigs/" + name + ".lua", Src: []byte(fmt.Sprintf("name = %q\ndescription = %q\nseverity = %d\n%s\n", name, "test "+name, severity, body))}
}

func mustSet(t *testing.T, files ...File) *Set {
	t.Helper()
	set, errs, err := LoadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e.Kind != KindWarning {
			t.Fatalf("load: %v", e)
		}
	}
	return set
}

func mustReport(t *testing.T, js string) *Report {
	t.Helper()
	rep, err := ParseReport("r.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func runSet(t *testing.T, set *Set, js string, opts Options) *Result {
	t.Helper()
	eng := NewEngine(set, opts)
	defer eng.Close()
	res, err := eng.Run(context.Background(), mustReport(t, js))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// summary is "name:data,data;name:..." for compact assertions.
func summary(res *Result) string {
	var parts []string
	for _, m := range res.Matches {
		var d []string
		for _, x := range m.Data {
			d = append(d, string(x))
		}
		s := m.Name + ":" + strings.Join(d, ",")
		if m.MarkCount > 0 {
			s += fmt.Sprintf("(of %d)", m.MarkCount)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ";")
}

func errSummary(res *Result) string {
	var parts []string
	for _, e := range res.Errors {
		parts = append(parts, fmt.Sprintf("%s %s:%d %s", e.Kind, e.Signature, e.Line, e.Msg))
	}
	return strings.Join(parts, "\n")
}

const cuckoo2 = `{"behavior": {"processes": [
  {"pid": 10, "ppid": 1, "process_name": "a.exe", "process_path": "C:\\a.exe", "command_line": "a.exe /x", "calls": [
    {"api": "NtOpenKey", "category": "registry", "arguments": {"ObjectAttributes": "HKLM\\Software\\VBox"}},
    {"api": "CreateProcessW", "category": "process", "arguments": {"CommandLine": "vssadmin delete shadows /all"}},
    {"api": "NtOpenKey", "category": "registry", "arguments": {"ObjectAttributes": "HKLM\\Other"}}
  ]},
  {"pid": 11, "ppid": 10, "process_name": "B.EXE", "calls": [
    {"api": "CreateProcessW", "category": "process", "arguments": {"CommandLine": "cmd /c echo"}},
    {"api": "NtOpenKey", "category": "registry", "arguments": {"ObjectAttributes": "HKCU\\x"}}
  ]}
]}}`

func TestEventedPass(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"all_calls", `function on_call(call, p) mark({api = call.api, pid = p.pid}) end`,
			`{"api":"NtOpenKey","pid":10},{"api":"CreateProcessW","pid":10},{"api":"NtOpenKey","pid":10},{"api":"CreateProcessW","pid":11},{"api":"NtOpenKey","pid":11}`},
		{"api_filter", `filter_apinames = {"CreateProcessW"}
			function on_call(call) mark_call() end`,
			`{"type":"call","pid":10,"cid":1,"call":{"api":"CreateProcessW","category":"process","arguments":{"CommandLine":"vssadmin delete shadows /all"}}},{"type":"call","pid":11,"cid":0,"call":{"api":"CreateProcessW","category":"process","arguments":{"CommandLine":"cmd /c echo"}}}`},
		{"category_filter", `filter_categories = {"registry"}
			function on_call(call) mark({get_argument(call, "ObjectAttributes")}) end`,
			`["HKLM\\Software\\VBox"],["HKLM\\Other"],["HKCU\\x"]`},
		{"process_filter", `filter_processnames = {"b.exe"}
			function on_process(p) mark({proc = p.name}) end
			function on_call(call) mark({call.api}) end`,
			`{"proc":"B.EXE"},["CreateProcessW"],["NtOpenKey"]`},
		{"argument_filter", `filter_arguments = {CommandLine = {"VSSADMIN", "wmic"}}
			function on_call(call) mark({get_argument(call, "CommandLine")}) end`,
			`["vssadmin delete shadows /all"]`},
		{"filters_and", `filter_apinames = {"NtOpenKey"}
			filter_processnames = {"a.exe"}
			function on_call(call) mark({get_argument(call, "ObjectAttributes")}) end`,
			`["HKLM\\Software\\VBox"],["HKLM\\Other"]`},
		{"true_means_done", `function on_call(call) mark({call.api}) return true end`, `["NtOpenKey"]`},
		{"on_complete_sees_state", `local n = 0
			function on_call() n = n + 1 end
			function on_complete() mark({n = n}) end`, `{"n":5}`},
		{"run_second_value", `function run(r) return true, {{file = "a"}, {file = "b"}} end`, `{"file":"a"},{"file":"b"}`},
		{"explicit_false_wins_over_marks", `function on_call() mark({}) end
			function run() return false end`, ``},
		{"true_without_marks", `function run() return true end`, ``},
		{"processes_helper", `function run() for _, p in ipairs(processes()) do mark({p.pid, p.ppid, p.name, p.path or "-", p.command_line or "-"}) end end`,
			`[10,1,"a.exe","C:\\a.exe","a.exe /x"],[11,10,"B.EXE","-","-"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runSet(t, mustSet(t, sig(tt.name, 1, tt.body)), cuckoo2, Options{})
			if e := errSummary(res); e != "" {
				t.Fatal(e)
			}
			got := summary(res)
			want := ""
			if tt.want != "" || tt.name == "true_without_marks" {
				want = tt.name + ":" + tt.want
			}
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestOrderAndMatched(t *testing.T) {
	set := mustSet(t,
		sig("first", 1, `order = 1
			function run() return true end`),
		sig("second", 1, `order = 2
			function run() mark({first = matched("first"), third = matched("third"), self = matched("second")}) end`),
		sig("third", 1, `order = 3
			function run() return matched("second") end`),
	)
	for _, jobs := range []int{1, 4} {
		res := runSet(t, set, cuckoo2, Options{Jobs: jobs})
		want := `first:;second:{"first":true,"self":false,"third":false};third:`
		if got := summary(res); got != want {
			t.Errorf("jobs %d: got %s, want %s", jobs, got, want)
		}
	}
}

func TestFreshInstancePerReport(t *testing.T) {
	set := mustSet(t,
		sig("counter", 1, `count = (count or 0) + 1
			seen = seen or {}
			function run() seen[#seen + 1] = 1; mark({count = count, seen = #seen}) end`),
		sig("meddler", 1, `function run() string.upper = nil; count = 99; math.random = nil end`),
		sig("victim", 1, `function run() mark({s = ("x"):upper(), r = type(math.random), c = count == nil}) end`),
	)
	eng := NewEngine(set, Options{Jobs: 1})
	defer eng.Close()
	for i := 0; i < 3; i++ {
		res, err := eng.Run(context.Background(), mustReport(t, cuckoo2))
		if err != nil {
			t.Fatal(err)
		}
		want := `counter:{"count":1,"seen":1};victim:{"c":true,"r":"function","s":"X"}`
		if got := summary(res); got != want {
			t.Fatalf("run %d: got %s, want %s", i, got, want)
		}
	}
}

func TestMarkCount(t *testing.T) {
	set := mustSet(t, sig("many", 1, `markcount = 2
		function run() for i = 1, 5 do mark({i = i}) end end`))
	res := runSet(t, set, cuckoo2, Options{})
	if got, want := summary(res), `many:{"i":1},{"i":2}(of 5)`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	b, _ := json.Marshal(&res.Matches[0])
	if !strings.HasSuffix(string(b), `"data":[{"i":1},{"i":2}],"markcount":5}`) {
		t.Errorf("JSON: %s", b)
	}
}

func TestErrorIsolation(t *testing.T) {
	set := mustSet(t,
		sig("ok", 1, `function run() return true end`),
		sig("raises", 1, "function run()\n  error(\"bad thing\")\nend"),
		sig("oncall_raises", 1, "function on_call(c)\n  local x = nil\n  return x.y\nend"),
		sig("loops", 1, "function on_call(c)\n  while true do end\nend"),
		sig("bad_mark", 1, "function run()\n  mark({f = print})\nend"),
		sig("nan_mark", 1, "function run()\n  mark({n = 0/0})\nend"),
		sig("recurse", 1, "local function f(n) return f(n + 1) + 1 end\nfunction run()\n  return f(1)\nend"),
		sig("after", 1, `function on_call(c) mark({c.api}) return true end`),
	)
	res := runSet(t, set, cuckoo2, Options{Timeout: 100 * time.Millisecond, Jobs: 2})
	if got, want := summary(res), `after:["NtOpenKey"];ok:`; got != want {
		t.Errorf("matches: got %s, want %s", got, want)
	}
	kinds := map[string]ErrorKind{}
	lines := map[string]int{}
	for _, e := range res.Errors {
		kinds[e.Signature] = e.Kind
		lines[e.Signature] = e.Line
		if e.File != "sigs/"+e.Signature+".lua" {
			t.Errorf("%s: file %q", e.Signature, e.File)
		}
	}
	want := map[string]ErrorKind{"raises": KindRuntime, "oncall_raises": KindRuntime, "loops": KindTimeout, "bad_mark": KindRuntime, "nan_mark": KindRuntime, "recurse": KindRuntime}
	for name, k := range want {
		if kinds[name] != k {
			t.Errorf("%s: kind %q, want %q\n%s", name, kinds[name], k, errSummary(res))
		}
	}
	wantLines := map[string]int{"raises": 5, "oncall_raises": 6, "loops": 5, "bad_mark": 5, "nan_mark": 5}
	for name, l := range wantLines {
		if lines[name] != l {
			t.Errorf("%s: line %d, want %d\n%s", name, lines[name], l, errSummary(res))
		}
	}
}

func TestSandbox(t *testing.T) {
	unavailable := []string{"io", "require", "module", "package", "load", "loadstring", "dofile", "loadfile",
		"setfenv", "getfenv", "rawset", "rawget", "debug", "collectgarbage", "newproxy", "coroutine",
		"os.execute", "os.exit", "os.getenv", "os.remove", "string.dump"}
	var checks []string
	for _, name := range unavailable {
		checks = append(checks, fmt.Sprintf("if %s ~= nil then mark({%q}) end", name, name))
	}
	set := mustSet(t, sig("sandbox", 1, "function run(results)\n"+strings.Join(checks, "\n")+`
		if getmetatable(results) ~= "report" then mark({"metatable"}) end
		if getmetatable("") ~= "string" then mark({"string metatable"}) end
		if pcall(string.rep, "x", 17 * 1024 * 1024) then mark({"rep"}) end
		if pcall(function() results.x = 1 end) then mark({"write"}) end
		if pcall(setmetatable, results, {}) then mark({"setmetatable"}) end
		local ok, err = pcall(function() results.behavior.processes[1] = 1 end)
		if ok or not err:find("report is read%-only") then mark({"nested write", err}) end
		mark({math.random(1000), math.random(1000)})
		end`))
	res := runSet(t, set, cuckoo2, Options{})
	if e := errSummary(res); e != "" {
		t.Fatal(e)
	}
	got := summary(res)
	if len(res.Matches) != 1 || len(res.Matches[0].Data) != 1 {
		t.Fatalf("sandbox leaks: %s", got)
	}
	// math.random is seeded the same for every instance: runs reproduce.
	again := summary(runSet(t, set, cuckoo2, Options{}))
	if again != got {
		t.Errorf("math.random not reproducible: %s vs %s", got, again)
	}
}

func TestConcurrentRuns(t *testing.T) {
	set := mustSet(t,
		sig("calls", 2, `function on_call(c) mark({c.api}) end`),
		sig("files", 1, `function run() mark({#processes()}) end`),
	)
	eng := NewEngine(set, Options{Jobs: 3})
	defer eng.Close()
	rep := mustReport(t, cuckoo2)
	want := ""
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := eng.Run(context.Background(), rep)
			if err != nil {
				t.Error(err)
				return
			}
			got := summary(res)
			mu.Lock()
			defer mu.Unlock()
			if want == "" {
				want = got
			} else if got != want {
				t.Errorf("runs differ: %s vs %s", got, want)
			}
		}()
	}
	wg.Wait()
}

func TestCancel(t *testing.T) {
	set := mustSet(t, sig("loops", 1, `function run() while true do end end`))
	eng := NewEngine(set, Options{Timeout: time.Hour})
	defer eng.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := eng.Run(ctx, mustReport(t, cuckoo2)); err == nil {
		t.Fatal("a cancelled run returned no error")
	}
}

func TestMemoryBomb(t *testing.T) {
	if testing.Short() || rbRaceEnabled {
		t.Skip("allocates about 300 MB; too slow under -race to reach the bound before the timeout")
	}
	set := mustSet(t,
		sig("table_bomb", 1, "function run()\n  local t = {}\n  for i = 1, 1e9 do t[i] = {i} end\nend"),
		sig("string_bomb", 1, "function run()\n  local s = string.rep(\"x\", 1024 * 1024)\n  local parts = {}\n  for i = 1, 1e6 do parts[i] = s .. i end\nend"),
		sig("innocent", 1, `function run() return true end`),
	)
	res := runSet(t, set, cuckoo2, Options{MemoryLimit: 256 << 20, Jobs: 2})
	if got := summary(res); got != "innocent:" {
		t.Errorf("matches: %s", got)
	}
	kinds := map[string]ErrorKind{}
	for _, e := range res.Errors {
		kinds[e.Signature] = e.Kind
	}
	if kinds["table_bomb"] != KindMemory || kinds["string_bomb"] != KindMemory || len(kinds) != 2 {
		t.Errorf("errors:\n%s", errSummary(res))
	}
}
