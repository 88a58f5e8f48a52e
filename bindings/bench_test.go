package bindings

// Per-call costs of the Go-Lua bridge, on the calls of a generated report:
//
//	go test -run '^$' -bench . -count 6 ./bindings/ | tee b.txt; benchstat b.txt

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
	"github.com/sigrun-dev/sigrun/runtime/reportgen"
)

// benchCalls is a parsed generated report of the layout and its calls.
func benchCalls(b *testing.B, layout string) (*Report, []jsondoc.Node) {
	b.Helper()
	var buf bytes.Buffer
	if err := reportgen.Write(&buf, reportgen.Options{Layout: layout, Calls: 4096, Processes: 1}); err != nil {
		b.Fatal(err)
	}
	doc, err := jsondoc.Parse(buf.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	rep := NewReport(doc)
	var calls []jsondoc.Node
	for _, p := range rep.Processes {
		for i := range doc.Len(p.Calls) {
			c, _ := doc.Index(p.Calls, i)
			calls = append(calls, c)
		}
	}
	return rep, calls
}

// BenchmarkOnCall delivers the report's calls, one per iteration, to an
// on_call hook the way the evented pass does: a view of the call, the
// process table, a protected call.
func BenchmarkOnCall(b *testing.B) {
	hooks := []struct{ name, body string }{
		{"empty", ``},
		{"field", `local a = call.api`},
		{"get_argument", `local h = get_argument(call, "Handle") or get_argument(call, "handle")`},
		{"two_arguments", `local h = get_argument(call, "Handle") or get_argument(call, "handle")
		  local k = get_argument(call, "FullName") or get_argument(call, "regkey")`},
		{"two_arguments_variadic", `local h = get_argument(call, "Handle", "handle")
		  local k = get_argument(call, "FullName", "regkey")`},
		// Two get_argument calls, one name each as the layout spells it
		// (%[1]s, %[2]s are filled in below).
		{"two_arguments_spelt", `local h = get_argument(call, %[1]q)
		  local k = get_argument(call, %[2]q)`},
		// The floor: two calls of a Go helper that does nothing.
		{"two_go_calls", `local h = to_int(nil)
		  local k = to_int(nil)`},
	}
	spelling := map[string][]any{"cape": {"Handle", "FullName"}, "cuckoo2": {"handle", "regkey"}}
	for _, layout := range []string{"cape", "cuckoo2"} {
		rep, calls := benchCalls(b, layout)
		for _, h := range hooks {
			b.Run(layout+"/"+h.name, func(b *testing.B) {
				st := NewState(Options{})
				defer st.Close()
				st.SetReport(rep)
				body := h.body
				if strings.Contains(body, "%[1]") {
					body = fmt.Sprintf(body, spelling[layout]...)
				}
				in, err := st.Instantiate(compileChunk(b, "function on_call(call, process)\n"+body+"\nend"), "b", "b.lua", 50)
				if err != nil {
					b.Fatal(err)
				}
				proc := st.ProcessTable(in, 0)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					v := st.Value(rep.Doc, calls[i%len(calls)])
					if _, err := st.Call(in, in.OnCall, v, proc); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
	}
}

// BenchmarkArgument is the Go side of get_argument: a cold lookup (a new
// call each time) and a warm one (the same call, as when several
// get_argument calls or signatures read one call).
func BenchmarkArgument(b *testing.B) {
	for _, layout := range []string{"cape", "cuckoo2"} {
		rep, calls := benchCalls(b, layout)
		name := map[string]string{"cape": "FullName", "cuckoo2": "regkey"}[layout]
		b.Run(layout+"/cold", func(b *testing.B) {
			st := NewState(Options{})
			defer st.Close()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				st.Argument(rep.Doc, calls[i%len(calls)], name)
				i++
			}
		})
		b.Run(layout+"/warm", func(b *testing.B) {
			st := NewState(Options{})
			defer st.Close()
			b.ReportAllocs()
			for b.Loop() {
				st.Argument(rep.Doc, calls[7], name)
			}
		})
	}
}

// BenchmarkInstantiate is the per-report, per-signature cost of a fresh
// environment: library copies, running the chunk's top level.
func BenchmarkInstantiate(b *testing.B) {
	proto := compileChunk(b, `name = "x"
description = "x"
severity = 1
filter_apinames = {"NtCreateFile", "NtOpenFile"}
local seen, n = {}, 0
function on_call(call, process) n = n + 1 end
function run(results) return n > 0 end`)
	st := NewState(Options{})
	defer st.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.Instantiate(proto, "x", "x.lua", 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContextCheck is what gopher-lua's per-instruction check of the
// state's context (a select in mainLoopWithContext, the only way a running
// signature can be stopped) costs on a loop of arithmetic: without a
// context, with a cancellable one, and with the State's kill context, whose
// Done channel is nil until the kill.
func BenchmarkContextCheck(b *testing.B) {
	const src = `local x = 0
for i = 1, 100000 do x = x + i % 7 end
return x`
	for _, name := range []string{"without_context", "cancel_context", "kill_context"} {
		b.Run(name, func(b *testing.B) {
			L := lua.NewState(lua.Options{SkipOpenLibs: true})
			defer L.Close()
			switch name {
			case "cancel_context":
				ctx, cancel := context.WithCancelCause(context.Background())
				defer cancel(nil)
				L.SetContext(ctx)
			case "kill_context":
				L.SetContext(new(killCtx))
			}
			fn, err := L.LoadString(src)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				L.Push(fn)
				if err := L.PCall(0, 1, nil); err != nil {
					b.Fatal(err)
				}
				L.Pop(1)
			}
		})
	}
}
