package bindings

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"sync"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
	"github.com/sigrun-dev/sigrun/stdlib"
)

// installBase sets the base functions sigrun replaces: pairs, ipairs and next
// that also walk report views, type that calls a view a table, and print
// that is captured per signature.
func (s *State) installBase() {
	L, b := s.L, s.base
	next := L.NewFunction(func(L *lua.LState) int {
		k, v := s.nextOf(L, L.CheckAny(1), L.Get(2))
		if k == lua.LNil {
			L.Push(lua.LNil)
			return 1
		}
		L.Push(k)
		L.Push(v)
		return 2
	})
	b.RawSetString("next", next)
	b.RawSetString("pairs", L.NewFunction(func(L *lua.LState) int {
		t := L.CheckAny(1)
		if vw, ok := toView(t); ok {
			L.Push(s.iter(vw, false))
			return 1
		}
		L.CheckTable(1)
		L.Push(next)
		L.Push(t)
		L.Push(lua.LNil)
		return 3
	}))
	inext := L.NewFunction(func(L *lua.LState) int {
		t := L.CheckTable(1)
		i := L.CheckInt(2) + 1
		v := t.RawGetInt(i)
		if v == lua.LNil {
			return 0
		}
		L.Push(lua.LNumber(i))
		L.Push(v)
		return 2
	})
	b.RawSetString("ipairs", L.NewFunction(func(L *lua.LState) int {
		t := L.CheckAny(1)
		if vw, ok := toView(t); ok {
			L.Push(s.iter(vw, true))
			return 1
		}
		L.CheckTable(1)
		L.Push(inext)
		L.Push(t)
		L.Push(lua.LNumber(0))
		return 3
	}))
	b.RawSetString("type", L.NewFunction(func(L *lua.LState) int {
		v := L.CheckAny(1)
		if _, ok := toView(v); ok {
			L.Push(lua.LString("table"))
			return 1
		}
		L.Push(lua.LString(v.Type().String()))
		return 1
	}))
	b.RawSetString("print", L.NewFunction(func(L *lua.LState) int {
		parts := make([]string, L.GetTop())
		for i := range parts {
			parts[i] = L.ToStringMeta(L.Get(i + 1)).String()
		}
		if s.cur != nil {
			s.cur.log(strings.Join(parts, "\t"))
		}
		return 0
	}))
}

func (s *State) nextOf(L *lua.LState, t, k lua.LValue) (lua.LValue, lua.LValue) {
	if vw, ok := toView(t); ok {
		return s.next(vw, k)
	}
	tb, ok := t.(*lua.LTable)
	if !ok {
		L.ArgError(1, "table expected, got "+t.Type().String())
	}
	return tb.Next(k)
}

func (s *State) mathRandom(L *lua.LState) int {
	rng := s.rng()
	switch L.GetTop() {
	case 0:
		L.Push(lua.LNumber(rng.Float64()))
	case 1:
		m := L.CheckInt64(1)
		if m < 1 {
			L.ArgError(1, "interval is empty")
		}
		L.Push(lua.LNumber(rng.Int64N(m) + 1))
	default:
		m, n := L.CheckInt64(1), L.CheckInt64(2)
		if n < m {
			L.ArgError(2, "interval is empty")
		}
		L.Push(lua.LNumber(m + rng.Int64N(n-m+1)))
	}
	return 1
}

func (s *State) mathRandomseed(L *lua.LState) int {
	seed := uint64(L.CheckInt64(1))
	if s.cur != nil {
		s.cur.pcg.Seed(seed, 2)
	}
	return 0
}

func (s *State) rng() *rand.Rand {
	if s.cur != nil {
		return s.cur.rng
	}
	return s.rand
}

