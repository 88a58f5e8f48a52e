package runtime

import (
	"encoding/json"
	"path"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/sigrun-dev/sigrun/stdlib"
)

// Signature is one compiled, validated signature. It is immutable.
type Signature struct {
	Name        string
	Description string
	Severity    int
	Categories  []string
	Families    []string
	Authors     []string
	References  []string
	TTPs        []string
	Enabled     bool
	Alert       bool
	Order       int
	MarkCount   int
	Filter      Filter

	File   string // path as shown in messages
	Source []byte

	proto                                          *lua.FunctionProto
	runLine                                        int // where run is defined, for errors about its results
	hasRun, hasOnCall, hasOnProcess, hasOnComplete bool
}

// Filter restricts the calls that reach on_call; it is decided in Go.
type Filter struct {
	APINames     []string
	Categories   []string
	ProcessNames []string
	Arguments    map[string][]string // argument name -> substrings, case-insensitive
}

// Hooks lists the hooks the signature defines, in calling order.
func (s *Signature) Hooks() []string {
	var h []string
	for _, x := range []struct {
		ok   bool
		name string
	}{{s.hasOnProcess, "on_process"}, {s.hasOnCall, "on_call"}, {s.hasOnComplete, "on_complete"}, {s.hasRun, "run"}} {
		if x.ok {
			h = append(h, x.name)
		}
	}
	return h
}

// MarshalJSON gives the metadata object of `sigrun list --format json`.
func (s *Signature) MarshalJSON() ([]byte, error) {
	type meta struct {
		Name        string              `json:"name"`
		Description string              `json:"description"`
		Severity    int                 `json:"severity"`
		Categories  []string            `json:"categories"`
		Families    []string            `json:"families"`
		Authors     []string            `json:"authors"`
		References  []string            `json:"references"`
		TTPs        []string            `json:"ttps"`
		Enabled     bool                `json:"enabled"`
		Alert       bool                `json:"alert"`
		Order       int                 `json:"order"`
		MarkCount   int                 `json:"markcount"`
		APINames    []string            `json:"filter_apinames"`
		CatFilter   []string            `json:"filter_categories"`
		ProcFilter  []string            `json:"filter_processnames"`
		ArgFilter   map[string][]string `json:"filter_arguments"`
		Hooks       []string            `json:"hooks"`
		File        string              `json:"file"`
	}
	nz := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	args := s.Filter.Arguments
	if args == nil {
		args = map[string][]string{}
	}
	return json.Marshal(meta{s.Name, s.Description, s.Severity, nz(s.Categories), nz(s.Families), nz(s.Authors),
		nz(s.References), nz(s.TTPs), s.Enabled, s.Alert, s.Order, s.MarkCount,
		nz(s.Filter.APINames), nz(s.Filter.Categories), nz(s.Filter.ProcessNames), args, nz(s.Hooks()), s.File})
}

// Set is an immutable, validated collection of signatures with unique
// names, in run order (order, then name). It is safe for concurrent use.
type Set struct {
	sigs   []*Signature
	byName map[string]*Signature
	funcs  map[string]any
}

func newSet(sigs []*Signature, funcs map[string]any) (*Set, Errors) {
	var errs Errors
	set := &Set{byName: map[string]*Signature{}, funcs: funcs}
	for _, s := range sigs {
		if prev, dup := set.byName[s.Name]; dup {
			errs = append(errs, &Error{Kind: KindLoad, Signature: s.Name, File: s.File, Line: 1,
				Msg:  "duplicate signature name `" + s.Name + "` (already defined in " + prev.File + ")",
				Hint: "give one of them another name"})
			continue
		}
		set.byName[s.Name] = s
		set.sigs = append(set.sigs, s)
	}
	sortSigs(set.sigs)
	return set, errs
}

func sortSigs(sigs []*Signature) {
	sort.Slice(sigs, func(i, j int) bool {
		if sigs[i].Order != sigs[j].Order {
			return sigs[i].Order < sigs[j].Order
		}
		return sigs[i].Name < sigs[j].Name
	})
}

// Signatures returns every signature of the set, enabled or not, in run
// order. The slice must not be modified.
func (s *Set) Signatures() []*Signature { return s.sigs }

// Lookup returns the signature called name, or nil.
func (s *Set) Lookup(name string) *Signature { return s.byName[name] }

// Len is the number of signatures.
func (s *Set) Len() int { return len(s.sigs) }

// Select returns the subset of signatures for which keep is true.
func (s *Set) Select(keep func(*Signature) bool) *Set {
	sub := &Set{byName: map[string]*Signature{}, funcs: s.funcs}
	for _, sig := range s.sigs {
		if keep(sig) {
			sub.sigs = append(sub.sigs, sig)
			sub.byName[sig.Name] = sig
		}
	}
	return sub
}

// MatchNames reports whether name matches one of the comma-separated glob
// patterns (path.Match syntax), as used by --only.
func MatchNames(patterns []string, name string) bool {
	for _, p := range patterns {
		for _, g := range strings.Split(p, ",") {
			if ok, _ := path.Match(strings.TrimSpace(g), name); ok {
				return true
			}
		}
	}
	return false
}

func encodeErrorValue(v lua.LValue) (string, error) {
	b, err := stdlib.AppendJSON(nil, v)
	return string(b), err
}
