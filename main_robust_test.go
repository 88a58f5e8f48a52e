package main

// Faults the testscript files cannot stage: a report without read
// permission (root reads anything, so the binary runs as nobody), a full or
// read-only file system (a tiny tmpfs when the test may mount one), a
// signal in the middle of a batch, and a 100 MB string.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sigrunBin is the sigrun command testscript.Main put in $PATH.
func sigrunBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("sigrun")
	if err != nil {
		t.Skipf("no sigrun in $PATH: %v", err)
	}
	return bin
}

// runSigrun runs the binary and returns its stdout, stderr and exit code.
func runSigrun(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestCLIUnreadableReport: a report without read permission is one line,
// exit 2, and no output file.
func TestCLIUnreadableReport(t *testing.T) {
	bin := sigrunBin(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		// Root reads a mode-000 file: run a copy of the binary as nobody,
		// from a directory nobody can enter.
		if err := os.Chmod(filepath.Dir(dir), 0o755); err != nil {
			t.Skip(err)
		}
		copyBin := filepath.Join(dir, "sigrun")
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, copyBin, string(b), 0o755)
		bin = copyBin
	}
	report := filepath.Join(dir, "r.json")
	writeFile(t, report, `{"behavior": {}}`, 0o000)
	cmd = exec.Command(bin, report, "-o", filepath.Join(dir, "out.json"))
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	_, stderr, code := runSigrun(t, cmd)
	if code != 2 || stderr != "sigrun: "+report+": permission denied\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an output file was written: %v", err)
	}
}

// mountTmpfs mounts a tmpfs of size bytes on a new
// directory, or skips the test when it cannot.
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	opts := fmt.Sprintf("size=%d", size)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v %s", opts, err, out)
	}
}

// bigReport is a valid report of about n bytes that the stock set merges.
func bigReport(n int) string {
	return `{"behavior": {"summary": {"file_created": ["C:\\x.exe"]}}, "pad": "` + strings.Repeat("p", n) + `"}`
}

