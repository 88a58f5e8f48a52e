//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"os"
	"os/signal"

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

// onResize calls fn when the terminal is resized, until stop is called.
func onResize(fn func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	done, ended := make(chan struct{}), make(chan struct{})
	signal.Notify(ch, unix.SIGWINCH)
	go func() {
		defer close(ended)
		for {
			select {
			case <-ch:
				fn()
			case <-done:
				return
			}
		}
	}()
	return func() { signal.Stop(ch); close(done); <-ended }
}
