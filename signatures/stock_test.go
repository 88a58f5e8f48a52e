package signatures_test

import (
	"testing"

	"github.com/sigrun-dev/sigrun/runtime/sigtest"
	"github.com/sigrun-dev/sigrun/signatures"
)

// TestStock runs every stock signature's NAME_test.lua under go test.
func TestStock(t *testing.T) {
	sigtest.Run(t, signatures.FS, ".")
}
