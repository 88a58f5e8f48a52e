package runtime_test

// Benchmarks of report loading, the evented pass, the stock library and
// signature loading. The README's "Performance" section lists the numbers
// and how they were measured:
//
//	go test -run '^$' -bench . -benchtime 5x -count 6 ./runtime/ | tee new.txt
//	benchstat new.txt
//
// -gencalls sets the size of the generated reports (default one million
// calls); they are written once to the temporary directory and reused.

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/runtime/reportgen"
)

var (
	genCalls = flag.Int("gencalls", 1_000_000, "calls in the generated benchmark reports")
	// Under valgrind a signature runs 50 times slower and GOGC=off grows
	// the heap: raise the limits so that nothing is killed and retried.
	benchTimeout  = flag.Duration("sigtimeout", 0, "per-signature timeout of the benchmark engines (0: the default)")
	benchMemLimit = flag.Int64("sigmemlimit", 0, "memory bound of the benchmark engines in bytes (0: the default)")
)

func benchOpts(jobs int) sigrt.Options {
	return sigrt.Options{Jobs: jobs, Timeout: *benchTimeout, MemoryLimit: *benchMemLimit}
}

var genMu sync.Mutex

// genReport returns the path of a generated report, writing it to the
// temporary directory the first time (generation is deterministic, so an
// existing file of the same name is the same report).
func genReport(b testing.TB, layout string, calls int) string {
	b.Helper()
	genMu.Lock()
	defer genMu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sigrun-bench-%s-%d.json", layout, calls))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = reportgen.Write(w, reportgen.Options{Layout: layout, Calls: calls})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// benchReports are the inputs of the loading and whole-library benchmarks:
// the largest real report (skipped when ../shared/reports is absent) and a
// generated report of each layout.
func benchReports(b *testing.B) []struct{ name, path string } {
	real := filepath.Join("..", "..", "shared", "reports", "cape24_capesandboxcom_f5c93ac7.json")
	return []struct{ name, path string }{
		{"cape24_f5c93ac7", real},
		{fmt.Sprintf("gen_cape_%d", *genCalls), ""},
		{fmt.Sprintf("gen_cuckoo2_%d", *genCalls), ""},
	}
}

func reportPath(b *testing.B, name, path string) string {
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			b.Skipf("%s is not available (the shared sample reports live beside the repository): %v", path, err)
		}
		return path
	}
	layout := strings.Split(name, "_")[1]
	return genReport(b, layout, *genCalls)
}

