// Package watch keeps the record current by itself: it polls the sources a
// sources file lists — RSS, Atom and JSON feeds, news sitemaps, folders
// that files are dropped into, single pages — each on its own schedule, and
// hands each new document to a sink (parley watch puts them on the job
// queue, where workers analyse and store them).
//
// Politeness and safety: conditional GET (ETag, Last-Modified), so an
// unchanged feed costs one request and no analysis; a per-host rate limit;
// robots.txt obeyed for every URL; a size and a time limit on every
// response; exponential backoff on failure (the schedule doubles per
// consecutive failure, up to a day, and returns to normal on success);
// links found in content (feed items, sitemap entries, redirects) refused
// when they lead to loopback, private or link-local addresses unless the
// source allows it. Items are de-duplicated by URL and by content hash
// before they reach the sink, so nothing is analysed twice.
//
// The state (validators, what was seen, health) is kept in a JSON file
// beside the sources file, so a restarted watcher neither fetches nor
// analyses again what it already had. Health reports each source's last
// fetch, last new item, errors and next poll for the web app and the API.
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/parley-news/parley/internal/ingest"
)

// Sink receives the new documents of one poll.
type Sink func(ctx context.Context, source Source, docs []ingest.Document) error

// Options configure New.
type Options struct {
	// StatePath is the JSON state file ("" keeps state in memory only).
	StatePath string
	Logger    *slog.Logger
	// Now is the clock (tests drive it).
	Now func() time.Time
	// Reader reads dropped files (nil: ingest's defaults).
	Reader *ingest.Reader
}

// Watcher polls the sources of a Config.
type Watcher struct {
	cfg   *Config
	sink  Sink
	log   *slog.Logger
	now   func() time.Time
	fetch *fetcher
	read  *ingest.Reader
	path  string

	mu    sync.Mutex
	state map[string]*sourceState
	// polling serialises polls of one source.
	polling map[string]*sync.Mutex
}

// Health is one source's state as the web app and the API show it.
type Health struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Target string `json:"target"`
	// Every is the schedule, as a duration string.
	Every       string    `json:"every"`
	LastFetch   time.Time `json:"last_fetch,omitzero"`
	LastStatus  string    `json:"last_status,omitempty"` // "ok", "not modified" or the error
	LastNewItem time.Time `json:"last_new_item,omitzero"`
	NewItems    int       `json:"new_items"` // documents handed on, in all
	Errors      int       `json:"errors"`    // failed polls, in all
	Failures    int       `json:"failures"`  // consecutive failed polls now
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	NextPoll    time.Time `json:"next_poll"`
	Seen        int       `json:"seen"` // URLs and content hashes remembered
}

// sourceState is what the state file keeps per source.
type sourceState struct {
	Health
	ETag         string          `json:"etag,omitempty"`
	LastModified string          `json:"last_modified,omitempty"`
	SeenKeys     map[string]bool `json:"seen_keys,omitempty"`
	// Files maps a dropped file's path to its size and modification time.
	Files map[string]string `json:"files,omitempty"`
}

// maxSeen caps the keys remembered per source; the oldest half is
// forgotten beyond it (the store still deduplicates on content).
const maxSeen = 200000

// maxBackoff caps the wait after consecutive failures.
const maxBackoff = 24 * time.Hour

// New returns a watcher over cfg that hands new documents to sink.
func New(cfg *Config, sink Sink, o Options) (*Watcher, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Reader == nil {
		o.Reader = ingest.New(ingest.DefaultConfig(), o.Logger, nil)
	}
	w := &Watcher{cfg: cfg, sink: sink, log: o.Logger, now: o.Now, read: o.Reader, path: o.StatePath,
		fetch: newFetcher(cfg.UserAgent, cfg.Rate, o.Now), state: map[string]*sourceState{}, polling: map[string]*sync.Mutex{}}
	if err := w.load(); err != nil {
		return nil, err
	}
	now := w.now()
	for _, s := range cfg.Sources {
		st := w.state[s.Name]
		if st == nil {
			st = &sourceState{}
			w.state[s.Name] = st
		}
		st.Name, st.Kind, st.Target, st.Every = s.Name, s.Kind, s.Target, s.Every.String()
		if st.NextPoll.IsZero() || st.NextPoll.After(now.Add(maxBackoff)) {
			st.NextPoll = now
		}
		if st.SeenKeys == nil {
			st.SeenKeys = map[string]bool{}
		}
		w.polling[s.Name] = &sync.Mutex{}
	}
	return w, nil
}

