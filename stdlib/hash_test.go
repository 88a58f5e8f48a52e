package stdlib

import (
	"testing"

	lua "github.com/yuin/gopher-lua"
)

func luaStr(s string) lua.LValue { return lua.LString(s) }

func TestHash(t *testing.T) {
	runCases(t, []luaCase{
		{"md5 empty", `return hash.md5("")`, `"d41d8cd98f00b204e9800998ecf8427e"`, false},
		{"md5", `return hash.md5("abc")`, `"900150983cd24fb0d6963f7d28e17f72"`, false},
		{"sha1", `return hash.sha1("abc")`, `"a9993e364706816aba3e25717850c26c9cd0d89d"`, false},
		{"sha256", `return hash.sha256("abc")`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`, false},
		{"binary", `return hash.md5("\0\255")`, `"d07d34efac6328007ad67c7e0a985e00"`, false},
		{"method style", `local s = "abc" return hash.sha1(s) == hash.sha1("ab" .. "c")`, "true", false},
	})
}
