package cli

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// luals holds the LuaLS definition files `sigrun types` writes.
//
//go:embed luals/*.lua
var luals embed.FS

// typesDir is where the definition files go, inside the target directory.
// It is hidden, so that sigrun never loads the definitions as signatures.
const typesDir = ".sigrun/types"

const luarc = `{
  "$schema": "https://raw.githubusercontent.com/LuaLS/vscode-lua/master/setting/schema.json",
  "runtime.version": "Lua 5.1",
  "runtime.builtin": {
    "basic": "disable",
    "os": "disable",
    "io": "disable",
    "debug": "disable",
    "package": "disable",
    "coroutine": "disable",
    "utf8": "disable",
    "bit": "disable",
    "bit32": "disable",
    "jit": "disable",
    "ffi": "disable",
    "table.new": "disable",
    "table.clear": "disable"
  },
  "workspace.library": [".sigrun/types"],
  "workspace.checkThirdParty": false,
  "diagnostics.disable": ["lowercase-global"]
}
`

type typesCmd struct {
	Dir   string `arg:"" optional:"" default:"." name:"DIR" help:"Directory to write .luarc.json and .sigrun/types/ into (default: the current directory)."`
	Force bool   `help:"Overwrite an existing .luarc.json."`
}

func (c *typesCmd) Run(stdio *IO) error {
	if code := writeTypes(stdio, c.Dir, c.Force); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// writeTypes writes the LuaLS definitions (always: they are generated) and
// a .luarc.json that points lua-language-server at them (unless one exists).
func writeTypes(stdio *IO, dir string, force bool) int {
	fail := func(err error) int {
		fmt.Fprintln(stdio.Err, "sigrun:", err)
		return ExitUsage
	}
	defs := filepath.Join(dir, filepath.FromSlash(typesDir))
	if err := os.MkdirAll(defs, 0o755); err != nil {
		return fail(err)
	}
	entries, _ := fs.ReadDir(luals, "luals")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		data, _ := luals.ReadFile("luals/" + n)
		p := filepath.Join(defs, n)
		if err := writeAtomic(p, data); err != nil {
			return fail(fmt.Errorf("%s: %v", p, err))
		}
		fmt.Fprintf(stdio.Out, "wrote %s\n", p)
	}
	rc := filepath.Join(dir, ".luarc.json")
	if _, err := os.Stat(rc); err == nil && !force {
		fmt.Fprintf(stdio.Out, "kept %s (it exists)\n\thint: it needs \"workspace.library\": [%q]; --force replaces it\n", rc, typesDir)
		return ExitOK
	}
	if err := writeAtomic(rc, []byte(luarc)); err != nil {
		return fail(fmt.Errorf("%s: %v", rc, err))
	}
	fmt.Fprintf(stdio.Out, "wrote %s\n", rc)
	return ExitOK
}
