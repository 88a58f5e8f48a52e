// Package sigtest runs signature tests: the NAME_test.lua files that live
// beside the signatures. Each global function test_* of a test file is one
// test; it runs in a fresh sandboxed Lua state with the test API
// (run_signature, run_signatures, assert_true, assert_false, assert_eq,
// assert_match, skip) and fails at the first failing assertion.
//
// `sigrun test` is a client of this package; so is a Go repository that
// wants its signature tests under `go test`:
//
//	func TestSignatures(t *testing.T) {
//		sigtest.Run(t, os.DirFS("signatures"), ".")
//	}
//
// A Suite is built once (Load or LoadPaths) and its tests may then be run in
// any order; RunTest is not safe for concurrent use on one Suite.
package sigtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// Options configure a Suite. The zero value gives the defaults.
type Options struct {
	// Load are the options the signatures are loaded with (Funcs for an
	// embedding tool's own Lua functions; Prefix to name the files of an
	// fs.FS as the user knows them).
	Load sigrt.LoadOptions
	// Timeout bounds each signature on each report a test runs it over,
	// as Options.Timeout of an Engine. Default 5s.
	Timeout time.Duration
	// TestTimeout bounds one test function, signature runs included.
	// Default 60s.
	TestTimeout time.Duration
}

// Suite is a loaded signature set and its test files.
type Suite struct {
	// Set is the signatures the tests run against.
	Set *sigrt.Set
	// LoadErrors are the problems of loading Set (warnings excluded).
	LoadErrors sigrt.Errors
	// Files are the test files, sorted by path.
	Files []*File
	// Untested are the signatures that have no test file, in path order.
	Untested []*sigrt.Signature

	opts     Options
	engines  map[string]*sigrt.Engine
	fixtures map[string]*sigrt.Report
	mu       sync.Mutex
}

// File is one NAME_test.lua.
type File struct {
	// Path is the file as shown in messages.
	Path string
	// Signature is the name run_signature uses when it is given none: the
	// signature defined in NAME.lua beside the test file (or, failing
	// that, the signature called NAME). "" when there is none.
	Signature string
	// Tests are the names of the file's test_* functions, sorted.
	Tests []string
	// Err is set when the file does not compile or its top level raises;
	// it then has no tests.
	Err *sigrt.Error

	sigFile  string // the NAME.lua path expected beside it, as shown
	sigFound bool   // whether that file exists
	proto    *lua.FunctionProto
	read     func(rel string) (shown string, data []byte, err error)
}

// source is a test file before it is compiled.
type source struct {
	shown   string
	src     []byte
	sigFile string
	found   bool
	read    func(rel string) (string, []byte, error)
}

