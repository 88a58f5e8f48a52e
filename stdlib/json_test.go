package stdlib

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// luaValue evaluates a Lua expression in L and returns its value.
func luaValue(t testing.TB, L *lua.LState, expr string) lua.LValue {
	t.Helper()
	if err := L.DoString("__v = " + expr); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return L.GetGlobal("__v")
}

func TestAppendJSON(t *testing.T) {
	L := newState(t)
	cases := []struct {
		expr, want string
	}{
		{"nil", "null"},
		{"json.null", "null"},
		{"true", "true"},
		{"false", "false"},
		{"{}", "[]"},
		{"{1, 2, 3}", "[1,2,3]"},
		{`{"a", {}, {x = 1}}`, `["a",[],{"x":1}]`},
		{"{1, nil, 3}", `{"1":1,"3":3}`},
		{`{[2] = "b"}`, `{"2":"b"}`},
		{`{[0] = "z", "a"}`, `{"0":"z","1":"a"}`},
		{`{[-1] = "m"}`, `{"-1":"m"}`},
		{"{1, 2, x = 3}", `{"1":1,"2":2,"x":3}`},
		{`{[1.5] = "x"}`, `{"1.5":"x"}`},
		{"{a = {b = {c = {}}}}", `{"a":{"b":{"c":[]}}}`},
		{`{b = 1, a = 2, B = 3, ["10"] = 4, ["9"] = 5, [""] = 6}`, `{"":6,"10":4,"9":5,"B":3,"a":2,"b":1}`},
		{`{k = json.null}`, `{"k":null}`},
		{"setmetatable({}, {__index = {a = 1}})", "[]"},
		{"(function() local x = {1} return {a = x, b = x} end)()", `{"a":[1],"b":[1]}`},

		// Numbers.
		{"0", "0"},
		{"-0", "0"},
		{"0/-1", "0"},
		{"42", "42"},
		{"-7", "-7"},
		{"1e15", "1000000000000000"},
		{"2^53", "9007199254740992"},
		{"-2^53", "-9007199254740992"},
		{"2^53 + 1", "9007199254740992"}, // not representable: the float is 2^53
		{"2^53 + 2", "9007199254740994"},
		{"2^63", "9223372036854776000"}, // shortest form, like encoding/json
		{"1e20", "100000000000000000000"},
		{"1e21", "1e+21"},
		{"1e300", "1e+300"},
		{"0.1", "0.1"},
		{"-1.5", "-1.5"},
		{"1/3", "0.3333333333333333"},
		{"123456789.125", "123456789.125"},
		{"1e-6", "0.000001"},
		{"1e-7", "1e-7"},
		{"-2.5e-10", "-2.5e-10"},
		{"5e-324", "5e-324"},

		// Strings.
		{`""`, `""`},
		{`"plain"`, `"plain"`},
		{`"q\"b\\s/"`, `"q\"b\\s/"`},
		{`"\n\r\t\b\f\0\1\31\127"`, `"\n\r\t\b\f\u0000\u0001\u001f` + "\x7f" + `"`},
		{`"<a href='x'>&</a>"`, `"<a href='x'>&</a>"`},
		{`"caf\195\169 \226\130\172 \240\159\152\128"`, `"café € 😀"`},
		{`"bad \255 utf8 \192"`, `"bad \ufffd utf8 \ufffd"`},
		{`"sep \226\128\168 \226\128\169"`, `"sep \u2028 \u2029"`},
		{`"trunc \226\130"`, `"trunc \ufffd\ufffd"`},
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			got, err := AppendJSON(nil, luaValue(t, L, c.expr))
			if err != nil {
				t.Fatalf("AppendJSON(%s): %v", c.expr, err)
			}
			if string(got) != c.want {
				t.Fatalf("AppendJSON(%s)\n got %s\nwant %s", c.expr, got, c.want)
			}
			if !json.Valid(got) {
				t.Fatalf("AppendJSON(%s) = %s is not valid JSON", c.expr, got)
			}
		})
	}
}

