package bindings

import (
	"strconv"
	"strings"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"
)

// luaCases are string-library calls and their results as printed by the
// reference Lua 5.1.5 (values joined by ",", strings %q-quoted, a failing
// pcall as "false", a raising expression as "ERR").
var luaCases = []struct{ expr, want string }{
	{"(\"hello world\"):find(\"o w\")", "5,7"},
	{"(\"hello world\"):find(\"o\", 6)", "8,8"},
	{"(\"hello world\"):find(\"l+\")", "3,4"},
	{"(\"hello world\"):find(\"(l+)(o)\")", "3,5,\"ll\",\"o\""},
	{"(\"hello\"):find(\"\")", "1,0"},
	{"(\"hello\"):find(\"\", 10)", "6,5"},
	{"(\"hello\"):find(\"l\", -2)", "4,4"},
	{"(\"hello\"):find(\"l\", -100)", "3,3"},
	{"(\"a.b\"):find(\".\", 1, true)", "2,2"},
	{"(\"a+b\"):find(\"+\", 1, true)", "2,2"},
	{"(\"a+b\"):find(\"a+b\")", "nil"},
	{"(\"hello\"):match(\"^(h)(e)\")", "\"h\",\"e\""},
	{"(\"hello\"):match(\"^e\")", "nil"},
	{"(\"  trim  \"):match(\"^%s*(.-)%s*$\")", "\"trim\""},
	{"(\"key = value\"):match(\"(%w+)%s*=%s*(%w+)\")", "\"key\",\"value\""},
	{"(\"hello\"):match(\"()ll()\")", "3,5"},
	{"(\"THE (quick) fox\"):find(\"%((%a+)%)\")", "5,11,\"quick\""},
	{"(\"f(a(b)c)d\"):match(\"%b()\")", "\"(a(b)c)\""},
	{"(\"THE (quick) fox\"):match(\"%f[%a]%a+\", 5)", "\"quick\""},
	{"(\"hello world from lua\"):gsub(\"%w+\", \"<%0>\")", "\"<hello> <world> <from> <lua>\",4"},
	{"(\"hello world\"):gsub(\"o\", \"0\", 1)", "\"hell0 world\",1"},
	{"(\"hello world\"):gsub(\"(%w+) (%w+)\", \"%2 %1\")", "\"world hello\",1"},
	{"(\"abc\"):gsub(\"\", \"-\")", "\"-a-b-c-\",4"},
	{"(\"abc\"):gsub(\"%w\", {a=\"1\", b=true})", "ERR"},
	{"(\"abc\"):gsub(\"%w\", function(c) if c == \"b\" then return nil end return c:upper() end)", "\"AbC\",3"},
	{"(\"abc\"):gsub(\"^a\", \"x\")", "\"xbc\",1"},
	{"(\"aaa\"):gsub(\"^a\", \"x\")", "\"xaa\",1"},
	{"(\"abc\"):gsub(\"b*\", \"-\")", "\"-a--c-\",4"},
	{"(\"x = 1, y = 2\"):gsub(\"(%w+) = (%w+)\", \"%2 = %1\")", "\"1 = x, 2 = y\",2"},
	{"(\"100%\"):gsub(\"%%\", \" percent\")", "\"100 percent\",1"},
	{"(\"abc\"):gsub(\".\", \"%%\")", "\"%%%\",3"},
	{"(\"abc\"):gsub(\"b\", 5)", "\"a5c\",1"},
	{"(\"hello\"):gsub(\"l\", \"%1\")", "\"hello\",2"},
	{"(\"a,b,,c\"):gsub(\",\", \";\")", "\"a;b;;c\",3"},
	{"(function() local t = {} for w in (\"one two  three\"):gmatch(\"%a+\") do t[#t+1] = w end return table.concat(t, \"|\") end)()", "\"one|two|three\""},
	{"(function() local t = {} for k, v in (\"a=1, b=2\"):gmatch(\"(%w+)=(%w+)\") do t[#t+1] = k .. v end return table.concat(t, \"|\") end)()", "\"a1|b2\""},
	{"(function() local t = {} for w in (\"abc\"):gmatch(\"\") do t[#t+1] = \"[\" .. w .. \"]\" end return table.concat(t, \"|\") end)()", "\"[]|[]|[]|[]\""},
	{"(function() local t = {} for p in (\"abc\"):gmatch(\"()\") do t[#t+1] = p end return table.concat(t, \"|\") end)()", "\"1|2|3|4\""},
	{"(\"[x]\"):find(\"[]]\")", "3,3"},
	{"(\"a-b\"):find(\"[a-]\", 2)", "2,2"},
	{"(\"a]b\"):match(\"[^]]+\")", "\"a\""},
	{"(\"0x1F\"):match(\"%x+\", 3)", "\"1F\""},
	{"(\"tab\\there\"):match(\"%c\")", "\"\t\""},
	{"(\"a.b,c\"):gsub(\"%p\", \"\")", "\"abc\",2"},
	{"(\"Hello\"):match(\"%u%l+\")", "\"Hello\""},
	{"(\"Hello\"):match(\"%U+\")", "\"ello\""},
	{"(\"a\\0b\"):match(\"%z\")", "\"\\000\""},
	{"(\"a\\0b\"):find(\"\\0\", 1, true)", "2,2"},
	{"(\"abcabc\"):match(\"(abc)%1\")", "\"abc\""},
	{"(\"abab\"):find(\"(ab)%1\")", "1,4,\"ab\""},
	{"(\"hello\"):find(\"l*\")", "1,0"},
	{"(\"hello\"):find(\"x?h\")", "1,1"},
	{"(\"hello\"):match(\"h.-o\")", "\"hello\""},
	{"(\"hello\"):match(\"h.*l\")", "\"hell\""},
	{"(\"hello\"):match(\".-$\")", "\"hello\""},
	{"(\"hello$\"):match(\"o$\")", "nil"},
	{"(\"hello$\"):match(\"o%$\")", "\"o$\""},
	{"(\"a$b\"):match(\"$b\")", "\"$b\""},
	{"(\"hello\"):find(\"^h\", 2)", "nil"},
	{"(\"^hello\"):find(\"^^h\")", "1,2"},
	{"pcall(string.find, \"abc\", \"%\")", "false"},
	{"pcall(string.find, \"abc\", \"[a\")", "false"},
	{"pcall(string.find, \"abc\", \"(a\")", "false"},
	{"pcall(string.find, \"abc\", \"a)\")", "true,nil"},
	{"pcall(string.find, \"abc\", \"%1\")", "false"},
	{"pcall(string.find, \"abc\", \"%b\")", "false"},
	{"pcall(string.find, \"abc\", \"%fx\")", "false"},
	{"pcall(string.gsub, \"abc\", \"a\", \"%2\")", "false"},
	{"pcall(string.gsub, \"abc\", \"a\", true)", "false"},
	{"pcall(string.gsub, \"abc\", \"a\", function() return {} end)", "false"},
	{"(\"abc\"):find(\"b\", 10)", "nil"},
	{"(\"abc\"):match(\"c\", -1)", "\"c\""},
	{"(\"abc\"):match(\"()\", 4)", "4"},
	{"(\"abc\"):find(\"[%a]+\")", "1,3"},
	{"(\"x1y2\"):gsub(\"%d\", {[\"1\"]=\"one\"})", "\"xoney2\",2"},
	{"(\"aaa\"):find(\"a-\", 2)", "2,1"},
	{"(\"aXb\"):match(\"a(.)b\")", "\"X\""},
	{"(\"hello world\"):match(\"^(%w+)\")", "\"hello\""},
	{"pcall(string.format, \"%100d\", 1)", "false"},
	{"pcall(string.format, \"%5.100f\", 1)", "false"},
	{"string.format(\"%%|%02d\", 5)", "\"%|05\""},
	{"(\"abc\"):gsub(\"(b)\", \"[%1%1]\")", "\"a[bb]c\",1"},
	{"(\"abc\"):gsub(\"()b()\", \"%1-%2\")", "\"a2-3c\",1"},
	{"(\"a b c\"):gsub(\" \", \"\", 5)", "\"abc\",2"},
	{"(\"abc\"):gsub(\"\", \"\", 0)", "\"abc\",0"},
	{"(\"abc\"):gsub(\"x*\", \"-\", 2)", "\"-a-bc\",2"},
	{"(\"\"):gsub(\"\", \"x\")", "\"x\",1"},
	{"(\"\"):find(\"\")", "1,0"},
	{"(\"\"):match(\".\")", "nil"},
	{"(\"αβγ\"):match(\"[\\128-\\255]+\")", "\"αβγ\""},
	{`string.format("%5.2f|%-3d|%s|%x", 3.14159, 7, "x", 255)`, `" 3.14|7  |x|ff"`},
	{`string.format("%s=%d %5.1f %-4s| %x %%", "k", 42, 3.14159, "ab", 255)`, `"k=42   3.1 ab  | ff %"`},
	{`table.concat({1, 2, "x", 3.5}, ", ")`, `"1, 2, x, 3.5"`},
	{`table.concat({"a", "b", "c"}, "-", 2)`, `"b-c"`},
	{`table.concat({"a", "b", "c"}, "-", 2, 3)`, `"b-c"`},
	{`table.concat({}, "-")`, `""`},
	{`table.concat({"a"}, "-")`, `"a"`},
	{`pcall(table.concat, {"a", {}, "c"})`, `false`},
	{`table.concat({"a", "b", "c"}, "", 3, 2)`, `""`},
	{`("xaxbxc"):gsub("x(%a)", "%1")`, `"abc",3`},
	{`("hello world"):find("wor%a")`, `7,10`},
	{`("hello world"):find("o+ ")`, `5,6`},
	{`("hello world"):find("lo-")`, `3,3`},
	{`("aaa bbb"):gsub("b+", "B")`, `"aaa B",1`},
	{`(function() local t = {} for w in ("k1=v1;k2=v2"):gmatch("k(%d)") do t[#t+1] = w end return table.concat(t, ",") end)()`, `"1,2"`},
	{`("abc"):gsub("z", "y")`, `"abc",0`},
	{`("zzz"):gsub("z", "y", 2)`, `"yyz",2`},
	{`("a)b"):find("%)")`, `2,2`},
	{`("abc"):gsub("b", "x", 0)`, `"abc",0`},
	{`("abc"):gsub("b", "x", -1)`, `"abc",0`},
	{`(""):gsub("^", "x")`, `"x",1`},
	{`("abc"):gsub("$", "x")`, `"abcx",1`},
	{`("abc"):find("^")`, `1,0`},
	{`("abc"):find("$")`, `4,3`},
	{`(""):match("^$")`, `""`},
	{`(function() local t = {} for w in ("^a^b"):gmatch("^%a") do t[#t+1] = w end return table.concat(t, ",") end)()`, `"^a,^b"`},
	{`("abc"):match(".", 0)`, `"a"`},
	{`("abc"):match(".", -1)`, `"c"`},
	{`("abc"):match(".", 10)`, `nil`},
	{`("a.b"):gsub("%.", "%%")`, `"a%b",1`},
	{`("abc"):gsub("(a)(b)(c)", "%3%2%1%0")`, `"cbaabc",1`},
	{`("hello"):find("l", 0)`, `3,3`},
	{`("x"):rep(3, nil)`, `"xxx"`},
	{`("abc"):gsub("%w", "%%%0")`, `"%a%b%c",3`},
	{`("[test]"):match("^%[(.*)%]$")`, `"test"`},
	{`("key=val"):match("^([^=]+)=(.*)$")`, `"key","val"`},
	{`("C:\\Windows\\System32\\cmd.exe"):match("([^\\]+)$")`, `"cmd.exe"`},
	// Subjects over 1 KiB: the matchers skip to where a match can start.
	{`(("x"):rep(2000) .. "abc" .. ("y"):rep(2000)):find("[ab]+c")`, `2001,2003`},
	{`(("x"):rep(2000) .. "abc" .. ("y"):rep(2000)):match("b(c)y")`, `"c"`},
	{`(function(r, n) return #r, r:sub(1, 12), r:sub(-12), n end)((("x "):rep(1500) .. "end"):gsub("%s", "_"))`, `3003,"x_x_x_x_x_x_","_x_x_x_x_end",1500`},
	{`(function(r, n) return #r, r:sub(1, 12), r:sub(-12), n end)((("x "):rep(1500) .. "end"):gsub("x", ""))`, `1503,"            ","         end",1500`},
	{`(function(r, n) return #r, r:sub(1, 12), r:sub(-12), n end)((("x "):rep(1500) .. "end"):gsub("%a+", "%0%0", 3))`, `3006,"xx xx xx x x"," x x x x end",3`},
	{`(function(r, n) return #r, r:sub(1, 12), r:sub(-12), n end)((("ab"):rep(1000)):gsub("b", "c"))`, `2000,"acacacacacac","acacacacacac",1000`},
	{`(function(r, n) return #r, r:sub(1, 12), r:sub(-12), n end)((("ab"):rep(1000) .. "\n"):gsub("[\n]", "N"))`, `2001,"abababababab","babababababN",1`},
	{`(("ab"):rep(1000)):find("[^ab]")`, `nil`},
	{`(("ab"):rep(1000)):find("b+$")`, `2000,2000`},
	{`(("ab"):rep(1000)):find("%u")`, `nil`},
	{`(("ab"):rep(1000)):find("%l%l$")`, `1999,2000`},
	{`(function() local n = 0 for w in (("word "):rep(500)):gmatch("%a+") do n = n + #w end return n end)()`, `2000`},
	{`(function() local n = 0 for w in (("word "):rep(500)):gmatch("w") do n = n + 1 end return n end)()`, `500`},
	{`(("a"):rep(3000)):find("a+", 2500)`, `2500,3000`},
	{`(("a"):rep(3000) .. "b"):find("b.", 5000)`, `nil`},
}

