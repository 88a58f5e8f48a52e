package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// deadline bounds every wait for a watch state; the waits poll, they never
// sleep for a fixed time and hope.
// deadline is generous: a loaded 2-core CI machine under -race is slow.
const deadline = 60 * time.Second

// watchRec runs Watch in the background and records its updates.
type watchRec struct {
	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every update
	updates []sigrt.Update
	done    chan error
}

func startWatch(t testing.TB, opts sigrt.WatchOptions) *watchRec {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	if opts.Engine.Timeout == 0 {
		opts.Engine.Timeout = 5 * time.Second
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := record(ctx, opts)
	t.Cleanup(func() {
		cancel()
		r.stop(t)
	})
	return r
}

// record runs Watch until ctx is done.
func record(ctx context.Context, opts sigrt.WatchOptions) *watchRec {
	r := &watchRec{changed: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		r.done <- sigrt.Watch(ctx, opts, func(u sigrt.Update) {
			r.mu.Lock()
			r.updates = append(r.updates, u)
			close(r.changed)
			r.changed = make(chan struct{})
			r.mu.Unlock()
		})
	}()
	return r
}

// stop waits for Watch to return once its context is done.
func (r *watchRec) stop(t testing.TB) {
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("Watch: %v", err)
		}
		r.done <- err
	case <-time.After(deadline):
		t.Errorf("Watch did not return after cancel")
	}
}

// wait returns the first update with Seq > after for which ok is true.
func (r *watchRec) wait(t testing.TB, after int, what string, ok func(sigrt.Update) bool) sigrt.Update {
	t.Helper()
	timeout := time.After(deadline)
	for {
		r.mu.Lock()
		ch := r.changed
		for _, u := range r.updates {
			if u.Seq > after && ok(u) {
				r.mu.Unlock()
				return u
			}
		}
		var last string
		if n := len(r.updates); n > 0 {
			last = describeUpdate(r.updates[n-1])
		}
		r.mu.Unlock()
		select {
		case <-ch:
		case err := <-r.done:
			t.Fatalf("Watch returned %v while waiting for %s", err, what)
		case <-timeout:
			t.Fatalf("no update with %s after seq %d within %v; last: %s", what, after, deadline, last)
		}
	}
}

func describeUpdate(u sigrt.Update) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seq %d matches %v errors %q kept %v changed %v", u.Seq, matchNames(u, 0), errMsgs(u.LoadErrors), u.Kept, u.Changed)
	return b.String()
}

func matchNames(u sigrt.Update, i int) []string {
	var names []string
	if i < len(u.Results) && u.Results[i] != nil {
		for _, m := range u.Results[i].Matches {
			names = append(names, m.Name)
		}
	}
	slices.Sort(names)
	return names
}

