// Package jsondoc keeps a JSON document as its raw bytes plus a compact
// structural index of its arrays and objects, so a report of hundreds of
// megabytes is validated in one pass and decoded only where it is read. The
// index holds one 24-byte record per array and object (none per string,
// number or literal) and the element list of each array, so Index is O(1);
// object members are found by scanning the object's own bytes, skipping
// nested values through the index. Strings are unescaped by Str on demand
// (without copying when they have no escapes) and numbers are returned as
// their source text by Raw. A Doc is immutable and safe for concurrent use,
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
	"iter"
	"strings"
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

// Node identifies one value in a Doc. Each value has exactly one Node, so
// Nodes compare equal exactly when they are the same value. A Node is only
// meaningful for the Doc that produced it: it is the number of an indexed
// array or object in document order or, with the top bit set, the byte
// offset of any other value.
type Node uint64

const scalarBit = 1 << 63

// cont is the index record of one array or object: 24 bytes.
//
// Small containers with only strings, numbers and literals inside (the
// {name, value} arguments of a call, an empty list) get no record: like strings and
// numbers they are a byte offset, and are read by scanning their text.
//
// meta packs the offset of the opening bracket (low 56 bits) and flags.
// size is the length of its text (sizeBig when it does not fit: the end is
// then in Doc.bigEnd). n is the number of elements or members. next is the
// number of the first container after this one's descendants. kid says
// where the children are listed:
//   - arrays: their elements, in Doc.kids;
//   - objects of at most 16 members, under 64 KiB, whose keys have no
//     escapes (nearly all of a report): the offsets of their keys relative
//     to the opening brace, 2 bytes each, in Doc.keys; Get compares keys in
//     place and finds the value right after the colon;
//   - other objects: keys and values alternately, in Doc.kids.
type cont struct {
	meta uint64
	size uint32
	n    uint32
	kid  uint32
	next uint32
}

const (
	offsetMask = 1<<56 - 1
	objFlag    = 1 << 63 // an object (else an array)
	tableFlag  = 1 << 62 // an object with key offsets in Doc.keys
	sizeBig    = 1<<32 - 1

	// smallObject is the most members an object with a key table may
	// have; larger ones get a member list.
	smallObject = 16
	// leafSize and leafLen bound the containers without a record: at
	// most this many bytes and elements or members, none of them an
	// array or object (so reading one never scans more than leafSize).
	leafSize = 512
	leafLen  = 16
)

func (c *cont) start() uint64 { return c.meta & offsetMask }
func (c *cont) isObj() bool   { return c.meta&objFlag != 0 }
func (c *cont) table() bool   { return c.meta&tableFlag != 0 }

// Doc is a parsed JSON document: the input bytes plus the structural index.
// It is immutable; all methods are safe for concurrent use. Methods given a
// Node that is not in the Doc return zero values rather than panic.
type Doc struct {
	data   []byte
	conts  []cont
	kids   []Node
	keys   []uint16
	bigEnd map[uint32]uint64 // end offsets of containers of 4 GiB or more
	root   Node
	// plainLeaves: no unindexed object repeats a key or has an escaped
	// one, as in every report a sandbox writes. Pair then need not read
	// past the members it returns.
	plainLeaves bool
}

// Root returns the top-level value. It is Node 0 when that is an array or
// an object with a record.
func (d *Doc) Root() Node { return d.root }

// Data returns the bytes given to Parse (including any BOM and surrounding
// whitespace). The caller must not modify them.
func (d *Doc) Data() []byte { return d.data }

// Containers returns the number of arrays and objects with an index record;
// they are Nodes 0 to Containers()-1, in document order.
func (d *Doc) Containers() int { return len(d.conts) }

// IndexSize returns the bytes of index written beside the input. Parse
// reserves more capacity than most documents use; the part never written
// is address space, not resident memory.
func (d *Doc) IndexSize() int64 {
	return int64(len(d.conts))*int64(unsafe.Sizeof(cont{})) + int64(len(d.kids))*8 + int64(len(d.keys))*2
}

func (d *Doc) cont(n Node) *cont {
	if uint64(n) < uint64(len(d.conts)) {
		return &d.conts[n]
	}
	return nil
}

