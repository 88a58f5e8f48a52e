package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// ErrorKind says what went wrong.
type ErrorKind string

// The kinds of Error.
const (
	KindLoad    ErrorKind = "load"    // the file did not compile or its metadata is invalid
	KindRuntime ErrorKind = "runtime" // a hook raised an error
	KindTimeout ErrorKind = "timeout" // a signature ran over Options.Timeout
	KindMemory  ErrorKind = "memory"  // a signature went over the memory bound
	KindWarning ErrorKind = "warning" // a likely mistake that does not stop loading
)

// Error is a problem located in a signature file. Load, check and runtime
// problems all use it.
type Error struct {
	Kind      ErrorKind
	Signature string // "" when the file did not load far enough to have a name
	File      string
	Line      int // 0 when unknown
	Col       int
	Msg       string
	Hint      string
	// Source is the text of line Line, when the source was at hand; it is
	// shown under the message with a caret at Col.
	Source string
	Err    error // the underlying error, if any

	noSource bool // the line is a guess (end of file): do not quote it
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteString(":" + strconv.Itoa(e.Line))
			if e.Col > 0 {
				b.WriteString(":" + strconv.Itoa(e.Col))
			}
		}
		b.WriteString(": ")
	}
	if e.Kind == KindWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	if e.Source != "" {
		num := strconv.Itoa(e.Line)
		b.WriteString("\n\t" + num + " | " + e.Source)
		if e.Col > 0 && e.Col <= len(e.Source)+1 {
			// Keep tabs so the caret lines up under tab-indented code.
			pad := []byte(e.Source[:e.Col-1])
			for i, c := range pad {
				if c != '\t' {
					pad[i] = ' '
				}
			}
			b.WriteString("\n\t" + strings.Repeat(" ", len(num)) + " | " + string(pad) + "^")
		}
	}
	if e.Hint != "" {
		b.WriteString("\n\thint: " + e.Hint)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// MarshalJSON gives the ndjson "errors" form of DESIGN.md.
func (e *Error) MarshalJSON() ([]byte, error) {
	type out struct {
		Kind      ErrorKind `json:"kind"`
		Signature *string   `json:"signature"`
		File      string    `json:"file"`
		Line      int       `json:"line"`
		Col       int       `json:"col,omitempty"`
		Message   string    `json:"message"`
		Hint      string    `json:"hint,omitempty"`
	}
	o := out{Kind: e.Kind, File: e.File, Line: e.Line, Col: e.Col, Message: e.Msg, Hint: e.Hint}
	if e.Signature != "" {
		o.Signature = &e.Signature
	}
	return json.Marshal(o)
}

// Errors is a list of errors sorted by position.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Sort orders es by file, line, column, then message.
func (es Errors) Sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// luaPos matches the "file:line: " prefix gopher-lua puts on messages and
// on traceback lines.
var luaPos = regexp.MustCompile(`^\s*(.+?):(\d+):\s?(.*)$`)

// locate turns a Lua error message (and its traceback) into a message with
// the line in file where it happened: the message's own position when it is
// in file, else the innermost traceback frame in file.
func locate(file, msg, trace string) (line int, text string) {
	text = msg
	if m := luaPos.FindStringSubmatch(firstLine(msg)); m != nil && m[1] == file {
		line, _ = strconv.Atoi(m[2])
		text = m[3] + msg[len(firstLine(msg)):]
	}
	if line == 0 {
		for _, l := range strings.Split(trace, "\n") {
			if m := luaPos.FindStringSubmatch(l); m != nil && m[1] == file {
				line, _ = strconv.Atoi(m[2])
				break
			}
		}
	}
	// Strip any remaining "file:line:" that names our own file, as
	// error("x") at level 1 adds it again after gopher-lua's prefix.
	for {
		m := luaPos.FindStringSubmatch(text)
		if m == nil || m[1] != file {
			break
		}
		text = m[3]
	}
	return line, strings.TrimSpace(text)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func errorf(kind ErrorKind, sig, file string, line int, format string, args ...any) *Error {
	return &Error{Kind: kind, Signature: sig, File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// attachSource fills e.Source from src when e has a line in it.
func (e *Error) attachSource(src []byte) {
	if e.Line <= 0 || e.Source != "" || src == nil || e.noSource {
		return
	}
	line := 1
	for start := 0; start <= len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		if line == e.Line {
			text := strings.TrimRight(string(src[start:start+end]), "\r")
			if strings.TrimSpace(text) != "" && len(text) <= 200 {
				e.Source = text
			}
			return
		}
		line++
		start += end + 1
	}
}