// luaQuote is Lua 5.1's %q.
func luaQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString("\\\n")
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\000`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// compileChunk compiles Lua source for Instantiate.
func compileChunk(t testing.TB, src string) *lua.FunctionProto {
	t.Helper()
	chunk, err := parse.Parse(strings.NewReader(src), "t.lua")
	if err != nil {
		t.Fatal(err)
	}
	proto, err := lua.Compile(chunk, "t.lua")
	if err != nil {
		t.Fatal(err)
	}
	return proto
}

// TestStringPatternsMatchLua51 runs the sandbox's string.find, match,
// gmatch, gsub and format against results of the reference implementation.
func TestStringPatternsMatchLua51(t *testing.T) {
	st := NewState(Options{})
	defer st.Close()
	for _, c := range luaCases {
		src := "local function pack(...) return {n = select('#', ...), ...} end\n" +
			"ok, res = pcall(function() return pack(" + c.expr + ") end)\n"
		in, err := st.Instantiate(compileChunk(t, src), "t", "t.lua", 0)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		got := "ERR"
		if in.Env.RawGetString("ok") == lua.LTrue {
			res := in.Env.RawGetString("res").(*lua.LTable)
			n := int(res.RawGetString("n").(lua.LNumber))
			var parts []string
			for i := 1; i <= n; i++ {
				switch v := res.RawGetInt(i).(type) {
				case lua.LString:
					parts = append(parts, luaQuote(string(v)))
				case lua.LNumber:
					parts = append(parts, strconv.FormatFloat(float64(v), 'g', 14, 64))
				default:
					parts = append(parts, v.String())
				}
			}
			got = strings.Join(parts, ",")
			if strings.HasPrefix(got, "false,") {
				got = "false"
			}
		}
		if got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.expr, got, c.want)
		}
	}
}

// TestStringFunctionsBounded: patterns that backtrack catastrophically,
// gsub with millions of matches and s:byte over a long string are either
// refused, linear, or stopped as soon as the state is killed: a Go function
// that ignored the kill would hang the run past every timeout.
func TestStringFunctionsBounded(t *testing.T) {
	n := 4 << 20
	if raceEnabled {
		n = 256 << 10
	}
	tests := []struct {
		name, body, want string // want: a substring of the error, "" for none
		kill             bool
	}{
		{"catastrophic find", `return ("a"):rep(5000):find(".-.-.-.-.-b")`, "killed", true},
		{"catastrophic gsub", `return ("a"):rep(5000):gsub(".-.-.-.-.-b", "")`, "killed", true},
		{"catastrophic gmatch", `for x in ("a"):rep(5000):gmatch(".-.-.-.-.-b") do end`, "killed", true},
		{"quadratic scan", `return (" "):rep(1e6):find("%s+x")`, "killed", true},
		{"deep pattern", `return ("a"):rep(300):find(("a?"):rep(300))`, "pattern too complex", false},
		{"long literal pattern", `assert(("%"):rep(1e6):find(("%%"):rep(5e5)) == 1)`, "", false},
		{"malformed pattern", `return ("x"):rep(1e6):find(("x"):rep(1e6) .. "%")`, "malformed pattern", false},
		{"linear gsub", `local s, k = ("x"):rep(` + strconv.Itoa(n) + `):gsub(".", "yy") assert(#s == 2 * k)`, "", false},
		{"linear gmatch", `local k = 0 for c in ("x"):rep(` + strconv.Itoa(n) + `):gmatch(".") do k = k + 1 end`, "", false},
		{"byte over 1M values", `local t = {("x"):rep(2e6):byte(1, -1)}`, "overflow", false},
		{"format width", `return string.format("%999999d", 1)`, "width or precision too long", false},
		{"format precision", `return ("%.999f"):format(1)`, "width or precision too long", false},
		{"concat of a million", `local t = {} for i = 1, 1e6 do t[i] = "x" end assert(#table.concat(t, ",") == 2e6 - 1)`, "", false},
		{"concat bomb", `local s, t = ("x"):rep(16 * 2^20), {} for i = 1, 1e5 do t[i] = s end return table.concat(t)`, "killed", true},
		{"format bomb", `local s, t = ("x"):rep(16 * 2^20), {} for i = 1, 200 do t[i] = s end return (("%s"):rep(200)):format(unpack(t))`, "killed", true},
		{"big format", `local s = ("ab"):rep(2^20) local r = ("[%s|%5d|%%|%-3s]"):format(s, 42, "x") assert(r == "[" .. s .. "|   42|%|x  ]", #r)`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(Options{})
			defer st.Close()
			in, err := st.Instantiate(compileChunk(t, "function run() "+tt.body+" end"), "t", "t.lua", 0)
			if err != nil {
				t.Fatal(err)
			}
			if tt.kill {
				timer := time.AfterFunc(20*time.Millisecond, func() { st.Kill(errKilled) })
				defer timer.Stop()
			}
			done := make(chan error, 1)
			go func() {
				_, err := st.Call(in, in.Run)
				done <- err
			}()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("still running 20s later: the string function ignores the kill")
			}
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if tt.kill && !IsKill(err) {
				t.Fatalf("%v is not a kill", err)
			}
		})
	}
}

var errKilled = errString("killed")

type errString string

func (e errString) Error() string { return string(e) }
