package bindings

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// The string functions that run in Go for a long time on large inputs are
// replaced here, because a Go function called from Lua is not interrupted
// when the state's context is cancelled: only the VM loop checks it. Report
// strings are attacker-controlled and can be hundreds of MB long, so with
// gopher-lua's own versions an innocent pattern such as ("%s+x") over a long
// run of spaces, or any gsub with many matches (its replacement is
// quadratic), would hang the run past every timeout.
//
// string.find, match, gmatch and gsub are Lua 5.1's matcher (lstrlib.c)
// re-implemented in Go: backtracking is bounded by the pattern (recursion
// depth at most maxMatchDepth, as Lua 5.2's MAXCCALLS), gsub builds its
// result in one linear pass, gmatch is lazy, and every loop counts steps and
// checks the state's context every stepsPerCheck steps, so a timeout or a
// memory kill stops a match within microseconds. string.format refuses a
// width or precision over two digits, as Lua 5.1 does (Go's fmt would pad
// to a million bytes per conversion).

const (
	maxCaptures   = 32  // LUA_MAXCAPTURES
	maxMatchDepth = 200 // Lua 5.2's MAXCCALLS for the matcher
	stepsPerCheck = 1 << 12
	capUnfinished = -1
	capPosition   = -2
	patSpecials   = "^$*+?.([%-"
)

// installStrings replaces the unbounded string functions in str (the
// sandbox's string table, also reached by method calls on strings).
func (s *State) installStrings(str *lua.LTable) {
	L := s.L
	stop := func() bool { return s.kill.Err() != nil }
	// gopher-lua's string table holds __index = itself: copied, it would
	// hand ("").__index, the original table with the unbounded rep and
	// dump, to any signature.
	str.RawSetString("__index", lua.LNil)
	str.RawSetString("find", L.NewFunction(func(L *lua.LState) int { return strFindAux(L, stop, true) }))
	str.RawSetString("match", L.NewFunction(func(L *lua.LState) int { return strFindAux(L, stop, false) }))
	str.RawSetString("gmatch", L.NewFunction(func(L *lua.LState) int { return strGmatch(L, stop) }))
	str.RawSetString("gsub", L.NewFunction(func(L *lua.LState) int { return strGsub(L, stop) }))
	if format, ok := str.RawGetString("format").(*lua.LFunction); ok {
		str.RawSetString("format", L.NewFunction(func(L *lua.LState) int {
			return strFormat(L, format, stop)
		}))
	}
}

// installTable replaces table.concat, which in gopher-lua pushes every
// element on the Lua stack (a table over half a million elements fails
// with "registry overflow") and builds the result in one uninterruptible
// step.
func (s *State) installTable(tbl *lua.LTable) {
	stop := func() bool { return s.kill.Err() != nil }
	tbl.RawSetString("concat", s.L.NewFunction(func(L *lua.LState) int { return tableConcat(L, stop) }))
}

