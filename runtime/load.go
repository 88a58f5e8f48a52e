package runtime

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"

	"github.com/sigrun-dev/sigrun/bindings"
)

// File is one signature source: its path as shown in messages and its text.
type File struct {
	Path string
	Src  []byte
}

// LoadOptions configure loading. The zero value is ready to use.
type LoadOptions struct {
	// Funcs are extra Lua globals (Go functions, values) that every
	// signature of the set can call, converted with gopher-luar. They are
	// installed before the signatures' top levels run, and in every state
	// of an Engine built on the set.
	Funcs map[string]any
	// Prefix is joined before the paths of files read from an fs.FS, so
	// messages name them as the user knows them (e.g. the directory the
	// FS was made from).
	Prefix string
	// TopLevelTimeout bounds the run of each file's top level while its
	// metadata is read. Default 2s.
	TopLevelTimeout time.Duration
}

// Load loads every signature under root in fsys (recursively; *_test.lua
// files are tests and skipped). Files are named root/rel in messages. A file
// that fails to load is reported in Errors and left out; err is only for a
// source that cannot be read at all.
func Load(fsys fs.FS, root string) (*Set, Errors, error) {
	return LoadOptions{}.Load(fsys, root)
}

// LoadDir loads signatures from directories (recursively) and single .lua
// files on disk. It is Load for the operating system's file system.
func LoadDir(paths ...string) (*Set, Errors, error) {
	return LoadOptions{}.LoadDir(paths...)
}

// Load is the package-level Load with these options.
func (o LoadOptions) Load(fsys fs.FS, root string) (*Set, Errors, error) {
	files, err := ReadFS(fsys, root)
	if err != nil {
		return nil, nil, err
	}
	if o.Prefix != "" {
		for i := range files {
			files[i].Path = path.Join(o.Prefix, files[i].Path)
		}
	}
	return o.LoadFiles(files)
}

// LoadDir is the package-level LoadDir with these options.
func (o LoadOptions) LoadDir(paths ...string) (*Set, Errors, error) {
	var files []File
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			src, err := os.ReadFile(p)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, File{Path: p, Src: src})
			continue
		}
		fsFiles, err := ReadFS(os.DirFS(p), ".")
		if err != nil {
			return nil, nil, err
		}
		for _, f := range fsFiles {
			f.Path = filepath.Join(p, filepath.FromSlash(f.Path))
			files = append(files, f)
		}
	}
	return o.LoadFiles(files)
}

// IsSignatureFile reports whether name is a signature source (a .lua file
// that is not a NAME_test.lua test).
func IsSignatureFile(name string) bool {
	return strings.HasSuffix(name, ".lua") && !strings.HasSuffix(name, "_test.lua")
}

// WalkLua calls fn with the path of each .lua file under root in fsys
// (signatures and tests alike), in lexical order, skipping hidden files and
// directories (".x"). An error from fn or from reading the tree stops the
// walk and is returned.
func WalkLua(fsys fs.FS, root string, fn func(p string) error) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".lua") {
			return nil
		}
		return fn(p)
	})
}

// ReadFS reads the signature files under root in fsys, sorted by path.
// Hidden files and directories (".x") are skipped.
func ReadFS(fsys fs.FS, root string) ([]File, error) {
	var files []File
	err := WalkLua(fsys, root, func(p string) error {
		if !IsSignatureFile(path.Base(p)) {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, File{Path: p, Src: src})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

// LoadFiles compiles and validates files into a set. Problems are returned
// per file in Errors (load errors drop the file; warnings do not).
func (o LoadOptions) LoadFiles(files []File) (*Set, Errors, error) {
	if o.TopLevelTimeout == 0 {
		o.TopLevelTimeout = 2 * time.Second
	}
	// Files are compiled in parallel, each worker with its own state;
	// results are gathered in file order, so the set and the errors are
	// those of a sequential load.
	type result struct {
		sig  *Signature
		errs Errors
	}
	results := make([]result, len(files))
	workers := min(goruntime.GOMAXPROCS(0), (len(files)+15)/16)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := loader{opts: o}
			defer l.close()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				results[i].sig, results[i].errs = l.compile(files[i])
			}
		}()
	}
	wg.Wait()
	var errs Errors
	var sigs []*Signature
	for _, r := range results {
		errs = append(errs, r.errs...)
		if r.sig != nil {
			sigs = append(sigs, r.sig)
		}
	}
	set, dupErrs := newSet(sigs, o.Funcs)
	errs = append(errs, dupErrs...)
	src := make(map[string][]byte, len(files))
	for _, f := range files {
		src[f.Path] = f.Src
	}
	for _, e := range errs {
		e.attachSource(src[e.File])
	}
	errs.Sort()
	return set, errs, nil
}