func setNames(u sigrt.Update) []string {
	var names []string
	for _, s := range u.Set.Signatures() {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	return names
}

func errMsgs(es sigrt.Errors) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

func hasMatches(want ...string) func(sigrt.Update) bool {
	slices.Sort(want)
	return func(u sigrt.Update) bool { return slices.Equal(matchNames(u, 0), want) }
}

// sigSrc is a signature that matches when the report's top-level key is
// present, marking its value.
func sigSrc(name, key string) string {
	return fmt.Sprintf(`name = %q
description = "has %s"
severity = 2
function run(results)
  if results[%q] ~= nil then
    mark({value = results[%q]})
  end
  return has_marks()
end
`, name, key, key, key)
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// renameSave saves the way many editors and sandboxes do: write a
// temporary file next to path, then rename it over path.
func renameSave(t testing.TB, path, content string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	write(t, tmp, content)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestWatchReload(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
	write(t, rep, `{"x": 1, "y": 2, "z": 3}`)
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}})

	u := r.wait(t, 0, "a matching", hasMatches("a"))
	if u.Seq != 1 || u.Changed != nil || len(u.LoadErrors) != 0 {
		t.Fatalf("first update: %s", describeUpdate(u))
	}

	// An edit: a stops matching.
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "nope"))
	u = r.wait(t, u.Seq, "no match", hasMatches())
	if want := []string{filepath.Join(sigs, "a.lua")}; !slices.Equal(u.Changed, want) {
		t.Errorf("Changed = %v, want %v", u.Changed, want)
	}

	// A new file appears.
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "y"))
	u = r.wait(t, u.Seq, "b matching", hasMatches("b"))

	// A broken save keeps b's last good version running, with the error.
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "y")+"\nfunction broken(\n")
	u = r.wait(t, u.Seq, "a load error", func(u sigrt.Update) bool { return len(u.LoadErrors) > 0 })
	if got := matchNames(u, 0); !slices.Equal(got, []string{"b"}) {
		t.Errorf("broken b: matches %v, want the last good b", got)
	}
	if e := u.LoadErrors[0]; e.File != filepath.Join(sigs, "b.lua") || e.Line == 0 {
		t.Errorf("load error %v: want a position in b.lua", e)
	}
	if !slices.Equal(u.Kept, []string{filepath.Join(sigs, "b.lua")}) {
		t.Errorf("Kept = %v", u.Kept)
	}

	// Fixing it clears the error; this time with a write-then-rename save.
	renameSave(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "z"))
	u = r.wait(t, u.Seq, "the error cleared", func(u sigrt.Update) bool { return len(u.LoadErrors) == 0 })
	if len(u.Kept) != 0 {
		t.Errorf("Kept = %v after the fix", u.Kept)
	}
	if got := string(u.Results[0].Matches[0].Data[0]); got != `{"value":3}` {
		t.Errorf("b marks %s, want the fixed version's", got)
	}

	// A sub-directory created later is watched, and so is its own new
	// sub-directory.
	write(t, filepath.Join(sigs, "new", "deeper", "c.lua"), sigSrc("c", "x"))
	u = r.wait(t, u.Seq, "c matching", hasMatches("b", "c"))
	write(t, filepath.Join(sigs, "new", "deeper", "d.lua"), sigSrc("d", "x"))
	u = r.wait(t, u.Seq, "d matching", hasMatches("b", "c", "d"))

	// Deleted files disappear, a deleted directory too.
	if err := os.Remove(filepath.Join(sigs, "a.lua")); err != nil {
		t.Fatal(err)
	}
	u = r.wait(t, u.Seq, "a gone", func(u sigrt.Update) bool { return !slices.Contains(setNames(u), "a") })
	if err := os.RemoveAll(filepath.Join(sigs, "new")); err != nil {
		t.Fatal(err)
	}
	u = r.wait(t, u.Seq, "c and d gone", func(u sigrt.Update) bool { return slices.Equal(setNames(u), []string{"b"}) })

	// A renamed directory is still watched under its new name.
	write(t, filepath.Join(sigs, "one", "e.lua"), sigSrc("e", "x"))
	u = r.wait(t, u.Seq, "e matching", hasMatches("b", "e"))
	if err := os.Rename(filepath.Join(sigs, "one"), filepath.Join(sigs, "two")); err != nil {
		t.Fatal(err)
	}
	u = r.wait(t, u.Seq, "e moved", func(u sigrt.Update) bool {
		return slices.Contains(u.Changed, filepath.Join(sigs, "two", "e.lua"))
	})
	write(t, filepath.Join(sigs, "two", "f.lua"), sigSrc("f", "x"))
	r.wait(t, u.Seq, "f matching", hasMatches("b", "e", "f"))
}

