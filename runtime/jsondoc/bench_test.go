package jsondoc

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// reportsDir holds the shared sample reports, ../shared/reports from the
// module root.
var reportsDir = filepath.Join("..", "..", "..", "shared", "reports")

const bigReport = "cape24_capesandboxcom_f5c93ac7.json"

var synthetic = sync.OnceValue(func() []byte { return genReport(20 << 20) })

// genReport generates a pretty-printed CAPE-like report of about size bytes:
// processes with API calls whose arguments hold paths, registry keys, handles
// and numbers, the mix that dominates real reports.
func genReport(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	apis := []string{"NtCreateFile", "NtReadFile", "RegOpenKeyExW", "NtAllocateVirtualMemory", "LdrGetProcedureAddress", "CreateProcessInternalW"}
	words := []string{"Windows", "System32", "Users", "AppData", "Local", "Temp", "kernel32.dll", "explorer.exe", "Software", "Microsoft"}
	str := func() string {
		var b strings.Builder
		b.WriteString("C:")
		for range 2 + r.IntN(4) {
			b.WriteString(`\\`)
			b.WriteString(words[r.IntN(len(words))])
		}
		if r.IntN(20) == 0 {
			b.WriteString(`\u00e9\"x\"`)
		}
		return b.String()
	}
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString("{\n  \"info\": {\n    \"id\": 4711,\n    \"score\": 7.5,\n    \"machine\": null\n  },\n  \"behavior\": {\n    \"processes\": [\n")
	for pid := 1000; b.Len() < size; pid += 4 {
		if pid > 1000 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "      {\n        \"process_id\": %d,\n        \"process_name\": \"%s\",\n        \"first_seen\": %d.%06d,\n        \"calls\": [\n",
			pid, words[r.IntN(len(words))], 1700000000+r.IntN(1000), r.IntN(1000000))
		for c := range 200 {
			if c > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "          {\n            \"timestamp\": \"2024-05-01 12:%02d:%02d,%03d\",\n            \"thread_id\": \"%d\",\n            \"category\": \"filesystem\",\n            \"api\": \"%s\",\n            \"status\": %t,\n            \"return\": \"0x%08x\",\n            \"arguments\": [\n",
				r.IntN(60), r.IntN(60), r.IntN(1000), 2000+r.IntN(50), apis[r.IntN(len(apis))], r.IntN(2) == 0, r.Uint32())
			for a := range 1 + r.IntN(4) {
				if a > 0 {
					b.WriteString(",\n")
				}
				fmt.Fprintf(&b, "              {\n                \"name\": \"Arg%d\",\n                \"value\": \"%s\"\n              }", a, str())
			}
			fmt.Fprintf(&b, "\n            ],\n            \"repeated\": %d,\n            \"id\": %d\n          }", r.IntN(3), c)
		}
		b.WriteString("\n        ]\n      }")
	}
	b.WriteString("\n    ]\n  },\n  \"signatures\": []\n}\n")
	return []byte(b.String())
}

func TestSyntheticReport(t *testing.T) {
	data := genReport(1 << 20)
	compareWithStd(t, data)
}

// BenchmarkParse compares Parse with encoding/json's Unmarshal into an any, on
// a generated report and on the largest real sample report.
//
//	go test -run '^$' -bench Parse -benchtime 10x ./runtime/jsondoc/
func BenchmarkParse(b *testing.B) {
	inputs := []struct {
		name string
		data func(b *testing.B) []byte
	}{
		{"synthetic", func(*testing.B) []byte { return synthetic() }},
		{"cape24_f5c93ac7", func(b *testing.B) []byte {
			data, err := os.ReadFile(filepath.Join(reportsDir, bigReport))
			if err != nil {
				b.Skipf("%s not available (the shared sample reports are not in %s): %v", bigReport, reportsDir, err)
			}
			return data
		}},
	}
	for _, in := range inputs {
		b.Run(in.name+"/jsondoc", func(b *testing.B) {
			data := in.data(b)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var d *Doc
			for b.Loop() {
				var err error
				if d, err = Parse(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(d.IndexSize())/float64(len(data)), "index/byte")
		})
		b.Run(in.name+"/encoding_json", func(b *testing.B) {
			data := in.data(b)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAccess measures the lazy accessors on a parsed report.
func BenchmarkAccess(b *testing.B) {
	d, err := Parse(synthetic())
	if err != nil {
		b.Fatal(err)
	}
	beh, _ := d.Get(d.Root(), "behavior")
	procs, _ := d.Get(beh, "processes")
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range d.Len(procs) {
			p, _ := d.Index(procs, i)
			calls, _ := d.Get(p, "calls")
			for j := range d.Len(calls) {
				c, _ := d.Index(calls, j)
				api, _ := d.Get(c, "api")
				n += len(d.Str(api))
			}
		}
		if n == 0 {
			b.Fatal("no calls")
		}
	}
}
