package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesAreSkipped: a named pipe (in a folder or named on the
// command line) is reported and skipped; it used to block the reader for
// good. A socket too.
func TestSpecialFilesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "a.txt", []byte(sampleArticle))
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	sock := filepath.Join(dir, "sock.txt")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no unix sockets here: %v", err)
	}
	defer ln.Close()
	for _, inputs := range [][]string{{dir}, {fifo, sock, good}} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		var docs []Document
		var errs []error
		for d, err := range New(DefaultConfig(), nil, nil).Documents(ctx, inputs) {
			if err != nil {
				errs = append(errs, err)
			} else {
				docs = append(docs, d)
			}
		}
		cancel()
		if len(docs) != 1 || docs[0].Source != good {
			t.Errorf("%v: documents %v, want only %s", inputs, docs, good)
		}
		if len(errs) != 2 || !errors.Is(errs[0], ErrNotRegular) || !errors.Is(errs[1], ErrNotRegular) {
			t.Fatalf("%v: errors %v, want two ErrNotRegular", inputs, errs)
		}
		if !strings.Contains(errs[0].Error(), "pipe.txt: not a regular file: a named pipe") ||
			!strings.Contains(errs[1].Error(), "sock.txt: not a regular file: a socket") {
			t.Errorf("errors do not say why: %v", errs)
		}
	}
}

// TestTruncatedWARC: a record cut short is an error naming the archive and
// the record, never a document with its end missing; an archive with no
// article is reported.
func TestTruncatedWARC(t *testing.T) {
	dir := t.TempDir()
	a := warcRecord("https://example.org/a", "text/html", "<html><body><p>Story A is whole.</p></body></html>")
	b := warcRecord("https://example.org/b.txt", "text/plain", "Story B is a long sentence that gets cut off in the download.")
	req := "WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:00000001-0000-0000-0000-000000000000>\r\nWARC-Date: 2031-03-03T10:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
	tests := []struct {
		name     string
		data     string
		wantDocs int
		want     error
	}{
		{"last body cut", a + b[:len(b)-20], 1, ErrTruncated},
		{"last body cut to a few words", a + b[:len(b)-50], 1, ErrTruncated},
		{"cut inside the HTTP head", a + b[:len(b)-80], 1, ErrTruncated},
		{"only a request record", req, 0, ErrNoDocuments},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := write(t, dir, strings.ReplaceAll(tt.name, " ", "-")+".warc", []byte(tt.data))
			docs, errs := collect(t, New(DefaultConfig(), nil, nil), f)
			if len(docs) != tt.wantDocs {
				t.Errorf("%d documents, want %d: %+v", len(docs), tt.wantDocs, docs)
			}
			for _, d := range docs {
				if strings.Contains(d.Text, "Story B") {
					t.Errorf("the cut record became a document: %q", d.Text)
				}
			}
			if len(errs) != 1 || !errors.Is(errs[0], tt.want) || !strings.Contains(errs[0].Error(), f) {
				t.Fatalf("errors %v, want one %v naming %s", errs, tt.want, f)
			}
		})
	}
}

// TestEmptyFolder: a folder with nothing to read says so.
func TestEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "notes.doc", []byte("not read"))
	docs, errs := collect(t, New(DefaultConfig(), nil, nil), dir)
	if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNoDocuments) {
		t.Fatalf("docs %d, errors %v; want one ErrNoDocuments", len(docs), errs)
	}
}

// TestEmptyJSONLines: a dump with no record says so.
func TestEmptyJSONLines(t *testing.T) {
	f := write(t, t.TempDir(), "none.jsonl", []byte("\n  \n"))
	docs, errs := collect(t, New(DefaultConfig(), nil, nil), f)
	if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNoDocuments) {
		t.Fatalf("docs %d, errors %v; want one ErrNoDocuments", len(docs), errs)
	}
}