// Non-integral numbers and strings are formatted exactly like encoding/json.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	floats := []float64{0.1, 1.5, -3.25, 1e-7, 1.2345e-12, 1e21, 1.7976931348623157e308, 4.9e-324, 123456.789, 1e20 + 0.5, 9007199254740994, 1e22}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		got, err := AppendJSON(nil, lua.LNumber(f))
		if err != nil || string(got) != string(want) {
			t.Errorf("%v: got %s, %v; encoding/json %s", f, got, err, want)
		}
	}
	strs := []string{"a\x00b", "\x7f", "\u2028", "ünï", "\xff\xfe", "\"\\", "\t\n"}
	for _, s := range strs {
		want, _ := json.Marshal(s)
		want = []byte(strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(want)))
		got, _ := AppendJSON(nil, lua.LString(s))
		if string(got) != string(want) {
			t.Errorf("%q: got %s; encoding/json %s", s, got, want)
		}
	}
}

type appender string

func (a appender) AppendJSON(dst []byte) ([]byte, error) {
	if a == "fail" {
		return dst, errors.New("view broken")
	}
	return append(dst, a...), nil
}

func TestAppendJSONUserdata(t *testing.T) {
	L := newState(t)
	ud := L.NewUserData()
	ud.Value = appender(`{"from":"view"}`)
	bad := L.NewUserData()
	bad.Value = appender("fail")
	other := L.NewUserData()
	other.Value = 42
	empty := L.NewUserData()

	tb := L.NewTable()
	tb.RawSetString("v", ud)
	got, err := AppendJSON([]byte("prefix:"), tb)
	if err != nil || string(got) != `prefix:{"v":{"from":"view"}}` {
		t.Fatalf("got %s, %v", got, err)
	}

	tb.RawSetString("w", bad)
	_, err = AppendJSON(nil, tb)
	if err == nil || err.Error() != "w: view broken" {
		t.Fatalf("got error %v, want w: view broken", err)
	}
	var ee *EncodeError
	if !errors.As(err, &ee) || ee.Path != "w" {
		t.Fatalf("error %#v is not an *EncodeError with path w", err)
	}

	for _, c := range []struct {
		v    lua.LValue
		want string
	}{
		{other, "cannot encode userdata (int) as JSON"},
		{empty, "cannot encode userdata as JSON"},
	} {
		if _, err := AppendJSON(nil, c.v); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}

func TestAppendJSONErrors(t *testing.T) {
	L := newState(t)
	cases := []struct {
		expr, want string
	}{
		{"0/0", "cannot encode non-finite number NaN as JSON"},
		{"1/0", "cannot encode non-finite number +Inf as JSON"},
		{"{x = -1/0}", "x: cannot encode non-finite number -Inf as JSON"},
		{"print", "cannot encode function as JSON"},
		{"{data = {a = {1, function() end}}}", "data.a[2]: cannot encode function as JSON"},
		{`{["a b"] = {{}, {f = print}}}`, `["a b"][2].f: cannot encode function as JSON`},
		{`{["1x"] = print}`, `["1x"]: cannot encode function as JSON`},
		{"coroutine.create(function() end)", "cannot encode thread as JSON"},
		{"(function() local t = {} t.self = t return t end)()", "self: cannot encode a table that contains itself (cycle)"},
		{"(function() local t = {1} t[2] = {t} return {root = t} end)()", "root[2][1]: cannot encode a table that contains itself (cycle)"},
		{"{[true] = 1}", "cannot encode table key of type boolean as JSON"},
		{"{a = {[{}] = 1}}", "a: cannot encode table key of type table as JSON"},
		{"{[1/0] = 1}", "cannot encode table key +Inf as JSON"},
		{`{[1] = "a", ["1"] = "b"}`, `duplicate object key "1" (a number key and a string key with the same form)`},
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			dst := []byte("keep")
			got, err := AppendJSON(dst, luaValue(t, L, c.expr))
			if err == nil {
				t.Fatalf("AppendJSON(%s) = %s, want error %q", c.expr, got, c.want)
			}
			if err.Error() != c.want {
				t.Fatalf("AppendJSON(%s)\nerror %q\n want %q", c.expr, err, c.want)
			}
			if string(got) != "keep" {
				t.Fatalf("on error dst must come back unchanged, got %q", got)
			}
		})
	}
}

