package stdlib

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	lua "github.com/yuin/gopher-lua"
)

// Null is the json.null sentinel: JSON null inside arrays (decoded by json.decode and shown by
// report views), and encoded as null by AppendJSON. It is one *lua.LUserData shared by every
// LState and compared by identity (v == json.null in Lua, v == Null in Go). It is never
// modified and has no metatable, so sharing it between goroutines is safe.
var Null = &lua.LUserData{Value: nullValue{}, Metatable: lua.LNil}

type nullValue struct{}

func (nullValue) String() string { return "null" }

// JSONAppender is implemented by the Value of userdata (such as report views) that can write
// themselves as JSON. AppendJSON appends the JSON text of the value to dst. Implementations
// used from several goroutines must be safe for concurrent use.
type JSONAppender interface {
	AppendJSON(dst []byte) ([]byte, error)
}

// MaxDepth is the deepest nesting of tables (or JSON arrays and objects) that AppendJSON and
// json.decode accept.
const MaxDepth = 1000

// EncodeError is the error returned by AppendJSON: what could not be encoded and where.
type EncodeError struct {
	// Path locates the offending value from the encoded root, in Lua syntax: `a[2].b`,
	// `["odd key"]`; indices of sequences are 1-based. It is empty for the root itself.
	Path string
	Err  error
}

// Error renders `path: message`, or only the message at the root.
func (e *EncodeError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *EncodeError) Unwrap() error { return e.Err }

// AppendJSON appends the JSON encoding of the Lua value v to dst and returns the extended
// buffer. On error the returned buffer is dst unchanged and the error is an *EncodeError.
//
//   - nil and Null encode as null; booleans as true/false.
//   - Numbers: integral values within ±2^53 as integers (-0 as 0); others in encoding/json's
//     float format (1e+21, 1e-7, 0.1); NaN and ±Inf are an error.
//   - Strings are escaped as by encoding/json without HTML escaping (<, >, & stay as is;
//     U+2028 and U+2029 are escaped); invalid UTF-8 is replaced by U+FFFD.
//   - A table whose keys are exactly 1..n is an array; an empty table is []; any other table
//     is an object with keys sorted bytewise. Number keys become their string form (1, 1.5);
//     a number key and a string key with the same form, and keys of any other type, are an
//     error. Metatables are ignored (the table's raw contents are encoded).
//   - Userdata whose Value implements JSONAppender is delegated to it.
//   - Functions, other userdata, threads, channels, a table that contains itself, and tables
//     nested deeper than MaxDepth are an error.
//
// AppendJSON only reads v and is safe for concurrent use as long as nothing modifies v.
func AppendJSON(dst []byte, v lua.LValue) ([]byte, error) {
	e := encoderPool.Get().(*encoder)
	out, err := e.value(dst, v)
	e.reset()
	encoderPool.Put(e)
	if err != nil {
		var ee *EncodeError
		if errors.As(err, &ee) {
			ee.Path = strings.TrimPrefix(ee.Path, ".")
		}
		return dst, err
	}
	return out, nil
}

var encoderPool = sync.Pool{New: func() any { return new(encoder) }}

// encoder holds the scratch space of one AppendJSON call.
type encoder struct {
	stack []*lua.LTable            // tables being encoded, root first, for cycle detection
	seen  map[*lua.LTable]struct{} // the same set, built once the stack gets deep
	kvs   []kv                     // object entries; each table uses a window at the end
}

type kv struct {
	k   lua.LValue
	key string
	val lua.LValue
}

func (e *encoder) reset() {
	clear(e.stack)
	e.stack = e.stack[:0]
	clear(e.kvs)
	e.kvs = e.kvs[:0]
	e.seen = nil
	if cap(e.kvs) > 4096 {
		e.kvs = nil
	}
}

var (
	errCycle = errors.New("cannot encode a table that contains itself (cycle)")
	errDepth = fmt.Errorf("cannot encode tables nested deeper than %d levels", MaxDepth)
)

func encodeErr(err error) error { return &EncodeError{Err: err} }

// under prefixes the path of a child's error with its key segment.
func under(err error, seg string) error {
	var ee *EncodeError
	if errors.As(err, &ee) {
		ee.Path = seg + ee.Path
		return ee
	}
	return &EncodeError{Path: seg, Err: err}
}

func (e *encoder) value(dst []byte, v lua.LValue) ([]byte, error) {
	switch v := v.(type) {
	case *lua.LNilType:
		return append(dst, "null"...), nil
	case lua.LBool:
		return strconv.AppendBool(dst, bool(v)), nil
	case lua.LNumber:
		return appendNumber(dst, float64(v))
	case lua.LString:
		return appendString(dst, string(v)), nil
	case *lua.LTable:
		return e.table(dst, v)
	case *lua.LUserData:
		if v == Null {
			return append(dst, "null"...), nil
		}
		if a, ok := v.Value.(JSONAppender); ok {
			out, err := a.AppendJSON(dst)
			if err != nil {
				return dst, encodeErr(err)
			}
			return out, nil
		}
		if v.Value == nil {
			return dst, encodeErr(errors.New("cannot encode userdata as JSON"))
		}
		return dst, encodeErr(fmt.Errorf("cannot encode userdata (%T) as JSON", v.Value))
	}
	return dst, encodeErr(fmt.Errorf("cannot encode %s as JSON", v.Type()))
}

