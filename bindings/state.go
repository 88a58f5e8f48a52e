// Package bindings is the bridge between Go and Lua in sigrun: the sandboxed
// Lua state, read-only views of a report, and the globals a signature calls
// (mark, mark_call, get_argument, the check_* helpers, ...).
//
// A State belongs to one goroutine at a time. It is reused across signatures
// and reports; each signature runs in an Instance, a fresh global environment
// created from the signature's compiled chunk, so nothing leaks between
// signatures or reports.
//
//	st := bindings.NewState(bindings.Options{})
//	st.SetReport(rep)
//	inst, err := st.Instantiate(proto, "creates_exe", "sigs/creates_exe.lua", 50)
//	ret, err := st.Call(inst, inst.Run, st.Results())
package bindings

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	lua "github.com/yuin/gopher-lua"
	luar "layeh.com/gopher-luar"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
	"github.com/sigrun-dev/sigrun/stdlib"
)

// MaxRep is the largest string string.rep will build.
const MaxRep = 16 << 20

// maxLogBytes bounds what print may capture per signature per report.
const maxLogBytes = 64 << 10

// Options configure a new State.
type Options struct {
	// CallStackSize bounds Lua call depth; deeper recursion is an error
	// of the signature ("stack overflow"). Default 200.
	CallStackSize int
	// Funcs are extra globals for every signature, converted with
	// gopher-luar (Go functions, structs, maps...). Names must not clash
	// with sigrun's own globals.
	Funcs map[string]any
}

// State is one sandboxed Lua state. It is not safe for concurrent use.
type State struct {
	L    *lua.LState
	kill killCtx

	base     *lua.LTable           // the globals every instance reads through
	libs     []lib                 // library tables copied into each instance
	plain    []entry               // the other globals, set in each instance
	given    map[string]lua.LValue // plain, by name
	viewMeta *lua.LTable
	envMeta  *lua.LTable

	rep     *Report
	results lua.LValue
	cur     *Instance
	rand    *rand.Rand
	args    argCache // the arguments of the last call read (globals.go)
	slab    []viewUD // views to hand out (view.go)
}

type lib struct {
	name    string
	entries []entry
}

type entry struct {
	key string
	val lua.LValue
}

// allowedBase are the base functions a signature may call, as they come
// from gopher-lua. pairs, ipairs, next, type and print are sigrun's own.
var allowedBase = []string{"assert", "error", "pcall", "xpcall", "select", "tonumber", "tostring", "unpack", "setmetatable", "getmetatable", "rawequal", "_VERSION"}

