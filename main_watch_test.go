package main

import (
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the custom testscript commands for the watch tests.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"waitmatch": waitMatch,
	"waitline":  waitLine,
}

// waitDeadline bounds every wait of a script; the waits poll the file.
const waitDeadline = 20 * time.Second

// waitMatch: waitmatch FILE REGEXP waits until a line of FILE matches.
func waitMatch(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: waitmatch FILE REGEXP")
	}
	re, err := regexp.Compile(`(?m)` + args[1])
	ts.Check(err)
	poll(ts, args[0], "a line matching "+args[1], func(data string) bool { return re.MatchString(data) })
}

// seqKey is the key watch mode adds to the ndjson objects.
var seqKey = regexp.MustCompile(`^\{"seq":\d+,`)

// waitLine: waitline FILE WANT waits until the last line of FILE, without
// its "seq" key, is the (one-line) content of WANT: a watch output equal to
// a cold run's.
func waitLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: waitline FILE WANT")
	}
	want := strings.TrimSpace(ts.ReadFile(args[1]))
	poll(ts, args[0], "a last line equal to "+args[1], func(data string) bool {
		lines := strings.Split(strings.TrimSpace(data), "\n")
		return seqKey.ReplaceAllString(lines[len(lines)-1], "{") == want
	})
}

func poll(ts *testscript.TestScript, file, what string, ok func(string) bool) {
	path := ts.MkAbs(file)
	var data []byte
	for end := time.Now().Add(waitDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		data, _ = os.ReadFile(path)
		if ok(string(data)) {
			return
		}
	}
	ts.Fatalf("%s: no %s within %v; it holds:\n%s", file, what, waitDeadline, data)
}
