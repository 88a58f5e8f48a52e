package bindings

import (
	"bytes"
	"strings"
	"sync"

	"github.com/sigrun-dev/sigrun/runtime/jsondoc"
)

// Layout is the shape of a sandbox report.
type Layout uint8

// The report layouts sigrun understands.
const (
	LayoutUnknown Layout = iota
	LayoutCuckoo1
	LayoutCuckoo2
	LayoutCAPE
)

func (l Layout) String() string {
	switch l {
	case LayoutCuckoo1:
		return "cuckoo1"
	case LayoutCuckoo2:
		return "cuckoo2"
	case LayoutCAPE:
		return "cape"
	}
	return "unknown"
}

// Report is a parsed report with its layout and the per-report lists the
// helpers need. It is immutable after NewReport except for lazily built
// caches, which are guarded, so one Report is safely shared by all workers.
type Report struct {
	Doc    *jsondoc.Doc
	Layout Layout

	behavior  jsondoc.Node // Invalid kind when absent
	summary   jsondoc.Node
	network   jsondoc.Node
	Processes []Process

	mu    sync.Mutex
	lists map[string][]string
	lower map[string][]string // lists ASCII-lowercased, for the check_* prefilter (globals.go)
}

// Process is one entry of behavior.processes, normalised over the layouts.
type Process struct {
	Node        jsondoc.Node // the report's own process object
	PID, PPID   jsondoc.Node // number nodes (or Invalid)
	Name        string
	Path        string
	CommandLine string
	HasName     bool
	HasPath     bool
	HasCmd      bool
	Calls       jsondoc.Node // array node, or Invalid
}

// NewReport indexes the sections of doc that every run needs. Sections of
// the wrong type are treated as absent.
func NewReport(doc *jsondoc.Doc) *Report {
	r := &Report{Doc: doc, lists: map[string][]string{}}
	root := doc.Root()
	r.behavior = r.child(root, "behavior", jsondoc.Object)
	r.summary = r.child(r.behavior, "summary", jsondoc.Object)
	r.network = r.child(root, "network", jsondoc.Object)
	procs := r.child(r.behavior, "processes", jsondoc.Array)
	for i := 0; i < doc.Len(procs); i++ {
		n, _ := doc.Index(procs, i)
		if doc.Kind(n) != jsondoc.Object {
			continue
		}
		r.Processes = append(r.Processes, r.normalise(n))
	}
	r.Layout = r.detect()
	return r
}

// none is a node that no document has: every accessor treats it as absent.
const none = jsondoc.Node(1<<32 - 1)

// child returns n[key] if it exists with kind want, else none.
func (r *Report) child(n jsondoc.Node, key string, want jsondoc.Kind) jsondoc.Node {
	if r.Doc.Kind(n) != jsondoc.Object {
		return none
	}
	c, ok := r.Doc.Get(n, key)
	if !ok || r.Doc.Kind(c) != want {
		return none
	}
	return c
}

// str returns n[key] as a string if it is one.
func (r *Report) str(n jsondoc.Node, key string) (string, bool) {
	c := r.child(n, key, jsondoc.String)
	if c == none {
		return "", false
	}
	return r.Doc.Str(c), true
}

// number returns n[key] if it is a number node, else none.
func (r *Report) number(n jsondoc.Node, key string) jsondoc.Node {
	return r.child(n, key, jsondoc.Number)
}

func (r *Report) normalise(n jsondoc.Node) Process {
	p := Process{Node: n}
	p.PID = r.number(n, "pid")
	if p.PID == none {
		p.PID = r.number(n, "process_id")
	}
	p.PPID = r.number(n, "ppid")
	if p.PPID == none {
		p.PPID = r.number(n, "parent_id")
	}
	p.Name, p.HasName = r.str(n, "process_name")
	if p.Path, p.HasPath = r.str(n, "process_path"); !p.HasPath {
		p.Path, p.HasPath = r.str(n, "module_path")
	}
	if p.CommandLine, p.HasCmd = r.str(n, "command_line"); !p.HasCmd {
		p.CommandLine, p.HasCmd = r.str(r.child(n, "environ", jsondoc.Object), "CommandLine")
	}
	p.Calls = r.child(n, "calls", jsondoc.Array)
	return p
}

