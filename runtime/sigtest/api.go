package sigtest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/pm"

	"github.com/sigrun-dev/sigrun/bindings"
	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/stdlib"
)

// APINames are the globals the test API adds to a test file's sandbox.
var APINames = []string{"run_signature", "run_signatures", "assert_true", "assert_false", "assert_eq", "assert_match", "skip"}

// test is one test function under way, or the listing of a file's tests.
type test struct {
	s    *Suite
	f    *File
	name string
	ctx  context.Context
	st   *bindings.State

	output  []string
	failure *stop // the first failing assertion
	skipped *stop
	// unread are errors of signatures whose result.error the test has
	// not read: a test that never looks at an error must not pass
	// because a signature crashed.
	unread []*sigError
}

// stop is a failed assertion or a skip.
type stop struct {
	line int
	msg  string
}

type sigError struct {
	sig  string
	msg  string
	line int // of the run_signature call
	read bool
}

// abort is raised by a failing assertion and by skip to end the test; it
// carries no message (the test records it).
var abort = &lua.LUserData{Value: "sigtest: test stopped"}

func (s *Suite) newTest(ctx context.Context, f *File, name string) *test {
	t := &test{s: s, f: f, name: name, ctx: ctx}
	t.st = bindings.NewState(bindings.Options{Funcs: s.opts.Load.Funcs})
	L := t.st.L
	set := func(name string, fn lua.LGFunction) { t.st.SetGlobal(name, L.NewFunction(fn)) }
	set("run_signature", t.runSignature)
	set("run_signatures", t.runSignatures)
	set("assert_true", t.assertTrue)
	set("assert_false", t.assertFalse)
	set("assert_eq", t.assertEq)
	set("assert_match", t.assertMatch)
	set("skip", t.skip)
	set("print", t.print)
	return t
}

func (t *test) instantiate() (*bindings.Instance, error) {
	return t.st.Instantiate(t.f.proto, "", t.f.Path, 0)
}

// finish turns how the test function ended into res.
func (t *test) finish(res *Result, err error) {
	res.Output = t.output
	switch {
	case t.failure != nil:
		res.Status, res.Line, res.Message = Fail, t.failure.line, t.failure.msg
		// The likely cause of a failed assertion: a signature that raised.
		for _, e := range t.unread {
			if !e.read {
				res.Message += fmt.Sprintf("\nsignature %s raised an error (run_signature at line %d):\n    %s",
					e.sig, e.line, strings.ReplaceAll(e.msg, "\n", "\n    "))
			}
		}
	case t.skipped != nil:
		res.Status, res.Line, res.Message = Skip, t.skipped.line, t.skipped.msg
	case err != nil:
		res.Status = Fail
		var ke *bindings.KillError
		if errors.As(err, &ke) {
			res.Line, _ = luaError(t.f.Path, ke.Lua)
			res.Message = ke.Cause.Error()
			if errors.Is(ke.Cause, context.Canceled) {
				res.Message = "interrupted"
			}
			return
		}
		res.Line, res.Message = luaError(t.f.Path, err)
	default:
		res.Status = Pass
		for _, e := range t.unread {
			if !e.read {
				res.Status, res.Line = Fail, e.line
				res.Message = fmt.Sprintf("signature %s raised an error and the test did not check it:\n    %s\nhint: read the result's .error to test an error on purpose",
					e.sig, strings.ReplaceAll(e.msg, "\n", "\n    "))
				return
			}
		}
	}
}

// where is the line of the innermost frame of the test file: the line of
// the assertion being called.
func (t *test) where(L *lua.LState) int {
	for level := 1; ; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			return 0
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			continue
		}
		if dbg.Source == t.f.Path && dbg.CurrentLine > 0 {
			return dbg.CurrentLine
		}
	}
}

// fail records a failed assertion and ends the test.
func (t *test) fail(L *lua.LState, msgArg int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if m := L.Get(msgArg); m != lua.LNil {
		msg = L.ToStringMeta(m).String() + "\n" + msg
	}
	if t.failure == nil {
		t.failure = &stop{line: t.where(L), msg: msg}
	}
	L.Error(abort, 0)
}

func (t *test) print(L *lua.LState) int {
	parts := make([]string, L.GetTop())
	for i := range parts {
		parts[i] = L.ToStringMeta(L.Get(i + 1)).String()
	}
	t.output = append(t.output, strings.Join(parts, "\t"))
	return 0
}

