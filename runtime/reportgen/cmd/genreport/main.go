// Command genreport writes a synthetic sandbox report for benchmarks (see
// package reportgen). The same flags always give the same bytes.
//
//	go run ./runtime/reportgen/cmd/genreport -calls 1000000 -layout cape -o /tmp/big.json
//	go run ./runtime/reportgen/cmd/genreport -size 300MB -layout cuckoo2 -o /tmp/big2.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/sigrun-dev/sigrun/runtime/reportgen"
)

func main() {
	var o reportgen.Options
	var size, out string
	flag.StringVar(&o.Layout, "layout", "cape", "report layout: cape or cuckoo2")
	flag.IntVar(&o.Calls, "calls", 1_000_000, "number of API calls (ignored with -size)")
	flag.StringVar(&size, "size", "", "approximate report size instead of -calls, e.g. 300MB, 1GB, 5000000")
	flag.IntVar(&o.Processes, "processes", 8, "number of processes")
	flag.IntVar(&o.Indent, "indent", 0, "spaces per nesting level (0: compact)")
	flag.Uint64Var(&o.Seed, "seed", 1, "seed; the same seed gives the same report")
	flag.StringVar(&out, "o", "-", "output file (- for standard output)")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected arguments %q", flag.Args()))
	}
	if size != "" {
		n, err := parseSize(size)
		if err != nil {
			fail(err)
		}
		o.Size = n
	}
	var w io.Writer = os.Stdout
	var f *os.File
	if out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			fail(err)
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	err := reportgen.Write(bw, o)
	if err == nil {
		err = bw.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fail(err)
	}
}

// parseSize reads 300MB, 1.5GB, 64KiB or a plain byte count.
func parseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, x := range []struct {
		suffix string
		m      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1e9}, {"M", 1e6}, {"K", 1e3}, {"B", 1}} {
		if strings.HasSuffix(u, x.suffix) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, x.suffix)), x.m
			break
		}
	}
	f, err := strconv.ParseFloat(u, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("bad -size %q: want e.g. 300MB", s)
	}
	return int64(f * float64(mult)), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genreport:", err)
	os.Exit(2)
}
