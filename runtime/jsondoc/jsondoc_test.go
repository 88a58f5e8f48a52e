package jsondoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func mustParse(t testing.TB, s string) *Doc {
	t.Helper()
	d, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return d
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{
		Invalid: "invalid", Null: "null", False: "false", True: "true",
		Number: "number", String: "string", Array: "array", Object: "object",
		Kind(200): "invalid",
	} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func TestScalars(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		raw  string
		str  string
		b    bool
	}{
		{`null`, Null, `null`, "", false},
		{`false`, False, `false`, "", false},
		{`true`, True, `true`, "", true},
		{` 0 `, Number, `0`, "", false},
		{`-0`, Number, `-0`, "", false},
		{`-12.5e+3`, Number, `-12.5e+3`, "", false},
		{`1E-2`, Number, `1E-2`, "", false},
		{`1e999`, Number, `1e999`, "", false},
		{strings.Repeat("9", 400), Number, strings.Repeat("9", 400), "", false},
		{"-0." + strings.Repeat("0", 400) + "1", Number, "-0." + strings.Repeat("0", 400) + "1", "", false},
		{`""`, String, `""`, "", false},
		{"\t\"abc\"\r\n", String, `"abc"`, "abc", false},
		{`[]`, Array, `[]`, "", false},
		{`{}`, Object, `{}`, "", false},
		{"\n[ ]\n", Array, `[ ]`, "", false},
		{"\xEF\xBB\xBF{ }", Object, `{ }`, "", false},
		{"\xEF\xBB\xBF 7", Number, `7`, "", false},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.in)
		r := d.Root()
		if (r == 0) != (d.Containers() > 0) {
			t.Errorf("%q: Root() = %d", tt.in, r)
		}
		if got := d.Kind(r); got != tt.kind {
			t.Errorf("%q: Kind = %v, want %v", tt.in, got, tt.kind)
		}
		if got := string(d.Raw(r)); got != tt.raw {
			t.Errorf("%q: Raw = %q, want %q", tt.in, got, tt.raw)
		}
		if s, e := d.Span(r); string(d.Data()[s:e]) != tt.raw {
			t.Errorf("%q: Span = %d,%d", tt.in, s, e)
		}
		if got := d.Str(r); got != tt.str {
			t.Errorf("%q: Str = %q, want %q", tt.in, got, tt.str)
		}
		if got := d.Bool(r); got != tt.b {
			t.Errorf("%q: Bool = %v", tt.in, got)
		}
		if got := d.Len(r); got != 0 {
			t.Errorf("%q: Len = %d, want 0", tt.in, got)
		}
		if n := d.Containers(); n != 0 {
			t.Errorf("%q: Containers = %d, want 0", tt.in, n)
		}
		if !bytes.Equal(d.Data(), []byte(tt.in)) {
			t.Errorf("%q: Data changed", tt.in)
		}
	}
}

func TestNested(t *testing.T) {
	const in = `{
  "info": {"id": 42, "score": 1.5, "ok": true, "none": null},
  "behavior": {"processes": [
    {"process_name": "a.exe", "calls": [{"api": "NtCreateFile", "args": ["x", 1]}]},
    {"process_name": "b.exe", "calls": []}
  ]},
  "empty": {}
}`
	d := mustParse(t, in)
	get := func(n Node, path ...any) Node {
		t.Helper()
		for _, p := range path {
			var ok bool
			switch p := p.(type) {
			case string:
				n, ok = d.Get(n, p)
			case int:
				n, ok = d.Index(n, p)
			}
			if !ok {
				t.Fatalf("path %v: %v not found", path, p)
			}
		}
		return n
	}
	root := d.Root()
	if d.Len(root) != 3 {
		t.Errorf("Len(root) = %d", d.Len(root))
	}
	if n := get(root, "info", "id"); d.Kind(n) != Number || string(d.Raw(n)) != "42" {
		t.Errorf("info.id = %v %s", d.Kind(n), d.Raw(n))
	}
	if n := get(root, "info", "ok"); !d.Bool(n) {
		t.Errorf("info.ok not true")
	}
	if n := get(root, "info", "none"); d.Kind(n) != Null {
		t.Errorf("info.none = %v", d.Kind(n))
	}
	procs := get(root, "behavior", "processes")
	if d.Kind(procs) != Array || d.Len(procs) != 2 {
		t.Fatalf("processes: %v len %d", d.Kind(procs), d.Len(procs))
	}
	if s := d.Str(get(procs, 1, "process_name")); s != "b.exe" {
		t.Errorf("processes[1].process_name = %q", s)
	}
	if s := d.Str(get(procs, 0, "calls", 0, "args", 0)); s != "x" {
		t.Errorf("args[0] = %q", s)
	}
	if n := get(procs, 0, "calls", 0, "args", 1); string(d.Raw(n)) != "1" {
		t.Errorf("args[1] = %s", d.Raw(n))
	}
	if n := get(procs, 1, "calls"); d.Kind(n) != Array || d.Len(n) != 0 || string(d.Raw(n)) != "[]" {
		t.Errorf("processes[1].calls = %v %d %s", d.Kind(n), d.Len(n), d.Raw(n))
	}
	if n := get(root, "empty"); d.Kind(n) != Object || d.Len(n) != 0 {
		t.Errorf("empty = %v %d", d.Kind(n), d.Len(n))
	}
	var keys []string
	for i := range d.Len(root) {
		k, v, ok := d.Member(root, i)
		if !ok || d.Kind(k) != String || d.Kind(v) != Object {
			t.Fatalf("Member(root, %d) = %v %v %v", i, k, v, ok)
		}
		keys = append(keys, d.Str(k))
	}
	if got := strings.Join(keys, ","); got != "info,behavior,empty" {
		t.Errorf("keys = %s", got)
	}
	if _, ok := d.Get(root, "missing"); ok {
		t.Error("Get(missing) ok")
	}
	if _, ok := d.Index(procs, 2); ok {
		t.Error("Index(procs, 2) ok")
	}
	if _, ok := d.Index(procs, -1); ok {
		t.Error("Index(procs, -1) ok")
	}
	if _, _, ok := d.Member(root, 3); ok {
		t.Error("Member(root, 3) ok")
	}
	if _, ok := d.Index(root, 0); ok {
		t.Error("Index on an object ok")
	}
	if _, _, ok := d.Member(procs, 0); ok {
		t.Error("Member on an array ok")
	}
	if _, ok := d.Get(procs, "0"); ok {
		t.Error("Get on an array ok")
	}
	checkInvariants(t, d)
}

