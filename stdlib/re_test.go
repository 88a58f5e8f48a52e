package stdlib

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

func TestRe(t *testing.T) {
	runCases(t, []luaCase{
		{"match anywhere", `return re.match("C:\\Temp\\evil.exe", "\\.exe$")`, "true", false},
		{"match not anchored", `return re.match("xxabcxx", "abc")`, "true", false},
		{"no match", `return re.match("evil.dll", "\\.exe$")`, "false", false},
		{"case-sensitive by default", `return re.match("EVIL.EXE", "\\.exe$")`, "false", false},
		{"inline flag", `return re.match("EVIL.EXE", "(?i)\\.exe$")`, "true", false},
		{"empty pattern", `return re.match("", "")`, "true", false},
		{"unicode", `return re.match("Привет мир", "^\\p{Cyrillic}+ мир$")`, "true", false},
		{"bytes", `return re.match("a\0b", "a\\x00b")`, "true", false},

		{"find whole", `return re.find("pid=1234 ppid=5", "\\d+")`, `"1234"`, false},
		{"find captures", `return re.find("user@example.com", "(\\w+)@([\\w.]+)")`, `"user@example.com", "user", "example.com"`, false},
		{"find unmatched group", `return re.find("ab", "a(x)?(b)")`, `"ab", nil, "b"`, false},
		{"find empty group", `return re.find("ab", "a()b")`, `"ab", ""`, false},
		{"find none", `return re.find("abc", "\\d")`, "nil", false},
		{"find named", `return re.find("k=v", "(?P<key>\\w)=(?P<val>\\w)")`, `"k=v", "k", "v"`, false},

		{"find_all", `return re.find_all("a1b22c333", "\\d+")`, `{"1", "22", "333"}`, false},
		{"find_all n", `return re.find_all("a1b22c333", "\\d+", 2)`, `{"1", "22"}`, false},
		{"find_all huge n", `return re.find_all("a1b22c333", "\\d+", math.huge)`, `{"1", "22", "333"}`, false},
		{"find_all zero n", `return re.find_all("a1b22c333", "\\d+", 0)`, `{}`, false},
		{"find_all NaN n", `return re.find_all("a1", "\\d+", 0/0)`, "bad argument #3 to 're.find_all' (number expected, got NaN)", true},
		{"find_all none", `return re.find_all("abc", "\\d")`, "{}", false},
		{"find_all empty matches", `return re.find_all("abc", "x*")`, `{"", "", "", ""}`, false},

		{"gsub", `return re.gsub("a1b22", "\\d+", "#")`, `"a#b#", 2`, false},
		{"gsub captures", `return re.gsub("john smith", "(\\w+) (\\w+)", "$2, $1")`, `"smith, john", 1`, false},
		{"gsub named", `return re.gsub("k=v", "(?P<k>\\w)=(?P<v>\\w)", "${v}=${k}")`, `"v=k", 1`, false},
		{"gsub n", `return re.gsub("aaaa", "a", "b", 2)`, `"bbaa", 2`, false},
		{"gsub no match", `return re.gsub("abc", "\\d", "x")`, `"abc", 0`, false},
		{"gsub literal dollar", `return re.gsub("a", "a", "$$")`, `"$", 1`, false},
		{"gsub function", `return re.gsub("a1b2", "[a-z](\\d)", function(m, d) return d .. m end)`, `"1a12b2", 2`, false},
		{"gsub function nil keeps", `return re.gsub("a1b2", "\\d", function(m) if m == "1" then return "one" end end)`, `"aoneb2", 2`, false},
		{"gsub function number", `return re.gsub("a1", "\\d", function(m) return tonumber(m) + 1 end)`, `"a2", 1`, false},
		{"gsub function bad result", `return re.gsub("a1", "\\d", function(m) return {} end)`, "re.gsub: replacement function returned table (string, nil or false expected)", true},
		{"gsub function error", `return re.gsub("a1", "\\d", function(m) error("boom") end)`, "boom", true},

		{"split", `return re.split("a, b,c ,d", "\\s*,\\s*")`, `{"a", "b", "c", "d"}`, false},
		{"split n", `return re.split("a,b,c", ",", 2)`, `{"a", "b,c"}`, false},
		{"split no match", `return re.split("abc", ",")`, `{"abc"}`, false},
		{"split empty", `return re.split("", ",")`, `{""}`, false},

		{"bad pattern", `return re.match("x", "(")`, "re: invalid pattern \"(\": error parsing regexp: missing closing ): `(`", true},
		{"bad pattern find", `return re.find("x", "a**")`, `re: invalid pattern "a**"`, true},
		{"backreference unsupported", `return re.match("aa", "(a)\\1")`, `re: invalid pattern "(a)\\1"`, true},
		{"bad pattern with nil subject", `return re.match(nil, "(")`, `re: invalid pattern "("`, true},
	})
}

