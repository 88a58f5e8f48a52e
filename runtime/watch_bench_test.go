package runtime_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/signatures"
)

// synthCuckoo2 writes a synthetic Cuckoo 2.x report of about size bytes:
// a few processes whose calls repeat a mix of the APIs the stock
// signatures subscribe to, with a summary and apistats.
func synthCuckoo2(size int) []byte {
	type call struct{ api, cat, args string }
	mix := []call{
		{"NtCreateFile", "file", `{"file_handle": "0x000000a4", "filepath": "C:\\Users\\admin\\AppData\\Local\\Temp\\f%d.tmp", "desired_access": "0x80100080", "create_disposition": 1}`},
		{"NtReadFile", "file", `{"file_handle": "0x000000a4", "length": 4096, "offset": %d}`},
		{"NtAllocateVirtualMemory", "process", `{"process_handle": "0xffffffff", "base_address": "0x00%06x", "region_size": "0x00001000", "protection": 64}`},
		{"NtWriteVirtualMemory", "process", `{"process_handle": "0x0000011c", "base_address": "0x00%06x", "buffer": "MZ\u0090\u0000", "buffer_size": 4096}`},
		{"RegOpenKeyExW", "registry", `{"base_handle": "0x80000002", "regkey": "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\k%d", "access": "0x00020019"}`},
		{"LdrGetProcedureAddress", "system", `{"module_address": "0x76d40000", "function_name": "GetProcAddress", "ordinal": %d}`},
		{"NtDelayExecution", "system", `{"milliseconds": %d, "status": "Skipped"}`},
		{"Process32NextW", "process", `{"snapshot_handle": "0x000000b0", "process_name": "svchost.exe", "process_identifier": %d}`},
		{"getaddrinfo", "network", `{"hostname": "h%d.example.com", "service_name": "80"}`},
		{"InternetOpenUrlA", "network", `{"url": "http://h%d.example.com/payload.bin", "flags": 0}`},
	}
	var b bytes.Buffer
	b.WriteString(`{"info": {"id": 1, "package": "exe", "version": "2.0.7"}, "target": {"category": "file", "file": {"name": "sample.exe"}}, "behavior": {"processes": [`)
	perProc := size / 4 / 230
	pid := 1000
	apistats := map[string]int{}
	for p := 0; p < 4; p++ {
		if p > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"pid": %d, "ppid": %d, "process_name": "p%d.exe", "process_path": "C:\\Users\\admin\\AppData\\Local\\Temp\\p%d.exe", "command_line": "\"C:\\Users\\admin\\AppData\\Local\\Temp\\p%d.exe\" -x", "first_seen": 1500000000.5, "calls": [`, pid+p, pid+p-1, p, p, p)
		for i := range perProc {
			c := mix[(i*7+p)%len(mix)]
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `{"category": %q, "status": 1, "stacktrace": [], "api": %q, "return_value": 0, "arguments": `+c.args+`, "time": %d.%03d, "tid": %d, "flags": {}}`,
				c.cat, c.api, i, 1500000000+i/1000, i%1000, 2000+p)
			apistats[c.api]++
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`], "summary": {"file_created": ["C:\\Users\\admin\\AppData\\Roaming\\evil.exe"], "file_written": ["C:\\Users\\admin\\AppData\\Roaming\\evil.exe"], "regkey_written": ["HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\evil"], "mutex": ["Global\\m1"], "command_line": ["cmd.exe /c vssadmin delete shadows /all /quiet"], "resolves_host": ["h1.example.com"], "connects_ip": ["203.0.113.7"]}, "apistats": {"1000": {`)
	keys := make([]string, 0, len(apistats))
	for k := range apistats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q: %d", k, apistats[k])
	}
	b.WriteString(`}}}, "network": {"hosts": ["203.0.113.7"], "domains": [{"domain": "h1.example.com", "ip": "203.0.113.7"}]}}`)
	return b.Bytes()
}

// copyStock writes the stock signatures under dir.
func copyStock(tb testing.TB, dir string) {
	tb.Helper()
	err := fs.WalkDir(signatures.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(signatures.FS, p)
		if err == nil {
			write(tb, filepath.Join(dir, filepath.FromSlash(p)), string(data))
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// probeOrder is the order of the probe signature: 1 like the stock set,
// so an edit reruns the probe alone; 2 to make every rerun a full one.
var probeOrder = 1

func probeSrc(n int) string {
	return fmt.Sprintf(`name = "probe"