// detect decides the layout from the shape of the processes and the summary,
// falling back to info.version.
func (r *Report) detect() Layout {
	d := r.Doc
	for _, p := range r.Processes {
		if r.child(p.Node, "pid", jsondoc.Number) != none || r.child(p.Node, "process_path", jsondoc.String) != none {
			return LayoutCuckoo2
		}
		if r.child(p.Node, "module_path", jsondoc.String) != none || r.child(p.Node, "environ", jsondoc.Object) != none {
			return LayoutCAPE
		}
		for i := 0; i < d.Len(p.Calls) && i < 8; i++ {
			c, _ := d.Index(p.Calls, i)
			switch {
			case r.child(c, "arguments", jsondoc.Object) != none, r.child(c, "return_value", jsondoc.Number) != none:
				return LayoutCuckoo2
			case r.child(c, "pretty_return", jsondoc.String) != none:
				return LayoutCAPE
			}
		}
	}
	for _, k := range []string{"file_opened", "file_created", "file_written", "file_read", "regkey_opened", "regkey_read", "regkey_written", "mutex", "command_line", "dll_loaded", "resolves_host", "connects_ip"} {
		if _, ok := d.Get(r.summary, k); ok {
			return LayoutCuckoo2
		}
	}
	for _, k := range []string{"read_files", "write_files", "delete_files", "read_keys", "write_keys", "executed_commands", "resolved_apis"} {
		if _, ok := d.Get(r.summary, k); ok {
			return LayoutCAPE
		}
	}
	if v, ok := r.str(r.child(d.Root(), "info", jsondoc.Object), "version"); ok {
		switch {
		case strings.Contains(strings.ToUpper(v), "CAPE"):
			return LayoutCAPE
		case strings.HasPrefix(v, "2."):
			return LayoutCuckoo2
		case strings.HasPrefix(v, "1.") || strings.HasPrefix(v, "0."):
			return LayoutCuckoo1
		}
	}
	if _, ok := d.Get(r.summary, "files"); ok {
		return LayoutCuckoo1
	}
	return LayoutUnknown
}

// list returns (and caches) the de-duplicated strings of one helper source.
func (r *Report) list(kind string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := r.lists[kind]; ok {
		return l
	}
	c := collector{r: r, seen: map[string]bool{}}
	sources[kind](&c)
	r.lists[kind] = c.items
	return c.items
}

// collector gathers strings in order of first appearance.
type collector struct {
	r     *Report
	seen  map[string]bool
	items []string
}

func (c *collector) add(s string) {
	if !c.seen[s] {
		c.seen[s] = true
		c.items = append(c.items, s)
	}
}

// strings adds every string element of the array at n.
func (c *collector) strings(n jsondoc.Node) {
	d := c.r.Doc
	if d.Kind(n) != jsondoc.Array {
		return
	}
	for i := 0; i < d.Len(n); i++ {
		e, _ := d.Index(n, i)
		if d.Kind(e) == jsondoc.String {
			c.add(d.Str(e))
		}
	}
}

// summary adds the string lists summary[k] for each k.
func (c *collector) summary(keys ...string) {
	for _, k := range keys {
		c.strings(c.r.child(c.r.summary, k, jsondoc.Array))
	}
}

// field adds, for every object in the array at n, its string member key.
func (c *collector) field(n jsondoc.Node, key string) {
	d := c.r.Doc
	for i := 0; i < d.Len(n); i++ {
		e, _ := d.Index(n, i)
		if s, ok := c.r.str(e, key); ok {
			c.add(s)
		}
	}
}

// net returns network[key] as an array node.
func (c *collector) net(key string) jsondoc.Node {
	return c.r.child(c.r.network, key, jsondoc.Array)
}