// The events of one save are one reload; swap files, backups and touches
// that change no content cause no rerun at all.
func TestWatchDebounce(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	a := filepath.Join(sigs, "a.lua")
	write(t, a, sigSrc("a", "x"))
	write(t, rep, `{"x": 1, "y": 2}`)
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}, Debounce: 250 * time.Millisecond})
	u := r.wait(t, 0, "a matching", hasMatches("a"))

	// A vim-like save: probe file, swap file, backup, write, chmod.
	write(t, filepath.Join(sigs, "4913"), "")
	os.Remove(filepath.Join(sigs, "4913"))
	write(t, filepath.Join(sigs, ".a.lua.swp"), "swap")
	write(t, filepath.Join(sigs, ".a.lua.swx"), "swap")
	write(t, filepath.Join(sigs, "a.lua~"), sigSrc("a", "x"))
	write(t, filepath.Join(sigs, ".#a.lua"), "lock")
	f, err := os.OpenFile(a, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	src := sigSrc("a", "y")
	f.WriteString(src[:20])
	f.WriteString(src[20:])
	f.Close()
	os.Chmod(a, 0o600)
	os.Chtimes(a, time.Now(), time.Now())
	u2 := r.wait(t, u.Seq, "a on y", func(u sigrt.Update) bool {
		return len(u.Results[0].Matches) == 1 && string(u.Results[0].Matches[0].Data[0]) == `{"value":2}`
	})
	if u2.Seq != u.Seq+1 {
		t.Errorf("one save gave updates %d..%d, want one", u.Seq+1, u2.Seq)
	}

	// Only swap files and touches: nothing to rerun. A real change after
	// them must be the very next update.
	write(t, filepath.Join(sigs, ".a.lua.swp"), "swap again")
	write(t, filepath.Join(sigs, "a.lua~"), "backup")
	os.Chtimes(a, time.Now(), time.Now())
	os.Chtimes(rep, time.Now(), time.Now())
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "x"))
	u3 := r.wait(t, u2.Seq, "b matching", hasMatches("a", "b"))
	if u3.Seq != u2.Seq+1 {
		t.Errorf("swap files and touches caused %d extra updates", u3.Seq-u2.Seq-1)
	}
	if want := []string{filepath.Join(sigs, "b.lua")}; !slices.Equal(u3.Changed, want) {
		t.Errorf("Changed = %v, want %v", u3.Changed, want)
	}
}

// The report is parsed once and reused until its content changes; it is
// replaced by rename as sandboxes do, and a broken report is an error of
// that report only.
func TestWatchReport(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	other := filepath.Join(dir, "other", "o.json")
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
	write(t, rep, `{"x": 1}`)
	write(t, other, `{"x": 2}`)
	// A long debounce: the test counts updates, and a loaded machine may
	// pause between the truncation and the write of one save.
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep, other}, Debounce: 200 * time.Millisecond})
	u1 := r.wait(t, 0, "a matching", hasMatches("a"))
	if len(u1.Results) != 2 || u1.Results[1] == nil || u1.Results[1].Report != other {
		t.Fatalf("results: %+v", u1.Results)
	}

	// A signature change reruns on the same parsed reports.
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "x"))
	u2 := r.wait(t, u1.Seq, "b matching", hasMatches("a", "b"))
	if u2.Reports[0] != u1.Reports[0] || u2.Reports[1] != u1.Reports[1] {
		t.Errorf("reports parsed again on a signature change")
	}
	if u2.Set == u1.Set {
		t.Errorf("same set after a reload")
	}

	// Rewriting the report with the same bytes, or touching it, is no
	// change; a new content is, and only that report is parsed again.
	write(t, rep, `{"x": 1}`)
	renameSave(t, rep, `{"x": 7}`)
	u3 := r.wait(t, u2.Seq, "x = 7", func(u sigrt.Update) bool {
		return u.Results[0] != nil && len(u.Results[0].Matches) == 2 && string(u.Results[0].Matches[0].Data[0]) == `{"value":7}`
	})
	if u3.Seq != u2.Seq+1 {
		t.Errorf("report replace gave %d updates", u3.Seq-u2.Seq)
	}
	if u3.Reports[0] == u2.Reports[0] || u3.Reports[1] != u2.Reports[1] {
		t.Errorf("want r.json parsed again and o.json reused")
	}
	if u3.Set != u2.Set {
		t.Errorf("signatures reloaded on a report change")
	}
	if !slices.Equal(u3.Changed, []string{rep}) {
		t.Errorf("Changed = %v, want [%s]", u3.Changed, rep)
	}

	// A truncated report is an error of that report; the other still runs.
	write(t, rep, `{"x": `)
	u4 := r.wait(t, u3.Seq, "a report error", func(u sigrt.Update) bool { return u.ReportErrors[0] != nil })
	if u4.Results[0] != nil || u4.Results[1] == nil {
		t.Errorf("results %v", u4.Results)
	}
	if !strings.Contains(u4.ReportErrors[0].Error(), "r.json: byte") {
		t.Errorf("report error %q", u4.ReportErrors[0])
	}
	// A deleted report is an error until it comes back.
	os.Remove(rep)
	u5 := r.wait(t, u4.Seq, "report missing", func(u sigrt.Update) bool {
		return u.ReportErrors[0] != nil && strings.Contains(u.ReportErrors[0].Error(), "no such file")
	})
	write(t, rep, `{"x": 3}`)
	r.wait(t, u5.Seq, "report back", func(u sigrt.Update) bool { return u.ReportErrors[0] == nil && len(u.Results[0].Matches) == 2 })
}

