//go:build race

package main

// raceBuild makes the slowest CLI tests use smaller inputs under -race.
const raceBuild = true
