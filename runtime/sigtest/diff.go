package sigtest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/stdlib"
)

// difference is the first place where two values differ.
type difference struct {
	path      string // Lua syntax from the compared roots: [1].cid, .data, ["a b"]
	got, want lua.LValue
}

const maxDiffDepth = 100

// diff compares got and want deeply: tables by their keys and values
// (metatables ignored), everything else with Lua's raw equality. It returns
// nil when they are equal.
func diff(got, want lua.LValue, path string, depth int) *difference {
	gt, gok := got.(*lua.LTable)
	wt, wok := want.(*lua.LTable)
	if !gok || !wok {
		if rawEqual(got, want) {
			return nil
		}
		return &difference{path: path, got: got, want: want}
	}
	if gt == wt {
		return nil
	}
	if depth >= maxDiffDepth {
		return &difference{path: path, got: got, want: want}
	}
	for _, k := range keys(gt, wt) {
		if d := diff(gt.RawGet(k), wt.RawGet(k), path+segment(k), depth+1); d != nil {
			return d
		}
	}
	return nil
}

func rawEqual(a, b lua.LValue) bool {
	if a.Type() != b.Type() {
		return false
	}
	switch a := a.(type) {
	case lua.LNumber:
		return a == b.(lua.LNumber)
	case lua.LString:
		return a == b.(lua.LString)
	case lua.LBool:
		return a == b.(lua.LBool)
	}
	return a == b
}

// keys is the union of the keys of a and b: numbers ascending, then strings
// sorted, then anything else by its string form.
func keys(a, b *lua.LTable) []lua.LValue {
	seen := map[lua.LValue]bool{}
	var out []lua.LValue
	add := func(k, _ lua.LValue) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	a.ForEach(add)
	b.ForEach(add)
	rank := func(v lua.LValue) int {
		switch v.(type) {
		case lua.LNumber:
			return 0
		case lua.LString:
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i]), rank(out[j])
		if ri != rj {
			return ri < rj
		}
		if ri == 0 {
			return out[i].(lua.LNumber) < out[j].(lua.LNumber)
		}
		return out[i].String() < out[j].String()
	})
	return out
}

func segment(k lua.LValue) string {
	switch k := k.(type) {
	case lua.LNumber:
		return "[" + k.String() + "]"
	case lua.LString:
		if isIdent(string(k)) {
			return "." + string(k)
		}
		return "[" + strconv.Quote(string(k)) + "]"
	}
	return "[" + k.String() + "]"
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c != '_' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && (i == 0 || !(c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}

const maxShown = 2000

// show renders a value for a failure message: as JSON where it can be, in a
// Lua-like syntax otherwise.
func show(v lua.LValue) string {
	var s string
	switch v.(type) {
	case *lua.LNilType:
		return "nil"
	case *lua.LFunction, *lua.LUserData, *lua.LState, *lua.LChannel:
		if v == stdlib.Null {
			return "json.null"
		}
		return v.Type().String()
	}
	if b, err := stdlib.AppendJSON(nil, v); err == nil {
		s = string(b)
	} else {
		var b strings.Builder
		literal(&b, v, 0)
		s = b.String()
	}
	if len(s) > maxShown {
		s = s[:maxShown] + fmt.Sprintf("... (%d bytes)", len(s))
	}
	return s
}

func literal(b *strings.Builder, v lua.LValue, depth int) {
	switch v := v.(type) {
	case lua.LString:
		b.WriteString(strconv.Quote(string(v)))
	case *lua.LTable:
		if depth > 20 {
			b.WriteString("{...}")
			return
		}
		b.WriteString("{")
		for i, k := range keys(v, v) {
			if i > 0 {
				b.WriteString(", ")
			}
			if ks, ok := k.(lua.LString); ok && isIdent(string(ks)) {
				b.WriteString(string(ks))
			} else {
				b.WriteString("[")
				literal(b, k, depth+1)
				b.WriteString("]")
			}
			b.WriteString(" = ")
			literal(b, v.RawGet(k), depth+1)
		}
		b.WriteString("}")
	default:
		b.WriteString(show(v))
	}
}