func (d *Doc) end(c *cont, n Node) uint64 {
	if c.size != sizeBig {
		return c.start() + uint64(c.size)
	}
	return d.bigEnd[uint32(n)]
}

// scalar returns the offset of unindexed node n, or false.
func (d *Doc) scalar(n Node) (int, bool) {
	if n&scalarBit == 0 {
		return 0, false
	}
	off := uint64(n &^ scalarBit)
	if off >= uint64(len(d.data)) {
		return 0, false
	}
	return int(off), true
}

// leaf returns the offset of n if it is an unindexed container of kind k.
func (d *Doc) leaf(n Node, k Kind) (int, bool) {
	off, ok := d.scalar(n)
	if !ok || valueKind[d.data[off]] != k {
		return 0, false
	}
	return off, true
}

// Kind returns the kind of n, or Invalid if n is not a node of d.
func (d *Doc) Kind(n Node) Kind {
	if n&scalarBit == 0 {
		if c := d.cont(n); c != nil {
			if c.isObj() {
				return Object
			}
			return Array
		}
		return Invalid
	}
	off, ok := d.scalar(n)
	if !ok {
		return Invalid
	}
	return valueKind[d.data[off]]
}

var valueKind = [256]Kind{
	'"': String, 't': True, 'f': False, 'n': Null, '-': Number,
	'0': Number, '1': Number, '2': Number, '3': Number, '4': Number,
	'5': Number, '6': Number, '7': Number, '8': Number, '9': Number,
	'[': Array, '{': Object,
}

// Len returns the number of elements of an array or members of an object;
// 0 for any other node.
func (d *Doc) Len(n Node) int {
	if c := d.cont(n); c != nil {
		return int(c.n)
	}
	off, ok := d.scalar(n)
	if !ok {
		return 0
	}
	k := valueKind[d.data[off]]
	if k != Array && k != Object {
		return 0
	}
	s := d.leafScan(off)
	i := 0
	for ; s.more(); i++ {
		if k == Object {
			s.keySpan()
		}
		s.value()
	}
	return i
}

// Index returns the i-th (0-based) element of array n: in constant time,
// or at most 16 steps for a small array of scalars. ok is false if n is
// not an array or i is out of range.
func (d *Doc) Index(n Node, i int) (Node, bool) {
	if i < 0 {
		return 0, false
	}
	if c := d.cont(n); c != nil {
		if c.isObj() || i >= int(c.n) {
			return 0, false
		}
		return d.kids[int(c.kid)+i], true
	}
	off, ok := d.leaf(n, Array)
	if !ok {
		return 0, false
	}
	s := d.leafScan(off)
	for s.more() {
		v := s.value()
		if i == 0 {
			return v, true
		}
		i--
	}
	return 0, false
}

// Member returns the key (a String node) and value of the i-th (0-based)
// member of object n, in document order. ok is false if n is not an object
// or i is out of range. Duplicate keys are all listed. It takes constant
// time, or at most 16 steps in a small object of strings and numbers.
func (d *Doc) Member(n Node, i int) (key, val Node, ok bool) {
	if i < 0 {
		return 0, 0, false
	}
	if c := d.cont(n); c != nil {
		if !c.isObj() || i >= int(c.n) {
			return 0, 0, false
		}
		if c.table() {
			ko := int(c.start()) + int(d.keys[int(c.kid)+i])
			return Node(ko) | scalarBit, d.valueAfter(n, c, stringSkip(d.data, ko)), true
		}
		j := int(c.kid) + 2*i
		return d.kids[j], d.kids[j+1], true
	}
	off, ok := d.leaf(n, Object)
	if !ok {
		return 0, 0, false
	}
	s := d.leafScan(off)
	for s.more() {
		k, _, _ := s.keySpan()
		v := s.value()
		if i == 0 {
			return Node(k) | scalarBit, v, true
		}
		i--
	}
	return 0, 0, false
}

