package runtime

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// rbRun runs set over js and fails instead of hanging when the run does not
// end well after the signatures' timeout.
func rbRun(t *testing.T, set *Set, js string, opts Options) *Result {
	t.Helper()
	eng := NewEngine(set, opts)
	defer eng.Close()
	rep := mustReport(t, js)
	done := make(chan *Result, 1)
	go func() {
		res, err := eng.Run(context.Background(), rep)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		if res == nil {
			t.FailNow()
		}
		return res
	case <-time.After(2 * time.Minute):
		t.Fatal("the run did not end: a signature escaped its timeout")
	}
	return nil
}

// rbKinds maps signature name to the kind of its error.
func rbKinds(res *Result) map[string]ErrorKind {
	kinds := map[string]ErrorKind{}
	for _, e := range res.Errors {
		kinds[e.Signature] = e.Kind
	}
	return kinds
}

// hostileReport has strings that make naive patterns backtrack.
var hostileReport = `{"long": "` + strings.Repeat("a", 20000) + `", "spaces": "` + strings.Repeat(" ", 200000) + `",` + cuckoo2[1:]

// TestHostileLoops: a signature that never ends, in any hook, by any
// means (plain loop, loop under pcall, looping error handler, a pattern
// that backtracks for ever), is stopped by the timeout and reported; its
// state is discarded and every other signature, sharing the state or not,
// completes.
func TestHostileLoops(t *testing.T) {
	rbNoLeak(t)
	hostile := map[string]string{
		"loop_run":        "function run()\n  while true do end\nend",
		"loop_on_call":    "function on_call()\n  while true do end\nend",
		"loop_on_process": "function on_process()\n  while true do end\nend\nfunction run() end",
		"loop_complete":   "function on_complete()\n  while true do end\nend\nfunction run() return true end",
		"loop_pcall":      "function run()\n  while true do pcall(function() while true do end end) end\nend",
		"loop_xpcall":     "function run()\n  xpcall(function() error('x') end, function() while true do end end)\nend",
		"loop_recursion":  "local function f() return pcall(f) end\nfunction run()\n  while true do f() end\nend",
		"loop_pattern":    "function run(r)\n  return r.long:find('.-.-.-.-.-b')\nend",
		"loop_spaces":     "function run(r)\n  return r.spaces:find('%s+x')\nend",
		"loop_gsub_fn":    "function run(r)\n  r.long:gsub('a', function() while true do end end)\nend",
	}
	files := []File{
		sig("a_first", 1, `function on_call(c) mark({c.api}) return true end`),
		sig("z_last", 1, `function run(r) mark({#r.long, select(2, r.long:gsub("a", "bb"))}) end`),
	}
	for name, body := range hostile {
		files = append(files, sig(name, 1, body))
	}
	set := mustSet(t, files...)
	for _, jobs := range []int{1, 3} {
		res := rbRun(t, set, hostileReport, Options{Timeout: 150 * time.Millisecond, Jobs: jobs})
		if got, want := summary(res), `a_first:["NtOpenKey"];z_last:[20000,20000]`; got != want {
			t.Errorf("jobs %d: matches %s, want %s", jobs, got, want)
		}
		kinds := rbKinds(res)
		for name := range hostile {
			if kinds[name] != KindTimeout {
				t.Errorf("jobs %d: %s: %q, want a timeout\n%s", jobs, name, kinds[name], errSummary(res))
			}
		}
		for _, e := range res.Errors {
			if e.Line == 0 || e.File != "sigs/"+e.Signature+".lua" {
				t.Errorf("jobs %d: %s: not located: %s:%d", jobs, e.Signature, e.File, e.Line)
			}
		}
	}
}

// TestHostileMemory: table growth, concatenation and replacement bombs are
// stopped by the memory bound; string.rep and string.format refuse
// outright; the signature beside them completes.
func TestHostileMemory(t *testing.T) {
	if testing.Short() || rbRaceEnabled {
		t.Skip("allocates several hundred MB; minutes under -race")
	}
	rbNoLeak(t)
	set := mustSet(t,
		sig("rep_bomb", 1, "function run()\n  return string.rep('x', 2^40)\nend"),
		sig("format_bomb", 1, "function run()\n  return ('%999999999s'):format('x')\nend"),
		sig("gsub_bomb", 1, "function run()\n  local s = ('x'):rep(2^20)\n  return s:gsub('.', s)\nend"),
		sig("concat_bomb", 1, "function run()\n  local s, t = ('x'):rep(2^24), {}\n  for i = 1, 1e5 do t[i] = s end\n  return table.concat(t)\nend"),
		sig("doubling", 1, "function run()\n  local s = 'x'\n  while true do s = s .. s end\nend"),
		sig("table_growth", 1, "function run()\n  local t = {}\n  for i = 1, 1e9 do t[i] = {i, tostring(i)} end\nend"),
		sig("innocent", 1, `function run() return true end`),
	)
	res := rbRun(t, set, cuckoo2, Options{MemoryLimit: 256 << 20, Jobs: 2, Timeout: time.Minute})
	if got := summary(res); got != "innocent:" {
		t.Errorf("matches: %s", got)
	}
	want := map[string]ErrorKind{"rep_bomb": KindRuntime, "format_bomb": KindRuntime,
		"gsub_bomb": KindMemory, "concat_bomb": KindMemory, "doubling": KindMemory, "table_growth": KindMemory}
	kinds := rbKinds(res)
	for name, k := range want {
		if kinds[name] != k {
			t.Errorf("%s: %q, want %q\n%s", name, kinds[name], k, errSummary(res))
		}
	}
}