// A file given on its own is watched; a name taken by another file keeps
// the last good version of the file that took it; --only style selection
// applies to each reload.
func TestWatchFileSourceAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	single := filepath.Join(dir, "single.lua")
	rep := filepath.Join(dir, "r.json")
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "x"))
	write(t, filepath.Join(sigs, "skip_me.lua"), sigSrc("skip_me", "x"))
	write(t, single, sigSrc("single", "x"))
	write(t, rep, `{"x": 1}`)
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs, single}, Reports: []string{rep},
		Select: func(s *sigrt.Signature) bool { return !strings.HasPrefix(s.Name, "skip") }})
	u := r.wait(t, 0, "first", hasMatches("a", "b", "single"))

	write(t, filepath.Join(sigs, "b.lua"), sigSrc("a", "x"))
	u = r.wait(t, u.Seq, "a duplicate", func(u sigrt.Update) bool { return len(u.LoadErrors) == 1 })
	if !strings.Contains(u.LoadErrors[0].Msg, "duplicate signature name `a`") || u.LoadErrors[0].File != filepath.Join(sigs, "b.lua") {
		t.Errorf("load errors %v", u.LoadErrors)
	}
	if got := matchNames(u, 0); !slices.Equal(got, []string{"a", "b", "single"}) {
		t.Errorf("matches %v: want b's last good version kept", got)
	}
	if _, cold, _ := sigrt.LoadDir(sigs, single); fmt.Sprint(errMsgs(cold)) != fmt.Sprint(errMsgs(u.LoadErrors)) {
		t.Errorf("load errors:\nwatch %q\ncold  %q", errMsgs(u.LoadErrors), errMsgs(cold))
	}

	write(t, single, sigSrc("single2", "x"))
	r.wait(t, u.Seq, "single renamed", hasMatches("a", "b", "single2"))
}

// With no sources, a fixed set runs and only the reports are watched.
func TestWatchFixedSet(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "r.json")
	write(t, rep, `{"x": 1}`)
	set, errs, err := sigrt.LoadOptions{}.LoadFiles([]sigrt.File{{Path: "a.lua", Src: []byte(sigSrc("a", "y"))}})
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	r := startWatch(t, sigrt.WatchOptions{Set: set, Reports: []string{rep}})
	u := r.wait(t, 0, "no match", hasMatches())
	renameSave(t, rep, `{"y": 1}`)
	r.wait(t, u.Seq, "a matching", hasMatches("a"))
}

func TestWatchMissingSource(t *testing.T) {
	err := sigrt.Watch(context.Background(), sigrt.WatchOptions{Sources: []string{filepath.Join(t.TempDir(), "nope")}}, func(sigrt.Update) {})
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.HasSuffix(err.Error(), "nope: no such file or directory") {
		t.Fatalf("err = %v, want not exist", err)
	}
}

