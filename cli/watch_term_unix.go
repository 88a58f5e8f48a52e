//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// terminalSize is the size of the terminal on standard output, else the
// COLUMNS (or 100) and LINES (or 0: unknown) of the environment.
func terminalSize() (width, height int) {
	if ws, err := unix.IoctlGetWinsize(int(os.Stdout.Fd()), unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
		return int(ws.Col), int(ws.Row)
	}
	return envSize()
}
