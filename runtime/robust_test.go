package runtime

// Bad input and hostile signatures (issue "Bad input, hostile signatures,
// faults"): every case gives a clear error or a clean result, never a panic,
// a hang past the timeout, a leaked goroutine or a changed input.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/sigrun-dev/sigrun/signatures"
)

// rbNoLeak fails t if goroutines started during t are still running a few
// seconds after it ends.
func rbNoLeak(t *testing.T) {
	t.Helper()
	before := goruntime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for goruntime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := goruntime.Stack(buf, true)
				t.Errorf("goroutines: %d before, %d after:\n%s", before, goruntime.NumGoroutine(), buf[:n])
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

func rbStock(t testing.TB) *Set {
	t.Helper()
	set, errs, err := LoadOptions{Prefix: "signatures"}.Load(signatures.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e.Kind != KindWarning {
			t.Fatalf("stock set: %v", e)
		}
	}
	return set
}

// TestBadReports: input that is not a JSON object is one error naming the
// report and, for syntax errors, the byte offset; the bytes are untouched.
func TestBadReports(t *testing.T) {
	rbNoLeak(t)
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	tests := []struct{ name, data, want string }{
		{"empty", "", "r.json: empty file, expected a JSON object"},
		{"whitespace only", " \n\t ", "r.json: byte 4: unexpected end of JSON input"},
		{"BOM only", "\xEF\xBB\xBF", "r.json: byte 3: unexpected end of JSON input"},
		{"truncated", `{"behavior": {"processes": [`, "r.json: byte 28: unexpected end of JSON input"},
		{"truncated in a string", `{"behavior": "abc`, "r.json: byte 17: unexpected end of JSON input"},
		{"truncated after a key", `{"behavior"`, "r.json: byte 11: unexpected end of JSON input"},
		{"trailing garbage", `{"a": 1} x`, "r.json: byte 9: invalid character 'x' after top-level value"},
		{"two objects", `{}{}`, "r.json: byte 2: invalid character '{' after top-level value"},
		{"trailing comma", `{"a": 1,}`, "r.json: byte 8: invalid character '}' looking for beginning of object key string"},
		{"single quotes", `{'a': 1}`, "r.json: byte 1: invalid character '\\'' looking for beginning of object key string"},
		{"NaN", `{"a": NaN}`, "r.json: byte 6: invalid character 'N' looking for beginning of value"},
		{"leading zero", `{"a": 01}`, "r.json: byte 7: invalid character '1' after object key:value pair"},
		{"comment", `{"a": 1 /* c */}`, "r.json: byte 8: invalid character '/' after object key:value pair"},
		{"NUL byte", "{\"a\": \x00}", "r.json: byte 6: invalid character '\\x00' looking for beginning of value"},
		{"raw newline in a string", "{\"a\": \"x\ny\"}", "r.json: byte 8: invalid character '\\n' in string literal"},
		{"bad escape", `{"a": "\q"}`, "r.json: byte 8: invalid character 'q' in string escape code"},
		{"UTF-16", "\xFF\xFE{\x00}\x00", "r.json: byte 0: invalid character 'ÿ' looking for beginning of value"},
		{"nesting 100000 deep", `{"a": ` + deep + `}`, "r.json: byte 10005: nesting deeper than 10000 levels"},
		{"array", `[1, 2]`, "r.json: top level is an array, expected a JSON object"},
		{"string", `"report"`, "r.json: top level is a string, expected a JSON object"},
		{"number", `42`, "r.json: top level is a number, expected a JSON object"},
		{"null", `null`, "r.json: top level is a null, expected a JSON object"},
		{"true", `true`, "r.json: top level is a true, expected a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			sum := sha256.Sum256(data)
			rep, err := ParseReport("r.json", data)
			if rep != nil || err == nil {
				t.Fatalf("parsed: %v", err)
			}
			var re *ReportError
			if !errors.As(err, &re) || re.Name != "r.json" {
				t.Fatalf("%T %v is not a *ReportError for r.json", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("not one line: %q", err)
			}
			if sha256.Sum256(data) != sum {
				t.Error("the input bytes changed")
			}
		})
	}
}

// TestReadReportErrors: files that cannot be read are one error naming them.
func TestReadReportErrors(t *testing.T) {
	rbNoLeak(t)
	dir := t.TempDir()
	unreadable := filepath.Join(dir, "unreadable.json")
	if err := os.WriteFile(unreadable, []byte(`{}`), 0o000); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "missing.json: no such file or directory"},
		{dir, filepath.Base(dir) + ": is a directory, expected a report"},
		{unreadable, "unreadable.json: permission denied"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			if tt.path == unreadable && os.Geteuid() == 0 {
				t.Skip("running as root, which reads a mode-000 file; TestCLIUnreadableReport runs the binary as nobody")
			}
			rep, err := ReadReport(tt.path)
			if rep != nil || err == nil {
				t.Fatal("read")
			}
			var re *ReportError
			if !errors.As(err, &re) || re.Offset != -1 {
				t.Fatalf("%T %v", err, err)
			}
			if !strings.HasSuffix(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.path+":") {
				t.Errorf("got %q, want %q", err, tt.want)
			}
		})
	}
}

