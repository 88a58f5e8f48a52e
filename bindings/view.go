package bindings

import (
	"bytes"
	"encoding/json"
	"strconv"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
	"github.com/sigrun-dev/sigrun/stdlib"
)

// view is the Go side of a read-only Lua view of one report array or object.
// Views are created on demand as a signature walks the report, so nothing is
// decoded before it is read.
type view struct {
	d *jsondoc.Doc
	n jsondoc.Node
}

// AppendJSON implements stdlib.JSONAppender: a view marks as the report's own
// JSON, compacted, with every number exactly as written.
func (v view) AppendJSON(dst []byte) ([]byte, error) {
	b := bytes.NewBuffer(dst)
	if err := json.Compact(b, v.d.Raw(v.n)); err != nil {
		return dst, err
	}
	return b.Bytes(), nil
}

var _ stdlib.JSONAppender = &view{}

// maxExactInt is the largest integer a Lua number (float64) holds exactly.
const maxExactInt = 1 << 53

// Value converts node n of d to a Lua value: scalars directly, arrays and
// objects as read-only views. JSON null is nil; an integer beyond ±2^53 or a
// number out of float64 range is its decimal text, so nothing is rounded.
func (s *State) Value(d *jsondoc.Doc, n jsondoc.Node) lua.LValue {
	switch d.Kind(n) {
	case jsondoc.String:
		return lua.LString(d.Str(n))
	case jsondoc.Number:
		return numberValue(d.Raw(n))
	case jsondoc.True:
		return lua.LTrue
	case jsondoc.False:
		return lua.LFalse
	case jsondoc.Array, jsondoc.Object:
		return s.view(d, n)
	}
	return lua.LNil
}

// element is Value for array elements, where JSON null is json.null so that
// ipairs does not stop early.
func (s *State) element(d *jsondoc.Doc, n jsondoc.Node) lua.LValue {
	if d.Kind(n) == jsondoc.Null {
		return stdlib.Null
	}
	return s.Value(d, n)
}

func numberValue(raw []byte) lua.LValue {
	if bytes.IndexAny(raw, ".eE") < 0 {
		if i, err := strconv.ParseInt(string(raw), 10, 64); err == nil && i <= maxExactInt && i >= -maxExactInt {
			return lua.LNumber(i)
		}
		return lua.LString(raw)
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return lua.LString(raw)
	}
	return lua.LNumber(f)
}

// viewSlab is how many views State.view allocates at once. A slab (1 KiB)
// stays in memory while any of its views is referenced.
const viewSlab = 16

// viewUD is a view's userdata and its Go side in one allocation: Value
// points at v, so storing it in the interface allocates nothing more (a
// view is created for every call delivered to on_call).
type viewUD struct {
	ud lua.LUserData
	v  view
}

func (s *State) view(d *jsondoc.Doc, n jsondoc.Node) *lua.LUserData {
	// Views are allocated viewSlab at a time: one is made for every call
	// delivered to on_call, and a malloc each was a tenth of the cost of
	// delivering one.
	if len(s.slab) == 0 {
		s.slab = make([]viewUD, viewSlab)
	}
	x := &s.slab[0]
	s.slab = s.slab[1:]
	x.v = view{d, n}
	// As L.NewUserData, which sets the current environment (unused by
	// views: getfenv is not in the sandbox).
	x.ud.Env = s.L.Env
	x.ud.Value = &x.v
	x.ud.Metatable = s.viewMeta
	return &x.ud
}

// toView returns the view held by v, if v is one.
func toView(v lua.LValue) (view, bool) {
	if ud, ok := v.(*lua.LUserData); ok {
		if vw, ok := ud.Value.(*view); ok {
			return *vw, true
		}
	}
	return view{}, false
}

// newViewMeta builds the metatable shared by all views of one state.
func (s *State) newViewMeta() *lua.LTable {
	L := s.L
	mt := L.NewTable()
	mt.RawSetString("__index", L.NewFunction(s.viewIndex))
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("report is read-only")
		return 0
	}))
	mt.RawSetString("__len", L.NewFunction(func(L *lua.LState) int {
		vw, _ := toView(L.Get(1))
		L.Push(lua.LNumber(vw.d.Len(vw.n)))
		return 1
	}))
	mt.RawSetString("__eq", L.NewFunction(func(L *lua.LState) int {
		a, _ := toView(L.Get(1))
		b, _ := toView(L.Get(2))
		L.Push(lua.LBool(a == b))
		return 1
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		vw, _ := toView(L.Get(1))
		kind := "object"
		if vw.d.Kind(vw.n) == jsondoc.Array {
			kind = "array"
		}
		L.Push(lua.LString("report " + kind + " (" + strconv.Itoa(vw.d.Len(vw.n)) + ")"))
		return 1
	}))
	mt.RawSetString("__metatable", lua.LString("report"))
	return mt
}

func (s *State) viewIndex(L *lua.LState) int {
	vw, _ := toView(L.Get(1))
	L.Push(s.index(vw, L.Get(2)))
	return 1
}

// index is view[key]: nil for a missing key, a key of the wrong type, or an
// index out of range.
func (s *State) index(vw view, key lua.LValue) lua.LValue {
	d := vw.d
	switch d.Kind(vw.n) {
	case jsondoc.Object:
		if k, ok := key.(lua.LString); ok {
			if c, ok := d.Get(vw.n, string(k)); ok {
				return s.Value(d, c)
			}
		}
	case jsondoc.Array:
		if k, ok := key.(lua.LNumber); ok {
			i := int(k)
			if lua.LNumber(i) == k {
				if c, ok := d.Index(vw.n, i-1); ok {
					return s.element(d, c)
				}
			}
		}
	}
	return lua.LNil
}

// next implements next() over a view: arrays by index, objects in report
// order. It is linear in the position for objects; pairs uses iter instead.
func (s *State) next(vw view, key lua.LValue) (lua.LValue, lua.LValue) {
	d := vw.d
	i := 0
	switch d.Kind(vw.n) {
	case jsondoc.Array:
		if key != lua.LNil {
			k, ok := key.(lua.LNumber)
			if !ok {
				return lua.LNil, lua.LNil
			}
			i = int(k)
		}
		if c, ok := d.Index(vw.n, i); ok {
			return lua.LNumber(i + 1), s.element(d, c)
		}
	case jsondoc.Object:
		it := memberIter{d: d, n: vw.n}
		if key != lua.LNil {
			ks, ok := key.(lua.LString)
			if !ok {
				return lua.LNil, lua.LNil
			}
			for k, _, ok := it.next(); ok && k != string(ks); k, _, ok = it.next() {
			}
		}
		if k, v, ok := it.next(); ok {
			return lua.LString(k), s.Value(d, v)
		}
	}
	return lua.LNil, lua.LNil
}

// iter returns a stateful iterator over a view, for pairs and ipairs.
func (s *State) iter(vw view, arrayOnly bool) *lua.LFunction {
	d := vw.d
	i := 0
	members := memberIter{d: d, n: vw.n}
	return s.L.NewFunction(func(L *lua.LState) int {
		switch d.Kind(vw.n) {
		case jsondoc.Array:
			if c, ok := d.Index(vw.n, i); ok {
				i++
				L.Push(lua.LNumber(i))
				L.Push(s.element(d, c))
				return 2
			}
		case jsondoc.Object:
			if arrayOnly {
				return 0
			}
			k, v, ok := members.next()
			if !ok {
				return 0
			}
			L.Push(lua.LString(k))
			L.Push(s.Value(d, v))
			return 2
		}
		return 0
	})
}
