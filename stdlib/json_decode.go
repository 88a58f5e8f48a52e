package stdlib

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	lua "github.com/yuin/gopher-lua"
)

func init() {
	modules = append(modules, module{name: "json", funcs: []function{
		{"encode", jsonEncode},
		{"decode", jsonDecode},
	}})
}

// json.encode(v) -> string
func jsonEncode(L *lua.LState) int {
	b, err := AppendJSON(nil, L.Get(1))
	if err != nil {
		L.RaiseError("json.encode: %v", err)
	}
	L.Push(lua.LString(b))
	return 1
}

// json.decode(s) -> value
func jsonDecode(L *lua.LState) int {
	a := args{L, "json.decode"}
	s, ok := a.subject(1)
	if !ok {
		L.Push(lua.LNil)
		return 1
	}
	v, err := DecodeJSON(L, s)
	if err != nil {
		L.RaiseError("json.decode: %v", err)
	}
	L.Push(v)
	return 1
}

// DecodeJSON parses the JSON text s into Lua values owned by L, the way json.decode does:
//
//   - objects become tables with string keys; members whose value is null are omitted (as in
//     report views, where a missing key and a null member are both nil);
//   - arrays become sequences, with null elements as Null so positions are kept;
//   - numbers become Lua numbers, except an integer literal beyond ±2^53 that does not
//     survive the round trip through float64 and back (AppendJSON's format): it becomes its
//     decimal string, so nothing is silently rounded;
//   - a top-level null is nil;
//   - invalid UTF-8 and lone UTF-16 surrogates in strings become U+FFFD, like encoding/json;
//   - nesting deeper than MaxDepth, numbers beyond the float64 range and any syntax error
//     (including trailing data) are errors that give the byte offset.
//
// An empty object decodes to an empty table, which AppendJSON writes back as [].
// Use DecodeJSON only from the goroutine that owns L.
func DecodeJSON(L *lua.LState, s string) (lua.LValue, error) {
	d := decoder{L: L, s: s}
	d.space()
	v, err := d.value()
	if err != nil {
		return lua.LNil, err
	}
	d.space()
	if d.pos < len(d.s) {
		return lua.LNil, d.errf("unexpected %s after top-level value", d.describe())
	}
	if v == Null {
		v = lua.LNil
	}
	return v, nil
}

type decoder struct {
	L     *lua.LState
	s     string
	pos   int
	depth int
	vals  []lua.LValue // array elements being collected; each array uses a window at the end
	kvs   []kv         // object members being collected
}

func (d *decoder) errf(format string, v ...any) error {
	return fmt.Errorf(format+" at offset %d", append(v, d.pos)...)
}

