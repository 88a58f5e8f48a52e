// Command sigrun runs Lua signatures over Cuckoo and CAPE sandbox reports.
package main

import (
	"os"

	"github.com/sigrun-dev/sigrun/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Stdio()))
}