// DefaultStatePath is the state file beside a sources file.
func DefaultStatePath(sources string) string {
	ext := filepath.Ext(sources)
	return strings.TrimSuffix(sources, ext) + ".state.json"
}

func (w *Watcher) load() error {
	if w.path == "" {
		return nil
	}
	data, err := os.ReadFile(w.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	if err := json.Unmarshal(data, &w.state); err != nil {
		return fmt.Errorf("watch: state %s: %w (delete it to start afresh)", w.path, err)
	}
	return nil
}

// save writes the state file atomically. Callers hold w.mu.
func (w *Watcher) save() error {
	if w.path == "" {
		return nil
	}
	data, err := json.Marshal(w.state)
	if err != nil {
		return err
	}
	tmp := w.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	return os.Rename(tmp, w.path)
}

// Sources returns the configured sources.
func (w *Watcher) Sources() []Source { return w.cfg.Sources }

// Source returns the source named name.
func (w *Watcher) Source(name string) (Source, bool) {
	for _, s := range w.cfg.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

// Health returns every source's health, in the order of the sources file.
func (w *Watcher) Health() []Health {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]Health, 0, len(w.cfg.Sources))
	for _, s := range w.cfg.Sources {
		h := w.state[s.Name].Health
		h.Seen = len(w.state[s.Name].SeenKeys)
		out = append(out, h)
	}
	return out
}

// Due returns the sources whose next poll is at or before now.
func (w *Watcher) Due() []Source {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.now()
	var out []Source
	for _, s := range w.cfg.Sources {
		if !w.state[s.Name].NextPoll.After(now) {
			out = append(out, s)
		}
	}
	return out
}

// NextDue returns when the next source is due.
func (w *Watcher) NextDue() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	var next time.Time
	for _, s := range w.cfg.Sources {
		t := w.state[s.Name].NextPoll
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	return next
}

// Poll polls one source now: fetches it, hands the new documents to the
// sink, records its health and schedules its next poll (Every after a
// success; doubling per consecutive failure after a failure).
func (w *Watcher) Poll(ctx context.Context, name string) error {
	src, ok := w.Source(name)
	if !ok {
		return fmt.Errorf("watch: no source %q", name)
	}
	lock := w.polling[name]
	lock.Lock()
	defer lock.Unlock()

	w.mu.Lock()
	st := w.state[name]
	etag, lastMod := st.ETag, st.LastModified
	w.mu.Unlock()

	p := &poll{w: w, src: src, etag: etag, lastMod: lastMod, st: st}
	docs, status, err := p.run(ctx)
	// The documents that came through are handed on even when other items
	// failed; those are tried again at the next poll.
	var sinkErr error
	if len(docs) > 0 {
		sinkErr = w.sink(ctx, src, docs)
	}

	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.now()
	st.LastFetch = now
	if sinkErr == nil {
		// Only documents handed on are seen: a failed sink means the next
		// poll tries them again.
		for _, k := range p.seen {
			st.SeenKeys[k] = true
		}
		for path, sig := range p.files {
			if st.Files == nil {
				st.Files = map[string]string{}
			}
			st.Files[path] = sig
		}
		if len(docs) > 0 {
			st.NewItems += len(docs)
			st.LastNewItem = now
		}
		trimSeen(st.SeenKeys)
	}
	if err = errors.Join(err, sinkErr); err != nil {
		st.Errors++
		st.Failures++
		st.LastError, st.LastErrorAt, st.LastStatus = err.Error(), now, "error"
		st.NextPoll = now.Add(Backoff(src.Every, st.Failures))
		w.log.WarnContext(ctx, "watch: poll failed", "source", name, "failures", st.Failures, "next", st.NextPoll, "err", err)
	} else {
		st.Failures = 0
		st.LastStatus = status
		st.NextPoll = now.Add(src.Every)
		// Validators only after a clean poll: a 304 must not hide items
		// that failed.
		st.ETag, st.LastModified = p.newETag, p.newLastMod
	}
	if serr := w.save(); serr != nil && err == nil {
		err = serr
	}
	return err
}

