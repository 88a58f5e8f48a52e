package stdlib

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzRePrefilter: the literal check before a long search never rejects a
// subject that the regexp matches.
func FuzzRePrefilter(f *testing.F) {
	for _, seed := range []struct{ p, s string }{
		{`(?i)set-mppreference\s+.*-disable`, "x SET-MpPreference -DisableRealtime"},
		{`(?i)net(\.exe)?\s+stop\s+windefend`, "NET.EXE stop WinDefend"},
		{`(?i)kill`, "\u212aILL"},
		{`(?i)status`, "\u017ftatu\u017f"},
		{`abc+d`, "xxabcccd"},
		{`(ab|cd)ef`, "cdef"},
		{`a{2,}b`, "aaab"},
		{`\x{fffd}x`, "\xffx"},
		{`(?i)é+t`, "ÉÉT"},
		{`[a-c]+zz`, "bzz"},
		{`(?i)(wevtutil(\.exe)?["']?\s+(cl|clear-log)\s|clear-eventlog|remove-eventlog)`, "Remove-EventLog"},
		{`(ab|c(d|e+))f`, "ceef"},
		{`(?i)(a|bcd)`, "BCD"},
	} {
		f.Add(seed.p, seed.s)
	}
	f.Fuzz(func(t *testing.T, p, s string) {
		re, err := regexp.Compile(p)
		if err != nil {
			return
		}
		long := s + strings.Repeat("\x00", prefilterMin) // long enough to be checked
		if re.MatchString(long) && !mayMatch(p, long) {
			t.Fatalf("pattern %q matches %q but the prefilter rejects it (literal %+v)", p, s, requiredOf(p))
		}
	})
}

// TestRePrefilterLongSubject: a case-insensitive pattern over a 16 MB
// subject is decided by the literal check.
func TestRePrefilterLongSubject(t *testing.T) {
	s := strings.Repeat("A", 16<<20)
	if !mayMatch(`(?i)aaa`, s) || mayMatch(`(?i)set-mppreference\s+.*-disable`, s) || mayMatch(`windefend`, s) {
		t.Error("wrong prefilter answer")
	}
	if got := requiredOf(`(?i)set-mppreference\s+.*-disable`); len(got) != 1 || !strings.EqualFold(got[0].text, "et-mppreference") || !got[0].fold {
		t.Errorf("literals %+v", got)
	}
	if got := requiredOf(`(?i)(wevtutil(\.exe)?\s+cl|clear-eventlog|x+y)`); len(got) != 3 {
		t.Errorf("literals %+v", got)
	}
	if got := requiredOf(`(a|b*)c?`); got != nil {
		t.Errorf("literals %+v", got)
	}
	if mayMatch(`(?i)(wevtutil|clear-eventlog)`, s) || !mayMatch(`(?i)(wevtutil|clear-eventlog)`, s+"CLEAR-EVENTLOG") {
		t.Error("wrong answer for an alternation")
	}
}