// installHelpers sets the signature helpers of DESIGN.md ("Marks and helpers").
func (s *State) installHelpers() {
	L, b := s.L, s.base
	fn := func(name string, f lua.LGFunction) { b.RawSetString(name, L.NewFunction(f)) }

	fn("mark", func(L *lua.LState) int {
		in := s.instance(L, "mark")
		v := L.CheckAny(1)
		s.addMark(L, in, "mark", v)
		return 0
	})
	fn("mark_call", func(L *lua.LState) int {
		in := s.instance(L, "mark_call")
		if in.call == nil {
			L.RaiseError("mark_call() is only valid inside on_call")
		}
		if len(in.marks) >= in.markCap {
			in.markTotal++ // counted, not kept: no need to encode the call
			return 0
		}
		c := in.call
		d := s.rep.Doc
		buf := []byte(`{"type":"call","pid":`)
		if d.Kind(c.Proc.PID) == jsondoc.Number {
			buf = append(buf, d.Raw(c.Proc.PID)...)
		} else {
			buf = append(buf, "null"...)
		}
		buf = append(buf, `,"cid":`...)
		buf = appendInt(buf, c.CID)
		buf = append(buf, `,"call":`...)
		buf, err := view{d, c.Node}.AppendJSON(buf)
		if err != nil {
			L.RaiseError("mark_call: %v", err)
		}
		in.AddMark(append(buf, '}'))
		return 0
	})
	fn("mark_ioc", func(L *lua.LState) int {
		in := s.instance(L, "mark_ioc")
		t := L.CreateTable(0, 4)
		t.RawSetString("type", lua.LString("ioc"))
		t.RawSetString("category", lua.LString(L.CheckString(1)))
		ioc := L.CheckAny(2)
		if ioc == lua.LNil {
			L.ArgError(2, "ioc expected, got nil")
		}
		t.RawSetString("ioc", ioc)
		if d := L.Get(3); d != lua.LNil {
			t.RawSetString("description", d)
		}
		s.addMark(L, in, "mark_ioc", t)
		return 0
	})
	fn("has_marks", func(L *lua.LState) int {
		L.Push(lua.LBool(s.instance(L, "has_marks").markTotal > 0))
		return 1
	})
	fn("matched", func(L *lua.LState) int {
		name := L.CheckString(1)
		in := s.instance(L, "matched")
		L.Push(lua.LBool(in.Matched != nil && in.Matched(name)))
		return 1
	})
	fn("get_argument", func(L *lua.LState) int {
		// get_argument(call, name, ...): the first of the names present,
		// for APIs whose argument is spelt differently across hooks.
		call := L.Get(1)
		top := L.GetTop()
		if top < 2 {
			L.CheckString(2) // the usual error for a missing name
		}
		for i := 2; i <= top; i++ {
			if v := s.argument(call, L.CheckString(i)); v != lua.LNil {
				L.Push(v)
				return 1
			}
		}
		L.Push(lua.LNil)
		return 1
	})
	fn("to_int", func(L *lua.LState) int {
		L.Push(toInt(L.Get(1)))
		return 1
	})
	fn("get_return", func(L *lua.LState) int {
		call := L.Get(1)
		v := s.field(call, "return_value")
		if v == lua.LNil {
			v = s.field(call, "return")
		}
		L.Push(v)
		return 1
	})
	fn("processes", func(L *lua.LState) int {
		in := s.instance(L, "processes")
		t := L.CreateTable(len(s.rep.Processes), 0)
		for i := range s.rep.Processes {
			t.RawSetInt(i+1, s.ProcessTable(in, i))
		}
		L.Push(t)
		return 1
	})
	for name, kind := range map[string]string{
		"check_file": "file", "check_read_file": "read_file", "check_write_file": "write_file", "check_delete_file": "delete_file",
		"check_key": "key", "check_read_key": "read_key", "check_write_key": "write_key", "check_delete_key": "delete_key",
		"check_mutex": "mutex", "check_command": "command", "check_service": "service", "check_api": "api",
		"check_ip": "ip", "check_domain": "domain", "check_url": "url",
	} {
		fn(name, s.checker(name, kind))
	}
}