// Backoff is the wait before the next poll after failures consecutive
// failures: the schedule doubled per failure, at most a day.
func Backoff(every time.Duration, failures int) time.Duration {
	d := every
	for range failures {
		if d >= maxBackoff {
			break
		}
		d *= 2
	}
	return min(d, maxBackoff)
}

func trimSeen(seen map[string]bool) {
	if len(seen) <= maxSeen {
		return
	}
	// No order is kept; forget an arbitrary half (the store's content
	// hash still stops duplicates).
	n := 0
	for k := range seen {
		delete(seen, k)
		if n++; n >= maxSeen/2 {
			break
		}
	}
}

// poll is one poll of one source.
type poll struct {
	w                   *Watcher
	src                 Source
	st                  *sourceState
	etag, lastMod       string
	newETag, newLastMod string
	seen                []string
	files               map[string]string
}

// isSeen reports whether key was seen before or earlier in this poll.
func (p *poll) isSeen(key string) bool {
	p.w.mu.Lock()
	old := p.st.SeenKeys[key]
	p.w.mu.Unlock()
	if old {
		return true
	}
	for _, k := range p.seen {
		if k == key {
			return true
		}
	}
	return false
}

func (p *poll) run(ctx context.Context) ([]ingest.Document, string, error) {
	if p.src.Kind == KindFolder {
		docs, err := p.folder(ctx)
		return docs, "ok", err
	}
	resp, err := p.w.fetch.fetch(ctx, request{URL: p.src.Target, Trusted: true, AllowPrivate: p.src.AllowPrivate,
		ETag: p.etag, LastModified: p.lastMod, Timeout: p.src.Timeout, MaxBytes: p.src.MaxBytes})
	if err != nil {
		return nil, "", err
	}
	p.newETag, p.newLastMod = resp.ETag, resp.LastModified
	if resp.NotModified {
		// Nothing changed: no items, no analysis; keep the old validators
		// when the server sent none with its 304.
		if p.newETag == "" {
			p.newETag = p.etag
		}
		if p.newLastMod == "" {
			p.newLastMod = p.lastMod
		}
		return nil, "not modified", nil
	}
	switch p.src.Kind {
	case KindFeed:
		docs, err := p.feed(ctx, resp)
		return docs, "ok", err
	case KindSitemap:
		docs, err := p.sitemap(ctx, resp)
		return docs, "ok", err
	default: // KindURL
		doc := ingest.Document{Source: p.src.Target, URL: p.src.Target, Format: ingest.FormatHTML, HTML: resp.Body, Outlet: p.src.Outlet}
		if key := "hash:" + contentKey(resp.Body); !p.isSeen(key) {
			p.seen = append(p.seen, key)
			return []ingest.Document{doc}, "ok", nil
		}
		return nil, "ok", nil
	}
}

// item is one entry of a feed or a sitemap.
type item struct {
	link, title string
	published   time.Time
	hasTime     bool
	text        string // the feed's own article text, when it carries it
}

func (p *poll) feed(ctx context.Context, resp *response) ([]ingest.Document, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return nil, fmt.Errorf("%s: not a feed: %w", p.src.Target, err)
	}
	var items []item
	for _, it := range f.Items {
		x := item{link: resolve(resp.FinalURL, it.Link), title: strings.TrimSpace(it.Title)}
		if it.PublishedParsed != nil {
			x.published, x.hasTime = it.PublishedParsed.UTC(), true
		} else if it.UpdatedParsed != nil {
			x.published, x.hasTime = it.UpdatedParsed.UTC(), true
		}
		if x.link == "" {
			x.text = strings.TrimSpace(it.Content)
			if x.text == "" {
				x.text = strings.TrimSpace(it.Description)
			}
		}
		items = append(items, x)
	}
	return p.items(ctx, items)
}

