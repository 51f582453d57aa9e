package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/ingest"
)

// site is a local news site: a feed, a sitemap, pages and robots.txt,
// counting the requests each path gets.
type site struct {
	*httptest.Server
	mu     sync.Mutex
	items  []string // page paths the feed lists, newest last
	robots string
	fail   int // answer the feed with 500 this many more times
	hits   map[string]int
	etag   string
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, robots: "User-agent: *\nDisallow: /private/\n"}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r)
		s.mu.Lock()
		defer s.mu.Unlock()
		fmt.Fprint(w, s.robots)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.fail > 0 {
			s.fail--
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		etag := fmt.Sprintf(`"v%d"`, len(s.items))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>`)
		for i, p := range s.items {
			fmt.Fprintf(w, `<item><title>Item %d</title><link>%s</link><pubDate>Mon, 03 Mar 2031 10:00:00 GMT</pubDate></item>`, i, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r)
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/news/1</loc><news:news><news:publication_date>2031-03-03</news:publication_date><news:title>Harbour talks</news:title></news:news></url>
<url><loc>/news/2</loc><lastmod>2031-03-04T08:00:00Z</lastmod></url></urlset>`)
	})
	page := func(w http.ResponseWriter, r *http.Request) {
		s.hit(r)
		fmt.Fprintf(w, `<html><head><title>Talks %s</title></head><body><article><h1>Talks %s</h1>
<p>PORTVILLE, March 3, 2031 (NAP) - The harbour talks resumed on Monday, envoy Piotr Lind told reporters at %s.</p>
<p>"We are ready to sign," he said.</p></article></body></html>`, r.URL.Path, r.URL.Path, r.URL.Path)
	}
	mux.HandleFunc("/news/", page)
	mux.HandleFunc("/private/", page)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *site) hit(r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) add(path string) {
	s.mu.Lock()
	s.items = append(s.items, s.URL+path)
	s.mu.Unlock()
}

// rig is a watcher over one source with a driven clock and a sink that
// records what it is handed.
type rig struct {
	w    *Watcher
	now  time.Time
	got  []ingest.Document
	sink error
}

func newRig(t *testing.T, src Source) *rig {
	t.Helper()
	r := &rig{now: time.Date(2031, 3, 3, 12, 0, 0, 0, time.UTC)}
	if src.Every == 0 {
		src.Every = time.Minute
	}
	src.Timeout, src.MaxBytes, src.MaxItems = 5*time.Second, 1<<20, 100
	cfg := &Config{File: "test.yaml", Sources: []Source{src}, UserAgent: DefaultAgent}
	w, err := New(cfg, func(_ context.Context, _ Source, docs []ingest.Document) error {
		if r.sink != nil {
			return r.sink
		}
		r.got = append(r.got, docs...)
		return nil
	}, Options{Now: func() time.Time { return r.now }, StatePath: filepath.Join(t.TempDir(), "state.json")})
	if err != nil {
		t.Fatal(err)
	}
	r.w = w
	return r
}

func (r *rig) poll(t *testing.T) error {
	t.Helper()
	return r.w.Poll(context.Background(), r.w.cfg.Sources[0].Name)
}

func (r *rig) health() Health { return r.w.Health()[0] }

func urls(docs []ingest.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.URL)
	}
	return out
}

func TestNewItemOnNextPoll(t *testing.T) {
	s := newSite(t)
	s.add("/news/1")
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if got := urls(r.got); len(got) != 1 || got[0] != s.URL+"/news/1" || r.got[0].Format != ingest.FormatHTML || r.got[0].Title != "Item 0" {
		t.Fatalf("first poll: %v", got)
	}
	if !r.got[0].PublishedHasTime || r.got[0].Published.Format("2006-01-02") != "2031-03-03" {
		t.Errorf("feed date not carried: %+v", r.got[0].Published)
	}
	if h := r.health(); h.NewItems != 1 || h.LastStatus != "ok" || !h.NextPoll.Equal(r.now.Add(time.Minute)) || !h.LastNewItem.Equal(r.now) {
		t.Errorf("health after first poll: %+v", h)
	}
	if due := r.w.Due(); len(due) != 0 {
		t.Errorf("due right after a poll: %v", due)
	}
	r.now = r.now.Add(time.Minute)
	if due := r.w.Due(); len(due) != 1 {
		t.Errorf("not due after its schedule: %v", due)
	}
	s.add("/news/2")
	r.got = nil
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if got := urls(r.got); len(got) != 1 || got[0] != s.URL+"/news/2" {
		t.Fatalf("second poll: %v, want only the new item", got)
	}
	if n := s.count("/news/1"); n != 1 {
		t.Errorf("old item fetched %d times, want 1", n)
	}
	// A restarted watcher remembers what it saw.
	w2, err := New(r.w.cfg, func(_ context.Context, _ Source, docs []ingest.Document) error {
		t.Errorf("restarted watcher handed on %v", urls(docs))
		return nil
	}, Options{Now: func() time.Time { return r.now }, StatePath: r.w.path})
	if err != nil {
		t.Fatal(err)
	}
	if err := w2.Poll(context.Background(), "port"); err != nil {
		t.Fatal(err)
	}
}