// Get returns the value of the member of object n whose decoded key equals
// key. When a key occurs more than once the last member wins, as with
// encoding/json and Python. Keys are compared in place, from the last
// member back; Get does not allocate.
func (d *Doc) Get(n Node, key string) (Node, bool) {
	data := d.data
	c := d.cont(n)
	if c == nil {
		off, ok := d.leaf(n, Object)
		if !ok {
			return 0, false
		}
		return d.leafGet(off, key)
	}
	if !c.isObj() {
		return 0, false
	}
	if !c.table() {
		kids := d.kids[c.kid : int(c.kid)+2*int(c.n)]
		for j := len(kids) - 2; j >= 0; j -= 2 {
			if d.keyIs(int(kids[j]&^scalarBit), key) {
				return kids[j+1], true
			}
		}
		return 0, false
	}
	// The keys have no escapes, so one with a backslash is not there, and
	// a key's text is key exactly when key and a quote are at its start.
	if strings.IndexByte(key, '\\') >= 0 {
		return 0, false
	}
	base := int(c.start()) + 1
	tab := d.keys[c.kid : int(c.kid)+int(c.n)]
	for j := len(tab) - 1; j >= 0; j-- {
		ks := base + int(tab[j])
		e := ks + len(key)
		if e < len(data) && data[e] == '"' && string(data[ks:e]) == key {
			return d.valueAfter(n, c, e+1), true
		}
	}
	return 0, false
}

// Members yields the key (a String node) and value of each member of object
// n in document order, duplicates included; nothing if n is not an object.
// It reads a small object's text once, where a loop over Member would read
// it from the start for each member.
func (d *Doc) Members(n Node) iter.Seq2[Node, Node] {
	return func(yield func(Node, Node) bool) {
		if c := d.cont(n); c != nil {
			for i := range d.Len(n) {
				if k, v, ok := d.Member(n, i); !ok || !yield(k, v) {
					return
				}
			}
			return
		}
		off, ok := d.leaf(n, Object)
		if !ok {
			return
		}
		s := d.leafScan(off)
		for s.more() {
			k, _, _ := s.keySpan()
			if !yield(Node(k)|scalarBit, s.value()) {
				return
			}
		}
	}
}

// Entries is Members with each key decoded, as Str would: it reads a
// small object's keys once instead of twice.
func (d *Doc) Entries(n Node) iter.Seq2[string, Node] {
	return func(yield func(string, Node) bool) {
		off, ok := d.leaf(n, Object)
		if !ok {
			for k, v := range d.Members(n) {
				if !yield(d.Str(k), v) {
					return
				}
			}
			return
		}
		data := d.data
		s := d.leafScan(off)
		for s.more() {
			_, ks, ke := s.keySpan()
			raw := data[ks:ke]
			var key string
			if !d.plainLeaves && bytes.IndexByte(raw, '\\') >= 0 {
				key = unescape(raw)
			} else if len(raw) > 0 {
				key = unsafe.String(&raw[0], len(raw))
			}
			if !yield(key, s.value()) {
				return
			}
		}
	}
}

// GetMany is Get for several keys of one object: vals[i] is set to the
// value of keys[i] (the last one if the key repeats) and bit i of found
// says it was there. A small object of strings and numbers is read once
// for all the keys instead of once per key. len(vals) must be at least
// len(keys); keys past the 64th are not looked up.
func (d *Doc) GetMany(n Node, keys []string, vals []Node) (found uint64) {
	keys = keys[:min(len(keys), 64)]
	off, ok := d.leaf(n, Object)
	if !ok {
		for i, k := range keys {
			if v, ok := d.Get(n, k); ok {
				vals[i], found = v, found|1<<i
			}
		}
		return found
	}
	data := d.data
	s := d.leafScan(off)
	for s.more() {
		_, ks, ke := s.keySpan()
		v := s.value()
		raw := data[ks:ke]
		for i, k := range keys {
			// As in leafGet: an escaped key decodes to something shorter.
			match := string(raw) == k && strings.IndexByte(k, '\\') < 0
			if !match && len(raw) > len(k) && bytes.IndexByte(raw, '\\') >= 0 {
				match = unescape(raw) == k
			}
			if match {
				vals[i], found = v, found|1<<i
			}
		}
	}
	return found
}

// PairKeys are the keys Doc.Pair reads, prepared once: a report has
// millions of call arguments, all read with the same two keys. Keys short
// enough are compared as one 8-byte word, quotes included.
type PairKeys struct {
	k1, k2 string
	w1, w2 uint64 // the quoted keys as little-endian words ...
	m1, m2 uint64 // ... and the masks of their bytes (0: compared as strings)
	same   bool   // k1 == k2: no object has that shape
}

