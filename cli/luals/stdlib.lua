---@meta stdlib
-- sigrun's standard library: re, json, path, net, hash and string helpers (stdlib/doc.go).
-- Every function returns nil, false or an empty list for a nil subject rather than raising.
-- Written by `sigrun types`; regenerate rather than edit.

---Go RE2 regular expressions (https://golang.org/s/re2syntax): no backreferences or
---lookaround, inline flags such as "(?i)". Arguments are (s, pattern, ...) like
---string.match. Compiled patterns are cached.
---@class sigrun.relib
re = {}

---Whether the RE2 pattern matches anywhere in s.
---@param s string?
---@param pattern string
---@return boolean
function re.match(s, pattern) end

---The first match and its captures (nil for a group that did not take part), or nil.
---@param s string?
---@param pattern string
---@return string? match
---@return string? ... captures
function re.find(s, pattern) end

---All (or the first n) non-overlapping matches.
---@param s string?
---@param pattern string
---@param n? integer
---@return string[]
function re.find_all(s, pattern, n) end

---Replaces matches; repl is a template ($1, ${name}) or function(match, caps...).
---@param s string?
---@param pattern string
---@param repl string|fun(match: string, ...: string): string?
---@param n? integer at most n replacements
---@return string result
---@return integer count
function re.gsub(s, pattern, repl, n) end

---Splits s around matches (n > 0: at most n parts).
---@param s string?
---@param pattern string
---@param n? integer
---@return string[]
function re.split(s, pattern, n) end

---JSON encoding and decoding.
---@class sigrun.jsonlib
---@field null userdata the sentinel for JSON null inside arrays (compare with ==)
json = {}

---JSON text: sequences -> arrays, {} -> [], other tables -> objects with sorted keys.
---@param value any
---@return string
function json.encode(value) end

---A Lua value; null members of objects are omitted, null in arrays is json.null.
---@param text string
---@return any
function json.decode(text) end

---Lexical helpers for Windows paths (both \ and / separate).
---@class sigrun.pathlib
path = {}

---Last element of a Windows path ("C:\a\b.exe" -> "b.exe").
---@param p string?
---@return string?
function path.basename(p) end

---p without its last element ("C:\a\b.exe" -> "C:\a").
---@param p string?
---@return string?
function path.dirname(p) end

---Lowercased extension with the dot (".exe"), "" if none.
---@param p string?
---@return string?
function path.extension(p) end

---Lowercased, \ only, no \\?\ \??\ \\.\ prefix, no repeated \, . and .. resolved.
---@param p string?
---@return string?
function path.normalize(p) end

---Joins elements with single backslashes.
---@param ... string
---@return string
function path.join(...) end

---Whether normalized p is dir or inside it.
---@param p string?
---@param dir string
---@return boolean
function path.is_under(p, dir) end

---Network helpers.
---@class sigrun.netlib
net = {}

---Whether s is an IPv4 or IPv6 address.
---@param s string?
---@return boolean
function net.is_ip(s) end

---RFC 1918, CGNAT 100.64/10, loopback, link-local, IPv6 ULA.
---@param s string?
---@return boolean
function net.is_private_ip(s) end

---An address a host on the Internet could have: an IP address that is not
---private, unspecified, multicast, 0/8 or 240/4.
---@param s string?
---@return boolean
function net.is_public_ip(s) end

---@class sigrun.URL
---@field scheme? string
---@field user? string
---@field password? string
---@field host? string lowercased
---@field port? integer
---@field path? string
---@field query? string
---@field fragment? string

---Parses a URL; nil when it is not one.
---@param s string?
---@return sigrun.URL?
function net.parse_url(s) end

---eTLD+1 by the Public Suffix List ("a.b.example.co.uk" -> "example.co.uk"); nil for IPs.
---@param host string?
---@return string?
function net.registered_domain(host) end

---eTLD by the Public Suffix List ("a.example.co.uk" -> "co.uk").
---@param host string?
---@return string?
function net.public_suffix(host) end

---Last label of a host name ("a.example.co.uk" -> "uk").
---@param host string?
---@return string?
function net.tld(host) end

---Digests of strings, lowercase hex.
---@class sigrun.hashlib
hash = {}

---@param s string?
---@return string?
function hash.md5(s) end

---@param s string?
---@return string?
function hash.sha1(s) end

---@param s string?
---@return string?
function hash.sha256(s) end

---Whether s begins with prefix (also s:startswith(prefix)).
---@param s string?
---@param prefix string
---@param nocase? boolean|{nocase: boolean}
---@return boolean
function string.startswith(s, prefix, nocase) end

---Whether s ends with suffix.
---@param s string?
---@param suffix string
---@param nocase? boolean|{nocase: boolean}
---@return boolean
function string.endswith(s, suffix, nocase) end

---Whether s contains sub as plain text.
---@param s string?
---@param sub string
---@param nocase? boolean|{nocase: boolean}
---@return boolean
function string.contains(s, sub, nocase) end

---Splits s around a plain separator (n > 0: at most n parts).
---@param s string?
---@param sep string
---@param n? integer
---@return string[]
function string.split(s, sep, n) end

---s without leading and trailing whitespace (or the given chars).
---@param s string?
---@param chars? string
---@return string?
function string.trim(s, chars) end