// rbCheckMerge merges res into rep and checks the merge guarantees:
// the result parses, everything outside the signatures array is
// byte-identical, and merging again gives the same bytes.
func rbCheckMerge(t *testing.T, eng *Engine, rep *Report, res *Result) []byte {
	t.Helper()
	merged, err := Merge(rep, res)
	if err != nil {
		t.Fatal(err)
	}
	rbOutsideSignatures(t, rep, merged)
	rep2, err := ParseReport("merged", merged)
	if err != nil {
		t.Fatalf("the merged report does not parse: %v\n%.300s", err, merged)
	}
	res2, err := eng.Run(context.Background(), rep2)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Merge(rep2, res2)
	if !bytes.Equal(again, merged) {
		t.Errorf("merge is not idempotent:\n%.300s\n%.300s", merged, again)
	}
	return merged
}

// rbOutsideSignatures checks that merged equals the report's bytes with
// only the value of the top-level signatures key replaced, or that key
// appended.
func rbOutsideSignatures(t *testing.T, rep *Report, merged []byte) {
	t.Helper()
	d, orig := rep.doc, rep.data
	if sigs, ok := d.Get(d.Root(), "signatures"); ok {
		start, end := d.Span(sigs)
		tail := len(orig) - int(end)
		if !bytes.Equal(merged[:start], orig[:start]) || len(merged) < int(start)+tail || !bytes.Equal(merged[len(merged)-tail:], orig[end:]) {
			t.Errorf("the merge changed bytes outside the signatures value")
		}
		return
	}
	// Appended: the original up to the last member, then the new key,
	// then the original rest.
	var cut int64
	if d.Len(d.Root()) > 0 {
		_, last, _ := d.Member(d.Root(), d.Len(d.Root())-1)
		_, cut = d.Span(last)
	} else {
		start, _ := d.Span(d.Root())
		cut = start + 1
	}
	tail := len(orig) - int(cut)
	if !bytes.Equal(merged[:cut], orig[:cut]) || !bytes.Equal(merged[len(merged)-tail:], orig[cut:]) {
		t.Errorf("the merge changed bytes outside the appended signatures key")
	}
}

// rbExplorer uses every hook and helper on whatever the report holds; it
// must never fail, whatever the shape.
var rbExplorer = sig("explorer", 1, `
local helpers = {"check_file", "check_read_file", "check_write_file", "check_delete_file",
  "check_key", "check_read_key", "check_write_key", "check_delete_key", "check_mutex",
  "check_command", "check_service", "check_api", "check_ip", "check_domain", "check_url"}
local seen = 0
function on_process(p) seen = seen + 1; local _ = p.pid, p.ppid, p.name, p.path, p.command_line, p.raw end
function on_call(call, p)
  local _ = get_argument(call, "CommandLine"), get_return(call), call.api, call.arguments
  if call.api == "MarkMe" then mark_call() end
end
function on_complete() end
function run(results)
  for _, h in ipairs(helpers) do
    _G[h](".*", {regex = true, all = true})
    _G[h]("x")
    _G[h](".*", {regex = true, pid = 1})
  end
  for _, p in ipairs(processes()) do local _ = p.pid end
  local function walk(v, depth)
    if depth > 50 or type(v) ~= "table" then return end
    local n = 0
    for k, x in pairs(v) do
      n = n + 1
      if n > 50 then break end
      walk(x, depth + 1)
    end
    local _ = #v
  end
  walk(results, 0)
  mark({processes = #processes(), seen = seen})
end`)

