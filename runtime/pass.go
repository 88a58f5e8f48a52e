package runtime

import (
	"errors"
	"math"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/bindings"
	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

// prepare makes sure the worker has a state in which every pending
// signature has a fresh instance that has seen the evented pass. It returns
// false when the state was killed on the way (the culprit has then failed
// and the caller tries again with the rest).
func (w *worker) prepare() bool {
	if w.st != nil {
		return true
	}
	r := w.r
	st := r.e.pool.get()
	st.SetReport(r.rep.b)
	w.stMu.Lock()
	w.st = st
	w.stMu.Unlock()
	w.live = map[int]*live{}
	for _, i := range w.c.members {
		if !w.pend[i] {
			continue
		}
		s := r.e.sigs[i]
		w.cur.Store(int64(i) + 1)
		in, err := st.Instantiate(s.proto, s.Name, s.File, s.MarkCount)
		w.cur.Store(0)
		if err != nil {
			if !w.failed(i, err) {
				return false
			}
			continue
		}
		in.Matched = w.matched
		w.live[i] = &live{in: in}
	}
	return w.evented()
}

// matched answers matched(name): only signatures of a lower order have
// finished, so only they can have matched.
func (w *worker) matched(name string) bool {
	i, ok := w.r.e.index[name]
	if !ok || w.r.e.sigs[i].Order >= w.level {
		return false
	}
	o := &w.r.out[i]
	return o.matched && o.err == nil
}

// evented is the one walk over processes and calls for this chunk's
// subscribers. Calls that no live subscriber admits never enter Lua.
func (w *worker) evented() bool {
	r, c := w.r, w.c
	if len(c.onProcess) == 0 && !c.hasCalls {
		return true
	}
	d := r.rep.doc
	st := w.st
	admitted := make([]bool, len(r.e.sigs))
	// The live instances by signature, as a slice for the per-call loop;
	// an entry is cleared when its signature fails.
	lives := make([]*live, len(r.e.sigs))
	for i, l := range w.live {
		lives[i] = l
	}
	// Route by API number: each call costs one slice index here.
	tab := r.rep.apiTable()
	ids := tab.ids
	var byID [][]int
	if c.hasCalls {
		byID = make([][]int, len(tab.names))
		for id, name := range tab.names {
			if l, ok := c.byAPI[name]; ok {
				byID[id] = l
			} else {
				byID[id] = c.anyAPI
			}
		}
	}
	for pi := range r.rep.b.Processes {
		p := &r.rep.b.Processes[pi]
		for _, i := range c.members {
			admitted[i] = admitsProcess(r.e.sigs[i], p)
		}
		for _, i := range c.onProcess {
			l := lives[i]
			if l == nil || !admitted[i] {
				continue
			}
			ret, ok := w.hook(i, l, l.in.OnProcess, st.ProcessTable(l.in, pi))
			if !ok {
				if w.st == nil {
					return false
				}
				lives[i] = nil
				continue
			}
			l.note(ret[0])
		}
		if !c.hasCalls {
			continue
		}
		for ci, id := range ids[pi] {
			subs := c.anyAPI
			switch id {
			case notObject:
				continue
			case noAPI:
			default:
				subs = byID[id]
			}
			if len(subs) == 0 {
				continue
			}
			call, _ := d.Index(p.Calls, ci)
			var callV lua.LValue
			for _, i := range subs {
				l := lives[i]
				if l == nil || l.callsDone || !admitted[i] || !admitsCall(r.e.sigs[i], st, d, call) {
					continue
				}
				if callV == nil {
					callV = st.Value(d, call)
					w.ref = bindings.CallRef{Proc: p, CID: ci, Node: call}
				}
				l.in.SetCall(&w.ref)
				ret, ok := w.hook(i, l, l.in.OnCall, callV, st.ProcessTable(l.in, pi))
				l.in.SetCall(nil)
				if !ok {
					if w.st == nil {
						return false
					}
					lives[i] = nil
					continue
				}
				if ret[0] == lua.LTrue {
					l.anyTrue, l.callsDone = true, true
				}
			}
		}
	}
	return true
}

// apiTable is the API name of every call of a report, as a number: the
// evented pass of each chunk of each run routes a call with one slice index
// instead of a lookup of its "api" member and a map access. It takes 4
// bytes per call and is built once per report, on first use.
type apiTable struct {
	names []string   // the distinct API names, in order of first call
	ids   [][]uint32 // per process, per call: an index in names, noAPI or notObject
}

const (
	noAPI     = math.MaxUint32     // a call without a string "api"
	notObject = math.MaxUint32 - 1 // a call that is not an object: never delivered
)

func (r *Report) apiTable() *apiTable {
	r.apisOnce.Do(func() {
		d := r.doc
		t := &apiTable{ids: make([][]uint32, len(r.b.Processes))}
		index := map[string]uint32{}
		for pi := range r.b.Processes {
			calls := r.b.Processes[pi].Calls
			ids := make([]uint32, d.Len(calls))
			for ci := range ids {
				call, _ := d.Index(calls, ci)
				if d.Kind(call) != jsondoc.Object {
					ids[ci] = notObject
					continue
				}
				api, ok := d.Get(call, "api")
				if !ok || d.Kind(api) != jsondoc.String {
					ids[ci] = noAPI
					continue
				}
				name := d.Str(api)
				id, ok := index[name]
				if !ok {
					id = uint32(len(t.names))
					index[name] = id
					t.names = append(t.names, name)
				}
				ids[ci] = id
			}
			t.ids[pi] = ids
		}
		r.apis = t
	})
	return r.apis
}

func (l *live) note(v lua.LValue) {
	switch v {
	case lua.LTrue:
		l.anyTrue = true
	case lua.LFalse:
		l.explicitFalse = true
	}
}

func admitsProcess(s *Signature, p *bindings.Process) bool {
	if len(s.Filter.ProcessNames) == 0 {
		return true
	}
	for _, n := range s.Filter.ProcessNames {
		if p.HasName && strings.EqualFold(n, p.Name) {
			return true
		}
	}
	return false
}

// admitsCall applies the category and argument filters (the API filter is
// the dispatch table).
func admitsCall(s *Signature, st *bindings.State, d *jsondoc.Doc, call jsondoc.Node) bool {
	f := &s.Filter
	if len(f.Categories) > 0 {
		cat, ok := d.Get(call, "category")
		if !ok || d.Kind(cat) != jsondoc.String || !contains(f.Categories, d.Str(cat)) {
			return false
		}
	}
	if len(f.Arguments) == 0 {
		return true
	}
	for name, subs := range f.Arguments {
		v, ok := st.Argument(d, call, name)
		if !ok {
			continue
		}
		var text string
		switch d.Kind(v) {
		case jsondoc.String:
			text = d.Str(v)
		case jsondoc.Number, jsondoc.True, jsondoc.False:
			text = string(d.Raw(v))
		default:
			continue
		}
		for _, sub := range subs {
			if containsFold(text, sub) {
				return true
			}
		}
	}
	return false
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// finish runs on_complete then run for signature i and records its outcome.
func (w *worker) finish(i int) {
	l := w.live[i]
	s := w.r.e.sigs[i]
	if s.hasOnComplete {
		ret, ok := w.hook(i, l, l.in.OnComplete)
		if !ok {
			return
		}
		l.note(ret[0])
	}
	if s.hasRun {
		ret, ok := w.hook(i, l, l.in.Run, w.st.Results())
		if !ok {
			return
		}
		l.note(ret[0])
		if t, isTable := ret[1].(*lua.LTable); isTable {
			for j := 1; j <= t.Len(); j++ {
				if err := w.st.AppendMark(l.in, t.RawGetInt(j)); err != nil {
					w.fail(i, &Error{Kind: KindRuntime, Signature: s.Name, File: s.File, Line: s.runLine, Msg: "run returned data that is not JSON: " + err.Error()})
					return
				}
			}
		}
	}
	marks, total := l.in.Marks()
	o := &w.r.out[i]
	o.matched = l.anyTrue || total > 0 && !l.explicitFalse
	o.marks, o.total = marks, total
	o.logs = l.in.Logs()
	delete(w.pend, i)
	delete(w.live, i)
}

// hook calls fn as signature i. ok is false when the signature failed (it
// is then finished with its error) or the state was killed (w.st is then
// nil and the pending signatures need a new state).
func (w *worker) hook(i int, l *live, fn *lua.LFunction, args ...lua.LValue) (ret [2]lua.LValue, ok bool) {
	o := &w.r.out[i]
	o.calls++
	var t0 time.Time
	if w.r.e.opts.Profile {
		t0 = time.Now()
	}
	w.cur.Store(int64(i) + 1)
	ret, err := w.st.Call(l.in, fn, args...)
	w.cur.Store(0)
	if w.r.e.opts.Profile {
		o.dur += time.Since(t0)
	}
	if err != nil {
		if l.in != nil {
			o.logs = l.in.Logs()
		}
		w.failed(i, err)
		return ret, false
	}
	return ret, true
}

// failed records err for signature i. For a killed state it blames the
// signature the kill was for, discards the state and returns false.
func (w *worker) failed(i int, err error) bool {
	s := w.r.e.sigs[i]
	var ke *bindings.KillError
	if !errors.As(err, &ke) {
		line, msg := luaErrorText(s.File, err)
		w.fail(i, &Error{Kind: KindRuntime, Signature: s.Name, File: s.File, Line: line, Msg: msg, Err: err})
		return true
	}
	w.stMu.Lock()
	w.st.Close()
	w.st = nil
	w.stMu.Unlock()
	w.live = nil
	var kc *killCause
	if !errors.As(ke.Cause, &kc) {
		// Cancelled from outside (ctx): nothing is to blame.
		return false
	}
	if kc.kind == KindMemory && !w.memRetried[kc.sig] {
		// Signatures running beside a memory bomb are stopped with it:
		// give each one more chance; the bomb trips the bound again.
		if w.memRetried == nil {
			w.memRetried = map[int]bool{}
		}
		w.memRetried[kc.sig] = true
		return false
	}
	culprit := w.r.e.sigs[kc.sig]
	line := 0
	if kc.sig == i {
		line, _ = luaErrorText(culprit.File, ke.Lua)
	}
	w.fail(kc.sig, &Error{Kind: kc.kind, Signature: culprit.Name, File: culprit.File, Line: line, Msg: kc.msg})
	return false
}

// fail finishes signature i with err.
func (w *worker) fail(i int, err *Error) {
	o := &w.r.out[i]
	o.err = err
	o.matched = false
	delete(w.pend, i)
	if w.live != nil {
		delete(w.live, i)
	}
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsFold reports whether sub is in s, ASCII case-insensitively.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	first := lower(sub[0])
	for i := 0; i+n <= len(s); i++ {
		if lower(s[i]) != first {
			continue
		}
		if equalFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}
