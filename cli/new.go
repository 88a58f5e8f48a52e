package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

type newCmd struct {
	Name string `arg:"" name:"NAME" help:"Signature name: lowercase letters, digits and _ (e.g. creates_service)."`
	Dir  string `short:"d" default:"." placeholder:"DIR" help:"Directory to write NAME.lua and NAME_test.lua into (created if missing)."`
}

func (c *newCmd) Run(stdio *IO) error {
	if code := newSignature(stdio, c.Name, c.Dir); code != ExitOK {
		return exitError{code}
	}
	return nil
}

var sigNameRE = regexp.MustCompile(`^[a-z0-9_]+$`)

// newSignature writes DIR/NAME.lua and DIR/NAME_test.lua from the
// templates. It never overwrites a file.
func newSignature(stdio *IO, name, dir string) int {
	switch {
	case !sigNameRE.MatchString(name):
		hint := strings.Trim(regexp.MustCompile(`[^a-z0-9_]+`).ReplaceAllString(strings.ToLower(name), "_"), "_")
		if hint == "" {
			hint = "my_signature"
		}
		fmt.Fprintf(stdio.Err, "sigrun: invalid signature name %q: use lowercase letters, digits and _\n\thint: sigrun new %s\n", name, hint)
		return ExitUsage
	case strings.HasSuffix(name, "_test"):
		fmt.Fprintf(stdio.Err, "sigrun: invalid signature name %q: files named *_test.lua are tests, not signatures\n", name)
		return ExitUsage
	}
	sig := filepath.Join(dir, name+".lua")
	test := filepath.Join(dir, name+"_test.lua")
	for _, p := range []string{sig, test} {
		if _, err := os.Lstat(p); err == nil {
			fmt.Fprintf(stdio.Err, "sigrun: %s already exists; not overwriting it\n", p)
			return ExitUsage
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stdio.Err, "sigrun: %s: %v\n", dir, unwrapPath(err))
		return ExitUsage
	}
	if err := writeNew(sig, strings.ReplaceAll(sigTemplate, "NAME", name)); err != nil {
		fmt.Fprintf(stdio.Err, "sigrun: %v\n", err)
		return ExitUsage
	}
	if err := writeNew(test, strings.ReplaceAll(testTemplate, "NAME", name)); err != nil {
		os.Remove(sig)
		fmt.Fprintf(stdio.Err, "sigrun: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(stdio.Out, "created %s\ncreated %s\n\nnext: edit them, then run\n  sigrun test %s\n  sigrun check %s\n", sig, test, dir, dir)
	return ExitOK
}

// writeNew creates path with data, failing if it exists.
func writeNew(path string, data string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; not overwriting it", path)
		}
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if _, err := f.WriteString(data); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	return f.Close()
}

const sigTemplate = `-- NAME: a sigrun signature. Run its tests with "sigrun test", check it
-- with "sigrun check", and get editor completion with "sigrun types".

-- Metadata (read once when the file loads).
name = "NAME"
description = "Writes an executable file to disk"
severity = 2 -- 1 informative, 2 suspicious, 3 malicious
categories = {"generic"}
authors = {"you"}
ttps = {"T1105"}

-- To look at each API call instead, subscribe to the calls you need (they
-- are filtered in Go, so other calls never reach Lua) and define on_call:
--
-- filter_apinames = {"NtWriteFile"}
-- ---@param call sigrun.Call
-- ---@param process sigrun.Process
-- function on_call(call, process)
--   if path.extension(get_argument(call, "HandleName")) == ".exe" then
--     mark_call()
--   end
-- end

-- run is called once per report, after the calls; results is the report.
---@param results sigrun.Results
function run(results)
  for _, file in ipairs(check_write_file([[.*\.(exe|dll|scr)$]], {regex = true, all = true})) do
    mark({file = file})
  end
  return has_marks()
end
`

const testTemplate = `-- Tests for NAME. Each global function test_* is a test; run_signature runs
-- NAME over a report given as a Lua table (or the path of a JSON file next
-- to this one) and returns {matched = ..., data = {...marks...}, error = ...}.

-- A Cuckoo 2.x report where the sample writes files.
local function cuckoo2(written)
  return {behavior = {processes = {}, summary = {file_written = written}}}
end

-- The same in a CAPE report.
local function cape(written)
  return {behavior = {processes = {}, summary = {files = written, write_files = written}}}
end

function test_matches_written_executable()
  local r = run_signature(cuckoo2({[[C:\Users\a\AppData\Local\Temp\x.exe]]}))
  assert_true(r.matched)
  assert_eq(r.data, {{file = [[C:\Users\a\AppData\Local\Temp\x.exe]]}})
end

function test_matches_cape()
  local r = run_signature(cape({[[C:\Windows\Temp\a.DLL]], [[C:\notes.txt]]}))
  assert_true(r.matched)
  assert_eq(#r.data, 1)
end

function test_near_miss_text_file()
  assert_false(run_signature(cuckoo2({[[C:\Users\a\notes.txt]]})).matched)
end
`
