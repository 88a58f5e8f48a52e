package runtime

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// FuzzLoad: loading any source never panics; every problem is an Error
// of that file with a line; a file that loads has a valid name.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"name = \"x\"\ndescription = \"d\"\nseverity = 1\nfunction run() return true end\n",
		"name = \"x\"\ndescription = \"d\"\nseverity = 1\nfunction on_call(c) mark_call() end\nfilter_apinames = {\"A\"}\n",
		"name = 1\nseverity = \"high\"\nfunction run(",
		"while true do end",
		"error({})",
		"x = ((((((((((1))))))))))",
		"name = \"a\" description = \"b\" severity = 11 markcount = 0 order = 1.5 filter_arguments = {x = 1}",
		"local s = ('x'):rep(2^20) s = s .. s",
		"return 1 2",
		"goto x",
		"--[==[ unterminated",
		"name = \"\\300\"",
		"\x00\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	opts := LoadOptions{TopLevelTimeout: 50 * time.Millisecond}
	f.Fuzz(func(t *testing.T, src []byte) {
		set, errs, err := opts.LoadFiles([]File{{Path: "f.lua", Src: src}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			if e.File != "f.lua" || e.Line < 1 {
				t.Errorf("not located: %q line %d: %s", e.File, e.Line, e.Msg)
			}
			if e.Msg == "" {
				t.Errorf("empty message")
			}
		}
		for _, s := range set.Signatures() {
			if !nameRE.MatchString(s.Name) || s.Severity < 1 || s.Severity > 10 {
				t.Errorf("loaded with bad metadata: %+v", s)
			}
		}
	})
}

// FuzzMerge: merging random matches into a random report gives a report
// that parses, is byte-identical outside the signatures value, and merges
// to the same bytes again.
func FuzzMerge(f *testing.F) {
	f.Add([]byte(`{"a": 1}`), []byte{0, 1, 2})
	f.Add([]byte(`{}`), []byte{5})
	f.Add([]byte(` {"signatures": [{"name": "a", "severity": 3}, 1, null, {"name": "b"}], "z": [] } `), []byte{0, 0, 1, 7, 3})
	f.Add([]byte("\xEF\xBB\xBF{\"signatures\": null, \"signatures\": {}}"), []byte{2, 4, 6})
	f.Add([]byte(`{"signatures": [{"name": "x y", "severity": 1e999}, {"name": "q", "severity": -1}]}`), []byte{3, 3, 3})
	names := []string{"a", "b", "c", "x y", "q", "\u00fc", `"`, ""}
	data := []string{`{"k":1}`, `[]`, `"s"`, `{"type":"call","pid":1,"cid":0,"call":{"api":"X"}}`, `1e999`, `null`}
	f.Fuzz(func(t *testing.T, report, spec []byte) {
		rep, err := ParseReport("r.json", report)
		if err != nil {
			return
		}
		orig := bytes.Clone(report)
		res := &Result{Report: "r.json"}
		for i, b := range spec {
			name := names[int(b)%len(names)]
			res.Ran = append(res.Ran, name)
			if b&0x40 != 0 {
				continue // ran, did not match: its old entries go
			}
			m := Match{Name: name, Description: "d", Severity: int(b>>3)%10 + 1, References: []string{}}
			for j := 0; j < int(b)%3; j++ {
				m.Data = append(m.Data, json.RawMessage(data[(i+j)%len(data)]))
			}
			res.Matches = append(res.Matches, m)
		}
		merged, err := Merge(rep, res)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(report, orig) {
			t.Fatal("Merge changed its input")
		}
		rep2, err := ParseReport("merged", merged)
		if err != nil {
			t.Fatalf("%v\n%s", err, merged)
		}
		rbOutsideSignatures(t, rep, merged)
		again, err := Merge(rep2, res)
		if err != nil || !bytes.Equal(again, merged) {
			t.Fatalf("not idempotent:\n%s\n%s", merged, again)
		}
		// Every match is in the array, and no other entry of a name that ran.
		d := rep2.doc
		sigs, _ := d.Get(d.Root(), "signatures")
		if d.Kind(sigs) != 0 && !strings.HasPrefix(string(d.Raw(sigs)), "[") {
			t.Fatalf("signatures is not an array: %s", d.Raw(sigs))
		}
	})
}
