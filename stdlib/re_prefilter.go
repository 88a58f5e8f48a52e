package stdlib

import (
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// Go's regexp runs an unanchored search over a long subject on its NFA,
// at 50-150 ns per byte for the case-insensitive patterns signatures use
// ("(?i)set-mppreference\s+.*-disable"): about 10 s for one pattern over a
// 100 MB command line, in one Go call that no timeout can interrupt. A
// report is attacker-controlled, so before searching a long subject,
// re.match and re.find check that it contains the literal text every match
// must contain (found in the parsed pattern), which takes a few ms; most
// patterns then fail at once.

// prefilterMin is the subject length from which the literals are checked.
const prefilterMin = 64 << 10

// maxAlternatives bounds the literals of one pattern's requirement.
const maxAlternatives = 16

// literal is a text that every match of a pattern may be required to
// contain, compared ASCII case-insensitively when fold.
type literal struct {
	text string
	fold bool
}

var requiredCache struct {
	sync.Mutex
	m map[string][]literal
}

// mayMatch reports whether pattern p can match s: false only when s lacks
// every literal one of which each match of p contains.
func mayMatch(p, s string) bool {
	if len(s) < prefilterMin {
		return true
	}
	lits := requiredOf(p)
	return lits == nil || containsAny(s, lits)
}

func requiredOf(p string) []literal {
	requiredCache.Lock()
	lits, ok := requiredCache.m[p]
	requiredCache.Unlock()
	if ok {
		return lits
	}
	if re, err := syntax.Parse(p, syntax.Perl); err == nil {
		lits = requiredLiterals(re.Simplify())
	}
	requiredCache.Lock()
	if requiredCache.m == nil || len(requiredCache.m) >= RegexpCacheSize {
		requiredCache.m = map[string][]literal{}
	}
	if len(p) <= maxCachedPattern {
		requiredCache.m[p] = lits
	}
	requiredCache.Unlock()
	return lits
}

// requiredLiterals returns literals one of which every match of re
// contains, or nil when it finds none.
func requiredLiterals(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		l := literal{string(re.Rune), re.Flags&syntax.FoldCase != 0}
		if strings.ContainsRune(l.text, utf8.RuneError) {
			return nil // the regexp reads an invalid byte of the subject as U+FFFD
		}
		if l.fold {
			l.text = foldSafe(l.text)
		}
		if l.text == "" {
			return nil
		}
		return []literal{l}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		// The child whose shortest literal is longest filters best.
		var best []literal
		bestScore := 0
		for _, sub := range re.Sub {
			lits := requiredLiterals(sub)
			if lits == nil {
				continue
			}
			score := len(lits[0].text)
			for _, l := range lits {
				score = min(score, len(l.text))
			}
			if score > bestScore {
				best, bestScore = lits, score
			}
		}
		return best
	case syntax.OpAlternate:
		var all []literal
		for _, sub := range re.Sub {
			lits := requiredLiterals(sub)
			if lits == nil {
				return nil // this alternative needs no literal
			}
			all = append(all, lits...)
		}
		if len(all) > maxAlternatives {
			return nil
		}
		return all
	}
	return nil
}

// foldSafe returns the longest part of a case-folded literal that an
// ASCII case-insensitive search finds whenever the regexp matches: only
// ASCII, and without k and s, which also fold to the Kelvin sign (U+212A)
// and the long s (U+017F).
func foldSafe(lit string) string {
	best := ""
	for _, part := range strings.FieldsFunc(lit, func(r rune) bool {
		return r >= utf8.RuneSelf || r == 'k' || r == 'K' || r == 's' || r == 'S'
	}) {
		if len(part) > len(best) {
			best = part
		}
	}
	return best
}

// containsAny reports whether s contains one of lits, in one pass.
func containsAny(s string, lits []literal) bool {
	var first [256]bool
	for _, l := range lits {
		c := l.text[0]
		first[c] = true
		if lc := lowerASCII(c); l.fold && 'a' <= lc && lc <= 'z' {
			first[lc], first[lc-'a'+'A'] = true, true
		}
	}
	for i := 0; i < len(s); i++ {
		if !first[s[i]] {
			continue
		}
		for _, l := range lits {
			if hasAt(s, i, l) {
				return true
			}
		}
	}
	return false
}

// hasAt reports whether s contains l at offset i.
func hasAt(s string, i int, l literal) bool {
	n := len(l.text)
	if i+n > len(s) {
		return false
	}
	if !l.fold {
		return s[i:i+n] == l.text
	}
	for j := 0; j < n; j++ {
		if lowerASCII(s[i+j]) != lowerASCII(l.text[j]) {
			return false
		}
	}
	return true
}
