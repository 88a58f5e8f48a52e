package runtime

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchOptions configure Watch.
type WatchOptions struct {
	// Sources are signature directories (watched recursively, including
	// sub-directories created later) and single .lua files, as for
	// LoadDir. Files are named in messages as LoadDir names them.
	Sources []string
	// Set is the fixed set to run when Sources is empty (for example an
	// embedded stock set): only the reports are watched then.
	Set *Set
	// Reports are the reports to run after every change, in this order.
	// A report's directory is watched (sandboxes and editors replace files
	// by rename); "-" is standard input, read once.
	Reports []string
	// Load configures loading and reloading the sources.
	Load LoadOptions
	// Engine configures the engine built for each reloaded set.
	Engine Options
	// Select, when set, keeps only the signatures for which it returns
	// true (the CLI's --only and --min-severity).
	Select func(*Signature) bool
	// Tests also watches the NAME_test.lua files of the sources: a change
	// to one is a change (in Update.Changed) though nothing is recompiled,
	// for a tool that reruns the tests. A test file given as a source is
	// then watched, not loaded.
	Tests bool
	// Debounce is how long the file system must stay quiet after an event
	// before a reload: the events of one save (write, chmod, rename, an
	// editor's swap files) become one reload and one rerun. Under a
	// steady stream of events a reload still happens every 10 Debounce.
	// Default 50ms.
	Debounce time.Duration
}

// Update is the outcome of one rerun of the reports.
type Update struct {
	// Seq numbers the updates: 1 for the first run, then 2, 3, ...
	Seq int
	// Results has one entry per report, in the order of
	// WatchOptions.Reports; nil where the report could not be read.
	Results []*Result
	// Reports has one entry per report: the parsed report that ran, nil
	// where it could not be read. It is the same *Report from one update
	// to the next until the file's content changes (for Merge).
	Reports []*Report
	// ReportErrors has one entry per report: why it could not be read or
	// parsed (a *ReportError), or nil.
	ReportErrors []error
	// LoadErrors are the problems of the current sources, exactly as a
	// fresh load reports them, warnings included, sorted by position.
	LoadErrors Errors
	// Kept lists the files that do not load now but whose last good
	// version is still running, sorted.
	Kept []string
	// Changed lists the signature files (added, changed, deleted) and the
	// reports whose content changed since the previous update, sorted; nil
	// in the first update.
	Changed []string
	// Set is the set that ran (after WatchOptions.Select).
	Set *Set
}

// Watch loads the sources, runs every report and calls fn with the
// results; then, until ctx is done, it reloads on every change to a
// signature file or a report and calls fn again. Only the changed files
// are recompiled and a report is parsed again only when its content
// changed. A file that stops loading keeps its last good version running,
// with its error in Update.LoadErrors until it is fixed. Each reload makes
// a new Engine that replaces the previous one atomically; runs under way
// finish on the engine they started with. When a report did not change
// and no signature of a higher order than an edited one exists, only the
// edited signatures run again and the others' outcomes are kept: the
// result is the one a full run gives.
//
// fn is called from one goroutine, one update at a time, in Seq order; a
// slow fn delays the next rerun, not the reloads. fn may keep an Update
// but must not modify it: its results are reused for the next. Watch
// returns nil when ctx is done, after every goroutine it started has
// ended; it returns an error only when watching cannot start (a missing
// source, no inotify). Several Watch calls may run at once; they share
// nothing.
func Watch(ctx context.Context, opts WatchOptions, fn func(Update)) error {
	if len(opts.Sources) == 0 && opts.Set == nil {
		return errors.New("watch: no signature source and no set")
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	w := &watcher{opts: opts, fw: fw, dirs: map[string]bool{}, cache: map[string]*cached{}, good: map[string]*Signature{},
		kick: make(chan struct{}, 1)}
	defer fw.Close()
	if err := w.init(); err != nil {
		return err
	}
	w.reload(true, nil)

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.runner(ctx, fn)
	}()
	w.loop(ctx)
	cancel()
	wg.Wait()
	w.cur.Load().eng.release()
	return nil
}