// TestHostileSandbox: every way out of the sandbox is absent or refused,
// and a signature that overwrites globals, helpers or library functions
// changes nothing for the signatures after it (same state or not).
func TestHostileSandbox(t *testing.T) {
	rbNoLeak(t)
	escapes := []string{
		`os.execute("touch /tmp/sigrun-pwned")`, `io.open("/etc/passwd")`, `require("os")`,
		`load("return 1")`, `loadstring("return 1")`, `dofile("/etc/passwd")`, `loadfile("/etc/passwd")`,
		`setfenv(1, {})`, `getfenv(1)`, `debug.getinfo(1)`, `debug.sethook()`, `collectgarbage()`,
		`rawset(results, "x", 1)`, `rawget(results, "x")`, `newproxy()`, `module("x")`, `package.loaded.os.exit()`,
		`setmetatable(results, {})`, `setmetatable(results.behavior, nil)`, `getmetatable(results).__index = nil`,
		`getmetatable("").__index.rep = nil`, `setmetatable(_G, nil)`, `results.x = 1`,
		`results.behavior.processes[1] = 1`, `coroutine.yield()`, `coroutine.wrap(function() end)`,
		`string.dump(run)`, `os.exit(1)`, `os.getenv("HOME")`, `os.remove("/tmp/x")`, `io.write("x")`,
		`print.x = 1`, `json.null.x = 1`, `("").__index.rep("x", 2^36)`, `string.__index.dump(run)`,
		`local orig = getmetatable("").__index; orig.rep("x", 2^36)`,
	}
	bytes := "2e6" // over the 1M values the Lua stack holds
	if rbRaceEnabled {
		bytes = "1.1e6"
	}
	var checks []string
	for _, e := range escapes {
		checks = append(checks, "if pcall(function() "+e+" end) then mark({"+quoteLua(e)+"}) end")
	}
	set := mustSet(t,
		sig("a_escape", 1, "function run(results)\n"+strings.Join(checks, "\n")+"\nend"),
		sig("b_meddler", 1, `shared = "from b"
			function run(results)
				shared2 = "from b"
				mark = function() end
				check_file = function() return "C:\\fake.exe" end
				string.upper = function() return "pwned" end
				table.insert = nil
				json.encode = nil
				math.random = function() return 4 end
				_G.processes = nil
				getmetatable("").__index = nil
			end`),
		sig("c_victim", 1, `function run(results)
				mark({shared = shared == nil, shared2 = shared2 == nil, up = ("x"):upper(), up2 = string.upper("y"),
					ins = type(table.insert), enc = type(json.encode), file = check_file("C:\\fake.exe") == nil,
					procs = type(processes)})
			end`),
		sig("c_walk", 1, `function run(results)
				-- Every table reachable from the globals: nothing but the
				-- sandbox's own functions.
				local seen, bad = {}, {}
				local function walk(t, path)
					if seen[t] then return end
					seen[t] = true
					for k, v in pairs(t) do
						local p = path .. "." .. tostring(k)
						if k == "__index" or k == "dump" or (k == "rep" and v ~= string.rep) or (k == "find" and path ~= "_G.re" and v ~= string.find) then
							bad[#bad + 1] = p
						end
						if type(v) == "table" and getmetatable(v) ~= "report" then walk(v, p) end
					end
				end
				walk(_G, "_G")
				mark(bad)
			end`),
		sig("d_yield", 1, "function run()\n  return coroutine.yield(1)\nend"),
		sig("e_error_table", 1, "function run()\n  error({code = 7, nested = {1, 2}})\nend"),
		sig("f_error_nil", 1, "function run()\n  error()\nend"),
		sig("g_error_cycle", 1, "function run()\n  local t = {} t.t = t\n  error(t)\nend"),
		sig("h_error_meta", 1, "function run()\n  error(setmetatable({}, {__tostring = function() while true do end end}))\nend"),
		sig("i_error_huge", 1, "function run()\n  error(('x'):rep(2^20))\nend"),
		sig("j_metamethod_recursion", 1, "function run()\n  local t = setmetatable({}, {})\n  getmetatable(t).__index = function(t, k) return t[k] end\n  return t.x\nend"),
		sig("k_tostring_recursion", 1, "function run()\n  local t = setmetatable({}, {})\n  getmetatable(t).__tostring = function(x) return tostring(x) end\n  return tostring(t)\nend"),
		sig("l_deep_table_mark", 1, "function run()\n  local t = {}\n  for i = 1, 1e4 do t = {t} end\n  mark(t)\nend"),
		sig("m_bytes", 1, "function run()\n  return {('x'):rep("+bytes+"):byte(1, -1)}\nend"),
	)
	for _, jobs := range []int{1, 4} {
		res := rbRun(t, set, cuckoo2, Options{Jobs: jobs, Timeout: 2 * time.Second})
		want := `c_victim:{"enc":"function","file":true,"ins":"function","procs":"function","shared":true,"shared2":true,"up":"X","up2":"Y"};c_walk:[]`
		if got := summary(res); got != want {
			t.Errorf("jobs %d: matches\n got %s\nwant %s", jobs, got, want)
		}
		kinds := rbKinds(res)
		for _, name := range []string{"d_yield", "e_error_table", "f_error_nil", "g_error_cycle", "h_error_meta", "i_error_huge",
			"j_metamethod_recursion", "k_tostring_recursion", "l_deep_table_mark", "m_bytes"} {
			if kinds[name] != KindRuntime {
				t.Errorf("jobs %d: %s: %q, want a runtime error\n%s", jobs, name, kinds[name], errSummary(res))
			}
		}
		for _, e := range res.Errors {
			if e.Signature == "e_error_table" && e.Msg != `error {"code":7,"nested":[1,2]}` {
				t.Errorf("error with a table: %q", e.Msg)
			}
			if len(e.Msg) > 5<<10 {
				t.Errorf("%s: message of %d bytes", e.Signature, len(e.Msg))
			}
		}
	}
}

