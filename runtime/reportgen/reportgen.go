// Package reportgen writes large synthetic sandbox reports for benchmarks:
// a deterministic function of its Options, in the Cuckoo 2.x or the CAPE
// layout, with several processes, a realistic mix of API calls (including
// every API the stock signatures subscribe to), a behaviour summary, a
// network section and a few sandbox signatures.
//
//	f, _ := os.Create("/tmp/big.json")
//	err := reportgen.Write(f, reportgen.Options{Layout: "cape", Calls: 1_000_000})
//
// The same Options always give the same bytes, on every platform, so a
// benchmark number can be reproduced by anyone. From the shell:
//
//	go run ./runtime/reportgen/cmd/genreport -calls 1000000 -layout cape -o /tmp/big.json
package reportgen

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
)

// Options say what to generate. The zero value is a one-million-call CAPE
// report of about 300 MB.
type Options struct {
	// Layout is "cape" (CAPEv2: argument lists, summary files/keys/...)
	// or "cuckoo2" (Cuckoo 2.x: argument objects, file_opened/...,
	// apistats). Default "cape".
	Layout string
	// Calls is the number of API calls over all processes. Default
	// 1,000,000; ignored when Size is set.
	Calls int
	// Size, when positive, generates calls until the report is about
	// Size bytes (within a few per cent) instead of a number of calls.
	Size int64
	// Processes is the number of processes in behavior.processes; the
	// calls are spread unevenly over them, as in real runs. Default 8.
	Processes int
	// Indent is the number of spaces per nesting level. 0 (the default)
	// writes compact JSON, which gives about 300 bytes per call; 2 and 4
	// are how CAPE and Cuckoo pretty-print (about 1.6 and 2 times larger).
	Indent int
	// Seed varies the content; the same seed gives the same report.
	// Default 1.
	Seed uint64
}

// BytesPerCall is roughly how many bytes a compact call takes; Size-based
// generation uses it to scale the summary and network sections.
const BytesPerCall = 300