// sources says where each helper takes its items from, per layout
// (DESIGN.md, "Marks and helpers"). Cuckoo 1.x has no read/write split, so
// its general lists serve every variant.
var sources = map[string]func(c *collector){
	"file": func(c *collector) {
		c.summary("files", "file_opened", "file_created", "file_recreated", "file_read", "file_written", "file_deleted", "file_exists", "file_failed")
	},
	"read_file": func(c *collector) { c.general("files", "file_read", "read_files") },
	"write_file": func(c *collector) {
		c.general("files", "file_written", "file_created", "file_recreated", "write_files")
	},
	"delete_file": func(c *collector) { c.general("files", "file_deleted", "delete_files") },
	"key": func(c *collector) {
		c.summary("keys", "regkey_opened", "regkey_read", "regkey_written", "regkey_deleted")
	},
	"read_key":   func(c *collector) { c.general("keys", "regkey_read", "read_keys") },
	"write_key":  func(c *collector) { c.general("keys", "regkey_written", "write_keys") },
	"delete_key": func(c *collector) { c.general("keys", "regkey_deleted", "delete_keys") },
	"mutex":      func(c *collector) { c.summary("mutexes", "mutex") },
	"command": func(c *collector) {
		c.summary("command_line", "executed_commands")
		for _, p := range c.r.Processes {
			if p.HasCmd {
				c.add(p.CommandLine)
			}
		}
	},
	"service": func(c *collector) { c.summary("created_services", "started_services") },
	"api": func(c *collector) {
		d := c.r.Doc
		if stats := c.r.child(c.r.behavior, "apistats", jsondoc.Object); stats != none {
			for i := 0; i < d.Len(stats); i++ {
				_, per, _ := d.Member(stats, i)
				for j := 0; j < d.Len(per); j++ {
					if k, _, ok := d.Member(per, j); ok {
						c.add(d.Str(k))
					}
				}
			}
			return
		}
		for _, p := range c.r.Processes {
			c.field(p.Calls, "api")
		}
	},
	"ip": func(c *collector) {
		d := c.r.Doc
		hosts := c.net("hosts")
		for i := 0; i < d.Len(hosts); i++ {
			h, _ := d.Index(hosts, i)
			switch d.Kind(h) {
			case jsondoc.String:
				c.add(d.Str(h))
			case jsondoc.Object:
				if s, ok := c.r.str(h, "ip"); ok {
					c.add(s)
				}
			}
		}
		c.field(c.net("tcp"), "dst")
		c.field(c.net("udp"), "dst")
		c.summary("connects_ip")
	},
	"domain": func(c *collector) {
		c.field(c.net("domains"), "domain")
		c.field(c.net("dns"), "request")
		c.summary("resolves_host")
	},
	"url": func(c *collector) {
		c.field(c.net("http"), "uri")
		c.summary("fetches_url")
	},
}

// general adds the Cuckoo 1.x general list when the report is 1.x, then the
// specific lists of the other layouts.
func (c *collector) general(general string, specific ...string) {
	if c.r.Layout == LayoutCuckoo1 {
		c.summary(general)
		return
	}
	c.summary(specific...)
}

// apisOf returns the API names called by the process with the given pid
// (compared by the raw number text).
func (r *Report) apisOf(pid string) []string {
	c := collector{r: r, seen: map[string]bool{}}
	d := r.Doc
	if stats := r.child(r.behavior, "apistats", jsondoc.Object); stats != none {
		if per := r.child(stats, pid, jsondoc.Object); per != none {
			for j := 0; j < d.Len(per); j++ {
				if k, _, ok := d.Member(per, j); ok {
					c.add(d.Str(k))
				}
			}
			return c.items
		}
	}
	for _, p := range r.Processes {
		if d.Kind(p.PID) == jsondoc.Number && bytes.Equal(d.Raw(p.PID), []byte(pid)) {
			c.field(p.Calls, "api")
		}
	}
	return c.items
}