func TestNotModifiedCostsNothing(t *testing.T) {
	s := newSite(t)
	s.add("/news/1")
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	r.got = nil
	for range 3 {
		r.now = r.now.Add(time.Minute)
		if err := r.poll(t); err != nil {
			t.Fatal(err)
		}
	}
	if len(r.got) != 0 {
		t.Errorf("unchanged feed handed on %v", urls(r.got))
	}
	if h := r.health(); h.LastStatus != "not modified" || h.NewItems != 1 {
		t.Errorf("health: %+v", h)
	}
	if n := s.count("/news/1"); n != 1 {
		t.Errorf("item fetched %d times, want 1", n)
	}
	if n := s.count("/feed.xml"); n != 4 {
		t.Errorf("feed fetched %d times, want 4", n)
	}
}

func TestFailingFeedBacksOffAndRecovers(t *testing.T) {
	s := newSite(t)
	s.add("/news/1")
	s.fail = 3
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true, Every: time.Minute})
	for i, wait := range []time.Duration{2 * time.Minute, 4 * time.Minute, 8 * time.Minute} {
		err := r.poll(t)
		if !errors.Is(err, ErrStatus) {
			t.Fatalf("poll %d: %v, want a status error", i, err)
		}
		h := r.health()
		if h.Failures != i+1 || h.Errors != i+1 || h.LastError == "" || !h.NextPoll.Equal(r.now.Add(wait)) {
			t.Fatalf("poll %d: failures %d, next poll in %v, want %d, %v", i, h.Failures, h.NextPoll.Sub(r.now), i+1, wait)
		}
		r.now = h.NextPoll
	}
	if err := r.poll(t); err != nil {
		t.Fatalf("recovered poll: %v", err)
	}
	h := r.health()
	if h.Failures != 0 || h.Errors != 3 || !h.NextPoll.Equal(r.now.Add(time.Minute)) || len(r.got) != 1 {
		t.Errorf("after recovery: %+v, %d documents", h, len(r.got))
	}
	if Backoff(time.Hour, 30) != maxBackoff {
		t.Errorf("backoff not capped: %v", Backoff(time.Hour, 30))
	}
}

func TestRobotsDisallowObeyed(t *testing.T) {
	s := newSite(t)
	s.add("/private/secret")
	s.add("/news/1")
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if got := urls(r.got); len(got) != 1 || got[0] != s.URL+"/news/1" {
		t.Errorf("documents %v, want only the allowed page", got)
	}
	if n := s.count("/private/secret"); n != 0 {
		t.Errorf("disallowed page fetched %d times", n)
	}
	// A source whose own URL is disallowed is refused.
	p := newRig(t, Source{Name: "page", Kind: KindURL, Target: s.URL + "/private/page"})
	if err := p.poll(t); !errors.Is(err, ErrRobots) {
		t.Errorf("disallowed page source: %v, want ErrRobots", err)
	}
	if n := s.count("/private/page"); n != 0 {
		t.Errorf("disallowed source fetched %d times", n)
	}
}

func TestPrivateLinksRefused(t *testing.T) {
	s := newSite(t) // on 127.0.0.1: its item links are private addresses
	s.add("/news/1")
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml"})
	err := r.poll(t)
	if !errors.Is(err, ErrPrivate) {
		t.Fatalf("poll: %v, want ErrPrivate", err)
	}
	if len(r.got) != 0 || s.count("/news/1") != 0 {
		t.Errorf("private item fetched (%d) or handed on (%v)", s.count("/news/1"), urls(r.got))
	}
	if h := r.health(); h.Failures != 1 || !strings.Contains(h.LastError, "private") {
		t.Errorf("health: %+v", h)
	}
	// Allowed for this source, the same item comes through.
	ok := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true})
	if err := ok.poll(t); err != nil || len(ok.got) != 1 {
		t.Errorf("allowed: %v, %v", urls(ok.got), err)
	}
}

