package stdlib

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// newState returns a state with the standard Lua libraries and sigrun's modules.
func newState(t testing.TB) *lua.LState {
	t.Helper()
	L := lua.NewState()
	t.Cleanup(L.Close)
	Open(L, L.G.Global)
	return L
}

// eval runs a Lua chunk and renders what it returns, comma-separated.
func eval(L *lua.LState, code string) (string, error) {
	L.SetTop(0)
	fn, err := L.LoadString(code)
	if err != nil {
		return "", err
	}
	L.Push(fn)
	if err := L.PCall(0, lua.MultRet, nil); err != nil {
		return "", err
	}
	var out []string
	for i := 1; i <= L.GetTop(); i++ {
		out = append(out, show(L.Get(i)))
	}
	L.SetTop(0)
	return strings.Join(out, ", "), nil
}

// show renders a Lua value deterministically: strings quoted, sequences as {a, b}, other
// tables as {k=v} with sorted keys, json.null as null.
func show(v lua.LValue) string {
	switch v := v.(type) {
	case lua.LString:
		return strconv.Quote(string(v))
	case *lua.LTable:
		n := 0
		v.ForEach(func(lua.LValue, lua.LValue) { n++ })
		var parts []string
		if n == v.MaxN() {
			for i := 1; i <= n; i++ {
				parts = append(parts, show(v.RawGetInt(i)))
			}
		} else {
			v.ForEach(func(k, val lua.LValue) {
				ks := k.String()
				if _, ok := k.(lua.LNumber); ok {
					ks = "[" + ks + "]"
				}
				parts = append(parts, ks+"="+show(val))
			})
			slices.Sort(parts)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *lua.LUserData:
		if v == Null {
			return "null"
		}
	}
	return v.String()
}

type luaCase struct {
	name string
	code string // a chunk that returns the values to check
	want string // show() of the results, comma-separated; or the error substring if err
	err  bool
}

func runCases(t *testing.T, cases []luaCase) {
	t.Helper()
	L := newState(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := eval(L, c.code)
			if c.err {
				if err == nil {
					t.Fatalf("%s\n= %s, want error containing %q", c.code, got, c.want)
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Fatalf("%s\nerror %q\nwant it to contain %q", c.code, err.Error(), c.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s\nunexpected error: %v", c.code, err)
			}
			if got != c.want {
				t.Fatalf("%s\n got %s\nwant %s", c.code, got, c.want)
			}
		})
	}
}

func TestOpenInstallsEverything(t *testing.T) {
	L := newState(t)
	want := map[string][]string{
		"re":     {"match", "find", "find_all", "gsub", "split"},
		"json":   {"encode", "decode", "null"},
		"path":   {"basename", "dirname", "extension", "normalize", "join", "is_under"},
		"net":    {"is_ip", "is_private_ip", "is_public_ip", "parse_url", "registered_domain", "public_suffix", "tld"},
		"hash":   {"md5", "sha1", "sha256"},
		"string": {"startswith", "endswith", "contains", "split", "trim", "format", "rep"},
	}
	for mod, names := range want {
		tb, ok := L.G.Global.RawGetString(mod).(*lua.LTable)
		if !ok {
			t.Fatalf("global %s is not a table", mod)
		}
		for _, n := range names {
			if tb.RawGetString(n) == lua.LNil {
				t.Errorf("%s.%s is missing", mod, n)
			}
		}
	}
}

func TestStringMethods(t *testing.T) {
	runCases(t, []luaCase{
		{"method startswith", `return ("Hello"):startswith("He")`, "true", false},
		{"method nocase", `local s = "HELLO.EXE" return s:endswith(".exe", true), s:contains("lo.e", {nocase=true})`, "true, true", false},
		{"method split", `return ("a,b"):split(",")`, `{"a", "b"}`, false},
		{"method trim", `return (" x "):trim()`, `"x"`, false},
		{"lua string lib intact", `return ("abc"):upper(), string.format("%d", 3)`, `"ABC", "3"`, false},
	})
}

// A sandbox may give signatures a copy of the string library; methods still resolve through
// the original table, which Open must also extend.
func TestOpenWithCopiedStringTable(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	g := L.NewTable()
	orig := L.G.Global.RawGetString("string").(*lua.LTable)
	cp := L.NewTable()
	orig.ForEach(func(k, v lua.LValue) { cp.RawSet(k, v) })
	cp.RawSetString("dump", lua.LNil)
	g.RawSetString("string", cp)
	Open(L, g)
	if cp.RawGetString("startswith") == lua.LNil {
		t.Fatal("copied string table not extended")
	}
	if orig.RawGetString("startswith") == lua.LNil {
		t.Fatal("string metatable's __index not extended")
	}
	if g.RawGetString("re") == lua.LNil || L.G.Global.RawGetString("re") != lua.LNil {
		t.Fatal("modules must go into g only")
	}

	// Without any string table, Open creates one.
	g2 := L.NewTable()
	Open(L, g2)
	if st, ok := g2.RawGetString("string").(*lua.LTable); !ok || st.RawGetString("trim") == lua.LNil {
		t.Fatal("no string table created")
	}
}

// Every function returns nil, false or an empty list for a nil subject.
func TestNilSubject(t *testing.T) {
	runCases(t, []luaCase{
		{"re.match", `return re.match(nil, "x")`, "false", false},
		{"re.find", `return re.find(nil, "x")`, "nil", false},
		{"re.find_all", `return re.find_all(nil, "x")`, "{}", false},
		{"re.gsub", `return re.gsub(nil, "x", "y")`, "nil, 0", false},
		{"re.split", `return re.split(nil, ",")`, "{}", false},
		{"json.decode", `return json.decode(nil)`, "nil", false},
		{"json.encode", `return json.encode(nil)`, `"null"`, false},
		{"path.basename", `return path.basename(nil)`, "nil", false},
		{"path.dirname", `return path.dirname(nil)`, "nil", false},
		{"path.extension", `return path.extension(nil)`, "nil", false},
		{"path.normalize", `return path.normalize(nil)`, "nil", false},
		{"path.join", `return path.join(nil, "a", nil, "b")`, `"a\\b"`, false},
		{"path.join none", `return path.join()`, `""`, false},
		{"path.is_under", `return path.is_under(nil, "c:\\")`, "false", false},
		{"net.is_ip", `return net.is_ip(nil)`, "false", false},
		{"net.is_private_ip", `return net.is_private_ip(nil)`, "false", false},
		{"net.is_public_ip", `return net.is_public_ip(nil)`, "false", false},
		{"net.parse_url", `return net.parse_url(nil)`, "nil", false},
		{"net.registered_domain", `return net.registered_domain(nil)`, "nil", false},
		{"net.public_suffix", `return net.public_suffix(nil)`, "nil", false},
		{"net.tld", `return net.tld(nil)`, "nil", false},
		{"hash.md5", `return hash.md5(nil)`, "nil", false},
		{"hash.sha1", `return hash.sha1(nil)`, "nil", false},
		{"hash.sha256", `return hash.sha256(nil)`, "nil", false},
		{"string.startswith", `return string.startswith(nil, "a")`, "false", false},
		{"string.endswith", `return string.endswith(nil, "a")`, "false", false},
		{"string.contains", `return string.contains(nil, "a")`, "false", false},
		{"string.split", `return string.split(nil, ",")`, "{}", false},
		{"string.trim", `return string.trim(nil)`, "nil", false},
		{"string.trim chars", `return string.trim(nil, "x")`, "nil", false},
	})
}

// Wrong types raise errors that name the function and the argument.
func TestBadArguments(t *testing.T) {
	runCases(t, []luaCase{
		{"re.match subject", `return re.match({}, "x")`, "bad argument #1 to 're.match' (string expected, got table)", true},
		{"re.match pattern nil", `return re.match("x", nil)`, "bad argument #2 to 're.match' (string expected, got nil)", true},
		{"re.find_all n", `return re.find_all("x", "x", "a")`, "bad argument #3 to 're.find_all' (number expected, got string)", true},
		{"re.gsub repl", `return re.gsub("x", "x", {})`, "bad argument #3 to 're.gsub' (string or function expected, got table)", true},
		{"re.split pattern", `return re.split("x", true)`, "bad argument #2 to 're.split' (string expected, got boolean)", true},
		{"json.decode", `return json.decode({})`, "bad argument #1 to 'json.decode' (string expected, got table)", true},
		{"path.basename", `return path.basename(true)`, "bad argument #1 to 'path.basename' (string expected, got boolean)", true},
		{"path.is_under dir", `return path.is_under("c:\\x", nil)`, "bad argument #2 to 'path.is_under' (string expected, got nil)", true},
		{"path.join elem", `return path.join("a", {})`, "bad argument #2 to 'path.join' (string expected, got table)", true},
		{"net.is_ip", `return net.is_ip(function() end)`, "bad argument #1 to 'net.is_ip' (string expected, got function)", true},
		{"net.parse_url", `return net.parse_url({})`, "bad argument #1 to 'net.parse_url'", true},
		{"net.tld", `return net.tld({})`, "bad argument #1 to 'net.tld'", true},
		{"hash.sha256", `return hash.sha256({})`, "bad argument #1 to 'hash.sha256' (string expected, got table)", true},
		{"startswith prefix", `return string.startswith("a", nil)`, "bad argument #2 to 'string.startswith' (string expected, got nil)", true},
		{"startswith nocase", `return string.startswith("a", "a", "yes")`, "bad argument #3 to 'string.startswith' (boolean or options table expected, got string)", true},
		{"contains sub", `return ("a"):contains({})`, "bad argument #2 to 'string.contains'", true},
		{"split n", `return string.split("a", ",", {})`, "bad argument #3 to 'string.split' (number expected, got table)", true},
		{"trim chars", `return string.trim("a", {})`, "bad argument #2 to 'string.trim' (string expected, got table)", true},
		{"error has position", `return re.match({}, "x")`, "<string>:1:", true},
	})
}

func TestNumbersAsStrings(t *testing.T) {
	runCases(t, []luaCase{
		{"re.match number", `return re.match(12345, "^\\d+$")`, "true", false},
		{"hash number", `return hash.md5(1)`, `"c4ca4238a0b923820dcc509a6f75849b"`, false},
		{"startswith number", `return string.startswith(1234, 12)`, "true", false},
	})
}