// TestUnexpectedShapes: valid JSON whose sections are null or of the wrong
// type runs normally: helpers and the evented pass treat them as absent,
// the stock set raises nothing, and a signature that indexes blindly
// fails alone.
func TestUnexpectedShapes(t *testing.T) {
	rbNoLeak(t)
	shapes := map[string]string{
		"empty":                   `{}`,
		"behavior null":           `{"behavior": null, "network": null, "signatures": null}`,
		"behavior array":          `{"behavior": [], "network": [], "signatures": {}}`,
		"behavior string":         `{"behavior": "x", "network": "x", "signatures": "x"}`,
		"behavior number":         `{"behavior": 1, "network": 1.5e300, "info": null}`,
		"processes null":          `{"behavior": {"processes": null, "summary": null, "apistats": null}}`,
		"processes object":        `{"behavior": {"processes": {"pid": 1}, "summary": [], "apistats": []}}`,
		"processes string":        `{"behavior": {"processes": "x", "summary": "x", "apistats": "x"}}`,
		"processes of junk":       `{"behavior": {"processes": [null, 1, "x", [], true, {}]}}`,
		"process fields junk":     `{"behavior": {"processes": [{"pid": "x", "ppid": [], "process_name": 1, "process_path": {}, "command_line": null, "environ": "x", "module_path": 7, "calls": null}]}}`,
		"calls object":            `{"behavior": {"processes": [{"pid": 1, "calls": {"api": "X"}}]}}`,
		"calls string":            `{"behavior": {"processes": [{"pid": 1, "calls": "NtCreateFile"}]}}`,
		"calls not objects":       `{"behavior": {"processes": [{"pid": 1, "process_name": "a.exe", "calls": [null, 1, "s", [], true, {"api": 1}, {"api": null, "arguments": "x"}, {"api": "MarkMe", "arguments": [1, null, {"name": 1}, {"name": "CommandLine"}]}, {"api": "MarkMe", "arguments": {"CommandLine": {"x": 1}}}]}]}}`,
		"environ junk":            `{"behavior": {"processes": [{"process_id": 1, "environ": {"CommandLine": 5}, "calls": [{"api": "A", "arguments": [{"name": "x", "value": "y", "pretty_value": null}], "return": "0x0", "caller": {}}]}]}}`,
		"summary null lists":      `{"behavior": {"summary": {"files": null, "keys": {}, "mutexes": [1, null, {}, []], "file_opened": "x", "regkey_read": 3, "executed_commands": [null], "created_services": {}, "resolved_apis": 1}}}`,
		"network junk":            `{"network": {"hosts": [1, null, {"ip": 1}, {"ip": "1.2.3.4"}], "tcp": "x", "udp": [null, {"dst": 1}], "dns": {}, "domains": [{"domain": null}], "http": [1, {"uri": []}]}}`,
		"apistats junk":           `{"behavior": {"apistats": {"1": "x", "2": {"A": "many"}}, "summary": {"connects_ip": "1.2.3.4", "resolves_host": [1], "fetches_url": {}}}}`,
		"signatures junk":         `{"signatures": [1, null, "x", {"name": 1}, {"name": "explorer", "severity": "high"}, {"severity": 1e999}]}`,
		"duplicate sections":      `{"behavior": {"processes": [{"pid": 1, "calls": [{"api": "MarkMe"}]}]}, "behavior": null}`,
		"huge numbers":            `{"behavior": {"processes": [{"pid": 1e999, "ppid": -1e999, "calls": [{"api": "MarkMe", "return": 123456789012345678901234567890}]}]}}`,
		"everything empty":        `{"behavior": {"processes": [], "summary": {}, "apistats": {}}, "network": {}, "signatures": [], "info": {}}`,
		"cuckoo1 args wrong type": `{"info": {"version": "1.2"}, "behavior": {"processes": [{"process_id": 1, "calls": [{"api": "MarkMe", "arguments": [{"name": "CommandLine", "value": ["a"]}]}]}]}}`,
	}
	set := rbStock(t)
	naive := sig("naive", 1, "function run(results)\n  return results.behavior.processes[1].calls[1].api == 'x'\nend")
	files := []File{rbExplorer, naive}
	for _, s := range set.Signatures() {
		files = append(files, File{Path: s.File, Src: s.Source})
	}
	all := mustSet(t, files...)
	eng := NewEngine(all, Options{Jobs: 2, Timeout: 5 * time.Second})
	defer eng.Close()
	for name, js := range shapes {
		t.Run(name, func(t *testing.T) {
			data := []byte(js)
			sum := sha256.Sum256(data)
			rep := mustReport(t, js)
			res, err := eng.Run(context.Background(), rep)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors {
				if e.Signature != "naive" {
					t.Errorf("%s: %v", e.Signature, e)
				}
			}
			found := false
			for _, m := range res.Matches {
				found = found || m.Name == "explorer"
			}
			if !found {
				t.Errorf("explorer did not run to the end")
			}
			rbCheckMerge(t, eng, rep, res)
			if sha256.Sum256(data) != sum || !bytes.Equal(rep.Bytes(), data) {
				t.Error("the input bytes changed")
			}
		})
	}
}

