package stdlib

import "testing"

func TestIsPrivateIP(t *testing.T) {
	cases := []struct {
		s             string
		ip, priv, pub bool
	}{
		{"10.0.0.1", true, true, false},
		{"10.255.255.255", true, true, false},
		{"172.16.0.1", true, true, false},
		{"172.31.255.254", true, true, false},
		{"172.32.0.1", true, false, true},
		{"172.15.255.255", true, false, true},
		{"192.168.56.101", true, true, false},
		{"192.169.0.1", true, false, true},
		{"127.0.0.1", true, true, false},
		{"127.8.9.10", true, true, false},
		{"169.254.1.2", true, true, false},
		{"100.64.0.1", true, true, false},
		{"100.127.255.255", true, true, false},
		{"100.128.0.1", true, false, true},
		{"100.63.255.255", true, false, true},
		{"8.8.8.8", true, false, true},
		{"0.0.0.0", true, false, false},
		{"255.255.255.255", true, false, false},
		{"224.0.0.1", true, false, false},
		{"::1", true, true, false},
		{"fc00::1", true, true, false},
		{"fd12:3456::1", true, true, false},
		{"fe80::1", true, true, false},
		{"fe80::1%eth0", true, true, false},
		{"::ffff:192.168.1.1", true, true, false},
		{"::ffff:8.8.8.8", true, false, true},
		{"2001:4860:4860::8888", true, false, true},
		{"::", true, false, false},
		{"0.1.2.3", true, false, false},
		{"239.255.255.250", true, false, false},
		{"240.0.0.1", true, false, false},
		{"223.255.255.254", true, false, true},
		{"ff02::1", true, false, false},
		{"::ffff:224.0.0.1", true, false, false},
		{"1.1.1.1", true, false, true},
		{"", false, false, false},
		{"garbage", false, false, false},
		{"10.0.0", false, false, false},
		{"10.0.0.256", false, false, false},
		{"010.0.0.1", false, false, false},
		{" 10.0.0.1", false, false, false},
		{"10.0.0.1:80", false, false, false},
		{"[::1]", false, false, false},
		{"example.com", false, false, false},
	}
	for _, c := range cases {
		if got := IsPrivateIP(c.s); got != c.priv {
			t.Errorf("IsPrivateIP(%q) = %v, want %v", c.s, got, c.priv)
		}
		if got := IsPublicIP(c.s); got != c.pub {
			t.Errorf("IsPublicIP(%q) = %v, want %v", c.s, got, c.pub)
		}
	}
	L := newState(t)
	for _, c := range cases {
		L.SetGlobal("s", luaStr(c.s))
		got, err := eval(L, `return net.is_ip(s), net.is_private_ip(s), net.is_public_ip(s)`)
		want := map[bool]string{true: "true", false: "false"}
		if err != nil || got != want[c.ip]+", "+want[c.priv]+", "+want[c.pub] {
			t.Errorf("net.is_ip/is_private_ip/is_public_ip(%q) = %s, %v; want %v, %v, %v", c.s, got, err, c.ip, c.priv, c.pub)
		}
	}
}

func TestRegisteredDomain(t *testing.T) {
	cases := []struct {
		host, reg, suffix, tld string
	}{
		{"www.example.com", "example.com", "com", "com"},
		{"a.b.example.co.uk", "example.co.uk", "co.uk", "uk"},
		{"WWW.Example.COM.", "example.com", "com", "com"},
		{"example.com:8080", "example.com", "com", "com"},
		{"example.com", "example.com", "com", "com"},
		{"evil.tk", "evil.tk", "tk", "tk"},
		{"x.y.blogspot.com", "y.blogspot.com", "blogspot.com", "com"},
		{"host.unknowntld", "host.unknowntld", "unknowntld", "unknowntld"},
		{"co.uk", "", "co.uk", "uk"},
		{"com", "", "com", "com"},
		{"localhost", "", "localhost", "localhost"},
		{"192.168.1.1", "", "", ""},
		{"[::1]:443", "", "", ""},
		{"::1", "", "", ""},
		{"", "", "", ""},
		{"a..com", "", "com", "com"},
	}
	for _, c := range cases {
		if got := RegisteredDomain(c.host); got != c.reg {
			t.Errorf("RegisteredDomain(%q) = %q, want %q", c.host, got, c.reg)
		}
	}
	L := newState(t)
	for _, c := range cases {
		L.SetGlobal("h", luaStr(c.host))
		got, err := eval(L, `return net.registered_domain(h), net.public_suffix(h), net.tld(h)`)
		want := quoteOrNil(c.reg) + ", " + quoteOrNil(c.suffix) + ", " + quoteOrNil(c.tld)
		if err != nil || got != want {
			t.Errorf("%q: got %s, %v; want %s", c.host, got, err, want)
		}
	}
}

func TestParseURL(t *testing.T) {
	runCases(t, []luaCase{
		{"full", `return net.parse_url("HTTP://user:pw@Example.COM:8080/a/b.php?x=1&y=2#frag")`,
			`{fragment="frag", host="example.com", password="pw", path="/a/b.php", port=8080, query="x=1&y=2", scheme="http", user="user"}`, false},
		{"simple", `return net.parse_url("https://example.com")`, `{host="example.com", scheme="https"}`, false},
		{"ipv6", `return net.parse_url("http://[2001:db8::1]:80/x")`, `{host="2001:db8::1", path="/x", port=80, scheme="http"}`, false},
		{"escaped path kept", `return net.parse_url("http://h/a%20b/%2F")`, `{host="h", path="/a%20b/%2F", scheme="http"}`, false},
		{"relative", `return net.parse_url("/gate.php?id=5")`, `{path="/gate.php", query="id=5"}`, false},
		{"no scheme host", `return net.parse_url("example.com/x")`, `{path="example.com/x"}`, false},
		{"opaque", `return net.parse_url("mailto:a@b.c")`, `{path="a@b.c", scheme="mailto"}`, false},
		{"unicode host", `return net.parse_url("http://bücher.de/")`, `{host="bücher.de", path="/", scheme="http"}`, false},
		{"bad port", `return net.parse_url("http://h:port/")`, "nil", false},
		{"bad escape", `return net.parse_url("http://h/%zz")`, "nil", false},
		{"control char", `return net.parse_url("http://h/\n")`, "nil", false},
		{"empty", `return net.parse_url("")`, "{}", false},
	})
}

func quoteOrNil(s string) string {
	if s == "" {
		return "nil"
	}
	return `"` + s + `"`
}
