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
// The index takes 24 bytes per array or object plus 8 per array element (and
// 16 per member of objects of more than 16 members); strings, numbers and
// literals take nothing. That is about 0.17 times the input for a
// pretty-printed CAPE report and 0.4 times for a compact one. Offsets are
// 64-bit, so inputs over 4 GB work; a document may hold up to 2^32-1 arrays
// and objects.
func Parse(data []byte) (*Doc, error) {
	if uint64(len(data)) > offsetMask {
		return nil, &SyntaxError{Offset: 0, Msg: "input too large"}
	}
	// Reserve more than reports need (an indexed container about every
	// 200 bytes of a compact report, an array element every 100, a key
	// every 40): growing a table copies it, and the copy and the old table
	// are both resident at the peak, while capacity that is never written
	// is never touched, so it costs address space, not memory.
	p := parser{
		data:  data,
		conts: make([]cont, 0, len(data)/64+16),
		kids:  make([]Node, 0, len(data)/24+16),
		keys:  make([]uint16, 0, len(data)/16+16),
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return &Doc{data: data, conts: p.conts, kids: p.kids, keys: p.keys, bigEnd: p.bigEnd, root: p.root, plainLeaves: !p.mixedLeaves}, nil
}

type parser struct {
	data    []byte
	conts   []cont
	kids    []Node
	bigEnd  map[uint32]uint64
	root    Node
	scratch []Node // children of the open containers, innermost last
	keys    []uint16
	stack   []frame // open containers
	// mixedLeaves: an unindexed object repeats a key or has an escaped
	// one (see Doc.plainLeaves).
	mixedLeaves bool
}

type frame struct {
	ci   uint32 // the container's number
	base uint32 // where its children start in scratch
	obj  bool
	esc  bool // an object with a key that has escapes
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

// add records a value that starts at i as a child of the innermost open
// container, or as the root.
func (p *parser) add(n Node) {
	if len(p.stack) > 0 {
		p.scratch = append(p.scratch, n)
	} else {
		p.root = n
	}
}

// open starts an array or object at i; it returns false when the document
// has more containers than a Node can number.
func (p *parser) open(i int, obj bool) bool {
	ci := len(p.conts)
	if uint64(ci) >= math.MaxUint32 {
		return false
	}
	meta := uint64(i)
	if obj {
		meta |= objFlag
	}
	p.conts = append(p.conts, cont{meta: meta})
	p.add(Node(ci))
	p.stack = append(p.stack, frame{ci: uint32(ci), base: uint32(len(p.scratch)), obj: obj})
	return true
}

// close finishes the innermost container, whose closing bracket is at i.
func (p *parser) close(i int) {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	ch := p.scratch[f.base:]
	c := &p.conts[f.ci]
	n := len(ch)
	if f.obj {
		n /= 2
	}
	size := uint64(i+1) - c.start()
	if int(f.ci) == len(p.conts)-1 && n <= leafLen && size <= leafSize && p.flat(ch, f.obj) {
		// Small, and only strings, numbers and literals inside: no record.
		if f.obj && !p.mixedLeaves && (f.esc || n > 1 && p.repeatsKey(ch)) {
			p.mixedLeaves = true
		}
		leaf := Node(c.start()) | scalarBit
		p.conts = p.conts[:f.ci]
		if f.base > 0 {
			p.scratch[f.base-1] = leaf
		} else {
			p.root = leaf
		}
	} else {
		if size < sizeBig {
			c.size = uint32(size)
		} else {
			c.size = sizeBig
			if p.bigEnd == nil {
				p.bigEnd = map[uint32]uint64{}
			}
			p.bigEnd[f.ci] = uint64(i + 1)
		}
		c.next = uint32(len(p.conts))
		c.n = uint32(n)
		if f.obj && n <= smallObject && size <= math.MaxUint16 && !f.esc {
			c.meta |= tableFlag
			c.kid = uint32(len(p.keys))
			for j := 0; j < len(ch); j += 2 {
				p.keys = append(p.keys, uint16(uint64(ch[j]&^scalarBit)-c.start()))
			}
		} else {
			c.kid = uint32(len(p.kids))
			p.kids = append(p.kids, ch...)
		}
	}
	p.scratch = p.scratch[:f.base]
}

// repeatsKey reports whether two of the keys of a small object, none of
// them escaped, are the same. ch holds keys and values alternately.
func (p *parser) repeatsKey(ch []Node) bool {
	if len(ch) > 8 {
		// More than four keys: each found once, not once per pair.
		var texts [leafLen][]byte
		for j := 0; j < len(ch); j += 2 {
			t := p.keyText(ch, j)
			for _, u := range texts[:j/2] {
				if string(u) == string(t) {
					return true
				}
			}
			texts[j/2] = t
		}
		return false
	}
	for j := 2; j < len(ch); j += 2 {
		t := p.keyText(ch, j)
		for i := 0; i < j; i += 2 {
			if string(p.keyText(ch, i)) == string(t) {
				return true
			}
		}
	}
	return false
}

// keyText is the text of key ch[j], without quotes: its closing quote is
// the last one before the colon that precedes the value ch[j+1].
func (p *parser) keyText(ch []Node, j int) []byte {
	data := p.data
	e := int(ch[j+1]&^scalarBit) - 1
	for data[e] != ':' {
		e--
	}
	for e--; data[e] != '"'; e-- {
	}
	return data[int(ch[j]&^scalarBit)+1 : e]
}

// flat reports whether the children (members: the values) are all
// strings, numbers or literals.
func (p *parser) flat(ch []Node, obj bool) bool {
	j, step := 0, 1
	if obj {
		j, step = 1, 2
	}
	for ; j < len(ch); j += step {
		if ch[j]&scalarBit == 0 {
			return false
		}
		if c := p.data[ch[j]&^scalarBit]; c == '{' || c == '[' {
			return false
		}
	}
	return true
}

func (p *parser) tooMany(i int) error {
	return p.errAt(i, "document has more than 4294967295 arrays and objects")
}

// key parses an object key starting at the quote at i, then the colon, and
// returns the offset after the colon.
func (p *parser) key(i int) (int, error) {
	data := p.data
	end, esc, err := p.scanString(i)
	if err != nil {
		return 0, err
	}
	p.scratch = append(p.scratch, Node(i)|scalarBit)
	if esc {
		p.stack[len(p.stack)-1].esc = true
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
			end, _, err := p.scanString(i)
			if err != nil {
				return err
			}
			p.add(Node(i) | scalarBit)
			i = end
		case c == '{' || c == '[':
			if len(p.stack) >= MaxDepth {
				return p.errAt(i, "nesting deeper than 10000 levels")
			}
			obj := c == '{'
			if !p.open(i, obj) {
				return p.tooMany(i)
			}
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
			p.add(Node(i) | scalarBit)
			i = end
		case c == 't':
			if err := p.literal(i, "true"); err != nil {
				return err
			}
			p.add(Node(i) | scalarBit)
			i += 4
		case c == 'f':
			if err := p.literal(i, "false"); err != nil {
				return err
			}
			p.add(Node(i) | scalarBit)
			i += 5
		case c == 'n':
			if err := p.literal(i, "null"); err != nil {
				return err
			}
			p.add(Node(i) | scalarBit)
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

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// tz8 is the byte index of the lowest set bit of t.
func tz8(t uint64) int { return bits.TrailingZeros64(t) >> 3 }

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