func TestAppendJSONDepth(t *testing.T) {
	L := newState(t)
	nest := func(n int) lua.LValue {
		return luaValue(t, L, fmt.Sprintf("(function() local t = {} for i = 2, %d do t = {t} end return t end)()", n))
	}
	if _, err := AppendJSON(nil, nest(MaxDepth)); err != nil {
		t.Fatalf("depth %d: %v", MaxDepth, err)
	}
	_, err := AppendJSON(nil, nest(MaxDepth+1))
	if err == nil || !strings.HasSuffix(err.Error(), "cannot encode tables nested deeper than 1000 levels") {
		t.Fatalf("depth %d: got %v", MaxDepth+1, err)
	}
	// A table shared at many depths, past the switch to map-based cycle detection, is not
	// a cycle; a real cycle deep down still is.
	v := luaValue(t, L, "(function() local leaf = {1} local t = leaf for i = 1, 100 do t = {t, leaf} end return t end)()")
	if _, err := AppendJSON(nil, v); err != nil {
		t.Fatalf("shared subtables: %v", err)
	}
	v = luaValue(t, L, "(function() local root = {} local t = root for i = 1, 100 do t.n = {} t = t.n end t.n = root return root end)()")
	if _, err := AppendJSON(nil, v); err == nil || !strings.HasSuffix(err.Error(), ".n.n: cannot encode a table that contains itself (cycle)") {
		t.Fatalf("deep cycle: %v", err)
	}
}

// A table whose integer key sits in the hash part while the array part covers it (only Go
// code can build one, with RawSetH) must not hang the encoder: LTable.Next loops forever on it.
func TestAppendJSONGoBuiltTable(t *testing.T) {
	L := newState(t)
	tb := L.CreateTable(0, 0)
	tb.RawSetInt(100, lua.LTrue)
	tb.RawSetInt(7, lua.LTrue)
	tb.RawSetH(lua.LNumber(3), lua.LTrue)
	got, err := AppendJSON(nil, tb)
	if err != nil || string(got) != `{"100":true,"3":true,"7":true}` {
		t.Fatalf("got %s, %v", got, err)
	}
}

func TestJSONEncodeFromLua(t *testing.T) {
	runCases(t, []luaCase{
		{"encode table", `return json.encode({name = "x", list = {1, 2}})`, `"{\"list\":[1,2],\"name\":\"x\"}"`, false},
		{"encode error", `return json.encode({f = print})`, "json.encode: f: cannot encode function as JSON", true},
		{"null identity", `return json.null == json.null, json.null ~= nil, type(json.null)`, `true, true, "userdata"`, false},
	})
}

