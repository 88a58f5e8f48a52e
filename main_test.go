package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/sigrun-dev/sigrun/cli"
)

var update = flag.Bool("update", false, "rewrite the testscript files' golden output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sigrun": func() { os.Exit(cli.Main(os.Args[1:], cli.Stdio())) },
	})
}

// TestScript runs the CLI through the real binary: testdata/script/*.txtar.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds:                scriptCmds,
		Setup: func(env *testscript.Env) error {
			env.Setenv("COLUMNS", "200")
			return nil
		},
	})
}
