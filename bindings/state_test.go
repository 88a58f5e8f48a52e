package bindings

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

func instantiate(t *testing.T, st *State, src string) *Instance {
	t.Helper()
	in, err := st.Instantiate(compileChunk(t, src), "t", "t.lua", 10)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// Helpers are set in every environment; OwnGlobals still tells what the
// signature itself defined or replaced.
func TestOwnGlobals(t *testing.T) {
	st := NewState(Options{})
	defer st.Close()
	st.SetGlobal("extra", lua.LNumber(1))
	in := instantiate(t, st, `
name = "x"
severity = 2
function on_call() end
to_int = function() end -- replaced helper
get_return = nil        -- removed helper
string.custom = 1       -- a library table it was given: not its own
local hidden = 3
`)
	var got []string
	in.OwnGlobals(func(name string, _ lua.LValue) { got = append(got, name) })
	slices.Sort(got)
	if want := []string{"name", "on_call", "severity", "to_int"}; !slices.Equal(got, want) {
		t.Errorf("OwnGlobals = %v, want %v", got, want)
	}
	for _, g := range []string{"get_argument", "pairs", "extra", "string"} {
		if in.Env.RawGetString(g) == lua.LNil {
			t.Errorf("global %s is not set in the environment", g)
		}
	}
	// A second instance starts from the helpers again.
	in2 := instantiate(t, st, `x = to_int("0x10") + (get_return and 1 or 0)`)
	if v := in2.Env.RawGetString("x"); v != lua.LNumber(17) {
		t.Errorf("second instance: x = %v, want 17", v)
	}
}

// Kill stops a running loop with its cause; the first cause is kept.
func TestKill(t *testing.T) {
	st := NewState(Options{})
	defer st.Close()
	if st.Killed() != nil {
		t.Fatal("a new state reports being killed")
	}
	in := instantiate(t, st, `function run() while true do end end`)
	cause := errors.New("over time")
	time.AfterFunc(20*time.Millisecond, func() { st.Kill(cause) })
	_, err := st.Call(in, in.Run)
	var ke *KillError
	if !errors.As(err, &ke) || ke.Cause != cause {
		t.Fatalf("Call of a killed loop = %v, want a KillError with the cause", err)
	}
	st.Kill(errors.New("second"))
	if got := st.Killed(); got != cause {
		t.Errorf("Killed = %v, want the first cause", got)
	}
	if st.kill.Err() != context.Canceled {
		t.Errorf("Err = %v, want context.Canceled", st.kill.Err())
	}
	select {
	case <-st.kill.Done():
	default:
		t.Error("Done is not closed after a kill")
	}
}

// pairs(_G) walks an instance's environment in the same order in every
// state, so runs are reproducible.
func TestGlobalsOrder(t *testing.T) {
	order := func() string {
		st := NewState(Options{})
		defer st.Close()
		in := instantiate(t, st, `names = {}
for k in pairs(_G) do if type(k) == "string" and k ~= "names" then names[#names + 1] = k end end
for k in pairs(string) do names[#names + 1] = "string." .. k end`)
		var b strings.Builder
		names := in.Env.RawGetString("names").(*lua.LTable)
		for i := 1; i <= names.Len(); i++ {
			b.WriteString(names.RawGetInt(i).String() + " ")
		}
		return b.String()
	}
	first := order()
	for range 5 {
		if got := order(); got != first {
			t.Fatalf("pairs(_G) order differs between states:\n%s\n%s", first, got)
		}
	}
}
