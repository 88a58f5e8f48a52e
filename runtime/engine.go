package runtime

import (
	"context"
	"encoding/json"
	"fmt"
	goruntime "runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sigrun-dev/sigrun/bindings"
)

// Options configure an Engine. The zero value gives the defaults.
type Options struct {
	// Jobs bounds how many Lua states run at once, over all reports being
	// run concurrently. Default: the number of CPUs.
	Jobs int
	// Timeout bounds the Lua time of one signature on one report (all its
	// hooks together). Default 10s.
	Timeout time.Duration
	// Profile records per-signature timings in Result.Timings.
	Profile bool
	// CallStackSize bounds Lua call depth per hook. Default 200.
	CallStackSize int
	// MemoryLimit bounds how far the Go heap may grow, over its size when
	// a run starts, while signatures of that run are in a hook. Past it
	// (after a garbage collection) the signatures in a hook are stopped;
	// each is retried once, and fails with a memory error if it trips the
	// bound again. Default 1 GiB.
	MemoryLimit int64
}

// Engine runs one Set over reports. It owns a pool of Lua states. Run is
// safe for concurrent use; each call gets fresh signature instances.
type Engine struct {
	set    *Set
	opts   Options
	sigs   []*Signature // enabled, in run order
	index  map[string]int
	levels []int // distinct orders, ascending
	chunks []*chunk
	pool   *pool
	tokens chan struct{}
}

// chunk is a group of signatures whose instances share one Lua state per
// report, with their call dispatch tables.
type chunk struct {
	members   []int // indices into Engine.sigs, in run order
	onProcess []int
	byAPI     map[string][]int // API name -> on_call subscribers, in run order
	anyAPI    []int            // on_call subscribers without an API filter
	hasCalls  bool
}

// NewEngine prepares set for running: dispatch tables are built once here.
func NewEngine(set *Set, opts Options) *Engine {
	if opts.Jobs <= 0 {
		opts.Jobs = goruntime.GOMAXPROCS(0)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MemoryLimit <= 0 {
		opts.MemoryLimit = 1 << 30
	}
	e := &Engine{set: set, opts: opts, index: map[string]int{}, tokens: make(chan struct{}, opts.Jobs)}
	e.pool = &pool{opts: bindings.Options{Funcs: set.funcs, CallStackSize: opts.CallStackSize}, free: make(chan *bindings.State, 2*opts.Jobs)}
	for _, s := range set.sigs {
		if s.Enabled {
			e.index[s.Name] = len(e.sigs)
			e.sigs = append(e.sigs, s)
			if len(e.levels) == 0 || e.levels[len(e.levels)-1] != s.Order {
				e.levels = append(e.levels, s.Order)
			}
		}
	}
	n := min(opts.Jobs, (len(e.sigs)+3)/4)
	if n < 1 {
		n = 1
	}
	e.chunks = make([]*chunk, n)
	for i := range e.chunks {
		e.chunks[i] = &chunk{byAPI: map[string][]int{}}
	}
	// Spread the call subscribers (the expensive ones) and the rest evenly.
	next := 0
	for _, callers := range []bool{true, false} {
		for i, s := range e.sigs {
			if s.hasOnCall == callers {
				c := e.chunks[next%n]
				c.members = append(c.members, i)
				next++
			}
		}
	}
	for _, c := range e.chunks {
		c.build(e.sigs)
	}
	return e
}

func (c *chunk) build(sigs []*Signature) {
	sortInts(c.members)
	var filtered []string
	for _, i := range c.members {
		s := sigs[i]
		if s.hasOnProcess {
			c.onProcess = append(c.onProcess, i)
		}
		if !s.hasOnCall {
			continue
		}
		c.hasCalls = true
		if len(s.Filter.APINames) == 0 {
			c.anyAPI = append(c.anyAPI, i)
			continue
		}
		for _, api := range s.Filter.APINames {
			if _, ok := c.byAPI[api]; !ok {
				filtered = append(filtered, api)
				c.byAPI[api] = nil
			}
			c.byAPI[api] = append(c.byAPI[api], i)
		}
	}
	// A call of a named API goes to its subscribers and to everyone
	// without an API filter, still in run order.
	for _, api := range filtered {
		l := append(append([]int(nil), c.byAPI[api]...), c.anyAPI...)
		sortInts(l)
		c.byAPI[api] = dedupe(l)
	}
}

func sortInts(l []int) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j] < l[j-1]; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