func appendInt(b []byte, i int) []byte {
	return append(b, []byte(lua.LNumber(i).String())...)
}

// instance is the instance running the current hook; helpers outside a hook
// (at a signature's top level, during load) raise.
func (s *State) instance(L *lua.LState, fn string) *Instance {
	if s.cur == nil || s.rep == nil {
		L.RaiseError("%s() is only valid inside a hook (run, on_call, on_process, on_complete)", fn)
	}
	return s.cur
}

func (s *State) addMark(L *lua.LState, in *Instance, fn string, v lua.LValue) {
	if err := s.AppendMark(in, v); err != nil {
		L.RaiseError("%s: %v", fn, err)
	}
}

// AppendMark encodes v as JSON and records it as a mark of in.
func (s *State) AppendMark(in *Instance, v lua.LValue) error {
	if in.markTotal >= in.markCap {
		in.markTotal++ // counted, not kept: no need to encode it
		return nil
	}
	b, err := stdlib.AppendJSON(nil, v)
	if err != nil {
		return err
	}
	in.AddMark(b)
	return nil
}

// field reads key from a view or a table.
func (s *State) field(v lua.LValue, key string) lua.LValue {
	if vw, ok := toView(v); ok {
		return s.index(vw, lua.LString(key))
	}
	if t, ok := v.(*lua.LTable); ok {
		return t.RawGetString(key)
	}
	return lua.LNil
}

// argument implements get_argument over both argument shapes: an object
// {name: value} (Cuckoo 2.x) and a list of {name, value} (1.x, CAPE).
func (s *State) argument(call lua.LValue, name string) lua.LValue {
	if vw, ok := toView(call); ok {
		a := s.args.at(vw.d, vw.n)
		e := a.find(name)
		if e == nil || !e.ok {
			return lua.LNil
		}
		// Converted once for all the signatures that read it.
		if e.lv == nil {
			e.lv = s.Value(vw.d, e.val)
		}
		return e.lv
	}
	args := s.field(call, "arguments")
	if t, ok := args.(*lua.LTable); ok {
		if v := t.RawGetString(name); v != lua.LNil {
			return v
		}
		for i := 1; i <= t.Len(); i++ {
			if e, ok := t.RawGetInt(i).(*lua.LTable); ok && e.RawGetString("name") == lua.LString(name) {
				return e.RawGetString("value")
			}
		}
	}
	return lua.LNil
}

// Argument finds argument name of call node c in either shape, as the
// package-level Argument does, remembering the arguments of the last call
// it was asked about: the get_argument calls of one on_call, and of every
// signature the call is delivered to in this state, read them once.
func (s *State) Argument(d *jsondoc.Doc, c jsondoc.Node, name string) (jsondoc.Node, bool) {
	if e := s.args.at(d, c).find(name); e != nil && e.ok {
		return e.val, true
	}
	return 0, false
}

// Argument finds argument name of call node c in either shape: in a list,
// the first element whose name matches; in an object, the member (the last
// one if the key repeats).
func Argument(d *jsondoc.Doc, c jsondoc.Node, name string) (jsondoc.Node, bool) {
	var a argCache
	if e := a.at(d, c).find(name); e != nil && e.ok {
		return e.val, true
	}
	return 0, false
}

// argCache holds the decoded argument names of one call.
type argCache struct {
	d     *jsondoc.Doc
	call  jsondoc.Node
	valid bool
	obj   bool // object-shaped: the last matching entry wins
	args  []argEntry
}

var (
	nameValue = [2]string{"name", "value"}
	argKeys   = jsondoc.NewPairKeys("name", "value")
)

type argEntry struct {
	name string
	val  jsondoc.Node
	ok   bool       // false: a list element without "value"
	lv   lua.LValue // val as a Lua value, once asked for
}

// at makes the cache hold the arguments of call c.
func (a *argCache) at(d *jsondoc.Doc, c jsondoc.Node) *argCache {
	if !a.valid || a.d != d || a.call != c {
		a.load(d, c)
	}
	return a
}

