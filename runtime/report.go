package runtime

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/sigrun-dev/sigrun/bindings"
	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

// Report is one parsed report.json: its bytes, the structural index over
// them, and the detected layout. Values are decoded only when a signature
// reads them. A Report is immutable and safe to share between goroutines
// and engines.
type Report struct {
	// Name is how the report is shown in output (the path it was read
	// from, "-" for standard input).
	Name string

	data []byte
	doc  *jsondoc.Doc
	b    *bindings.Report

	apisOnce sync.Once
	apis     *apiTable // see pass.go
}

// ReportError is a report that could not be read or is not a JSON object.
type ReportError struct {
	Name   string
	Offset int64 // byte offset of a syntax error, -1 when not applicable
	Err    error
}

func (e *ReportError) Error() string {
	if e.Offset >= 0 {
		return fmt.Sprintf("%s: byte %d: %v", e.Name, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *ReportError) Unwrap() error { return e.Err }

// ReadReport reads and parses the report at path ("-" reads standard input).
func ReadReport(path string) (*Report, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		var fi os.FileInfo
		if fi, err = os.Stat(path); err == nil && fi.IsDir() {
			return nil, &ReportError{Name: path, Offset: -1, Err: errors.New("is a directory, expected a report")}
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &ReportError{Name: path, Offset: -1, Err: err}
	}
	return ParseReport(path, data)
}

// ParseReport indexes data as the report called name. data is kept, not
// copied: the caller must not modify it afterwards.
func ParseReport(name string, data []byte) (*Report, error) {
	if len(data) == 0 {
		return nil, &ReportError{Name: name, Offset: -1, Err: errors.New("empty file, expected a JSON object")}
	}
	doc, err := jsondoc.Parse(data)
	if err != nil {
		var se *jsondoc.SyntaxError
		if errors.As(err, &se) {
			return nil, &ReportError{Name: name, Offset: se.Offset, Err: errors.New(se.Msg)}
		}
		return nil, &ReportError{Name: name, Offset: -1, Err: err}
	}
	if k := doc.Kind(doc.Root()); k != jsondoc.Object {
		return nil, &ReportError{Name: name, Offset: -1, Err: fmt.Errorf("top level is %s %s, expected a JSON object", article(k), k)}
	}
	return &Report{Name: name, data: data, doc: doc, b: bindings.NewReport(doc)}, nil
}

func article(k jsondoc.Kind) string {
	switch k {
	case jsondoc.Array, jsondoc.Object:
		return "an"
	}
	return "a"
}

// Layout is the detected layout: "cuckoo1", "cuckoo2", "cape" or "unknown".
func (r *Report) Layout() string { return r.b.Layout.String() }

// Bytes returns the report's original bytes; they must not be modified.
func (r *Report) Bytes() []byte { return r.data }

// SignatureNames lists the names in the report's signatures array, in order.
func SignatureNames(r *Report) []string {
	d := r.doc
	sigs, ok := d.Get(d.Root(), "signatures")
	if !ok {
		return nil
	}
	var names []string
	for i := 0; i < d.Len(sigs); i++ {
		e, _ := d.Index(sigs, i)
		if n, ok := d.Get(e, "name"); ok && d.Kind(n) == jsondoc.String {
			names = append(names, d.Str(n))
		}
	}
	return names
}
