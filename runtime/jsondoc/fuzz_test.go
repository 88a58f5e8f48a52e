package jsondoc

import "testing"

// FuzzParse checks that Parse never panics and agrees with encoding/json on
// every input, apart from the differences documented at compareWithStd; for
// accepted input, Raw of the root is the input without surrounding whitespace
// and BOM, and the index is consistent. Seeds: testdata/fuzz/FuzzParse and
// crossCheckInputs.
func FuzzParse(f *testing.F) {
	for _, in := range crossCheckInputs {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareWithStd(t, data)
	})
}