// watcher is the state of one Watch. Everything but cur, ranGen and kick
// belongs to the goroutine running loop.
type watcher struct {
	opts    WatchOptions
	fw      *fsnotify.Watcher
	sources []watchSource
	reports []*watchedReport
	dirs    map[string]bool // absolute paths of the watched directories
	cache   map[string]*cached
	good    map[string]*Signature        // last version of each file that ran
	files   []File                       // the sources' files at the last scan
	tests   map[string][sha256.Size]byte // with Tests: test files by path
	scanned map[string][sha256.Size]byte // with Tests: at the last scan
	gen     int64

	cur    atomic.Pointer[snapshot]
	ranGen atomic.Int64 // gen of the last snapshot the runner took
	kick   chan struct{}
}

type watchSource struct {
	path string // as given
	abs  string
	dir  bool
}

// cached is the compiled form of one file's content.
type cached struct {
	sum  [sha256.Size]byte
	sig  *Signature // nil when the content does not load
	errs Errors
}

type watchedReport struct {
	path   string
	abs    string
	fi     os.FileInfo // when rep was read
	readAt time.Time
	sum    [sha256.Size]byte
	rep    *Report
	err    error
}

// unchanged reports whether fi is surely the file last read: the same
// file, size and time, and a time well before the read, since a write in
// the same tick of the file system's clock keeps the time (as git's "racy
// clean" entries).
func (r *watchedReport) unchanged(fi os.FileInfo) bool {
	return r.rep != nil && r.fi != nil && os.SameFile(r.fi, fi) && fi.Size() == r.fi.Size() &&
		fi.ModTime().Equal(r.fi.ModTime()) && fi.ModTime().Before(r.readAt.Add(-time.Second))
}

// snapshot is one immutable state to run: an engine and the reports.
type snapshot struct {
	gen      int64
	eng      *engineRef
	loadErrs Errors
	kept     []string
	reports  []reportSnap
	changes  []change // since an earlier snapshot the runner took
}

type reportSnap struct {
	rep *Report
	err error
}

type change struct {
	gen  int64
	name string
}

// engineRef counts the users of an engine: the watcher while it is the
// current one, and each run under way. The last to leave closes it.
type engineRef struct {
	eng  *Engine
	refs atomic.Int64
}

func newEngineRef(set *Set, opts Options) *engineRef {
	r := &engineRef{eng: NewEngine(set, opts)}
	r.refs.Store(1)
	return r
}

