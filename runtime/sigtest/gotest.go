package sigtest

import (
	"context"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// Run runs every signature test under root in fsys as Go subtests: one
// t.Run per test file (named after its signature) and, inside it, one per
// test function, so `go test -run 'TestX/creates_exe/test_near_miss'`
// selects as usual. A signature that fails to load, a test file that does
// not compile and a failing test are test failures; print output is
// logged.
func Run(t *testing.T, fsys fs.FS, root string) {
	t.Helper()
	RunOptions(t, fsys, root, Options{})
}

// RunOptions is Run with options (extra Lua functions, timeouts).
func RunOptions(t *testing.T, fsys fs.FS, root string, opts Options) {
	t.Helper()
	s, err := Load(fsys, root, opts)
	if err != nil {
		t.Fatalf("sigtest: %v", err)
	}
	defer s.Close()
	for _, e := range s.LoadErrors {
		t.Errorf("%v", e)
	}
	if len(s.Files) == 0 {
		t.Logf("sigtest: no *_test.lua files under %s", root)
	}
	ctx := t.Context()
	for _, f := range s.Files {
		name := f.Signature
		if name == "" {
			name = strings.TrimSuffix(path.Base(filepath.ToSlash(f.Path)), "_test.lua")
		}
		t.Run(name, func(t *testing.T) {
			if f.Err != nil {
				t.Fatalf("%v", f.Err)
			}
			if len(f.Tests) == 0 {
				t.Logf("%s: no test_* functions", f.Path)
			}
			for _, tn := range f.Tests {
				t.Run(tn, func(t *testing.T) { runOne(ctx, t, s, f, tn) })
			}
		})
	}
}

func runOne(ctx context.Context, t *testing.T, s *Suite, f *File, name string) {
	r := s.RunTest(ctx, f, name)
	for _, l := range r.Output {
		t.Log(l)
	}
	switch r.Status {
	case Fail:
		t.Errorf("%s: %s", r.Location(), r.Message)
	case Skip:
		t.Skipf("%s: %s", r.Location(), r.Message)
	}
}
