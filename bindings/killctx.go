package bindings

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// killCtx is the context of a State's LState: the only way to stop Lua code
// that is running, since gopher-lua polls the context's Done channel before
// every instruction. A context.WithCancelCause would make that poll a
// receive attempt on a live channel; killCtx's Done is nil until the state
// is killed, and a receive from a nil channel in a select with a default is
// decided without touching a channel. On an arithmetic loop
// (BenchmarkContextCheck, instructions counted with callgrind) the poll adds
// 35% to running without a context with a cancellable context, 17% with
// killCtx.
//
// That Done changes from nil to a closed channel departs from the
// context.Context contract, which asks for the same value every time; it is
// only ever given to gopher-lua, which reads it afresh for each poll. The
// coroutine library, whose threads derive contexts with context.WithCancel,
// is not in the sandbox.
type killCtx struct {
	done  atomic.Pointer[chan struct{}]
	mu    sync.Mutex
	cause error // non-nil once killed
}

var _ context.Context = (*killCtx)(nil)

// kill stops the state with cause (context.Canceled if nil); later kills
// keep the first cause. Safe from any goroutine.
func (c *killCtx) kill(cause error) {
	if cause == nil {
		cause = context.Canceled
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cause != nil {
		return
	}
	c.cause = cause
	ch := make(chan struct{})
	close(ch)
	c.done.Store(&ch)
}

// killed returns the cause of the kill, or nil.
func (c *killCtx) killed() error {
	if c.done.Load() == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cause
}

func (c *killCtx) Done() <-chan struct{} {
	if p := c.done.Load(); p != nil {
		return *p
	}
	return nil
}

// Err is context.Canceled once killed, as for a cancelled context; the
// cause is what killed returns.
func (c *killCtx) Err() error {
	if c.done.Load() == nil {
		return nil
	}
	return context.Canceled
}

func (c *killCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *killCtx) Value(any) any               { return nil }
