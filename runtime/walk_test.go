package runtime_test

import (
	"slices"
	"testing"
	"testing/fstest"

	sigrt "github.com/sigrun-dev/sigrun/runtime"
)

// WalkLua and ReadFS skip hidden files and directories; ReadFS keeps the
// signatures only.
func TestWalkLuaSkipsHidden(t *testing.T) {
	fsys := fstest.MapFS{
		"sigs/b.lua":              {Data: []byte("x")},
		"sigs/a_test.lua":         {Data: []byte("x")},
		"sigs/a.lua":              {Data: []byte("x")},
		"sigs/notes.txt":          {Data: []byte("x")},
		"sigs/.draft.lua":         {Data: []byte("x")},
		"sigs/.luarc/defs.lua":    {Data: []byte("x")},
		"sigs/sub/c.lua":          {Data: []byte("x")},
		"sigs/sub/.git/hooks.lua": {Data: []byte("x")},
	}
	var got []string
	if err := sigrt.WalkLua(fsys, "sigs", func(p string) error { got = append(got, p); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"sigs/a.lua", "sigs/a_test.lua", "sigs/b.lua", "sigs/sub/c.lua"}; !slices.Equal(got, want) {
		t.Errorf("WalkLua = %v, want %v", got, want)
	}
	files, err := sigrt.ReadFS(fsys, "sigs")
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, f := range files {
		got = append(got, f.Path)
	}
	if want := []string{"sigs/a.lua", "sigs/b.lua", "sigs/sub/c.lua"}; !slices.Equal(got, want) {
		t.Errorf("ReadFS = %v, want %v", got, want)
	}
}
