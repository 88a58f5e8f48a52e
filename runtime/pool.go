package runtime

import "github.com/sigrun-dev/sigrun/bindings"

// pool keeps idle Lua states for reuse. A state is used by one goroutine at
// a time; a killed state is never returned to the pool.
type pool struct {
	opts bindings.Options
	free chan *bindings.State
}

func (p *pool) get() *bindings.State {
	select {
	case st := <-p.free:
		return st
	default:
		return bindings.NewState(p.opts)
	}
}

func (p *pool) put(st *bindings.State) {
	st.SetReport(nil)
	if st.Killed() != nil {
		st.Close()
		return
	}
	select {
	case p.free <- st:
	default:
		st.Close()
	}
}

// drain closes every idle state.
func (p *pool) drain() {
	for {
		select {
		case st := <-p.free:
			st.Close()
		default:
			return
		}
	}
}