// 100 saves in a row, plain and by rename, end in the state of a cold run,
// and no result of an earlier save shows up after it.
func TestWatchRapidSaves(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	write(t, rep, `{"x": 1, "y": 2}`)
	for i := range 5 {
		write(t, filepath.Join(sigs, fmt.Sprintf("s%d.lua", i)), sigSrc(fmt.Sprintf("s%d", i), "x"))
	}
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}, Debounce: 5 * time.Millisecond})
	u := r.wait(t, 0, "first", func(sigrt.Update) bool { return true })

	final := ""
	for i := range 100 {
		p := filepath.Join(sigs, fmt.Sprintf("s%d.lua", i%5))
		key := []string{"x", "y", "z"}[i%3]
		src := sigSrc(fmt.Sprintf("s%d", i%5), key) + fmt.Sprintf("-- save %d\n", i)
		switch {
		case i == 97:
			src = "name = \n" // the last save of s2 is broken
		case i%2 == 0:
			write(t, p, src)
		default:
			renameSave(t, p, src)
		}
		if i == 97 {
			write(t, p, src)
		}
		if i == 99 {
			final = src
		}
	}
	isFinal := func(u sigrt.Update) bool {
		s := u.Set.Lookup("s4")
		return s != nil && string(s.Source) == final && len(u.LoadErrors) == 1
	}
	got := r.wait(t, u.Seq, "the last save", isFinal)

	set, loadErrs, err := sigrt.LoadDir(sigs)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(errMsgs(loadErrs)) != fmt.Sprint(errMsgs(got.LoadErrors)) {
		t.Errorf("load errors:\nwatch %q\ncold  %q", errMsgs(got.LoadErrors), errMsgs(loadErrs))
	}
	// s2's last good version still runs where the cold run has none.
	if !slices.Equal(got.Kept, []string{filepath.Join(sigs, "s2.lua")}) {
		t.Errorf("Kept = %v", got.Kept)
	}
	cold := coldResult(t, set.Select(func(s *sigrt.Signature) bool { return s.Name != "s2" }), rep)
	warm := *got.Results[0]
	warm.Matches = slices.DeleteFunc(slices.Clone(warm.Matches), func(m sigrt.Match) bool { return m.Name == "s2" })
	warm.Ran = slices.DeleteFunc(slices.Clone(warm.Ran), func(n string) bool { return n == "s2" })
	if a, b := jsonOf(t, &warm), jsonOf(t, cold); a != b {
		t.Errorf("after 100 saves:\nwatch %s\ncold  %s", a, b)
	}

	// Nothing stale after the final state: a sentinel change comes next,
	// and every update between shows the final state.
	write(t, filepath.Join(sigs, "sentinel.lua"), sigSrc("sentinel", "x"))
	r.wait(t, got.Seq, "sentinel", func(u sigrt.Update) bool { return u.Set.Lookup("sentinel") != nil })
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, u := range r.updates[got.Seq:] {
		if u.Set.Lookup("sentinel") == nil && !isFinal(u) {
			t.Errorf("stale update after the final one: %s", describeUpdate(u))
		}
	}
}

func coldResult(t testing.TB, set *sigrt.Set, report string) *sigrt.Result {
	t.Helper()
	eng := sigrt.NewEngine(set, sigrt.Options{})
	defer eng.Close()
	rep, err := sigrt.ReadReport(report)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), rep)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func jsonOf(t testing.TB, r *sigrt.Result) string {
	b, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + fmt.Sprint(r.Ran)
}

// Hundreds of reloads leave no goroutine and no file descriptor behind.
func TestWatchNoLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("200 reloads")
	}
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	write(t, rep, `{"x": 1}`)
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
	write(t, filepath.Join(sigs, "sub", "b.lua"), sigSrc("b", "x"))

	settle := func(want int) int {
		var n int
		for end := time.Now().Add(deadline); time.Now().Before(end); {
			goruntime.GC()
			if n = goruntime.NumGoroutine(); n <= want {
				return n
			}
			time.Sleep(10 * time.Millisecond)
		}
		return n
	}
	g0, fd0 := settle(1<<30), openFDs(t)

	ctx, cancel := context.WithCancel(context.Background())
	r := record(ctx, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}, Debounce: time.Millisecond})
	u := r.wait(t, 0, "first", func(sigrt.Update) bool { return true })
	reloads := 200
	if raceEnabled {
		reloads = 40 // each reload is several times slower under -race
	}
	for i := range reloads {
		// Alternate the kinds of change: edit, new directory, deleted
		// directory, report replaced.
		var what string
		var ok func(sigrt.Update) bool
		switch i % 4 {
		case 0:
			mark := fmt.Sprintf("-- %d\n", i)
			write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x")+mark)
			what, ok = "a edited", func(u sigrt.Update) bool {
				a := u.Set.Lookup("a")
				return a != nil && strings.HasSuffix(string(a.Source), mark)
			}
		case 1:
			name := fmt.Sprintf("c%d", i)
			write(t, filepath.Join(sigs, fmt.Sprintf("d%d", i), "c.lua"), sigSrc(name, "x"))
			what, ok = "new "+name, func(u sigrt.Update) bool { return u.Set.Lookup(name) != nil }
		case 2:
			name := fmt.Sprintf("c%d", i-1)
			os.RemoveAll(filepath.Join(sigs, fmt.Sprintf("d%d", i-1)))
			what, ok = name+" deleted", func(u sigrt.Update) bool { return u.Set.Lookup(name) == nil }
		case 3:
			data := fmt.Sprintf(`{"x": %d}`, i)
			renameSave(t, rep, data)
			what, ok = "report replaced", func(u sigrt.Update) bool {
				return u.Reports[0] != nil && string(u.Reports[0].Bytes()) == data
			}
		}
		u = r.wait(t, u.Seq, what, ok)
	}
	cancel()
	r.stop(t)
	r.updates = nil
	if g1 := settle(g0); g1 > g0 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before, %d after %d reloads\n%s", g0, g1, reloads, buf[:goruntime.Stack(buf, true)])
	}
	fd1 := openFDs(t)
	if fd1 > fd0 {
		t.Errorf("open fds: %d before, %d after %d reloads", fd0, fd1, reloads)
	}
	t.Logf("%d reloads: goroutines %d before, %d after; open fds %d before, %d after", reloads, g0, goruntime.NumGoroutine(), fd0, fd1)
}

