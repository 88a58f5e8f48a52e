package runtime

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"

	"github.com/sigrun-dev/sigrun/bindings"
)

// KindCheck is a certain mistake that Check finds without running the
// signature (an invalid regex literal): loading does not catch it, but the
// signature would fail when it reaches it.
const KindCheck ErrorKind = "check"

// Check loads files like LoadFiles and then looks for likely mistakes
// without running any hook: it returns the load errors and warnings, plus
//   - a warning for each assignment to an undeclared global inside a
//     function, and each read of a global that is neither the sandbox's nor
//     the file's;
//   - a warning for each filter_apinames entry that is not a known API name
//     (see KnownAPI), with the closest known spelling;
//   - a KindCheck error for each invalid regex literal passed to a check_*
//     helper with regex = true or to re.*, and a warning for a check_*
//     pattern that looks like a regex but is compared as plain text.
//
// The errors are sorted by position.
func (o LoadOptions) Check(files []File) (*Set, Errors, error) {
	set, errs, err := o.LoadFiles(files)
	if err != nil {
		return nil, nil, err
	}
	known := sandboxGlobals(o.Funcs)
	for _, f := range files {
		chunk, err := parse.Parse(bytes.NewReader(f.Src), f.Path)
		if err != nil {
			continue // a syntax error: LoadFiles reported it
		}
		l := &linter{file: f.Path, src: f.Src, lines: bytes.Split(f.Src, []byte("\n")), known: known, sig: sigName(set, f.Path)}
		l.run(chunk)
		errs = append(errs, l.errs...)
	}
	errs.Sort()
	return set, errs, nil
}

func sigName(set *Set, file string) string {
	for _, s := range set.Signatures() {
		if s.File == file {
			return s.Name
		}
	}
	return ""
}

// ReadPaths reads the signature files of directories (recursively) and
// single .lua files on disk, named as LoadDir names them.
func ReadPaths(paths ...string) ([]File, error) {
	var files []File
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			src, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			files = append(files, File{Path: p, Src: src})
			continue
		}
		fsFiles, err := ReadFS(os.DirFS(p), ".")
		if err != nil {
			return nil, err
		}
		for _, f := range fsFiles {
			f.Path = filepath.Join(p, filepath.FromSlash(f.Path))
			files = append(files, f)
		}
	}
	return files, nil
}

//go:embed apinames.txt
var apiNamesText string

var apiNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(apiNamesText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// KnownAPI reports whether name is an API name that sandboxes log (the
// list sigrun check uses for filter_apinames).
func KnownAPI(name string) bool { return apiNames()[name] }

// suggestAPI returns the known API name closest to name: the same name in
// another case, or one within a small edit distance.
func suggestAPI(name string) string {
	best, bestD := "", len(name)/4+1
	if bestD < 2 {
		bestD = 2
	}
	bestD++
	lower := strings.ToLower(name)
	for k := range apiNames() {
		if strings.ToLower(k) == lower {
			return k
		}
		if abs(len(k)-len(name)) >= bestD {
			continue
		}
		if d := editDistance(lower, strings.ToLower(k)); d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var sandboxNames sync.Map // sorted funcs names -> map[string]bool

// sandboxGlobals is every global a signature can read: the sandbox's base
// functions, libraries and helpers, and the embedder's Funcs.
func sandboxGlobals(funcs map[string]any) map[string]bool {
	var extra []string
	for k := range funcs {
		extra = append(extra, k)
	}
	sort.Strings(extra)
	key := strings.Join(extra, ",")
	if m, ok := sandboxNames.Load(key); ok {
		return m.(map[string]bool)
	}
	st := bindings.NewState(bindings.Options{Funcs: funcs})
	defer st.Close()
	m := map[string]bool{"_G": true}
	proto, err := lua.Compile(nil, "check")
	if err == nil {
		if in, err := st.Instantiate(proto, "", "check", 1); err == nil {
			add := func(k, _ lua.LValue) {
				if s, ok := k.(lua.LString); ok {
					m[string(s)] = true
				}
			}
			in.Env.ForEach(add)
			if mt, ok := in.Env.Metatable.(*lua.LTable); ok {
				if base, ok := mt.RawGetString("__index").(*lua.LTable); ok {
					base.ForEach(add)
				}
			}
		}
	}
	sandboxNames.Store(key, m)
	return m
}

// linter walks one file's syntax tree.
type linter struct {
	file    string
	sig     string
	src     []byte
	lines   [][]byte
	known   map[string]bool // sandbox globals
	globals map[string]bool // globals the file assigns at its top level
	set     map[string]bool // globals the file assigns anywhere (reads of them are not warned)
	scopes  []map[string]bool
	fn      []string // names of the enclosing functions, outermost first
	seen    map[string]bool
	errs    Errors
}

func (l *linter) run(chunk []ast.Stmt) {
	l.globals = map[string]bool{}
	l.seen = map[string]bool{}
	for _, k := range metaKeys {
		l.globals[k] = true
	}
	for _, h := range hookNames {
		l.globals[h] = true
	}
	l.topGlobals(chunk)
	l.set = map[string]bool{}
	collectAssigned(chunk, l.set)
	l.checkFilters(chunk)
	l.block(chunk)
}

// topGlobals collects the globals assigned by the file's top level (outside
// any function, inside blocks included).
func (l *linter) topGlobals(stmts []ast.Stmt) {
	for _, st := range stmts {
		switch s := st.(type) {
		case *ast.AssignStmt:
			for _, e := range s.Lhs {
				if id, ok := e.(*ast.IdentExpr); ok {
					l.globals[id.Value] = true
				}
			}
		case *ast.FuncDefStmt:
			if id, ok := s.Name.Func.(*ast.IdentExpr); ok && s.Name.Receiver == nil {
				l.globals[id.Value] = true
			}
		case *ast.DoBlockStmt:
			l.topGlobals(s.Stmts)
		case *ast.IfStmt:
			l.topGlobals(s.Then)
			l.topGlobals(s.Else)
		case *ast.WhileStmt:
			l.topGlobals(s.Stmts)
		case *ast.RepeatStmt:
			l.topGlobals(s.Stmts)
		case *ast.NumberForStmt:
			l.topGlobals(s.Stmts)
		case *ast.GenericForStmt:
			l.topGlobals(s.Stmts)
		}
	}
}

// collectAssigned adds every bare name assigned anywhere in stmts (locals
// included: a name that is a local somewhere is often a global elsewhere
// by mistake, and the assignment is warned about already).
func collectAssigned(stmts []ast.Stmt, out map[string]bool) {
	var exprs func(es ...ast.Expr)
	exprs = func(es ...ast.Expr) {
		for _, e := range es {
			switch x := e.(type) {
			case *ast.FunctionExpr:
				collectAssigned(x.Stmts, out)
			case *ast.FuncCallExpr:
				exprs(x.Args...)
			case *ast.TableExpr:
				for _, f := range x.Fields {
					exprs(f.Value)
				}
			case *ast.LogicalOpExpr:
				exprs(x.Lhs, x.Rhs)
			}
		}
	}
	for _, st := range stmts {
		switch s := st.(type) {
		case *ast.AssignStmt:
			for _, e := range s.Lhs {
				if id, ok := e.(*ast.IdentExpr); ok {
					out[id.Value] = true
				}
			}
			exprs(s.Rhs...)
		case *ast.LocalAssignStmt:
			exprs(s.Exprs...)
		case *ast.FuncCallStmt:
			exprs(s.Expr)
		case *ast.ReturnStmt:
			exprs(s.Exprs...)
		case *ast.FuncDefStmt:
			if id, ok := s.Name.Func.(*ast.IdentExpr); ok && s.Name.Receiver == nil {
				out[id.Value] = true
			}
			collectAssigned(s.Func.Stmts, out)
		case *ast.DoBlockStmt:
			collectAssigned(s.Stmts, out)
		case *ast.IfStmt:
			collectAssigned(s.Then, out)
			collectAssigned(s.Else, out)
		case *ast.WhileStmt:
			collectAssigned(s.Stmts, out)
		case *ast.RepeatStmt:
			collectAssigned(s.Stmts, out)
		case *ast.NumberForStmt:
			collectAssigned(s.Stmts, out)
		case *ast.GenericForStmt:
			collectAssigned(s.Stmts, out)
		}
	}
}

func (l *linter) add(e *Error) {
	e.File, e.Signature = l.file, l.sig
	e.attachSource(l.src)
	l.errs = append(l.errs, e)
}

// col finds the 1-based column of text on line, 0 if it is not there.
func (l *linter) col(line int, text string, word bool) int {
	if line < 1 || line > len(l.lines) || text == "" {
		return 0
	}
	src := string(l.lines[line-1])
	if !word {
		return strings.Index(src, text) + 1
	}
	re := regexp.MustCompile(`(^|[^\w.:])` + regexp.QuoteMeta(text) + `\b`)
	if m := re.FindStringSubmatchIndex(src); m != nil {
		return m[3] + 1
	}
	return 0
}

// quotedCol is the column of a string literal's opening quote.
func (l *linter) quotedCol(line int, value string) int {
	for _, q := range []string{`"` + value + `"`, `'` + value + `'`, "[[" + value + "]]", value} {
		if c := l.col(line, q, false); c > 0 {
			return c
		}
	}
	if c := l.col(line, strings.ReplaceAll(value, `\`, `\\`), false); c > 1 {
		return c - 1
	}
	return 0
}

// checkFilters checks the filter_apinames of the top level.
func (l *linter) checkFilters(chunk []ast.Stmt) {
	for _, st := range chunk {
		s, ok := st.(*ast.AssignStmt)
		if !ok {
			continue
		}
		for i, e := range s.Lhs {
			id, ok := e.(*ast.IdentExpr)
			if !ok || id.Value != "filter_apinames" || i >= len(s.Rhs) {
				continue
			}
			t, ok := s.Rhs[i].(*ast.TableExpr)
			if !ok {
				continue
			}
			for _, f := range t.Fields {
				str, ok := f.Value.(*ast.StringExpr)
				if f.Key != nil || !ok || KnownAPI(str.Value) {
					continue
				}
				e := &Error{Kind: KindWarning, Line: str.Line(), Col: l.quotedCol(str.Line(), str.Value),
					Msg: fmt.Sprintf("filter_apinames: %q is not a known API name", str.Value)}
				switch s := suggestAPI(str.Value); {
				case s != "" && strings.EqualFold(s, str.Value):
					e.Hint = fmt.Sprintf("API names are case-sensitive: did you mean %q?", s)
				case s != "":
					e.Hint = fmt.Sprintf("did you mean %q?", s)
				default:
					e.Hint = "calls of an API that no sandbox logs never reach on_call; compare with calls[].api in a report"
				}
				l.add(e)
			}
		}
	}
}

func (l *linter) push(names ...string) {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	l.scopes = append(l.scopes, m)
}

func (l *linter) pop() { l.scopes = l.scopes[:len(l.scopes)-1] }

func (l *linter) declare(names ...string) {
	if len(l.scopes) == 0 {
		l.push()
	}
	for _, n := range names {
		l.scopes[len(l.scopes)-1][n] = true
	}
}

func (l *linter) isLocal(name string) bool {
	for i := len(l.scopes) - 1; i >= 0; i-- {
		if l.scopes[i][name] {
			return true
		}
	}
	return false
}

func (l *linter) block(stmts []ast.Stmt) {
	l.push()
	for _, st := range stmts {
		l.stmt(st)
	}
	l.pop()
}

func (l *linter) stmt(st ast.Stmt) {
	switch s := st.(type) {
	case *ast.AssignStmt:
		for _, e := range s.Rhs {
			l.expr(e)
		}
		for _, e := range s.Lhs {
			if id, ok := e.(*ast.IdentExpr); ok {
				l.assign(id.Value, s.Line())
				continue
			}
			l.expr(e)
		}
	case *ast.LocalAssignStmt:
		if len(s.Names) == 1 && len(s.Exprs) == 1 {
			if fn, isFn := s.Exprs[0].(*ast.FunctionExpr); isFn {
				l.declare(s.Names[0]) // local function f: f is visible in its body
				l.function(s.Names[0], fn.ParList.Names, fn.Stmts)
				return
			}
		}
		for _, e := range s.Exprs {
			l.expr(e)
		}
		l.declare(s.Names...)
	case *ast.FuncCallStmt:
		l.expr(s.Expr)
	case *ast.DoBlockStmt:
		l.block(s.Stmts)
	case *ast.WhileStmt:
		l.expr(s.Condition)
		l.block(s.Stmts)
	case *ast.RepeatStmt:
		l.push()
		for _, b := range s.Stmts {
			l.stmt(b)
		}
		l.expr(s.Condition)
		l.pop()
	case *ast.IfStmt:
		l.expr(s.Condition)
		l.block(s.Then)
		l.block(s.Else)
	case *ast.NumberForStmt:
		l.expr(s.Init)
		l.expr(s.Limit)
		if s.Step != nil {
			l.expr(s.Step)
		}
		l.push(s.Name)
		l.block(s.Stmts)
		l.pop()
	case *ast.GenericForStmt:
		for _, e := range s.Exprs {
			l.expr(e)
		}
		l.push(s.Names...)
		l.block(s.Stmts)
		l.pop()
	case *ast.FuncDefStmt:
		name := ""
		if s.Name.Receiver != nil {
			l.expr(s.Name.Receiver)
			name = s.Name.Method
		} else if id, ok := s.Name.Func.(*ast.IdentExpr); ok {
			l.assign(id.Value, s.Line())
			name = id.Value
		} else {
			l.expr(s.Name.Func)
			if a, ok := s.Name.Func.(*ast.AttrGetExpr); ok {
				if k, ok := a.Key.(*ast.StringExpr); ok {
					name = k.Value
				}
			}
		}
		params := s.Func.ParList.Names
		if s.Name.Receiver != nil {
			params = append([]string{"self"}, params...)
		}
		l.function(name, params, s.Func.Stmts)
	case *ast.ReturnStmt:
		for _, e := range s.Exprs {
			l.expr(e)
		}
	}
}

func (l *linter) function(name string, params []string, body []ast.Stmt) {
	if name == "" {
		name = "an anonymous function"
	}
	l.fn = append(l.fn, name)
	saved := l.scopes
	l.scopes = append(l.scopes[:len(l.scopes):len(l.scopes)], nil)
	l.scopes[len(l.scopes)-1] = map[string]bool{}
	l.declare(params...)
	for _, st := range body {
		l.stmt(st)
	}
	l.scopes = saved
	l.fn = l.fn[:len(l.fn)-1]
}

// assign checks an assignment to the bare name.
func (l *linter) assign(name string, line int) {
	if l.isLocal(name) || len(l.fn) == 0 {
		return
	}
	where := l.fn[0]
	if isHook(where) {
		where = "hook " + where
	} else if where != "an anonymous function" {
		where = "function " + where
	}
	switch {
	case l.known[name] && !l.globals[name]:
		l.once("assign:"+name, &Error{Kind: KindWarning, Line: line, Col: l.col(line, name, true),
			Msg:  fmt.Sprintf("assignment to built-in global `%s` inside %s replaces it", name, where),
			Hint: fmt.Sprintf("use a local: local %s = ...", name)})
	case !l.globals[name]:
		l.once("assign:"+name, &Error{Kind: KindWarning, Line: line, Col: l.col(line, name, true),
			Msg:  fmt.Sprintf("assignment to undeclared global `%s` inside %s", name, where),
			Hint: fmt.Sprintf("declare it local: local %s = ... (at the top of the file if hooks share it)", name)})
	}
}

func isHook(name string) bool {
	for _, h := range hookNames {
		if h == name {
			return true
		}
	}
	return false
}

func (l *linter) once(key string, e *Error) {
	if l.seen[key] {
		return
	}
	l.seen[key] = true
	l.add(e)
}

func (l *linter) expr(e ast.Expr) {
	switch x := e.(type) {
	case *ast.IdentExpr:
		if l.isLocal(x.Value) || l.globals[x.Value] || l.known[x.Value] || l.set[x.Value] {
			return
		}
		err := &Error{Kind: KindWarning, Line: x.Line(), Col: l.col(x.Line(), x.Value, true),
			Msg: fmt.Sprintf("unknown global `%s`: it is nil here", x.Value)}
		if why, ok := unavailable[x.Value]; ok {
			err.Msg = fmt.Sprintf("`%s` is not available in the sandbox: it is nil here", x.Value)
			err.Hint = why
		} else if s := l.suggest(x.Value); s != "" {
			err.Hint = "did you mean `" + s + "`?"
		}
		l.once("read:"+x.Value, err)
	case *ast.AttrGetExpr:
		l.expr(x.Object)
		l.expr(x.Key)
	case *ast.TableExpr:
		for _, f := range x.Fields {
			if f.Key != nil {
				l.expr(f.Key)
			}
			l.expr(f.Value)
		}
	case *ast.FuncCallExpr:
		if x.Func != nil {
			l.expr(x.Func)
		}
		if x.Receiver != nil {
			l.expr(x.Receiver)
		}
		for _, a := range x.Args {
			l.expr(a)
		}
		l.call(x)
	case *ast.LogicalOpExpr:
		l.expr(x.Lhs)
		l.expr(x.Rhs)
	case *ast.RelationalOpExpr:
		l.expr(x.Lhs)
		l.expr(x.Rhs)
	case *ast.StringConcatOpExpr:
		l.expr(x.Lhs)
		l.expr(x.Rhs)
	case *ast.ArithmeticOpExpr:
		l.expr(x.Lhs)
		l.expr(x.Rhs)
	case *ast.UnaryMinusOpExpr:
		l.expr(x.Expr)
	case *ast.UnaryNotOpExpr:
		l.expr(x.Expr)
	case *ast.UnaryLenOpExpr:
		l.expr(x.Expr)
	case *ast.FunctionExpr:
		l.function("", x.ParList.Names, x.Stmts)
	}
}

// unavailable are the standard Lua globals the sandbox leaves out, with
// what to do instead.
var unavailable = map[string]string{
	"io":             "signatures cannot read or write files; the report comes in results and through the check_* helpers",
	"require":        "re, json, path, net, hash and the string helpers are globals already; there is nothing else to load",
	"module":         "one signature is one file; share code by copying it (signatures are independent by design)",
	"package":        "one signature is one file; there are no modules to load",
	"load":           "running code built at run time is not allowed",
	"loadstring":     "running code built at run time is not allowed",
	"dofile":         "running other files is not allowed",
	"loadfile":       "running other files is not allowed",
	"setfenv":        "each signature already has its own globals",
	"getfenv":        "use _G for this signature's globals",
	"rawset":         "assign with t[k] = v",
	"rawget":         "read with t[k]",
	"debug":          "use print: its output is shown with the signature's name",
	"collectgarbage": "memory is managed by sigrun",
	"newproxy":       "use a table with a metatable",
	"coroutine":      "hooks run to completion; a hook that yields is an error",
}

// suggest returns the known name closest to s: within edit distance 1 for
// short names, 2 for longer ones.
func (l *linter) suggest(s string) string {
	maxD := 2
	if len(s) <= 4 {
		maxD = 1
	}
	return Suggest(s, l.candidates(), maxD)
}

func (l *linter) candidates() []string {
	var out []string
	for k := range l.known {
		out = append(out, k)
	}
	for k := range l.globals {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// call checks the regex literals of check_*(pattern, {regex = true}) and
// re.*(s, pattern, ...).
func (l *linter) call(c *ast.FuncCallExpr) {
	switch fn := c.Func.(type) {
	case *ast.IdentExpr:
		if !strings.HasPrefix(fn.Value, "check_") || l.isLocal(fn.Value) || !l.known[fn.Value] || len(c.Args) == 0 {
			return
		}
		pat, ok := c.Args[0].(*ast.StringExpr)
		if !ok {
			return
		}
		if isRegexOpt(c.Args[1:]) {
			if _, err := regexp.Compile("(?i)^(?:" + pat.Value + ")"); err != nil {
				if _, err2 := regexp.Compile(pat.Value); err2 != nil {
					err = err2
				}
				l.add(&Error{Kind: KindCheck, Line: pat.Line(), Col: l.quotedCol(pat.Line(), pat.Value),
					Msg:  fmt.Sprintf("%s: invalid regex %q: %s", fn.Value, pat.Value, regexMsg(err)),
					Hint: regexHint(pat.Value, err)})
			}
			return
		}
		if looksLikeRegex(pat.Value) {
			l.add(&Error{Kind: KindWarning, Line: pat.Line(), Col: l.quotedCol(pat.Line(), pat.Value),
				Msg:  fmt.Sprintf("%s: pattern %q looks like a regex but is compared as plain text", fn.Value, pat.Value),
				Hint: fmt.Sprintf("pass {regex = true}: %s(%q, {regex = true})", fn.Value, pat.Value)})
		}
	case *ast.AttrGetExpr:
		obj, ok1 := fn.Object.(*ast.IdentExpr)
		key, ok2 := fn.Key.(*ast.StringExpr)
		if !ok1 || !ok2 || obj.Value != "re" || l.isLocal("re") || len(c.Args) < 2 {
			return
		}
		pat, ok := c.Args[1].(*ast.StringExpr)
		if !ok {
			return
		}
		if _, err := regexp.Compile(pat.Value); err != nil {
			l.add(&Error{Kind: KindCheck, Line: pat.Line(), Col: l.quotedCol(pat.Line(), pat.Value),
				Msg:  fmt.Sprintf("re.%s: invalid regex %q: %s", key.Value, pat.Value, regexMsg(err)),
				Hint: regexHint(pat.Value, err)})
		}
	}
}

// isRegexOpt reports whether the arguments after a check_* pattern ask for
// a regex: {regex = true} or the positional form (pattern, true).
func isRegexOpt(args []ast.Expr) bool {
	if len(args) == 0 {
		return false
	}
	switch a := args[0].(type) {
	case *ast.TrueExpr:
		return true
	case *ast.TableExpr:
		for _, f := range a.Fields {
			if k, ok := f.Key.(*ast.StringExpr); ok && k.Value == "regex" {
				_, isTrue := f.Value.(*ast.TrueExpr)
				return isTrue
			}
		}
	}
	return false
}

func looksLikeRegex(p string) bool {
	return strings.Contains(p, ".*") || strings.Contains(p, ".+") || strings.HasPrefix(p, "^") ||
		strings.HasSuffix(p, "$") || strings.Contains(p, `\.`) || strings.HasPrefix(p, "(?i)")
}

// regexMsg is Go's regexp error without its "error parsing regexp: " prefix.
func regexMsg(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}

func regexHint(p string, err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(p, "(?=") || strings.Contains(p, "(?!") || strings.Contains(p, "(?<=") || strings.Contains(p, "(?<!"):
		return "Go's RE2 has no lookahead or lookbehind; match more and test the rest in Lua"
	case strings.Contains(msg, "invalid escape sequence"):
		return "in Lua source a regex backslash is written twice (\"\\\\.\") or use a long string [[\\.]]"
	case strings.Contains(msg, "missing closing )") || strings.Contains(msg, "unexpected )"):
		return "parentheses must balance; a literal ( is written \\("
	case strings.Contains(msg, "missing closing ]"):
		return "a literal [ is written \\["
	case strings.Contains(msg, "missing argument to repetition operator"):
		return "a literal *, + or ? is written \\*, \\+ or \\?"
	}
	return "patterns are Go RE2 syntax: https://golang.org/s/re2syntax"
}
