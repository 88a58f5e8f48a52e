//go:build !race

package runtime

const rbRaceEnabled = false
