// Package signatures holds sigrun's stock signature library. The .lua files
// (and their NAME_test.lua tests) are embedded in the binary and used when
// no signature directory is given.
package signatures

import "embed"

// FS holds the stock signatures, by category directory.
//
//go:embed */*.lua
var FS embed.FS