// find returns the entry of argument name, or nil.
func (a *argCache) find(name string) *argEntry {
	if a.obj {
		for i := len(a.args) - 1; i >= 0; i-- {
			if e := &a.args[i]; e.name == name {
				return e
			}
		}
		return nil
	}
	for i := range a.args {
		if e := &a.args[i]; e.name == name {
			return e
		}
	}
	return nil
}

func (a *argCache) reset() {
	clear(a.args)
	*a = argCache{args: a.args[:0]}
}

func (a *argCache) load(d *jsondoc.Doc, c jsondoc.Node) {
	a.reset()
	a.d, a.call, a.valid = d, c, true
	if d.Kind(c) != jsondoc.Object {
		return
	}
	args, ok := d.Get(c, "arguments")
	if !ok {
		return
	}
	switch d.Kind(args) {
	case jsondoc.Object:
		a.obj = true
		for k, v := range d.Entries(args) {
			a.args = append(a.args, argEntry{name: k, val: v, ok: true})
		}
	case jsondoc.Array:
		for i := range d.Len(args) {
			e, _ := d.Index(args, i)
			if name, v, ok := d.Pair(e, argKeys); ok {
				a.args = append(a.args, argEntry{name: name, val: v, ok: true})
				continue
			}
			if d.Kind(e) != jsondoc.Object {
				continue
			}
			// One pass over the element; the last "name" and "value" win,
			// as with Get.
			var nv [2]jsondoc.Node
			found := d.GetMany(e, nameValue[:], nv[:])
			if found&1 != 0 && d.Kind(nv[0]) == jsondoc.String {
				a.args = append(a.args, argEntry{name: d.Str(nv[0]), val: nv[1], ok: found&2 != 0})
			}
		}
	}
}

// ProcessTable is the normalised process table {pid, ppid, name, path,
// command_line, raw} of process i, made once per instance so that no
// signature sees another's changes to it.
func (s *State) ProcessTable(in *Instance, i int) *lua.LTable {
	if in.lastProc != nil && in.lastProcIdx == i {
		return in.lastProc // every call of a process asks for it
	}
	if t, ok := in.procs[i]; ok {
		in.lastProc, in.lastProcIdx = t, i
		return t
	}
	p := &s.rep.Processes[i]
	d := s.rep.Doc
	t := s.L.CreateTable(0, 6)
	t.RawSetString("pid", s.Value(d, p.PID))
	t.RawSetString("ppid", s.Value(d, p.PPID))
	if p.HasName {
		t.RawSetString("name", lua.LString(p.Name))
	}
	if p.HasPath {
		t.RawSetString("path", lua.LString(p.Path))
	}
	if p.HasCmd {
		t.RawSetString("command_line", lua.LString(p.CommandLine))
	}
	t.RawSetString("raw", s.Value(d, p.Node))
	if in.procs == nil {
		in.procs = map[int]*lua.LTable{}
	}
	in.procs[i] = t
	in.lastProc, in.lastProcIdx = t, i
	return t
}

