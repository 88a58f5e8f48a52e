package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/signatures"
)

type checkCmd struct {
	Sources []string `arg:"" optional:"" name:"SIGDIR" help:"Signature directories or .lua files (default: the embedded stock set)."`
	Format  string   `enum:"text,json" default:"text" help:"Output format: text or json."`
}

func (c *checkCmd) Run(stdio *IO) error {
	if code := checkSigs(stdio, c.Sources, c.Format); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// checkSigs is the check verb: load and validate without running, print
// every problem, exit 1 when one is an error (warnings alone exit 0).
func checkSigs(stdio *IO, sources []string, format string) int {
	var files []sigrt.File
	var err error
	if len(sources) == 0 {
		files, err = sigrt.ReadFS(signatures.FS, ".")
		for i := range files {
			files[i].Path = path.Join(stockPrefix, files[i].Path)
		}
	} else {
		for _, s := range sources {
			if _, statErr := os.Stat(s); statErr != nil {
				fmt.Fprintf(stdio.Err, "sigrun: %s: %v\n", s, unwrapPath(statErr))
				return ExitUsage
			}
		}
		files, err = sigrt.ReadPaths(sources...)
	}
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", unwrapPath(err))
		return ExitUsage
	}
	set, problems, err := sigrt.LoadOptions{}.Check(files)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	nerr, nwarn := 0, 0
	for _, p := range problems {
		if p.Kind == sigrt.KindWarning {
			nwarn++
		} else {
			nerr++
		}
	}
	if format == "json" {
		if problems == nil {
			problems = sigrt.Errors{}
		}
		b, _ := json.MarshalIndent(struct {
			Files      int          `json:"files"`
			Signatures int          `json:"signatures"`
			Errors     int          `json:"errors"`
			Warnings   int          `json:"warnings"`
			Problems   sigrt.Errors `json:"problems"`
		}{len(files), set.Len(), nerr, nwarn, problems}, "", "  ")
		stdio.Out.Write(append(b, '\n'))
	} else {
		src := map[string][]byte{}
		for _, f := range files {
			src[f.Path] = f.Src
		}
		for _, p := range problems {
			printProblem(stdio.Out, p, src[p.File])
		}
		fmt.Fprintf(stdio.Out, "%d %s: %s, %s\n", len(files), plural(len(files), "file", "files"),
			count(nerr, "error", "errors"), count(nwarn, "warning", "warnings"))
	}
	if nerr > 0 {
		return ExitFailOn
	}
	return ExitOK
}

// printProblem prints file:line[:col]: message, the source line with a
// caret under the column when known, and the hint. Errors that render
// their source line themselves are printed as they are.
func printProblem(w io.Writer, e *sigrt.Error, src []byte) {
	text := e.Error()
	line := sourceLine(src, e.Line)
	num := strconv.Itoa(e.Line)
	if line == "" || strings.Contains(text, "\n\t"+num+" | ") {
		fmt.Fprintln(w, text)
		return
	}
	msg := *e
	msg.Hint = ""
	fmt.Fprintln(w, msg.Error())
	fmt.Fprintf(w, "\t%s | %s\n", num, line)
	if e.Col > 0 && e.Col <= len(line)+1 {
		pad := []byte(line[:e.Col-1])
		for i, c := range pad {
			if c != '\t' {
				pad[i] = ' '
			}
		}
		fmt.Fprintf(w, "\t%s | %s^\n", strings.Repeat(" ", len(num)), pad)
	}
	if e.Hint != "" {
		fmt.Fprintln(w, "\thint: "+e.Hint)
	}
}

func sourceLine(src []byte, n int) string {
	if n < 1 || src == nil {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	if n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + plural(n, one, many)
}
