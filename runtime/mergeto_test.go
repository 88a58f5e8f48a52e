package runtime

import (
	"bytes"
	"errors"
	"testing"
)

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// MergeTo streams what Merge builds, and stops at the writer's first error.
func TestMergeTo(t *testing.T) {
	set := mustSet(t, sig("m", 3, `function run() mark({x = 1}) return true end`))
	for _, js := range []string{`{"a": 1, "signatures": [{"name": "own", "severity": 5}]}`, `{"a": 1}`, `{}`} {
		rep := mustReport(t, js)
		res := runSet(t, set, js, Options{})
		want, err := Merge(rep, res)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := MergeTo(&b, rep, res); err != nil || !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s: MergeTo = %s, %v; Merge = %s", js, b.Bytes(), err, want)
		}
		if err := MergeTo(&failWriter{n: 1}, rep, res); err == nil || err.Error() != "disk full" {
			t.Errorf("%s: MergeTo to a failing writer: %v", js, err)
		}
	}
}
