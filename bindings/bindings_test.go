package bindings

import (
	"strings"
	"testing"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

// eval runs body as run(results) over report and returns its marks joined
// by ";".
func eval(t *testing.T, report, body string) string {
	t.Helper()
	st := NewState(Options{})
	defer st.Close()
	doc, err := jsondoc.Parse([]byte(report))
	if err != nil {
		t.Fatal(err)
	}
	st.SetReport(NewReport(doc))
	// show makes nil visible in marks: a Lua list cannot hold nil.
	src := "local function show(v) if v == nil then return \"nil\" end return v end\nfunction run(results)\n" + body + "\nend"
	in, err := st.Instantiate(compileChunk(t, src), "t", "t.lua", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Call(in, in.Run, st.Results()); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	marks, _ := in.Marks()
	var out []string
	for _, m := range marks {
		out = append(out, string(m))
	}
	return strings.Join(out, ";")
}

// The same behaviour in the three layouts.
const (
	cuckoo1Report = `{"info": {"version": "1.2"},
	 "behavior": {"processes": [{"process_id": 7, "parent_id": 1, "process_name": "x.exe",
	   "calls": [{"api": "RegOpenKeyExA", "category": "registry", "return": 0,
	     "arguments": [{"name": "SubKey", "value": "Software\\VMware, Inc."}]}]}],
	  "summary": {"files": ["C:\\drop.exe", "C:\\note.txt"], "keys": ["HKLM\\SOFTWARE\\VMware, Inc."], "mutexes": ["Global\\m1"]}},
	 "network": {"hosts": ["8.8.8.8", "10.0.0.1"], "tcp": [{"dst": "1.2.3.4"}], "domains": [{"domain": "evil.top"}], "http": [{"uri": "http://evil.top/a"}]}}`
	cuckoo2Report = `{"info": {"version": "2.0.7"},
	 "behavior": {"processes": [{"pid": 7, "ppid": 1, "process_name": "x.exe", "process_path": "C:\\x.exe", "command_line": "x.exe -q",
	   "calls": [{"api": "RegOpenKeyExA", "category": "registry", "return_value": 0,
	     "arguments": {"regkey": "HKEY_LOCAL_MACHINE\\Software\\VMware, Inc."}}]}],
	  "apistats": {"7": {"RegOpenKeyExA": 1, "NtClose": 3}},
	  "summary": {"file_created": ["C:\\drop.exe"], "file_opened": ["C:\\note.txt", "C:\\drop.exe"], "file_read": ["C:\\note.txt"],
	   "regkey_opened": ["HKLM\\SOFTWARE\\VMware, Inc."], "regkey_written": ["HKCU\\Run\\x"], "mutex": ["Global\\m1"],
	   "command_line": ["cmd /c del x"], "resolves_host": ["evil.top"], "connects_ip": ["5.6.7.8"], "fetches_url": ["http://evil.top/b"]}},
	 "network": {"hosts": ["8.8.8.8"], "dns": [{"request": "evil.top"}, {"request": "ok.com"}]}}`
	capeReport = `{"info": {"version": "2.4-CAPE"},
	 "behavior": {"processes": [{"process_id": 7, "parent_id": 1, "process_name": "x.exe", "module_path": "C:\\x.exe",
	   "environ": {"CommandLine": "\"C:\\x.exe\" -q"},
	   "calls": [{"api": "RegOpenKeyExA", "category": "registry", "return": "0x0", "pretty_return": "SUCCESS",
	     "arguments": [{"name": "regkey", "value": "HKEY_LOCAL_MACHINE\\Software\\VMware, Inc.", "pretty_value": "x"}]}]}],
	  "summary": {"files": ["C:\\drop.exe", "C:\\note.txt"], "read_files": ["C:\\note.txt"], "write_files": ["C:\\drop.exe"], "delete_files": ["C:\\old.exe"],
	   "keys": ["HKLM\\SOFTWARE\\VMware, Inc."], "write_keys": ["HKCU\\Run\\x"], "mutexes": ["Global\\m1"],
	   "executed_commands": ["cmd /c del x"], "created_services": ["svc1"], "started_services": ["svc2"]}},
	 "network": {"hosts": [{"ip": "8.8.8.8"}, {"ip": "10.0.0.1"}], "udp": [{"dst": "9.9.9.9"}], "domains": [{"domain": "evil.top"}], "http": [{"uri": "http://evil.top/c"}]}}`
)

func TestLayoutDetection(t *testing.T) {
	for report, want := range map[string]Layout{cuckoo1Report: LayoutCuckoo1, cuckoo2Report: LayoutCuckoo2, capeReport: LayoutCAPE, `{}`: LayoutUnknown} {
		doc, err := jsondoc.Parse([]byte(report))
		if err != nil {
			t.Fatal(err)
		}
		if got := NewReport(doc).Layout; got != want {
			t.Errorf("%.60s: layout %v, want %v", report, got, want)
		}
	}
}

func TestCheckHelpers(t *testing.T) {
	tests := []struct {
		call                   string
		cuckoo1, cuckoo2, cape string
	}{
		{`check_file(".*\\.EXE$", {regex = true, all = true})`, `[["C:\\drop.exe"]]`, `[["C:\\drop.exe"]]`, `[["C:\\drop.exe"]]`},
		{`check_file("c:\\note.TXT")`, `["C:\\note.txt"]`, `["C:\\note.txt"]`, `["C:\\note.txt"]`},
		{`check_file("note.txt")`, `["nil"]`, `["nil"]`, `["nil"]`},             // plain patterns match the whole item
		{`check_file("note", {regex = true})`, `["nil"]`, `["nil"]`, `["nil"]`}, // regexes are anchored at the start
		{`check_read_file(".*", {regex = true, all = true})`, `[["C:\\drop.exe","C:\\note.txt"]]`, `[["C:\\note.txt"]]`, `[["C:\\note.txt"]]`},
		{`check_write_file(".*", {regex = true, all = true})`, `[["C:\\drop.exe","C:\\note.txt"]]`, `[["C:\\drop.exe"]]`, `[["C:\\drop.exe"]]`},
		{`check_delete_file(".*", {regex = true, all = true})`, `[["C:\\drop.exe","C:\\note.txt"]]`, `[[]]`, `[["C:\\old.exe"]]`},
		{`check_key(".*vmware", {regex = true})`, `["HKLM\\SOFTWARE\\VMware, Inc."]`, `["HKLM\\SOFTWARE\\VMware, Inc."]`, `["HKLM\\SOFTWARE\\VMware, Inc."]`},
		{`check_write_key(".*\\\\run\\\\", {regex = true})`, `["nil"]`, `["HKCU\\Run\\x"]`, `["HKCU\\Run\\x"]`},
		{`check_mutex("global\\m1")`, `["Global\\m1"]`, `["Global\\m1"]`, `["Global\\m1"]`},
		{`check_command(".*", {regex = true, all = true})`, `[[]]`, `[["cmd /c del x","x.exe -q"]]`, `[["cmd /c del x","\"C:\\x.exe\" -q"]]`},
		{`check_service(".*", {regex = true, all = true})`, `[[]]`, `[[]]`, `[["svc1","svc2"]]`},
		{`check_api("regopenkeyexa")`, `["RegOpenKeyExA"]`, `["RegOpenKeyExA"]`, `["RegOpenKeyExA"]`},
		{`check_api("NtClose", {pid = 7})`, `["nil"]`, `["NtClose"]`, `["nil"]`},
		{`check_ip(".*", {regex = true, all = true})`, `[["8.8.8.8","10.0.0.1","1.2.3.4"]]`, `[["8.8.8.8","5.6.7.8"]]`, `[["8.8.8.8","10.0.0.1","9.9.9.9"]]`},
		{`check_domain(".*\\.top$", {regex = true, all = true})`, `[["evil.top"]]`, `[["evil.top"]]`, `[["evil.top"]]`},
		{`check_url("http://evil", {regex = true})`, `["http://evil.top/a"]`, `["http://evil.top/b"]`, `["http://evil.top/c"]`},
		{`check_url("x", true, true)`, `[[]]`, `[[]]`, `[[]]`}, // Cuckoo's positional form
	}
	for _, tt := range tests {
		for _, l := range []struct{ name, report, want string }{
			{"cuckoo1", cuckoo1Report, tt.cuckoo1}, {"cuckoo2", cuckoo2Report, tt.cuckoo2}, {"cape", capeReport, tt.cape},
		} {
			got := eval(t, l.report, "mark({show("+tt.call+")})")
			if got != l.want {
				t.Errorf("%s on %s: got %s, want %s", tt.call, l.name, got, l.want)
			}
		}
	}
}

func TestHelpersOnMissingSections(t *testing.T) {
	for _, report := range []string{`{}`, `{"behavior": null, "network": 5}`, `{"behavior": {"summary": [], "processes": {"a": 1}}}`,
		`{"behavior": {"summary": {"files": [1, null, {"x": 1}, "ok.exe"]}, "processes": [null, 3, {"calls": "no"}]}}`} {
		got := eval(t, report, `
			mark({show(check_file("x")), #check_file(".*", {regex = true, all = true}), show(check_api("x")), show(check_ip("x")), show(check_command("x"))})
			mark({#processes()})`)
		files, procs := "0", "0"
		if strings.Contains(report, "ok.exe") {
			files, procs = "1", "1"
		}
		if got != `["nil",`+files+`,"nil","nil","nil"];[`+procs+`]` {
			t.Errorf("%s: %s", report, got)
		}
	}
}

func TestArgumentsAndReturn(t *testing.T) {
	body := `local c = results.behavior.processes[1].calls[1]
		mark({get_argument(c, "regkey") or get_argument(c, "SubKey"), show(get_argument(c, "nope")), get_return(c)})
		mark({get_argument({arguments = {{name = "a", value = 1}}}, "a"), get_argument({arguments = {a = 2}}, "a"), show(get_argument(nil, "a"))})`
	for name, tt := range map[string]struct{ report, want string }{
		"cuckoo1": {cuckoo1Report, `["Software\\VMware, Inc.","nil",0];[1,2,"nil"]`},
		"cuckoo2": {cuckoo2Report, `["HKEY_LOCAL_MACHINE\\Software\\VMware, Inc.","nil",0];[1,2,"nil"]`},
		"cape":    {capeReport, `["HKEY_LOCAL_MACHINE\\Software\\VMware, Inc.","nil","0x0"];[1,2,"nil"]`},
	} {
		if got := eval(t, tt.report, body); got != tt.want {
			t.Errorf("%s: got %s, want %s", name, got, tt.want)
		}
	}
}

func TestVariadicArgumentAndToInt(t *testing.T) {
	body := `local c = results.behavior.processes[1].calls[1]
		mark({get_argument(c, "nope", "regkey", "SubKey"), show(get_argument(c, "a", "b")),
		      to_int("0x40"), to_int(" 0X10 "), to_int("12"), to_int(7), show(to_int("0xZZ")), show(to_int("abc")), show(to_int(nil)), show(to_int("inf"))})`
	want := `["HKEY_LOCAL_MACHINE\\Software\\VMware, Inc.","nil",64,16,12,7,"nil","nil","nil","nil"]`
	if got := eval(t, capeReport, body); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestViews(t *testing.T) {
	report := `{"z": 1, "a": {"k2": "v2", "k1": null, "k0": [1, null, 3]}, "big": 12345678901234567890, "neg": -9007199254740993,
		"exact": 9007199254740992, "f": 1.5, "huge": 1e400, "s": "\u00e9\ud83d\ude00", "t": true, "arr": []}`
	tests := []struct{ body, want string }{
		{`mark({results.z, show(results.missing), show(results.a.k1), results.a.k0[2] == json.null, show(results.a.k0[4]), show(results.a.k0[0]), show(results.a.k0[1.5])})`, `[1,"nil","nil",true,"nil","nil","nil"]`},
		{`local ks = {} for k, v in pairs(results) do ks[#ks+1] = k end mark(ks)`, `["z","a","big","neg","exact","f","huge","s","t","arr"]`},
		{`local ks = {} for k in pairs(results.a) do ks[#ks+1] = k end mark(ks)`, `["k2","k0"]`},
		{`local n = 0 for i, v in ipairs(results.a.k0) do n = n + 1 end mark({n, #results.a.k0, #results.arr, #results})`, `[3,3,0,10]`},
		{`local k, v = next(results) local k2 = next(results, k) mark({k, v, k2, show(next(results.arr))})`, `["z",1,"a","nil"]`},
		{`mark({results.big, results.neg, results.exact, results.f, results.huge, results.s, results.t})`, `["12345678901234567890","-9007199254740993",9007199254740992,1.5,"1e400","é😀",true]`},
		{`mark({type(results), type(results.a.k0), results.a == results.a, results.a == results.a.k0, tostring(results.a.k0)})`, `["table","table",true,false,"report array (3)"]`},
		{`mark({ipairs(results)(results, 0)})`, `[]`},
		{`mark({sub = results.a})`, `{"sub":{"k2":"v2","k1":null,"k0":[1,null,3]}}`},
	}
	for _, tt := range tests {
		if got := eval(t, report, tt.body); got != tt.want {
			t.Errorf("%s\ngot  %s\nwant %s", tt.body, got, tt.want)
		}
	}
}
