package stdlib

import (
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"golang.org/x/net/publicsuffix"
)

func init() {
	modules = append(modules, module{name: "net", funcs: []function{
		{"is_ip", netIsIP},
		{"is_private_ip", netIsPrivateIP},
		{"is_public_ip", netIsPublicIP},
		{"parse_url", netParseURL},
		{"registered_domain", netRegisteredDomain},
		{"public_suffix", netPublicSuffix},
		{"tld", netTLD},
	}})
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// IsPrivateIP reports whether s is an IP address of a private, loopback or link-local range:
// 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10 (CGNAT), 127/8, 169.254/16, fc00::/7,
// fe80::/10 and ::1, also for IPv4 written as IPv4-mapped IPv6. False for anything that is
// not an IP address, and for the unspecified, multicast and broadcast addresses.
func IsPrivateIP(s string) bool {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return false
	}
	a = a.Unmap()
	return a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || cgnat.Contains(a)
}

// IsPublicIP reports whether s is an IP address a host on the Internet could
// have: not private (IsPrivateIP), not unspecified, not multicast, and for
// IPv4 not in 0/8 or 240/4 (reserved, and the broadcast address). It is
// what "contacted a public address" means to the network signatures.
func IsPublicIP(s string) bool {
	a, err := netip.ParseAddr(s)
	if err != nil || IsPrivateIP(s) {
		return false
	}
	a = a.Unmap()
	if a.IsUnspecified() || a.IsMulticast() {
		return false
	}
	if a.Is4() {
		first := a.As4()[0]
		return first != 0 && first < 240
	}
	return true
}

// hostName prepares a host for the suffix functions: a port and a trailing dot removed,
// lowercased; ok is false for IP addresses and empty names.
func hostName(s string) (string, bool) {
	if h, _, err := net.SplitHostPort(s); err == nil {
		s = h
	}
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if s == "" {
		return "", false
	}
	if _, err := netip.ParseAddr(strings.Trim(s, "[]")); err == nil {
		return "", false
	}
	return s, true
}

// RegisteredDomain returns the registrable domain of host (eTLD+1 by the Public Suffix List:
// "a.b.example.co.uk" -> "example.co.uk"), or "" for IP addresses, public suffixes themselves
// and malformed names.
func RegisteredDomain(host string) string {
	h, ok := hostName(host)
	if !ok {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return ""
	}
	return d
}

// netHostFunc wraps a host -> string function: nil subject or "" result give nil.
func netHostFunc(name string, f func(string) string) lua.LGFunction {
	return func(L *lua.LState) int {
		s, ok := args{L, name}.subject(1)
		if r := f(s); ok && r != "" {
			L.Push(lua.LString(r))
		} else {
			L.Push(lua.LNil)
		}
		return 1
	}
}

var (
	netRegisteredDomain = netHostFunc("net.registered_domain", RegisteredDomain)
	netPublicSuffix     = netHostFunc("net.public_suffix", func(s string) string {
		h, ok := hostName(s)
		if !ok {
			return ""
		}
		ps, _ := publicsuffix.PublicSuffix(h)
		return ps
	})
	netTLD = netHostFunc("net.tld", func(s string) string {
		h, ok := hostName(s)
		if !ok {
			return ""
		}
		return h[strings.LastIndexByte(h, '.')+1:]
	})
)

// net.is_ip(s) -> boolean
func netIsIP(L *lua.LState) int {
	s, ok := args{L, "net.is_ip"}.subject(1)
	if ok {
		_, err := netip.ParseAddr(s)
		ok = err == nil
	}
	L.Push(lua.LBool(ok))
	return 1
}

// net.is_private_ip(s) -> boolean
func netIsPrivateIP(L *lua.LState) int {
	s, ok := args{L, "net.is_private_ip"}.subject(1)
	L.Push(lua.LBool(ok && IsPrivateIP(s)))
	return 1
}

// net.is_public_ip(s) -> boolean
func netIsPublicIP(L *lua.LState) int {
	s, ok := args{L, "net.is_public_ip"}.subject(1)
	L.Push(lua.LBool(ok && IsPublicIP(s)))
	return 1
}

// net.parse_url(s) -> {scheme, user, password, host, port, path, query, fragment} | nil
func netParseURL(L *lua.LState) int {
	s, ok := args{L, "net.parse_url"}.subject(1)
	if !ok {
		L.Push(lua.LNil)
		return 1
	}
	u, err := url.Parse(s)
	if err != nil {
		L.Push(lua.LNil)
		return 1
	}
	t := L.CreateTable(0, 8)
	set := func(k, v string) {
		if v != "" {
			t.RawSetString(k, lua.LString(v))
		}
	}
	set("scheme", u.Scheme)
	if u.User != nil {
		set("user", u.User.Username())
		if p, ok := u.User.Password(); ok {
			set("password", p)
		}
	}
	set("host", strings.ToLower(u.Hostname()))
	if p, err := strconv.Atoi(u.Port()); err == nil {
		t.RawSetString("port", lua.LNumber(p))
	}
	if u.Opaque != "" {
		set("path", u.Opaque)
	} else {
		set("path", u.EscapedPath())
	}
	set("query", u.RawQuery)
	set("fragment", u.EscapedFragment())
	L.Push(t)
	return 1
}
