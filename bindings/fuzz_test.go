package bindings

import (
	"bytes"
	"encoding/json"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
	"github.com/sigrun-dev/sigrun/stdlib"
)

// walkProto is a signature that walks the report along a path of bytes
// (the global "path"): at each step it reads #v, pairs, ipairs and next
// over the current value, checks that they agree with indexing, then goes
// down to the child the next byte picks. It marks the values it visits.
const walkSrc = `
function run(results)
  local v = results
  for i = 1, #path do
    if type(v) ~= "table" then break end
    local b = path:byte(i)
    local n, keys = 0, {}
    for k, x in pairs(v) do
      n = n + 1
      keys[n] = k
      assert(v[k] == x or (x ~= x), "pairs and index disagree at " .. tostring(k))
    end
    local m = 0
    local k = next(v)
    while k ~= nil do
      m = m + 1
      assert(m <= n, "next does not end")
      assert(keys[m] == k, "next and pairs disagree")
      k = next(v, k)
    end
    assert(m == n, "next and pairs count differently")
    local l = 0
    for j, x in ipairs(v) do l = j end
    if keys[1] == 1 then assert(l == #v and l == n, "ipairs, # and pairs disagree over an array") end
    assert(getmetatable(v) == "report")
    assert(not pcall(function() v.x = 1 end), "a view is writable")
    tostring(v)
    if b % 4 == 0 then mark(v) end
    if n == 0 then break end
    v = v[keys[b % n + 1]]
    if b % 3 == 0 and type(v) == "table" and #v > 0 then v = v[b % #v + 1] end
  end
  mark({type(v) == "table" and "view" or v})
end`

// FuzzView walks random reports along random paths through the Lua views:
// no panic, no error but the expected ones, and every mark of a view is
// the report's own JSON, compacted.
func FuzzView(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": null, "c": [true, "x"]}], "a": 2, "d": {"e": 1e999}}`), []byte{0, 1, 2, 3, 4})
	f.Add([]byte(`{"behavior": {"processes": [{"pid": 1, "calls": [{"api": "X", "arguments": {"k": "v"}}]}]}}`), []byte{0, 0, 4, 8, 12})
	f.Add([]byte(`{"x": "\ud800", "y": "a\u0000b", "z": 12345678901234567890, "w": [null, null]}`), []byte{3, 7, 11})
	f.Add([]byte("{\"bad\": \"\xff\xfe\", \"k\": {\"k\": {\"k\": []}}}"), []byte{1, 1, 1, 1})
	st := NewState(Options{})
	defer st.Close()
	chunk := compileChunk(f, walkSrc)
	f.Fuzz(func(t *testing.T, report, path []byte) {
		doc, err := jsondoc.Parse(report)
		if err != nil || doc.Kind(doc.Root()) != jsondoc.Object {
			return
		}
		st.SetReport(NewReport(doc))
		defer st.SetReport(nil)
		in, err := st.Instantiate(chunk, "walk", "walk.lua", 1000)
		if err != nil {
			t.Fatal(err)
		}
		in.Env.RawSetString("path", lua.LString(path))
		if _, err := st.Call(in, in.Run, st.Results()); err != nil {
			msg := err.Error()
			// Reports nested deeper than the mark limit or the Lua stack
			// are fine to refuse; anything else is a bug.
			if !bytes.Contains([]byte(msg), []byte("stack overflow")) && !bytes.Contains([]byte(msg), []byte("nested deeper")) {
				t.Fatalf("%s", msg)
			}
			return
		}
		marks, _ := in.Marks()
		for _, m := range marks {
			if !json.Valid(m) {
				t.Fatalf("invalid mark %q", m)
			}
		}
		// A view marks as the compacted report bytes, numbers as written.
		var want bytes.Buffer
		if json.Compact(&want, report) == nil {
			got, err := stdlib.AppendJSON(nil, st.Results())
			if err != nil || !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("mark(results) = %q, %v; want %q", got, err, want.Bytes())
			}
		}
	})
}
