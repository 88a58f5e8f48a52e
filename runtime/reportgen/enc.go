package reportgen

import (
	"io"
	"strconv"
)

// enc writes JSON as a stream, pretty-printed like Python's json.dump with
// indent (",\n" between elements, ": " after keys) or compact. It buffers
// and remembers the first write error.
type enc struct {
	w      io.Writer
	buf    []byte
	n      int64 // bytes handed to w
	err    error
	indent int
	depth  int
	first  []bool // per open container: no element written yet
	pad    []byte
}

const flushAt = 256 << 10

func newEnc(w io.Writer, indent int) *enc {
	e := &enc{w: w, buf: make([]byte, 0, flushAt+4096), indent: indent}
	return e
}

// written is the number of bytes produced so far, buffered or not.
func (e *enc) written() int64 { return e.n + int64(len(e.buf)) }

func (e *enc) flush() {
	if len(e.buf) == 0 || e.err != nil {
		e.buf = e.buf[:0]
		return
	}
	n, err := e.w.Write(e.buf)
	e.n += int64(n)
	e.err = err
	e.buf = e.buf[:0]
}

func (e *enc) maybeFlush() {
	if len(e.buf) >= flushAt {
		e.flush()
	}
}

func (e *enc) newline() {
	if e.indent <= 0 {
		return
	}
	e.buf = append(e.buf, '\n')
	n := e.depth * e.indent
	for len(e.pad) < n {
		e.pad = append(e.pad, ' ')
	}
	e.buf = append(e.buf, e.pad[:n]...)
}

// elem starts an element of the innermost container (or the top level).
func (e *enc) elem() {
	if len(e.first) == 0 {
		return
	}
	top := len(e.first) - 1
	if !e.first[top] {
		e.buf = append(e.buf, ',')
	}
	e.first[top] = false
	e.newline()
}

func (e *enc) open(c byte) {
	e.buf = append(e.buf, c)
	e.first = append(e.first, true)
	e.depth++
}

// obj starts an object as the next element; key does the same as the
// next member of an object.
func (e *enc) obj() { e.elem(); e.open('{') }

func (e *enc) end(c byte) {
	top := len(e.first) - 1
	empty := e.first[top]
	e.first = e.first[:top]
	e.depth--
	if !empty {
		e.newline()
	}
	e.buf = append(e.buf, c)
	e.maybeFlush()
}

func (e *enc) endObj() { e.end('}') }
func (e *enc) endArr() { e.end(']') }

func (e *enc) key(k string) {
	e.elem()
	e.buf = appendString(e.buf, k)
	e.buf = append(e.buf, ':')
	if e.indent > 0 {
		e.buf = append(e.buf, ' ')
	}
}

// Values, as array elements (after key, call the value methods with the
// v prefix directly).
func (e *enc) str(s string) { e.elem(); e.buf = appendString(e.buf, s) }

// Member shorthands: key then value.
func (e *enc) kstr(k, v string)       { e.key(k); e.buf = appendString(e.buf, v) }
func (e *enc) kint(k string, v int64) { e.key(k); e.buf = strconv.AppendInt(e.buf, v, 10) }
func (e *enc) kbool(k string, v bool) {
	e.key(k)
	e.buf = strconv.AppendBool(e.buf, v)
}
func (e *enc) knull(k string) { e.key(k); e.buf = append(e.buf, "null"...) }
func (e *enc) kfloat(k string, v float64, prec int) {
	e.key(k)
	e.buf = strconv.AppendFloat(e.buf, v, 'f', prec, 64)
}
func (e *enc) kobj(k string) { e.key(k); e.open('{') }
func (e *enc) karr(k string) { e.key(k); e.open('[') }

// kstrs writes k: [s...].
func (e *enc) kstrs(k string, l []string) {
	e.karr(k)
	for _, s := range l {
		e.str(s)
	}
	e.endArr()
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping what JSON requires.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
