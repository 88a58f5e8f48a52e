package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// watchReports is `sigrun --watch`: run the reports, then rerun them on
// every save of a signature or report and show what changed, until
// SIGINT/SIGTERM (exit 0).
func watchReports(stdio *IO, c *runCmd) int {
	sources, reports, ok := c.split(stdio, "sigrun --watch")
	if !ok {
		return ExitUsage
	}
	switch {
	case c.Output != "" || c.InPlace:
		fmt.Fprintln(stdio.Err, "sigrun: --watch prints results; it does not write reports (-o, --in-place)")
		return ExitUsage
	case c.Format == "json":
		fmt.Fprintln(stdio.Err, "sigrun: --watch prints a stream: use --format ndjson (one line per report per rerun) or text")
		return ExitUsage
	}
	opts := sigrt.WatchOptions{
		Sources: sources,
		Reports: reports,
		Engine:  c.engineOptions(),
		Select:  c.selected,
	}
	if len(sources) == 0 {
		// The embedded stock set does not change: only the reports are watched.
		set, _, err := loadSet(nil)
		if err != nil {
			fmt.Fprintln(stdio.Err, "sigrun:", err)
			return ExitUsage
		}
		opts.Set = set.Select(opts.Select)
	}
	v := &watchView{io: stdio, format: c.Format, names: reports, prev: map[int]*sigrt.Result{}}
	if stdio.Terminal && c.Format == "text" {
		io.WriteString(stdio.Out, "\x1b[?25l\x1b[2J") // hide the cursor, clear once
		defer io.WriteString(stdio.Out, "\x1b[?25h\n")
		stop := onResize(v.redraw)
		defer stop()
	}
	err := sigrt.Watch(stdio.Context, opts, func(u sigrt.Update) {
		v.update(u)
		if c.Profile {
			var ts []sigrt.Timing
			for _, r := range u.Results {
				if r != nil {
					ts = append(ts, r.Timings...)
				}
			}
			printProfile(stdio.Err, ts)
		}
	})
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	return ExitOK
}

// watchView prints the updates of a watch: ndjson lines, or a text diff
// against the previous update (a redrawn screen on a terminal).
type watchView struct {
	io     *IO
	format string
	names  []string              // the reports, as given
	prev   map[int]*sigrt.Result // by report index

	mu         sync.Mutex // a terminal is redrawn on resize too
	last       *sigrt.Update
	lastBefore map[int]*sigrt.Result
	at         time.Time // of the last update
}

func (v *watchView) update(u sigrt.Update) {
	loadErrs := onlyErrors(u.LoadErrors)
	if v.format == "ndjson" {
		p := &printer{io: v.io, format: "ndjson", loadErrs: loadErrs}
		for i, res := range u.Results {
			if res == nil {
				fmt.Fprintln(v.io.Err, "sigrun:", u.ReportErrors[i])
				continue
			}
			b, _ := p.withLoadErrors(res).MarshalJSON()
			line := append([]byte(`{"seq":`+strconv.Itoa(u.Seq)+","), b[1:]...)
			v.io.Out.Write(append(line, '\n'))
			for _, l := range res.Logs {
				fmt.Fprintf(v.io.Err, "%s: %s: %s\n", res.Report, l.Signature, l.Message)
			}
		}
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	before := v.prev
	v.prev = map[int]*sigrt.Result{}
	for i, res := range u.Results {
		v.prev[i] = res
	}
	if !v.io.Terminal {
		var b bytes.Buffer
		v.text(&b, u, before)
		v.io.Out.Write(b.Bytes())
		return
	}
	v.last, v.lastBefore, v.at = &u, before, time.Now()
	v.draw()
}

// redraw draws the last update again, for a new terminal size.
func (v *watchView) redraw() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last != nil {
		v.draw()
	}
}

// draw redraws the screen in place: home, each line cleared to its end,
// the rest of the screen cleared; cut to the screen so nothing scrolls.
func (v *watchView) draw() {
	var b bytes.Buffer
	v.text(&b, *v.last, v.lastBefore)
	width, height := terminalSize()
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if height > 2 && len(lines) > height-1 {
		more := len(lines) - (height - 2)
		lines = append(lines[:height-2], v.io.paint(dim, fmt.Sprintf("… %d more lines (enlarge the terminal)", more)))
	}
	var out bytes.Buffer
	out.WriteString("\x1b[H")
	for _, l := range lines {
		if width > 0 {
			l = fitANSI(l, width)
		}
		out.WriteString(l + "\x1b[K\n")
	}
	out.WriteString("\x1b[J")
	v.io.Out.Write(out.Bytes())
}

