package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"time"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

type runCmd struct {
	Args        []string      `arg:"" optional:"" name:"SIGDIR|REPORT" help:"Signature directories or .lua files, then reports (- is stdin). Without a signature source the embedded stock set runs."`
	Output      string        `short:"o" name:"output" placeholder:"FILE" help:"Write the merged report to FILE (one report only)."`
	InPlace     bool          `name:"in-place" help:"Replace each report with its merged version (atomically)."`
	Format      string        `enum:"text,json,ndjson" default:"text" help:"Output format: text, json or ndjson."`
	Only        []string      `placeholder:"NAME" help:"Run only these signatures (comma-separated globs)."`
	MinSeverity int           `name:"min-severity" placeholder:"N" help:"Run only signatures of severity N or more."`
	Timeout     time.Duration `default:"10s" help:"Time limit per signature per report."`
	Jobs        int           `short:"j" placeholder:"N" help:"Lua states running at once (default: number of CPUs)."`
	FailOn      int           `name:"fail-on" placeholder:"N" help:"Exit 1 when a signature of severity N or more matches."`
	Profile     bool          `help:"Print a per-signature time table on stderr."`
	Watch       bool          `help:"Rerun on every save of a signature or report and show what changed (Ctrl-C to quit)."`
}

func (c *runCmd) Run(stdio *IO) error {
	run := runReports
	if c.Watch {
		run = watchReports
	}
	if code := run(stdio, c); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// split divides the arguments into signature sources and reports. It
// prints a usage error and returns false when they are wrong or name no
// report; cmd is the command as the hint spells it.
func (c *runCmd) split(stdio *IO, cmd string) (sources, reports []string, ok bool) {
	sources, reports, err := splitArgs(c.Args)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return nil, nil, false
	}
	if len(reports) == 0 {
		fmt.Fprintf(stdio.Err, "sigrun: no report given\n\thint: %[1]s [SIGDIR...] REPORT..., e.g. %[1]s signatures/ report.json\n", cmd)
		return nil, nil, false
	}
	return sources, reports, true
}

// runReports is the run verb: it loads the set, runs every report (several
// at once), prints or writes the results and returns the exit code.
func runReports(stdio *IO, c *runCmd) int {
	sources, reports, ok := c.split(stdio, "sigrun")
	if !ok {
		return ExitUsage
	}
	switch {
	case c.Output != "" && len(reports) > 1:
		fmt.Fprintln(stdio.Err, "sigrun: -o takes one report; use --in-place to merge several")
		return ExitUsage
	case c.Output != "" && c.InPlace:
		fmt.Fprintln(stdio.Err, "sigrun: -o and --in-place exclude each other")
		return ExitUsage
	}
	if c.InPlace {
		for _, r := range reports {
			if r == "-" {
				fmt.Fprintln(stdio.Err, "sigrun: --in-place cannot replace standard input")
				return ExitUsage
			}
		}
	}
	set, loadErrs, err := loadSet(sources)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	code := ExitOK
	loadErrs = onlyErrors(loadErrs)
	if len(loadErrs) > 0 {
		code = ExitSigErrs
	}
	set = set.Select(c.selected)
	eng := sigrt.NewEngine(set, c.engineOptions())
	defer eng.Close()

	pr := newPrinter(stdio, c.Format, loadErrs)
	var timings []sigrt.Timing
	// Results are printed in argument order as soon as each is ready.
	for o := range runAll(stdio.Context, eng, reports, c) {
		if o.err != nil {
			fmt.Fprintln(stdio.Err, "sigrun:", o.err)
			code = worse(code, ExitUsage)
			continue
		}
		pr.report(o.res)
		for _, l := range o.res.Logs {
			fmt.Fprintf(stdio.Err, "%s: %s: %s\n", o.res.Report, l.Signature, l.Message)
		}
		if len(o.res.Errors) > 0 {
			code = worse(code, ExitSigErrs)
		}
		if c.FailOn > 0 {
			for _, m := range o.res.Matches {
				if m.Severity >= c.FailOn {
					code = worse(code, ExitFailOn)
				}
			}
		}
		timings = append(timings, o.res.Timings...)
	}
	pr.close()
	if c.Profile {
		printProfile(stdio.Err, timings)
	}
	return code
}