// acquire takes a reference unless the engine was already closed.
func (r *engineRef) acquire() bool {
	for {
		n := r.refs.Load()
		if n == 0 {
			return false
		}
		if r.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

func (r *engineRef) release() {
	if r.refs.Add(-1) == 0 {
		r.eng.Close()
	}
}

// init resolves the sources and reports and adds the first watches.
func (w *watcher) init() error {
	for _, p := range w.opts.Sources {
		fi, err := os.Stat(p)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("%s: %w", p, err) // as LoadDir's callers word it
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		w.sources = append(w.sources, watchSource{path: p, abs: abs, dir: fi.IsDir()})
	}
	for _, p := range w.opts.Reports {
		r := &watchedReport{path: p}
		if p != "-" {
			abs, err := filepath.Abs(p)
			if err != nil {
				return err
			}
			r.abs = abs
			if err := w.fw.Add(filepath.Dir(abs)); err != nil {
				return fmt.Errorf("%s: cannot watch its directory: %w", p, err)
			}
			w.dirs[filepath.Dir(abs)] = true
		}
		w.reports = append(w.reports, r)
	}
	for _, s := range w.sources {
		if s.dir {
			if err := w.fw.Add(s.abs); err != nil {
				return fmt.Errorf("%s: cannot watch: %w", s.path, err)
			}
			w.dirs[s.abs] = true
		}
	}
	w.scan() // adds the sub-directories and the parents
	return nil
}

// scan reads the sources' signature files the way LoadDir does, but
// tolerates files that vanish during the walk (an editor saving), and
// makes the watches match the directories found.
func (w *watcher) scan() {
	want := map[string]bool{}
	for _, r := range w.reports {
		if r.abs != "" {
			want[filepath.Dir(r.abs)] = true
		}
	}
	var files []File
	tests := map[string][sha256.Size]byte{}
	for _, s := range w.sources {
		// The parent shows a source that is deleted and created again.
		want[filepath.Dir(s.abs)] = true
		if !s.dir {
			if src, err := os.ReadFile(s.path); err == nil {
				if w.isTest(s.path) {
					tests[s.path] = sha256.Sum256(src)
				} else {
					files = append(files, File{Path: s.path, Src: src})
				}
			}
			continue
		}
		var found []File
		fsys := os.DirFS(s.path)
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "." {
					return fs.SkipAll
				}
				return nil
			}
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				want[filepath.Join(s.abs, filepath.FromSlash(p))] = true
				return nil
			}
			if !IsSignatureFile(d.Name()) && !w.isTest(d.Name()) {
				return nil
			}
			src, err := fs.ReadFile(fsys, p)
			path := filepath.Join(s.path, filepath.FromSlash(p))
			switch {
			case err != nil:
			case IsSignatureFile(d.Name()):
				found = append(found, File{Path: path, Src: src})
			default:
				tests[path] = sha256.Sum256(src)
			}
			return nil
		})
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		files = append(files, found...)
	}
	// fsnotify's own list is the truth: after a rename, a watch may still
	// be listed under the directory's old name. Remove first, then add.
	for _, d := range w.fw.WatchList() {
		if !want[d] {
			w.fw.Remove(d) // fails when the directory is gone: fine
		}
	}
	have := map[string]bool{}
	for _, d := range w.fw.WatchList() {
		have[d] = true
	}
	for d := range want {
		if !have[d] && w.fw.Add(d) == nil {
			have[d] = true
		}
	}
	w.dirs = have
	w.files = files
	w.scanned = tests
}

// isTest reports whether name is a test file to watch.
func (w *watcher) isTest(name string) bool {
	return w.opts.Tests && strings.HasSuffix(name, "_test.lua")
}