// Load reads the signatures and test files under root in fsys. Fixture
// paths in tests are resolved in fsys, relative to the test file. err is
// only for a tree that cannot be read.
func Load(fsys fs.FS, root string, opts Options) (*Suite, error) {
	set, errs, err := opts.Load.Load(fsys, root)
	if err != nil {
		return nil, err
	}
	shown := func(p string) string {
		if opts.Load.Prefix != "" {
			return path.Join(opts.Load.Prefix, p)
		}
		return p
	}
	var srcs []source
	sigs := map[string]bool{}
	err = sigrt.WalkLua(fsys, root, func(p string) error {
		if !strings.HasSuffix(p, "_test.lua") {
			sigs[p] = true
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		dir := path.Dir(p)
		srcs = append(srcs, source{
			shown:   shown(p),
			src:     src,
			sigFile: strings.TrimSuffix(p, "_test.lua") + ".lua",
			read: func(rel string) (string, []byte, error) {
				if path.IsAbs(rel) || strings.Contains(rel, `\`) {
					return rel, nil, fmt.Errorf("fixture paths are relative, with /: %q", rel)
				}
				fp := path.Join(dir, rel)
				if !fs.ValidPath(fp) {
					return rel, nil, fmt.Errorf("fixture %q is outside the test tree", rel)
				}
				data, err := fs.ReadFile(fsys, fp)
				return shown(fp), data, unwrapPath(err)
			},
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range srcs {
		s := &srcs[i]
		s.found = sigs[s.sigFile]
		s.sigFile = shown(s.sigFile)
	}
	return newSuite(set, errs, srcs, opts), nil
}

// LoadPaths is Load for paths on disk, as the sigrun command line takes
// them: directories (searched recursively), signature files NAME.lua (with
// their NAME_test.lua when it exists) and test files NAME_test.lua (with
// the NAME.lua beside them).
func LoadPaths(opts Options, paths ...string) (*Suite, error) {
	var sigPaths []string
	var srcs []source
	seen := map[string]bool{}
	addTest := func(p string) error {
		if seen[p] {
			return nil
		}
		seen[p] = true
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dir := filepath.Dir(p)
		sig := strings.TrimSuffix(p, "_test.lua") + ".lua"
		_, statErr := os.Stat(sig)
		srcs = append(srcs, source{shown: p, src: src, sigFile: sig, found: statErr == nil,
			read: func(rel string) (string, []byte, error) {
				fp := filepath.Join(dir, filepath.FromSlash(rel))
				if filepath.IsAbs(rel) {
					fp = rel
				}
				data, err := os.ReadFile(fp)
				return fp, data, unwrapPath(err)
			}})
		return nil
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, unwrapPath(err))
		}
		switch {
		case fi.IsDir():
			sigPaths = append(sigPaths, p)
			err = sigrt.WalkLua(os.DirFS(p), ".", func(rel string) error {
				if strings.HasSuffix(rel, "_test.lua") {
					return addTest(filepath.Join(p, filepath.FromSlash(rel)))
				}
				return nil
			})
		case strings.HasSuffix(p, "_test.lua"):
			err = addTest(p)
			if sig := strings.TrimSuffix(p, "_test.lua") + ".lua"; err == nil && fileExists(sig) {
				sigPaths = append(sigPaths, sig)
			}
		default:
			sigPaths = append(sigPaths, p)
			if t := strings.TrimSuffix(p, ".lua") + "_test.lua"; fileExists(t) {
				err = addTest(t)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	sigPaths = dedupe(sigPaths)
	set, errs, err := opts.Load.LoadDir(sigPaths...)
	if err != nil {
		return nil, err
	}
	return newSuite(set, errs, srcs, opts), nil
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

func dedupe(l []string) []string {
	seen := map[string]bool{}
	out := l[:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func newSuite(set *sigrt.Set, errs sigrt.Errors, srcs []source, opts Options) *Suite {
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.TestTimeout <= 0 {
		opts.TestTimeout = 60 * time.Second
	}
	s := &Suite{Set: set, opts: opts, engines: map[string]*sigrt.Engine{}, fixtures: map[string]*sigrt.Report{}}
	for _, e := range errs {
		if e.Kind != sigrt.KindWarning {
			s.LoadErrors = append(s.LoadErrors, e)
		}
	}
	byFile := map[string]*sigrt.Signature{}
	for _, sig := range set.Signatures() {
		byFile[sig.File] = sig
	}
	tested := map[*sigrt.Signature]bool{}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].shown < srcs[j].shown })
	for _, src := range srcs {
		f := &File{Path: src.shown, sigFile: src.sigFile, sigFound: src.found, read: src.read}
		if sig := byFile[src.sigFile]; sig != nil {
			f.Signature = sig.Name
			tested[sig] = true
		} else if !src.found {
			base := strings.TrimSuffix(path.Base(filepath.ToSlash(src.shown)), "_test.lua")
			if sig := set.Lookup(base); sig != nil {
				f.Signature = sig.Name
				tested[sig] = true
			}
		}
		s.compile(f, src.src)
		s.Files = append(s.Files, f)
	}
	for _, sig := range set.Signatures() {
		if !tested[sig] {
			s.Untested = append(s.Untested, sig)
		}
	}
	sort.Slice(s.Untested, func(i, j int) bool { return s.Untested[i].File < s.Untested[j].File })
	return s
}

// compile parses the test file and lists its tests by running its top level
// once.
func (s *Suite) compile(f *File, src []byte) {
	chunk, err := parse.Parse(bytes.NewReader(src), f.Path)
	if err != nil {
		f.Err = syntaxError(f.Path, src, err)
		return
	}
	proto, err := lua.Compile(chunk, f.Path)
	if err != nil {
		f.Err = &sigrt.Error{Kind: sigrt.KindLoad, File: f.Path, Msg: err.Error(), Err: err}
		return
	}
	f.proto = proto
	tc := s.newTest(context.Background(), f, "")
	defer tc.st.Close()
	in, err := tc.instantiate()
	if err != nil {
		line, msg := luaError(f.Path, err)
		f.Err = &sigrt.Error{Kind: sigrt.KindLoad, File: f.Path, Line: line, Msg: msg, Err: err}
		return
	}
	in.Env.ForEach(func(k, v lua.LValue) {
		if ks, ok := k.(lua.LString); ok && strings.HasPrefix(string(ks), "test_") && v.Type() == lua.LTFunction {
			f.Tests = append(f.Tests, string(ks))
		}
	})
	sort.Strings(f.Tests)
}

func syntaxError(file string, src []byte, err error) *sigrt.Error {
	var pe *parse.Error
	if errors.As(err, &pe) {
		e := &sigrt.Error{Kind: sigrt.KindLoad, File: file, Line: pe.Pos.Line, Col: pe.Pos.Column, Err: err}
		if pe.Pos.Line == parse.EOF {
			e.Line, e.Col = bytes.Count(bytes.TrimRight(src, "\n"), []byte("\n"))+1, 0
			e.Msg = "unexpected end of file"
			e.Hint = "a function, if, for or while block is probably missing its `end`"
			return e
		}
		e.Msg = fmt.Sprintf("syntax error near %q: %s", pe.Token, strings.TrimSpace(pe.Message))
		return e
	}
	return &sigrt.Error{Kind: sigrt.KindLoad, File: file, Msg: err.Error(), Err: err}
}

// Close releases the engines the tests used.
func (s *Suite) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.engines {
		e.Close()
	}
	s.engines = map[string]*sigrt.Engine{}
}

// Status is the outcome of one test.
type Status string

// The outcomes of a test.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	Skip Status = "skip"
)

// Result is the outcome of one test function.
type Result struct {
	File   string // the test file, as shown
	Name   string // test_...
	Status Status
	// Line is the line in File of the failing assertion or error (or of
	// the skip), 0 when unknown.
	Line int
	// Message says what failed (the difference for assert_eq), or why
	// the test was skipped. It may span several lines.
	Message string
	// Output is what the test printed and, prefixed by "NAME: ", what
	// the signatures it ran printed, in order.
	Output  []string
	Elapsed time.Duration
}

// Location is "file:line" of the failure, or the file alone.
func (r *Result) Location() string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d", r.File, r.Line)
	}
	return r.File
}

// RunTest runs the test function name of f in a fresh state. ctx cancels
// it.
func (s *Suite) RunTest(ctx context.Context, f *File, name string) *Result {
	start := time.Now()
	res := &Result{File: f.Path, Name: name}
	if f.Err != nil {
		res.Status, res.Line, res.Message = Fail, f.Err.Line, f.Err.Msg
		return res
	}
	tc := s.newTest(ctx, f, name)
	defer tc.st.Close()
	stop := context.AfterFunc(ctx, func() { tc.st.Kill(ctx.Err()) })
	defer stop()
	timer := time.AfterFunc(s.opts.TestTimeout, func() {
		tc.st.Kill(fmt.Errorf("test timed out after %v", s.opts.TestTimeout))
	})
	defer timer.Stop()

	in, err := tc.instantiate()
	if err == nil {
		fn, ok := in.Env.RawGetString(name).(*lua.LFunction)
		if !ok {
			err = fmt.Errorf("no test function %s in %s", name, f.Path)
		} else {
			_, err = tc.st.Call(in, fn)
		}
	}
	tc.finish(res, err)
	res.Elapsed = time.Since(start)
	return res
}

// engine returns the engine that runs signature name (with every
// signature of a lower order, so matched() sees them), or the whole set
// for "".
func (s *Suite) engine(name string) *sigrt.Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.engines[name]; ok {
		return e
	}
	set := s.Set
	jobs := 0
	if name != "" {
		target := s.Set.Lookup(name)
		set = s.Set.Select(func(sig *sigrt.Signature) bool { return sig == target || sig.Order < target.Order })
		jobs = 1
	}
	e := sigrt.NewEngine(set, sigrt.Options{Jobs: jobs, Timeout: s.opts.Timeout})
	s.engines[name] = e
	return e
}
