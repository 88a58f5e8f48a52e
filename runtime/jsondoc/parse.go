package jsondoc

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
)

// MaxDepth is the deepest nesting of arrays and objects Parse accepts; it is
// the same limit as encoding/json's, so both accept the same documents.
const MaxDepth = 10000

// SyntaxError describes why Parse rejected its input.
type SyntaxError struct {
	// Offset is the 0-based byte offset in the input of the offending byte,
	// or the input's length when it ended too early.
	Offset int64
	// Msg is the description, in encoding/json's words, without the offset.
	Msg string
}

// Error returns "offset N: message".
func (e *SyntaxError) Error() string {
	return "offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// Parse validates data as one JSON value (of any kind, surrounded by optional
// whitespace and preceded by an optional UTF-8 byte order mark) and builds its
// index in one pass. Parse does not copy data: the caller must not modify it
// afterwards. Nesting is limited to MaxDepth levels. Every error is a
// *SyntaxError. Parse is safe for concurrent use.
//
// The index takes 24 bytes per value plus 4 per array element and 8 per
// object member: about 1.2 times the input for a pretty-printed CAPE report,
// at worst (an array of one-digit numbers) about 16 times. Offsets are 64-bit,
// so inputs over 4 GB work; a document may hold up to 2^32-1 values.
func Parse(data []byte) (*Doc, error) {
	if uint64(len(data)) > offsetMask {
		return nil, &SyntaxError{Offset: 0, Msg: "input too large"}
	}
	// Reports average around 30 bytes per value; start a little above
	// that so that the usual case does not grow the tables.
	est := len(data)/24 + 16
	p := parser{
		data:  data,
		nodes: make([]node, 0, est),
		kids:  make([]uint32, 0, est),
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return &Doc{data: data, nodes: p.nodes, kids: p.kids}, nil
}

type parser struct {
	data    []byte
	nodes   []node
	kids    []uint32
	scratch []uint32 // children of the open containers, innermost last
	stack   []frame  // open containers
}

type frame struct {
	node uint32 // the container's node
	base uint32 // where its children start in scratch
	obj  bool
}

func (p *parser) errAt(i int, msg string) error {
	return &SyntaxError{Offset: int64(i), Msg: msg}
}

func (p *parser) errChar(i int, context string) error {
	if i >= len(p.data) {
		return p.eof()
	}
	return p.errAt(i, "invalid character "+quoteChar(p.data[i])+" "+context)
}

func (p *parser) eof() error {
	return p.errAt(len(p.data), "unexpected end of JSON input")
}

// quoteChar formats c as encoding/json does in its messages.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// newNode appends a node and returns its index, or false when the document
// has more values than a Node can number.
func (p *parser) newNode(meta uint64, end int) (uint32, bool) {
	idx := len(p.nodes)
	if uint64(idx) >= math.MaxUint32 {
		return 0, false
	}
	p.nodes = append(p.nodes, node{meta: meta, end: uint64(end)})
	if len(p.stack) > 0 {
		p.scratch = append(p.scratch, uint32(idx))
	}
	return uint32(idx), true
}

// close finishes the innermost container, whose closing bracket is at i.
func (p *parser) close(i int) {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	ch := p.scratch[f.base:]
	nd := &p.nodes[f.node]
	nd.end = uint64(i + 1)
	nd.kid = uint32(len(p.kids))
	if f.obj {
		nd.n = uint32(len(ch) / 2)
	} else {
		nd.n = uint32(len(ch))
	}
	p.kids = append(p.kids, ch...)
	p.scratch = p.scratch[:f.base]
}

func (p *parser) tooMany(i int) error {
	return p.errAt(i, "document has more than 4294967295 values")
}

// key parses an object key starting at the quote at i, then the colon, and
// returns the offset after the colon.
func (p *parser) key(i int) (int, error) {
	data := p.data
	end, esc, err := p.scanString(i)
	if err != nil {
		return 0, err
	}
	meta := mkMeta(String, i)
	if esc {
		meta |= escFlag
	}
	if _, ok := p.newNode(meta, end); !ok {
		return 0, p.tooMany(i)
	}
	i = skipWS(data, end)
	if i >= len(data) {
		return 0, p.eof()
	}
	if data[i] != ':' {
		return 0, p.errChar(i, "after object key")
	}
	return i + 1, nil
}

func (p *parser) parse() error {
	data := p.data
	i := 0
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		i = 3
	}
	for {
		// A value starts here.
		i = skipWS(data, i)
		if i >= len(data) {
			return p.eof()
		}
		c := data[i]
		switch {
		case c == '"':
			end, esc, err := p.scanString(i)
			if err != nil {
				return err
			}
			meta := mkMeta(String, i)
			if esc {
				meta |= escFlag
			}
			if _, ok := p.newNode(meta, end); !ok {
				return p.tooMany(i)
			}
			i = end
		case c == '{' || c == '[':
			if len(p.stack) >= MaxDepth {
				return p.errAt(i, "nesting deeper than 10000 levels")
			}
			obj := c == '{'
			k := Array
			if obj {
				k = Object
			}
			idx, ok := p.newNode(mkMeta(k, i), 0)
			if !ok {
				return p.tooMany(i)
			}
			p.stack = append(p.stack, frame{node: idx, base: uint32(len(p.scratch)), obj: obj})
			i = skipWS(data, i+1)
			if i >= len(data) {
				return p.eof()
			}
			if obj {
				if data[i] == '}' {
					p.close(i)
					i++
					break // to the code after a value
				}
				if data[i] != '"' {
					return p.errChar(i, "looking for beginning of object key string")
				}
				var err error
				if i, err = p.key(i); err != nil {
					return err
				}
				continue
			}
			if data[i] == ']' {
				p.close(i)
				i++
				break
			}
			continue
		case c == '-' || c-'0' <= 9:
			end, err := p.scanNumber(i)
			if err != nil {
				return err
			}
			if _, ok := p.newNode(mkMeta(Number, i), end); !ok {
				return p.tooMany(i)
			}
			i = end
		case c == 't':
			if err := p.literal(i, "true"); err != nil {
				return err
			}
			if _, ok := p.newNode(mkMeta(True, i), i+4); !ok {
				return p.tooMany(i)
			}
			i += 4
		case c == 'f':
			if err := p.literal(i, "false"); err != nil {
				return err
			}
			if _, ok := p.newNode(mkMeta(False, i), i+5); !ok {
				return p.tooMany(i)
			}
			i += 5
		case c == 'n':
			if err := p.literal(i, "null"); err != nil {
				return err
			}
			if _, ok := p.newNode(mkMeta(Null, i), i+4); !ok {
				return p.tooMany(i)
			}
			i += 4
		default:
			return p.errChar(i, "looking for beginning of value")
		}

		// A value ended at i: close containers until one continues.
	after:
		for {
			if len(p.stack) == 0 {
				i = skipWS(data, i)
				if i < len(data) {
					return p.errChar(i, "after top-level value")
				}
				return nil
			}
			i = skipWS(data, i)
			if i >= len(data) {
				return p.eof()
			}
			c := data[i]
			if p.stack[len(p.stack)-1].obj {
				switch c {
				case ',':
					i = skipWS(data, i+1)
					if i >= len(data) {
						return p.eof()
					}
					if data[i] != '"' {
						return p.errChar(i, "looking for beginning of object key string")
					}
					var err error
					if i, err = p.key(i); err != nil {
						return err
					}
					break after
				case '}':
					p.close(i)
					i++
				default:
					return p.errChar(i, "after object key:value pair")
				}
			} else {
				switch c {
				case ',':
					i++
					break after
				case ']':
					p.close(i)
					i++
				default:
					return p.errChar(i, "after array element")
				}
			}
		}
	}
}

const (
	lsb     = 0x0101010101010101
	msb     = 0x8080808080808080
	spaces8 = 0x2020202020202020
)

// skipWS returns the offset of the first non-whitespace byte at or after i.
func skipWS(data []byte, i int) int {
	for i < len(data) {
		c := data[i]
		if c > ' ' {
			return i
		}
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return i
		}
		i++
		// Pretty-printed reports indent with long runs of spaces.
		for i+8 <= len(data) {
			if y := binary.LittleEndian.Uint64(data[i:]) ^ spaces8; y != 0 {
				i += bits.TrailingZeros64(y) >> 3
				break
			}
			i += 8
		}
	}
	return i
}

