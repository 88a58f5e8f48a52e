package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

type listCmd struct {
	Sources []string `arg:"" optional:"" name:"SIGDIR" help:"Signature directories or .lua files (default: the embedded stock set)."`
	Format  string   `enum:"text,json" default:"text" help:"Output format: text or json."`
}

func (c *listCmd) Run(stdio *IO) error {
	if code := listSigs(stdio, c.Sources, c.Format); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// listSigs prints the metadata of a set: a table, or a JSON array.
func listSigs(stdio *IO, sources []string, format string) int {
	set, errs, err := loadSet(sources)
	if err != nil {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	errs = onlyErrors(errs)
	for _, e := range errs {
		fmt.Fprintln(stdio.Err, e)
	}
	if format == "json" {
		sigs := set.Signatures()
		if sigs == nil {
			sigs = []*sigrt.Signature{}
		}
		b, _ := json.MarshalIndent(sigs, "", "  ")
		stdio.Out.Write(append(b, '\n'))
	} else {
		t := newTable(stdio.Out)
		t.row("NAME", "SEV", "ORDER", "HOOKS", "CATEGORIES", "DESCRIPTION")
		for _, s := range set.Signatures() {
			name := s.Name
			if !s.Enabled {
				name += " (disabled)"
			}
			t.row(name, strconv.Itoa(s.Severity), strconv.Itoa(s.Order), strings.Join(s.Hooks(), ","), strings.Join(s.Categories, ","), s.Description)
		}
		t.flush()
		fmt.Fprintf(stdio.Out, "%d signatures\n", set.Len())
	}
	if len(errs) > 0 {
		return ExitSigErrs
	}
	return ExitOK
}