const (
	watchGreen = "\x1b[32m"
	watchCyan  = "\x1b[36m"
)

// text writes one update: on a terminal the whole current state with the
// changes marked, else the first state in full and then only what changed.
func (v *watchView) text(w io.Writer, u sigrt.Update, prev map[int]*sigrt.Result) {
	term := v.io.Terminal
	nsig := 0
	if u.Set != nil {
		nsig = u.Set.Len()
	}
	head := fmt.Sprintf("update %d: %s, %s", u.Seq, watchCount(nsig, "signature"), watchCount(len(u.Results), "report"))
	if len(u.Changed) > 0 {
		head = fmt.Sprintf("update %d: %s changed", u.Seq, listNames(u.Changed, 3))
	}
	if term {
		fmt.Fprintf(w, "%s  %s\n", v.io.paint(bold, "sigrun --watch"), v.io.paint(dim, v.at.Format("15:04:05")+"  "+head+"  (Ctrl-C to quit)"))
	} else {
		if u.Seq > 1 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s\n", head)
	}
	// Load errors first: on a small terminal they stay on the screen.
	v.loadErrors(w, u)
	full := term || u.Seq == 1
	for i, res := range u.Results {
		if res == nil {
			fmt.Fprintf(w, "\n%s: %s\n", v.io.paint(bold, v.names[i]), v.io.paint(red, fmt.Sprint(u.ReportErrors[i])))
			continue
		}
		v.report(w, res, prev[i], full, u.Seq > 1)
	}
}

// report writes one report's matches (full) and how they changed since
// prev (when diff).
func (v *watchView) report(w io.Writer, res, prev *sigrt.Result, full, diff bool) {
	d := diffResults(prev, res)
	if !diff || prev == nil {
		d = resultDiff{}
	}
	summary := watchCount(len(res.Matches), "match")
	if diff {
		var parts []string
		if n := len(d.started); n > 0 {
			parts = append(parts, v.io.paint(watchGreen, fmt.Sprintf("%d started", n)))
		}
		if n := len(d.stopped); n > 0 {
			parts = append(parts, v.io.paint(red, fmt.Sprintf("%d stopped", n)))
		}
		if n := len(d.changed); n > 0 {
			parts = append(parts, v.io.paint(yellow, fmt.Sprintf("%d changed", n)))
		}
		if len(parts) == 0 {
			parts = append(parts, "no change")
		}
		summary += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintf(w, "\n%s: %s\n", v.io.paint(bold, res.Report), summary)
	width := 0
	if v.io.Terminal {
		width, _ = terminalSize()
	}
	if full && (len(res.Matches) > 0 || len(d.stopped) > 0) {
		rows := [][]cell{{{" ", ""}, {"SEV", ""}, {"NAME", ""}, {"MARKS", ""}, {"DESCRIPTION", ""}}}
		for _, m := range res.Matches {
			mark := cell{" ", ""}
			if d.started[m.Name] {
				mark = cell{"+", watchGreen}
			} else if _, ok := d.changed[m.Name]; ok {
				mark = cell{"~", yellow}
			}
			sev := cell{strconv.Itoa(m.Severity), ""}
			switch {
			case m.Severity >= 3:
				sev.color = red
			case m.Severity == 2:
				sev.color = yellow
			}
			rows = append(rows, []cell{mark, sev, {m.Name, ""}, {strconv.Itoa(markTotal(m)), ""}, {m.Description, ""}})
		}
		for _, m := range d.stoppedList() {
			rows = append(rows, []cell{{"-", red}, {strconv.Itoa(m.Severity), dim}, {m.Name, dim}, {"", ""}, {"stopped matching", dim}})
		}
		if !diff { // nothing to mark: no marker column
			for i := range rows {
				rows[i] = rows[i][1:]
			}
		}
		v.table(w, rows, width)
	} else {
		for _, name := range sortedKeys(d.started) {
			m := findMatch(res, name)
			fmt.Fprintf(w, "  %s %s  started matching, %d marks\n", v.io.paint(watchGreen, "+"), name, markTotal(*m))
		}
		for _, m := range d.stoppedList() {
			fmt.Fprintf(w, "  %s %s  stopped matching\n", v.io.paint(red, "-"), m.Name)
		}
	}
	// The evidence that changed, a few entries per signature.
	for _, name := range sortedKeys(d.changed) {
		c := d.changed[name]
		fmt.Fprintf(w, "  %s %s  %s\n", v.io.paint(yellow, "~"), name, c.String())
		for _, e := range c.addedShown() {
			fmt.Fprintf(w, "      %s %s\n", v.io.paint(watchGreen, "+"), fitWidth(e, width))
		}
		for _, e := range c.removedShown() {
			fmt.Fprintf(w, "      %s %s\n", v.io.paint(red, "-"), fitWidth(e, width))
		}
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(w, v.io.paint(red, "  errors:"))
		for _, e := range res.Errors {
			fmt.Fprintf(w, "    %s [%s]\n", strings.ReplaceAll(e.Error(), "\n", "\n    "), e.Kind)
		}
	}
	if len(res.Logs) > 0 {
		fmt.Fprintln(w, v.io.paint(dim, "  output:"))
		for i, l := range res.Logs {
			if i == 10 {
				fmt.Fprintf(w, "    … %d more lines\n", len(res.Logs)-i)
				break
			}
			fmt.Fprintf(w, "    %s: %s\n", l.Signature, l.Message)
		}
	}
}

func (v *watchView) loadErrors(w io.Writer, u sigrt.Update) {
	if len(u.LoadErrors) == 0 {
		return
	}
	kept := map[string]bool{}
	for _, f := range u.Kept {
		kept[f] = true
	}
	fmt.Fprintln(w, "\n"+v.io.paint(red, "load errors:"))
	for i, e := range u.LoadErrors {
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(e.Error(), "\n", "\n  "))
		if kept[e.File] && (i+1 == len(u.LoadErrors) || u.LoadErrors[i+1].File != e.File) {
			fmt.Fprintf(w, "  %s\n", v.io.paint(watchCyan, "↳ the last good version of "+e.File+" still runs"))
		}
	}
}