// TestArticleSizeCap: an article over MaxText is an input error naming it,
// whatever brings it (a text dump, a JSON Lines record, an HTML page), and
// the next record is still read.
func TestArticleSizeCap(t *testing.T) {
	dir := t.TempDir()
	cfg := DefaultConfig()
	cfg.MaxText = 4 << 10
	long := strings.Repeat("The minister said the talks went on. ", 200) // 7.4 KiB
	rec := func(text string) string { return fmt.Sprintf(`{"text": %q}`, text) }
	jl := write(t, dir, "dump.jsonl", []byte(rec(long)+"\n"+rec(sampleArticle)+"\n"))
	txt := write(t, dir, "long.txt", []byte(long))
	page := write(t, dir, "page.html", []byte("<html><body><p>"+strings.Repeat(long, 5)+"</p></body></html>"))
	docs, errs := collect(t, New(cfg, nil, nil), jl, txt, page)
	if len(docs) != 1 || docs[0].Text != sampleArticle {
		t.Errorf("documents %+v, want the short record only", docs)
	}
	if len(errs) != 3 {
		t.Fatalf("errors %v, want 3", errs)
	}
	for i, want := range []string{jl + "#1", txt, page} {
		if !errors.Is(errs[i], ErrTooLarge) || !strings.HasPrefix(errs[i].Error(), want+": ") || !strings.Contains(errs[i].Error(), "KiB") {
			t.Errorf("error %q: want ErrTooLarge naming %s", errs[i], want)
		}
	}
	// A record line far over the cap is skipped unread, and the next read.
	cfg.MaxRecord = 16 << 10
	huge := write(t, dir, "huge.jsonl", []byte(rec(strings.Repeat(long, 10))+"\n"+rec(sampleArticle)+"\n"))
	docs, errs = collect(t, New(cfg, nil, nil), huge)
	if len(docs) != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.HasPrefix(errs[0].Error(), huge+"#1: ") {
		t.Errorf("huge record: docs %d, errors %v", len(docs), errs)
	}
}

// TestUpperCaseURL: "HTTP://" is a URL, not a file name.
func TestUpperCaseURL(t *testing.T) {
	for _, u := range []string{"HTTP://example.org/a", "Https://example.org/a", "http://x"} {
		if !IsURL(u) {
			t.Errorf("IsURL(%q) = false", u)
		}
	}
	for _, u := range []string{"file:///etc/passwd", "HTTP:/x", "http.txt", "javascript://x"} {
		if IsURL(u) {
			t.Errorf("IsURL(%q) = true", u)
		}
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	up := "HTTP://" + strings.TrimPrefix(srv.URL, "http://") + "/x"
	_, errs := collect(t, New(DefaultConfig(), nil, nil), up)
	if len(errs) != 1 || !errors.Is(errs[0], ErrRefused) {
		t.Fatalf("%s: errors %v, want it fetched (and refused as loopback), not read as a path", up, errs)
	}
}

// TestSSRF: every fetch path refuses loopback, private, link-local and
// metadata addresses by default — a URL input, a feed item's link and a
// redirect from a public page alike — unless RefusePrivate is off.
func TestSSRF(t *testing.T) {
	for _, ip := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254", "100.100.100.200",
		"0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "64:ff9b::a00:1", "224.0.0.1", "255.255.255.255", "not-an-ip"} {
		if PublicAddr(ip) {
			t.Errorf("PublicAddr(%s) = true", ip)
		}
	}
	for _, ip := range []string{"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822"} {
		if !PublicAddr(ip) {
			t.Errorf("PublicAddr(%s) = false", ip)
		}
	}
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "secret internal data")
	}))
	defer srv.Close()
	dir := t.TempDir()
	feed := write(t, dir, "feed.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Teaser</title><link>`+srv.URL+`/admin</link><description>Short.</description></item></channel></rss>`))
	docs, errs := collect(t, New(DefaultConfig(), nil, nil), srv.URL+"/a", feed)
	if len(docs) != 0 || len(errs) != 2 || !errors.Is(errs[0], ErrRefused) || !errors.Is(errs[1], ErrRefused) || hits != 0 {
		t.Fatalf("docs %d, errors %v, hits %d: want both refused, nothing fetched", len(docs), errs, hits)
	}
	cfg := DefaultConfig()
	cfg.RefusePrivate = false
	docs, errs = collect(t, New(cfg, nil, nil), srv.URL+"/a")
	if len(docs) != 1 || len(errs) != 0 {
		t.Fatalf("allowed: docs %d, errors %v", len(docs), errs)
	}
}

// TestSSRFAfterRedirect: the check is made on every connection, so a
// redirect to loopback is refused too (the dialer hook, not the URL).
func TestSSRFAfterRedirect(t *testing.T) {
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	defer inner.Close()
	r := New(DefaultConfig(), nil, nil)
	// Without a public server at hand, the client's dialer is checked
	// directly with the redirect's target address.
	tr := r.client.Transport.(*http.Transport)
	_, err := tr.DialContext(context.Background(), "tcp", strings.TrimPrefix(inner.URL, "http://"))
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("dial %s: %v, want ErrRefused", inner.URL, err)
	}
	if tr.Proxy != nil {
		t.Errorf("a proxy would dial past the check")
	}
}
