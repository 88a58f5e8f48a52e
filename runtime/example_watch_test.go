package runtime_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// Watch a signature directory and a report: every save of a signature
// reruns the report and gives what matches now.
func ExampleWatch() {
	dir, _ := os.MkdirTemp("", "sigrun-watch")
	defer os.RemoveAll(dir)
	sigs := filepath.Join(dir, "sigs")
	os.Mkdir(sigs, 0o755)
	signature := func(pattern string) []byte {
		return []byte(`name = "creates_exe"
description = "Creates a Windows executable on the filesystem"
severity = 2

function run(results)
  for _, file_name in ipairs(check_file("` + pattern + `", {regex = true, all = true})) do
    mark({file_name = file_name})
  end
  return has_marks()
end
`)
	}
	os.WriteFile(filepath.Join(sigs, "creates_exe.lua"), signature(`.*\\.exe$`), 0o644)
	report := filepath.Join(dir, "report.json")
	os.WriteFile(report, []byte(`{"behavior": {"summary": {"file_created": ["C:\\a.exe", "C:\\b.dll"]}}}`), 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{report}}
	err := sigrt.Watch(ctx, opts, func(u sigrt.Update) {
		for _, m := range u.Results[0].Matches {
			fmt.Printf("%d: %s %s\n", u.Seq, m.Name, m.Data)
		}
		switch u.Seq {
		case 1:
			// The analyst widens the pattern to DLLs and saves (the
			// editor writes a temporary file and renames it).
			tmp := filepath.Join(dir, "creates_exe.lua.tmp")
			os.WriteFile(tmp, signature(`.*\\.(exe|dll)$`), 0o644)
			os.Rename(tmp, filepath.Join(sigs, "creates_exe.lua"))
		case 2:
			cancel()
		}
	})
	fmt.Println("watch ended:", err)
	// Output:
	// 1: creates_exe [{"file_name":"C:\\a.exe"}]
	// 2: creates_exe [{"file_name":"C:\\a.exe"} {"file_name":"C:\\b.dll"}]
	// watch ended: <nil>
}