// checker builds one check_* helper: pattern compared case-insensitively
// with each item, whole-item for plain patterns, anchored at the start for
// opts.regex; the first match, or with opts.all a list of all.
func (s *State) checker(fname, kind string) lua.LGFunction {
	return func(L *lua.LState) int {
		pattern := L.CheckString(1)
		var regex, all bool
		pid := ""
		if opts, ok := L.Get(2).(*lua.LTable); ok {
			regex = lua.LVAsBool(opts.RawGetString("regex"))
			all = lua.LVAsBool(opts.RawGetString("all"))
			if p := opts.RawGetString("pid"); p != lua.LNil {
				pid = p.String()
			}
		} else if L.Get(2) != lua.LNil {
			// The Cuckoo positional form check_x(pattern, regex, all).
			regex = lua.LVAsBool(L.Get(2))
			all = lua.LVAsBool(L.Get(3))
		}
		var items, lower []string
		if s.rep != nil {
			if pid != "" {
				items = s.rep.apisOf(pid)
				if regex {
					lower = lowerAll(items)
				}
			} else {
				items = s.rep.list(kind)
				if regex {
					lower = s.rep.lowerList(kind)
				}
			}
		}
		var re *regexp.Regexp
		var pf stdlib.Prefilter
		if regex {
			var err error
			if re, pf, err = compileAnchored(pattern); err != nil {
				L.RaiseError("%s: invalid regex %q: %v", fname, pattern, err)
			}
		}
		var out *lua.LTable
		if all {
			out = L.NewTable()
		}
		for i, it := range items {
			ok := false
			if re != nil {
				// Most items lack the pattern's literal text: skip the
				// regexp for them.
				ok = pf.MightMatchLower(it, lower[i]) && re.MatchString(it)
			} else {
				ok = strings.EqualFold(it, pattern)
			}
			if !ok {
				continue
			}
			if !all {
				L.Push(lua.LString(it))
				return 1
			}
			out.Append(lua.LString(it))
		}
		if all {
			L.Push(out)
		} else {
			L.Push(lua.LNil)
		}
		return 1
	}
}

// lowerList is list(kind) with ASCII letters lowercased, made once per
// report.
func (r *Report) lowerList(kind string) []string {
	items := r.list(kind)
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := r.lower[kind]; ok {
		return l
	}
	l := lowerAll(items)
	if r.lower == nil {
		r.lower = map[string][]string{}
	}
	r.lower[kind] = l
	return l
}

func lowerAll(items []string) []string {
	l := make([]string, len(items))
	for i, it := range items {
		l[i] = asciiLower(it)
	}
	return l
}

// asciiLower lowercases ASCII letters only, so the result has the length
// of s and literal offsets agree.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// anchored caches compiled check_* patterns with their literal prefilters;
// it is emptied when full, so patterns built from report data cannot grow it
// without bound.
var anchored struct {
	sync.Mutex
	m map[string]anchoredRE
}

type anchoredRE struct {
	re *regexp.Regexp
	pf stdlib.Prefilter
}

const maxAnchored = 4096

// compileAnchored compiles pattern case-insensitive and anchored at the
// start, like Python's re.match with re.IGNORECASE.
func compileAnchored(pattern string) (*regexp.Regexp, stdlib.Prefilter, error) {
	anchored.Lock()
	a, ok := anchored.m[pattern]
	anchored.Unlock()
	if ok {
		return a.re, a.pf, nil
	}
	full := "(?i)^(?:" + pattern + ")"
	re, err := regexp.Compile(full)
	if err != nil {
		// Report the author's pattern, not our wrapper.
		if _, err2 := regexp.Compile(pattern); err2 != nil {
			return nil, stdlib.Prefilter{}, err2
		}
		return nil, stdlib.Prefilter{}, err
	}
	a = anchoredRE{re: re, pf: stdlib.NewPrefilter(full)}
	anchored.Lock()
	if anchored.m == nil || len(anchored.m) >= maxAnchored {
		anchored.m = map[string]anchoredRE{}
	}
	anchored.m[pattern] = a
	anchored.Unlock()
	return a.re, a.pf, nil
}

// toInt reads a number from a report value: numbers as they are, strings
// as hexadecimal ("0x40", as sandboxes log flags and handles) or decimal,
// surrounding spaces allowed; nil for anything else.
func toInt(v lua.LValue) lua.LValue {
	switch v := v.(type) {
	case lua.LNumber:
		return v
	case lua.LString:
		t := strings.TrimSpace(string(v))
		if len(t) > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') {
			if n, err := strconv.ParseUint(t[2:], 16, 64); err == nil {
				return lua.LNumber(n)
			}
			return lua.LNil
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return lua.LNumber(f)
		}
	}
	return lua.LNil
}