func dedupe(l []int) []int {
	out := l[:0]
	for i, x := range l {
		if i == 0 || x != l[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Set returns the set the engine runs.
func (e *Engine) Set() *Set { return e.set }

// Close releases the pooled Lua states. Runs still in flight finish first
// only if the caller waited for them; Close itself does not wait.
func (e *Engine) Close() { e.pool.drain() }

// Run runs every enabled signature over rep and returns what matched and
// what failed. A signature's error never fails the run; err is only for a
// cancelled ctx.
func (e *Engine) Run(ctx context.Context, rep *Report) (*Result, error) {
	r := &run{e: e, rep: rep, ctx: ctx, out: make([]outcome, len(e.sigs))}
	r.heapLimit = heapInUse() + uint64(e.opts.MemoryLimit)
	if len(e.levels) > 1 {
		r.barriers = make([]sync.WaitGroup, len(e.levels))
		for i := range r.barriers {
			r.barriers[i].Add(len(e.chunks))
		}
	}
	var wg sync.WaitGroup
	for _, c := range e.chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(c)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.result(), nil
}

type outcome struct {
	matched bool
	marks   [][]byte
	total   int
	err     *Error
	logs    []string
	dur     time.Duration
	calls   int
}

// run is one report under way.
type run struct {
	e        *Engine
	rep      *Report
	ctx      context.Context
	out      []outcome
	barriers []sync.WaitGroup
	// heapLimit is the heap size at which running signatures are stopped.
	heapLimit uint64
}

func (r *run) result() *Result {
	res := &Result{Report: r.rep.Name}
	for i, s := range r.e.sigs {
		o := &r.out[i]
		res.Ran = append(res.Ran, s.Name)
		if o.err != nil {
			o.err.attachSource(s.Source)
			res.Errors = append(res.Errors, o.err)
		}
		for _, l := range o.logs {
			res.Logs = append(res.Logs, Log{Signature: s.Name, Message: l})
		}
		if r.e.opts.Profile {
			res.Timings = append(res.Timings, Timing{Signature: s.Name, Duration: o.dur, Calls: o.calls})
		}
		if !o.matched || o.err != nil {
			continue
		}
		m := Match{Name: s.Name, Description: s.Description, Severity: s.Severity, Categories: s.Categories,
			Families: s.Families, TTPs: s.TTPs, References: s.References, Alert: s.Alert}
		if m.References == nil {
			m.References = []string{}
		}
		m.Data = make([]json.RawMessage, len(o.marks))
		for j, b := range o.marks {
			m.Data[j] = b
		}
		if o.total > len(o.marks) {
			m.MarkCount = o.total
		}
		res.Matches = append(res.Matches, m)
	}
	sortMatches(res.Matches)
	res.Errors.Sort()
	return res
}

// worker state for one chunk of one report.
type worker struct {
	r     *run
	c     *chunk
	st    *bindings.State
	live  map[int]*live // pending signatures with an instance in st
	pend  map[int]bool  // signatures not finished yet
	cur   atomic.Int64  // index+1 of the signature in a hook, 0 if none
	used  []atomic.Int64
	level int
	ref   bindings.CallRef
	stMu  sync.Mutex // guards st between the worker and its watchdog
	// memRetried marks signatures already stopped once for memory.
	memRetried map[int]bool
}

// live is a pending signature's instance and what its hooks returned.
type live struct {
	in            *bindings.Instance
	anyTrue       bool
	explicitFalse bool
	callsDone     bool // on_call returned true
}

// killCause says which signature a state was killed for, and why.
type killCause struct {
	sig  int
	kind ErrorKind
	msg  string
}

func (k *killCause) Error() string { return k.msg }

func (r *run) work(c *chunk) {
	w := &worker{r: r, c: c, pend: map[int]bool{}, used: make([]atomic.Int64, len(r.e.sigs))}
	for _, i := range c.members {
		w.pend[i] = true
	}
	r.e.tokens <- struct{}{}
	stop := w.watch()
	defer func() {
		stop()
		if w.st != nil {
			r.e.pool.put(w.st)
		}
		<-r.e.tokens
	}()
	for li, level := range r.e.levels {
		w.level = level
		for _, i := range c.members {
			if r.e.sigs[i].Order != level || !w.pend[i] {
				continue
			}
			for w.pend[i] && r.ctx.Err() == nil {
				if !w.prepare() {
					continue
				}
				if !w.pend[i] {
					break
				}
				w.finish(i)
			}
		}
		if r.barriers != nil {
			r.barriers[li].Done()
			<-r.e.tokens
			r.barriers[li].Wait()
			r.e.tokens <- struct{}{}
		}
	}
}

// watch starts the time watchdog: every tick, the signature in a hook is
// charged a tick; past the timeout its state is killed.
func (w *worker) watch() (stop func()) {
	timeout := w.r.e.opts.Timeout
	tick := min(10*time.Millisecond, timeout/10)
	if tick <= 0 {
		tick = time.Millisecond
	}
	t := time.NewTicker(tick)
	done := make(chan struct{})
	mu := &w.stMu
	go func() {
		for {
			select {
			case <-done:
				return
			case <-w.r.ctx.Done():
				mu.Lock()
				if w.st != nil {
					w.st.Kill(w.r.ctx.Err())
				}
				mu.Unlock()
				return
			case <-t.C:
				i := w.cur.Load() - 1
				if i < 0 {
					continue
				}
				var cause *killCause
				if w.used[i].Add(int64(tick)) > int64(timeout) {
					cause = &killCause{sig: int(i), kind: KindTimeout, msg: fmt.Sprintf("timed out: ran over the %v limit", timeout)}
				} else if overLimit(w.r.heapLimit) {
					cause = &killCause{sig: int(i), kind: KindMemory, msg: fmt.Sprintf("stopped: the heap grew past the %d MiB memory bound", w.r.e.opts.MemoryLimit>>20)}
				}
				if cause != nil && w.cur.Load()-1 == i {
					mu.Lock()
					if w.st != nil {
						w.st.Kill(cause)
					}
					mu.Unlock()
				}
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// heapSample is reused by heapInUse; metrics.Read is safe for concurrent
// use, but the sample slice is not, hence the mutex.
var heapSample = struct {
	sync.Mutex
	s []metrics.Sample
}{s: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}

// heapInUse is the bytes of heap objects, live or not yet swept.
func heapInUse() uint64 {
	heapSample.Lock()
	defer heapSample.Unlock()
	metrics.Read(heapSample.s)
	if heapSample.s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return heapSample.s[0].Value.Uint64()
}

// overLimit reports whether the heap is over limit even after a garbage
// collection (dead objects count until they are swept).
func overLimit(limit uint64) bool {
	if heapInUse() <= limit {
		return false
	}
	goruntime.GC()
	return heapInUse() > limit
}
