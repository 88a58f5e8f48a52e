package jsondoc_test

import (
	"errors"
	"fmt"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

func Example() {
	data := []byte(`{
  "behavior": {"processes": [
    {"process_name": "a.exe", "process_id": 2460},
    {"process_name": "C:\\Temp\\b.exe", "process_id": 9007199254740993}
  ]}
}`)
	doc, err := jsondoc.Parse(data)
	if err != nil {
		panic(err)
	}
	beh, _ := doc.Get(doc.Root(), "behavior")
	procs, _ := doc.Get(beh, "processes")
	for i := range doc.Len(procs) {
		p, _ := doc.Index(procs, i)
		name, _ := doc.Get(p, "process_name")
		pid, _ := doc.Get(p, "process_id")
		// Numbers are not decoded: Raw gives their exact text.
		fmt.Printf("%s %s %s\n", doc.Kind(pid), doc.Raw(pid), doc.Str(name))
	}
	// Output:
	// number 2460 a.exe
	// number 9007199254740993 C:\Temp\b.exe
}

func ExampleDoc_Member() {
	doc, _ := jsondoc.Parse([]byte(`{"b": 1, "a": [true, null], "b": "last"}`))
	for i := range doc.Len(doc.Root()) {
		k, v, _ := doc.Member(doc.Root(), i)
		fmt.Printf("%s: %s %s\n", doc.Str(k), doc.Kind(v), doc.Raw(v))
	}
	b, _ := doc.Get(doc.Root(), "b")
	fmt.Println("Get(b):", doc.Str(b))
	// Output:
	// b: number 1
	// a: array [true, null]
	// b: string "last"
	// Get(b): last
}

func ExampleSyntaxError() {
	_, err := jsondoc.Parse([]byte(`{"calls": [1, 2,]}`))
	var se *jsondoc.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Offset)
	}
	fmt.Println(err)
	// Output:
	// 16
	// offset 16: invalid character ']' looking for beginning of value
}
