package stdlib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"

	lua "github.com/yuin/gopher-lua"
)

func init() {
	modules = append(modules, module{name: "hash", funcs: []function{
		{"md5", hashFunc("hash.md5", func(b []byte) []byte { h := md5.Sum(b); return h[:] })},
		{"sha1", hashFunc("hash.sha1", func(b []byte) []byte { h := sha1.Sum(b); return h[:] })},
		{"sha256", hashFunc("hash.sha256", func(b []byte) []byte { h := sha256.Sum256(b); return h[:] })},
	}})
}

// hashFunc wraps a digest as hash.NAME(s) -> lowercase hex string (nil for a nil subject).
func hashFunc(name string, sum func([]byte) []byte) lua.LGFunction {
	return func(L *lua.LState) int {
		s, ok := args{L, name}.subject(1)
		if !ok {
			L.Push(lua.LNil)
			return 1
		}
		L.Push(lua.LString(hex.EncodeToString(sum([]byte(s)))))
		return 1
	}
}