func (o *Options) defaults() error {
	switch o.Layout {
	case "":
		o.Layout = "cape"
	case "cape", "cuckoo2":
	default:
		return fmt.Errorf("reportgen: unknown layout %q (want cape or cuckoo2)", o.Layout)
	}
	if o.Calls < 0 || o.Size < 0 || o.Processes < 0 || o.Indent < 0 {
		return errors.New("reportgen: negative option")
	}
	if o.Calls == 0 && o.Size == 0 {
		o.Calls = 1_000_000
	}
	if o.Processes == 0 {
		o.Processes = 8
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return nil
}

// Write writes one report to w. It returns the first error of w, or an
// error for invalid options.
func Write(w io.Writer, opts Options) error {
	if err := opts.defaults(); err != nil {
		return err
	}
	g := newGen(opts)
	if opts.Size > 0 {
		// Measure everything but the calls, then give the calls the rest.
		dry := newGen(opts)
		dry.budget = 0
		var cw countWriter
		dry.e = newEnc(&cw, opts.Indent)
		dry.report()
		dry.e.flush()
		g.budget = max(opts.Size-cw.n, 0)
	}
	g.e = newEnc(w, opts.Indent)
	g.report()
	g.e.flush()
	return g.e.err
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// gen is one report being generated.
type gen struct {
	o      Options
	c2     bool
	e      *enc
	r      *rand.Rand
	scale  int   // the number of calls the sections are sized for
	budget int64 // bytes for all calls (Size mode), or -1
	procs  []proc
	cum    []int // cumulative API weights
	total  int

	files, keys, exes []string
	ms                int64 // the clock, in milliseconds since the start
}

type proc struct {
	pid, ppid int
	name      string
	path      string
	cmd       string
	share     float64 // of all calls
	tids      []int
	apiCount  []int // per api index, for apistats
	apiOrder  []int // api indices in order of first call
}

const startEpoch = 1714557600 // 2024-05-01 10:00:00 UTC

func newGen(o Options) *gen {
	g := &gen{o: o, c2: o.Layout == "cuckoo2", budget: -1}
	g.r = rand.New(rand.NewPCG(o.Seed, 0x5167756e)) // "Sigrun"
	g.scale = o.Calls
	if o.Size > 0 {
		g.scale = int(o.Size / BytesPerCall)
	}
	for _, a := range apis {
		g.total += a.weight
		g.cum = append(g.cum, g.total)
	}
	g.pools()
	g.plan()
	return g
}

// pools builds the file paths and registry keys the calls and the summary
// draw from.
func (g *gen) pools() {
	r := g.r
	// The pools are well below the number of combinations, so the loops
	// end quickly.
	seen := map[string]bool{}
	for len(g.files) < 1500 {
		f := dirs[r.IntN(len(dirs))] + `\` + baseNames[r.IntN(len(baseNames))] + exts[r.IntN(len(exts))]
		if !seen[f] {
			seen[f] = true
			g.files = append(g.files, f)
		}
	}
	g.exes = []string{
		`C:\Users\Rebecca\AppData\Roaming\svc.exe`,
		`C:\Users\Rebecca\AppData\Local\Temp\tmp4A2F.exe`,
		`C:\Users\Rebecca\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup\update.lnk`,
	}
	for len(g.keys) < 800 {
		k := keyRoots[r.IntN(len(keyRoots))] + `\` + keyPaths[r.IntN(len(keyPaths))] + `\` + valueNames[r.IntN(len(valueNames))]
		if !seen[k] {
			seen[k] = true
			g.keys = append(g.keys, k)
		}
	}
}

// plan decides the processes and how the calls are spread over them.
func (g *gen) plan() {
	r := g.r
	n := g.o.Processes
	used := map[int]bool{}
	var weights []float64
	sum := 0.0
	for i := range n {
		p := proc{apiCount: make([]int, len(apis))}
		for {
			p.pid = 4 * (50 + r.IntN(1200))
			if !used[p.pid] {
				used[p.pid] = true
				break
			}
		}
		if i == 0 {
			p.ppid = 1264 // explorer.exe
			p.name = "f5c3a1e9b7d2.exe"
			p.path = `C:\Users\Rebecca\AppData\Local\Temp\f5c3a1e9b7d2.exe`
			p.cmd = `"` + p.path + `" `
		} else {
			p.ppid = g.procs[r.IntN(i)].pid
			p.name = children[(i-1)%len(children)]
			p.path = `C:\Windows\System32\` + p.name
			p.cmd = commands[r.IntN(len(commands))]
		}
		for range 2 + r.IntN(10) {
			p.tids = append(p.tids, 4*(100+r.IntN(1000)))
		}
		// One or two processes do most of the work, as in real runs.
		w := 0.2 + r.Float64()
		if i == 2%n || i == 5%n {
			w *= 6
		}
		weights = append(weights, w)
		sum += w
		g.procs = append(g.procs, p)
	}
	for i := range g.procs {
		g.procs[i].share = weights[i] / sum
	}
}

func (g *gen) report() {
	e := g.e
	e.obj()
	g.info()
	g.target()
	e.kobj("behavior")
	if g.c2 {
		g.generic()
	}
	g.processes()
	g.processtree()
	g.summary()
	if g.c2 {
		g.apistats()
	}
	e.endObj()
	g.network()
	g.signatures()
	e.endObj()
	if g.o.Indent > 0 {
		e.buf = append(e.buf, '\n')
	}
}

func (g *gen) info() {
	e := g.e
	e.kobj("info")
	if g.c2 {
		e.kfloat("added", startEpoch-1.5, 6)
		e.kfloat("started", startEpoch, 6)
		e.kint("duration", 262)
		e.kfloat("ended", startEpoch+262.1, 6)
		e.knull("owner")
		e.kfloat("score", 8.4, 1)
		e.kint("id", 4711)
		e.kstr("category", "file")
		e.kstr("package", "exe")
		e.kstr("platform", "windows")
		e.kstr("version", "2.0.7")
	} else {
		e.kstr("version", "2.4-CAPE")
		e.kstr("started", "2024-05-01 10:00:00")
		e.kstr("ended", "2024-05-01 10:07:41")
		e.kint("duration", 461)
		e.kint("id", 4711)
		e.kstr("category", "file")
		e.kstr("package", "exe")
		e.kbool("timeout", true)
	}
	e.kobj("machine")
	e.kstr("name", "win7_2")
	e.kstr("manager", "KVM")
	e.kstr("started_on", "2024-05-01 10:00:00")
	e.endObj()
	e.endObj()
}

func (g *gen) target() {
	e := g.e
	e.kobj("target")
	e.kstr("category", "file")
	e.kobj("file")
	e.kstr("name", g.procs[0].name)
	e.kint("size", 482816)
	e.kstr("md5", "5f4dcc3b5aa765d61d8327deb882cf99")
	e.kstr("sha256", "f5c3a1e9b7d2c0ffee0ddba11f00d5eed0123456789abcdef0123456789abcd")
	e.kstr("type", "PE32 executable (GUI) Intel 80386, for MS Windows")
	e.endObj()
	e.endObj()
}

func (g *gen) generic() {
	e := g.e
	e.karr("generic")
	for _, p := range g.procs {
		e.obj()
		e.kint("pid", int64(p.pid))
		e.kint("ppid", int64(p.ppid))
		e.kstr("process_name", p.name)
		e.kstr("process_path", p.path)
		e.kobj("summary")
		e.kstrs("file_opened", g.files[:3])
		e.endObj()
		e.endObj()
	}
	e.endArr()
}

func (g *gen) processes() {
	e := g.e
	e.karr("processes")
	var done int64 // call bytes written so far (Size mode)
	cumShare := 0.0
	left := g.o.Calls
	for i := range g.procs {
		p := &g.procs[i]
		cumShare += p.share
		e.obj()
		if g.c2 {
			e.kstr("process_path", p.path)
		} else {
			e.kint("process_id", int64(p.pid))
			e.kstr("process_name", p.name)
			e.kint("parent_id", int64(p.ppid))
			e.kstr("module_path", p.path)
			e.kstr("first_seen", g.stamp())
		}
		e.karr("calls")
		switch {
		case g.budget >= 0:
			target := int64(cumShare * float64(g.budget))
			if i == len(g.procs)-1 {
				target = g.budget
			}
			for id := 0; done < target; id++ {
				before := e.written()
				g.call(p, id)
				done += e.written() - before
			}
		default:
			n := int(float64(g.o.Calls) * p.share)
			if i == len(g.procs)-1 {
				n = left
			}
			n = min(n, left)
			left -= n
			for id := range n {
				g.call(p, id)
			}
		}
		e.endArr()
		if g.c2 {
			e.kbool("track", true)
			e.kint("pid", int64(p.pid))
			e.kstr("process_name", p.name)
			e.kstr("command_line", p.cmd)
			e.karr("modules")
			e.endArr()
			e.kint("time", 0)
			e.kint("tid", int64(p.tids[0]))
			e.kfloat("first_seen", float64(startEpoch)+float64(g.ms)/1000, 6)
			e.kint("ppid", int64(p.ppid))
			e.kstr("type", "process")
		} else {
			e.karr("threads")
			for _, t := range p.tids {
				e.str(strconv.Itoa(t))
			}
			e.endArr()
			g.environ(p)
		}
		e.endObj()
	}
	e.endArr()
}

func (g *gen) environ(p *proc) {
	e := g.e
	e.kobj("environ")
	e.kstr("UserName", "Rebecca")
	e.kstr("ComputerName", "REBECCA-PC")
	e.kstr("WindowsPath", `C:\Windows`)
	e.kstr("TempPath", `C:\Users\Rebecca\AppData\Local\Temp\`)
	e.kstr("CommandLine", p.cmd)
	e.kstr("RegisteredOwner", "")
	e.kstr("SystemVolumeSerialNumber", "8c65-a894")
	e.kstr("MachineGUID", "")
	e.endObj()
}

// stamp advances the clock and formats it the CAPE way.
func (g *gen) stamp() string {
	return string(g.appendStamp(nil))
}

func (g *gen) appendStamp(b []byte) []byte {
	t := g.ms
	ms, s, m, h := t%1000, t/1000%60, t/60000%60, 10+t/3600000
	b = append(b, "2024-05-01 "...)
	b = append2(b, int(h%24))
	b = append(b, ':')
	b = append2(b, int(m))
	b = append(b, ':')
	b = append2(b, int(s))
	b = append(b, ',', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
	return b
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

func appendHex(b []byte, v uint64, width int) []byte {
	b = append(b, '0', 'x')
	var tmp [16]byte
	i := len(tmp)
	for v > 0 || len(tmp)-i < width {
		i--
		tmp[i] = hexDigits[v&0xf]
		v >>= 4
	}
	return append(b, tmp[i:]...)
}

// pick returns an API index by weight.
func (g *gen) pick() int {
	x := g.r.IntN(g.total)
	return sort.SearchInts(g.cum, x+1)
}

func (g *gen) call(p *proc, id int) {
	e, r := g.e, g.r
	ai := g.pick()
	ap := &apis[ai]
	if p.apiCount[ai] == 0 {
		p.apiOrder = append(p.apiOrder, ai)
	}
	p.apiCount[ai]++
	g.ms += int64(r.IntN(4))
	ok := r.IntN(32) != 0
	tid := p.tids[r.IntN(len(p.tids))]
	e.obj()
	if g.c2 {
		e.kstr("category", ap.cat)
		e.kint("status", b2i(ok))
		e.karr("stacktrace")
		e.endArr()
		e.kstr("api", ap.name)
		ret := int64(0)
		if !ok {
			ret = 3221225524 // STATUS_OBJECT_NAME_NOT_FOUND
		}
		e.kint("return_value", ret)
		e.kobj("arguments")
		for _, a := range ap.args {
			e.key(a.c2)
			e.buf, _ = g.value(e.buf, a.k)
		}
		e.endObj()
		e.key("time")
		e.buf = appendMicros(e.buf, (startEpoch*1000+g.ms)*1000+int64(r.IntN(1000)))
		e.kint("tid", int64(tid))
		e.kobj("flags")
		e.endObj()
	} else {
		e.key("timestamp")
		e.buf = append(e.buf, '"')
		e.buf = g.appendStamp(e.buf)
		e.buf = append(e.buf, '"')
		e.kstr("thread_id", strconv.Itoa(tid))
		e.key("caller")
		e.buf = append(e.buf, '"')
		e.buf = appendHex(e.buf, 0x75000000+uint64(r.IntN(1<<20))*16, 8)
		e.buf = append(e.buf, '"')
		e.key("parentcaller")
		e.buf = append(e.buf, '"')
		e.buf = appendHex(e.buf, 0x75000000+uint64(r.IntN(1<<20))*16, 8)
		e.buf = append(e.buf, '"')
		e.kstr("category", ap.cat)
		e.kstr("api", ap.name)
		e.kbool("status", ok)
		if ok {
			e.kstr("return", "0x00000000")
		} else {
			e.kstr("return", "0xc0000034")
			e.kstr("pretty_return", "STATUS_OBJECT_NAME_NOT_FOUND")
		}
		e.karr("arguments")
		for _, a := range ap.args {
			e.obj()
			e.kstr("name", a.cape)
			e.key("value")
			var pretty string
			e.buf, pretty = g.value(e.buf, a.k)
			if pretty != "" {
				e.kstr("pretty_value", pretty)
			}
			e.endObj()
		}
		e.endArr()
		rep := 0
		if r.IntN(8) == 0 {
			rep = r.IntN(20)
		}
		e.kint("repeated", int64(rep))
		e.kint("id", int64(id))
	}
	e.endObj()
}

// appendMicros appends us microseconds as seconds with six decimals.
func appendMicros(b []byte, us int64) []byte {
	b = strconv.AppendInt(b, us/1e6, 10)
	f := us % 1e6
	return append(b, '.', byte('0'+f/1e5), byte('0'+f/1e4%10), byte('0'+f/1e3%10), byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10))
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// value appends an argument value of kind k: a JSON string, or a number
// where Cuckoo 2 has numbers. pretty is CAPE's pretty_value, if any.
func (g *gen) value(b []byte, k kind) (_ []byte, pretty string) {
	r := g.r
	quote := func(s string) []byte { return appendString(b, s) }
	num := func(v int64, hexWidth int) []byte {
		if g.c2 {
			return strconv.AppendInt(b, v, 10)
		}
		b = append(b, '"')
		if hexWidth > 0 {
			b = appendHex(b, uint64(v), hexWidth)
		} else {
			b = strconv.AppendInt(b, v, 10)
		}
		return append(b, '"')
	}
	pair := func(l []struct{ v, pretty string }) ([]byte, string) {
		x := l[r.IntN(len(l))]
		if g.c2 {
			v, _ := strconv.ParseInt(x.v, 0, 64)
			return strconv.AppendInt(b, v, 10), ""
		}
		return appendString(b, x.v), x.pretty
	}
	switch k {
	case kHandle:
		b = append(b, '"')
		b = appendHex(b, uint64(0x40+r.IntN(0x300))*4, 8)
		return append(b, '"'), ""
	case kCurProc:
		return quote("0xffffffffffffffff"), ""
	case kAddr:
		b = append(b, '"')
		b = appendHex(b, uint64(0x00400000+r.IntN(0x7000)*0x1000), 8)
		return append(b, '"'), ""
	case kSize:
		return num(int64(1+r.IntN(64))*0x1000, 8), ""
	case kProtect:
		return pair(protects)
	case kAccess:
		return pair(accesses)
	case kDispose:
		return pair(disposes)
	case kCreateFl:
		return pair(createFls)
	case kRegType:
		return pair(regTypes)
	case kRegRoot:
		return quote("0xffffffff80000002"), ""
	case kFile:
		if r.IntN(200) == 0 {
			return quote(g.exes[r.IntN(len(g.exes))]), ""
		}
		if r.IntN(12) == 0 {
			return quote(devices[r.IntN(len(devices))]), ""
		}
		return quote(g.files[r.IntN(len(g.files))]), ""
	case kDevice:
		return quote(devices[r.IntN(len(devices))]), ""
	case kKey:
		return quote(g.keys[r.IntN(len(g.keys))]), ""
	case kSubKey:
		return quote(keyPaths[r.IntN(len(keyPaths))]), ""
	case kValName:
		return quote(valueNames[r.IntN(len(valueNames))]), ""
	case kModule:
		return quote(modules[r.IntN(len(modules))]), ""
	case kModPath:
		return quote(`C:\Windows\System32\` + modules[r.IntN(len(modules))]), ""
	case kFunc:
		return quote(funcs[r.IntN(len(funcs))]), ""
	case kOrdinal:
		if r.IntN(10) == 0 {
			return num(int64(1+r.IntN(300)), 0), ""
		}
		return num(0, 0), ""
	case kCmd:
		return quote(commands[r.IntN(len(commands))]), ""
	case kMillis:
		ms := []int64{0, 10, 30, 100, 250, 1000, 5000, 60000, 600000}
		return num(ms[r.IntN(len(ms))], 0), ""
	case kPID:
		return num(int64(g.procs[r.IntN(len(g.procs))].pid), 0), ""
	case kTID:
		return num(int64(4*(100+r.IntN(1000))), 0), ""
	case kSmall:
		return num(int64(r.IntN(40)), 0), ""
	case kText:
		return quote(texts[r.IntN(len(texts))]), ""
	case kYesNo:
		if r.IntN(50) == 0 {
			return quote("yes"), ""
		}
		return quote("no"), ""
	case kEmpty:
		return quote(""), ""
	case kIP:
		return quote(g.ip(r.IntN(6))), ""
	case kPort:
		ports := []int64{80, 443, 8080, 53, 445}
		return num(ports[r.IntN(len(ports))], 0), ""
	case kHost:
		return quote(hosts[r.IntN(len(hosts))]), ""
	case kURL:
		return quote("http://" + hosts[r.IntN(len(hosts))] + texts[8]), ""
	case kStatus:
		return quote(statuses[r.IntN(len(statuses))]), ""
	case kProcName:
		return quote(procNames[r.IntN(len(procNames))]), ""
	case kGUID:
		return quote(guids[r.IntN(len(guids))]), ""
	}
	return quote(""), ""
}

// ip is the i-th contacted address.
func (g *gen) ip(i int) string {
	return strconv.Itoa(13+i*31%200) + "." + strconv.Itoa(107+i) + ".4." + strconv.Itoa(52+i*7)
}

func (g *gen) processtree() {
	e := g.e
	e.karr("processtree")
	for _, p := range g.procs {
		e.obj()
		if g.c2 {
			e.kbool("track", true)
			e.kint("pid", int64(p.pid))
			e.kstr("process_name", p.name)
			e.kstr("command_line", p.cmd)
			e.kint("ppid", int64(p.ppid))
		} else {
			e.kstr("name", p.name)
			e.kint("pid", int64(p.pid))
			e.kint("parent_id", int64(p.ppid))
			e.kstr("module_path", p.path)
		}
		e.karr("children")
		e.endArr()
		e.endObj()
	}
	e.endArr()
}

// part returns about n items of l starting at off (wrapping), at least 1.
func part(l []string, off, n int) []string {
	n = max(1, min(n, len(l)))
	off %= len(l)
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, l[(off+i)%len(l)])
	}
	return out
}

func (g *gen) summary() {
	e := g.e
	n := max(g.scale/1000, 20) // summary entries grow with the run
	files, keys := part(g.files, 0, n), part(g.keys, 0, n)
	written := append(part(g.files, n, n/20), g.exes...)
	deleted := part(g.files, 2*n, n/50)
	var cmds []string
	for _, p := range g.procs {
		cmds = append(cmds, p.cmd)
	}
	cmds = append(cmds, commands...)
	mutexes := []string{`Global\SetupLog`, `Local\ZonesCacheCounterMutex`, "Sigrun-4711-mutex"}
	e.kobj("summary")
	if g.c2 {
		e.kstrs("file_opened", files)
		e.kstrs("file_created", written)
		e.kstrs("file_read", part(g.files, 3*n, n/4))
		e.kstrs("file_written", written)
		e.kstrs("file_deleted", deleted)
		e.kstrs("file_exists", part(g.files, 4*n, n/4))
		e.kstrs("file_failed", part(g.files, 5*n, n/10))
		e.kstrs("regkey_opened", keys)
		e.kstrs("regkey_read", part(g.keys, n, n/2))
		e.kstrs("regkey_written", part(g.keys, 2*n, n/50))
		e.kstrs("regkey_deleted", part(g.keys, 3*n, n/100))
		e.kstrs("mutex", mutexes)
		e.kstrs("command_line", cmds)
		e.kstrs("dll_loaded", modules)
		e.kstrs("resolves_host", hosts)
		var ips []string
		for i := range 6 {
			ips = append(ips, g.ip(i))
		}
		e.kstrs("connects_ip", ips)
		e.kstrs("fetches_url", []string{"http://" + hosts[3] + texts[8]})
	} else {
		e.kstrs("files", files)
		e.kstrs("read_files", part(g.files, 3*n, n/4))
		e.kstrs("write_files", written)
		e.kstrs("delete_files", deleted)
		e.kstrs("keys", keys)
		e.kstrs("read_keys", part(g.keys, n, n/2))
		e.kstrs("write_keys", part(g.keys, 2*n, n/50))
		e.kstrs("delete_keys", part(g.keys, 3*n, n/100))
		e.kstrs("executed_commands", cmds)
		var resolved []string
		for i, f := range funcs[:len(funcs)-1] {
			resolved = append(resolved, modules[i%len(modules)]+"."+f)
		}
		e.kstrs("resolved_apis", resolved)
		e.kstrs("mutexes", mutexes)
		e.kstrs("created_services", []string{"Updater"})
		e.kstrs("started_services", []string{"TrustedInstaller", "Updater"})
	}
	e.endObj()
}

func (g *gen) apistats() {
	e := g.e
	e.kobj("apistats")
	for i := range g.procs {
		p := &g.procs[i]
		e.kobj(strconv.Itoa(p.pid))
		for _, ai := range p.apiOrder {
			e.kint(apis[ai].name, int64(p.apiCount[ai]))
		}
		e.endObj()
	}
	e.endObj()
}

func (g *gen) network() {
	e := g.e
	n := max(g.scale/20000, 6)
	e.kobj("network")
	e.karr("hosts")
	for i := range n {
		if g.c2 {
			e.str(g.ip(i))
			continue
		}
		e.obj()
		e.kstr("ip", g.ip(i))
		e.kstr("country_name", "United States")
		e.kstr("hostname", hosts[i%len(hosts)])
		e.kstr("inaddrarpa", "")
		e.endObj()
	}
	e.endArr()
	e.karr("domains")
	for i := range min(n, len(hosts)) {
		e.obj()
		e.kstr("domain", hosts[i])
		e.kstr("ip", g.ip(i))
		e.endObj()
	}
	e.endArr()
	for _, proto := range []string{"tcp", "udp"} {
		e.karr(proto)
		for i := range 4 * n {
			e.obj()
			e.kstr("src", "192.168.56.101")
			e.kstr("dst", g.ip(i%n))
			e.kint("offset", int64(1000*i))
			e.kfloat("time", float64(i)*0.37, 6)
			e.kint("dport", []int64{80, 443, 53, 8080}[i%4])
			e.kint("sport", int64(49152+i))
			e.endObj()
		}
		e.endArr()
	}
	e.karr("dns")
	for i := range min(n, len(hosts)) {
		e.obj()
		e.kstr("request", hosts[i])
		e.kstr("type", "A")
		e.karr("answers")
		e.obj()
		e.kstr("type", "A")
		e.kstr("data", g.ip(i))
		e.endObj()
		e.endArr()
		e.endObj()
	}
	e.endArr()
	e.karr("http")
	for i := range 3 {
		e.obj()
		e.kstr("uri", "http://"+hosts[3+i%2]+texts[8])
		e.kstr("host", hosts[3+i%2])
		e.kint("port", 80)
		e.kstr("method", "GET")
		e.kstr("path", texts[8])
		e.kstr("user-agent", "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1)")
		e.endObj()
	}
	e.endArr()
	e.endObj()
}

func (g *gen) signatures() {
	e := g.e
	e.karr("signatures")
	for _, s := range []struct {
		name, desc string
		sev        int64
	}{
		{"antidebug_setunhandledexceptionfilter", "SetUnhandledExceptionFilter detected (possible anti-debug)", 1},
		{"sandbox_own_check", "A signature of the sandbox itself", 2},
	} {
		e.obj()
		e.kstr("name", s.name)
		e.kstr("description", s.desc)
		e.kint("severity", s.sev)
		e.kint("weight", 1)
		e.kint("confidence", 40)
		e.karr("references")
		e.endArr()
		e.karr("data")
		e.endArr()
		e.kbool("alert", false)
		e.karr("families")
		e.endArr()
		e.endObj()
	}
	e.endArr()
}