func quoteLua(s string) string {
	return "[==[" + s + "]==]"
}

// TestEngineConcurrentHostile: one Engine used from many goroutines at
// once, over several reports, with signatures that time out, raise and
// bomb, and new engines built for a reloaded set while runs are in flight
// (the old one closed under them): every run of a report gives the same
// result, under -race.
func TestEngineConcurrentHostile(t *testing.T) {
	rbNoLeak(t)
	files := []File{
		sig("calls", 2, `function on_call(c) mark({c.api}) end`),
		sig("procs", 1, `function on_process(p) mark({p.pid}) end
			function run() end`),
		sig("loops", 1, "function on_call(c)\n  if c.api == 'CreateProcessW' then while true do end end\nend"),
		sig("raises", 1, "function run(r)\n  return r.behavior.nothing.x\nend"),
		sig("pattern", 1, "function run(r)\n  return (r.long or ''):find('.-.-.-.-.-b')\nend"),
		sig("later", 1, `order = 2
			function run() return matched("calls") end`),
	}
	set := mustSet(t, files...)
	reports := []string{cuckoo2, hostileReport, `{}`, `{"behavior": {"processes": [{"pid": 3, "calls": [{"api": "X"}]}]}}`}
	n := 8
	if rbRaceEnabled {
		n = 4
	}
	opts := Options{Jobs: 3, Timeout: 100 * time.Millisecond}
	var mu sync.Mutex
	want := map[int]string{}
	var wg sync.WaitGroup
	run := func(eng *Engine, i int) {
		defer wg.Done()
		rep := mustReport(t, reports[i%len(reports)])
		res, err := eng.Run(context.Background(), rep)
		if err != nil {
			t.Error(err)
			return
		}
		got := summary(res) + "\n" + errSummary(res)
		mu.Lock()
		defer mu.Unlock()
		if w, ok := want[i%len(reports)]; ok && w != got {
			t.Errorf("report %d: runs differ:\n%s\n---\n%s", i%len(reports), w, got)
		}
		want[i%len(reports)] = got
	}
	eng := NewEngine(set, opts)
	for round := 0; round < 3; round++ {
		for i := 0; i < n; i++ {
			wg.Add(1)
			go run(eng, i)
		}
		// A reload: a new set and engine; the old one is closed while its
		// runs may still be going.
		set2 := mustSet(t, files...)
		old := eng
		eng = NewEngine(set2, opts)
		old.Close()
	}
	wg.Wait()
	eng.Close()
}
