//go:build race

package cli

// raceBuild makes the slowest tests use smaller inputs under -race.
const raceBuild = true