func TestOutOfRange(t *testing.T) {
	d := mustParse(t, `{"a":[1]}`)
	for _, n := range []Node{Node(d.Containers()), 1 << 20, ^Node(0), scalarBit | Node(len(d.Data()))} {
		if d.Kind(n) != Invalid || d.Len(n) != 0 || d.Str(n) != "" || d.Raw(n) != nil || d.Bool(n) {
			t.Errorf("node %d: not zero values", n)
		}
		if s, e := d.Span(n); s != 0 || e != 0 {
			t.Errorf("Span(%d) = %d,%d", n, s, e)
		}
		if _, ok := d.Index(n, 0); ok {
			t.Errorf("Index(%d) ok", n)
		}
		if _, _, ok := d.Member(n, 0); ok {
			t.Errorf("Member(%d) ok", n)
		}
		if _, ok := d.Get(n, "a"); ok {
			t.Errorf("Get(%d) ok", n)
		}
	}
}

func TestStrings(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`"plain"`, "plain"},
		{`"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{`"a\u0041\u00e9\u20AC"`, "aAé€"},
		{`"\u0000"`, "\x00"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\uD83D\uDE00x"`, "😀x"},
		{`"\ud800"`, "\uFFFD"},
		{`"\udc00"`, "\uFFFD"},
		{`"\ude00\ud83d"`, "\uFFFD\uFFFD"},
		{`"\ud800\u0041"`, "\uFFFDA"},
		{`"\ud800\ud800\udc00"`, "\uFFFD𐀀"},
		{`"\ud800\n"`, "\uFFFD\n"},
		{`"\ud800x"`, "\uFFFDx"},
		{"\"\xff\xfe\"", "\xff\xfe"},
		{"\"\xff\\u00e9\xc3\"", "\xffé\xc3"},
		{"\"\xed\xa0\x80\"", "\xed\xa0\x80"}, // UTF-8-encoded surrogate: kept
		{"\"é😀\"", "é😀"},
		{"\"\x7f\"", "\x7f"},
		{`"long ` + strings.Repeat("abcdefgh", 10) + `\n"`, "long " + strings.Repeat("abcdefgh", 10) + "\n"},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.in)
		if got := d.Str(d.Root()); got != tt.want {
			t.Errorf("Str(%s) = %q, want %q", tt.in, got, tt.want)
		}
		// Keys decode the same way.
		d = mustParse(t, `{`+tt.in+`:1}`)
		k, _, _ := d.Member(d.Root(), 0)
		if got := d.Str(k); got != tt.want {
			t.Errorf("key Str(%s) = %q, want %q", tt.in, got, tt.want)
		}
		if v, ok := d.Get(d.Root(), tt.want); !ok || string(d.Raw(v)) != "1" {
			t.Errorf("Get(%q) in {%s:1} failed", tt.want, tt.in)
		}
		if !d.Equal(k, tt.want) || d.Equal(k, tt.want+"x") || tt.want != "" && d.Equal(k, tt.want[1:]) {
			t.Errorf("Equal(%s, %q) wrong", tt.in, tt.want)
		}
	}
}

func TestStrZeroCopy(t *testing.T) {
	data := []byte(`["abc", "a\nb"]`)
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := d.Index(d.Root(), 0)
	if s := d.Str(n); unsafe.StringData(s) != &data[2] {
		t.Error("Str of an unescaped string copied")
	}
	n, _ = d.Index(d.Root(), 1)
	if s := d.Str(n); s != "a\nb" {
		t.Errorf("Str = %q", s)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		n, _ := d.Index(d.Root(), 0)
		_ = d.Str(n)
		_, _ = d.Get(d.Root(), "zz")
	}); allocs != 0 {
		t.Errorf("Str/Get allocate %v times", allocs)
	}
}

