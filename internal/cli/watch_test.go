package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchOnce watches a local feed through the queue: its items are
// analysed and stored, and a second round stores nothing new.
func TestWatchOnce(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>
<item><title>Harbour talks resume</title><link>/news/1</link></item>
<item><title>Harbour talks end</title><link>/news/2</link></item></channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><head><title>Talks %s</title></head><body><article><h1>Talks %s</h1>
<p>PORTVILLE, March 3, 2031 (NAP) - The harbour talks of %s resumed on Monday, envoy Piotr Lind told reporters.</p>
<p>"We are ready to sign," he said.</p></article></body></html>`, r.URL.Path, r.URL.Path, r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(sources, []byte("rate: 0s\nsources:\n  - name: port\n    feed: "+srv.URL+"/feed.xml\n    allow_private: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "w.db")
	ctx := context.Background()
	code, out, errs := run(t, ctx, db, "", "watch", "--once", sources)
	if code != 0 || !strings.Contains(out, "port\tfeed\tnew 2\tok") {
		t.Fatalf("watch: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run(t, ctx, db, "", "articles", "--format", "json")
	if code != 0 || strings.Count(out, `"content_hash"`) != 2 {
		t.Fatalf("articles after watch: %s", out)
	}
	code, out, errs = run(t, ctx, db, "", "watch", "--once", sources)
	if code != 0 || !strings.Contains(out, "new 2\tok") || !strings.Contains(out, "jobs done 1,") {
		t.Errorf("second round: exit %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = run(t, ctx, db, "", "watch", "--once", filepath.Join(dir, "missing.yaml"))
	if code == 0 {
		t.Errorf("missing sources file accepted: %s", errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("sources:\n  - name: x\n    feed: nope\n"), 0o644)
	code, _, errs = run(t, ctx, db, "", "watch", "--once", bad)
	if code != ExitUsage || !strings.Contains(errs, "bad.yaml:3:11: feed: want an http(s) URL") {
		t.Errorf("bad sources file: exit %d, %s", code, errs)
	}
	code, out, _ = run(t, ctx, db, "", "jobs")
	if code != 0 || !strings.HasPrefix(out, "id") {
		t.Errorf("jobs: %d %s", code, out)
	}
}
