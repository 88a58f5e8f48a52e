package stdlib

import (
	"strings"
	"testing"
)

func TestStringHelpers(t *testing.T) {
	runCases(t, []luaCase{
		{"startswith", `return string.startswith("C:\\Windows", "C:\\"), string.startswith("C:\\Windows", "c:\\")`, "true, false", false},
		{"startswith nocase bool", `return string.startswith("C:\\Windows", "c:\\win", true)`, "true", false},
		{"startswith nocase opts", `return string.startswith("C:\\Windows", "c:\\win", {nocase = true})`, "true", false},
		{"startswith opts false", `return string.startswith("C:\\Windows", "c:\\win", {nocase = false}), string.startswith("C:\\Windows", "c:\\win", {})`, "false, false", false},
		{"startswith empty prefix", `return string.startswith("x", ""), string.startswith("", "")`, "true, true", false},
		{"startswith longer prefix", `return string.startswith("ab", "abc", true)`, "false", false},
		{"startswith unicode fold", `return string.startswith("ÉCOLE", "éc", true), string.startswith("ΣΊΣΥΦΟΣ", "σίσ", true)`, "true, true", false},
		{"startswith kelvin", `return string.startswith("\226\132\170elvin", "kel", true)`, "true", false}, // U+212A KELVIN SIGN
		{"startswith invalid bytes", `return string.startswith("\255a", "\254a", true), string.startswith("\255a", "\255A", true)`, "false, true", false},

		{"endswith", `return string.endswith("evil.EXE", ".EXE"), string.endswith("evil.EXE", ".exe")`, "true, false", false},
		{"endswith nocase", `return string.endswith("evil.EXE", ".exe", true), ("evil.EXE"):endswith(".exe", {nocase = true})`, "true, true", false},
		{"endswith unicode", `return string.endswith("straße", "SSE", true), string.endswith("STRASSE", "ße", true)`, "false, false", false},
		{"endswith multibyte fold", `return string.endswith("ÜBER", "über", true), string.endswith("x\226\132\170", "k", true)`, "true, true", false},
		{"endswith longer suffix", `return string.endswith("e", "exe", true)`, "false", false},

		{"contains", `return string.contains("cmd /c vssadmin delete", "vssadmin"), string.contains("abc", "")`, "true, true", false},
		{"contains nocase", `return string.contains("cmd /c VSSADMIN delete", "vssadmin", true), string.contains("abc", "x", true)`, "true, false", false},
		{"contains plain not pattern", `return string.contains("a.b", "."), string.contains("ab", "."), string.contains("50%", "%")`, "true, false, true", false},
		{"contains unicode nocase", `return string.contains("Привет МИР", "мир", true)`, "true", false},

		{"split", `return string.split("a,b,,c", ",")`, `{"a", "b", "", "c"}`, false},
		{"split n", `return string.split("a,b,c", ",", 2)`, `{"a", "b,c"}`, false},
		{"split plain", `return string.split("a.b.c", ".")`, `{"a", "b", "c"}`, false},
		{"split multi-char sep", `return string.split("a::b::c", "::")`, `{"a", "b", "c"}`, false},
		{"split no sep", `return string.split("abc", ",")`, `{"abc"}`, false},
		{"split empty string", `return string.split("", ",")`, `{""}`, false},
		{"split empty sep", `return string.split("añb", "")`, `{"a", "ñ", "b"}`, false},
		{"split method", `return ("1 2 3"):split(" ")`, `{"1", "2", "3"}`, false},

		{"trim", `return string.trim("  \t x y \n ")`, `"x y"`, false},
		{"trim unicode space", `return string.trim("\194\160x\226\128\131")`, `"x"`, false},
		{"trim chars", `return string.trim("\"quoted\"", "\""), string.trim("xxaxx", "x")`, `"quoted", "a"`, false},
		{"trim all", `return string.trim("   ")`, `""`, false},
	})
}

func TestFoldHelpers(t *testing.T) {
	cases := []struct {
		s, p   string
		prefix bool
		suffix bool
	}{
		{"Hello", "hE", true, false},
		{"Hello", "LO", false, true},
		{"\u212Aelvin", "KEL", true, false},
		{"a\u017F", "AS", true, true}, // ſ folds to s
		{"", "", true, true},
		{"a", "", true, true},
		{"", "a", false, false},
		{"\xffx", "\xffX", true, true},
		{"\xffx", "\xfeX", false, false},
		{"\ufffdx", "\xffx", false, false}, // a real U+FFFD is not an invalid byte
	}
	for _, c := range cases {
		if got := hasPrefixFold(c.s, c.p); got != c.prefix {
			t.Errorf("hasPrefixFold(%q, %q) = %v", c.s, c.p, got)
		}
		if got := hasSuffixFold(c.s, c.p); got != c.suffix {
			t.Errorf("hasSuffixFold(%q, %q) = %v", c.s, c.p, got)
		}
		if c.prefix || c.suffix {
			if !containsFold(c.s, c.p) {
				t.Errorf("containsFold(%q, %q) = false", c.s, c.p)
			}
		}
	}
	// Agrees with strings.EqualFold on whole strings.
	for _, pair := range [][2]string{{"Straße", "STRASSE"}, {"ǅ", "ǆ"}, {"ΣΑΣ", "σας"}, {"K", "\u212A"}, {"a\xff", "A\xff"}} {
		want := strings.EqualFold(pair[0], pair[1])
		n, ok := foldPrefixLen(pair[0], pair[1])
		got := ok && n == len(pair[0])
		if got != want {
			t.Errorf("fold %q %q: got %v, strings.EqualFold %v", pair[0], pair[1], got, want)
		}
	}
}