func openFDs(t testing.TB) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(ents)
}

// A rerun after an edit runs only what changed when that gives the result
// of a full run; with order and matched() it is the result of a cold run
// either way.
func TestWatchRerunEqualsCold(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	write(t, rep, `{"x": 1, "y": 2}`)
	dep := func(name, on string, order int) string {
		return fmt.Sprintf("name = %q\ndescription = \"after %s\"\nseverity = 1\norder = %d\nfunction run(results)\n  print(%q)\n  return matched(%q)\nend\n", name, on, order, name, on)
	}
	write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
	write(t, filepath.Join(sigs, "b.lua"), sigSrc("b", "y"))
	write(t, filepath.Join(sigs, "boom.lua"), "name = \"boom\"\ndescription = \"raises\"\nseverity = 1\nfunction run(results) error(\"no\") end\n")
	write(t, filepath.Join(sigs, "late.lua"), dep("late", "a", 2))
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}})
	u := r.wait(t, 0, "first", hasMatches("a", "b", "late"))
	check := func(what string) {
		t.Helper()
		set, _, err := sigrt.LoadDir(sigs)
		if err != nil {
			t.Fatal(err)
		}
		cold := coldResult(t, set, rep)
		if a, b := jsonOf(t, u.Results[0]), jsonOf(t, cold); a != b {
			t.Errorf("%s:\nwatch %s\ncold  %s", what, a, b)
		}
		if fmt.Sprint(u.Results[0].Logs) != fmt.Sprint(cold.Logs) {
			t.Errorf("%s: logs %v, cold %v", what, u.Results[0].Logs, cold.Logs)
		}
	}
	check("first run")
	steps := []struct {
		what, file, src string
		want            []string
	}{
		{"b edited (same order: b alone reruns)", "b.lua", sigSrc("b", "nope"), []string{"a", "late"}},
		{"a stops matching: late follows", "a.lua", sigSrc("a", "nope"), nil},
		{"a matches again", "a.lua", sigSrc("a", "y"), []string{"a", "late"}},
		{"late edited: depends on b now", "late.lua", dep("late", "b", 2), []string{"a"}},
		{"b matches: late follows", "b.lua", sigSrc("b", "x"), []string{"a", "b", "late"}},
		{"boom fixed", "boom.lua", sigSrc("boom", "x"), []string{"a", "b", "boom", "late"}},
		{"a deleted", "a.lua", "", []string{"b", "boom", "late"}},
	}
	for _, st := range steps {
		if st.src == "" {
			os.Remove(filepath.Join(sigs, st.file))
		} else {
			write(t, filepath.Join(sigs, st.file), st.src)
		}
		u = r.wait(t, u.Seq, st.what, hasMatches(st.want...))
		check(st.what)
	}
}

