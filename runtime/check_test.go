package runtime

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const head = "name = \"x\"\ndescription = \"d\"\nseverity = 1\n"
	cases := []struct {
		name string
		body string // after head: line 4 onwards
		want []string
	}{
		{"clean", `
local seen = {}
local count = 0
local function helper(a) local b = a; return b end
function on_call(call, process)
  count = count + 1
  seen[#seen + 1] = helper(get_argument(call, "x"))
  for i, v in ipairs(seen) do local _ = i .. v end
  if re.match("abc", [[^a\w+$]]) then mark_call() end
end
function run(results)
  local t = {}
  t.x = check_file([[.*\.exe$]], {regex = true, all = true})
  return check_key("HKEY_X", true, false) ~= nil
end`, nil},
		{"undeclared global in hook", `
function run(results)
  total = 1
  return true
end`, []string{"5:3: warning: assignment to undeclared global `total` inside hook run"}},
		{"undeclared global in a local helper", `
local function h()
  n = 1
end
function run() h() end`, []string{"5:3: warning: assignment to undeclared global `n` inside function h"}},
		{"global function defined inside a hook", `
function run()
  function inner() end
end`, []string{"5:12: warning: assignment to undeclared global `inner` inside hook run"}},
		{"built-in replaced", `
function run()
  mark = nil
end`, []string{"5:3: warning: assignment to built-in global `mark` inside hook run replaces it"}},
		{"unknown global read", `
function run()
  return chek_file("x")
end`, []string{"5:10: warning: unknown global `chek_file`: it is nil here", "did you mean `check_file`?"}},
		{"api names", `
filter_apinames = {"NtWriteVirtualMemry", "ntclose", "CreateProcessInternalW", "Zzzzzzzz"}
function on_call() end`, []string{
			`4:20: warning: filter_apinames: "NtWriteVirtualMemry" is not a known API name`, `did you mean "NtWriteVirtualMemory"?`,
			`4:43: warning: filter_apinames: "ntclose" is not a known API name`, `API names are case-sensitive: did you mean "NtClose"?`,
			`4:80: warning: filter_apinames: "Zzzzzzzz" is not a known API name`}},
		{"bad regex in check_", `
function run()
  return check_file("(a", {regex = true})
end`, []string{`5:21: check_file: invalid regex "(a": missing closing ): ` + "`(a`", "parentheses must balance"}},
		{"bad regex positional", `
function run()
  return check_mutex("a**", true)
end`, []string{`5:22: check_mutex: invalid regex "a**": invalid nested repetition operator: ` + "`**`"}},
		{"bad regex in re", `
function run()
  return re.find("x", "(?=a)")
end`, []string{`5:23: re.find: invalid regex "(?=a)"`, "no lookahead or lookbehind"}},
		{"regex without regex = true", `
function run()
  return check_file(".*\\.exe$")
end`, []string{`5:21: warning: check_file: pattern ".*\\.exe$" looks like a regex but is compared as plain text`}},
		{"shadowed re is not checked", `
local re = {find = function() end}
function run() return re.find("x", "(") end`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs, err := LoadOptions{}.Check([]File{{Path: "x.lua", Src: []byte(head + strings.TrimPrefix(c.body, "\n"))}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range errs {
				s := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
				if e.Kind == KindWarning {
					s = fmt.Sprintf("%d:%d: warning: %s", e.Line, e.Col, e.Msg)
				}
				got = append(got, s+"\n"+e.Hint)
			}
			all := strings.Join(got, "\n")
			if len(c.want) == 0 && len(errs) > 0 {
				t.Fatalf("want no problems, got:\n%s", all)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("missing %q in:\n%s", w, all)
				}
			}
		})
	}
}

func TestCheckKinds(t *testing.T) {
	_, errs, _ := LoadOptions{}.Check([]File{{Path: "x.lua", Src: []byte(`name = "x"
description = "d"
severity = 1
function run() return check_file("(", {regex = true}) end
`)}})
	if len(errs) != 1 || errs[0].Kind != KindCheck || errs[0].Signature != "x" {
		t.Fatalf("got %v", errs)
	}
}

func TestSuggestAPI(t *testing.T) {
	for in, want := range map[string]string{
		"NtWriteVirtualMemry":     "NtWriteVirtualMemory",
		"createremotethread":      "CreateRemoteThread",
		"NtMapViewOfSectio":       "NtMapViewOfSection",
		"CompletelyUnrelatedName": "",
	} {
		if got := suggestAPI(in); got != want {
			t.Errorf("suggestAPI(%q) = %q, want %q", in, got, want)
		}
	}
	if !KnownAPI("NtCreateFile") || KnownAPI("ntcreatefile") {
		t.Error("KnownAPI is case-sensitive and knows NtCreateFile")
	}
}