type loader struct {
	opts LoadOptions
	st   *bindings.State
}

func (l *loader) close() {
	if l.st != nil {
		l.st.Close()
	}
}

// compile parses, compiles and runs the top level of one file, then reads
// and validates its metadata.
func (l *loader) compile(f File) (*Signature, Errors) {
	chunk, err := parse.Parse(bytes.NewReader(f.Src), f.Path)
	if err != nil {
		return nil, Errors{syntaxError(f.Path, f.Src, err)}
	}
	proto, err := lua.Compile(chunk, f.Path)
	if err != nil {
		line, msg := 1, err.Error()
		var ce *lua.CompileError
		if errors.As(err, &ce) {
			line, msg = max(ce.Line, 1), ce.Message
		}
		return nil, Errors{errorf(KindLoad, "", f.Path, line, "%s", msg)}
	}
	if l.st == nil {
		l.st = bindings.NewState(bindings.Options{Funcs: l.opts.Funcs})
	}
	st := l.st
	timer := time.AfterFunc(l.opts.TopLevelTimeout, func() {
		st.Kill(fmt.Errorf("top level ran over %v", l.opts.TopLevelTimeout))
	})
	in, err := st.Instantiate(proto, "", f.Path, 0)
	timer.Stop()
	if err != nil {
		if bindings.IsKill(err) {
			st.Close()
			l.st = nil
		}
		line, msg := luaErrorText(f.Path, err)
		return nil, Errors{errorf(KindLoad, "", f.Path, line, "%s", msg)}
	}
	lines := globalLines(chunk)
	m := metaReader{file: f.Path, env: in.Env, in: in, lines: lines}
	sig := m.read()
	if len(m.errs) > 0 && hasLoadError(m.errs) {
		return nil, m.errs
	}
	sig.File = f.Path
	sig.Source = f.Src
	sig.runLine = lines["run"]
	sig.proto = proto
	sig.hasRun = in.Run != nil
	sig.hasOnCall = in.OnCall != nil
	sig.hasOnProcess = in.OnProcess != nil
	sig.hasOnComplete = in.OnComplete != nil
	if !sig.hasRun && !sig.hasOnCall {
		m.errs = append(m.errs, &Error{Kind: KindLoad, Signature: sig.Name, File: f.Path, Line: 1,
			Msg:  "defines neither run nor on_call: the signature would never match",
			Hint: "add `function run(results) ... end` or `function on_call(call, process) ... end`"})
		return nil, m.errs
	}
	return sig, m.errs
}

func hasLoadError(es Errors) bool {
	for _, e := range es {
		if e.Kind == KindLoad {
			return true
		}
	}
	return false
}

func syntaxError(file string, src []byte, err error) *Error {
	var pe *parse.Error
	if errors.As(err, &pe) {
		e := &Error{Kind: KindLoad, File: file, Line: pe.Pos.Line, Col: pe.Pos.Column, Err: err}
		msg := strings.TrimSpace(pe.Message)
		if pe.Pos.Line == parse.EOF {
			e.Line, e.Col = bytes.Count(bytes.TrimRight(src, "\n"), []byte("\n"))+1, 0
			e.Msg = "unexpected end of file"
			e.noSource = true
			e.Hint = "a function, if, for or while block is probably missing its `end`"
			return e
		}
		e.Msg = fmt.Sprintf("syntax error near %q", pe.Token)
		if msg != "syntax error" {
			e.Msg += ": " + msg
		}
		return e
	}
	return errorf(KindLoad, "", file, 0, "%v", err)
}

