package stdlib

import "testing"

func TestPathFunctions(t *testing.T) {
	cases := []struct {
		p, base, dir, ext, norm string
	}{
		{`C:\Windows\System32\cmd.exe`, "cmd.exe", `C:\Windows\System32`, ".exe", `c:\windows\system32\cmd.exe`},
		{`C:/Users/Bob/evil.EXE`, "evil.EXE", `C:/Users/Bob`, ".exe", `c:\users\bob\evil.exe`},
		{`C:\a.exe`, "a.exe", `C:\`, ".exe", `c:\a.exe`},
		{`C:\`, "", `C:\`, "", `c:\`},
		{`C:`, "", `C:`, "", `c:`},
		{`C:foo.txt`, "foo.txt", `C:`, ".txt", `c:foo.txt`},
		{`a.exe`, "a.exe", "", ".exe", `a.exe`},
		{``, "", "", "", ""},
		{`\`, "", `\`, "", `\`},
		{`\x.dll`, "x.dll", `\`, ".dll", `\x.dll`},
		{`C:\dir\`, "dir", `C:\`, "", `c:\dir`},
		{`C:\\dir\\\sub\\\`, "sub", `C:\\dir`, "", `c:\dir\sub`},
		{`C:\dir\archive.tar.GZ`, "archive.tar.GZ", `C:\dir`, ".gz", `c:\dir\archive.tar.gz`},
		{`C:\dir\.profile`, ".profile", `C:\dir`, "", `c:\dir\.profile`},
		{`C:\dir\noext`, "noext", `C:\dir`, "", `c:\dir\noext`},
		{`C:\dir\trick.exe. . `, "trick.exe. . ", `C:\dir`, ".exe", `c:\dir\trick.exe. . `},
		{`C:\dir.d\noext`, "noext", `C:\dir.d`, "", `c:\dir.d\noext`},
		{`\\?\C:\Windows\Temp\x.bat`, "x.bat", `\\?\C:\Windows\Temp`, ".bat", `c:\windows\temp\x.bat`},
		{`\??\C:\Windows\x.sys`, "x.sys", `\??\C:\Windows`, ".sys", `c:\windows\x.sys`},
		{`\\.\PhysicalDrive0`, "PhysicalDrive0", `\\.`, "", `physicaldrive0`},
		{`\\?\UNC\Server\Share\f.doc`, "f.doc", `\\?\UNC\Server\Share`, ".doc", `\\server\share\f.doc`},
		{`\\Server\Share\f.doc`, "f.doc", `\\Server\Share`, ".doc", `\\server\share\f.doc`},
		{`//server/share//f`, "f", `//server/share`, "", `\\server\share\f`},
		{`C:\Windows\..\Temp\.\x.exe`, "x.exe", `C:\Windows\..\Temp\.`, ".exe", `c:\temp\x.exe`},
		{`C:\..\..\x`, "x", `C:\..\..`, "", `c:\x`},
		{`..\a\..\..\b`, "b", `..\a\..\..`, "", `..\..\b`},
		{`C:\ÜBER\Файл.TXT`, "Файл.TXT", `C:\ÜBER`, ".txt", `c:\über\файл.txt`},
	}
	for _, c := range cases {
		if got := Basename(c.p); got != c.base {
			t.Errorf("Basename(%q) = %q, want %q", c.p, got, c.base)
		}
		if got := Dirname(c.p); got != c.dir {
			t.Errorf("Dirname(%q) = %q, want %q", c.p, got, c.dir)
		}
		if got := Extension(c.p); got != c.ext {
			t.Errorf("Extension(%q) = %q, want %q", c.p, got, c.ext)
		}
		if got := Normalize(c.p); got != c.norm {
			t.Errorf("Normalize(%q) = %q, want %q", c.p, got, c.norm)
		}
		if n := Normalize(c.norm); n != c.norm && c.norm != `physicaldrive0` {
			t.Errorf("Normalize is not idempotent on %q: %q", c.norm, n)
		}
	}
}

func TestPathIsUnder(t *testing.T) {
	cases := []struct {
		p, dir string
		want   bool
	}{
		{`C:\Windows\System32\x.dll`, `c:\windows`, true},
		{`C:/WINDOWS/x.dll`, `C:\Windows\`, true},
		{`C:\Windows`, `C:\Windows`, true},
		{`C:\Windows2\x.dll`, `C:\Windows`, false},
		{`C:\Windows\..\Temp\x.exe`, `C:\Windows`, false},
		{`\\?\C:\Windows\Temp\x`, `C:\Windows\Temp`, true},
		{`C:\x`, `C:\`, true},
		{`D:\x`, `C:\`, false},
		{`C:\x`, ``, false},
		{`C:\Users\a\AppData\Roaming\x`, `c:\users\a\appdata`, true},
		{`\\server\share\x`, `\\SERVER\share`, true},
	}
	for _, c := range cases {
		if got := IsUnder(c.p, c.dir); got != c.want {
			t.Errorf("IsUnder(%q, %q) = %v, want %v", c.p, c.dir, got, c.want)
		}
	}
}

func TestPathJoin(t *testing.T) {
	cases := []struct {
		in   []string
		want string
	}{
		{[]string{`C:\`, "Windows", "x.exe"}, `C:\Windows\x.exe`},
		{[]string{`C:\dir\`, `\sub\`, "f"}, `C:\dir\sub\f`},
		{[]string{"a", "", "b"}, `a\b`},
		{[]string{`\`, "a"}, `\a`},
		{[]string{"C:", "a"}, `C:\a`},
		{[]string{"a/", "/b"}, `a\b`},
		{nil, ""},
	}
	for _, c := range cases {
		if got := Join(c.in...); got != c.want {
			t.Errorf("Join(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPathFromLua(t *testing.T) {
	runCases(t, []luaCase{
		{"basename", `return path.basename("C:\\a\\b.exe")`, `"b.exe"`, false},
		{"dirname", `return path.dirname("C:\\a\\b.exe")`, `"C:\\a"`, false},
		{"extension", `return path.extension("C:\\a\\b.EXE"), path.extension("C:\\a\\b")`, `".exe", ""`, false},
		{"normalize", `return path.normalize("\\\\?\\C:/A//B")`, `"c:\\a\\b"`, false},
		{"join", `return path.join("C:\\", "a", "b.exe")`, `"C:\\a\\b.exe"`, false},
		{"is_under", `return path.is_under("C:\\Windows\\x", "c:\\windows"), path.is_under("C:\\Win\\x", "c:\\windows")`, "true, false", false},
	})
}
