package reportgen_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
	"github.com/sigrun-dev/sigrun/runtime/reportgen"
)

func gen(t testing.TB, o reportgen.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := reportgen.Write(&b, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type report struct {
	Behavior struct {
		Processes []struct {
			Calls []map[string]any `json:"calls"`
		} `json:"processes"`
		Summary  map[string][]string       `json:"summary"`
		APIStats map[string]map[string]int `json:"apistats"`
	} `json:"behavior"`
	Network map[string]any `json:"network"`
}

func decode(t *testing.T, data []byte) report {
	t.Helper()
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLayouts(t *testing.T) {
	for _, layout := range []string{"cape", "cuckoo2"} {
		t.Run(layout, func(t *testing.T) {
			const calls = 20000
			data := gen(t, reportgen.Options{Layout: layout, Calls: calls, Processes: 5})
			rep, err := sigrt.ParseReport("gen.json", data)
			if err != nil {
				t.Fatal(err)
			}
			if got := rep.Layout(); got != layout {
				t.Errorf("detected layout %q, want %q", got, layout)
			}
			r := decode(t, data)
			if n := len(r.Behavior.Processes); n != 5 {
				t.Errorf("%d processes, want 5", n)
			}
			n, stats := 0, 0
			for _, p := range r.Behavior.Processes {
				n += len(p.Calls)
				for _, c := range p.Calls {
					args := c["arguments"]
					switch layout {
					case "cape":
						if _, ok := args.([]any); !ok {
							t.Fatalf("CAPE arguments are %T, want a list", args)
						}
					case "cuckoo2":
						if _, ok := args.(map[string]any); !ok {
							t.Fatalf("Cuckoo 2 arguments are %T, want an object", args)
						}
					}
				}
			}
			if n != calls {
				t.Errorf("%d calls, want %d", n, calls)
			}
			for _, per := range r.Behavior.APIStats {
				for _, c := range per {
					stats += c
				}
			}
			if layout == "cuckoo2" && stats != calls {
				t.Errorf("apistats count %d calls, want %d", stats, calls)
			}
			if len(r.Behavior.Summary) < 8 || len(r.Network) < 5 {
				t.Errorf("summary has %d lists, network %d sections", len(r.Behavior.Summary), len(r.Network))
			}
		})
	}
}

// Every API a stock signature subscribes to in the table occurs in a
// report of moderate size, so benchmarks exercise their hooks.
func TestAPIMix(t *testing.T) {
	r := decode(t, gen(t, reportgen.Options{Calls: 200000}))
	seen := map[string]int{}
	for _, p := range r.Behavior.Processes {
		for _, c := range p.Calls {
			seen[c["api"].(string)]++
		}
	}
	for _, api := range []string{"NtDelayExecution", "LdrGetProcedureAddress", "CreateProcessInternalW", "NtWriteVirtualMemory",
		"NtResumeThread", "RegSetValueExW", "NtTerminateProcess", "Process32NextW", "connect", "__exception__", "DeleteFileW"} {
		if seen[api] == 0 {
			t.Errorf("no %s call in 200,000", api)
		}
	}
	if seen["NtClose"] < 10000 {
		t.Errorf("NtClose: %d calls, want the most frequent API", seen["NtClose"])
	}
}

func TestDeterministic(t *testing.T) {
	o := reportgen.Options{Calls: 5000, Layout: "cuckoo2"}
	a, b := gen(t, o), gen(t, o)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same options differ")
	}
	o.Seed = 2
	if bytes.Equal(a, gen(t, o)) {
		t.Fatal("another seed gives the same report")
	}
}

// Indentation changes only whitespace.
func TestIndent(t *testing.T) {
	compact := gen(t, reportgen.Options{Calls: 3000})
	pretty := gen(t, reportgen.Options{Calls: 3000, Indent: 2})
	if len(pretty) < len(compact)*3/2 {
		t.Errorf("indented report is %d bytes, compact %d", len(pretty), len(compact))
	}
	var x, y any
	if err := json.Unmarshal(compact, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(pretty, &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x, y) {
		t.Error("indented and compact reports hold different values")
	}
	if !bytes.HasPrefix(pretty, []byte("{\n  \"info\": {\n    \"version\"")) {
		t.Errorf("indented report starts %q", pretty[:40])
	}
}

func TestSize(t *testing.T) {
	for _, layout := range []string{"cape", "cuckoo2"} {
		for _, size := range []int64{200 << 10, 3 << 20} {
			data := gen(t, reportgen.Options{Layout: layout, Size: size})
			if !json.Valid(data) {
				t.Fatalf("%s %d: invalid JSON", layout, size)
			}
			if d := float64(len(data))/float64(size) - 1; d < -0.03 || d > 0.03 {
				t.Errorf("%s: asked for %d bytes, got %d (%+.1f%%)", layout, size, len(data), 100*d)
			}
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []reportgen.Options{{Layout: "cuckoo1"}, {Calls: -1}} {
		if err := reportgen.Write(&bytes.Buffer{}, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