// reload rescans the sources, recompiles the files whose content changed,
// reads the reports named in touched (all of them when all is set), and
// publishes a new snapshot when anything changed.
func (w *watcher) reload(all bool, touched map[string]bool) {
	w.gen++
	var changed []string
	w.scan()

	// Recompile what changed. Each file goes through LoadFiles alone, so
	// its messages are exactly those of a fresh load.
	seen := map[string]bool{}
	for _, f := range w.files {
		seen[f.Path] = true
		sum := sha256.Sum256(f.Src)
		if c := w.cache[f.Path]; c != nil && c.sum == sum {
			continue
		}
		one, errs, _ := w.opts.Load.LoadFiles([]File{f})
		c := &cached{sum: sum, errs: errs}
		if one != nil && one.Len() == 1 {
			c.sig = one.Signatures()[0]
		}
		w.cache[f.Path] = c
		changed = append(changed, f.Path)
	}
	for p := range w.cache {
		if !seen[p] {
			delete(w.cache, p)
			delete(w.good, p)
			changed = append(changed, p)
		}
	}
	sigsChanged := len(changed) > 0
	for p, sum := range w.scanned {
		if old, ok := w.tests[p]; !ok || old != sum {
			changed = append(changed, p)
		}
	}
	for p := range w.tests {
		if _, ok := w.scanned[p]; !ok {
			changed = append(changed, p)
		}
	}
	w.tests = w.scanned

	// Read the reports that changed.
	for _, r := range w.reports {
		if (all || touched[r.abs]) && w.readReport(r) {
			changed = append(changed, r.path)
		}
	}

	prev := w.cur.Load()
	if prev != nil && len(changed) == 0 {
		return
	}
	s := &snapshot{gen: w.gen}
	if prev == nil || sigsChanged {
		set, loadErrs, kept := w.buildSet()
		if w.opts.Select != nil {
			set = set.Select(w.opts.Select)
		}
		s.eng = newEngineRef(set, w.opts.Engine)
		s.loadErrs, s.kept = loadErrs, kept
	} else {
		s.eng, s.loadErrs, s.kept = prev.eng, prev.loadErrs, prev.kept
	}
	for _, r := range w.reports {
		s.reports = append(s.reports, reportSnap{rep: r.rep, err: r.err})
	}
	if prev != nil {
		ran := w.ranGen.Load()
		for _, c := range prev.changes {
			if c.gen > ran {
				s.changes = append(s.changes, c)
			}
		}
		for _, name := range changed {
			s.changes = append(s.changes, change{gen: w.gen, name: name})
		}
	}
	w.cur.Store(s)
	if prev != nil && prev.eng != s.eng {
		prev.eng.release()
	}
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// buildSet makes the set of the current files: each file's current
// version, or its last good one when the current one does not load or
// duplicates another's name. Errors are those a fresh load reports.
func (w *watcher) buildSet() (*Set, Errors, []string) {
	if len(w.sources) == 0 {
		return w.opts.Set, nil, nil
	}
	cands := make([]*Signature, 0, len(w.files))
	for _, f := range w.files {
		if c := w.cache[f.Path]; c.sig != nil {
			cands = append(cands, c.sig)
		}
	}
	set, _ := newSet(cands, w.opts.Load.Funcs)

	// The messages: each file's own, and for the files sharing a name,
	// those of loading them together (the duplicate errors), so that
	// they read as a fresh load's.
	dupNames := map[string]bool{}
	for _, f := range w.files {
		if c := w.cache[f.Path]; c.sig != nil && set.byName[c.sig.Name] != c.sig {
			dupNames[c.sig.Name] = true
		}
	}
	var errs Errors
	var group []File
	for _, f := range w.files {
		c := w.cache[f.Path]
		if c.sig != nil && dupNames[c.sig.Name] {
			group = append(group, f)
		} else {
			errs = append(errs, c.errs...)
		}
	}
	if len(group) > 0 {
		_, groupErrs, _ := w.opts.Load.LoadFiles(group)
		errs = append(errs, groupErrs...)
	}
	errs.Sort()

	// Put the last good versions in place of the files left out.
	substituted := false
	cands = cands[:0]
	for _, f := range w.files {
		c := w.cache[f.Path]
		switch g := w.good[f.Path]; {
		case c.sig != nil && set.byName[c.sig.Name] == c.sig:
			cands = append(cands, c.sig)
		case g != nil && set.byName[g.Name] == nil:
			cands = append(cands, g)
			substituted = true
		}
	}
	if substituted {
		set, _ = newSet(cands, w.opts.Load.Funcs)
	}
	var kept []string
	for _, f := range w.files {
		c := w.cache[f.Path]
		if c.sig != nil && set.byName[c.sig.Name] == c.sig {
			w.good[f.Path] = c.sig
		} else if g := w.good[f.Path]; g != nil && set.byName[g.Name] == g {
			kept = append(kept, f.Path)
		}
	}
	sort.Strings(kept)
	return set, errs, kept
}

// readReport reads r again unless its file surely did not change, and
// reports whether its content (or readability) did.
func (w *watcher) readReport(r *watchedReport) bool {
	if r.path == "-" {
		if r.rep != nil || r.err != nil {
			return false
		}
		r.rep, r.err = ReadReport("-")
		return true
	}
	now := time.Now()
	fi, err := os.Stat(r.path)
	if err == nil && r.unchanged(fi) {
		return false
	}
	var data []byte
	if err == nil && !fi.IsDir() {
		data, err = os.ReadFile(r.path)
	}
	was := r.err
	if err != nil || fi.IsDir() {
		// ReadReport words the error as a run without --watch would.
		r.rep, r.err = ReadReport(r.path)
		r.fi = nil
		return was == nil || r.err == nil || was.Error() != r.err.Error()
	}
	sum := sha256.Sum256(data)
	r.fi, r.readAt = fi, now
	if r.rep != nil && sum == r.sum {
		return false
	}
	r.sum = sum
	r.rep, r.err = ParseReport(r.path, data)
	if r.err != nil {
		r.rep, r.fi = nil, nil
		return was == nil || was.Error() != r.err.Error()
	}
	return true
}

// loop turns file system events into reloads until ctx is done.
func (w *watcher) loop(ctx context.Context) {
	debounce := w.opts.Debounce
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var first time.Time
	pending, all := false, false
	touched := map[string]bool{}
	schedule := func() {
		now := time.Now()
		if !pending {
			pending, first = true, now
		}
		d := debounce
		if deadline := first.Add(10 * debounce); now.Add(d).After(deadline) {
			d = max(deadline.Sub(now), 0)
		}
		timer.Reset(d)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.relevant(ev, touched) {
				schedule()
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			_ = err // an overflow or a read error: events may be lost, look at everything
			all = true
			schedule()
		case <-timer.C:
			w.reload(all, touched)
			pending, all = false, false
			clear(touched)
		}
	}
}

// relevant reports whether ev may change a signature file or a report; it
// records touched reports and watches new directories at once, so files
// created in them right after are not missed.
func (w *watcher) relevant(ev fsnotify.Event, touched map[string]bool) bool {
	name := filepath.Clean(ev.Name)
	hit := false
	for _, r := range w.reports {
		if r.abs == name {
			touched[name] = true
			hit = true
		}
	}
	if w.dirs[name] && !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) {
		hit = true // a watched directory went away
	}
	for _, s := range w.sources {
		if name == s.abs {
			hit = true
		}
		if !s.dir {
			continue
		}
		rel, err := filepath.Rel(s.abs, name)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if hidden(rel) {
			continue
		}
		if ev.Has(fsnotify.Create) {
			if fi, err := os.Stat(name); err == nil && fi.IsDir() {
				w.watchTree(name)
				hit = true
				continue
			}
		}
		if IsSignatureFile(filepath.Base(name)) || w.isTest(filepath.Base(name)) || w.dirs[name] {
			hit = true
		}
	}
	return hit
}

