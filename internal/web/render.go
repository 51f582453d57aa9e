package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the page templates the server renders. New fails unless
// every one exists, parses with the layout and defines "content", so a
// missing or broken template stops the start, not a request (miniflux's
// startup check).
var pageNames = []string{
	"overview", "statements", "articles", "article", "actors", "actor",
	"ingest", "login", "error", "matrix", "timeline", "stances", "dossiers", "dossier", "sources",
	"corrections",
}

type asset struct {
	data  []byte
	sum   string // first 12 hex digits of the SHA-256, the URL's version
	ctype string
}

type renderer struct {
	pages  map[string]*template.Template
	assets map[string]asset
	pool   sync.Pool
}

func newRenderer() (*renderer, error) {
	r := &renderer{pages: map[string]*template.Template{}, assets: map[string]asset{}}
	r.pool.New = func() any { return new(bytes.Buffer) }
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		r.assets[path.Base(p)] = asset{data: data, sum: hex.EncodeToString(sum[:])[:12], ctype: ctype}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: static assets: %w", ErrTemplates, err)
	}
	for _, need := range []string{"app.css", "app.js"} {
		if _, ok := r.assets[need]; !ok {
			return nil, fmt.Errorf("%w: static asset %s missing", ErrTemplates, need)
		}
	}
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			a, ok := r.assets[name]
			if !ok {
				return "", fmt.Errorf("no static asset %q", name)
			}
			return "/static/" + name + "?v=" + a.sum, nil
		},
		"httpURL":   httpURL,
		"trunc":     truncate,
		"add":       func(a, b int) int { return a + b },
		"add1":      func(a, b float64) float64 { return a + b },
		"orDash":    orDash,
		"with":      withParam,
		"pct":       func(a, b int) int { return a * 100 / max(b, 1) },
		"kindName":  kindName,
		"untitled":  untitled,
		"day":       func(s string) string { return s[:min(len(s), 10)] },
		"basis":     basisWords,
		"dateBasis": article.DateBasisText,
	}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrTemplates, name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("%w: %s.html defines no \"content\"", ErrTemplates, name)
		}
		r.pages[name] = t
	}
	return r, nil
}

// serveStatic serves an embedded asset; with the right ?v= it may be cached
// for a year, since a changed file gets a new URL.
func (r *renderer) serveStatic(w http.ResponseWriter, req *http.Request) {
	a, ok := r.assets[req.PathValue("name")]
	if !ok {
		http.NotFound(w, req)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", `"`+a.sum+`"`)
	if req.URL.Query().Get("v") == a.sum {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if req.Header.Get("If-None-Match") == `"`+a.sum+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(a.data)))
	w.WriteHeader(http.StatusOK)
	if req.Method != http.MethodHead {
		_, _ = w.Write(a.data)
	}
}

// page is what every template gets.
type page struct {
	Site     string
	Title    string
	Nav      string // the menu entry to mark current
	Nonce    string
	CSRF     string
	LoggedIn bool
	ReadOnly bool
	Dossier  bool // the dossier pages have something to show
	Watching bool // serve --watch: the sources page has something to show
	Data     any
}

// execute renders a page into a buffer first, so a template error becomes a
// clean 500 rather than half a page.
func (r *renderer) execute(w http.ResponseWriter, status int, name string, p *page) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("%w: no page %q", ErrTemplates, name)
	}
	buf := r.pool.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.pool.Put(buf)
	if err := t.Execute(buf, p); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrTemplates, name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// Pages carry CSRF tokens and, logged in, ingest results: not for caches.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// httpURL returns u when it is an absolute http(s) URL and "" otherwise:
// links to originals must never carry javascript:, data: or other schemes
// (html/template would defuse them too; this keeps them from being links).
func httpURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// truncate cuts s to at most n characters, on a character boundary.
func truncate(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func kindName(k string) string {
	switch k {
	case "direct":
		return "direct quote"
	case "indirect":
		return "reported speech"
	case "mixed":
		return "mixed"
	}
	return k
}

// withParam returns the query string v with key set to value (used for
// pagination links that keep the filters).
func withParam(v url.Values, key string, value int) string {
	c := url.Values{}
	for k, vs := range v {
		if k != key {
			c[k] = vs
		}
	}
	if value > 0 {
		c.Set(key, strconv.Itoa(value))
	}
	return "?" + c.Encode()
}

func itoa(i int) string { return strconv.Itoa(i) }

// untitled gives an article without a headline something to click.
func untitled(title string) string {
	if strings.TrimSpace(title) == "" {
		return "(untitled)"
	}
	return title
}

// basisWords says in plain words how a publication date was decided.
func basisWords(b string) string {
	switch b {
	case article.BasisInput:
		return "the date given with the input"
	case article.BasisFeed:
		return "the feed's date for the item"
	case article.BasisHTMLMeta:
		return "the page's own metadata"
	case article.BasisDateline:
		return "the dateline"
	case article.BasisDatelineYear:
		return "the dateline's day and month; the year inferred"
	case article.BasisDateStamp:
		return "a date stamp on the page"
	case article.BasisTextDate:
		return "inferred from dates in the text"
	}
	return b
}