// selected is --only and --min-severity: which signatures run.
func (c *runCmd) selected(s *sigrt.Signature) bool {
	return s.Severity >= c.MinSeverity && (len(c.Only) == 0 || sigrt.MatchNames(c.Only, s.Name))
}

// engineOptions are the engine settings of the run flags, shared by a
// single run and watch mode.
func (c *runCmd) engineOptions() sigrt.Options {
	return sigrt.Options{Jobs: c.Jobs, Timeout: c.Timeout, Profile: c.Profile}
}

// onlyErrors drops warnings: run reports load errors only.
func onlyErrors(es sigrt.Errors) sigrt.Errors {
	var out sigrt.Errors
	for _, e := range es {
		if e.Kind != sigrt.KindWarning {
			out = append(out, e)
		}
	}
	return out
}

type outcome struct {
	res *sigrt.Result
	err error
}

// runAll runs the reports concurrently (at most as many at once as there
// are jobs, so at most that many are parsed in memory) and yields the
// outcomes in argument order.
func runAll(ctx context.Context, eng *sigrt.Engine, reports []string, c *runCmd) iter.Seq[outcome] {
	return func(yield func(outcome) bool) {
		jobs := c.Jobs
		if jobs <= 0 {
			jobs = defaultJobs()
		}
		outs := make([]chan outcome, len(reports))
		for i := range outs {
			outs[i] = make(chan outcome, 1)
		}
		sem := make(chan struct{}, jobs)
		stop := make(chan struct{})
		go func() {
			for i, path := range reports {
				select {
				case sem <- struct{}{}:
				case <-stop:
					return
				}
				go func() {
					defer func() { <-sem }()
					outs[i] <- runOne(ctx, eng, path, c)
				}()
			}
		}()
		defer close(stop)
		for _, ch := range outs {
			if !yield(<-ch) {
				return
			}
		}
	}
}

func runOne(ctx context.Context, eng *sigrt.Engine, path string, c *runCmd) outcome {
	if err := ctx.Err(); err != nil {
		return outcome{err: fmt.Errorf("%s: not run: %v", path, errInterrupted)}
	}
	rep, err := sigrt.ReadReport(path)
	if err != nil {
		return outcome{err: err}
	}
	res, err := eng.Run(ctx, rep)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = errInterrupted
		}
		return outcome{err: fmt.Errorf("%s: not run: %v", path, err)}
	}
	target := c.Output
	if c.InPlace {
		target = path
	}
	if target != "" {
		err := writeAtomicTo(target, func(w io.Writer) error { return sigrt.MergeTo(w, rep, res) })
		if err != nil {
			return outcome{err: fmt.Errorf("%s: %v", target, err)}
		}
	}
	return outcome{res: res}
}

var errInterrupted = errors.New("interrupted")

func printProfile(w io.Writer, ts []sigrt.Timing) {
	type agg struct {
		d     time.Duration
		calls int
	}
	by := map[string]*agg{}
	var names []string
	for _, t := range ts {
		a := by[t.Signature]
		if a == nil {
			a = &agg{}
			by[t.Signature] = a
			names = append(names, t.Signature)
		}
		a.d += t.Duration
		a.calls += t.Calls
	}
	sort.SliceStable(names, func(i, j int) bool { return by[names[i]].d > by[names[j]].d })
	tw := newTable(w)
	tw.row("SIGNATURE", "TIME", "HOOK CALLS")
	for _, n := range names {
		tw.row(n, by[n].d.Round(time.Microsecond).String(), fmt.Sprint(by[n].calls))
	}
	tw.flush()
}
