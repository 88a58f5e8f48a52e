package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// batchStats is what a batch leaves behind in the process.
type batchStats struct {
	goroutines, fds int
	heap, rss       uint64
}

func measure() batchStats {
	goruntime.GC()
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	fds, _ := os.ReadDir("/proc/self/fd")
	var rss uint64
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				rss = kb << 10
			}
		}
	}
	return batchStats{goruntime.NumGoroutine(), len(fds), ms.HeapAlloc, rss}
}

// TestBatchNoLeak runs the stock set over a batch of reports with -j 8,
// --in-place, three times in one process: goroutines and open files come
// back to where they were and the heap does not grow from batch to batch.
// 100 reports (1000 with SIGRUN_BATCH=1000, which also logs the numbers).
func TestBatchNoLeak(t *testing.T) {
	n := 100
	if s := os.Getenv("SIGRUN_BATCH"); s != "" {
		n, _ = strconv.Atoi(s)
	} else if testing.Short() || raceBuild {
		n = 20
	}
	report, err := os.ReadFile(filepath.Join("..", "testdata", "reports", "cape_d4690038.json"))
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	args := []string{"--in-place", "-j", "8", "--format", "ndjson"}
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("r%04d.json", i))
		// Vary the reports a little so that each is parsed on its own.
		data := bytes.Replace(report, []byte("{"), []byte(fmt.Sprintf(`{"batch_%d": %d, `, i, i)), 1)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	before := measure()
	var stats []batchStats
	for round := 0; round < 3; round++ {
		var out, errb bytes.Buffer
		t0 := time.Now()
		code := Main(args, IO{Out: &out, Err: &errb, Context: context.Background()})
		took := time.Since(t0)
		if code != ExitOK {
			t.Fatalf("exit %d: %.2000s", code, errb.String())
		}
		if got := bytes.Count(out.Bytes(), []byte("\n")); got != n {
			t.Fatalf("%d result lines, want %d", got, n)
		}
		var after batchStats
		deadline := time.Now().Add(5 * time.Second)
		for {
			after = measure()
			if after.goroutines <= before.goroutines || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		stats = append(stats, after)
		t.Logf("batch %d: %d reports in %v; goroutines %d -> %d, fds %d -> %d, heap %d MiB -> %d MiB, RSS %d MiB -> %d MiB",
			round+1, n, took.Round(time.Millisecond), before.goroutines, after.goroutines, before.fds, after.fds,
			before.heap>>20, after.heap>>20, before.rss>>20, after.rss>>20)
		if after.goroutines > before.goroutines {
			t.Errorf("batch %d: %d goroutines left over", round+1, after.goroutines-before.goroutines)
		}
		if after.fds > before.fds {
			t.Errorf("batch %d: %d file descriptors left open", round+1, after.fds-before.fds)
		}
	}
	// The pool and caches settle after the first batch; later batches
	// must not keep growing the heap.
	if stats[2].heap > stats[1].heap+stats[1].heap/2+(16<<20) {
		t.Errorf("heap grows from batch to batch: %d then %d MiB", stats[1].heap>>20, stats[2].heap>>20)
	}
}
