package stdlib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// module is one table of Go functions installed by Open.
type module struct {
	name  string
	funcs []function
}

// function is one Go function of a module; name is its short name inside the module.
type function struct {
	name string
	fn   lua.LGFunction
}

// modules is filled by the init functions of the module files, so each file owns its list.
var modules []module

// stringFuncs are the helpers added to the string table (and so to string methods).
var stringFuncs []function

// Open installs sigrun's modules into g, the globals table a signature sees: the tables re,
// json, path, net and hash, and the string helpers (startswith, endswith, split, trim,
// contains) added to g.string, so that both string.startswith(s, p) and s:startswith(p) work.
//
// If g.string is not a table, a new string table holding only the helpers is created. When the
// state's string metatable indexes a different table than g.string (a sandbox that copied the
// string library), the helpers are added there too, so method calls find them.
//
// Open is meant to be called once per LState, from the goroutine that owns L; calling it again
// replaces the module tables with fresh ones. The installed functions keep no per-state data
// except through L; the only shared state is the compiled-regexp cache, which is safe for
// concurrent use.
func Open(L *lua.LState, g *lua.LTable) {
	for _, m := range modules {
		t := L.CreateTable(0, len(m.funcs)+1)
		for _, f := range m.funcs {
			t.RawSetString(f.name, L.NewFunction(f.fn))
		}
		if m.name == "json" {
			t.RawSetString("null", Null)
		}
		g.RawSetString(m.name, t)
	}

	st, ok := g.RawGetString("string").(*lua.LTable)
	if !ok {
		st = L.CreateTable(0, len(stringFuncs))
		g.RawSetString("string", st)
	}
	for _, f := range stringFuncs {
		st.RawSetString(f.name, L.NewFunction(f.fn))
	}
	// String methods look up the string metatable's __index, which in gopher-lua is the
	// original string library table; install there too if it is a different table.
	if mt, ok := L.GetMetatable(lua.LString("")).(*lua.LTable); ok {
		if idx, ok := mt.RawGetString("__index").(*lua.LTable); ok && idx != st {
			for _, f := range stringFuncs {
				if idx.RawGetString(f.name) == lua.LNil {
					idx.RawSetString(f.name, st.RawGetString(f.name))
				}
			}
		}
	}
}

// args checks the arguments of one Go function called from Lua and raises errors that name
// the function the way signature authors wrote it ("re.match", "string.trim").
type args struct {
	L    *lua.LState
	name string
}

func (a args) raise(format string, v ...any) {
	a.L.RaiseError("%s", fmt.Sprintf(format, v...))
}

func (a args) argError(n int, msg string) {
	a.raise("bad argument #%d to '%s' (%s)", n, a.name, msg)
}

func (a args) typeError(n int, want string) {
	a.argError(n, fmt.Sprintf("%s expected, got %s", want, typeName(a.L.Get(n))))
}

// typeName is the Lua type name of v, with "no value" for a missing argument shown as nil.
func typeName(v lua.LValue) string {
	return v.Type().String()
}

// subject returns argument n as a string, with ok == false when it is nil or absent: the
// subject of every sigrun helper is nil-tolerant. Numbers are converted as Lua does.
func (a args) subject(n int) (s string, ok bool) {
	switch v := a.L.Get(n).(type) {
	case lua.LString:
		return string(v), true
	case lua.LNumber:
		return v.String(), true
	case *lua.LNilType:
		return "", false
	}
	a.typeError(n, "string")
	return "", false
}

// str returns argument n as a string; nil is an error.
func (a args) str(n int) string {
	switch v := a.L.Get(n).(type) {
	case lua.LString:
		return string(v)
	case lua.LNumber:
		return v.String()
	}
	a.typeError(n, "string")
	return ""
}

// optInt returns argument n as an integer count, or def when it is nil or absent. Counts
// beyond ±2^31 (math.huge included) mean "no limit", -1.
func (a args) optInt(n int, def int) int {
	switch v := a.L.Get(n).(type) {
	case *lua.LNilType:
		return def
	case lua.LNumber:
		f := float64(v)
		switch {
		case f != f:
			a.argError(n, "number expected, got NaN")
		case f > 1<<31 || f < -(1<<31):
			return -1
		}
		return int(f)
	}
	a.typeError(n, "number")
	return 0
}

// nocase reads the optional case-insensitivity argument n: nil, a boolean, or an options
// table whose field nocase is truthy.
func (a args) nocase(n int) bool {
	switch v := a.L.Get(n).(type) {
	case *lua.LNilType:
		return false
	case lua.LBool:
		return bool(v)
	case *lua.LTable:
		return lua.LVAsBool(v.RawGetString("nocase"))
	}
	a.typeError(n, "boolean or options table")
	return false
}

// list makes a Lua sequence of strings.
func list(L *lua.LState, items []string) *lua.LTable {
	t := L.CreateTable(len(items), 0)
	for _, s := range items {
		t.Append(lua.LString(s))
	}
	return t
}