// NewPairKeys prepares k1 and k2 for Pair.
func NewPairKeys(k1, k2 string) *PairKeys {
	k := &PairKeys{k1: k1, k2: k2, same: k1 == k2}
	k.w1, k.m1 = quotedWord(k1)
	k.w2, k.m2 = quotedWord(k2)
	return k
}

func quotedWord(k string) (w, m uint64) {
	if len(k)+2 > 8 {
		return 0, 0
	}
	q := `"` + k + `"`
	for i := len(q) - 1; i >= 0; i-- {
		w, m = w<<8|uint64(q[i]), m<<8|0xff
	}
	return w, m
}

// Pair reads an unindexed object whose first members are k.k1, with a
// string value, and then k.k2, and whose other members, if any, are
// neither: the shape of every call argument in Cuckoo and CAPE reports
// ({"name": ..., "value": ...}, sometimes followed by "pretty_value"). It
// returns k1's decoded string and k2's value in one forward pass. ok is
// false for an object of any other shape (another order, escaped keys, an
// indexed object); where ok is true, Get would give the same answers. The
// keys must be written in JSON as they are: no quote, backslash or control
// character.
func (d *Doc) Pair(n Node, k *PairKeys) (s1 string, v2 Node, ok bool) {
	off, ok := d.leaf(n, Object)
	if !ok || k.same {
		return "", 0, false
	}
	data := d.data
	i, ok := keyAt(data, off+1, k.k1, k.w1, k.m1)
	if !ok || data[i] != '"' {
		return "", 0, false
	}
	// k1's string, read in place up to its closing quote or a backslash.
	e := i + 1
	for e+8 <= len(data) {
		w := le64(data[e:])
		x, y := w^(lsb*'"'), w^(lsb*'\\')
		if t := ((x-lsb)&^x | (y-lsb)&^y) & msb; t != 0 {
			e += tz8(t)
			break
		}
		e += 8
	}
	for e < len(data) && data[e] != '"' && data[e] != '\\' {
		e++
	}
	if e >= len(data) {
		return "", 0, false
	}
	if data[e] == '"' {
		s1 = unsafe.String(unsafe.SliceData(data[i+1:]), e-(i+1))
		e++
	} else {
		e = stringSkip(data, i)
		s1 = unescape(data[i+1 : e-1])
	}
	if e < len(data) && data[e] != ',' {
		e = skipWSCall(data, e)
	}
	if e >= len(data) || data[e] != ',' {
		return "", 0, false
	}
	i, ok = keyAt(data, e+1, k.k2, k.w2, k.m2)
	if !ok {
		return "", 0, false
	}
	v2 = Node(i) | scalarBit
	if d.plainLeaves {
		return s1, v2, true // no later member can be k1 or k2
	}
	// Most often k2's value closes the object; otherwise the other members
	// must not repeat k1 or k2, whose last value would win.
	if data[i] == '"' {
		e = stringSkip(data, i)
	} else {
		e = valueEnd(data, i)
	}
	if e < len(data) && data[e] != '}' {
		e = ws(data, e)
	}
	if e < len(data) && data[e] == '}' {
		return s1, v2, true
	}
	s := scan{d: d, i: e}
	for s.more() {
		_, ks, ke := s.keySpan()
		raw := data[ks:ke]
		if string(raw) == k.k1 || string(raw) == k.k2 || bytes.IndexByte(raw, '\\') >= 0 {
			return "", 0, false
		}
		s.value()
	}
	return s1, v2, true
}

// keyAt reads the key k, the colon and the spaces around them from i (at
// the key or at the spaces before it), in a validated object, and returns
// the offset of the value. ok is false when the key there is not written
// as k. w and m are k's word and mask from quotedWord.
func keyAt(data []byte, i int, k string, w, m uint64) (int, bool) {
	if i < len(data) && data[i] != '"' {
		i = skipWSCall(data, i)
	}
	e := i + 1 + len(k) // the closing quote
	if m != 0 && i+8 <= len(data) {
		if le64(data[i:])&m != w {
			return 0, false
		}
	} else if e+1 >= len(data) || data[i] != '"' || data[e] != '"' || string(data[i+1:e]) != k {
		return 0, false
	}
	i = e + 1
	if i < len(data) && data[i] != ':' {
		i = skipWSCall(data, i)
	}
	i++ // past the colon: the document is valid
	if i < len(data) && data[i] <= ' ' {
		i = skipWSCall(data, i)
	}
	return i, i < len(data)
}