func (t *test) skip(L *lua.LState) int {
	msg := "skipped"
	if m := L.Get(1); m != lua.LNil {
		msg = L.ToStringMeta(m).String()
	}
	if t.skipped == nil {
		t.skipped = &stop{line: t.where(L), msg: msg}
	}
	L.Error(abort, 0)
	return 0
}

func (t *test) assertTrue(L *lua.LState) int {
	if v := L.Get(1); !lua.LVAsBool(v) {
		t.fail(L, 2, "assert_true: got %s", show(v))
	}
	return 0
}

func (t *test) assertFalse(L *lua.LState) int {
	if v := L.Get(1); lua.LVAsBool(v) {
		t.fail(L, 2, "assert_false: got %s", show(v))
	}
	return 0
}

func (t *test) assertEq(L *lua.LState) int {
	if L.GetTop() < 2 {
		L.RaiseError("assert_eq(got, want [, message]) takes two values to compare")
	}
	got, want := L.Get(1), L.Get(2)
	d := diff(got, want, "", 0)
	if d == nil {
		return 0
	}
	var b strings.Builder
	if d.path == "" {
		b.WriteString("assert_eq: values differ")
	} else {
		b.WriteString("assert_eq: values differ at " + d.path)
	}
	fmt.Fprintf(&b, "\n    got:  %s\n    want: %s", show(d.got), show(d.want))
	if d.path != "" {
		fmt.Fprintf(&b, "\n  whole got:  %s\n  whole want: %s", show(got), show(want))
	}
	t.fail(L, 3, "%s", b.String())
	return 0
}

func (t *test) assertMatch(L *lua.LState) int {
	v, pat := L.Get(1), L.CheckString(2)
	s, ok := v.(lua.LString)
	if !ok {
		t.fail(L, 3, "assert_match: expected a string to match %s, got %s", show(lua.LString(pat)), show(v))
	}
	m, err := pm.Find(pat, []byte(string(s)), 0, 1)
	if err != nil {
		L.RaiseError("assert_match: invalid Lua pattern %s: %v", show(lua.LString(pat)), err)
	}
	if len(m) == 0 {
		t.fail(L, 3, "assert_match: %s does not match the pattern %s", show(s), show(lua.LString(pat)))
	}
	return 0
}

// report turns argument n of run_signature(s) into a parsed report: a Lua
// table encoded as JSON, or the path of a JSON fixture relative to the test
// file.
func (t *test) report(L *lua.LState, fn string) *sigrt.Report {
	switch v := L.Get(1).(type) {
	case lua.LString:
		shown, data, err := t.f.read(string(v))
		if err != nil {
			L.RaiseError("%s: fixture %q: %v", fn, string(v), err)
		}
		t.s.mu.Lock()
		rep, ok := t.s.fixtures[shown]
		t.s.mu.Unlock()
		if ok {
			return rep
		}
		rep, err = sigrt.ParseReport(shown, data)
		if err != nil {
			L.RaiseError("%s: %v", fn, err)
		}
		t.s.mu.Lock()
		t.s.fixtures[shown] = rep
		t.s.mu.Unlock()
		return rep
	case *lua.LTable:
		data, err := stdlib.AppendJSON(nil, v)
		if err != nil {
			L.RaiseError("%s: the report table is not JSON: %v", fn, err)
		}
		if len(data) > 0 && data[0] == '[' {
			// {} encodes as [], but a report is an object.
			if string(data) != "[]" {
				L.RaiseError("%s: the report must be a table with keys (behavior = ..., network = ...), not a list", fn)
			}
			data = []byte("{}")
		}
		rep, err := sigrt.ParseReport(fmt.Sprintf("%s:%d", t.f.Path, t.where(L)), data)
		if err != nil {
			L.RaiseError("%s: %v", fn, err)
		}
		return rep
	default:
		L.RaiseError("%s: the report must be a table or the path of a JSON file, not %s", fn, typeName(L.Get(1)))
	}
	return nil
}

