//go:build race

package bindings

// raceEnabled makes the slowest tests use smaller inputs under -race.
const raceEnabled = true
