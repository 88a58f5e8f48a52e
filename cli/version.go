package cli

import (
	"fmt"
	goruntime "runtime"
	"runtime/debug"
)

type versionCmd struct{}

func (versionCmd) Run(stdio *IO) error {
	fmt.Fprintln(stdio.Out, versionString())
	return nil
}

// Version is set at build time with -ldflags "-X .../cli.Version=v1.2.3";
// otherwise the module version (or "devel") is used.
var Version = ""

func versionString() string {
	v := Version
	deps := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = bi.Main.Version
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/yuin/gopher-lua" {
				deps = ", gopher-lua " + d.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	return fmt.Sprintf("sigrun %s (%s%s)", v, goruntime.Version(), deps)
}
