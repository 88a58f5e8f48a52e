package signatures_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/signatures"
)

var parityTable = flag.Bool("parity", false, "print the parity table as Markdown")

// benign are the reports whose sandbox verdict is clean: no signature of
// severity 3 or more may match them.
var benign = map[string]bool{
	"cuckoo207_ml-on-cuckoo-reports_benign.json": true,
	"cape22_capa-testfiles_55dcd387.json":        true, // fsutil.exe, VT 0/70
}

// synthetic reports are layout fixtures, not sandbox verdicts.
var synthetic = map[string]bool{"cuckoo12_reshaped-from-cape22_d4690038.json": true}

type counts struct{ tp, fp, fn, tn int }

func (c counts) agree() int { return c.tp + c.tn }
func (c counts) total() int { return c.tp + c.fp + c.fn + c.tn }

// TestParity runs the stock library over the real reports and compares it
// with what each sandbox flagged, per (report, name) pair for every name
// the library has and some report's sandbox used. Run with -parity -v to
// print the table kept in the README.
func TestParity(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "reports")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no real reports in %s", dir)
	}
	set, _, err := sigrt.LoadOptions{Prefix: "signatures"}.Load(signatures.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	eng := sigrt.NewEngine(set, sigrt.Options{})
	defer eng.Close()

	sandbox := map[string]map[string]bool{} // report -> names the sandbox flagged
	ours := map[string]map[string]bool{}    // report -> names sigrun matched
	used := map[string]bool{}               // names any sandbox used
	var reports []string
	for _, path := range files {
		name := filepath.Base(path)
		if synthetic[name] {
			continue
		}
		if fi, err := os.Stat(path); err == nil && fi.Size() > 20<<20 && testing.Short() {
			continue
		}
		rep, err := sigrt.ReadReport(path)
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, name)
		sandbox[name] = map[string]bool{}
		for _, n := range sigrt.SignatureNames(rep) {
			sandbox[name][n] = true
			used[n] = true
		}
		res, err := eng.Run(context.Background(), rep)
		if err != nil {
			t.Fatal(err)
		}
		ours[name] = map[string]bool{}
		for _, m := range res.Matches {
			ours[name][m.Name] = true
			if benign[name] && m.Severity >= 3 {
				t.Errorf("noise: %s (severity %d) matches the benign report %s", m.Name, m.Severity, name)
			}
		}
	}

	per := map[string]*counts{}
	var all counts
	for _, s := range set.Signatures() {
		if !used[s.Name] {
			continue
		}
		c := &counts{}
		per[s.Name] = c
		for _, r := range reports {
			switch got, want := ours[r][s.Name], sandbox[r][s.Name]; {
			case got && want:
				c.tp++
			case got && !want:
				c.fp++
			case !got && want:
				c.fn++
			default:
				c.tn++
			}
		}
		all.tp += c.tp
		all.fp += c.fp
		all.fn += c.fn
		all.tn += c.tn
	}
	names := make([]string, 0, len(per))
	for n := range per {
		names = append(names, n)
	}
	sort.Strings(names)

	var b strings.Builder
	fmt.Fprintf(&b, "| signature | TP | FP | FN | TN | agreement |\n|---|---|---|---|---|---|\n")
	for _, n := range names {
		c := per[n]
		fmt.Fprintf(&b, "| `%s` | %d | %d | %d | %d | %d/%d |\n", n, c.tp, c.fp, c.fn, c.tn, c.agree(), c.total())
	}
	pct := 100 * float64(all.agree()) / float64(max(all.total(), 1))
	fmt.Fprintf(&b, "| **all** (%d names × %d reports) | %d | %d | %d | %d | **%.1f%%** |\n", len(names), len(reports), all.tp, all.fp, all.fn, all.tn, pct)
	if *parityTable {
		fmt.Println(b.String())
	}
	t.Logf("agreement %.1f%% over %d (report, name) pairs", pct, all.total())
	if pct < 90 {
		t.Errorf("agreement %.1f%% is under the 90%% target:\n%s", pct, b.String())
	}
}
