// Package jsondoc keeps a JSON document as its raw bytes plus a compact
// structural index (a tape of Nodes), so a report of hundreds of megabytes is
// validated in one pass and decoded only where it is read. Each Node records a
// value's kind and byte span and, for arrays and objects, where its children
// are listed, so Index and Member are O(1); strings are unescaped by Str on
// demand (without copying when they have no escapes) and numbers are returned
// as their source text by Raw. A Doc is immutable and safe for concurrent use,
// so one parsed report is shared by every worker.
//
//	doc, err := jsondoc.Parse(data)
//	if err != nil {
//		return err // a *jsondoc.SyntaxError with the byte offset
//	}
//	beh, _ := doc.Get(doc.Root(), "behavior")
//	procs, _ := doc.Get(beh, "processes")
//	for i := range doc.Len(procs) {
//		p, _ := doc.Index(procs, i)
//		name, _ := doc.Get(p, "process_name")
//		fmt.Println(doc.Str(name))
//	}
package jsondoc

import (
	"bytes"
	"unicode/utf8"
	"unsafe"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The kinds of JSON values. Invalid is the zero value; accessors return it for
// a Node that is not in the Doc.
const (
	Invalid Kind = iota // not a node of the document
	Null                // null
	False               // false
	True                // true
	Number              // a number; its text is Doc.Raw
	String              // a string; its decoded value is Doc.Str
	Array               // an array; see Doc.Len and Doc.Index
	Object              // an object; see Doc.Len, Doc.Member and Doc.Get
)

var kindNames = [...]string{
	Invalid: "invalid",
	Null:    "null",
	False:   "false",
	True:    "true",
	Number:  "number",
	String:  "string",
	Array:   "array",
	Object:  "object",
}

// String returns the lower-case JSON name of the kind ("null", "object", ...),
// or "invalid" for Invalid and any value that is not a Kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Node identifies one value in a Doc: an index into its node table. The root
// value is Node 0; a Node is only meaningful for the Doc that produced it.
type Node uint32

// node is one entry of the tape: 24 bytes per value.
//
// meta packs the start offset (low 56 bits), the kind (bits 56-59) and the
// has-escapes flag for strings (bit 63). end is the offset just past the last
// byte of the value. For arrays and objects, kid is the index in Doc.kids of
// the first child and n the number of elements (arrays) or members (objects);
// an object's children alternate key and value, so it has 2*n of them.
type node struct {
	meta uint64
	end  uint64
	kid  uint32
	n    uint32
}

const (
	offsetMask = 1<<56 - 1
	kindShift  = 56
	escFlag    = 1 << 63
)

func (nd *node) kind() Kind           { return Kind(nd.meta>>kindShift) & 0x0f }
func (nd *node) start() uint64        { return nd.meta & offsetMask }
func (nd *node) escaped() bool        { return nd.meta&escFlag != 0 }
func mkMeta(k Kind, start int) uint64 { return uint64(start) | uint64(k)<<kindShift }

// Doc is a parsed JSON document: the input bytes plus the structural index.
// It is immutable; all methods are safe for concurrent use. Methods given a
// Node that is out of range (or of the wrong kind) return zero values rather
// than panic.
type Doc struct {
	data  []byte
	nodes []node
	kids  []uint32
}

// Root returns the top-level value, which is always Node 0.
func (d *Doc) Root() Node { return 0 }

// Data returns the bytes given to Parse (including any BOM and surrounding
// whitespace). The caller must not modify them.
func (d *Doc) Data() []byte { return d.data }

// NodeCount returns the number of values in the document, keys included.
// Valid nodes are 0 to NodeCount()-1, in document order.
func (d *Doc) NodeCount() int { return len(d.nodes) }

func (d *Doc) node(n Node) *node {
	if uint64(n) < uint64(len(d.nodes)) {
		return &d.nodes[n]
	}
	return nil
}

// Kind returns the kind of n, or Invalid if n is not a node of d.
func (d *Doc) Kind(n Node) Kind {
	if nd := d.node(n); nd != nil {
		return nd.kind()
	}
	return Invalid
}

// Len returns the number of elements of an array or members of an object;
// 0 for any other node.
func (d *Doc) Len(n Node) int {
	if nd := d.node(n); nd != nil {
		return int(nd.n) // scalars have n == 0
	}
	return 0
}

// Index returns the i-th (0-based) element of array n in constant time. ok is
// false if n is not an array or i is out of range.
func (d *Doc) Index(n Node, i int) (Node, bool) {
	nd := d.node(n)
	if nd == nil || nd.kind() != Array || i < 0 || i >= int(nd.n) {
		return 0, false
	}
	return Node(d.kids[int(nd.kid)+i]), true
}

// Member returns the key (a String node) and value of the i-th (0-based)
// member of object n, in document order, in constant time. ok is false if n is
// not an object or i is out of range. Duplicate keys are all listed.
func (d *Doc) Member(n Node, i int) (key, val Node, ok bool) {
	nd := d.node(n)
	if nd == nil || nd.kind() != Object || i < 0 || i >= int(nd.n) {
		return 0, 0, false
	}
	j := int(nd.kid) + 2*i
	return Node(d.kids[j]), Node(d.kids[j+1]), true
}

// Get returns the value of the member of object n whose decoded key equals
// key. When a key occurs more than once the last member wins, as with
// encoding/json and Python. The lookup is a linear scan over the members that
// compares the raw bytes directly for keys without escapes.
func (d *Doc) Get(n Node, key string) (Node, bool) {
	nd := d.node(n)
	if nd == nil || nd.kind() != Object {
		return 0, false
	}
	kids := d.kids[nd.kid : int(nd.kid)+2*int(nd.n)]
	for j := len(kids) - 2; j >= 0; j -= 2 {
		k := &d.nodes[kids[j]]
		raw := d.data[k.start()+1 : k.end-1]
		if !k.escaped() {
			if string(raw) == key {
				return Node(kids[j+1]), true
			}
			continue
		}
		// A decoded string is never longer than its escaped form.
		if len(raw) >= len(key) && unescape(raw) == key {
			return Node(kids[j+1]), true
		}
	}
	return 0, false
}

// Str returns the decoded value of a String node (values and keys alike), or
// "" for any other node. When the source has no backslash escapes the result
// shares memory with Data (no copy); otherwise escapes are decoded as JSON
// specifies, \uXXXX surrogate pairs are combined and lone surrogates become
// U+FFFD. Bytes that are not valid UTF-8 are returned unchanged.
func (d *Doc) Str(n Node) string {
	nd := d.node(n)
	if nd == nil || nd.kind() != String {
		return ""
	}
	s, e := nd.start()+1, nd.end-1
	if s == e {
		return ""
	}
	if !nd.escaped() {
		return unsafe.String(&d.data[s], int(e-s))
	}
	return unescape(d.data[s:e])
}

// Raw returns the exact source bytes of n: for strings including the quotes,
// for containers from the opening to the closing bracket. The slice aliases
// Data and must not be modified; it is nil if n is not a node of d.
func (d *Doc) Raw(n Node) []byte {
	nd := d.node(n)
	if nd == nil {
		return nil
	}
	s := nd.start()
	return d.data[s:nd.end:nd.end]
}

// Span returns the byte offsets in Data of Raw(n): start inclusive, end
// exclusive. Both are 0 if n is not a node of d.
func (d *Doc) Span(n Node) (start, end int64) {
	nd := d.node(n)
	if nd == nil {
		return 0, 0
	}
	return int64(nd.start()), int64(nd.end)
}

// Bool reports whether n is the literal true.
func (d *Doc) Bool(n Node) bool { return d.Kind(n) == True }

// unescape decodes the body of a validated JSON string that contains at least
// one backslash escape.
func unescape(raw []byte) string {
	buf := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			j := bytes.IndexByte(raw[i:], '\\')
			if j < 0 {
				buf = append(buf, raw[i:]...)
				break
			}
			buf = append(buf, raw[i:i+j]...)
			i += j
			continue
		}
		if i+1 >= len(raw) { // unreachable for a validated string
			break
		}
		switch raw[i+1] {
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r := hex4(raw[i+2:])
			i += 6
			if r >= 0xD800 && r < 0xE000 {
				// As encoding/json: a high surrogate followed by an escaped
				// low one is a pair; anything else is U+FFFD and the next
				// escape is decoded on its own.
				if r < 0xDC00 && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2 := hex4(raw[i+2:]); r2 >= 0xDC00 && r2 < 0xE000 {
						r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
						i += 6
						buf = utf8.AppendRune(buf, r)
						continue
					}
				}
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default: // '"', '\\', '/'
			buf = append(buf, raw[i+1])
		}
		i += 2
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// hex4 decodes four hex digits; b has been validated by the parser.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return utf8.RuneError
	}
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}
