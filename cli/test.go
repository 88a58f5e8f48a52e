package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/runtime/sigtest"
	"github.com/sigrun-dev/sigrun/signatures"
)

type testCmd struct {
	Sources []string      `arg:"" optional:"" name:"SIGDIR" help:"Signature directories, NAME.lua or NAME_test.lua files (default: the embedded stock set)."`
	Verbose bool          `short:"v" help:"Show every test and its print output, not only failures."`
	Pattern string        `name:"run" placeholder:"REGEX" help:"Run only the tests whose name (test_x) or NAME/test_x matches REGEX."`
	Format  string        `enum:"text,json" default:"text" help:"Output format: text or json."`
	Timeout time.Duration `default:"5s" help:"Time limit per signature per report run by a test."`
	Watch   bool          `help:"Run the tests again on every save of a signature or test file (Ctrl-C to quit)."`
}

func (c *testCmd) Run(stdio *IO) error {
	run := runTests
	if c.Watch {
		run = watchTests
	}
	if code := run(stdio, c); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// testJSON is one test in --format json.
type testJSON struct {
	File      string         `json:"file"`
	Signature string         `json:"signature"`
	Name      string         `json:"name"`
	Status    sigtest.Status `json:"status"`
	Line      int            `json:"line,omitempty"`
	Message   string         `json:"message,omitempty"`
	Output    []string       `json:"output"`
}

// runTests is the test verb: it runs the NAME_test.lua files of a set and
// prints the outcome like go test. Exit 1 when a test fails, 3 when a
// signature did not load (whichever is worse), 2 for a usage error.
func runTests(stdio *IO, c *testCmd) int {
	var filter *regexp.Regexp
	if c.Pattern != "" {
		var err error
		if filter, err = regexp.Compile(c.Pattern); err != nil {
			fmt.Fprintf(stdio.Err, "sigrun: --run: %v\n", err)
			return ExitUsage
		}
	}
	opts := sigtest.Options{Timeout: c.Timeout}
	var suite *sigtest.Suite
	var err error
	if len(c.Sources) == 0 {
		opts.Load.Prefix = stockPrefix
		suite, err = sigtest.Load(signatures.FS, ".", opts)
	} else {
		suite, err = sigtest.LoadPaths(opts, c.Sources...)
	}
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	defer suite.Close()

	code := ExitOK
	if len(suite.LoadErrors) > 0 {
		code = ExitSigErrs
		if c.Format == "text" {
			for _, e := range suite.LoadErrors {
				fmt.Fprintln(stdio.Err, e)
			}
		}
	}
	w := stdio.Out
	var passed, failed, skipped int
	var results []testJSON
	untested := suite.Untested
	for _, f := range suite.Files {
		// Signatures without tests are listed among the files, in path order.
		for len(untested) > 0 && untested[0].File < f.Path {
			if c.Format == "text" && filter == nil {
				fmt.Fprintf(w, "?   \t%s\t[no test file]\n", untested[0].File)
			}
			untested = untested[1:]
		}
		if f.Err != nil {
			failed++
			results = append(results, testJSON{File: f.Path, Signature: f.Signature, Status: sigtest.Fail, Line: f.Err.Line, Message: f.Err.Msg, Output: []string{}})
			if c.Format == "text" {
				fmt.Fprintf(w, "--- FAIL: %s\n", f.Err.Error())
				fmt.Fprintf(w, "FAIL\t%s\t[does not load]\n", f.Path)
			}
			continue
		}
		fileFailed, ran := false, 0
		for _, name := range f.Tests {
			if filter != nil && !filter.MatchString(name) && !filter.MatchString(f.Signature+"/"+name) {
				continue
			}
			ran++
			if c.Verbose && c.Format == "text" {
				fmt.Fprintf(w, "=== RUN   %s\n", name)
			}
			r := suite.RunTest(stdio.Context, f, name)
			out := r.Output
			if out == nil {
				out = []string{}
			}
			results = append(results, testJSON{File: f.Path, Signature: f.Signature, Name: name, Status: r.Status, Line: r.Line, Message: r.Message, Output: out})
			switch r.Status {
			case sigtest.Pass:
				passed++
			case sigtest.Fail:
				failed++
				fileFailed = true
			case sigtest.Skip:
				skipped++
			}
			if c.Format == "text" {
				printTest(w, r, c.Verbose)
			}
		}
		if c.Format != "text" {
			continue
		}
		switch {
		case fileFailed:
			fmt.Fprintf(w, "FAIL\t%s\n", f.Path)
		case len(f.Tests) == 0:
			fmt.Fprintf(w, "?   \t%s\t[no test_* functions]\n", f.Path)
		case ran == 0:
			if c.Verbose {
				fmt.Fprintf(w, "ok  \t%s\t[no tests to run]\n", f.Path)
			}
		default:
			fmt.Fprintf(w, "ok  \t%s\n", f.Path)
		}
	}
	if c.Format == "text" {
		for _, u := range untested {
			if filter == nil {
				fmt.Fprintf(w, "?   \t%s\t[no test file]\n", u.File)
			}
		}
		if failed > 0 {
			fmt.Fprintln(w, "FAIL")
		} else {
			fmt.Fprintln(w, "PASS")
		}
		summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
		if skipped > 0 {
			summary += fmt.Sprintf(", %d skipped", skipped)
		}
		fmt.Fprintln(w, summary)
	} else {
		writeTestJSON(w, results, suite, passed, failed, skipped)
	}
	if failed > 0 {
		code = worse(code, ExitFailOn)
	}
	return code
}

// printTest prints one test like go test: failures (and skips and passes
// with -v) with their location, message and print output.
func printTest(w io.Writer, r *sigtest.Result, verbose bool) {
	indent := func(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }
	switch r.Status {
	case sigtest.Fail:
		fmt.Fprintf(w, "--- FAIL: %s (%s)\n%s\n", r.Name, r.Location(), indent(r.Message))
	case sigtest.Skip:
		if !verbose {
			return
		}
		fmt.Fprintf(w, "--- SKIP: %s (%s)\n%s\n", r.Name, r.Location(), indent(r.Message))
	default:
		if !verbose {
			return
		}
		fmt.Fprintf(w, "--- PASS: %s\n", r.Name)
	}
	if len(r.Output) > 0 {
		fmt.Fprintln(w, "    output:")
		for _, l := range r.Output {
			fmt.Fprintln(w, indent("    "+l))
		}
	}
}

func writeTestJSON(w io.Writer, results []testJSON, suite *sigtest.Suite, passed, failed, skipped int) {
	untested := []string{}
	for _, u := range suite.Untested {
		untested = append(untested, u.File)
	}
	errs := suite.LoadErrors
	if errs == nil {
		errs = sigrt.Errors{}
	}
	if results == nil {
		results = []testJSON{}
	}
	b, _ := json.MarshalIndent(struct {
		Passed   int          `json:"passed"`
		Failed   int          `json:"failed"`
		Skipped  int          `json:"skipped"`
		Tests    []testJSON   `json:"tests"`
		Untested []string     `json:"untested"`
		Errors   sigrt.Errors `json:"errors"`
	}{passed, failed, skipped, results, untested, errs}, "", "  ")
	w.Write(append(b, '\n'))
}
