package stdlib_test

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/stdlib"
)

func ExampleOpen() {
	L := lua.NewState()
	defer L.Close()
	stdlib.Open(L, L.G.Global)
	err := L.DoString(`
		local p = [[C:\Users\Bob\AppData\Roaming\Evil.EXE]]
		print(path.extension(p), path.is_under(p, [[c:\users\bob\appdata]]))
		print(re.match(p, [[(?i)\\appdata\\roaming\\[^\\]+\.exe$]]), p:endswith(".exe", {nocase = true}))
		print(net.registered_domain("cdn.evil.co.uk"), net.is_private_ip("10.1.2.3"))
		print(json.encode({file = path.basename(p), size = 4096, tags = {"a", "b"}}))
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// .exe	true
	// true	true
	// evil.co.uk	true
	// {"file":"Evil.EXE","size":4096,"tags":["a","b"]}
}

func ExampleAppendJSON() {
	L := lua.NewState()
	defer L.Close()
	stdlib.Open(L, L.G.Global)
	if err := L.DoString(`mark = {pid = 1, data = {a = {1, print}}}`); err != nil {
		panic(err)
	}
	_, err := stdlib.AppendJSON(nil, L.GetGlobal("mark"))
	fmt.Println("mark:", err)

	if err := L.DoString(`mark = {pid = 1, list = {1, 2.5, json.null}, empty = {}}`); err != nil {
		panic(err)
	}
	b, _ := stdlib.AppendJSON(nil, L.GetGlobal("mark"))
	fmt.Println(string(b))
	// Output:
	// mark: data.a[2]: cannot encode function as JSON
	// {"empty":[],"list":[1,2.5,null],"pid":1}
}