// TestCLIWriteFaults: a full disk, a read-only directory and an output
// through a device: a clear error, exit 2, the target byte-identical, no
// temporary file left behind.
func TestCLIWriteFaults(t *testing.T) {
	bin := sigrunBin(t)
	sigs := t.TempDir()
	writeFile(t, filepath.Join(sigs, "creates_exe.lua"), `name = "creates_exe"
description = "Creates an executable"
severity = 2
function run() if check_file(".*exe", {regex = true}) then mark({x = ("m"):rep(100000)}) end end
`, 0o644)

	leftovers := func(t *testing.T, dir string) {
		t.Helper()
		tmp, _ := filepath.Glob(filepath.Join(dir, ".*.sigrun-*"))
		if len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
	}

	t.Run("disk full", func(t *testing.T) {
		var dir string
		var wrap []string
		if os.Geteuid() == 0 {
			dir = mountTmpfs(t, 256<<10)
		} else if p, err := exec.LookPath("prlimit"); err == nil {
			// No tmpfs: a file size limit fails the write the same way.
			dir = t.TempDir()
			wrap = []string{p, "--fsize=150000"}
		} else {
			t.Skip("neither root for a tmpfs nor prlimit")
		}
		report := filepath.Join(dir, "r.json")
		writeFile(t, report, bigReport(120<<10), 0o644)
		sum := fileSum(t, report)
		for _, args := range [][]string{{"--in-place", sigs, report}, {sigs, report, "-o", report}} {
			cmd := exec.Command(bin, args...)
			if wrap != nil {
				cmd = exec.Command(wrap[0], append(wrap[1:], append([]string{bin}, args...)...)...)
			}
			_, stderr, code := runSigrun(t, cmd)
			if code != 2 || !strings.HasPrefix(stderr, "sigrun: "+report+": cannot write: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
			if fileSum(t, report) != sum {
				t.Errorf("%v: the report changed", args)
			}
			leftovers(t, dir)
		}
	})

	t.Run("read-only directory", func(t *testing.T) {
		dir := t.TempDir()
		if os.Geteuid() == 0 {
			dir = mountTmpfs(t, 1<<20)
		}
		report := filepath.Join(dir, "r.json")
		out := filepath.Join(dir, "out.json")
		writeFile(t, report, bigReport(10), 0o644)
		writeFile(t, out, "previous", 0o644)
		if os.Geteuid() == 0 {
			remount(t, dir, "ro")
			defer remount(t, dir, "rw")
		} else {
			os.Chmod(dir, 0o555)
			defer os.Chmod(dir, 0o755)
		}
		for _, args := range [][]string{{"--in-place", sigs, report}, {sigs, report, "-o", out}} {
			target := args[len(args)-1]
			sum := fileSum(t, target)
			_, stderr, code := runSigrun(t, exec.Command(bin, args...))
			if code != 2 || !strings.HasPrefix(stderr, "sigrun: "+target+": cannot write: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
			if fileSum(t, target) != sum {
				t.Errorf("%v: %s changed", args, target)
			}
			leftovers(t, dir)
		}
	})

	t.Run("device", func(t *testing.T) {
		dir := t.TempDir()
		report := filepath.Join(dir, "r.json")
		writeFile(t, report, bigReport(10), 0o644)
		_, stderr, code := runSigrun(t, exec.Command(bin, sigs, report, "-o", os.DevNull))
		if code != 0 {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%s is no longer a device: %v %v", os.DevNull, fi.Mode(), err)
		}
		leftovers(t, "/dev")
	})
}

// TestCLISignalDuringBatch: SIGINT or SIGTERM in the middle of an
// --in-place batch: the reports already written are complete, the others
// byte-identical, nothing temporary is left, and sigrun exits 2 saying
// what was not run.
func TestCLISignalDuringBatch(t *testing.T) {
	if testing.Short() || raceBuild {
		t.Skip("runs a batch for a few seconds (half a minute under -race)")
	}
	bin := sigrunBin(t)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			sigs := filepath.Join(dir, "sigs")
			os.Mkdir(sigs, 0o755)
			writeFile(t, filepath.Join(sigs, "slow.lua"), `name = "slow"
description = "Takes its time"
severity = 1
function run()
  local x = 0
  for i = 1, 2e6 do x = x + i end
  mark({x = x})
end
`, 0o644)
			orig := bigReport(1000)
			// The merged form of every report, from a run without signal.
			writeFile(t, filepath.Join(dir, "ref.json"), orig, 0o644)
			if _, stderr, code := runSigrun(t, exec.Command(bin, sigs, filepath.Join(dir, "ref.json"), "-o", filepath.Join(dir, "ref.out"))); code != 0 {
				t.Fatalf("reference run: exit %d: %s", code, stderr)
			}
			merged, _ := os.ReadFile(filepath.Join(dir, "ref.out"))
			const n = 60
			args := []string{"--in-place", "-j", "1", sigs}
			for i := 0; i < n; i++ {
				p := filepath.Join(dir, fmt.Sprintf("r%02d.json", i))
				writeFile(t, p, orig, 0o644)
				args = append(args, p)
			}
			cmd := exec.Command(bin, args...)
			var stderr bytes.Buffer
			cmd.Stderr, cmd.Stdout = &stderr, io.Discard
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			written := func() int {
				k := 0
				for i := 0; i < n; i++ {
					b, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("r%02d.json", i)))
					if bytes.Equal(b, merged) {
						k++
					}
				}
				return k
			}
			deadline := time.Now().Add(30 * time.Second)
			for written() < 2 && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Errorf("exit: %v, want 2\n%s", err, stderr.String())
			}
			done, untouched := 0, 0
			for i := 0; i < n; i++ {
				p := filepath.Join(dir, fmt.Sprintf("r%02d.json", i))
				b, _ := os.ReadFile(p)
				switch {
				case bytes.Equal(b, merged):
					done++
				case string(b) == orig:
					untouched++
				default:
					t.Errorf("%s is neither the original nor the merged report (%d bytes)", p, len(b))
				}
			}
			if done == 0 || untouched == 0 {
				t.Errorf("%d written, %d untouched: the signal did not land mid-batch", done, untouched)
			}
			if got := strings.Count(stderr.String(), "not run: interrupted"); got != untouched {
				t.Errorf("%d untouched reports, %d 'not run' lines:\n%s", untouched, got, stderr.String())
			}
			tmp, _ := filepath.Glob(filepath.Join(dir, ".*.sigrun-*"))
			if len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
			t.Logf("%s: %d written, %d untouched", sig, done, untouched)
		})
	}
}

// TestCLIHugeString: a report holding one string of 100 MB (a written
// buffer) and a 10 MB command line (what the stock signatures tokenise and
// search) runs the stock set normally: exit 0, no signature error, the
// merge is the report plus signatures, the input unchanged.
func TestCLIHugeString(t *testing.T) {
	bin := sigrunBin(t)
	buf, cmdline := 100<<20, 10<<20
	if testing.Short() || raceBuild {
		buf, cmdline = 4<<20, 1<<20
	}
	dir := t.TempDir()
	report := filepath.Join(dir, "r.json")
	var b bytes.Buffer
	b.WriteString(`{"behavior": {"processes": [{"pid": 1, "process_name": "a.exe", "command_line": "`)
	b.WriteString(strings.Repeat("A", cmdline))
	b.WriteString(`", "calls": [{"api": "NtWriteFile", "category": "file", "arguments": {"HandleName": "C:\\x.exe", "Buffer": "`)
	b.WriteString(strings.Repeat("MZ\\u0000 ", buf/9))
	b.WriteString(`"}}]}], "summary": {"files": ["C:\\a.exe"]}}}`)
	if !json.Valid(b.Bytes()) {
		t.Fatal("bad test report")
	}
	if err := os.WriteFile(report, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, report)
	out := filepath.Join(dir, "out.json")
	stdout, stderr, code := runSigrun(t, exec.Command(bin, "--format", "ndjson", report, "-o", out))
	if code != 0 {
		t.Fatalf("exit %d: %s\n%.2000s", code, stderr, stdout)
	}
	var res struct{ Errors []any }
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || len(res.Errors) > 0 {
		t.Errorf("%v %v", err, res.Errors)
	}
	if fileSum(t, report) != sum {
		t.Error("the report changed")
	}
	merged, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(merged, b.Bytes()[:b.Len()-1]) || !json.Valid(merged) {
		t.Errorf("the merged report is not the report plus signatures: %v", err)
	}
}