// In a set of one order an edit reruns only the edited signature; the
// kept outcomes (matches, errors, printed lines) splice into a result equal
// to a cold run's.
func TestWatchRerunOnlyChanged(t *testing.T) {
	dir := t.TempDir()
	sigs := filepath.Join(dir, "sigs")
	rep := filepath.Join(dir, "r.json")
	write(t, rep, `{"x": 1, "y": 2}`)
	printing := func(name, key string) string {
		return strings.Replace(sigSrc(name, key), "function run(results)\n", "function run(results)\n  print(\"hello from \" .. name)\n", 1)
	}
	write(t, filepath.Join(sigs, "a.lua"), printing("a", "x"))
	write(t, filepath.Join(sigs, "b.lua"), printing("b", "y"))
	write(t, filepath.Join(sigs, "boom.lua"), "name = \"boom\"\ndescription = \"raises\"\nseverity = 3\nfunction run(results) print(\"boom\") error(\"no\") end\n")
	write(t, filepath.Join(sigs, "c.lua"), printing("c", "nope"))
	r := startWatch(t, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}})
	u := r.wait(t, 0, "first", hasMatches("a", "b"))
	check := func(what string) {
		t.Helper()
		set, _, err := sigrt.LoadDir(sigs)
		if err != nil {
			t.Fatal(err)
		}
		cold := coldResult(t, set, rep)
		if a, b := jsonOf(t, u.Results[0]), jsonOf(t, cold); a != b {
			t.Errorf("%s:\nwatch %s\ncold  %s", what, a, b)
		}
		if fmt.Sprint(u.Results[0].Logs) != fmt.Sprint(cold.Logs) {
			t.Errorf("%s: logs %v, cold %v", what, u.Results[0].Logs, cold.Logs)
		}
	}
	check("first run")
	for _, st := range []struct {
		what, file, src string
		want            []string
	}{
		{"c matches", "c.lua", printing("c", "x"), []string{"a", "b", "c"}},
		{"b stops", "b.lua", printing("b", "nope"), []string{"a", "c"}},
		{"boom fixed", "boom.lua", printing("boom", "y"), []string{"a", "boom", "c"}},
		{"boom breaks again", "boom.lua", "name = \"boom\"\ndescription = \"raises\"\nseverity = 3\nfunction run(results) error(\"again\") end\n", []string{"a", "c"}},
		{"d appears", "d.lua", printing("d", "y"), []string{"a", "c", "d"}},
		{"a goes", "a.lua", "", []string{"c", "d"}},
		{"c disabled", "c.lua", printing("c", "x") + "enabled = false\n", []string{"d"}},
	} {
		if st.src == "" {
			os.Remove(filepath.Join(sigs, st.file))
		} else {
			write(t, filepath.Join(sigs, st.file), st.src)
		}
		u = r.wait(t, u.Seq, st.what, hasMatches(st.want...))
		check(st.what)
	}
}

// With Tests, a change to a NAME_test.lua file is an update too; without,
// test files are not watched.
func TestWatchTests(t *testing.T) {
	for _, tests := range []bool{false, true} {
		t.Run(fmt.Sprint("Tests=", tests), func(t *testing.T) {
			dir := t.TempDir()
			sigs := filepath.Join(dir, "sigs")
			single := filepath.Join(dir, "b_test.lua")
			write(t, filepath.Join(sigs, "a.lua"), sigSrc("a", "x"))
			write(t, filepath.Join(sigs, "a_test.lua"), "function test_a() end\n")
			write(t, single, "function test_b() end\n")
			sources := []string{sigs}
			if tests {
				sources = append(sources, single) // else it would load as a signature
			}
			r := startWatch(t, sigrt.WatchOptions{Sources: sources, Tests: tests})
			u := r.wait(t, 0, "first", func(sigrt.Update) bool { return true })
			if len(u.LoadErrors) != 0 || !slices.Equal(setNames(u), []string{"a"}) {
				t.Fatalf("first: %s", describeUpdate(u))
			}
			write(t, filepath.Join(sigs, "a_test.lua"), "function test_a() assert(true) end\n")
			write(t, single, "function test_b() assert(true) end\n")
			write(t, filepath.Join(sigs, "sub", "c_test.lua"), "function test_c() end\n")
			write(t, filepath.Join(sigs, "sentinel.lua"), sigSrc("sentinel", "x"))
			u = r.wait(t, u.Seq, "sentinel", func(u sigrt.Update) bool { return u.Set.Lookup("sentinel") != nil })
			want := []string{filepath.Join(sigs, "sentinel.lua")}
			if tests {
				want = []string{single, filepath.Join(sigs, "a_test.lua"), filepath.Join(sigs, "sentinel.lua"), filepath.Join(sigs, "sub", "c_test.lua")}
				slices.Sort(want)
			}
			// The test edits may come in the sentinel's update or before.
			var got []string
			r.mu.Lock()
			for _, v := range r.updates[1:] {
				got = append(got, v.Changed...)
			}
			r.mu.Unlock()
			slices.Sort(got)
			got = slices.Compact(got) // a save seen half-written is two changes
			if !slices.Equal(got, want) {
				t.Errorf("changed %v, want %v", got, want)
			}
		})
	}
}
