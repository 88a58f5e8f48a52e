package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"

	"github.com/sigrun-dev/sigrun/bindings"
	"github.com/sigrun-dev/sigrun/runtime/sigtest"
)

// declared is every global and module function the definition files
// declare, e.g. "mark", "re.match", "json.null".
func declared(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fnRE := regexp.MustCompile(`(?m)^function ([A-Za-z_][\w.]*)\(`)
	varRE := regexp.MustCompile(`(?m)^([A-Za-z_]\w*) = `)
	fieldRE := regexp.MustCompile(`(?m)^---@class sigrun\.(\w+)lib\n(?:---@field (\w+) .*\n)*`)
	entries, err := luals.ReadDir("luals")
	if err != nil || len(entries) == 0 {
		t.Fatalf("no definition files: %v", err)
	}
	for _, e := range entries {
		src, _ := luals.ReadFile("luals/" + e.Name())
		if _, err := parse.Parse(bytes.NewReader(src), e.Name()); err != nil {
			t.Errorf("%s does not parse: %v", e.Name(), err)
		}
		if !bytes.HasPrefix(src, []byte("---@meta")) {
			t.Errorf("%s does not start with ---@meta", e.Name())
		}
		for _, m := range fnRE.FindAllSubmatch(src, -1) {
			out[string(m[1])] = true
		}
		for _, m := range varRE.FindAllSubmatch(src, -1) {
			out[string(m[1])] = true
		}
		for _, m := range fieldRE.FindAllSubmatch(src, -1) {
			for _, f := range regexp.MustCompile(`---@field (\w+)`).FindAllSubmatch(m[0], -1) {
				out[string(m[1])+"."+string(f[1])] = true
			}
		}
	}
	return out
}

// TestTypesCoverSandbox checks that every global a signature can read, and
// every function of sigrun's modules, has a definition.
func TestTypesCoverSandbox(t *testing.T) {
	decl := declared(t)
	st := bindings.NewState(bindings.Options{})
	defer st.Close()
	proto, err := lua.Compile(nil, "x")
	if err != nil {
		t.Fatal(err)
	}
	in, err := st.Instantiate(proto, "", "x", 1)
	if err != nil {
		t.Fatal(err)
	}
	// Lua's own string, table and math come from LuaLS's built-in definitions.
	plain := lua.NewState()
	defer plain.Close()
	builtin := func(lib, key string) bool {
		t, ok := plain.GetGlobal(lib).(*lua.LTable)
		return ok && t.RawGetString(key) != lua.LNil
	}
	seen := map[string]bool{}
	check := func(k, v lua.LValue) {
		name := k.String()
		if name == "_G" || seen[name] {
			return
		}
		seen[name] = true
		tab, isTab := v.(*lua.LTable)
		if !isTab || name == "string" || name == "table" || name == "math" || name == "os" || decl[name] {
			if !isTab && !decl[name] {
				t.Errorf("global %s has no definition", name)
			}
		}
		if !isTab {
			return
		}
		if !decl[name] && name != "string" && name != "table" && name != "math" {
			t.Errorf("module %s has no definition", name)
		}
		tab.ForEach(func(fk, _ lua.LValue) {
			full := name + "." + fk.String()
			if (name == "string" || name == "table" || name == "math") && builtin(name, fk.String()) {
				return
			}
			if !decl[full] {
				t.Errorf("%s has no definition", full)
			}
		})
	}
	in.Env.ForEach(check)
	in.Env.Metatable.(*lua.LTable).RawGetString("__index").(*lua.LTable).ForEach(check)
	for _, n := range sigtest.APINames {
		if !decl[n] {
			t.Errorf("test API %s has no definition", n)
		}
	}
	for _, n := range []string{"name", "description", "severity", "categories", "families", "authors", "references", "ttps",
		"enabled", "enable", "alert", "order", "markcount", "filter_apinames", "filter_categories", "filter_processnames",
		"filter_arguments", "run", "on_call", "on_process", "on_complete"} {
		if !decl[n] {
			t.Errorf("metadata or hook %s has no definition", n)
		}
	}
}

// TestTypesCoverDoc checks the function list of stdlib/doc.go.
func TestTypesCoverDoc(t *testing.T) {
	decl := declared(t)
	doc, err := os.ReadFile("../stdlib/doc.go")
	if err != nil {
		t.Skipf("stdlib/doc.go: %v", err)
	}
	n := 0
	for _, m := range regexp.MustCompile(`(?m)^//\t([a-z]+\.[a-z_]+)[ (]`).FindAllSubmatch(doc, -1) {
		n++
		if name := string(m[1]); !decl[name] {
			t.Errorf("%s (stdlib/doc.go) has no definition", name)
		}
	}
	if n < 20 {
		t.Errorf("found only %d functions in stdlib/doc.go", n)
	}
}

func TestWriteTypes(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	stdio := &IO{Out: &out, Err: &errb}
	if code := writeTypes(stdio, dir, false); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	rc, err := os.ReadFile(dir + "/.luarc.json")
	if err != nil || !strings.Contains(string(rc), `"workspace.library": [".sigrun/types"]`) {
		t.Fatalf(".luarc.json: %v %s", err, rc)
	}
	os.WriteFile(dir+"/.luarc.json", []byte("{}"), 0o644)
	if code := writeTypes(stdio, dir, false); code != ExitOK || !strings.Contains(out.String(), "kept") {
		t.Fatalf("existing .luarc.json: exit %d, %s", code, out.String())
	}
	if rc, _ := os.ReadFile(dir + "/.luarc.json"); string(rc) != "{}" {
		t.Error("existing .luarc.json was replaced without --force")
	}
}
