package runtime

import (
	"bytes"
	"io"
	"sort"
	"strconv"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

// Merge returns the report's bytes with res merged into its top-level
// signatures array: entries of signatures that ran are replaced by their new
// match or removed, every other entry is kept as it was, and the array is
// sorted by severity (highest first) then name. Everything outside the
// array is byte-identical to the input, and merging is idempotent.
func Merge(rep *Report, res *Result) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(rep.data) + 4096)
	if err := MergeTo(&out, rep, res); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MergeTo writes Merge(rep, res) to w without building it in memory: the
// report's own bytes are written straight from the report (a 400 MB report
// costs no 400 MB copy). It returns the first error of w.
func MergeTo(w io.Writer, rep *Report, res *Result) error {
	d := rep.doc
	root := d.Root()
	ran := make(map[string]bool, len(res.Ran))
	for _, n := range res.Ran {
		ran[n] = true
	}

	type entry struct {
		raw      []byte
		severity float64
		name     string
	}
	var entries []entry
	sigs, exists := d.Get(root, "signatures")
	if exists && d.Kind(sigs) == jsondoc.Array {
		for i := 0; i < d.Len(sigs); i++ {
			e, _ := d.Index(sigs, i)
			en := entry{raw: d.Raw(e)}
			if n, ok := d.Get(e, "name"); ok && d.Kind(n) == jsondoc.String {
				en.name = d.Str(n)
			}
			if ran[en.name] && d.Kind(e) == jsondoc.Object {
				continue
			}
			if s, ok := d.Get(e, "severity"); ok && d.Kind(s) == jsondoc.Number {
				en.severity, _ = strconv.ParseFloat(string(d.Raw(s)), 64)
			}
			entries = append(entries, en)
		}
	}
	for i := range res.Matches {
		m := &res.Matches[i]
		entries = append(entries, entry{raw: m.appendJSON(nil), severity: float64(m.Severity), name: m.Name})
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if entries[i].severity != entries[j].severity {
			return entries[i].severity > entries[j].severity
		}
		return entries[i].name < entries[j].name
	})
	arr := []byte{'['}
	for i, e := range entries {
		if i > 0 {
			arr = append(arr, ", "...)
		}
		arr = append(arr, e.raw...)
	}
	arr = append(arr, ']')

	data := rep.data
	var parts [][]byte
	switch {
	case exists:
		start, end := d.Span(sigs)
		parts = [][]byte{data[:start], arr, data[end:]}
	case d.Len(root) > 0:
		_, last, _ := d.Member(root, d.Len(root)-1)
		_, end := d.Span(last)
		parts = [][]byte{data[:end], []byte(`, "signatures": `), arr, data[end:]}
	default:
		start, _ := d.Span(root)
		parts = [][]byte{data[:start+1], []byte(`"signatures": `), arr, data[start+1:]}
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}