func TestDuplicateKeys(t *testing.T) {
	d := mustParse(t, `{"a": 1, "b": 2, "a": 3, "\u0061": 4, "c": 5}`)
	root := d.Root()
	if d.Len(root) != 5 {
		t.Errorf("Len = %d, want 5 (duplicates are all members)", d.Len(root))
	}
	if v, _ := d.Get(root, "a"); string(d.Raw(v)) != "4" {
		t.Errorf(`Get("a") = %s, want the last one, 4`, d.Raw(v))
	}
	if v, _ := d.Get(root, "b"); string(d.Raw(v)) != "2" {
		t.Errorf(`Get("b") = %s`, d.Raw(v))
	}
	k, v, _ := d.Member(root, 2)
	if d.Str(k) != "a" || string(d.Raw(v)) != "3" {
		t.Errorf("Member(2) = %q %s", d.Str(k), d.Raw(v))
	}
	if _, ok := d.Get(root, "aa"); ok {
		t.Error(`Get("aa") ok`)
	}
}

func TestErrors(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tests := []struct {
		in, want string
	}{
		{``, `offset 0: unexpected end of JSON input`},
		{"   \n", `offset 4: unexpected end of JSON input`},
		{"\xEF\xBB\xBF", `offset 3: unexpected end of JSON input`},
		{"\xEF\xBB", `offset 0: invalid character 'ï' looking for beginning of value`},
		{"\xEF\xBB\xBF\xEF\xBB\xBF1", `offset 3: invalid character 'ï' looking for beginning of value`},
		{` 1\xEF\xBB\xBF`, `offset 2: invalid character '\\' after top-level value`},
		{`[`, `offset 1: unexpected end of JSON input`},
		{`[1`, `offset 2: unexpected end of JSON input`},
		{`[1,`, `offset 3: unexpected end of JSON input`},
		{`{`, `offset 1: unexpected end of JSON input`},
		{`{"a"`, `offset 4: unexpected end of JSON input`},
		{`{"a":`, `offset 5: unexpected end of JSON input`},
		{`{"a":1`, `offset 6: unexpected end of JSON input`},
		{`"abc`, `offset 4: unexpected end of JSON input`},
		{`"abc\`, `offset 5: unexpected end of JSON input`},
		{`"\u12`, `offset 5: unexpected end of JSON input`},
		{`tr`, `offset 2: unexpected end of JSON input`},
		{`nul`, `offset 3: unexpected end of JSON input`},
		{`-`, `offset 1: unexpected end of JSON input`},
		{`1.`, `offset 2: unexpected end of JSON input`},
		{`1e`, `offset 2: unexpected end of JSON input`},
		{`1e+`, `offset 3: unexpected end of JSON input`},
		{`x`, `offset 0: invalid character 'x' looking for beginning of value`},
		{`[1,]`, `offset 3: invalid character ']' looking for beginning of value`},
		{`[1 2]`, `offset 3: invalid character '2' after array element`},
		{`[1}`, `offset 2: invalid character '}' after array element`},
		{`{"a":1]`, `offset 6: invalid character ']' after object key:value pair`},
		{`{"a" 1}`, `offset 5: invalid character '1' after object key`},
		{`{1:1}`, `offset 1: invalid character '1' looking for beginning of object key string`},
		{`{"a":1,}`, `offset 7: invalid character '}' looking for beginning of object key string`},
		{`{'a':1}`, `offset 1: invalid character '\'' looking for beginning of object key string`},
		{`{} {}`, `offset 3: invalid character '{' after top-level value`},
		{`1 2`, `offset 2: invalid character '2' after top-level value`},
		{`nulll`, `offset 4: invalid character 'l' after top-level value`},
		{"\"a\tb\"", `offset 2: invalid character '\t' in string literal`},
		{"\"a\x00\"", `offset 2: invalid character '\x00' in string literal`},
		{"\"abcdefghijklmnop\nq\"", `offset 17: invalid character '\n' in string literal`},
		{`"\x"`, `offset 2: invalid character 'x' in string escape code`},
		{`"\'"`, `offset 2: invalid character '\'' in string escape code`},
		{`"\u12G4"`, `offset 5: invalid character 'G' in \u hexadecimal character escape`},
		{`"\U1234"`, `offset 2: invalid character 'U' in string escape code`},
		{`tru`, `offset 3: unexpected end of JSON input`},
		{`trUe`, `offset 2: invalid character 'U' in literal true (expecting 'u')`},
		{`fals3`, `offset 4: invalid character '3' in literal false (expecting 'e')`},
		{`nil`, `offset 1: invalid character 'i' in literal null (expecting 'u')`},
		{`True`, `offset 0: invalid character 'T' looking for beginning of value`},
		{`-x`, `offset 1: invalid character 'x' in numeric literal`},
		{`--1`, `offset 1: invalid character '-' in numeric literal`},
		{`+1`, `offset 0: invalid character '+' looking for beginning of value`},
		{`.5`, `offset 0: invalid character '.' looking for beginning of value`},
		{`01`, `offset 1: invalid character '1' after top-level value`},
		{`[-01]`, `offset 3: invalid character '1' after array element`},
		{`1.x`, `offset 2: invalid character 'x' after decimal point in numeric literal`},
		{`1.e5`, `offset 2: invalid character 'e' after decimal point in numeric literal`},
		{`1ex`, `offset 2: invalid character 'x' in exponent of numeric literal`},
		{`1e+-1`, `offset 3: invalid character '-' in exponent of numeric literal`},
		{`0x10`, `offset 1: invalid character 'x' after top-level value`},
		{`NaN`, `offset 0: invalid character 'N' looking for beginning of value`},
		{"\xff", `offset 0: invalid character 'ÿ' looking for beginning of value`},
		{"[\x01]", `offset 1: invalid character '\x01' looking for beginning of value`},
		{"[1,\v2]", `offset 3: invalid character '\v' looking for beginning of value`},
		{deep(MaxDepth + 1), `offset 10000: nesting deeper than 10000 levels`},
		{strings.Repeat("[", 100000), `offset 10000: nesting deeper than 10000 levels`},
		{strings.Repeat(`{"a":`, 100000), `offset 50000: nesting deeper than 10000 levels`},
		{strings.Repeat(`[{"":`, 100000), `offset 25000: nesting deeper than 10000 levels`},
	}
	for _, tt := range tests {
		d, err := Parse([]byte(tt.in))
		if d != nil {
			t.Errorf("Parse(%.40q) returned a Doc with an error", tt.in)
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.40q) = %v, want a *SyntaxError", tt.in, err)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("Parse(%.40q):\n got %s\nwant %s", tt.in, got, tt.want)
		}
		if se.Error() != fmt.Sprintf("offset %d: %s", se.Offset, se.Msg) {
			t.Errorf("SyntaxError fields disagree with Error(): %+v", se)
		}
	}
}