// ws is skipWS with the common case, no whitespace at all, inlined.
func ws(data []byte, i int) int {
	if i < len(data) && data[i] > ' ' {
		return i
	}
	return skipWSCall(data, i)
}

// skipWSCall keeps skipWS out of ws, so that ws is inlined.
//
//go:noinline
func skipWSCall(data []byte, i int) int { return skipWS(data, i) }

// valueAfter returns the value that follows the key ending at e (just past
// its closing quote) in object n.
func (d *Doc) valueAfter(n Node, c *cont, e int) Node {
	data := d.data
	v := skipWS(data, skipWS(data, e)+1)
	if ch := data[v]; ch != '{' && ch != '[' {
		return Node(v) | scalarBit
	}
	// An indexed container is among n's descendants, which are numbered
	// in document order.
	lo, hi := int(n)+1, int(c.next)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.conts[m].start() < uint64(v) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(c.next) && d.conts[lo].start() == uint64(v) {
		return Node(lo)
	}
	return Node(v) | scalarBit
}

// leafGet is Get in an unindexed object at off.
func (d *Doc) leafGet(off int, key string) (Node, bool) {
	s := d.leafScan(off)
	var found Node
	ok := false
	esc := strings.IndexByte(key, '\\') >= 0 // key's own text would be escaped
	for s.more() {
		_, ks, ke := s.keySpan()
		raw := d.data[ks:ke]
		// An escaped key is longer than what it decodes to.
		match := string(raw) == key && !esc
		if len(raw) > len(key) && bytes.IndexByte(raw, '\\') >= 0 {
			match = unescape(raw) == key
		}
		v := s.value()
		if match {
			found, ok = v, true
		}
	}
	return found, ok
}

// keyIs reports whether the string at off decodes to key.
func (d *Doc) keyIs(off int, key string) bool { return d.Equal(Node(off)|scalarBit, key) }

// Equal reports whether n is a String node whose decoded value is s, without
// decoding or copying it: Equal(k, "name") == (Str(k) == "name").
func (d *Doc) Equal(n Node, s string) bool {
	off, ok := d.scalar(n)
	if !ok || d.data[off] != '"' {
		return false
	}
	data := d.data
	if strings.IndexByte(s, '\\') >= 0 {
		return d.Str(n) == s
	}
	// Up to the first byte that differs from s, the text has no escape
	// (s has no backslash), so it decodes to itself: the strings differ
	// there unless that byte starts an escape.
	i := off + 1
	for j := 0; j < len(s); j++ {
		if i+j >= len(data) {
			return false
		}
		if c := data[i+j]; c != s[j] {
			return c == '\\' && d.Str(n) == s
		}
	}
	if i+len(s) >= len(data) {
		return false
	}
	c := data[i+len(s)]
	return c == '"' || c == '\\' && d.Str(n) == s
}

// Str returns the decoded value of a String node (values and keys alike), or
// "" for any other node. When the source has no backslash escapes the result
// shares memory with Data (no copy); otherwise escapes are decoded as JSON
// specifies, \uXXXX surrogate pairs are combined and lone surrogates become
// U+FFFD. Bytes that are not valid UTF-8 are returned unchanged.
func (d *Doc) Str(n Node) string {
	off, ok := d.scalar(n)
	if !ok || d.data[off] != '"' {
		return ""
	}
	end, esc := stringEnd(d.data, off)
	s, e := off+1, end-1
	if s >= e {
		return ""
	}
	if !esc {
		return unsafe.String(&d.data[s], e-s)
	}
	return unescape(d.data[s:e])
}

// Raw returns the exact source bytes of n: for strings including the quotes,
// for containers from the opening to the closing bracket. The slice aliases
// Data and must not be modified; it is nil if n is not a node of d.
func (d *Doc) Raw(n Node) []byte {
	s, e := d.Span(n)
	if e == 0 {
		return nil
	}
	return d.data[s:e:e]
}

