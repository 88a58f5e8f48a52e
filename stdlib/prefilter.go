package stdlib

import "strings"

// Prefilter is the literal test of a regular expression: every match of the
// pattern contains one of a few literal texts (found in the parsed pattern),
// so a subject without any of them cannot match and the regexp need not
// run. For the check_* helpers, which try one pattern on thousands of short
// report items (registry keys, paths), the test is much cheaper than Go's
// case-insensitive backtracking. The zero value (and a pattern without
// required literals) lets everything through. A Prefilter is immutable and
// safe for concurrent use.
type Prefilter struct {
	lits  []literal
	lower []string   // the literals ASCII-lowercased (for fold ones)
	skip  []int      // per literal: the offset of its first letter or digit
	first *[256]bool // bytes that can start a literal
}

// NewPrefilter returns the prefilter of pattern (Go regexp syntax, as given
// to regexp.Compile, flags included).
func NewPrefilter(pattern string) Prefilter {
	lits := requiredOf(pattern)
	if lits == nil {
		return Prefilter{}
	}
	first := new([256]bool)
	for _, l := range lits {
		c := l.text[0]
		first[c] = true
		if lc := lowerASCII(c); l.fold && 'a' <= lc && lc <= 'z' {
			first[lc], first[lc-'a'+'A'] = true, true
		}
	}
	lower := make([]string, len(lits))
	skip := make([]int, len(lits))
	for i, l := range lits {
		lower[i] = asciiLower(l.text)
		skip[i] = strings.IndexFunc(lower[i], func(r rune) bool { return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' })
		if skip[i] < 0 || !l.fold {
			skip[i] = 0
		}
	}
	return Prefilter{lits: lits, lower: lower, skip: skip, first: first}
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerASCII(c)
	}
	return string(b)
}

// MightMatch reports whether the pattern can match s: false only when s
// contains none of the literals one of which every match contains.
func (p Prefilter) MightMatch(s string) bool {
	if p.first == nil {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !p.first[s[i]] {
			continue
		}
		for _, l := range p.lits {
			if hasAt(s, i, l) {
				return true
			}
		}
	}
	return false
}

// MightMatchLower is MightMatch for a subject s given with lower, its copy
// with ASCII letters lowercased (same length): case-insensitive literals
// are then found with strings.Contains, which is vectorised, instead of a
// byte-by-byte comparison at each possible start.
func (p Prefilter) MightMatchLower(s, lower string) bool {
	if p.first == nil {
		return true
	}
	for i, l := range p.lits {
		if !l.fold {
			if strings.Contains(s, l.text) {
				return true
			}
			continue
		}
		// Search from the literal's first letter: paths and keys are full
		// of the backslashes literals often start with.
		lit, k := p.lower[i], p.skip[i]
		for from := k; from <= len(lower); {
			j := strings.Index(lower[from:], lit[k:])
			if j < 0 {
				break
			}
			j += from
			if lower[j-k:j] == lit[:k] {
				return true
			}
			from = j + 1
		}
	}
	return false
}