func TestDepth(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
		strings.Repeat(`{"k":`, MaxDepth-1) + "[1]" + strings.Repeat("}", MaxDepth-1),
	} {
		d, err := Parse([]byte(in))
		if err != nil {
			t.Fatalf("depth %d: %v", MaxDepth, err)
		}
		if !json.Valid([]byte(in)) {
			t.Errorf("encoding/json rejects depth %d", MaxDepth)
		}
		n := d.Root()
		for depth := 1; d.Len(n) > 0; depth++ {
			if d.Kind(n) == Array {
				n, _ = d.Index(n, 0)
			} else {
				_, n, _ = d.Member(n, 0)
			}
		}
		if s, e := d.Span(n); e-s > 3 {
			t.Errorf("innermost value is %s", d.Raw(n))
		}
	}
}

func TestConcurrentReads(t *testing.T) {
	d := mustParse(t, `{"a": ["x\u00e9", "y", {"b": "z\n"}], "a\u0062": true}`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				a, _ := d.Get(d.Root(), "a")
				e0, _ := d.Index(a, 0)
				e2, _ := d.Index(a, 2)
				b, _ := d.Get(e2, "b")
				ab, _ := d.Get(d.Root(), "ab")
				if d.Str(e0) != "xé" || d.Str(b) != "z\n" || !d.Bool(ab) {
					t.Error("concurrent read mismatch")
					return
				}
			}
		})
	}
	wg.Wait()
}