// BenchmarkReadReport is reading and indexing a report from disk (the file
// is in the page cache after the first iteration).
func BenchmarkReadReport(b *testing.B) {
	for _, in := range benchReports(b) {
		b.Run(in.name, func(b *testing.B) {
			path := reportPath(b, in.name, in.path)
			fi, _ := os.Stat(path)
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sigrt.ReadReport(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseReport is indexing a report already in memory.
func BenchmarkParseReport(b *testing.B) {
	for _, in := range benchReports(b) {
		b.Run(in.name, func(b *testing.B) {
			data, err := os.ReadFile(reportPath(b, in.name, in.path))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sigrt.ParseReport("r.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func loadBench(b *testing.B, files ...sigrt.File) *sigrt.Set {
	b.Helper()
	set, errs, err := sigrt.LoadFiles(files)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range errs {
		if e.Kind != sigrt.KindWarning {
			b.Fatal(e)
		}
	}
	return set
}

func benchSig(name, body string) sigrt.File {
	return sigrt.File{Path: "bench/" + name + ".lua", Src: []byte(fmt.Sprintf("name = %q\ndescription = \"benchmark\"\nseverity = 1\n%s\n", name, body))}
}

// Two arguments read in on_call, in the names of both layouts.
const readTwo = `
local n = 0
function on_call(call, process)
  local h = get_argument(call, "Handle") or get_argument(call, "handle")
  local k = get_argument(call, "FullName") or get_argument(call, "regkey")
  n = n + 1
end
function on_complete() return n < 0 end
`

// readTwoAs reads arguments a and b in on_call, one get_argument each.
func readTwoAs(a, b string) string {
	return fmt.Sprintf(`
local n = 0
function on_call(call, process)
  local h = get_argument(call, %q)
  local k = get_argument(call, %q)
  n = n + 1
end
function on_complete() return n < 0 end
`, a, b)
}

// passSets are the signature sets of the evented pass benchmarks.
var passSets = []struct {
	name   string
	files  []sigrt.File
	layout string // the only layout it runs on, if set
}{
	// Eight signatures subscribed to rare APIs (about 1% of the calls
	// together): the pass is mostly routing in Go.
	{"filtered", func() []sigrt.File {
		var fs []sigrt.File
		for i, apis := range []string{
			`"NtResumeThread", "NtSuspendThread"`, `"CreateProcessInternalW", "ShellExecuteExW"`, `"NtWriteVirtualMemory", "WriteProcessMemory"`,
			`"connect", "InternetOpenUrlW"`, `"RegSetValueExW", "NtSetValueKey"`, `"NtTerminateProcess"`, `"DeleteFileW", "NtDeleteFile"`, `"__exception__"`,
		} {
			fs = append(fs, benchSig(fmt.Sprintf("filtered_%d", i), "filter_apinames = {"+apis+"}\n"+readTwo))
		}
		return fs
	}(), ""},
	// One signature without filters: every call enters Lua and reads two
	// arguments.
	{"delivered", []sigrt.File{benchSig("delivered", readTwo)}, ""},
	// The same with one get_argument per argument, naming both
	// spellings.
	{"delivered_variadic", []sigrt.File{benchSig("delivered_variadic", `
local n = 0
function on_call(call, process)
  local h = get_argument(call, "Handle", "handle")
  local k = get_argument(call, "FullName", "regkey")
  n = n + 1
end
function on_complete() return n < 0 end
`)}, ""},
	// Exactly two get_argument calls, each naming the argument as the
	// layout spells it: the shape of the target.
	{"delivered_two", []sigrt.File{benchSig("delivered_two", readTwoAs("Handle", "FullName"))}, "cape"},
	{"delivered_two", []sigrt.File{benchSig("delivered_two", readTwoAs("handle", "regkey"))}, "cuckoo2"},
	// The same two get_argument calls given no call, so that nothing is
	// read: what the interpreter and the helper cost by themselves.
	{"delivered_noread", []sigrt.File{benchSig("delivered_noread", `
local n = 0
function on_call(call, process)
  local h = get_argument(nil, "Handle")
  local k = get_argument(nil, "FullName")
  n = n + 1
end
function on_complete() return n < 0 end
`)}, ""},
	// The floor of the ones above: the same hook calling a Go helper that
	// does nothing instead of get_argument.
	{"delivered_floor", []sigrt.File{benchSig("delivered_floor", `
local n = 0
function on_call(call, process)
  local h = to_int(nil)
  local k = to_int(nil)
  n = n + 1
end
function on_complete() return n < 0 end
`)}, ""},
	// The registry autorun check, as a Go argument prefilter ...
	{"prefilter_go", []sigrt.File{benchSig("prefilter_go", `
filter_apinames = {"RegOpenKeyExW", "RegCreateKeyExW", "RegSetValueExW", "NtOpenKeyEx", "RegQueryValueExW"}
filter_arguments = {FullName = {"\\Run", "Winlogon"}, regkey = {"\\Run", "Winlogon"}}
local n = 0
function on_call(call, process)
  n = n + 1
  mark_call()
end`)}, ""},
	// ... and the same logic in Lua.
	{"prefilter_lua", []sigrt.File{benchSig("prefilter_lua", `
filter_apinames = {"RegOpenKeyExW", "RegCreateKeyExW", "RegSetValueExW", "NtOpenKeyEx", "RegQueryValueExW"}
local n = 0
local function has(v)
  if v == nil then return false end
  v = string.lower(tostring(v))
  return string.find(v, "\\run", 1, true) ~= nil or string.find(v, "winlogon", 1, true) ~= nil
end
function on_call(call, process)
  if not (has(get_argument(call, "FullName")) or has(get_argument(call, "regkey"))) then return end
  n = n + 1
  mark_call()
end`)}, ""},
}

// BenchmarkEventedPass runs sets of on_call signatures over a generated
// report with one Lua state (Jobs 1) and reports calls walked per second.
func BenchmarkEventedPass(b *testing.B) {
	for _, layout := range []string{"cape", "cuckoo2"} {
		for _, ps := range passSets {
			if ps.layout != "" && ps.layout != layout {
				continue
			}
			b.Run(layout+"/"+ps.name, func(b *testing.B) {
				rep, err := sigrt.ReadReport(genReport(b, layout, *genCalls))
				if err != nil {
					b.Fatal(err)
				}
				set := loadBench(b, ps.files...)
				eng := sigrt.NewEngine(set, benchOpts(1))
				defer eng.Close()
				b.ReportAllocs()
				for b.Loop() {
					res, err := eng.Run(context.Background(), rep)
					if err != nil {
						b.Fatal(err)
					}
					if len(res.Errors) > 0 {
						b.Fatal(res.Errors[0])
					}
				}
				b.ReportMetric(float64(*genCalls)*float64(b.N)/b.Elapsed().Seconds(), "calls/s")
			})
		}
	}
}

// BenchmarkStock runs the embedded stock library over a parsed report, with
// the default jobs (the number of CPUs).
func BenchmarkStock(b *testing.B) {
	set := stockSet(b)
	for _, in := range benchReports(b) {
		b.Run(in.name, func(b *testing.B) {
			path := reportPath(b, in.name, in.path)
			rep, err := sigrt.ReadReport(path)
			if err != nil {
				b.Fatal(err)
			}
			eng := sigrt.NewEngine(set, benchOpts(0))
			defer eng.Close()
			b.SetBytes(int64(len(rep.Bytes())))
			b.ReportAllocs()
			for b.Loop() {
				res, err := eng.Run(context.Background(), rep)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Errors) > 0 {
					b.Fatal(res.Errors[0])
				}
			}
		})
	}
}

// sigs500 are 500 distinct generated signatures in the styles of the stock
// library: on_call with filters, run with check_* helpers, local helpers.
func sigs500() []sigrt.File {
	apis := []string{"NtCreateFile", "RegSetValueExW", "NtWriteVirtualMemory", "LdrGetProcedureAddress", "NtDelayExecution", "connect", "CreateProcessInternalW", "NtProtectVirtualMemory"}
	var fs []sigrt.File
	for i := range 500 {
		var body string
		switch i % 3 {
		case 0:
			body = fmt.Sprintf(`categories = {"generated"}
ttps = {"T1055"}
filter_apinames = {%q, %q}
local seen = {}
function on_call(call, process)
  local v = get_argument(call, "FileName", "filepath", "CommandLine")
  if v and not seen[v] and tostring(v):lower():find("gen%d") then
    seen[v] = true
    mark({value = v, pid = process.pid})
  end
end`, apis[i%len(apis)], apis[(i+3)%len(apis)], i)
		case 1:
			body = fmt.Sprintf(`categories = {"generated"}
references = {"https://example.com/%d"}
function run(results)
  for _, f in ipairs(check_file(".*\\gen%d\\.exe$", {regex = true, all = true})) do
    mark({file = f})
  end
  if check_mutex("gen-mutex-%d") then mark_ioc("mutex", "gen-mutex-%d") end
  return has_marks()
end`, i, i, i, i)
		default:
			body = fmt.Sprintf(`categories = {"generated"}
order = %d
filter_categories = {"process"}
filter_processnames = {"gen%d.exe"}
local count = 0
function on_process(p) count = 0 end
function on_call(call, process)
  count = count + 1
  if count > %d then return true end
end
function on_complete() return count > %d end`, 1+i%3, i, 100+i, 100+i)
		}
		fs = append(fs, benchSig(fmt.Sprintf("generated_%03d", i), body))
	}
	return fs
}

// BenchmarkLoad500 is loading (parsing, compiling, running the top level
// and validating the metadata of) 500 signatures.
func BenchmarkLoad500(b *testing.B) {
	files := sigs500()
	b.ReportAllocs()
	for b.Loop() {
		set := loadBench(b, files...)
		if set.Len() != 500 {
			b.Fatalf("%d signatures loaded", set.Len())
		}
	}
}
