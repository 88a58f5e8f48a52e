package stdlib

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	lua "github.com/yuin/gopher-lua"
)

func init() {
	modules = append(modules, module{name: "re", funcs: []function{
		{"match", reMatch},
		{"find", reFind},
		{"find_all", reFindAll},
		{"gsub", reGsub},
		{"split", reSplit},
	}})
}

// RegexpCacheSize bounds the compiled-pattern cache shared by every LState. When a new pattern
// would exceed it, the whole cache is dropped: signatures use a small fixed set of patterns,
// so the cache only fills when patterns are built from report data, and then no eviction
// order would help.
const RegexpCacheSize = 4096

// maxCachedPattern is the longest pattern kept in the cache, so that the cache's memory stays
// bounded even when patterns come from report data.
const maxCachedPattern = 4096

// reCache maps a pattern to its *regexp.Regexp (safe for concurrent use). sync.Map suits the
// load: almost every lookup is a hit, from many goroutines at once.
var reCache struct {
	m sync.Map // string -> *regexp.Regexp
	n atomic.Int64
}

// Compile returns the compiled RE2 pattern p from the shared cache, compiling it on a miss.
// Patterns longer than 4 KiB are compiled every time. It is safe for concurrent use.
func Compile(p string) (*regexp.Regexp, error) {
	if re, ok := reCache.m.Load(p); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	if len(p) > maxCachedPattern {
		return re, nil
	}
	if _, loaded := reCache.m.LoadOrStore(p, re); !loaded {
		if reCache.n.Add(1) > RegexpCacheSize {
			reCache.m.Clear()
			reCache.n.Store(0)
		}
	}
	return re, nil
}

// pattern reads argument n as a pattern and compiles it, raising on a bad pattern.
func (a args) pattern(n int) *regexp.Regexp {
	p := a.str(n)
	re, err := Compile(p)
	if err != nil {
		a.raise("re: invalid pattern %q: %v", p, err)
	}
	return re
}

// re.match(s, p) -> boolean
func reMatch(L *lua.LState) int {
	a := args{L, "re.match"}
	s, ok := a.subject(1)
	re := a.pattern(2)
	L.Push(lua.LBool(ok && mayMatch(re.String(), s) && re.MatchString(s)))
	return 1
}

// re.find(s, p) -> match, captures... | nil
func reFind(L *lua.LState) int {
	a := args{L, "re.find"}
	s, ok := a.subject(1)
	re := a.pattern(2)
	if !ok || !mayMatch(re.String(), s) {
		L.Push(lua.LNil)
		return 1
	}
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		L.Push(lua.LNil)
		return 1
	}
	for i := 0; i < len(loc); i += 2 {
		if loc[i] < 0 {
			L.Push(lua.LNil)
		} else {
			L.Push(lua.LString(s[loc[i]:loc[i+1]]))
		}
	}
	return len(loc) / 2
}

// maxMatches bounds what one re.find_all, re.gsub or re.split collects in
// a single Go call, which the timeout cannot interrupt: a pattern matching
// the empty string on a 100 MB subject would otherwise allocate gigabytes.
const maxMatches = 1 << 20

// capN is n, bounded so that going over maxMatches can be detected.
func capN(n int) int {
	if n < 0 || n > maxMatches {
		return maxMatches + 1
	}
	return n
}

// tooMany raises when a call found more matches than maxMatches.
func (a args) tooMany(found int) {
	if found > maxMatches {
		a.L.RaiseError("%s: more than %d matches; pass a limit n", a.name, maxMatches)
	}
}

// re.find_all(s, p[, n]) -> {match...}
func reFindAll(L *lua.LState) int {
	a := args{L, "re.find_all"}
	s, ok := a.subject(1)
	re := a.pattern(2)
	n := a.optInt(3, -1)
	if !ok || !mayMatch(re.String(), s) {
		L.Push(L.CreateTable(0, 0))
		return 1
	}
	all := re.FindAllString(s, capN(n))
	a.tooMany(len(all))
	L.Push(list(L, all))
	return 1
}

// re.gsub(s, p, repl[, n]) -> string, count
func reGsub(L *lua.LState) int {
	a := args{L, "re.gsub"}
	s, ok := a.subject(1)
	re := a.pattern(2)
	repl := L.Get(3)
	var fn *lua.LFunction
	switch r := repl.(type) {
	case lua.LString, lua.LNumber:
	case *lua.LFunction:
		fn = r
	default:
		a.typeError(3, "string or function")
	}
	n := a.optInt(4, -1)
	if !ok {
		L.Push(lua.LNil)
		L.Push(lua.LNumber(0))
		return 2
	}
	var matches [][]int
	if mayMatch(re.String(), s) {
		matches = re.FindAllStringSubmatchIndex(s, capN(n))
		a.tooMany(len(matches))
	}
	if len(matches) == 0 {
		L.Push(lua.LString(s))
		L.Push(lua.LNumber(0))
		return 2
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	var dst []byte
	template := lua.LVAsString(repl)
	for _, m := range matches {
		b.WriteString(s[last:m[0]])
		if fn != nil {
			b.WriteString(callRepl(a, fn, s, m))
		} else {
			dst = re.ExpandString(dst[:0], template, s, m)
			b.Write(dst)
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	L.Push(lua.LString(b.String()))
	L.Push(lua.LNumber(len(matches)))
	return 2
}

// callRepl calls a replacement function with the match and its captures; a string or number
// result replaces the match, nil or false keeps it.
func callRepl(a args, fn *lua.LFunction, s string, m []int) string {
	L := a.L
	L.Push(fn)
	for i := 0; i < len(m); i += 2 {
		if m[i] < 0 {
			L.Push(lua.LNil)
		} else {
			L.Push(lua.LString(s[m[i]:m[i+1]]))
		}
	}
	L.Call(len(m)/2, 1)
	r := L.Get(-1)
	L.Pop(1)
	switch r := r.(type) {
	case lua.LString:
		return string(r)
	case lua.LNumber:
		return r.String()
	case *lua.LNilType:
		return s[m[0]:m[1]]
	case lua.LBool:
		if !r {
			return s[m[0]:m[1]]
		}
	}
	a.raise("re.gsub: replacement function returned %s (string, nil or false expected)", r.Type())
	return ""
}

// re.split(s, p[, n]) -> {part...}
func reSplit(L *lua.LState) int {
	a := args{L, "re.split"}
	s, ok := a.subject(1)
	re := a.pattern(2)
	n := a.optInt(3, -1)
	if !ok {
		L.Push(L.CreateTable(0, 0))
		return 1
	}
	parts := re.Split(s, capN(n))
	a.tooMany(len(parts))
	L.Push(list(L, parts))
	return 1
}