// crossCheckInputs are compared against encoding/json by TestCrossCheck and
// seed FuzzParse.
var crossCheckInputs = []string{
	``, ` `, `null`, `true`, `false`, `0`, `-0`, `1.5`, `-1.5e-7`, `1E+2`, `1e999`, `-1e-999`,
	`123456789012345678901234567890`, `""`, `"a"`, `[]`, `{}`, `[[]]`, `{"a":{}}`,
	`[1,2,3]`, `{"a":1,"b":[true,false,null],"c":{"d":"e"}}`, `{"a":1,"a":2}`,
	` { "x" : [ 1 , { "y" : null } ] } `, "\t\r\n[\t1\r,\n2 ]\t",
	`"\u0000\u001f\"\\\/\b\f\n\r\t"`, `"\ud83d\ude00\ud800\udc00\uDBFF\uDFFF"`,
	`"\ud800"`, `"\udfff\ud800"`, `"\ud800\u0041"`, `"\ud800\\"`,
	"\"\xff\xfe\xfd\"", "\"\xc3\xa9\xc3\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
	`{"<html>&":"</script>"}`, `["\u2028\u2029"]`,
	`[`, `]`, `[1,]`, `[,1]`, `{"a"}`, `{"a":}`, `{,}`, `{"a":1,}`, `[1 2]`, `{"a" "b"}`,
	`01`, `-01`, `1.`, `.1`, `1e`, `1e+`, `+1`, `--1`, `1.0e`, `0x1`, `Infinity`, `NaN`,
	`tru`, `truee`, `nulL`, `f`, `"abc`, `"\`, `"\u"`, `"\u123"`, `"\u123g"`, `"\a"`,
	"\"\t\"", "\"\x1f\"", "\"\x7f\"", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF", "\xEF\xBB\xBF \"x\" ",
	"{}\x00", "[]]", "\x00", "\v1", "1\v", "\f[]", "\u00a0[]", `[1]x`, `"a""b"`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"":`, 10001) + "0" + strings.Repeat("}", 10001),
	`[` + strings.Repeat(`"abcdefghijklmnopqrstuvwxyz\"",`, 50) + `0]`,
	// Call arguments, and objects that look like them but are not pairs.
	`[{"name": "a", "value": 1}, {"name":"b\"\\","value":"x"}, {"n\u0061me":"c","value":2}, {"name":1,"value":2},` +
		` {"value":1,"name":"x"}, {"name":"a","value":1,"name":"b"}, {"name":"","value":[]}, {"name":"a"},` +
		` {"name":"a","value":"1","pretty_value":"one"}, {"name":"a","value":1,"value":2}, {"name":"a","value":1,"p\u0061":0}]`,
	// Call arguments with a later key that wins, escaped or not, a \u in
	// a value, an indexed element, a slash.
	`[{"name":"x","value":1,"name":"a"},{"name":"a","value":2},{"name":"y","value":"a"},{"name":"z","value":1,"name":"\u0071"}]`,
	`[{"name":"x","value":"\u00e9"},{"name":"a","value":3,"value":4},{"name":"a/b","value":1},{"name":"a\/b","value":2},{"name":"b","value":[1,{"c":2}]}]`,
	`[{"name":"a","value":1},{"name":"b","value":"` + strings.Repeat("b", 600) + `"},{"name":"a","valu":1},{"nam":"a"}]`,
	"[{\"name\" :\"a\" , \"value\"\t:\t\"x\" } ,{ \"name\":\"b\\\\c\",\"value\":1,\"pretty_value\":\"one\"}]",
	"[ {\"name\":\"a\",\"value\":\"x\\\"y\"} , {\"name\":\"b\",\"value\":\"p\\\\q\"}\n,\n{\"name\":\"c\",\"value\":null,\"extra\":\"q\"},{\"name\":\"d\",\"value\":-1.5e3} ]",
	// Pretty-printed, as real reports are: the parser predicts each line's
	// indentation from the nesting depth, so regular, irregular and
	// tab-indented layouts, CRLF and empty containers are all here.
	pretty("  ", "\n"), pretty("    ", "\r\n"), pretty("\t", "\n"),
	"{\n  \"a\": [\n      1,\n    2\n  ],\n \"b\": {\n\n   }\n,\"c\"\n:\n3}",
	"[\r\n  [\r\n    [\r\n    ]\r\n  ]\r\n]", "{\n  \"a\": 1\r\n  }", "[\n  1,\n  x\n]",
}

// pretty is a nested document indented with indent, lines ended by eol.
func pretty(indent, eol string) string {
	v := map[string]any{"behavior": map[string]any{"processes": []any{
		map[string]any{"calls": []any{map[string]any{"api": "NtClose", "arguments": []any{map[string]any{"name": "Handle", "value": "0x4"}}}}, "empty": []any{}},
	}}, "info": map[string]any{"id": 1, "none": map[string]any{}}}
	b, err := json.MarshalIndent(v, "", indent)
	if err != nil {
		panic(err)
	}
	return strings.ReplaceAll(string(b), "\n", eol)
}

// bomPrefix is the one intentional difference from encoding/json: a leading
// UTF-8 byte order mark is skipped (encoding/json rejects it).
const bomPrefix = "\xEF\xBB\xBF"

// compareWithStd checks that Parse agrees with encoding/json on data: the
// same inputs are accepted, rejections carry the same message and offset, and
// an accepted document walks to the same value. The documented differences:
//   - a leading BOM is skipped (compared as if it were absent);
//   - Offset is the offending byte, encoding/json's is one past it;
//   - input that ends too early is "unexpected end of JSON input", where
//     encoding/json sometimes blames an imaginary trailing space;
//   - the depth error is worded differently.
func compareWithStd(t testing.TB, data []byte) {
	t.Helper()
	doc, err := Parse(data)
	std, shift := data, int64(0)
	if bytes.HasPrefix(data, []byte(bomPrefix)) {
		std, shift = data[3:], 3
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(std))
	dec.UseNumber()
	stdErr := json.Unmarshal(std, new(json.RawMessage)) // validates only
	if stdErr == nil {
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%.60q: Decoder after Unmarshal: %v", data, err)
		}
	}
	if valid := json.Valid(std); valid != (stdErr == nil) {
		t.Fatalf("%.60q: json.Valid=%v but Unmarshal: %v", data, valid, stdErr)
	}
	if (err == nil) != (stdErr == nil) {
		t.Fatalf("%.60q: Parse: %v; encoding/json: %v", data, err, stdErr)
	}
	if err != nil {
		var se *SyntaxError
		var jse *json.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%.60q: error %T is not a *SyntaxError", data, err)
		}
		if !errors.As(stdErr, &jse) {
			t.Fatalf("%.60q: encoding/json: %T %v", data, stdErr, stdErr)
		}
		stdOff := jse.Offset + shift
		switch {
		case se.Msg == "unexpected end of JSON input":
			if se.Offset != int64(len(data)) {
				t.Fatalf("%.60q: %v: offset is not the length %d", data, err, len(data))
			}
			if jse.Error() != "unexpected end of JSON input" &&
				!(stdOff == int64(len(data)) && strings.HasPrefix(jse.Error(), "invalid character ' '")) {
				t.Fatalf("%.60q: Parse: %v; encoding/json: %v", data, err, stdErr)
			}
		case se.Msg == "nesting deeper than 10000 levels":
			if !strings.HasSuffix(jse.Error(), " exceeded max depth") || stdOff != se.Offset+1 {
				t.Fatalf("%.60q: Parse: %v; encoding/json: %v (offset %d)", data, err, stdErr, stdOff)
			}
		default:
			if se.Msg != jse.Error() || stdOff != se.Offset+1 {
				t.Fatalf("%.60q: Parse: %v; encoding/json: %v (offset %d)", data, err, stdErr, stdOff)
			}
		}
		return
	}
	if got, want := doc.Raw(doc.Root()), bytes.Trim(data[shift:], " \t\r\n"); !bytes.Equal(got, want) {
		t.Fatalf("%.60q: Raw(root) = %.60q, want the trimmed input", data, got)
	}
	checkInvariants(t, doc)
	got, err := json.Marshal(toAny(doc, doc.Root()))
	if err != nil {
		t.Fatalf("%.60q: Marshal(walk): %v", data, err)
	}
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%.60q: Marshal(encoding/json): %v", data, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%.60q: walk re-encodes to\n%.200s\nencoding/json round trip gives\n%.200s", data, got, want)
	}
}