// TestEdgeCaseValues documents, by test, what a signature sees for the
// edge cases of JSON (README "Security").
func TestEdgeCaseValues(t *testing.T) {
	rbNoLeak(t)
	digits := strings.Repeat("1234567890", 40)
	report := "\xEF\xBB\xBF" + `{"big": ` + digits + `, "neg": -` + digits + `, "bigf": ` + digits + `.5,
  "inf": 1e999, "ninf": -1e999, "tiny": 1e-400, "exact": 9007199254740992, "over": 9007199254740993,
  "bad": "a` + "\xff\xfe" + `b", "esc": "\ud800x", "nul": "a\u0000b",
  "dup": 1, "dup": 2, "obj": {"k": "first", "k": "last", "z": 0},
  "behavior": {"summary": {"files": ["C:\\` + "\xff" + `.exe"]}}}`
	set := mustSet(t, sig("edges", 1, `function run(r)
  local keys = {}
  for k, v in pairs(r.obj) do keys[#keys + 1] = k .. "=" .. tostring(v) end
  mark({big = r.big, neg = r.neg, bigf = r.bigf, inf = r.inf, ninf = r.ninf, tiny = r.tiny,
    exact = r.exact, over = r.over, types = type(r.big) .. "," .. type(r.inf) .. "," .. type(r.exact)})
  mark({bad = r.bad, badlen = #r.bad, esc = r.esc, nul = r.nul, nullen = #r.nul})
  mark({dup = r.dup, k = r.obj.k, pairs = table.concat(keys, ",")})
  mark({file = check_file(".*exe", {regex = true})})
  mark(r.behavior.summary)
end`))
	data := []byte(report)
	sum := sha256.Sum256(data)
	eng := NewEngine(set, Options{})
	defer eng.Close()
	rep, err := ParseReport("r.json", data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), rep)
	if err != nil {
		t.Fatal(err)
	}
	if e := errSummary(res); e != "" {
		t.Fatal(e)
	}
	want := []string{
		`{"big":"` + digits + `","bigf":"` + digits + `.5","exact":9007199254740992,"inf":"1e999","neg":"-` + digits + `","ninf":"-1e999","over":"9007199254740993","tiny":0,"types":"string,string,number"}`,
		`{"bad":"a\ufffd\ufffdb","badlen":4,"esc":"` + "\uFFFD" + `x","nul":"a\u0000b","nullen":3}`,
		`{"dup":2,"k":"last","pairs":"k=last,z=0"}`,
		`{"file":"C:\\\ufffd.exe"}`,
		`{"files":["C:\\` + "\xff" + `.exe"]}`,
	}
	for i, w := range want {
		if i >= len(res.Matches[0].Data) {
			t.Fatalf("missing mark %d", i)
		}
		if got := string(res.Matches[0].Data[i]); got != w {
			t.Errorf("mark %d:\n got %s\nwant %s", i, got, w)
		}
	}
	merged := rbCheckMerge(t, eng, rep, res)
	if !bytes.HasPrefix(merged, []byte("\xEF\xBB\xBF{")) {
		t.Error("the merge dropped the BOM")
	}
	if sha256.Sum256(data) != sum {
		t.Error("the input bytes changed")
	}
	// JSON that encoding/json would also accept: nesting just under the
	// limit parses, and a signature that walks it recursively overflows
	// the Lua stack alone.
	deep := `{"d": ` + strings.Repeat("[", 9998) + strings.Repeat("]", 9998) + `}`
	set = mustSet(t, sig("walker", 1, "local function depth(v) if type(v) ~= 'table' then return 0 end return 1 + depth(v[1]) end\nfunction run(r)\n  return depth(r.d) > 0\nend"),
		sig("marker", 1, `function run(r) mark(r.d) end`))
	res = runSet(t, set, deep, Options{})
	if len(res.Errors) != 1 || res.Errors[0].Signature != "walker" || !strings.Contains(res.Errors[0].Msg, "stack overflow") {
		t.Errorf("errors: %s", errSummary(res))
	}
	if len(res.Matches) != 1 || len(res.Matches[0].Data[0]) != 2*9998 {
		t.Errorf("marker: %s", summary(res))
	}
}

var _ = json.Valid