// maxErrorText bounds the message of error(value) kept in an Error.
const maxErrorText = 4 << 10

// luaErrorText splits a Lua error into the line in file and the message.
func luaErrorText(file string, err error) (int, string) {
	var ae *lua.ApiError
	var ke *bindings.KillError
	if errors.As(err, &ke) {
		line, _ := luaErrorText(file, ke.Lua)
		return line, ke.Cause.Error()
	}
	if errors.As(err, &ae) {
		msg := ae.Object.String()
		if len(msg) > maxErrorText { // error(hugeString): keep reports readable
			msg = fmt.Sprintf("%s... [%d bytes cut]", msg[:maxErrorText], len(msg)-maxErrorText)
		}
		if _, isStr := ae.Object.(lua.LString); !isStr {
			msg = "error object is a " + ae.Object.Type().String() + " value"
			if s, encErr := encodeErrorValue(ae.Object); encErr == nil {
				msg = "error " + s
			}
		}
		return locate(file, msg, ae.StackTrace)
	}
	return 0, err.Error()
}

// globalLines maps each global assigned at the top level of chunk to the
// line of its first assignment, for messages about metadata.
func globalLines(chunk []ast.Stmt) map[string]int {
	lines := map[string]int{}
	for _, st := range chunk {
		switch s := st.(type) {
		case *ast.AssignStmt:
			for _, e := range s.Lhs {
				if id, ok := e.(*ast.IdentExpr); ok {
					if _, seen := lines[id.Value]; !seen {
						lines[id.Value] = s.Line()
					}
				}
			}
		case *ast.FuncDefStmt:
			if id, ok := s.Name.Func.(*ast.IdentExpr); ok && s.Name.Receiver == nil {
				if _, seen := lines[id.Value]; !seen {
					lines[id.Value] = s.Line()
				}
			}
		}
	}
	return lines
}

var nameRE = regexp.MustCompile(`^[a-z0-9_]+$`)

// metaKeys are the metadata globals of DESIGN.md.
var metaKeys = []string{"name", "description", "severity", "categories", "families", "authors", "references", "ttps", "enabled", "enable", "alert", "order", "markcount", "filter_apinames", "filter_categories", "filter_processnames", "filter_arguments"}

// hookNames are the functions the engine calls.
var hookNames = []string{"run", "on_call", "on_process", "on_complete"}

type metaReader struct {
	file  string
	env   *lua.LTable
	in    *bindings.Instance
	lines map[string]int
	name  string
	errs  Errors
}

func (m *metaReader) fail(key, hint, format string, args ...any) {
	e := &Error{Kind: KindLoad, Signature: m.name, File: m.file, Line: m.lines[key], Msg: fmt.Sprintf(format, args...), Hint: hint}
	if e.Line == 0 {
		// The key is not set anywhere: point at the file, quote nothing.
		e.Line, e.noSource = 1, true
	}
	m.errs = append(m.errs, e)
}