// toAny builds what encoding/json's Unmarshal with UseNumber would build.
// Str keeps invalid UTF-8 where encoding/json writes U+FFFD for each bad
// byte, so strings are converted the same way here.
func toAny(d *Doc, n Node) any {
	switch d.Kind(n) {
	case Null:
		return nil
	case False, True:
		return d.Bool(n)
	case Number:
		return json.Number(d.Raw(n))
	case String:
		return stdUTF8(d.Str(n))
	case Array:
		a := make([]any, d.Len(n))
		for i := range a {
			e, _ := d.Index(n, i)
			a[i] = toAny(d, e)
		}
		return a
	case Object:
		m := make(map[string]any, d.Len(n))
		for i := range d.Len(n) {
			k, v, _ := d.Member(n, i)
			m[stdUTF8(d.Str(k))] = toAny(d, v)
		}
		return m
	}
	panic("invalid node")
}

func stdUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s { // ranging yields U+FFFD for each invalid byte
		b.WriteRune(r)
	}
	return b.String()
}

// checkInvariants verifies the index by walking it from the root: kinds,
// spans nested in their parents and ordered, keys are strings, Member and Get
// agree (Get with the last duplicate), containers numbered in document order.
func checkInvariants(t testing.TB, d *Doc) {
	t.Helper()
	next := 0     // the number the next container met must have
	plain := true // no unindexed object repeats a key or escapes one
	var walk func(n Node)
	walk = func(n Node) {
		data := d.Data()
		s, e := d.Span(n)
		if s < 0 || e > int64(len(data)) || s >= e {
			t.Fatalf("node %d: span %d,%d", n, s, e)
		}
		raw := d.Raw(n)
		switch k := d.Kind(n); k {
		case Null, True, False:
			if string(raw) != k.String() {
				t.Fatalf("node %d: %v is %q", n, k, raw)
			}
		case String:
			if raw[0] != '"' || raw[len(raw)-1] != '"' || len(raw) < 2 {
				t.Fatalf("node %d: string %q", n, raw)
			}
		case Array, Object:
			if k == Object {
				j := 0
				for key, val := range d.Members(n) {
					if k2, v2, ok := d.Member(n, j); !ok || k2 != key || v2 != val {
						t.Fatalf("node %d: Members gives %d: %d %d, Member %d %d", n, j, key, val, k2, v2)
					}
					j++
				}
				if j != d.Len(n) {
					t.Fatalf("node %d: Members gave %d of %d", n, j, d.Len(n))
				}
				if n&scalarBit != 0 {
					seen := map[string]bool{}
					for key := range d.Members(n) {
						plain = plain && !seen[d.Str(key)] && !bytes.ContainsRune(d.Raw(key), '\\')
						seen[d.Str(key)] = true
					}
				}
			}
			if n&scalarBit == 0 {
				if n != Node(next) {
					t.Fatalf("container %d met where %d was expected", n, next)
				}
				next++
			} else if e-s > leafSize || d.Len(n) > leafLen {
				t.Fatalf("node %d: unindexed container of %d bytes, %d members", n, e-s, d.Len(n))
			}
			if k == Array && (raw[0] != '[' || raw[len(raw)-1] != ']') ||
				k == Object && (raw[0] != '{' || raw[len(raw)-1] != '}') {
				t.Fatalf("node %d: %v %q", n, k, raw)
			}
			prev := s
			last := map[string]Node{}
			for j := range d.Len(n) {
				var kids []Node
				if k == Array {
					c, ok := d.Index(n, j)
					if !ok {
						t.Fatalf("node %d: Index(%d) failed", n, j)
					}
					kids = []Node{c}
				} else {
					key, val, ok := d.Member(n, j)
					if !ok || d.Kind(key) != String {
						t.Fatalf("node %d: Member(%d) = %v %v", n, j, key, ok)
					}
					last[d.Str(key)] = val
					kids = []Node{key, val}
				}
				for _, c := range kids {
					cs, ce := d.Span(c)
					if cs <= prev || ce >= e {
						t.Fatalf("node %d [%d,%d): child %d [%d,%d) out of order", n, s, e, c, cs, ce)
					}
					prev = ce - 1
					if d.Kind(c) != String || k == Array || c != kids[0] {
						walk(c)
					} else if string(d.Raw(c)) != string(raw[cs-s:ce-s]) {
						t.Fatalf("key %d: Raw differs from its span", c)
					}
				}
			}
			var keys []string
			for key, val := range last {
				if got, ok := d.Get(n, key); !ok || got != val {
					t.Fatalf("node %d: Get(%q) = %d %v, want %d", n, key, got, ok, val)
				}
				keys = append(keys, key)
			}
			if k == Object {
				keys = append(keys, "\x00absent")
				vals := make([]Node, len(keys))
				found := d.GetMany(n, keys, vals)
				for i, key := range keys {
					want, ok := last[key]
					if i >= 64 {
						break // not looked up
					}
					if (found&(1<<i) != 0) != ok || ok && vals[i] != want {
						t.Fatalf("node %d: GetMany(%q) = %d %v, want %d %v", n, key, vals[i], found&(1<<i) != 0, want, ok)
					}
				}
				// The keys in document order, for GetMany, Entries and Pair
				// (Pair reads the objects shaped as call arguments).
				var ordered []string
				var members []Node
				for key, val := range d.Members(n) {
					ordered = append(ordered, d.Str(key))
					members = append(members, val)
				}
				j := 0
				for key, val := range d.Entries(n) {
					if j >= len(ordered) || key != ordered[j] || val != members[j] {
						t.Fatalf("node %d: Entries %d = %q %d, want Members' %q %d", n, j, key, val, ordered[j], members[j])
					}
					j++
				}
				if j != len(ordered) {
					t.Fatalf("node %d: Entries gave %d members, Members %d", n, j, len(ordered))
				}
				// Pair answers for the two-member objects it reads
				// as Get does, and reads every one whose first value is a
				// string and whose keys are plain.
				if len(ordered) >= 2 && !strings.ContainsAny(ordered[0]+ordered[1], "\"\\") {
					s1, v2, ok := d.Pair(n, NewPairKeys(ordered[0], ordered[1]))
					v1 := last[ordered[0]]
					plain := d.Kind(v1) == String && ordered[0] != ordered[1]
					j := 0
					for k := range d.Members(n) {
						plain = plain && !bytes.Contains(d.Raw(k), []byte{'\\'}) &&
							(j < 2 || ordered[j] != ordered[0] && ordered[j] != ordered[1])
						j++
					}
					if ok && (s1 != d.Str(v1) || v2 != last[ordered[1]]) {
						t.Fatalf("node %d: Pair = %q %d, want %q %d", n, s1, v2, d.Str(v1), last[ordered[1]])
					}
					if ok != (plain && d.cont(n) == nil) {
						t.Fatalf("node %d: Pair ok = %v for %s", n, ok, d.Raw(n))
					}
				}
				if len(ordered) == len(last) && len(ordered) <= 64 {
					vals := make([]Node, len(ordered))
					found := d.GetMany(n, ordered, vals)
					for i, key := range ordered {
						if found&(1<<i) == 0 || vals[i] != last[key] {
							t.Fatalf("node %d: GetMany(%q) in order = %d %v, want %d", n, key, vals[i], found&(1<<i) != 0, last[key])
						}
					}
				}
			}
		case Number:
		default:
			t.Fatalf("node %d: kind %v", n, k)
		}
	}
	walk(d.Root())
	if plain != d.plainLeaves {
		t.Fatalf("plainLeaves = %v, want %v", d.plainLeaves, plain)
	}
	if next != d.Containers() {
		t.Fatalf("walked %d containers of %d", next, d.Containers())
	}
}

