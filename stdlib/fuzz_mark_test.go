package stdlib

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"testing"
	"unicode/utf8"

	lua "github.com/yuin/gopher-lua"
)

// buildValue turns fuzz bytes into a Lua value with a small stack machine:
// scalars of every kind (NaN, ±Inf, -0, huge and fractional numbers,
// invalid UTF-8), tables with keys of any type, sequences with holes,
// self-references and deep nesting.
func buildValue(L *lua.LState, b []byte) lua.LValue {
	stack := []lua.LValue{L.NewTable()}
	top := func() lua.LValue { return stack[len(stack)-1] }
	pop := func() lua.LValue {
		if len(stack) == 1 {
			return lua.LNil
		}
		v := top()
		stack = stack[:len(stack)-1]
		return v
	}
	table := func() *lua.LTable {
		for i := len(stack) - 1; i >= 0; i-- {
			if t, ok := stack[i].(*lua.LTable); ok {
				return t
			}
		}
		return stack[0].(*lua.LTable)
	}
	for len(b) > 0 {
		op := b[0]
		b = b[1:]
		switch op % 12 {
		case 0:
			stack = append(stack, lua.LNil)
		case 1:
			stack = append(stack, lua.LBool(op&0x10 != 0))
		case 2: // a float64 from the next 8 bytes: NaN, Inf, subnormals...
			var u uint64
			if len(b) >= 8 {
				u = binary.LittleEndian.Uint64(b)
				b = b[8:]
			}
			stack = append(stack, lua.LNumber(math.Float64frombits(u)))
		case 3:
			stack = append(stack, lua.LNumber(float64(int8(op))))
		case 4: // a string of the next n bytes, as they are
			n := min(int(op>>4), len(b))
			stack = append(stack, lua.LString(b[:n]))
			b = b[n:]
		case 5:
			stack = append(stack, L.NewTable())
		case 6: // t[k] = v
			v, k := pop(), pop()
			if k != lua.LNil && !(k.Type() == lua.LTNumber && math.IsNaN(float64(k.(lua.LNumber)))) {
				table().RawSet(k, v)
			}
		case 7: // append
			t := table()
			t.Append(pop())
		case 8: // t[i] = v for a small i: holes and sparse arrays
			t := table()
			t.RawSetInt(int(op>>4), pop())
		case 9: // a cycle
			t := table()
			t.RawSetString("self", t)
		case 10: // nest the top table into the one below
			if t, ok := top().(*lua.LTable); ok && len(stack) > 1 {
				pop()
				table().Append(t)
			}
		case 11:
			stack = append(stack, Null)
		}
	}
	return stack[0]
}

// FuzzMarkEncode: marks are encoded to valid UTF-8 JSON or refused with an
// *EncodeError, never a panic; the encoding is deterministic and stable
// through a decode and a re-encode.
func FuzzMarkEncode(f *testing.F) {
	f.Add([]byte{4 | 0x30, 'a', 'b', 0xff, 3, 6})
	f.Add([]byte{5, 3, 7, 3, 7, 10, 9})
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 7})
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f, 7})
	f.Add([]byte{1 | 0x10, 3, 6, 4 | 0x10, 'k', 1, 6, 8 | 0x50})
	f.Add([]byte{5, 5, 5, 5, 10, 10, 10, 11, 7, 0, 7})
	f.Fuzz(func(t *testing.T, b []byte) {
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		v := buildValue(L, b)
		out, err := AppendJSON(nil, v)
		if err != nil {
			var ee *EncodeError
			if !errors.As(err, &ee) {
				t.Fatalf("%T %v is not an *EncodeError", err, err)
			}
			return
		}
		if !json.Valid(out) || !utf8.Valid(out) {
			t.Fatalf("invalid JSON or UTF-8: %q", out)
		}
		again, err := AppendJSON([]byte("x"), v)
		if err != nil || string(again[1:]) != string(out) {
			t.Fatalf("not deterministic: %q vs %q (%v)", out, again, err)
		}
		// Through json.decode and back: the same JSON value, and from then
		// on the same bytes (an invalid byte, first written \ufffd, comes
		// back as a real U+FFFD).
		dec, err := DecodeJSON(L, string(out))
		if err != nil {
			t.Fatalf("decode(%q): %v", out, err)
		}
		out2, err := AppendJSON(nil, dec)
		if err != nil {
			t.Fatalf("encode(decode(%q)): %v", out, err)
		}
		var a, c any
		if json.Unmarshal(out, &a) != nil || json.Unmarshal(out2, &c) != nil || !reflect.DeepEqual(normJSON(a), normJSON(c)) {
			t.Fatalf("encode(decode(%q)) = %q: another value", out, out2)
		}
		dec2, _ := DecodeJSON(L, string(out2))
		if out3, err := AppendJSON(nil, dec2); err != nil || string(out3) != string(out2) {
			t.Fatalf("not stable: %q then %q", out2, out3)
		}
	})
}

// normJSON drops null members of objects (json.decode omits them) and
// makes an empty object an empty array (an empty table encodes as []).
func normJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range v {
			if x != nil {
				m[k] = normJSON(x)
			}
		}
		if len(m) == 0 {
			return []any{}
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normJSON(x)
		}
		return out
	}
	return v
}
