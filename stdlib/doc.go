// Package stdlib is the Lua standard library of sigrun signatures: the modules re, json, path,
// net and hash, and helper functions added to the string table. Open installs them into the
// globals table of one gopher-lua state; the sandbox calls it for every pooled state. The Go
// halves are stateless apart from a bounded, concurrency-safe cache of compiled regexps
// shared by all states, so states on different goroutines never contend on anything else.
//
//	L := lua.NewState()
//	stdlib.Open(L, L.G.Global)
//	err := L.DoString(`assert(re.match(path.basename([[C:\x\a.EXE]]), "(?i)\\.exe$"))`)
//
// Every function accepts nil as its subject (first argument) and then returns nil, false or
// an empty list rather than raising; any other argument of the wrong type raises
// "bad argument #N to 'module.func' (string expected, got table)". Numbers are accepted
// where strings are expected, as in Lua.
//
// # Functions
//
// The list below is the reference of the Lua API (it is copied into the editor definitions).
//
//	re.match(s, pattern) -> boolean                   whether the RE2 pattern matches anywhere in s
//	re.find(s, pattern) -> match, cap1, ... | nil     first match and its captures (nil for a group that did not take part)
//	re.find_all(s, pattern[, n]) -> {match, ...}      all (or the first n) non-overlapping matches
//	re.gsub(s, pattern, repl[, n]) -> string, count   replace matches; repl is a template ($1, ${name}) or function(match, caps...)
//	re.split(s, pattern[, n]) -> {part, ...}          split s around matches (n > 0: at most n parts)
//	json.encode(value) -> string                      JSON text; sequences -> arrays, {} -> [], other tables -> objects with sorted keys
//	json.decode(text) -> value                        Lua value; null members of objects are omitted, null in arrays is json.null
//	json.null                                         the sentinel for JSON null inside arrays (compare with ==)
//	path.basename(p) -> string                        last element of a Windows path ("C:\a\b.exe" -> "b.exe")
//	path.dirname(p) -> string                         p without its last element ("C:\a\b.exe" -> "C:\a")
//	path.extension(p) -> string                       lowercased extension with the dot (".exe"), "" if none
//	path.normalize(p) -> string                       lowercased, \ only, no \\?\ \??\ \\.\ prefix, no repeated \, . and .. resolved
//	path.join(p1, p2, ...) -> string                  join elements with single backslashes
//	path.is_under(p, dir) -> boolean                  whether normalized p is dir or inside it
//	net.is_ip(s) -> boolean                           whether s is an IPv4 or IPv6 address
//	net.is_private_ip(s) -> boolean                   RFC 1918, CGNAT 100.64/10, loopback, link-local, IPv6 ULA
//	net.is_public_ip(s) -> boolean                    an IP address not private, unspecified, multicast, 0/8 or 240/4
//	net.parse_url(s) -> table | nil                   {scheme, user, password, host, port, path, query, fragment}, absent parts nil
//	net.registered_domain(host) -> string | nil       eTLD+1 by the Public Suffix List ("a.b.example.co.uk" -> "example.co.uk")
//	net.public_suffix(host) -> string | nil           eTLD by the Public Suffix List ("a.example.co.uk" -> "co.uk")
//	net.tld(host) -> string | nil                     last label of a host name ("a.example.co.uk" -> "uk")
//	hash.md5(s) -> string                             MD5 of s, lowercase hex
//	hash.sha1(s) -> string                            SHA-1 of s, lowercase hex
//	hash.sha256(s) -> string                          SHA-256 of s, lowercase hex
//	string.startswith(s, prefix[, nocase]) -> boolean whether s begins with prefix (also s:startswith(prefix))
//	string.endswith(s, suffix[, nocase]) -> boolean   whether s ends with suffix
//	string.contains(s, sub[, nocase]) -> boolean      whether s contains sub as plain text
//	string.split(s, sep[, n]) -> {part, ...}          split around a plain separator (n > 0: at most n parts)
//	string.trim(s[, chars]) -> string                 s without leading and trailing whitespace (or the given chars)
//
// nocase is a boolean or an options table {nocase = true}; case-insensitive comparison uses
// Unicode simple case folding.
//
// # Details
//
// re: patterns are Go RE2 syntax (https://golang.org/s/re2syntax), no backreferences or
// lookaround; flags inline, e.g. "(?i)". Arguments are ordered (s, pattern, ...) like Lua's
// string.match. A bad pattern raises `re: invalid pattern "(": <Go's error>`. Compiled
// patterns are cached for all states (RegexpCacheSize entries; the cache is dropped when
// full), so there is no re.compile.
//
// json: see AppendJSON for the encoding and DecodeJSON for the decoding rules. Integers beyond
// ±2^53 that a float64 cannot hold exactly decode to their decimal string, as in report views.
//
// path: both \ and / separate; the functions are lexical and never touch a filesystem.
//
// net: registered_domain, public_suffix and tld accept a host with a port or a trailing dot,
// and return nil for IP addresses. parse_url uses Go's net/url and returns nil when it
// rejects the text; host is lowercased, port is a number.
//
// Nothing in this package reads files, the environment or the network.
package stdlib
