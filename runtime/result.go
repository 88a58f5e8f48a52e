package runtime

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"time"
)

// Match is one signature's entry in the output signatures array.
type Match struct {
	Name        string
	Description string
	Severity    int
	Categories  []string
	Families    []string
	TTPs        []string
	References  []string
	Alert       bool
	Data        []json.RawMessage // each entry is one JSON value, as marked
	// MarkCount is the number of marks recorded when more than the
	// signature's markcount were, else 0 (and then not in the JSON).
	MarkCount int
}

// MarshalJSON writes the fields in the order of DESIGN.md ("Output").
func (m *Match) MarshalJSON() ([]byte, error) { return m.appendJSON(nil), nil }

func (m *Match) appendJSON(b []byte) []byte {
	str := func(s string) {
		q, _ := json.Marshal(s)
		b = append(b, q...)
	}
	list := func(key string, l []string, always bool) {
		if len(l) == 0 && !always {
			return
		}
		b = append(b, `,"`+key+`":[`...)
		for i, s := range l {
			if i > 0 {
				b = append(b, ',')
			}
			str(s)
		}
		b = append(b, ']')
	}
	b = append(b, `{"name":`...)
	str(m.Name)
	b = append(b, `,"description":`...)
	str(m.Description)
	b = append(b, `,"severity":`...)
	b = strconv.AppendInt(b, int64(m.Severity), 10)
	list("categories", m.Categories, false)
	list("families", m.Families, false)
	list("ttps", m.TTPs, false)
	list("references", m.References, true)
	b = append(b, `,"alert":`...)
	b = strconv.AppendBool(b, m.Alert)
	b = append(b, `,"data":[`...)
	for i, d := range m.Data {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, d...)
	}
	b = append(b, ']')
	if m.MarkCount > 0 {
		b = append(b, `,"markcount":`...)
		b = strconv.AppendInt(b, int64(m.MarkCount), 10)
	}
	return append(b, '}')
}

// Log is one line a signature printed.
type Log struct {
	Signature string
	Message   string
}

// Timing is the time one signature took on one report (Options.Profile).
type Timing struct {
	Signature string
	Duration  time.Duration
	Calls     int // hooks invoked
}

// Result is what a run of a set over one report produced. It holds plain Go
// values only and is safe to keep after the engine is gone.
type Result struct {
	Report  string
	Matches []Match // sorted by severity (highest first), then name
	Errors  Errors  // runtime, timeout and memory errors, by position
	Logs    []Log
	// Ran names every signature that ran on the report, matched or not:
	// Merge replaces or removes their entries.
	Ran     []string
	Timings []Timing // with Options.Profile, in run order
}

// MatchesJSON encodes the matches as a JSON array.
func (r *Result) MatchesJSON() []byte {
	b := []byte{'['}
	for i := range r.Matches {
		if i > 0 {
			b = append(b, ',')
		}
		b = r.Matches[i].appendJSON(b)
	}
	return append(b, ']')
}

// MarshalJSON gives the per-report object of --format json/ndjson:
// {"report", "signatures", "errors"}.
func (r *Result) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"report":`)
	name, _ := json.Marshal(r.Report)
	b.Write(name)
	b.WriteString(`,"signatures":`)
	b.Write(r.MatchesJSON())
	b.WriteString(`,"errors":`)
	errs := r.Errors
	if errs == nil {
		errs = Errors{}
	}
	e, err := json.Marshal(errs)
	if err != nil {
		return nil, err
	}
	b.Write(e)
	b.WriteByte('}')
	return b.Bytes(), nil
}

func sortMatches(ms []Match) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Severity != ms[j].Severity {
			return ms[i].Severity > ms[j].Severity
		}
		return ms[i].Name < ms[j].Name
	})
}