// Many states on many goroutines share the cache, including while it is dropped for being
// full; run with -race.
func TestReCacheConcurrent(t *testing.T) {
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			L := lua.NewState()
			defer L.Close()
			Open(L, L.G.Global)
			// Shared patterns (hits) interleaved with unique ones that overflow the cache.
			code := fmt.Sprintf(`
				for i = 1, %d do
					assert(re.match("value-" .. i, "^value-\\d+$"), "shared")
					assert(re.match("k%d-" .. i, "^k%d-" .. i .. "$"), "unique")
					assert(re.find("w%d-" .. i, "^w%d-(\\d+)$") == "w%d-" .. i)
				end`, RegexpCacheSize/2, w, w, w, w, w)
			if err := L.DoString(code); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := reCache.n.Load(); n > RegexpCacheSize+workers {
		t.Errorf("cache holds %d entries, bound is %d", n, RegexpCacheSize)
	}
	size := 0
	reCache.m.Range(func(any, any) bool { size++; return true })
	if size > RegexpCacheSize+workers {
		t.Errorf("cache map holds %d entries, bound is %d", size, RegexpCacheSize)
	}
}

func TestCompileLongPatternNotCached(t *testing.T) {
	p := "x{1}" + fmt.Sprintf("%0*d", maxCachedPattern, 0)
	if _, err := Compile(p); err != nil {
		t.Fatal(err)
	}
	if _, ok := reCache.m.Load(p); ok {
		t.Fatal("pattern over the size limit was cached")
	}
}

func BenchmarkReMatchCached(b *testing.B) {
	L := newState(b)
	match := L.GetField(L.GetGlobal("re"), "match")
	s := lua.LString(`C:\Users\admin\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup\evil.exe`)
	p := lua.LString(`(?i)\\start menu\\programs\\startup\\.*\.(exe|scr|lnk)$`)
	b.ReportAllocs()
	for b.Loop() {
		L.Push(match)
		L.Push(s)
		L.Push(p)
		L.Call(2, 1)
		if L.Get(-1) != lua.LTrue {
			b.Fatal("no match")
		}
		L.Pop(1)
	}
}

func BenchmarkReMatchCachedParallel(b *testing.B) {
	s := lua.LString(`C:\Users\admin\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup\evil.exe`)
	p := lua.LString(`(?i)\\start menu\\programs\\startup\\.*\.(exe|scr|lnk)$`)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		L := lua.NewState()
		defer L.Close()
		Open(L, L.G.Global)
		match := L.GetField(L.GetGlobal("re"), "match")
		for pb.Next() {
			L.Push(match)
			L.Push(s)
			L.Push(p)
			L.Call(2, 1)
			L.Pop(1)
		}
	})
}

// The cost of the cache lookup alone, without the Lua call or the matching.
func BenchmarkCompileCacheHit(b *testing.B) {
	p := `(?i)\\start menu\\programs\\startup\\.*\.(exe|scr|lnk)$`
	if _, err := Compile(p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Compile(p)
	}
}

func TestReMatchCap(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	Open(L, L.G.Global)
	L.SetGlobal("s", lua.LString(strings.Repeat("a", maxMatches+10)))
	for _, code := range []string{`re.find_all(s, "")`, `re.gsub(s, "", "x")`, `re.split(s, "")`} {
		err := L.DoString(code)
		if err == nil || !strings.Contains(err.Error(), "more than 1048576 matches") {
			t.Errorf("%s: %v", code, err)
		}
	}
	if err := L.DoString(`assert(#re.find_all(s, "a", 5) == 5)`); err != nil {
		t.Error(err)
	}
}
