package runtime_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/signatures"
)

// sharedReports lists the real reports in ../shared/reports, skipping the
// test when they are absent.
func sharedReports(t testing.TB) []string {
	dir := filepath.Join("..", "..", "shared", "reports")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no real reports in %s: skipping (they are shipped beside the repository, not in it)", dir)
	}
	return files
}

func stockSet(t testing.TB) *sigrt.Set {
	set, errs, err := sigrt.LoadOptions{Prefix: "signatures"}.Load(signatures.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e.Kind != sigrt.KindWarning {
			t.Errorf("stock set: %v", e)
		}
	}
	return set
}

// TestSharedReports runs the stock library over every real report: it
// must run without signature errors on every layout, agree with itself
// across job counts, and merge idempotently with everything outside the
// signatures array byte-identical.
func TestSharedReports(t *testing.T) {
	set := stockSet(t)
	eng1 := sigrt.NewEngine(set, sigrt.Options{Jobs: 1})
	defer eng1.Close()
	eng4 := sigrt.NewEngine(set, sigrt.Options{Jobs: 4})
	defer eng4.Close()
	for _, path := range sharedReports(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			if fi, _ := os.Stat(path); raceEnabled && fi.Size() > 20<<20 {
				t.Skip("over 20 MB: too slow under -race")
			}
			rep, err := sigrt.ReadReport(path)
			if err != nil {
				t.Fatal(err)
			}
			prefix := strings.SplitN(name, "_", 2)[0]
			wantLayout := map[string]string{"cape22": "cape", "cape24": "cape", "cuckoo12": "cuckoo1", "cuckoo207": "cuckoo2"}[prefix]
			if rep.Layout() != wantLayout {
				t.Errorf("layout %s, want %s", rep.Layout(), wantLayout)
			}
			res1, err := eng1.Run(context.Background(), rep)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res1.Errors {
				t.Errorf("%v", e)
			}
			res4, _ := eng4.Run(context.Background(), rep)
			if a, b := res1.MatchesJSON(), res4.MatchesJSON(); !bytes.Equal(a, b) {
				t.Errorf("-j 1 and -j 4 differ:\n%s\n%s", a, b)
			}

			merged, err := sigrt.Merge(rep, res1)
			if err != nil {
				t.Fatal(err)
			}
			checkOutsideSignatures(t, rep.Bytes(), merged)
			rep2, err := sigrt.ParseReport("merged", merged)
			if err != nil {
				t.Fatalf("merged report does not parse: %v", err)
			}
			res2, _ := eng4.Run(context.Background(), rep2)
			again, _ := sigrt.Merge(rep2, res2)
			if !bytes.Equal(again, merged) {
				t.Error("merging the merged report changed it")
			}
		})
	}
}

// checkOutsideSignatures asserts that merged differs from orig only
// inside the top-level signatures array.
func checkOutsideSignatures(t *testing.T, orig, merged []byte) {
	t.Helper()
	// The common prefix must reach the signatures value, and the common
	// suffix must cover everything after it.
	p := 0
	for p < len(orig) && p < len(merged) && orig[p] == merged[p] {
		p++
	}
	s := 0
	for s < len(orig)-p && s < len(merged)-p && orig[len(orig)-1-s] == merged[len(merged)-1-s] {
		s++
	}
	origMid, newMid := orig[p:len(orig)-s], merged[p:len(merged)-s]
	if len(origMid) == 0 && len(newMid) == 0 {
		return
	}
	// What changed must be (part of) the signatures array.
	before := merged[:p]
	key := bytes.LastIndex(before, []byte(`"signatures"`))
	if key < 0 {
		t.Fatalf("merged report changed outside signatures at byte %d", p)
	}
	if !bytes.Contains(newMid, []byte(`"name"`)) && len(newMid) > 0 && !bytes.HasPrefix(bytes.TrimSpace(newMid), []byte("]")) {
		t.Errorf("unexpected change at byte %d: %.80q", p, newMid)
	}
}
