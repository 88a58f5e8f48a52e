package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/signatures"
)

// stockPrefix names the embedded stock files in messages.
const stockPrefix = "signatures"

// isSource reports whether arg names a signature source: a directory or a
// .lua file.
func isSource(arg string) bool {
	if strings.HasSuffix(arg, ".lua") {
		return true
	}
	fi, err := os.Stat(arg)
	return err == nil && fi.IsDir()
}

// splitArgs separates the leading signature sources from the reports. A
// directory after the first report is an error.
func splitArgs(args []string) (sources, reports []string, err error) {
	i := 0
	for i < len(args) && isSource(args[i]) {
		i++
	}
	sources, reports = args[:i], args[i:]
	for _, r := range reports {
		if fi, err := os.Stat(r); err == nil && fi.IsDir() {
			return nil, nil, fmt.Errorf("%s: is a directory, expected a report (signature directories come before the reports)", r)
		}
	}
	return sources, reports, nil
}

// loadSet loads the given sources, or the embedded stock set when none.
func loadSet(sources []string) (*sigrt.Set, sigrt.Errors, error) {
	if len(sources) == 0 {
		return sigrt.LoadOptions{Prefix: stockPrefix}.Load(signatures.FS, ".")
	}
	for _, s := range sources {
		if _, err := os.Stat(s); err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, nil, fmt.Errorf("%s: %v", s, err)
		}
	}
	return sigrt.LoadDir(sources...)
}
