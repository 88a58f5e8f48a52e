//go:build !race

package bindings

const raceEnabled = false