// Span returns the byte offsets in Data of Raw(n): start inclusive, end
// exclusive. Both are 0 if n is not a node of d.
func (d *Doc) Span(n Node) (start, end int64) {
	if c := d.cont(n); c != nil {
		return int64(c.start()), int64(d.end(c, n))
	}
	off, ok := d.scalar(n)
	if !ok {
		return 0, 0
	}
	e := valueEnd(d.data, off)
	if e == off {
		return 0, 0
	}
	return int64(off), int64(e)
}

// Bool reports whether n is the literal true.
func (d *Doc) Bool(n Node) bool { return d.Kind(n) == True }

// valueEnd returns the offset just past the unindexed value at off, or off
// if there is none.
func valueEnd(data []byte, off int) int {
	switch data[off] {
	case '"':
		return stringSkip(data, off)
	case 't', 'n':
		return min(off+4, len(data))
	case 'f':
		return min(off+5, len(data))
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return numberEnd(data, off)
	case '{', '[':
		return leafEnd(data, off)
	}
	return off
}

func numberEnd(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'e', 'E', '+', '-':
		default:
			return i
		}
	}
	return i
}

// leafEnd returns the offset just past the unindexed array or object at i.
func leafEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringSkip(data, i) - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// stringEnd returns the offset just past the closing quote of the
// (validated) string whose opening quote is at off, and whether it has
// escapes. It stops at the end of data for a string that is not one.
func stringEnd(data []byte, off int) (int, bool) {
	end := stringSkip(data, off)
	body := data[off+1 : max(end-1, off+1)]
	return end, bytes.IndexByte(body, '\\') >= 0
}

// stringSkip is stringEnd without the escape flag. A quote ends the string
// when an even number of backslashes precede it.
func stringSkip(data []byte, off int) int {
	i := off + 1
	for {
		i = nextQuote(data, i)
		if i >= len(data) {
			return len(data)
		}
		k := i - 1
		for k > off && data[k] == '\\' {
			k--
		}
		if (i-1-k)&1 == 0 {
			return i + 1
		}
		i++
	}
}

// nextQuote returns the offset of the first '"' at or after i, or
// len(data): eight bytes at a time, which beats bytes.IndexByte on the
// short strings of a report.
func nextQuote(data []byte, i int) int {
	for i+8 <= len(data) {
		x := le64(data[i:]) ^ (lsb * '"')
		if t := (x - lsb) &^ x & msb; t != 0 {
			return i + tz8(t)
		}
		i += 8
	}
	for ; i < len(data); i++ {
		if data[i] == '"' {
			return i
		}
	}
	return len(data)
}

// scan walks the members or elements of an unindexed container in the text
// of a validated document (none of them is indexed).
type scan struct {
	d *Doc
	i int
}

// leafScan is a scan of the unindexed container at off.
func (d *Doc) leafScan(off int) scan {
	return scan{d: d, i: off + 1}
}

// more moves to the next member or element and reports whether there is
// one (false at the closing bracket).
func (s *scan) more() bool {
	data := s.d.data
	i := ws(data, s.i)
	if i >= len(data) {
		return false
	}
	switch data[i] {
	case ',':
		s.i = ws(data, i+1)
		return true
	case '}', ']':
		s.i = i
		return false
	}
	s.i = i
	return true
}

// keySpan reads the key at the scan position and the colon after it. It
// returns the key's offset and the bounds of its text without the quotes.
func (s *scan) keySpan() (off, start, end int) {
	data := s.d.data
	i := s.i
	var e int
	if s.d.plainLeaves {
		// No key of a small object has an escape: the next quote
		// closes it.
		e = min(nextQuote(data, i+1)+1, len(data))
	} else {
		e = stringSkip(data, i)
	}
	s.i = ws(data, e) + 1 // past the colon
	return i, i + 1, e - 1
}

// value returns the value at the scan position and moves past it.
func (s *scan) value() Node {
	d := s.d
	i := ws(d.data, s.i)
	s.i = valueEnd(d.data, i)
	return Node(i) | scalarBit
}

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
