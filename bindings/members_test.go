package bindings

import (
	"fmt"
	"strings"
	"testing"
)

// TestDuplicateKeys: a key that occurs more than once is read, iterated
// with pairs and walked with next as one key with its last value, at the
// position of its first occurrence; next over such an object ends.
func TestDuplicateKeys(t *testing.T) {
	big := make([]string, 0, 40)
	for i := 0; i < 20; i++ {
		big = append(big, fmt.Sprintf(`"k%d": %d`, i%10, i))
	}
	big = append(big, `"n": null`, `"k3": null`, `"z": 1`)
	for _, obj := range []string{
		`{"a": 1, "b": 2, "a": 3, "n": null, "c": null, "c": 4, "d": 5, "d": null}`,
		"{" + strings.Join(big, ", ") + "}",
	} {
		report := `{"o": ` + obj + `}`
		body := `local o = results.o
			local viaPairs, viaNext = {}, {}
			for k, v in pairs(o) do
				assert(o[k] == v, k)
				viaPairs[#viaPairs + 1] = k .. "=" .. tostring(v)
			end
			local k, v = next(o)
			local steps = 0
			while k ~= nil do
				steps = steps + 1
				assert(steps < 1000, "next does not end")
				viaNext[#viaNext + 1] = k .. "=" .. tostring(v)
				k, v = next(o, k)
			end
			mark({table.concat(viaPairs, ","), table.concat(viaNext, ",")})`
		got := eval(t, report, body)
		want := `["a=3,b=2,c=4","a=3,b=2,c=4"]`
		if !strings.HasPrefix(obj, `{"a"`) {
			want = `["k0=10,k1=11,k2=12,k4=14,k5=15,k6=16,k7=17,k8=18,k9=19,z=1","k0=10,k1=11,k2=12,k4=14,k5=15,k6=16,k7=17,k8=18,k9=19,z=1"]`
		}
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", obj, got, want)
		}
	}
}
