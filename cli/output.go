package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

func defaultJobs() int { return goruntime.GOMAXPROCS(0) }

// printer writes per-report results in one of the output formats.
type printer struct {
	io       *IO
	format   string
	loadErrs sigrt.Errors
	n        int
}

func newPrinter(stdio *IO, format string, loadErrs sigrt.Errors) *printer {
	p := &printer{io: stdio, format: format, loadErrs: loadErrs}
	switch format {
	case "json":
		io.WriteString(stdio.Out, "[")
	case "text":
		for _, e := range loadErrs {
			fmt.Fprintln(stdio.Err, e)
		}
	}
	return p
}

// withLoadErrors is res with the set's load errors in front of its own,
// for the JSON formats.
func (p *printer) withLoadErrors(res *sigrt.Result) *sigrt.Result {
	if len(p.loadErrs) == 0 {
		return res
	}
	r := *res
	r.Errors = append(append(sigrt.Errors{}, p.loadErrs...), res.Errors...)
	return &r
}

func (p *printer) report(res *sigrt.Result) {
	w := p.io.Out
	switch p.format {
	case "json":
		if p.n > 0 {
			io.WriteString(w, ",")
		}
		b, _ := p.withLoadErrors(res).MarshalJSON()
		w.Write(b)
	case "ndjson":
		b, _ := p.withLoadErrors(res).MarshalJSON()
		w.Write(append(b, '\n'))
	default:
		p.text(res)
	}
	p.n++
}

func (p *printer) close() {
	if p.format == "json" {
		io.WriteString(p.io.Out, "]\n")
	}
}

const (
	bold   = "\x1b[1m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

// paint wraps s in an ANSI colour code when Out is a terminal.
func (stdio *IO) paint(code, s string) string {
	if !stdio.Terminal {
		return s
	}
	return code + s + reset
}

// text prints one report as a table: severity, name, description, marks.
func (p *printer) text(res *sigrt.Result) {
	w := p.io.Out
	if p.n > 0 {
		fmt.Fprintln(w)
	}
	noun := "matches"
	if len(res.Matches) == 1 {
		noun = "match"
	}
	fmt.Fprintf(w, "%s: %d %s\n", p.io.paint(bold, res.Report), len(res.Matches), noun)
	if len(res.Matches) > 0 {
		width := 0
		if p.io.Terminal {
			width = termWidth()
		}
		t := newTable(w)
		t.row("SEV", "NAME", "DESCRIPTION", "MARKS")
		for _, m := range res.Matches {
			sev := strconv.Itoa(m.Severity)
			switch {
			case m.Severity >= 3:
				sev = p.io.paint(red, sev)
			case m.Severity == 2:
				sev = p.io.paint(yellow, sev)
			}
			marks := strconv.Itoa(len(m.Data))
			if m.MarkCount > 0 {
				marks = strconv.Itoa(m.MarkCount)
			}
			desc := m.Description
			if width > 0 {
				desc = fit(desc, width-len(m.Name)-20)
			}
			t.row(sev, m.Name, desc, marks)
		}
		t.flush()
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(w, p.io.paint(red, "errors:"))
		for _, e := range res.Errors {
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(e.Error(), "\n", "\n  "))
		}
	}
}

// fit shortens s to at most n runes with an ellipsis.
func fit(s string, n int) string {
	if n < 10 {
		n = 10
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func termWidth() int {
	if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	return 100
}

// table aligns columns with two spaces between them.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer) *table {
	return &table{tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)}
}

func (t *table) row(cols ...string) { fmt.Fprintln(t.tw, "  "+strings.Join(cols, "\t")) }
func (t *table) flush()             { t.tw.Flush() }

// writeAtomic writes data to path through a temporary file in the same
// directory, fsynced and renamed over path, so path is either its old
// bytes or the new ones, never a mix. The target keeps its permissions.
func writeAtomic(path string, data []byte) error {
	return writeAtomicTo(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// writeAtomicTo is writeAtomic with the content written by write (a merged
// report is streamed from the original's bytes, not built in memory).
func writeAtomicTo(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("is a directory")
		}
		if !fi.Mode().IsRegular() {
			// A device or a pipe (-o /dev/stdout): renaming a file over
			// it would replace the device node, so write into it.
			return writeInto(path, write)
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path, dir = real, filepath.Dir(real) // replace the link's target, keep the link
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".sigrun-*")
	if err != nil {
		return fmt.Errorf("cannot write: %v", unwrapPath(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("cannot write: %v", unwrapPath(err))
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("cannot sync: %v", unwrapPath(err))
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("cannot replace: %v", unwrapPath(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// writeInto writes into the existing non-regular file path.
func writeInto(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err == nil {
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("cannot write: %v", unwrapPath(err))
	}
	return nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
