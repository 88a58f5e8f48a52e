// Package cli implements the sigrun command line. Each verb is a thin kong
// command that calls a plain function with injected writers; only main
// calls os.Exit.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
)

// Exit codes (DESIGN.md "CLI").
const (
	ExitOK      = 0 // ran clean
	ExitFailOn  = 1 // --fail-on matched, or a failing test / check problem
	ExitUsage   = 2 // usage error, or a report/output that could not be read or written
	ExitSigErrs = 3 // the run completed but some signature failed to load or raised
)

// worse returns the exit code that wins: 2, then 3, then 1, then 0.
func worse(a, b int) int {
	rank := func(c int) int {
		switch c {
		case ExitUsage:
			return 3
		case ExitSigErrs:
			return 2
		case ExitFailOn:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// IO is where a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// Terminal is true when Out is a terminal: colours and fitted widths.
	Terminal bool
	// Context is cancelled on SIGINT/SIGTERM.
	Context context.Context
}

// Stdio is the process's standard streams, with a context cancelled by
// SIGINT or SIGTERM.
func Stdio() IO {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, restore the default handling so a second
	// Ctrl-C ends the process at once.
	go func() { <-ctx.Done(); stop() }()
	term := false
	if fi, err := os.Stdout.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		term = true
	}
	return IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Terminal: term, Context: ctx}
}

type cli struct {
	Run     runCmd     `cmd:"" default:"withargs" help:"Run signatures over reports (the default verb)."`
	List    listCmd    `cmd:"" help:"List the signatures of a set and their metadata."`
	Test    testCmd    `cmd:"" help:"Run the signature tests (NAME_test.lua beside each signature)."`
	Check   checkCmd   `cmd:"" help:"Load and validate signatures without running them."`
	New     newCmd     `cmd:"" help:"Write a new signature and its test from a template."`
	Types   typesCmd   `cmd:"" help:"Write LuaLS definitions and a .luarc.json for editor completion."`
	Version versionCmd `cmd:"" help:"Print the version."`
}

// exitError carries an exit code out of a kong Run method.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Main runs the command line args and returns the exit code.
func Main(args []string, stdio IO) int {
	if stdio.Context == nil {
		stdio.Context = context.Background()
	}
	var c cli
	parser, err := kong.New(&c,
		kong.Name("sigrun"),
		kong.Description("Run Lua signatures over Cuckoo and CAPE sandbox reports and merge what matched into the report."),
		kong.Writers(stdio.Out, stdio.Err),
		kong.Exit(func(code int) { panic(exitError{code}) }),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Bind(&stdio),
	)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	return run(parser, args, stdio)
}

func run(parser *kong.Kong, args []string, stdio IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(exitError)
			if !ok {
				panic(r)
			}
			code = e.code
			if code == 1 { // kong's own usage errors exit 1; ours say 2
				code = ExitUsage
			}
		}
	}()
	ctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	if err := ctx.Run(); err != nil {
		var e exitError
		if errors.As(err, &e) {
			return e.code
		}
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	return ExitOK
}