description = "the signature being edited"
severity = 1
order = `+strconv.Itoa(probeOrder)+`
filter_apinames = {"NtWriteVirtualMemory"}
function on_call(call, process)
  mark({save = %d, pid = process.pid})
  return true
end
`, n)
}

// probeSave is the save number a result shows, or -1.
func probeSave(u sigrt.Update) int {
	if len(u.Results) == 0 || u.Results[0] == nil {
		return -1
	}
	for _, m := range u.Results[0].Matches {
		if m.Name == "probe" && len(m.Data) > 0 {
			s := string(m.Data[0])
			if i := strings.Index(s, `"save":`); i >= 0 {
				n, _ := strconv.Atoi(strings.TrimRight(strings.SplitN(s[i+7:], ",", 2)[0], "}"))
				return n
			}
		}
	}
	return -1
}

// BenchmarkWatchSave measures save-to-new-result latency: one signature of
// the stock set is saved, and the time runs until Watch delivers the rerun
// of a 10 MB report that shows the saved version; then 100 rapid saves.
// "full" makes the edited signature one of a higher order, so that every
// rerun runs the whole set. Run with -benchtime=20x.
//
//	go test -run '^$' -bench WatchSave -benchtime 20x ./runtime
func BenchmarkWatchSave(b *testing.B) {
	for _, order := range []int{1, 2} {
		name := "edited-only"
		if order == 2 {
			name = "full"
		}
		b.Run(name, func(b *testing.B) {
			probeOrder = order
			benchmarkWatchSave(b)
		})
	}
}

func benchmarkWatchSave(b *testing.B) {
	dir := b.TempDir()
	sigs := filepath.Join(dir, "sigs")
	copyStock(b, sigs)
	probe := filepath.Join(sigs, "probe.lua")
	write(b, probe, probeSrc(0))
	rep := filepath.Join(dir, "report.json")
	data := synthCuckoo2(10 << 20)
	if err := os.WriteFile(rep, data, 0o644); err != nil {
		b.Fatal(err)
	}
	r := startWatch(b, sigrt.WatchOptions{Sources: []string{sigs}, Reports: []string{rep}, Debounce: 50 * time.Millisecond, Engine: sigrt.Options{Timeout: 30 * time.Second}})
	u := r.wait(b, 0, "the first run", func(u sigrt.Update) bool { return probeSave(u) == 0 })
	if len(u.Results[0].Errors) > 0 {
		b.Logf("runtime errors: %v", u.Results[0].Errors)
	}
	b.Logf("report %.1f MB, %d signatures, %d matches", float64(len(data))/(1<<20), u.Set.Len(), len(u.Results[0].Matches))

	var lat []time.Duration
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		start := time.Now()
		if i%2 == 0 {
			renameSave(b, probe, probeSrc(i))
		} else {
			write(b, probe, probeSrc(i))
		}
		u = r.wait(b, u.Seq, "save "+strconv.Itoa(i), func(u sigrt.Update) bool { return probeSave(u) == i })
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "ms-p90")
	b.Logf("latencies: %v", lat)

	// 100 rapid saves of the probe (plain and by rename) end in the state
	// of the last one, equal to a cold run, with no stale result after it.
	first := u.Seq
	start := time.Now()
	last := 1000 + 99
	for i := 1000; i <= last; i++ {
		if i%2 == 0 {
			renameSave(b, probe, probeSrc(i))
		} else {
			write(b, probe, probeSrc(i))
		}
	}
	saved := time.Since(start)
	u = r.wait(b, first, "the last rapid save", func(u sigrt.Update) bool { return probeSave(u) == last })
	settled := time.Since(start)
	set, _, err := sigrt.LoadDir(sigs)
	if err != nil {
		b.Fatal(err)
	}
	if a, c := jsonOf(b, u.Results[0]), jsonOf(b, coldResult(b, set, rep)); a != c {
		b.Errorf("after 100 saves the watch result differs from a cold run")
	}
	write(b, filepath.Join(sigs, "sentinel.lua"), sigSrc("sentinel", "x"))
	r.wait(b, u.Seq, "sentinel", func(u sigrt.Update) bool { return u.Set.Lookup("sentinel") != nil })
	r.mu.Lock()
	for _, v := range r.updates[u.Seq:] {
		if v.Set.Lookup("sentinel") == nil && probeSave(v) != last {
			b.Errorf("stale update %d after the final state (save %d)", v.Seq, probeSave(v))
		}
	}
	r.mu.Unlock()
	b.Logf("100 rapid saves: written in %v, final state after %v, %d reruns, equal to a cold run", saved.Round(time.Millisecond), settled.Round(time.Millisecond), u.Seq-first)
}
