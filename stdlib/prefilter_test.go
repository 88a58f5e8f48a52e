package stdlib

import (
	"regexp"
	"testing"
)

// The prefilter never rejects a subject the regexp matches.
func TestPrefilter(t *testing.T) {
	subjects := []string{
		`HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Updater`,
		`hkey_local_machine\software\microsoft\windows nt\currentversion\winlogon\shell`,
		`C:\Users\x\AppData\Roaming\svc.EXE`, `C:\Windows\System32\kernel32.dll`, "", "K\u212Aelvin",
	}
	for _, p := range []string{
		`(?i)^(?:.*\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\.*)`,
		`(?i)^(?:.*\\winlogon\\(shell|userinit))`, `(?i)^(?:.*\.(exe|dll|scr)$)`, `(?i)^(?:.*)`,
		`(?i)^(?:kkelvin)`, `^(?:C:\\Windows)`, `(?i)^(?:.*svc\.exe)`,
	} {
		re := regexp.MustCompile(p)
		pf := NewPrefilter(p)
		for _, s := range subjects {
			if re.MatchString(s) && !pf.MightMatch(s) {
				t.Errorf("%s: rejects %q, which matches", p, s)
			}
			if pf.MightMatch(s) != pf.MightMatchLower(s, asciiLower(s)) {
				t.Errorf("%s: MightMatch and MightMatchLower disagree on %q", p, s)
			}
		}
	}
	if pf := NewPrefilter(`(?i)^(?:.*\\winlogon\\shell)`); pf.MightMatch(`C:\Windows\System32\kernel32.dll`) {
		t.Error("a subject without the literal passes")
	}
	if !(Prefilter{}).MightMatch("x") {
		t.Error("the zero Prefilter rejects")
	}
}