// watchTree watches dir and its sub-directories (not hidden ones).
func (w *watcher) watchTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !w.dirs[p] && w.fw.Add(p) == nil {
			w.dirs[p] = true
		}
		return nil
	})
}

// hidden reports whether a path relative to a source directory has a
// component starting with "." (skipped by ReadFS).
func hidden(rel string) bool {
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}

// runner reruns the reports on the current snapshot whenever it changes.
func (w *watcher) runner(ctx context.Context, fn func(Update)) {
	seq := 0
	var ranGen int64 = -1
	var prev Update
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.kick:
		}
		var s *snapshot
		for {
			s = w.cur.Load()
			if s.eng.acquire() {
				break
			}
		}
		w.ranGen.Store(s.gen)
		u := Update{LoadErrors: s.loadErrs, Kept: s.kept, Set: s.eng.eng.Set(),
			Results: make([]*Result, len(s.reports)), Reports: make([]*Report, len(s.reports)),
			ReportErrors: make([]error, len(s.reports))}
		if ranGen >= 0 {
			seen := map[string]bool{}
			for _, c := range s.changes {
				if c.gen > ranGen && !seen[c.name] {
					seen[c.name] = true
					u.Changed = append(u.Changed, c.name)
				}
			}
			sort.Strings(u.Changed)
		}
		ranGen = s.gen
		// A report that did not change needs only the signatures that
		// did (and those that may depend on them) to run again.
		var part *Engine
		if !w.opts.Engine.Profile {
			if sub := rerunSubset(prev.Set, u.Set, prev.Results); sub != nil {
				part = NewEngine(sub, w.opts.Engine)
			}
		}
		var wg sync.WaitGroup
		for i, r := range s.reports {
			if r.err != nil || r.rep == nil {
				u.ReportErrors[i] = r.err
				continue
			}
			u.Reports[i] = r.rep
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Errors only come from a done ctx.
				if part != nil && i < len(prev.Reports) && prev.Reports[i] == r.rep && prev.Results[i] != nil {
					if res, err := part.Run(ctx, r.rep); err == nil {
						u.Results[i] = spliceResult(prev.Results[i], res, u.Set, part.Set())
					}
					return
				}
				u.Results[i], _ = s.eng.eng.Run(ctx, r.rep)
			}()
		}
		wg.Wait()
		if part != nil {
			part.Close()
		}
		s.eng.release()
		prev = u
		if ctx.Err() != nil {
			return
		}
		seq++
		u.Seq = seq
		fn(u)
	}
}