func TestCrossCheck(t *testing.T) {
	for _, in := range crossCheckInputs {
		compareWithStd(t, []byte(in))
	}
}

// TestSmallReports cross-checks the real reports small enough to decode with
// encoding/json quickly.
func TestSmallReports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(reportsDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no reports in %s (the shared sample reports are not available here)", reportsDir)
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Size() > 1<<20 {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) { compareWithStd(t, data) })
	}
}

// Objects of up to 16 members are read by scanning their text, larger ones
// through a member list; both must agree, with duplicates, escaped keys and
// nested containers to jump over.
func TestObjectSizes(t *testing.T) {
	for _, n := range []int{1, 2, 15, 16, 17, 40} {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			switch i % 4 {
			case 0:
				fmt.Fprintf(&b, `"k%d": [%d, {"k%d": "nested"}, []]`, i, i, i)
			case 1:
				fmt.Fprintf(&b, `"k\u00%x%d": "v\"%d"`, 0x30+i%10, i, i) // an escaped key
			case 2:
				fmt.Fprintf(&b, `"k%d": {"a": {"b": [1, 2]}, "c": %d}`, i, i)
			default:
				fmt.Fprintf(&b, `"k%d": %d`, i-1, i) // a duplicate of the previous key, sometimes
			}
		}
		b.WriteString("}")
		d := mustParse(t, b.String())
		compareWithStd(t, []byte(b.String()))
		if got := d.Len(d.Root()); got != n {
			t.Errorf("%d members: Len = %d", n, got)
		}
		if _, ok := d.Get(d.Root(), "missing"); ok {
			t.Errorf("%d members: Get(missing) ok", n)
		}
	}
}

