//go:build race

package runtime

// rbRaceEnabled makes the robustness tests use smaller inputs under -race.
const rbRaceEnabled = true