// urlset is a sitemap, with Google News extensions.
type urlset struct {
	URLs []struct {
		Loc  string `xml:"loc"`
		News struct {
			Title string `xml:"title"`
			Date  string `xml:"publication_date"`
		} `xml:"news"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func (p *poll) sitemap(ctx context.Context, resp *response) ([]ingest.Document, error) {
	var set urlset
	if err := xml.Unmarshal(resp.Body, &set); err != nil {
		return nil, fmt.Errorf("%s: not a sitemap: %w", p.src.Target, err)
	}
	var items []item
	for _, u := range set.URLs {
		x := item{link: resolve(resp.FinalURL, strings.TrimSpace(u.Loc)), title: strings.TrimSpace(u.News.Title)}
		for _, d := range []string{u.News.Date, u.LastMod} {
			if t, ok := parseW3C(d); ok {
				x.published, x.hasTime = t, len(strings.TrimSpace(d)) > 10
				break
			}
		}
		if x.link != "" {
			items = append(items, x)
		}
	}
	return p.items(ctx, items)
}

func parseW3C(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// items turns the new entries of a feed or sitemap into documents: each
// link not seen before is checked (robots, private addresses) and fetched,
// and kept when its content was not seen before either. One refused link
// fails the poll (and is reported); the others still come through.
func (p *poll) items(ctx context.Context, items []item) ([]ingest.Document, error) {
	var docs []ingest.Document
	var errs []error
	for _, it := range items {
		if len(docs) >= p.src.MaxItems {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := ingest.Document{Title: it.title, Outlet: p.src.Outlet}
		if it.hasTime {
			doc.Published, doc.PublishedHasTime, doc.PublishedBasis = it.published, true, "feed"
		}
		var body []byte
		if it.link == "" {
			if it.text == "" {
				continue
			}
			doc.Source, doc.Format, doc.Text = p.src.Target+"#"+contentKey([]byte(it.title + it.text))[:12], ingest.FormatText, it.text
			body = []byte(it.text)
		} else {
			key := "url:" + it.link
			if p.isSeen(key) {
				continue
			}
			resp, err := p.w.fetch.fetch(ctx, request{URL: it.link, AllowPrivate: p.src.AllowPrivate, Timeout: p.src.Timeout, MaxBytes: p.src.MaxBytes})
			if err != nil {
				if errors.Is(err, ErrRobots) {
					// Disallowed: remembered, never fetched, not an error of the feed.
					p.seen = append(p.seen, key)
					p.w.log.InfoContext(ctx, "watch: robots.txt disallows", "source", p.src.Name, "url", it.link)
					continue
				}
				errs = append(errs, fmt.Errorf("item %s: %w", it.link, err))
				continue
			}
			p.seen = append(p.seen, key)
			doc.Source, doc.URL, doc.Format, doc.HTML = it.link, it.link, ingest.FormatHTML, resp.Body
			body = resp.Body
		}
		hash := "hash:" + contentKey(body)
		if p.isSeen(hash) {
			continue
		}
		p.seen = append(p.seen, hash)
		docs = append(docs, doc)
	}
	return docs, errors.Join(errs...)
}

// folder reads the files dropped into the folder since the last poll (new
// or changed by size and modification time).
func (p *poll) folder(ctx context.Context) ([]ingest.Document, error) {
	p.files = map[string]string{}
	var fresh []string
	err := filepath.WalkDir(p.src.Target, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != p.src.Target && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // gone meanwhile
		}
		sig := fmt.Sprintf("%d@%d", info.Size(), info.ModTime().UnixNano())
		p.w.mu.Lock()
		old := p.st.Files[path]
		p.w.mu.Unlock()
		if old != sig {
			fresh = append(fresh, path)
			p.files[path] = sig
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("folder %s: %w", p.src.Target, err)
	}
	sort.Strings(fresh)
	var docs []ingest.Document
	var errs []error
	for doc, err := range p.w.read.Documents(ctx, fresh) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		body := doc.HTML
		if doc.Format != ingest.FormatHTML {
			body = []byte(doc.Text)
		}
		hash := "hash:" + contentKey(append([]byte(doc.Title+"\x00"), body...))
		if p.isSeen(hash) {
			continue
		}
		p.seen = append(p.seen, hash)
		if doc.Outlet == "" {
			doc.Outlet = p.src.Outlet
		}
		docs = append(docs, doc)
	}
	return docs, errors.Join(errs...)
}

// resolve makes link absolute against base; "" when it is not http(s).
func resolve(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func contentKey(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