// describe names the byte at d.pos for an error message.
func (d *decoder) describe() string {
	if d.pos >= len(d.s) {
		return "end of input"
	}
	c := d.s[d.pos]
	if c < utf8.RuneSelf && strconv.IsPrint(rune(c)) {
		return fmt.Sprintf("character %q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (d *decoder) space() {
	for d.pos < len(d.s) {
		switch d.s[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) value() (lua.LValue, error) {
	if d.pos >= len(d.s) {
		return nil, d.errf("unexpected end of input, expected a value")
	}
	switch c := d.s[d.pos]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		s, err := d.str()
		return lua.LString(s), err
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	case c == 't':
		return d.literal("true", lua.LTrue)
	case c == 'f':
		return d.literal("false", lua.LFalse)
	case c == 'n':
		return d.literal("null", Null)
	}
	return nil, d.errf("unexpected %s, expected a value", d.describe())
}

func (d *decoder) literal(word string, v lua.LValue) (lua.LValue, error) {
	if strings.HasPrefix(d.s[d.pos:], word) {
		d.pos += len(word)
		return v, nil
	}
	for i := 0; i < len(word); i++ {
		if d.pos >= len(d.s) || d.s[d.pos] != word[i] {
			return nil, d.errf("unexpected %s in literal %s", d.describe(), word)
		}
		d.pos++
	}
	return v, nil // unreachable: HasPrefix would have matched
}

func (d *decoder) enter() error {
	d.depth++
	if d.depth > MaxDepth {
		return d.errf("nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

func (d *decoder) array() (lua.LValue, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	d.pos++ // [
	start := len(d.vals)
	defer func() {
		clear(d.vals[start:])
		d.vals = d.vals[:start]
	}()
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == ']' {
		d.pos++
		d.depth--
		return d.L.CreateTable(0, 0), nil
	}
	for {
		d.space()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		d.vals = append(d.vals, v)
		d.space()
		if d.pos >= len(d.s) {
			return nil, d.errf("unexpected end of input in array")
		}
		switch d.s[d.pos] {
		case ',':
			d.pos++
			continue
		case ']':
			d.pos++
		default:
			return nil, d.errf("unexpected %s after array element, expected ',' or ']'", d.describe())
		}
		break
	}
	t := d.L.CreateTable(len(d.vals)-start, 0)
	for _, v := range d.vals[start:] {
		t.Append(v)
	}
	d.depth--
	return t, nil
}

func (d *decoder) object() (lua.LValue, error) {
	if err := d.enter(); err != nil {
		return nil, err
	}
	d.pos++ // {
	start := len(d.kvs)
	defer func() {
		clear(d.kvs[start:])
		d.kvs = d.kvs[:start]
	}()
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == '}' {
		d.pos++
		d.depth--
		return d.L.CreateTable(0, 0), nil
	}
	for {
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != '"' {
			return nil, d.errf("unexpected %s, expected a string object key", d.describe())
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != ':' {
			return nil, d.errf("unexpected %s after object key, expected ':'", d.describe())
		}
		d.pos++
		d.space()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		d.kvs = append(d.kvs, kv{key: k, val: v})
		d.space()
		if d.pos >= len(d.s) {
			return nil, d.errf("unexpected end of input in object")
		}
		switch d.s[d.pos] {
		case ',':
			d.pos++
			continue
		case '}':
			d.pos++
		default:
			return nil, d.errf("unexpected %s after object member, expected ',' or '}'", d.describe())
		}
		break
	}
	t := d.L.CreateTable(0, len(d.kvs)-start)
	for _, m := range d.kvs[start:] {
		if m.val == Null {
			// Last member wins, so a later null removes an earlier value.
			t.RawSetString(m.key, lua.LNil)
			continue
		}
		t.RawSetString(m.key, m.val)
	}
	d.depth--
	return t, nil
}

func (d *decoder) number() (lua.LValue, error) {
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.s) && '0' <= d.s[d.pos] && d.s[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.s[d.pos] == '-' {
		d.pos++
	}
	if d.pos < len(d.s) && d.s[d.pos] == '0' {
		d.pos++
	} else if digits() == 0 {
		return nil, d.errf("unexpected %s in number, expected a digit", d.describe())
	}
	integer := true
	if d.pos < len(d.s) && d.s[d.pos] == '.' {
		integer = false
		d.pos++
		if digits() == 0 {
			return nil, d.errf("unexpected %s after decimal point, expected a digit", d.describe())
		}
	}
	if d.pos < len(d.s) && (d.s[d.pos] == 'e' || d.s[d.pos] == 'E') {
		integer = false
		d.pos++
		if d.pos < len(d.s) && (d.s[d.pos] == '+' || d.s[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return nil, d.errf("unexpected %s in exponent, expected a digit", d.describe())
		}
	}
	text := d.s[start:d.pos]
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		d.pos = start
		return nil, d.errf("number %s out of range", text)
	}
	if integer && math.Abs(f) >= 1<<53 && strconv.FormatFloat(f, 'f', -1, 64) != text {
		return lua.LString(text), nil
	}
	return lua.LNumber(f), nil
}

// str reads a JSON string starting at the opening quote.
func (d *decoder) str() (string, error) {
	d.pos++ // "
	start := d.pos
	// Fast path: printable ASCII up to the closing quote needs no copy or check.
	for d.pos < len(d.s) {
		c := d.s[d.pos]
		if c == '"' {
			d.pos++
			return d.s[start : d.pos-1], nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		d.pos++
	}
	var b strings.Builder
	b.WriteString(d.s[start:d.pos])
	for {
		if d.pos >= len(d.s) {
			return "", d.errf("unexpected end of input in string")
		}
		c := d.s[d.pos]
		switch {
		case c == '"':
			d.pos++
			return b.String(), nil
		case c < 0x20:
			return "", d.errf("unexpected control %s in string", d.describe())
		case c == '\\':
			if err := d.escape(&b); err != nil {
				return "", err
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			d.pos++
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.pos:])
			if r == utf8.RuneError && size == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteString(d.s[d.pos : d.pos+size])
			}
			d.pos += size
		}
	}
}

// escape decodes one backslash escape at d.pos into b.
func (d *decoder) escape(b *strings.Builder) error {
	d.pos++ // backslash
	if d.pos >= len(d.s) {
		return d.errf("unexpected end of input in string escape")
	}
	c := d.s[d.pos]
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := d.hex4(d.pos + 1)
		if !ok {
			return d.errf("invalid \\u escape in string")
		}
		d.pos += 4
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by an escaped low one is one character; any other
			// surrogate stands alone and becomes U+FFFD.
			if d.pos+6 < len(d.s) && d.s[d.pos+1] == '\\' && d.s[d.pos+2] == 'u' {
				if r2, ok := d.hex4(d.pos + 3); ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						b.WriteRune(dec)
						d.pos += 7
						return nil
					}
				}
			}
			r = utf8.RuneError
		}
		b.WriteRune(r)
	default:
		return d.errf("invalid escape %s in string", d.describe())
	}
	d.pos++
	return nil
}

// hex4 parses the four hex digits at s[i:i+4].
func (d *decoder) hex4(i int) (rune, bool) {
	if i+4 > len(d.s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
