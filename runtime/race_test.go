//go:build race

package runtime_test

// raceEnabled makes the slowest tests use smaller inputs under -race.
const raceEnabled = true