func watchCount(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "ch"):
		return strconv.Itoa(n) + " " + noun + "es"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// resultDiff is how one report's matches changed between two runs.
type resultDiff struct {
	started map[string]bool
	stopped map[string]sigrt.Match
	changed map[string]markDiff
}

// markDiff is how a match changed: evidence entries added and removed
// (compared as JSON text, counting repeats), the totals, and the metadata
// that changed.
type markDiff struct {
	added, removed []string
	before, after  int
	meta           []string // "severity 2→3"
}

func (c markDiff) String() string {
	var parts []string
	switch {
	case len(c.added) > 0 || len(c.removed) > 0:
		parts = append(parts, fmt.Sprintf("marks +%d/-%d", len(c.added), len(c.removed)))
	case c.before != c.after:
		parts = append(parts, fmt.Sprintf("marks %d→%d", c.before, c.after)) // only the dropped count moved
	}
	return strings.Join(append(parts, c.meta...), ", ")
}

func (c markDiff) empty() bool {
	return len(c.added) == 0 && len(c.removed) == 0 && c.before == c.after && len(c.meta) == 0
}

const shownMarks = 3

func (c markDiff) addedShown() []string   { return shown(c.added) }
func (c markDiff) removedShown() []string { return shown(c.removed) }

func shown(l []string) []string {
	if len(l) <= shownMarks {
		return l
	}
	return append(l[:shownMarks:shownMarks], fmt.Sprintf("… %d more", len(l)-shownMarks))
}

func (d resultDiff) stoppedList() []sigrt.Match {
	var l []sigrt.Match
	for _, name := range sortedKeys(d.stopped) {
		l = append(l, d.stopped[name])
	}
	return l
}

func diffResults(prev, cur *sigrt.Result) resultDiff {
	d := resultDiff{started: map[string]bool{}, stopped: map[string]sigrt.Match{}, changed: map[string]markDiff{}}
	if prev == nil {
		return d
	}
	before := map[string]sigrt.Match{}
	for _, m := range prev.Matches {
		before[m.Name] = m
	}
	for _, m := range cur.Matches {
		old, ok := before[m.Name]
		delete(before, m.Name)
		if !ok {
			d.started[m.Name] = true
			continue
		}
		if c := diffMarks(old, m); !c.empty() {
			d.changed[m.Name] = c
		}
	}
	for name, m := range before {
		d.stopped[name] = m
	}
	return d
}