// rerunSubset returns the signatures of cur to run again on a report whose
// result for old is at hand, so that with the other signatures' outcomes
// kept it gives the result of running all of cur: those new or changed,
// and every signature of a higher order than one that changed, appeared or
// went (matched() sees lower orders). It returns nil when no such subset
// exists: a kept signature of a lower order than a rerun one would answer
// matched() wrongly in a run of the subset alone.
func rerunSubset(old, cur *Set, results []*Result) *Set {
	if old == nil || cur == nil {
		return nil
	}
	for _, res := range results {
		for _, e := range res.errorsOrNil() {
			if e.Signature == "" {
				return nil
			}
		}
	}
	rerun := map[string]bool{}
	lowest := math.MaxInt
	for _, s := range cur.sigs {
		if o := old.byName[s.Name]; s.Enabled && o != s {
			rerun[s.Name] = true
			lowest = min(lowest, s.Order)
		}
	}
	for _, o := range old.sigs {
		if s := cur.byName[o.Name]; o.Enabled && (s == nil || s != o) {
			lowest = min(lowest, o.Order)
		}
	}
	highest, lowestKept := math.MinInt, math.MaxInt
	for _, s := range cur.sigs {
		if !s.Enabled {
			continue
		}
		if s.Order > lowest {
			rerun[s.Name] = true
		}
		if rerun[s.Name] {
			highest = max(highest, s.Order)
		} else {
			lowestKept = min(lowestKept, s.Order)
		}
	}
	if lowestKept < highest {
		return nil
	}
	return cur.Select(func(s *Signature) bool { return rerun[s.Name] })
}

func (r *Result) errorsOrNil() Errors {
	if r == nil {
		return nil
	}
	return r.Errors
}

// spliceResult is the result of running all of cur: part's outcomes for
// the signatures of rerun, prev's for the others.
func spliceResult(prev, part *Result, cur, rerun *Set) *Result {
	keep := func(name string) bool {
		s := cur.byName[name]
		return s != nil && s.Enabled && rerun.byName[name] == nil
	}
	res := &Result{Report: part.Report}
	logs := map[string][]Log{}
	for _, m := range prev.Matches {
		if keep(m.Name) {
			res.Matches = append(res.Matches, m)
		}
	}
	res.Matches = append(res.Matches, part.Matches...)
	sortMatches(res.Matches)
	for _, e := range prev.Errors {
		if keep(e.Signature) {
			res.Errors = append(res.Errors, e)
		}
	}
	res.Errors = append(res.Errors, part.Errors...)
	res.Errors.Sort()
	for _, l := range prev.Logs {
		if keep(l.Signature) {
			logs[l.Signature] = append(logs[l.Signature], l)
		}
	}
	for _, l := range part.Logs {
		logs[l.Signature] = append(logs[l.Signature], l)
	}
	for _, s := range cur.sigs {
		if s.Enabled {
			res.Ran = append(res.Ran, s.Name)
			res.Logs = append(res.Logs, logs[s.Name]...)
		}
	}
	return res
}
