//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

// terminalSize is the COLUMNS (or 100) and LINES (or 0: unknown) of the
// environment.
func terminalSize() (width, height int) { return envSize() }

// onResize does nothing here: the screen is redrawn on the next update.
func onResize(fn func()) (stop func()) { return func() {} }