func TestSitemapAndPage(t *testing.T) {
	s := newSite(t)
	r := newRig(t, Source{Name: "map", Kind: KindSitemap, Target: s.URL + "/sitemap.xml", AllowPrivate: true})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if got := urls(r.got); len(got) != 2 || got[0] != s.URL+"/news/1" || r.got[0].Title != "Harbour talks" || r.got[1].Published.Hour() != 8 {
		t.Errorf("sitemap documents: %v %+v", got, r.got)
	}
	p := newRig(t, Source{Name: "page", Kind: KindURL, Target: s.URL + "/news/live"})
	for range 2 {
		if err := p.poll(t); err != nil {
			t.Fatal(err)
		}
	}
	if len(p.got) != 1 {
		t.Errorf("an unchanged page was handed on %d times, want 1", len(p.got))
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Talks resume\n\nPORTVILLE, March 3, 2031. /NAP/. The talks resumed, envoy Piotr Lind said.\n")
	r := newRig(t, Source{Name: "drop", Kind: KindFolder, Target: dir})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if len(r.got) != 1 {
		t.Fatalf("first poll: %d documents", len(r.got))
	}
	if err := r.poll(t); err != nil || len(r.got) != 1 {
		t.Fatalf("second poll handed on again: %d, %v", len(r.got), err)
	}
	write("b.txt", "Talks end\n\nPORTVILLE, March 4, 2031. /NAP/. The talks ended, envoy Piotr Lind said.\n")
	write("copy.txt", "Talks resume\n\nPORTVILLE, March 3, 2031. /NAP/. The talks resumed, envoy Piotr Lind said.\n")
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if len(r.got) != 2 || !strings.HasSuffix(r.got[1].Source, "b.txt") {
		t.Errorf("third poll: %d documents (the copy must be a duplicate by content)", len(r.got))
	}
}

func TestSinkFailureRetries(t *testing.T) {
	s := newSite(t)
	s.add("/news/1")
	r := newRig(t, Source{Name: "port", Kind: KindFeed, Target: s.URL + "/feed.xml", AllowPrivate: true})
	r.sink = errors.New("queue away")
	if err := r.poll(t); err == nil {
		t.Fatal("sink failure not reported")
	}
	r.sink = nil
	r.now = r.health().NextPoll
	if err := r.poll(t); err != nil || len(r.got) != 1 {
		t.Errorf("after the sink recovered: %v, %v", urls(r.got), err)
	}
}

func TestJSONFeed(t *testing.T) {
	s := newSite(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Port news","items":[
{"id":"1","url":"%s/news/7","title":"Talks seven","date_published":"2031-03-03T10:00:00Z"}]}`, s.URL)
	})
	j := httptest.NewServer(mux)
	defer j.Close()
	r := newRig(t, Source{Name: "json", Kind: KindFeed, Target: j.URL + "/feed.json", AllowPrivate: true})
	if err := r.poll(t); err != nil {
		t.Fatal(err)
	}
	if got := urls(r.got); len(got) != 1 || got[0] != s.URL+"/news/7" || r.got[0].Title != "Talks seven" {
		t.Errorf("JSON feed documents: %v", got)
	}
}

// TestRateLimit: requests to one host are spaced by the rate; the waits are
// recorded, not slept.
func TestRateLimit(t *testing.T) {
	now := time.Date(2031, 3, 3, 12, 0, 0, 0, time.UTC)
	f := newFetcher(DefaultAgent, 2*time.Second, func() time.Time { return now })
	var waits []time.Duration
	f.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	ctx := context.Background()
	for _, host := range []string{"a.example", "a.example", "b.example", "a.example"} {
		if err := f.wait(ctx, host); err != nil {
			t.Fatal(err)
		}
	}
	if fmt.Sprint(waits) != "[2s 4s]" {
		t.Errorf("waits %v, want [2s 4s] (the third request to a.example waits behind the second)", waits)
	}
}