func TestJSONDecode(t *testing.T) {
	runCases(t, []luaCase{
		{"object", `return json.decode('{"a":1,"b":[1,2,null],"c":null,"d":{"e":"x"}}')`, `{a=1, b={1, 2, null}, d={e="x"}}`, false},
		{"array null kept", `local t = json.decode('[null,1,null]') return #t, t[1] == json.null, t[3] == json.null`, "3, true, true", false},
		{"empty containers", `return json.decode('{}'), json.decode('[]'), json.decode(' [ ] ')`, "{}, {}, {}", false},
		{"scalars", `return json.decode('true'), json.decode('false'), json.decode(' "s" '), json.decode('-1.5e2')`, `true, false, "s", -150`, false},
		{"top-level null is nil", `return json.decode('null')`, "nil", false},
		{"duplicate key last wins", `return json.decode('{"a":1,"a":2}'), json.decode('{"a":1,"a":null}')`, "{a=2}, {}", false},
		{"string keys stay strings", `local t = json.decode('{"1":"a"}') return t["1"], t[1]`, `"a", nil`, false},
		{"escapes", `return json.decode('"\\"\\\\\\/\\b\\f\\n\\r\\t"')`, `"\"\\/\b\f\n\r\t"`, false},
		{"unicode escapes", `return json.decode('"\\u00e9\\u20AC\\ud83d\\ude00"')`, `"é€😀"`, false},
		{"raw utf8", `return json.decode('"日本語"')`, `"日本語"`, false},
		{"lone high surrogate", `return json.decode('"\\ud800"')`, "\"\ufffd\"", false},
		{"lone low surrogate", `return json.decode('"\\udc00x"')`, "\"\ufffdx\"", false},
		{"high then non-low", `return json.decode('"\\ud800\\u0041"')`, "\"\ufffdA\"", false},
		{"high at end", `return json.decode('"\\ud800\\u"')`, `invalid \u escape in string at offset 8`, true},
		{"invalid utf8", `return json.decode('"a\255b"')`, "\"a\ufffdb\"", false},
		{"numbers", `return json.decode('[0,-0,1E2,0.1e-2,2e+1,1e21]')`, "{0, 0, 100, 0.001, 20, 1e+21}", false},
		{"2^53 is a number", `return json.decode('9007199254740992'), json.decode('-9007199254740992')`, "9007199254740992, -9007199254740992", false},
		{"2^53+1 is a string", `return json.decode('9007199254740993')`, `"9007199254740993"`, false},
		{"big int is a string", `return json.decode('[12345678901234567890,-12345678901234567890]')`, `{"12345678901234567890", "-12345678901234567890"}`, false},
		{"exact shortest big int is a number", `return type(json.decode('9007199254740994')), type(json.decode('1000000000000000000000'))`, `"number", "number"`, false},
		{"2^60 exactly is a string", `return json.decode('1152921504606846976')`, `"1152921504606846976"`, false},
		{"big float is a number", `return json.decode('1.5e300')`, "1.5e+300", false},
		{"whitespace", `return json.decode(' \t\r\n{ "a" : [ 1 , 2 ] } \n')`, "{a={1, 2}}", false},

		{"empty", `return json.decode('')`, "json.decode: unexpected end of input, expected a value at offset 0", true},
		{"only space", `return json.decode('  ')`, "unexpected end of input, expected a value at offset 2", true},
		{"unclosed object", `return json.decode('{')`, "unexpected end of input, expected a string object key at offset 1", true},
		{"unclosed array", `return json.decode('[1')`, "unexpected end of input in array at offset 2", true},
		{"trailing comma", `return json.decode('[1,]')`, "unexpected character ']', expected a value at offset 3", true},
		{"trailing comma object", `return json.decode('{"a":1,}')`, "unexpected character '}', expected a string object key at offset 7", true},
		{"leading zero", `return json.decode('01')`, "unexpected character '1' after top-level value at offset 1", true},
		{"trailing data", `return json.decode('{} x')`, "unexpected character 'x' after top-level value at offset 3", true},
		{"missing colon", `return json.decode('{"a" 1}')`, "unexpected character '1' after object key, expected ':' at offset 5", true},
		{"bad member sep", `return json.decode('{"a":1 "b":2}')`, "expected ',' or '}' at offset 7", true},
		{"bad element sep", `return json.decode('[1 2]')`, "expected ',' or ']' at offset 3", true},
		{"unquoted key", `return json.decode('{a:1}')`, "unexpected character 'a', expected a string object key at offset 1", true},
		{"unterminated string", `return json.decode('"abc')`, "unexpected end of input in string at offset 4", true},
		{"control char", `return json.decode('"a\1"')`, "unexpected control byte 0x01 in string at offset 2", true},
		{"bad escape", `return json.decode('"\\x"')`, "invalid escape character 'x' in string at offset 2", true},
		{"short unicode escape", `return json.decode('"\\u12"')`, "invalid \\u escape in string at offset 2", true},
		{"bad literal", `return json.decode('tru')`, "unexpected end of input in literal true at offset 3", true},
		{"bad literal char", `return json.decode('nul!')`, "unexpected character '!' in literal null at offset 3", true},
		{"single quotes", `return json.decode("'a'")`, "unexpected character '\\'', expected a value at offset 0", true},
		{"minus alone", `return json.decode('-')`, "unexpected end of input in number, expected a digit at offset 1", true},
		{"dot without digits", `return json.decode('1.')`, "unexpected end of input after decimal point, expected a digit at offset 2", true},
		{"exponent without digits", `return json.decode('1e+')`, "unexpected end of input in exponent, expected a digit at offset 3", true},
		{"out of range", `return json.decode('[1e400]')`, "number 1e400 out of range at offset 1", true},
		{"NaN literal", `return json.decode('NaN')`, "unexpected character 'N', expected a value at offset 0", true},
		{"non-ascii garbage", `return json.decode('\255')`, "unexpected byte 0xff, expected a value at offset 0", true},
	})
}

func TestJSONDecodeDepth(t *testing.T) {
	L := newState(t)
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := DecodeJSON(L, ok); err != nil {
		t.Fatalf("depth %d: %v", MaxDepth, err)
	}
	bad := strings.Repeat(`{"a":`, MaxDepth+1)
	_, err := DecodeJSON(L, bad)
	if err == nil || err.Error() != fmt.Sprintf("nesting deeper than 1000 levels at offset %d", 5*MaxDepth) {
		t.Fatalf("got %v", err)
	}
}

