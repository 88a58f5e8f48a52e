//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

// terminalSize is the COLUMNS (or 100) and LINES (or 0: unknown) of the
// environment.
func terminalSize() (width, height int) { return envSize() }