// tableConcat is table.concat(t[, sep[, i[, j]]]) with gopher-lua's
// argument rules (i and j are clamped to the table's length).
func tableConcat(L *lua.LState, stop func() bool) int {
	tbl := L.CheckTable(1)
	sep := L.OptString(2, "")
	n := tbl.Len()
	i := L.OptInt(3, 1)
	j := L.OptInt(4, n)
	if L.GetTop() == 3 && (i > n || i < 1) {
		L.Push(lua.LString(""))
		return 1
	}
	i = max(min(i, n), 1)
	j = min(j, n)
	var b strings.Builder
	checked := 0 // b.Len() at the last check for a kill
	for k := i; k <= j; k++ {
		switch v := tbl.RawGetInt(k).(type) {
		case lua.LString:
			b.WriteString(string(v))
		case lua.LNumber:
			b.WriteString(v.String())
		default:
			L.RaiseError("invalid value (%s) at index %d in table for concat", v.Type(), k)
		}
		if k != j {
			b.WriteString(sep)
		}
		if k&(stepsPerCheck-1) == 0 || b.Len()-checked > 1<<20 {
			checked = b.Len()
			if stop() {
				L.RaiseError("table.concat stopped")
			}
		}
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// formatChunked is the estimated result size above which string.format
// formats one conversion at a time, checking for a kill in between: one
// Sprintf of many large arguments would otherwise be a single, unbounded
// allocation.
const formatChunked = 1 << 20

// strFormat is string.format: gopher-lua's (format), after Lua 5.1's
// width and precision check, in pieces when the result may be large.
func strFormat(L *lua.LState, format *lua.LFunction, stop func() bool) int {
	f := L.CheckString(1)
	checkFormat(L, f)
	top := L.GetTop()
	est := len(f)
	for i := 2; i <= top; i++ {
		est += len(lua.LVAsString(L.Get(i))) + 100
	}
	if est <= formatChunked {
		L.Insert(format, 1)
		L.Call(L.GetTop()-1, 1)
		return 1
	}
	var b strings.Builder
	arg := 2
	for i := 0; i < len(f); {
		j := strings.IndexByte(f[i:], '%')
		if j < 0 {
			b.WriteString(f[i:])
			break
		}
		b.WriteString(f[i : i+j])
		i += j
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i += 2
			continue
		}
		// One conversion: flags, width, precision, then the letter.
		k := i + 1
		for k < len(f) && strings.IndexByte("-+ #0", f[k]) >= 0 {
			k++
		}
		for k < len(f) && (isDigit(f[k]) || f[k] == '.') {
			k++
		}
		k = min(k+1, len(f))
		L.Push(format)
		L.Push(lua.LString(f[i:k]))
		nargs := 1
		if arg <= top {
			L.Push(L.Get(arg))
			nargs++
		}
		arg++
		L.Call(nargs, 1)
		b.WriteString(lua.LVAsString(L.Get(-1)))
		L.Pop(1)
		if stop() {
			L.RaiseError("string.format stopped")
		}
		i = k
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// checkFormat applies Lua 5.1's scanformat limits: at most two digits of
// width and of precision.
func checkFormat(L *lua.LState, f string) {
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		for i < len(f) && strings.IndexByte("-+ #0", f[i]) >= 0 {
			i++
		}
		digits := func() {
			n := 0
			for i < len(f) && isDigit(f[i]) {
				i++
				n++
			}
			if n > 2 {
				L.RaiseError("invalid format (width or precision too long)")
			}
		}
		digits()
		if i < len(f) && f[i] == '.' {
			i++
			digits()
		}
	}
}

// matchState is one match of a pattern against a subject, as in lstrlib.c.
type matchState struct {
	L       *lua.LState
	src     string
	pat     string
	level   int // captures, finished or not
	depth   int
	steps   int
	stop    func() bool
	capture [maxCaptures]struct{ init, len int }
}

// tick counts a step of work and raises once the state has been killed.
func (ms *matchState) tick() {
	ms.steps++
	if ms.steps&(stepsPerCheck-1) == 0 && ms.stop != nil && ms.stop() {
		ms.L.RaiseError("string matching stopped")
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlpha(c int) bool  { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isLower(c int) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c int) bool  { return 'A' <= c && c <= 'Z' }
func isCntrl(c int) bool  { return c < 0x20 || c == 0x7f }
func isSpace(c int) bool  { return c == ' ' || '\t' <= c && c <= '\r' }
func isPunct(c int) bool  { return 0x21 <= c && c <= 0x7e && !isAlnum(c) }
func isAlnum(c int) bool  { return isAlpha(c) || '0' <= c && c <= '9' }
func isXDigit(c int) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f' }

// matchClass is match_class of lstrlib.c in the C locale.
func matchClass(c, cl int) bool {
	var res bool
	switch cl | 0x20 {
	case 'a':
		res = isAlpha(c)
	case 'c':
		res = isCntrl(c)
	case 'd':
		res = '0' <= c && c <= '9'
	case 'l':
		res = isLower(c)
	case 'p':
		res = isPunct(c)
	case 's':
		res = isSpace(c)
	case 'u':
		res = isUpper(c)
	case 'w':
		res = isAlnum(c)
	case 'x':
		res = isXDigit(c)
	case 'z':
		res = c == 0
	default:
		return cl == c
	}
	if isLower(cl) {
		return res
	}
	return !res
}

// matchBracketClass matches c against the set pat[p:ec+1], p at '[' and ec
// at its ']'.
func matchBracketClass(c int, pat string, p, ec int) bool {
	sig := true
	if pat[p+1] == '^' {
		sig = false
		p++
	}
	for p++; p < ec; p++ {
		switch {
		case pat[p] == '%':
			p++
			if matchClass(c, int(pat[p])) {
				return sig
			}
		case pat[p+1] == '-' && p+2 < ec:
			p += 2
			if int(pat[p-2]) <= c && c <= int(pat[p]) {
				return sig
			}
		case int(pat[p]) == c:
			return sig
		}
	}
	return !sig
}

func singleMatch(c int, pat string, p, ep int) bool {
	switch pat[p] {
	case '.':
		return true
	case '%':
		return matchClass(c, int(pat[p+1]))
	case '[':
		return matchBracketClass(c, pat, p, ep-1)
	}
	return int(pat[p]) == c
}

// classEnd returns the index after the single-character class at p.
func (ms *matchState) classEnd(p int) int {
	pat := ms.pat
	c := pat[p]
	p++
	switch c {
	case '%':
		if p >= len(pat) {
			ms.L.RaiseError("malformed pattern (ends with '%%')")
		}
		return p + 1
	case '[':
		if p < len(pat) && pat[p] == '^' {
			p++
		}
		for { // look for the ']'; the first character is always literal
			if p >= len(pat) {
				ms.L.RaiseError("malformed pattern (missing ']')")
			}
			c := pat[p]
			p++
			if c == '%' && p < len(pat) {
				p++
			}
			if p >= len(pat) {
				ms.L.RaiseError("malformed pattern (missing ']')")
			}
			if pat[p] == ']' {
				return p + 1
			}
		}
	}
	return p
}

// match returns the end of the match of pat[p:] at src[s:], or -1.
func (ms *matchState) match(s, p int) int {
	ms.depth++
	if ms.depth > maxMatchDepth {
		ms.L.RaiseError("pattern too complex")
	}
	r := ms.doMatch(s, p)
	ms.depth--
	return r
}

func (ms *matchState) doMatch(s, p int) int {
	pat, src := ms.pat, ms.src
	for {
		ms.tick()
		if p == len(pat) {
			return s
		}
		switch pat[p] {
		case '(':
			if p+1 < len(pat) && pat[p+1] == ')' {
				return ms.startCapture(s, p+2, capPosition)
			}
			return ms.startCapture(s, p+1, capUnfinished)
		case ')':
			return ms.endCapture(s, p+1)
		case '$':
			if p+1 == len(pat) {
				if s == len(src) {
					return s
				}
				return -1
			}
		case '%':
			if p+1 >= len(pat) {
				break // classEnd reports it
			}
			switch c := pat[p+1]; {
			case c == 'b':
				if s = ms.matchBalance(s, p+2); s < 0 {
					return -1
				}
				p += 4
				continue
			case c == 'f':
				p += 2
				if p >= len(pat) || pat[p] != '[' {
					ms.L.RaiseError("missing '[' after '%%f' in pattern")
				}
				ep := ms.classEnd(p)
				prev, cur := 0, 0
				if s > 0 {
					prev = int(src[s-1])
				}
				if s < len(src) {
					cur = int(src[s])
				}
				if matchBracketClass(prev, pat, p, ep-1) || !matchBracketClass(cur, pat, p, ep-1) {
					return -1
				}
				p = ep
				continue
			case isDigit(c):
				if s = ms.matchCapture(s, int(c)); s < 0 {
					return -1
				}
				p += 2
				continue
			}
		}
		// A single-character class, maybe with a repetition.
		ep := ms.classEnd(p)
		m := s < len(src) && singleMatch(int(src[s]), pat, p, ep)
		var rep byte
		if ep < len(pat) {
			rep = pat[ep]
		}
		switch rep {
		case '?':
			if m {
				if r := ms.match(s+1, ep+1); r >= 0 {
					return r
				}
			}
			p = ep + 1
		case '*':
			return ms.maxExpand(s, p, ep)
		case '+':
			if !m {
				return -1
			}
			return ms.maxExpand(s+1, p, ep)
		case '-':
			return ms.minExpand(s, p, ep)
		default:
			if !m {
				return -1
			}
			s++
			p = ep
		}
	}
}

func (ms *matchState) maxExpand(s, p, ep int) int {
	i := 0
	for s+i < len(ms.src) && singleMatch(int(ms.src[s+i]), ms.pat, p, ep) {
		i++
		ms.tick()
	}
	for ; i >= 0; i-- {
		if r := ms.match(s+i, ep+1); r >= 0 {
			return r
		}
	}
	return -1
}

func (ms *matchState) minExpand(s, p, ep int) int {
	for {
		if r := ms.match(s, ep+1); r >= 0 {
			return r
		}
		if s < len(ms.src) && singleMatch(int(ms.src[s]), ms.pat, p, ep) {
			s++
		} else {
			return -1
		}
	}
}

func (ms *matchState) startCapture(s, p, what int) int {
	if ms.level >= maxCaptures {
		ms.L.RaiseError("too many captures")
	}
	ms.capture[ms.level].init = s
	ms.capture[ms.level].len = what
	ms.level++
	r := ms.match(s, p)
	if r < 0 {
		ms.level--
	}
	return r
}

func (ms *matchState) endCapture(s, p int) int {
	l := -1
	for i := ms.level - 1; i >= 0; i-- {
		if ms.capture[i].len == capUnfinished {
			l = i
			break
		}
	}
	if l < 0 {
		ms.L.RaiseError("invalid pattern capture")
	}
	ms.capture[l].len = s - ms.capture[l].init
	r := ms.match(s, p)
	if r < 0 {
		ms.capture[l].len = capUnfinished
	}
	return r
}

func (ms *matchState) matchBalance(s, p int) int {
	if p+1 >= len(ms.pat) {
		ms.L.RaiseError("malformed pattern (missing arguments to '%%b')")
	}
	src := ms.src
	if s >= len(src) || src[s] != ms.pat[p] {
		return -1
	}
	b, e := ms.pat[p], ms.pat[p+1]
	cont := 1
	for s++; s < len(src); s++ {
		ms.tick()
		if src[s] == e {
			if cont--; cont == 0 {
				return s + 1
			}
		} else if src[s] == b {
			cont++
		}
	}
	return -1
}

func (ms *matchState) matchCapture(s, c int) int {
	l := c - '1'
	if l < 0 || l >= ms.level || ms.capture[l].len == capUnfinished {
		ms.L.RaiseError("invalid capture index %%%d", l+1)
	}
	init, n := ms.capture[l].init, ms.capture[l].len
	if n < 0 { // a position capture matches nothing, as in C
		return -1
	}
	if len(ms.src)-s >= n && ms.src[s:s+n] == ms.src[init:init+n] {
		return s + n
	}
	return -1
}

// captureValue is capture i of a match src[s:e]; capture 0 of a pattern
// without captures is the whole match.
func (ms *matchState) captureValue(i, s, e int) lua.LValue {
	if i >= ms.level {
		if i == 0 {
			return lua.LString(ms.src[s:e])
		}
		ms.L.RaiseError("invalid capture index %%%d", i+1)
	}
	c := ms.capture[i]
	switch c.len {
	case capUnfinished:
		ms.L.RaiseError("unfinished capture")
	case capPosition:
		return lua.LNumber(c.init + 1)
	}
	return lua.LString(ms.src[c.init : c.init+c.len])
}

// pushCaptures pushes the captures of the match src[s:e] (the whole match
// when there are none and whole is true) and returns how many.
func (ms *matchState) pushCaptures(s, e int, whole bool) int {
	n := ms.level
	if n == 0 && whole {
		n = 1
	}
	for i := 0; i < n; i++ {
		ms.L.Push(ms.captureValue(i, s, e))
	}
	return n
}

// firstSet returns the bytes a match can start with when the pattern's
// first item is one character class that must occur (no *, ? or -), or
// nil: on a long subject the matchers then skip the positions where no
// match can start in a tight loop instead of trying each one. It is only
// worth its 256 class tests on long subjects.
func (ms *matchState) firstSet() *[256]bool {
	p := ms.pat
	if len(ms.src) < 1024 || p == "" {
		return nil
	}
	switch p[0] {
	case '^', '$', '(', ')', '.':
		return nil
	case '%':
		if len(p) > 1 && (p[1] == 'b' || p[1] == 'f' || isDigit(p[1])) {
			return nil
		}
	}
	ep := ms.classEnd(0)
	if ep < len(p) && strings.IndexByte("*?-", p[ep]) >= 0 {
		return nil
	}
	var set [256]bool
	for c := range set {
		set[c] = singleMatch(c, p, 0, ep)
	}
	return &set
}

// skip returns the first position at or after s where a match can start
// given the first set (len(src) when there is none).
func (ms *matchState) skip(set *[256]bool, s int) int {
	src := ms.src
	for s < len(src) && !set[src[s]] {
		s++
	}
	return s
}

// posrelat turns a Lua string position (negative from the end) into a
// 1-based position, 0 at the least.
func posrelat(pos, n int) int {
	if pos < 0 {
		pos += n + 1
	}
	return max(pos, 0)
}

func strFindAux(L *lua.LState, stop func() bool, find bool) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	init := posrelat(L.OptInt(3, 1), len(s)) - 1
	init = min(max(init, 0), len(s))
	if find && (lua.LVAsBool(L.Get(4)) || !strings.ContainsAny(p, patSpecials)) {
		if i := strings.Index(s[init:], p); i >= 0 {
			L.Push(lua.LNumber(init + i + 1))
			L.Push(lua.LNumber(init + i + len(p)))
			return 2
		}
		L.Push(lua.LNil)
		return 1
	}
	anchor := strings.HasPrefix(p, "^")
	if anchor {
		p = p[1:]
	}
	ms := &matchState{L: L, src: s, pat: p, stop: stop}
	var first *[256]bool
	if !anchor {
		first = ms.firstSet()
	}
	for s1 := init; s1 <= len(s); s1++ {
		if first != nil {
			if s1 = ms.skip(first, s1); s1 == len(s) {
				break
			}
		}
		ms.level, ms.depth = 0, 0
		if e := ms.match(s1, 0); e >= 0 {
			if find {
				L.Push(lua.LNumber(s1 + 1))
				L.Push(lua.LNumber(e))
				return ms.pushCaptures(s1, e, false) + 2
			}
			return ms.pushCaptures(s1, e, true)
		}
		if anchor {
			break
		}
	}
	L.Push(lua.LNil)
	return 1
}

func strGmatch(L *lua.LState, stop func() bool) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	pos := 0
	ms := &matchState{src: s, pat: p, stop: stop}
	var first *[256]bool
	firstDone := false
	L.Push(L.NewFunction(func(L *lua.LState) int {
		ms.L = L
		if !firstDone {
			first, firstDone = ms.firstSet(), true
		}
		for src := pos; src <= len(s); src++ {
			if first != nil {
				if src = ms.skip(first, src); src == len(s) {
					break
				}
			}
			ms.level, ms.depth = 0, 0
			if e := ms.match(src, 0); e >= 0 {
				pos = e
				if e == src { // an empty match: go on one position later
					pos++
				}
				return ms.pushCaptures(src, e, true)
			}
		}
		pos = len(s) + 1
		return 0
	}))
	return 1
}

func strGsub(L *lua.LState, stop func() bool) int {
	src := L.CheckString(1)
	p := L.CheckString(2)
	repl := L.Get(3)
	switch repl.Type() {
	case lua.LTNumber, lua.LTString, lua.LTFunction, lua.LTTable:
	default:
		L.ArgError(3, "string/function/table expected")
	}
	maxN := L.OptInt(4, len(src)+1)
	anchor := strings.HasPrefix(p, "^")
	if anchor {
		p = p[1:]
	}
	ms := &matchState{L: L, src: src, pat: p, stop: stop}
	var b strings.Builder
	n, si := 0, 0
	var first *[256]bool
	if !anchor {
		first = ms.firstSet()
	}
loop:
	for n < maxN {
		if first != nil {
			k := ms.skip(first, si)
			b.WriteString(src[si:k])
			if si = k; si == len(src) {
				break // no match can start at the end: nothing left to copy
			}
		}
		ms.level, ms.depth = 0, 0
		e := ms.match(si, 0)
		if e >= 0 {
			n++
			ms.addValue(&b, si, e, repl)
		}
		switch {
		case e > si:
			si = e
		case si < len(src):
			b.WriteByte(src[si])
			si++
		default:
			break loop
		}
		if anchor {
			break
		}
	}
	b.WriteString(src[si:])
	L.Push(lua.LString(b.String()))
	L.Push(lua.LNumber(n))
	return 2
}

// addValue appends the replacement of the match src[s:e] to b.
func (ms *matchState) addValue(b *strings.Builder, s, e int, repl lua.LValue) {
	L := ms.L
	var v lua.LValue
	switch r := repl.(type) {
	case lua.LString, lua.LNumber:
		ms.addString(b, s, e, lua.LVAsString(r))
		return
	case *lua.LFunction:
		L.Push(r)
		L.Call(ms.pushCaptures(s, e, true), 1)
		v = L.Get(-1)
		L.Pop(1)
	case *lua.LTable:
		v = L.GetTable(r, ms.captureValue(0, s, e))
	}
	switch v.(type) {
	case *lua.LNilType:
		b.WriteString(ms.src[s:e])
	case lua.LBool:
		if v == lua.LFalse {
			b.WriteString(ms.src[s:e])
			return
		}
		L.RaiseError("invalid replacement value (a %s)", v.Type())
	case lua.LString, lua.LNumber:
		b.WriteString(lua.LVAsString(v))
	default:
		L.RaiseError("invalid replacement value (a %s)", v.Type())
	}
}

// addString appends the replacement string r with %0-%9 expanded.
func (ms *matchState) addString(b *strings.Builder, s, e int, r string) {
	for i := 0; i < len(r); i++ {
		ms.tick()
		c := r[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		switch {
		case i == len(r):
			ms.L.RaiseError("invalid use of '%%' in replacement string")
		case r[i] == '0':
			b.WriteString(ms.src[s:e])
		case isDigit(r[i]):
			b.WriteString(lua.LVAsString(ms.captureValue(int(r[i]-'1'), s, e)))
		default:
			b.WriteByte(r[i])
		}
	}
}
