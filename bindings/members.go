package bindings

import "github.com/sigrun-dev/sigrun/runtime/jsondoc"

// memberIter walks the members of a report object the way pairs and next
// show them: each key once, at the position of its first occurrence, with
// the value of its last occurrence (as view[key], encoding/json and
// Python's json read duplicate keys), and members whose value is null
// skipped (an absent key, as with view[key]). Without this, pairs would
// show a duplicated key twice with two values, and next(view, key) would
// jump back to the first occurrence and never end.
type memberIter struct {
	d   *jsondoc.Doc
	n   jsondoc.Node
	i   int
	idx map[string][2]int // large objects: first and last member of each key
}

// smallObject is the size up to which duplicates are found by scanning
// the members instead of indexing them.
const smallObject = 16

// next returns the next member to show.
func (it *memberIter) next() (key string, val jsondoc.Node, ok bool) {
	d := it.d
	for it.i < d.Len(it.n) {
		i := it.i
		it.i++
		k, v, _ := d.Member(it.n, i)
		ks := d.Str(k)
		first, last := it.occurrences(ks, i)
		if first != i {
			continue // shown at its first occurrence
		}
		if last != i {
			_, v, _ = d.Member(it.n, last)
		}
		if d.Kind(v) == jsondoc.Null {
			continue
		}
		return ks, v, true
	}
	return "", 0, false
}

// occurrences returns the first and last member index of key, which is
// the key of member i.
func (it *memberIter) occurrences(key string, i int) (first, last int) {
	d := it.d
	n := d.Len(it.n)
	if n <= smallObject {
		first, last = i, i
		for j := 0; j < n; j++ {
			if j == i {
				continue
			}
			if k, _, _ := d.Member(it.n, j); d.Str(k) == key {
				first, last = min(first, j), max(last, j)
			}
		}
		return first, last
	}
	if it.idx == nil {
		it.idx = make(map[string][2]int, n)
		for j := 0; j < n; j++ {
			k, _, _ := d.Member(it.n, j)
			ks := d.Str(k)
			if fl, ok := it.idx[ks]; ok {
				it.idx[ks] = [2]int{fl[0], j}
			} else {
				it.idx[ks] = [2]int{j, j}
			}
		}
	}
	fl := it.idx[key]
	return fl[0], fl[1]
}