func (t *test) runSignature(L *lua.LState) int {
	rep := t.report(L, "run_signature")
	name := t.f.Signature
	if v := L.Get(2); v != lua.LNil {
		name = L.CheckString(2)
	}
	switch {
	case name == "" && t.f.sigFound:
		L.RaiseError("run_signature: %s did not load, so there is nothing to test (see its errors)", t.f.sigFile)
	case name == "":
		L.RaiseError("run_signature: no signature beside %s: expected %s\n\thint: name the one to run: run_signature(report, \"name\")", t.f.Path, t.f.sigFile)
	}
	sig := t.s.Set.Lookup(name)
	if sig == nil {
		hint := ""
		var names []string
		for _, s := range t.s.Set.Signatures() {
			names = append(names, s.Name)
		}
		if c := sigrt.Suggest(name, names, 3); c != "" {
			hint = "\n\thint: did you mean " + strconv.Quote(c) + "?"
		}
		L.RaiseError("run_signature: no signature %q in the set%s", name, hint)
	}
	if !sig.Enabled {
		L.RaiseError("run_signature: signature %s is disabled (enabled = false), so it never runs", name)
	}
	res := t.run(L, t.s.engine(name), rep)
	L.Push(t.result(L, res, name))
	return 1
}

func (t *test) runSignatures(L *lua.LState) int {
	rep := t.report(L, "run_signatures")
	res := t.run(L, t.s.engine(""), rep)
	out := L.NewTable()
	for _, name := range res.Ran {
		out.RawSetString(name, t.result(L, res, name))
	}
	L.Push(out)
	return 1
}

func (t *test) run(L *lua.LState, e *sigrt.Engine, rep *sigrt.Report) *sigrt.Result {
	res, err := e.Run(t.ctx, rep)
	if err != nil {
		L.RaiseError("interrupted: %v", err)
	}
	for _, l := range res.Logs {
		t.output = append(t.output, l.Signature+": "+l.Message)
	}
	return res
}

// result is the Lua table {matched, data, error[, markcount]} for the
// signature name in res.
func (t *test) result(L *lua.LState, res *sigrt.Result, name string) *lua.LTable {
	r := L.CreateTable(0, 3)
	data := L.NewTable()
	r.RawSetString("matched", lua.LFalse)
	for i := range res.Matches {
		m := &res.Matches[i]
		if m.Name != name {
			continue
		}
		r.RawSetString("matched", lua.LTrue)
		for _, d := range m.Data {
			v, err := stdlib.DecodeJSON(L, string(d))
			if err != nil {
				L.RaiseError("run_signature: mark of %s: %v", name, err)
			}
			data.Append(v)
		}
		if m.MarkCount > 0 {
			r.RawSetString("markcount", lua.LNumber(m.MarkCount))
		}
	}
	r.RawSetString("data", data)
	for _, e := range res.Errors {
		if e.Signature != name {
			continue
		}
		short := *e // r.error is one line: file:line: message
		short.Source, short.Hint = "", ""
		se := &sigError{sig: name, msg: e.Error(), line: t.where(L)}
		t.unread = append(t.unread, se)
		mt := L.NewTable()
		errText := lua.LString(short.Error())
		mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
			if L.Get(2) == lua.LString("error") {
				se.read = true
				L.Push(errText)
				return 1
			}
			L.Push(lua.LNil)
			return 1
		}))
		L.SetMetatable(r, mt)
		break
	}
	return r
}

func typeName(v lua.LValue) string { return v.Type().String() }

// luaPos matches the "file:line: " gopher-lua puts before messages and in
// traceback lines.
var luaPos = regexp.MustCompile(`^\s*(.+?):(\d+):\s?(.*)$`)

// luaError is the line in file where a Lua error happened and its message
// without the position.
func luaError(file string, err error) (int, string) {
	var ae *lua.ApiError
	if !errors.As(err, &ae) {
		return 0, err.Error()
	}
	msg := ae.Object.String()
	if _, ok := ae.Object.(lua.LString); !ok {
		if b, err := stdlib.AppendJSON(nil, ae.Object); err == nil {
			msg = "error " + string(b)
		} else {
			msg = "error object is a " + ae.Object.Type().String() + " value"
		}
	}
	line := 0
	first, rest, _ := strings.Cut(msg, "\n")
	for {
		m := luaPos.FindStringSubmatch(first)
		if m == nil || m[1] != file {
			break
		}
		if line == 0 {
			line, _ = strconv.Atoi(m[2])
		}
		first = m[3]
	}
	if line == 0 {
		for _, l := range strings.Split(ae.StackTrace, "\n") {
			if m := luaPos.FindStringSubmatch(l); m != nil && m[1] == file {
				line, _ = strconv.Atoi(m[2])
				break
			}
		}
	}
	if rest != "" {
		first += "\n" + rest
	}
	return line, strings.TrimSpace(first)
}