func diffMarks(old, cur sigrt.Match) markDiff {
	c := markDiff{before: markTotal(old), after: markTotal(cur)}
	if old.Severity != cur.Severity {
		c.meta = append(c.meta, fmt.Sprintf("severity %d→%d", old.Severity, cur.Severity))
	}
	if old.Description != cur.Description {
		c.meta = append(c.meta, "description")
	}
	if old.Alert != cur.Alert {
		c.meta = append(c.meta, fmt.Sprintf("alert %v→%v", old.Alert, cur.Alert))
	}
	for _, f := range []struct {
		name     string
		old, cur []string
	}{{"categories", old.Categories, cur.Categories}, {"families", old.Families, cur.Families},
		{"ttps", old.TTPs, cur.TTPs}, {"references", old.References, cur.References}} {
		if strings.Join(f.old, "\x00") != strings.Join(f.cur, "\x00") {
			c.meta = append(c.meta, f.name)
		}
	}
	count := map[string]int{}
	for _, e := range old.Data {
		count[string(e)]++
	}
	for _, e := range cur.Data {
		if count[string(e)] > 0 {
			count[string(e)]--
		} else {
			c.added = append(c.added, string(e))
		}
	}
	for _, e := range old.Data {
		if count[string(e)] > 0 {
			count[string(e)]--
			c.removed = append(c.removed, string(e))
		}
	}
	return c
}

func markTotal(m sigrt.Match) int {
	if m.MarkCount > 0 {
		return m.MarkCount
	}
	return len(m.Data)
}

func findMatch(res *sigrt.Result, name string) *sigrt.Match {
	for i := range res.Matches {
		if res.Matches[i].Name == name {
			return &res.Matches[i]
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func listNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}

// fitWidth shortens s to the terminal width (0: no limit).
func fitWidth(s string, width int) string {
	if width <= 0 {
		return s
	}
	return fit(s, width-10)
}

// fitANSI cuts a line to width visible columns, keeping escape sequences.
func fitANSI(s string, width int) string {
	n, inEsc := 0, false
	for i, r := range s {
		switch {
		case inEsc:
			if r >= '@' && r <= '~' && r != '[' {
				inEsc = false
			}
		case r == '\x1b':
			inEsc = true
		default:
			n++
			if n > width {
				return s[:i] + reset
			}
		}
	}
	return s
}

func envSize() (width, height int) {
	height, _ = strconv.Atoi(os.Getenv("LINES"))
	return termWidth(), height
}

// cell is one table cell and its colour on a terminal.
type cell struct{ text, color string }

// table aligns rows on the width of their plain text (colour codes do not
// count) and cuts the last column to width (0: no limit).
func (v *watchView) table(w io.Writer, rows [][]cell, width int) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c.text))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		used := 2
		for i, c := range r {
			text := c.text
			if i == len(r)-1 {
				if width > 0 {
					text = fit(text, width-used-1)
				}
			} else {
				text += strings.Repeat(" ", widths[i]-utf8.RuneCountInString(text))
			}
			if c.color != "" {
				b.WriteString(v.io.paint(c.color, text))
			} else {
				b.WriteString(text)
			}
			if i < len(r)-1 {
				b.WriteString("  ")
				used += widths[i] + 2
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// watchTests is `sigrun test --watch`: run the tests, then again on every
// save of a signature or test file, until SIGINT/SIGTERM (exit 0).
func watchTests(stdio *IO, c *testCmd) int {
	if len(c.Sources) == 0 {
		fmt.Fprintln(stdio.Err, "sigrun: test --watch needs a signature directory: the embedded stock set does not change\n\thint: sigrun test --watch signatures/")
		return ExitUsage
	}
	var sources []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			sources = append(sources, p)
		}
	}
	for _, s := range c.Sources {
		add(s)
		// A file's signature or test beside it is part of its run.
		sib := ""
		switch {
		case strings.HasSuffix(s, "_test.lua"):
			sib = strings.TrimSuffix(s, "_test.lua") + ".lua"
		case strings.HasSuffix(s, ".lua"):
			sib = strings.TrimSuffix(s, ".lua") + "_test.lua"
		}
		if _, err := os.Stat(sib); sib != "" && err == nil {
			add(sib)
		}
	}
	term := stdio.Terminal && c.Format == "text"
	err := sigrt.Watch(stdio.Context, sigrt.WatchOptions{Sources: sources, Tests: true}, func(u sigrt.Update) {
		head := fmt.Sprintf("run %d", u.Seq)
		if len(u.Changed) > 0 {
			head += ": " + listNames(u.Changed, 3) + " changed"
		}
		switch {
		case term:
			fmt.Fprintf(stdio.Out, "\x1b[H\x1b[2J%s  %s%s\n\n", bold+"sigrun test --watch"+reset, dim+time.Now().Format("15:04:05")+"  "+head, "  (Ctrl-C to quit)"+reset)
		case c.Format == "text":
			if u.Seq > 1 {
				fmt.Fprintln(stdio.Out)
			}
			fmt.Fprintf(stdio.Out, "== %s\n", head)
		}
		runTests(stdio, c)
	})
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	return ExitOK
}
