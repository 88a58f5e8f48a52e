package cli_test

// BenchmarkCLI times the whole command, sigrun REPORT -o out.json, as a
// separate process (the binary is built once), and reports its peak RSS;
// BenchmarkPythonJSONLoad times python3 -c 'json.load(...)' on the same
// files, the reference point of the "Speed and memory" issue. Run them
// together so that the ratio is measured under the same load:
//
//	go test -run '^$' -bench 'CLI|Python' -count 6 ./cli/ | tee cli.txt
//	benchstat cli.txt
//
// The generated reports are the ones runtime's benchmarks write (one
// million calls, in the temp directory; made here if missing).

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/sigrun-dev/sigrun/runtime/reportgen"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func sigrunBinary(b *testing.B) string {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sigrun-bench-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "sigrun")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/sigrun-dev/sigrun").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return binPath
}

// cliReports are the largest real report (skipped when ../shared/reports is
// absent) and the generated one-million-call reports of both layouts.
func cliReports(b *testing.B) []struct{ name, path string } {
	var out []struct{ name, path string }
	real := filepath.Join("..", "..", "shared", "reports", "cape24_capesandboxcom_f5c93ac7.json")
	if _, err := os.Stat(real); err == nil {
		out = append(out, struct{ name, path string }{"cape24_f5c93ac7", real})
	}
	for _, layout := range []string{"cape", "cuckoo2"} {
		out = append(out, struct{ name, path string }{"gen_" + layout + "_1000000", generated(b, layout)})
	}
	return out
}

var genMu sync.Mutex

func generated(b *testing.B, layout string) string {
	genMu.Lock()
	defer genMu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sigrun-bench-%s-%d.json", layout, 1_000_000))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = reportgen.Write(w, reportgen.Options{Layout: layout, Calls: 1_000_000})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(path+".tmp", path)
	}
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// runProc runs cmd and returns its peak resident set size in bytes.
func runProc(b *testing.B, cmd *exec.Cmd) int64 {
	if out, err := cmd.CombinedOutput(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 0 && ee.ExitCode() != 3 {
			b.Fatalf("%v: %v\n%s", cmd.Args, err, out)
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	return 0
}

func BenchmarkCLI(b *testing.B) {
	for _, in := range cliReports(b) {
		b.Run(in.name, func(b *testing.B) {
			bin := sigrunBinary(b)
			fi, err := os.Stat(in.path)
			if err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "out.json")
			b.SetBytes(fi.Size())
			var peak int64
			for b.Loop() {
				peak = max(peak, runProc(b, exec.Command(bin, in.path, "-o", out)))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			b.ReportMetric(float64(peak)/float64(fi.Size()), "RSS/file")
		})
	}
}

func BenchmarkPythonJSONLoad(b *testing.B) {
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 not found")
	}
	for _, in := range cliReports(b) {
		b.Run(in.name, func(b *testing.B) {
			fi, err := os.Stat(in.path)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(fi.Size())
			var peak int64
			for b.Loop() {
				peak = max(peak, runProc(b, exec.Command(py, "-c", "import json,sys; json.load(open(sys.argv[1]))", in.path)))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
		})
	}
}