// Indexed objects keep a table of key offsets when they are small and their
// keys plain, a member list otherwise; Get gives the last duplicate either
// way.
func TestObjectForms(t *testing.T) {
	nested := `"z": [[], {}, ` + strings.Repeat(`"filler", `, 60) + `0]` // makes the object indexed
	many := ""
	for i := range 20 {
		many += fmt.Sprintf(`"m%d": %d, `, i, i)
	}
	big := `"big": "` + strings.Repeat("x", 70000) + `", `
	for _, tt := range []struct {
		in    string
		table bool
	}{
		{`{"a": 1, "b": 2, "a": 3, ` + nested + `}`, true},
		{`{"a\n": 1, "a": 2, "a": 3, ` + nested + `}`, false},
		{`{` + many + `"a": 2, "a": 3, ` + nested + `}`, false},
		{`{` + big + `"a": 2, "a": 3, ` + nested + `}`, false},
	} {
		d := mustParse(t, tt.in)
		if got := d.conts[0].table(); got != tt.table {
			t.Errorf("%.40s: table = %v, want %v", tt.in, got, tt.table)
		}
		if v, ok := d.Get(d.Root(), "a"); !ok || string(d.Raw(v)) != "3" {
			t.Errorf("%.40s: Get(a) = %s, want the last, 3", tt.in, d.Raw(v))
		}
		if z, ok := d.Get(d.Root(), "z"); !ok || z != 1 {
			t.Errorf("%.40s: Get(z) = %d, want container 1", tt.in, z)
		}
		if _, ok := d.Get(d.Root(), "a\\"); ok {
			t.Errorf("%.40s: Get(a\\) ok", tt.in)
		}
		checkInvariants(t, d)
		compareWithStd(t, []byte(tt.in))
	}
}

// A container of 4 GiB or more keeps its end in a side table; fake one.
func TestBigContainer(t *testing.T) {
	pad := strings.Repeat(`"padding", `, 60)
	d := mustParse(t, `{"a": [1, 2, {"b": 3}, `+pad+`0], "c": "d"}`)
	arr, _ := d.Get(d.Root(), "a")
	s, e := d.Span(arr)
	d.conts[arr].size = sizeBig
	d.bigEnd = map[uint32]uint64{uint32(arr): uint64(e)}
	if s2, e2 := d.Span(arr); s2 != s || e2 != e {
		t.Errorf("Span = %d,%d, want %d,%d", s2, e2, s, e)
	}
	if c, ok := d.Get(d.Root(), "c"); !ok || d.Str(c) != "d" {
		t.Error("Get after a big container failed")
	}
}

// The index takes much less than the input.
func TestIndexSize(t *testing.T) {
	data := synthetic()
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if r := float64(d.IndexSize()) / float64(len(data)); r > 0.5 {
		t.Errorf("index is %.2f times the input", r)
	}
}

// Small containers without a record are read by scanning their text, which
// must not be fooled by brackets inside strings or by nested small ones.
func TestLeaves(t *testing.T) {
	for in, want := range map[string]int{
		`{"a": ["]", "}", {"b": "{[", "c": "]"}], "d": "\"]", "e": {}}`:                                                2,
		`[[[]], [{}], {"x": [1, {"y": "]}"}]}, "\\"]`:                                                                  5,
		`{"args": [{"name": "FileName", "value": "C:\\x]"}, {"name": "Handle", "value": "0x1", "pretty_value": "}"}]}`: 2,
		`["x", 1, true, null, "]"]`: 0,
	} {
		compareWithStd(t, []byte(in))
		d := mustParse(t, in)
		if d.Containers() != want {
			t.Errorf("%s: %d indexed containers, want %d", in, d.Containers(), want)
		}
	}
	d := mustParse(t, `{"a": [{"name": "x", "value": 1}, {"name": "y", "value": [2, 3]}]}`)
	a, _ := d.Get(d.Root(), "a")
	e, _ := d.Index(a, 1)
	v, _ := d.Get(e, "value")
	if x, _ := d.Index(v, 1); d.Kind(v) != Array || d.Len(v) != 2 || string(d.Raw(x)) != "3" {
		t.Errorf("a[1].value = %s", d.Raw(v))
	}
	if _, ok := d.Index(v, 2); ok {
		t.Error("Index past the end of a small array ok")
	}
	if _, _, ok := d.Member(e, 2); ok {
		t.Error("Member past the end of a small object ok")
	}
}