// scanString validates the string whose opening quote is at i. It returns the
// offset just past the closing quote and whether the string has escapes.
func (p *parser) scanString(i int) (end int, esc bool, err error) {
	data := p.data
	i++
	for {
		// Skip eight plain bytes at a time: stop at the first '"', '\\'
		// or control character. Only the lowest flagged byte is exact,
		// which is the one we use.
		for i+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[i:])
			q := x ^ (lsb * '"')
			b := x ^ (lsb * '\\')
			t := ((q - lsb) &^ q) | ((b - lsb) &^ b) | ((x - lsb*0x20) &^ x)
			if t &= msb; t != 0 {
				i += bits.TrailingZeros64(t) >> 3
				break
			}
			i += 8
		}
		if i >= len(data) {
			return 0, false, p.eof()
		}
		c := data[i]
		switch {
		case c == '"':
			return i + 1, esc, nil
		case c == '\\':
			esc = true
			i++
			if i >= len(data) {
				return 0, false, p.eof()
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				i++
				for k := 0; k < 4; k++ {
					if i >= len(data) {
						return 0, false, p.eof()
					}
					if !isHex(data[i]) {
						return 0, false, p.errChar(i, `in \u hexadecimal character escape`)
					}
					i++
				}
			default:
				return 0, false, p.errChar(i, "in string escape code")
			}
		case c < 0x20:
			return 0, false, p.errChar(i, "in string literal")
		default:
			i++
		}
	}
}

func isHex(c byte) bool {
	return c-'0' <= 9 || (c|0x20)-'a' <= 5
}

func isDigit(c byte) bool { return c-'0' <= 9 }

// scanNumber validates the number starting at i (a '-' or a digit) and returns
// the offset just past it.
func (p *parser) scanNumber(i int) (int, error) {
	data := p.data
	if data[i] == '-' {
		i++
		if i >= len(data) {
			return 0, p.eof()
		}
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case isDigit(c):
		i++
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		return 0, p.errChar(i, "in numeric literal")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) {
			return 0, p.eof()
		}
		if !isDigit(data[i]) {
			return 0, p.errChar(i, "after decimal point in numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			return 0, p.eof()
		}
		if !isDigit(data[i]) {
			return 0, p.errChar(i, "in exponent of numeric literal")
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	return i, nil
}

// literal checks that lit (true, false or null) is at i.
func (p *parser) literal(i int, lit string) error {
	data := p.data
	if i+len(lit) <= len(data) && string(data[i:i+len(lit)]) == lit {
		return nil
	}
	for k := 1; k < len(lit); k++ {
		if i+k >= len(data) {
			return p.eof()
		}
		if data[i+k] != lit[k] {
			return p.errChar(i+k, "in literal "+lit+" (expecting "+quoteChar(lit[k])+")")
		}
	}
	return nil // unreachable
}