func (m *metaReader) read() *Signature {
	sig := &Signature{Enabled: true, Order: 1, MarkCount: 50}
	get := m.env.RawGetString

	switch v := get("name").(type) {
	case lua.LString:
		sig.Name = string(v)
		if !nameRE.MatchString(sig.Name) {
			m.fail("name", "use lowercase letters, digits and _, e.g. "+suggestName(sig.Name), "name %q is not valid: it must match ^[a-z0-9_]+$", sig.Name)
		}
	case *lua.LNilType:
		m.missing("name", `add name = "`+suggestName(strings.TrimSuffix(path.Base(filepath.ToSlash(m.file)), ".lua"))+`" at the top of the file`)
	default:
		m.fail("name", "", "name must be a string, not a %s", v.Type())
	}
	if nameRE.MatchString(sig.Name) {
		m.name = sig.Name
	}

	switch v := get("description").(type) {
	case lua.LString:
		if strings.TrimSpace(string(v)) == "" {
			m.fail("description", "", "description is empty")
		}
		sig.Description = string(v)
	case *lua.LNilType:
		m.missing("description", `add description = "what the behaviour is"`)
	default:
		m.fail("description", "", "description must be a string, not a %s", v.Type())
	}

	switch v := get("severity").(type) {
	case *lua.LNilType:
		m.missing("severity", "add severity = 1 (informative), 2 (suspicious) or 3 (malicious)")
	default:
		n, ok := m.integer("severity", v)
		if ok && (n < 1 || n > 10) {
			m.fail("severity", "", "severity %d is out of range 1..10", n)
		}
		sig.Severity = n
	}

	sig.Categories = m.strings("categories")
	sig.Families = m.strings("families")
	sig.Authors = m.strings("authors")
	sig.References = m.strings("references")
	sig.TTPs = m.strings("ttps")
	sig.Filter.APINames = m.strings("filter_apinames")
	sig.Filter.Categories = m.strings("filter_categories")
	sig.Filter.ProcessNames = m.strings("filter_processnames")
	sig.Filter.Arguments = m.arguments()

	for _, key := range []string{"enabled", "enable"} {
		switch v := get(key).(type) {
		case *lua.LNilType:
		case lua.LBool:
			sig.Enabled = sig.Enabled && bool(v)
		default:
			m.fail(key, "", "%s must be true or false, not a %s", key, v.Type())
		}
	}
	switch v := get("alert").(type) {
	case *lua.LNilType:
	case lua.LBool:
		sig.Alert = bool(v)
	default:
		m.fail("alert", "", "alert must be true or false, not a %s", v.Type())
	}
	if v := get("order"); v != lua.LNil {
		sig.Order, _ = m.integer("order", v)
	}
	if v := get("markcount"); v != lua.LNil {
		if n, ok := m.integer("markcount", v); ok {
			if n < 1 || n > 10000 {
				m.fail("markcount", "", "markcount %d is out of range 1..10000", n)
			}
			sig.MarkCount = n
		}
	}
	for _, h := range hookNames {
		if v := get(h); v != lua.LNil && v.Type() != lua.LTFunction {
			m.fail(h, "", "%s must be a function, not a %s", h, v.Type())
		}
	}
	m.warnUnknown()
	return sig
}

// missing reports a required key that is not set, pointing at a global
// that looks like a misspelling of it when there is one.
func (m *metaReader) missing(key, hint string) {
	best, bestD := "", 3
	m.in.OwnGlobals(func(name string, v lua.LValue) {
		if v.Type() == lua.LTFunction {
			return
		}
		if d := editDistance(name, key); d > 0 && d < bestD && m.lines[name] > 0 {
			best, bestD = name, d
		}
	})
	if best != "" {
		line := m.lines[best]
		m.errs = append(m.errs, &Error{Kind: KindLoad, Signature: m.name, File: m.file, Line: line,
			Msg:  "missing required metadata `" + key + "`",
			Hint: "line " + strconv.Itoa(line) + " sets `" + best + "`: did you mean `" + key + "`?"})
		return
	}
	m.fail(key, hint, "missing required metadata `%s`", key)
}

func (m *metaReader) integer(key string, v lua.LValue) (int, bool) {
	n, ok := v.(lua.LNumber)
	if !ok || float64(n) != float64(int(n)) {
		m.fail(key, "", "%s must be an integer, not %s", key, describe(v))
		return 0, false
	}
	return int(n), true
}

func describe(v lua.LValue) string {
	switch v := v.(type) {
	case lua.LString:
		return fmt.Sprintf("the string %q", string(v))
	case lua.LNumber:
		return v.String()
	}
	return "a " + v.Type().String()
}

