package runtime_test

import (
	"context"
	"fmt"
	"os"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// Load a directory, run one report, print what matched.
func ExampleEngine_Run() {
	set, loadErrs, err := sigrt.Load(os.DirFS("testdata/example"), "sigs")
	if err != nil || len(loadErrs) > 0 {
		fmt.Println(err, loadErrs)
		return
	}
	eng := sigrt.NewEngine(set, sigrt.Options{Jobs: 2})
	defer eng.Close()

	rep, err := sigrt.ReadReport("testdata/example/report.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := eng.Run(context.Background(), rep)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.Matches {
		fmt.Printf("%d %s %s\n", m.Severity, m.Name, m.Data[0])
	}
	// Output:
	// 3 writes_remote_memory {"type":"call","pid":100,"cid":1,"call":{"api":"WriteProcessMemory","category":"process","arguments":{"ProcessHandle":"0x1c","Buffer":"MZ"}}}
	// 2 creates_exe {"file_name":"C:\\Users\\x\\AppData\\evil.exe"}
}

// Merge the matches into the report: the sandbox's own entries stay, the
// array is sorted by severity, and nothing else in the file changes.
func ExampleMerge() {
	set, _, _ := sigrt.LoadDir("testdata/example/sigs")
	eng := sigrt.NewEngine(set, sigrt.Options{})
	defer eng.Close()
	rep, _ := sigrt.ReadReport("testdata/example/report.json")
	res, _ := eng.Run(context.Background(), rep)

	merged, err := sigrt.Merge(rep, res)
	if err != nil {
		fmt.Println(err)
		return
	}
	again, _ := sigrt.ParseReport("merged.json", merged)
	for _, name := range sigrt.SignatureNames(again) {
		fmt.Println(name)
	}
	// Output:
	// writes_remote_memory
	// creates_exe
	// sandbox_rule
}

// A broken signature is reported with its position and never stops the
// others.
func ExampleError() {
	set, loadErrs, _ := sigrt.LoadFiles([]sigrt.File{
		{Path: "sigs/typo.lua", Src: []byte("name = \"typo\"\ndescription = \"x\"\nseverty = 2\nfunction run() return true end\n")},
		{Path: "sigs/ok.lua", Src: []byte("name = \"ok\"\ndescription = \"x\"\nseverity = 1\nfunction run() return true end\n")},
	})
	for _, e := range loadErrs {
		fmt.Println(e)
	}
	fmt.Println(set.Len(), "signature loaded")
	// Output:
	// sigs/typo.lua:3: missing required metadata `severity`
	// 	3 | severty = 2
	// 	hint: line 3 sets `severty`: did you mean `severity`?
	// sigs/typo.lua:3: warning: unknown metadata key `severty`
	// 	3 | severty = 2
	// 	hint: did you mean `severity`?
	// 1 signature loaded
}

// An embedding tool can give signatures its own Go functions.
func ExampleLoadOptions() {
	known := map[string]bool{"evil.top": true}
	opts := sigrt.LoadOptions{Funcs: map[string]any{
		"is_known_bad": func(domain string) bool { return known[domain] },
	}}
	set, _, err := opts.LoadFiles([]sigrt.File{{Path: "intel.lua", Src: []byte(`
name = "known_bad_domain"
description = "Resolves a domain from our threat feed"
severity = 3
function run(results)
  for _, d in ipairs(check_domain(".*", {regex = true, all = true})) do
    if is_known_bad(d) then mark_ioc("domain", d) end
  end
end`)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	eng := sigrt.NewEngine(set, sigrt.Options{})
	defer eng.Close()
	rep, _ := sigrt.ParseReport("r.json", []byte(`{"network": {"dns": [{"request": "ok.com"}, {"request": "evil.top"}]}}`))
	res, _ := eng.Run(context.Background(), rep)
	fmt.Printf("%s %s\n", res.Matches[0].Name, res.Matches[0].Data[0])
	// Output:
	// known_bad_domain {"category":"domain","ioc":"evil.top","type":"ioc"}
}
