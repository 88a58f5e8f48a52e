package runtime

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/errors/*.golden from the current messages")

// goldenReport is the report the signatures of testdata/errors run over
// unless NNN.json is beside NNN.lua.
const goldenReport = `{
  "info": {"id": 1},
  "behavior": {
    "processes": [{"process_id": 100, "parent_id": 4, "process_name": "svchost.exe", "module_path": "C:\\Windows\\svchost.exe",
      "calls": [{"api": "NtWriteVirtualMemory", "category": "process", "status": true, "return": "0x00000000",
                 "arguments": [{"name": "ProcessHandle", "value": "0x1"}]}]}],
    "summary": {"files": ["C:\\x.exe"], "keys": [], "mutexes": []}
  }
}`

// TestErrorMessages loads (with Check's lints) and runs each bad signature
// of testdata/errors/NNN.lua and compares every message it produces, as
// the user sees it, with NNN.golden. go test -run TestErrorMessages -update
// rewrites the golden files.
func TestErrorMessages(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.lua")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/errors/*.lua: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".lua"), func(t *testing.T) {
			got := errorMessages(t, file)
			golden := strings.TrimSuffix(file, ".lua") + ".golden"
			if *updateGolden {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestErrorMessages -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("messages of %s changed (-update rewrites %s)\n--- got\n%s--- want\n%s", file, golden, got, want)
			}
		})
	}
}

func errorMessages(t *testing.T, file string) string {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.ToSlash(file)
	set, errs, err := LoadOptions{TopLevelTimeout: 200 * time.Millisecond}.Check([]File{{Path: name, Src: src}})
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() > 0 {
		data := []byte(goldenReport)
		if b, err := os.ReadFile(strings.TrimSuffix(file, ".lua") + ".json"); err == nil {
			data = b
		}
		rep, err := ParseReport("report.json", data)
		if err != nil {
			t.Fatal(err)
		}
		// Hooks time out after 300ms, except in the memory cases (their
		// first line says "memory"), which must hit the bound first.
		timeout := 300 * time.Millisecond
		if first, _, _ := strings.Cut(string(src), "\n"); strings.Contains(first, "memory") {
			timeout = 20 * time.Second
		}
		eng := NewEngine(set, Options{Jobs: 1, Timeout: timeout, MemoryLimit: 64 << 20})
		defer eng.Close()
		res, err := eng.Run(context.Background(), rep)
		if err != nil {
			t.Fatal(err)
		}
		errs = append(errs, res.Errors...)
	}
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("[" + string(e.Kind) + "] " + e.Error() + "\n")
	}
	if b.Len() == 0 {
		b.WriteString("(no messages)\n")
	}
	return b.String()
}