// strings reads an optional list of strings.
func (m *metaReader) strings(key string) []string {
	v := m.env.RawGetString(key)
	if v == lua.LNil {
		return nil
	}
	t, ok := v.(*lua.LTable)
	if !ok {
		hint := ""
		if v.Type() == lua.LTString {
			hint = fmt.Sprintf("write %s = {%q}", key, v.String())
		}
		m.fail(key, hint, "%s must be a list of strings, not %s", key, describe(v))
		return nil
	}
	n := t.Len()
	out := make([]string, 0, n)
	bad := false
	t.ForEach(func(k, e lua.LValue) {
		i, isIdx := k.(lua.LNumber)
		_, isStr := e.(lua.LString)
		if !isIdx || int(i) < 1 || int(i) > n || !isStr {
			bad = true
		}
	})
	if bad {
		m.fail(key, "", "%s must be a list of strings", key)
		return nil
	}
	for i := 1; i <= n; i++ {
		out = append(out, string(t.RawGetInt(i).(lua.LString)))
	}
	return out
}

// arguments reads filter_arguments: argument name -> substrings.
func (m *metaReader) arguments() map[string][]string {
	v := m.env.RawGetString("filter_arguments")
	if v == lua.LNil {
		return nil
	}
	t, ok := v.(*lua.LTable)
	if !ok {
		m.fail("filter_arguments", `write filter_arguments = {CommandLine = {"vssadmin"}}`, "filter_arguments must be a table of argument name = list of strings, not %s", describe(v))
		return nil
	}
	out := map[string][]string{}
	t.ForEach(func(k, e lua.LValue) {
		name, ok := k.(lua.LString)
		list, isList := e.(*lua.LTable)
		if !ok || !isList {
			m.fail("filter_arguments", `write filter_arguments = {CommandLine = {"vssadmin"}}`, "filter_arguments must map argument names to lists of strings")
			return
		}
		var subs []string
		for i := 1; i <= list.Len(); i++ {
			s, ok := list.RawGetInt(i).(lua.LString)
			if !ok {
				m.fail("filter_arguments", "", "filter_arguments.%s must be a list of strings", string(name))
				return
			}
			subs = append(subs, string(s))
		}
		out[string(name)] = subs
	})
	return out
}

// warnUnknown warns about top-level globals that are neither metadata nor
// functions: most are misspelt metadata.
func (m *metaReader) warnUnknown() {
	var names []string
	m.in.OwnGlobals(func(name string, v lua.LValue) {
		if v.Type() == lua.LTFunction || name == "_G" {
			return
		}
		if _, isLib := v.(*lua.LTable); isLib && isLibName(name) {
			return
		}
		for _, known := range append(metaKeys, hookNames...) {
			if name == known {
				return
			}
		}
		names = append(names, name)
	})
	sort.Strings(names)
	for _, n := range names {
		hint := ""
		if s := Suggest(n, metaKeys, 2); s != "" {
			hint = "did you mean `" + s + "`?"
		}
		line := m.lines[n]
		if line == 0 {
			line = 1
		}
		m.errs = append(m.errs, &Error{Kind: KindWarning, Signature: m.name, File: m.file, Line: line, Msg: "unknown metadata key `" + n + "`", Hint: hint})
	}
}

func isLibName(s string) bool {
	switch s {
	case "string", "table", "math", "os", "re", "json", "path", "net", "hash":
		return true
	}
	return false
}

// Suggest returns the candidate nearest to s within maxDist edits
// (Levenshtein), or "" if none is that close: the "did you mean" of
// messages.
func Suggest(s string, candidates []string, maxDist int) string {
	best, bestD := "", maxDist+1
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func suggestName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case r == '-' || r == ' ' || r == '.':
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "my_signature"
	}
	return b.String()
}

// LoadFiles compiles and validates files with the default options.
func LoadFiles(files []File) (*Set, Errors, error) { return LoadOptions{}.LoadFiles(files) }
