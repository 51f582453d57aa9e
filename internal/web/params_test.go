package web

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

func TestRequestParams(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"", true}, {"2031", true}, {"2031-03", true}, {"2031-03-07", true}, {"2031-3-7", false}, {"March", false}, {"2031-03-07T10:00", false}} {
		if got := validDate(tc.in); got != tc.want {
			t.Errorf("validDate(%q) = %v", tc.in, got)
		}
	}
	for in, want := range map[string]string{
		"../../etc/passwd": "passwd", `..\..\win.ini`: "win.ini", ".hidden": "hidden", "a b&c.txt": "a_b_c.txt", "": "upload.txt", "/": "_",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/ingest": "/ingest", "//evil.example": "/", "/\\evil.example": "/", "https://evil.example": "/", "ingest": "/", "/a\r\nSet-Cookie: x": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
	for in, ok := range map[string]bool{
		"https://example.test/a": true, "http://example.test": true, "javascript:alert(1)": false, "file:///etc/passwd": false,
		"/etc/passwd": false, "https://": false, "ftp://example.test/": false,
	} {
		if _, err := checkURL(in); (err == nil) != ok {
			t.Errorf("checkURL(%q): err %v", in, err)
		}
	}
	for in, want := range map[string][2]int{"3-9": {3, 9}, "9-3": {0, 0}, "-1-4": {0, 0}, "0-100": {0, 0}, "x": {0, 0}, "0-10": {0, 10}} {
		if got := parseFocus(in, 10); got[0] != want[0] || got[1] != want[1] {
			t.Errorf("parseFocus(%q) = %v, want %v", in, got, want)
		}
	}
	if got := truncate(3, "héllo"); got != "hél…" {
		t.Errorf("truncate = %q", got)
	}
	rn := uploadName(filepath.Join("tmp", "up"))
	if got := rn(filepath.Join("tmp", "up", "007-notes.txt")); got != "upload:notes.txt" {
		t.Errorf("uploadName = %q", got)
	}
}

// FuzzRequestParams feeds arbitrary strings to every parser of request
// input: none may panic, and what they let through must keep their promise.
func FuzzRequestParams(f *testing.F) {
	for _, s := range []string{"2031-03-07", "../x", "//evil", "3-9", "https://e.test/", "\x00", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = validDate(s)
		if n := safeName(s); n == "" || strings.ContainsAny(n, `/\`) || strings.HasPrefix(n, ".") {
			t.Fatalf("safeName(%q) = %q", s, n)
		}
		if p := localPath(s); !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
			t.Fatalf("localPath(%q) = %q", s, p)
		}
		if u, err := checkURL(s); err == nil && !strings.HasPrefix(u, "http") {
			t.Fatalf("checkURL(%q) let %q through", s, u)
		}
		if sp := parseFocus(s, 50); sp.Len() < 0 || sp[1] > 50 {
			t.Fatalf("parseFocus(%q) = %v", s, sp)
		}
		r := httptest.NewRequest("GET", "/api/v1/statements", nil)
		q := r.URL.Query()
		for _, k := range []string{"limit", "offset", "from", "kind", "actor_id", "q", "speaker"} {
			q.Set(k, s)
		}
		r.URL.RawQuery = q.Encode()
		if l, o, err := paging(r, 50, 500); err == nil && (l < 1 || l > 500 || o < 0) {
			t.Fatalf("paging(%q) = %d, %d", s, l, o)
		}
		_, _ = statementQuery(r)
		_, _ = articleQuery(r)
	})
}

func TestUntitled(t *testing.T) {
	if untitled("  ") != "(untitled)" || untitled("Talks") != "Talks" {
		t.Error("untitled")
	}
}