func (e *encoder) push(t *lua.LTable) error {
	if len(e.stack) >= MaxDepth {
		return encodeErr(errDepth)
	}
	if e.seen != nil {
		if _, dup := e.seen[t]; dup {
			return encodeErr(errCycle)
		}
		e.seen[t] = struct{}{}
	} else {
		if slices.Contains(e.stack, t) {
			return encodeErr(errCycle)
		}
		if len(e.stack) >= 32 {
			e.seen = make(map[*lua.LTable]struct{}, 64)
			for _, s := range e.stack {
				e.seen[s] = struct{}{}
			}
			e.seen[t] = struct{}{}
		}
	}
	e.stack = append(e.stack, t)
	return nil
}

func (e *encoder) pop() {
	t := e.stack[len(e.stack)-1]
	e.stack[len(e.stack)-1] = nil
	e.stack = e.stack[:len(e.stack)-1]
	if e.seen != nil {
		delete(e.seen, t)
	}
}

func (e *encoder) table(dst []byte, t *lua.LTable) ([]byte, error) {
	if err := e.push(t); err != nil {
		return dst, err
	}
	defer e.pop()

	// One pass collects the entries and decides between array and object: the table is a
	// sequence when every key is an integer in 1..count.
	start := len(e.kvs)
	defer func() {
		clear(e.kvs[start:])
		e.kvs = e.kvs[:start]
	}()
	// ForEach rather than Next, although ForEach boxes every string key: Next never ends on
	// a table that holds an integer key in both its array and hash parts, which Go code
	// can build with RawSetH, and a loop here could not be interrupted by the timeout.
	count, seq, maxKey := 0, true, 0.0
	t.ForEach(func(k, v lua.LValue) {
		count++
		if n, ok := k.(lua.LNumber); ok && seq {
			f := float64(n)
			if f < 1 || f != math.Trunc(f) {
				seq = false
			} else if f > maxKey {
				maxKey = f
			}
		} else {
			seq = false
		}
		e.kvs = append(e.kvs, kv{k: k, val: v})
	})
	if count == 0 || seq && maxKey <= float64(count) {
		dst = append(dst, '[')
		for i := 1; i <= count; i++ {
			if i > 1 {
				dst = append(dst, ',')
			}
			var err error
			dst, err = e.value(dst, t.RawGetInt(i))
			if err != nil {
				return dst, under(err, "["+strconv.Itoa(i)+"]")
			}
		}
		return append(dst, ']'), nil
	}

	for i := start; i < len(e.kvs); i++ {
		switch k := e.kvs[i].k.(type) {
		case lua.LString:
			e.kvs[i].key = string(k)
		case lua.LNumber:
			b, err := appendNumber(nil, float64(k))
			if err != nil {
				return dst, encodeErr(fmt.Errorf("cannot encode table key %v as JSON", float64(k)))
			}
			e.kvs[i].key = string(b)
		default:
			return dst, encodeErr(fmt.Errorf("cannot encode table key of type %s as JSON", k.Type()))
		}
	}
	entries := e.kvs[start:]
	slices.SortFunc(entries, func(a, b kv) int { return strings.Compare(a.key, b.key) })
	for i := 1; i < len(entries); i++ {
		if entries[i].key == entries[i-1].key {
			return dst, encodeErr(fmt.Errorf("duplicate object key %q (a number key and a string key with the same form)", entries[i].key))
		}
	}
	dst = append(dst, '{')
	for i := 0; i < count; i++ {
		// Re-read through e.kvs: nested tables may grow (and move) the slice.
		ent := e.kvs[start+i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, ent.key)
		dst = append(dst, ':')
		var err error
		dst, err = e.value(dst, ent.val)
		if err != nil {
			return dst, under(err, keySegment(ent.key))
		}
	}
	return append(dst, '}'), nil
}

// keySegment renders one object key of an error path: .name for identifiers, ["key"] else.
func keySegment(k string) string {
	if isIdent(k) {
		return "." + k
	}
	return "[" + strconv.Quote(k) + "]"
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// appendNumber writes f as JSON: integers within ±2^53 without fraction or exponent, other
// values the way encoding/json formats a float64.
func appendNumber(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, encodeErr(fmt.Errorf("cannot encode non-finite number %v as JSON", f))
	}
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		return strconv.AppendInt(dst, int64(f), 10), nil
	}
	format := byte('f')
	if abs := math.Abs(f); abs < 1e-6 || abs >= 1e21 {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// Like encoding/json: 1e-07 becomes 1e-7.
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string, escaping like encoding/json (Go 1.22 and later) with
// HTML escaping off.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
