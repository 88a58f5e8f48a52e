package stdlib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	lua "github.com/yuin/gopher-lua"
)

func init() {
	stringFuncs = append(stringFuncs,
		function{"startswith", strPredicate("string.startswith", strings.HasPrefix, hasPrefixFold)},
		function{"endswith", strPredicate("string.endswith", strings.HasSuffix, hasSuffixFold)},
		function{"contains", strPredicate("string.contains", strings.Contains, containsFold)},
		function{"split", strSplit},
		function{"trim", strTrim},
	)
}

// strPredicate builds string.startswith(s, prefix[, nocase]),
// string.endswith(s, suffix[, nocase]) and string.contains(s, sub[, nocase])
// -> boolean: exact, or with nocase also fold (Unicode case folding). A nil
// s is false.
func strPredicate(name string, exact, fold func(s, t string) bool) lua.LGFunction {
	return func(L *lua.LState) int {
		a := args{L, name}
		s, ok := a.subject(1)
		t := a.str(2)
		nocase := a.nocase(3)
		L.Push(lua.LBool(ok && (exact(s, t) || nocase && fold(s, t))))
		return 1
	}
}

// string.split(s, sep[, n]) -> {part...}
func strSplit(L *lua.LState) int {
	a := args{L, "string.split"}
	s, ok := a.subject(1)
	sep := a.str(2)
	n := a.optInt(3, -1)
	if !ok {
		L.Push(L.CreateTable(0, 0))
		return 1
	}
	L.Push(list(L, strings.SplitN(s, sep, n)))
	return 1
}

// string.trim(s[, chars]) -> string
func strTrim(L *lua.LState) int {
	a := args{L, "string.trim"}
	s, ok := a.subject(1)
	if L.Get(2) != lua.LNil {
		chars := a.str(2)
		if ok {
			L.Push(lua.LString(strings.Trim(s, chars)))
			return 1
		}
	} else if ok {
		L.Push(lua.LString(strings.TrimSpace(s)))
		return 1
	}
	L.Push(lua.LNil)
	return 1
}

// The fold functions compare by Unicode simple case folding, like strings.EqualFold, so a
// prefix may differ from the matched text in byte length (K and the Kelvin sign). Bytes of
// invalid UTF-8 match only themselves.

func hasPrefixFold(s, prefix string) bool {
	_, ok := foldPrefixLen(s, prefix)
	return ok
}

// foldPrefixLen reports whether s starts with prefix under case folding, and the length in
// bytes of the part of s that matched.
func foldPrefixLen(s, prefix string) (int, bool) {
	i, j := 0, 0
	for j < len(prefix) {
		if i >= len(s) {
			return 0, false
		}
		c1, c2 := s[i], prefix[j]
		if c1 < utf8.RuneSelf && c2 < utf8.RuneSelf {
			if lowerASCII(c1) != lowerASCII(c2) {
				return 0, false
			}
			i++
			j++
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		r2, n2 := utf8.DecodeRuneInString(prefix[j:])
		if !equalFoldRune(r1, n1, r2, n2) || n1 == 1 && n2 == 1 && c1 != c2 {
			return 0, false
		}
		i += n1
		j += n2
	}
	return i, true
}

func hasSuffixFold(s, suffix string) bool {
	i, j := len(s), len(suffix)
	for j > 0 {
		if i <= 0 {
			return false
		}
		c1, c2 := s[i-1], suffix[j-1]
		if c1 < utf8.RuneSelf && c2 < utf8.RuneSelf {
			if lowerASCII(c1) != lowerASCII(c2) {
				return false
			}
			i--
			j--
			continue
		}
		r1, n1 := utf8.DecodeLastRuneInString(s[:i])
		r2, n2 := utf8.DecodeLastRuneInString(suffix[:j])
		if !equalFoldRune(r1, n1, r2, n2) || n1 == 1 && n2 == 1 && c1 != c2 {
			return false
		}
		i -= n1
		j -= n2
	}
	return true
}

func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	for i := 0; i < len(s); {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldRune compares two decoded runes (with their encoded sizes, so that an invalid byte,
// decoded as U+FFFD of size 1, does not equal a real U+FFFD).
func equalFoldRune(r1 rune, n1 int, r2 rune, n2 int) bool {
	if (r1 == utf8.RuneError && n1 == 1) != (r2 == utf8.RuneError && n2 == 1) {
		return false
	}
	if r1 == r2 {
		return true
	}
	for r := unicode.SimpleFold(r1); r != r1; r = unicode.SimpleFold(r) {
		if r == r2 {
			return true
		}
	}
	return false
}