// NewState builds a sandboxed state: the allowed base functions, string
// (without dump, with a bounded rep), table, math (per-signature seeded
// random), os.time/clock/date, sigrun's modules and helpers.
func NewState(opts Options) *State {
	if opts.CallStackSize == 0 {
		opts.CallStackSize = 200
	}
	L := lua.NewState(lua.Options{
		SkipOpenLibs:     true,
		CallStackSize:    opts.CallStackSize,
		RegistrySize:     1024 * 4,
		RegistryMaxSize:  1024 * 1024,
		RegistryGrowStep: 64 * 1024, // the default 32 makes s:byte(1, -1) quadratic
		// A fixed call stack (CallStackSize frames, about 30 KB): the
		// growing one costs a tenth of the instructions of a Go helper
		// call from Lua.
	})
	for _, l := range []struct {
		name string
		open lua.LGFunction
	}{{lua.BaseLibName, lua.OpenBase}, {lua.TabLibName, lua.OpenTable}, {lua.StringLibName, lua.OpenString}, {lua.MathLibName, lua.OpenMath}, {lua.OsLibName, lua.OpenOs}} {
		L.Push(L.NewFunction(l.open))
		L.Push(lua.LString(l.name))
		L.Call(1, 0)
	}
	s := &State{L: L, rand: rand.New(rand.NewPCG(1, 2))}
	L.SetContext(&s.kill)

	g := L.G.Global
	base := L.NewTable()
	for _, name := range allowedBase {
		base.RawSetString(name, g.RawGetString(name))
	}
	s.base = base

	str := copyTable(L, g.RawGetString("string").(*lua.LTable), "dump")
	str.RawSetString("rep", L.NewFunction(strRep))
	s.installStrings(str) // bounded, interruptible find/match/gmatch/gsub/format (strlib.go)
	base.RawSetString("string", str)
	// Methods on strings ("x"):upper() go through the string metatable:
	// point it at the sanitised table and hide it from getmetatable.
	if smt, ok := L.GetMetatable(lua.LString("")).(*lua.LTable); ok {
		smt.RawSetString("__index", str)
		smt.RawSetString("__metatable", lua.LString("string"))
	}
	base.RawSetString("table", copyTable(L, g.RawGetString("table").(*lua.LTable)))
	s.installTable(base.RawGetString("table").(*lua.LTable)) // linear, interruptible concat (strlib.go)
	math := copyTable(L, g.RawGetString("math").(*lua.LTable))
	math.RawSetString("random", L.NewFunction(s.mathRandom))
	math.RawSetString("randomseed", L.NewFunction(s.mathRandomseed))
	base.RawSetString("math", math)
	os := L.NewTable()
	gos := g.RawGetString("os").(*lua.LTable)
	for _, name := range []string{"time", "clock", "date"} {
		os.RawSetString(name, gos.RawGetString(name))
	}
	base.RawSetString("os", os)
	stdlib.Open(L, base)

	s.viewMeta = s.newViewMeta()
	s.installBase()
	s.installHelpers()
	for name, fn := range opts.Funcs {
		base.RawSetString(name, luar.New(L, fn))
	}

	// Library tables are copied into every instance, so a signature that
	// assigns string.x changes only its own copy.
	// The other globals are set in every instance too: a global read is
	// then one lookup in the instance's environment rather than a miss
	// there, a metatable lookup and a lookup in base (a quarter of the time
	// of a hook that calls get_argument four times).
	s.given = map[string]lua.LValue{}
	base.ForEach(func(k, v lua.LValue) {
		ks, isStr := k.(lua.LString)
		if !isStr {
			return
		}
		t, ok := v.(*lua.LTable)
		if !ok {
			s.plain = append(s.plain, entry{string(ks), v})
			s.given[string(ks)] = v
			return
		}
		l := lib{name: string(ks)}
		t.ForEach(func(k, v lua.LValue) {
			if ks, ok := k.(lua.LString); ok {
				l.entries = append(l.entries, entry{string(ks), v})
			}
		})
		s.libs = append(s.libs, l)
	})
	// In name order, so that an instance's environment is filled, and
	// pairs(_G) walks it, the same way in every run (ForEach follows a Go
	// map).
	slices.SortFunc(s.plain, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	slices.SortFunc(s.libs, func(a, b lib) int { return strings.Compare(a.name, b.name) })
	for _, l := range s.libs {
		slices.SortFunc(l.entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	}
	s.envMeta = L.NewTable()
	s.envMeta.RawSetString("__index", base)
	s.envMeta.RawSetString("__metatable", lua.LFalse)

	// Nothing outside the sandbox is reachable any more.
	L.G.Global = L.NewTable()
	return s
}

func copyTable(L *lua.LState, t *lua.LTable, skip ...string) *lua.LTable {
	c := L.NewTable()
	t.ForEach(func(k, v lua.LValue) {
		if ks, ok := k.(lua.LString); ok {
			for _, s := range skip {
				if string(ks) == s {
					return
				}
			}
		}
		c.RawSet(k, v)
	})
	return c
}

func strRep(L *lua.LState) int {
	s := L.CheckString(1)
	n := L.CheckInt(2)
	if n <= 0 || s == "" {
		L.Push(lua.LString(""))
		return 1
	}
	if len(s) > MaxRep/n {
		L.RaiseError("string.rep: result of %d x %d bytes is over the 16 MiB limit", len(s), n)
	}
	L.Push(lua.LString(strings.Repeat(s, n)))
	return 1
}

// Close releases the state.
func (s *State) Close() {
	s.kill.kill(nil)
	s.L.Close()
}

// Kill cancels whatever the state is running; the state is then unusable.
// cause is returned by Call as the error's cause. Safe from any goroutine.
func (s *State) Kill(cause error) { s.kill.kill(cause) }

// Killed reports the cause if the state was killed.
func (s *State) Killed() error { return s.kill.killed() }

// SetReport makes rep the report that helpers and results read.
func (s *State) SetReport(rep *Report) {
	s.rep = rep
	s.args.reset() // it must not keep another report alive
	s.results = lua.LNil
	if rep != nil {
		s.results = s.Value(rep.Doc, rep.Doc.Root())
	}
}

// Results is the view of the whole current report.
func (s *State) Results() lua.LValue { return s.results }

// Instance is one signature's fresh environment for one report, and what it
// recorded there.
type Instance struct {
	Name, File string
	Env        *lua.LTable

	OnProcess, OnCall, OnComplete, Run *lua.LFunction

	// Matched answers matched(name) for this report.
	Matched func(name string) bool

	given map[string]lua.LValue // the state's plain globals
	libs  []*lua.LTable         // this instance's library copies

	marks       [][]byte
	markTotal   int
	markCap     int
	logs        []string
	logBytes    int
	pcg         *rand.PCG
	rng         *rand.Rand
	call        *CallRef
	procs       map[int]*lua.LTable
	lastProc    *lua.LTable // procs[lastProcIdx]
	lastProcIdx int
}

// CallRef locates the call being delivered to on_call, for mark_call.
type CallRef struct {
	Proc *Process
	CID  int
	Node jsondoc.Node
}

// Marks returns the recorded marks as JSON (at most the mark cap) and the
// total number recorded.
func (in *Instance) Marks() (data [][]byte, total int) { return in.marks, in.markTotal }

// Logs returns what the signature printed.
func (in *Instance) Logs() []string { return in.logs }

// AddMark appends one encoded mark, honouring the cap.
func (in *Instance) AddMark(b []byte) {
	in.markTotal++
	if len(in.marks) < in.markCap {
		in.marks = append(in.marks, b)
	}
}

// Instantiate runs a compiled signature chunk in a fresh environment and
// returns the instance with its hooks. markCap bounds the kept marks.
func (s *State) Instantiate(proto *lua.FunctionProto, name, file string, markCap int) (*Instance, error) {
	L := s.L
	env := L.CreateTable(0, len(s.libs)+len(s.plain)+16)
	for _, e := range s.plain {
		env.RawSetString(e.key, e.val)
	}
	libs := make([]*lua.LTable, len(s.libs))
	for i, l := range s.libs {
		t := L.CreateTable(0, len(l.entries))
		for _, e := range l.entries {
			t.RawSetString(e.key, e.val)
		}
		env.RawSetString(l.name, t)
		libs[i] = t
	}
	env.RawSetString("_G", env)
	L.SetMetatable(env, s.envMeta)
	pcg := rand.NewPCG(1, 2) // the same seed for every instance: runs are reproducible
	in := &Instance{Name: name, File: file, Env: env, given: s.given, libs: libs, markCap: markCap, pcg: pcg, rng: rand.New(pcg)}
	fn := L.NewFunctionFromProto(proto)
	fn.Env = env
	if _, err := s.Call(in, fn); err != nil {
		return in, err
	}
	in.OnProcess = hook(env, "on_process")
	in.OnCall = hook(env, "on_call")
	in.OnComplete = hook(env, "on_complete")
	in.Run = hook(env, "run")
	return in, nil
}

// OwnGlobals calls fn for each global of the instance's environment that
// the signature set: not _G, and not a helper or library table it was given
// and left in place.
func (in *Instance) OwnGlobals(fn func(name string, v lua.LValue)) {
	in.Env.ForEach(func(k, v lua.LValue) {
		ks, ok := k.(lua.LString)
		if !ok {
			return
		}
		name := string(ks)
		if name == "_G" && v == in.Env || in.given[name] == v {
			return
		}
		if t, ok := v.(*lua.LTable); ok {
			for _, l := range in.libs {
				if t == l {
					return
				}
			}
		}
		fn(name, v)
	})
}

func hook(env *lua.LTable, name string) *lua.LFunction {
	fn, _ := env.RawGetString(name).(*lua.LFunction)
	return fn
}

// Call runs fn as instance in with args, protected, and returns its first
// two results. A Lua error, a panic in Go code called from Lua, or a kill
// of the state is returned as an error.
func (s *State) Call(in *Instance, fn *lua.LFunction, args ...lua.LValue) (ret [2]lua.LValue, err error) {
	L := s.L
	prev := s.cur
	s.cur = in
	defer func() { s.cur = prev }()
	base := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	if err := L.PCall(len(args), 2, nil); err != nil {
		L.SetTop(base)
		if cause := s.Killed(); cause != nil {
			return ret, &KillError{Cause: cause, Lua: err}
		}
		return ret, err
	}
	ret[0], ret[1] = L.Get(base+1), L.Get(base+2)
	L.SetTop(base)
	return ret, nil
}

// KillError is returned by Call when the state was killed (timeout, memory,
// cancellation) while running; the state must then be discarded.
type KillError struct {
	Cause error
	Lua   error // the Lua error, whose message locates where the hook was
}

func (e *KillError) Error() string { return e.Cause.Error() }
func (e *KillError) Unwrap() error { return e.Cause }

// IsKill reports whether err came from a killed state.
func IsKill(err error) bool {
	var k *KillError
	return errors.As(err, &k)
}

// SetCall records the call being delivered, for mark_call; nil clears it.
func (in *Instance) SetCall(c *CallRef) { in.call = c }

func (in *Instance) log(msg string) {
	if in.logBytes >= maxLogBytes {
		return
	}
	if in.logBytes+len(msg) > maxLogBytes {
		msg = msg[:maxLogBytes-in.logBytes] + fmt.Sprintf(" [print output cut at %d KiB]", maxLogBytes>>10)
	}
	in.logBytes += len(msg)
	in.logs = append(in.logs, msg)
}

// SetGlobal adds a global that every instance created afterwards can read
// (for tools such as the test runner that extend the signature API).
func (s *State) SetGlobal(name string, v lua.LValue) {
	s.base.RawSetString(name, v)
	for i := range s.plain {
		if s.plain[i].key == name {
			s.plain[i].val = v
			s.given[name] = v
			return
		}
	}
	s.plain = append(s.plain, entry{name, v})
	s.given[name] = v
}