// json.encode(json.decode(s)) gives the canonical form.
func TestJSONRoundTrip(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"b":[1,2.5,"x",null,true],"a":{"z":{},"y":[]},"n":null}`, `{"a":{"y":[],"z":[]},"b":[1,2.5,"x",null,true]}`},
		{`[12345678901234567890, 1e2, 1E-7, "\u00e9\u2028"]`, `["12345678901234567890",100,1e-7,"é\u2028"]`},
		{`"\ud83d\ude00"`, `"😀"`},
	}
	L := newState(t)
	for _, c := range cases {
		v, err := DecodeJSON(L, c.in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendJSON(nil, v)
		if err != nil || string(got) != c.want {
			t.Errorf("%s\n got %s, %v\nwant %s", c.in, got, err, c.want)
		}
	}
}

// FuzzJSONDecode checks that decoding never panics, accepts exactly what encoding/json
// accepts (apart from sigrun's depth and number-range limits), and that decode -> encode ->
// decode is stable.
func FuzzJSONDecode(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,2,{"b":null}],"c":"\u00e9"}`, `[]`, `{}`, `null`, `12345678901234567890`,
		`"\ud800\udc00"`, `[1e308, -0, 0.1]`, `{"1":1,"2":2}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		v1, err := DecodeJSON(L, s)
		valid := json.Valid([]byte(s))
		if err != nil {
			if valid && !strings.Contains(err.Error(), "nesting deeper") && !strings.Contains(err.Error(), "out of range") {
				t.Fatalf("decode(%q) rejected valid JSON: %v", s, err)
			}
			return
		}
		if !valid {
			t.Fatalf("decode(%q) accepted invalid JSON", s)
		}
		b1, err := AppendJSON(nil, v1)
		if err != nil {
			t.Fatalf("encode(decode(%q)): %v", s, err)
		}
		if !json.Valid(b1) {
			t.Fatalf("encode(decode(%q)) = %s is not valid JSON", s, b1)
		}
		v2, err := DecodeJSON(L, string(b1))
		if err != nil {
			t.Fatalf("decode(%s): %v", b1, err)
		}
		if !equalValues(v1, v2) {
			t.Fatalf("decode -> encode -> decode changed the value\ninput  %q\nfirst  %s\nsecond %s", s, show(v1), show(v2))
		}
		b2, err := AppendJSON(nil, v2)
		if err != nil || string(b1) != string(b2) {
			t.Fatalf("encoding is not stable:\n%s\n%s (%v)", b1, b2, err)
		}
	})
}

func equalValues(a, b lua.LValue) bool {
	ta, ok1 := a.(*lua.LTable)
	tb, ok2 := b.(*lua.LTable)
	if !ok1 || !ok2 {
		return a == b
	}
	eq := true
	n := 0
	ta.ForEach(func(k, v lua.LValue) {
		n++
		if !equalValues(v, tb.RawGet(k)) {
			eq = false
		}
	})
	tb.ForEach(func(lua.LValue, lua.LValue) { n-- })
	return eq && n == 0
}

// markTable is a typical mark_call entry.
const markTable = `{
	type = "call", pid = 2104, cid = 377,
	call = {
		api = "NtWriteVirtualMemory", category = "process", status = true,
		["return"] = "0x00000000", timestamp = "2024-03-01 10:22:13,421", thread_id = "2108",
		repeated = 0,
		arguments = {
			{name = "ProcessHandle", value = "0x000001c4"},
			{name = "BaseAddress", value = "0x7ffe0000"},
			{name = "Buffer", value = "MZ\144\0\3\0\0\0\4\0\0\0\255\255"},
			{name = "NumberOfBytesToWrite", value = 4096},
		},
	},
}`

func BenchmarkAppendJSONMark(b *testing.B) {
	L := newState(b)
	v := luaValue(b, L, markTable)
	buf, err := AppendJSON(nil, v)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = AppendJSON(buf[:0], v)
	}
}

func BenchmarkJSONDecodeMark(b *testing.B) {
	L := newState(b)
	text, _ := AppendJSON(nil, luaValue(b, L, markTable))
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeJSON(L, s); err != nil {
			b.Fatal(err)
		}
	}
}
