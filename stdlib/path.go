package stdlib

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

func init() {
	modules = append(modules, module{name: "path", funcs: []function{
		{"basename", pathBasename},
		{"dirname", pathDirname},
		{"extension", pathExtension},
		{"normalize", pathNormalize},
		{"join", pathJoin},
		{"is_under", pathIsUnder},
	}})
}

// Windows paths: both \ and / separate, "C:" is a drive, \\server\share is UNC. The helpers
// are lexical: they never look at a filesystem.

func isSep(c byte) bool { return c == '\\' || c == '/' }

// hasDrive reports whether p starts with a drive letter and colon.
func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

func trimTrailingSeps(p string) string {
	i := len(p)
	for i > 0 && isSep(p[i-1]) {
		i--
	}
	return p[:i]
}

// Basename returns the last element of a Windows path ("C:\a\b.exe" -> "b.exe"), ignoring
// trailing separators; "" for a root or drive.
func Basename(p string) string {
	q := trimTrailingSeps(p)
	j := strings.LastIndexAny(q, `\/`)
	base := q[j+1:]
	if j < 0 && hasDrive(base) {
		base = base[2:]
	}
	return base
}

// Dirname returns p without its last element, keeping the original spelling
// ("C:\a\b.exe" -> "C:\a", "C:\a.exe" -> "C:\", "a.exe" -> "").
func Dirname(p string) string {
	q := trimTrailingSeps(p)
	if q == "" {
		if p != "" {
			return p[:1] // a root made only of separators
		}
		return ""
	}
	j := strings.LastIndexAny(q, `\/`)
	if j < 0 {
		if hasDrive(q) {
			if len(p) > 2 && isSep(p[2]) {
				return p[:3]
			}
			return p[:2]
		}
		return ""
	}
	d := trimTrailingSeps(q[:j])
	switch {
	case d == "":
		return q[:1]
	case len(d) == 2 && hasDrive(d):
		return q[:3]
	}
	return d
}

// Extension returns the lowercased extension of the last element, with its dot (".exe"), or
// "" when there is none. Trailing dots and spaces, which Windows drops from file names, are
// ignored ("a.EXE." -> ".exe"), and so are leading dots (".profile" -> "").
func Extension(p string) string {
	base := strings.TrimRight(Basename(p), ". ")
	base = strings.TrimLeft(base, ".")
	i := strings.LastIndexByte(base, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(base[i:])
}

// Normalize returns the canonical form of a Windows path for comparisons: the \\?\, \??\
// and \\.\ prefixes removed (\\?\UNC\srv becomes \\srv), / turned into \, repeated
// separators collapsed (a leading \\ of a UNC path is kept), "." and ".." elements resolved
// lexically (never above the root), trailing separators removed except on a root, and the
// result lowercased.
func Normalize(p string) string {
	p = strings.ReplaceAll(p, "/", `\`)
	for _, prefix := range [...]string{`\\?\`, `\??\`, `\\.\`} {
		if strings.HasPrefix(p, prefix) {
			p = p[len(prefix):]
			if len(p) >= 4 && strings.EqualFold(p[:4], `UNC\`) {
				p = `\\` + p[4:]
			}
			break
		}
	}
	var root string
	switch {
	case strings.HasPrefix(p, `\\`):
		root = `\\`
	case hasDrive(p) && len(p) > 2 && p[2] == '\\':
		root = p[:3]
	case hasDrive(p):
		root = p[:2]
	case strings.HasPrefix(p, `\`):
		root = `\`
	}
	rest := p[len(root):]
	segs := make([]string, 0, strings.Count(rest, `\`)+1)
	for seg := range strings.SplitSeq(rest, `\`) {
		switch seg {
		case "", ".":
		case "..":
			if len(segs) > 0 && segs[len(segs)-1] != ".." {
				segs = segs[:len(segs)-1]
			} else if root == "" {
				segs = append(segs, seg)
			}
		default:
			segs = append(segs, seg)
		}
	}
	return strings.ToLower(root + strings.Join(segs, `\`))
}

// IsUnder reports whether the normalized p is dir itself or inside it, comparing whole
// elements ("c:\windows2" is not under "c:\windows").
func IsUnder(p, dir string) bool {
	np, nd := Normalize(p), Normalize(dir)
	if nd == "" {
		return false
	}
	if np == nd {
		return true
	}
	if !strings.HasPrefix(np, nd) {
		return false
	}
	return strings.HasSuffix(nd, `\`) || np[len(nd)] == '\\'
}

// Join joins elements with single backslashes, skipping empty ones; it does not normalize.
func Join(elems ...string) string {
	out := ""
	for _, e := range elems {
		switch {
		case e == "":
		case out == "":
			out = e
		default:
			out = trimTrailingSeps(out) + `\` + strings.TrimLeft(e, `\/`)
		}
	}
	return out
}

func pathFunc(name string, f func(string) string) lua.LGFunction {
	return func(L *lua.LState) int {
		s, ok := args{L, name}.subject(1)
		if !ok {
			L.Push(lua.LNil)
			return 1
		}
		L.Push(lua.LString(f(s)))
		return 1
	}
}

var (
	pathBasename  = pathFunc("path.basename", Basename)
	pathDirname   = pathFunc("path.dirname", Dirname)
	pathExtension = pathFunc("path.extension", Extension)
	pathNormalize = pathFunc("path.normalize", Normalize)
)

// path.is_under(p, dir) -> boolean
func pathIsUnder(L *lua.LState) int {
	a := args{L, "path.is_under"}
	p, ok := a.subject(1)
	dir := a.str(2)
	L.Push(lua.LBool(ok && IsUnder(p, dir)))
	return 1
}

// path.join(...) -> string; nil elements are skipped.
func pathJoin(L *lua.LState) int {
	a := args{L, "path.join"}
	n := L.GetTop()
	elems := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		if s, ok := a.subject(i); ok {
			elems = append(elems, s)
		}
	}
	L.Push(lua.LString(Join(elems...)))
	return 1
}
