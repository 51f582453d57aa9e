// Package web is Parley's web app and JSON API: server-rendered pages over
// the store (overview, statements, articles, actors, ingest, and the
// dossier's timeline and position matrix) and the same data as JSON under
// /api/v1/, described by an OpenAPI 3 document at /api/openapi.json.
//
// # Safety
//
// The server is read-only unless it was given a token. Writes (ingest) need
// it: the API takes "Authorization: Bearer TOKEN"; the pages take a login
// form that sets a signed session cookie. Every form post carries a CSRF
// token (an HMAC of a per-browser cookie) and all non-safe requests also go
// through http.CrossOriginProtection. Pages are rendered with html/template,
// so every piece of article text is escaped; links to originals are kept
// only for http(s) URLs. Each response carries a Content-Security-Policy
// whose script-src is a per-request nonce (no inline script runs). Request
// bodies are size-limited, the server has read/write/idle timeouts, and Run
// shuts down gracefully when its context ends. URL ingest refuses loopback
// and private addresses unless Config.AllowPrivate is set.
//
// # Use
//
//	srv, err := web.New(web.Config{Token: tok}, st, pipe, logger)
//	err = srv.Run(ctx, "127.0.0.1:8080") // until ctx is done
//
// or mount srv.Handler() in tests (httptest).
package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/watch"
)

// Config is what the server is told at start.
type Config struct {
	// Token enables writes; empty means read-only.
	Token string
	// AllowPrivate lets URL ingest fetch loopback and private addresses.
	AllowPrivate bool
	// MaxUpload caps an ingest request's body (default 32 MiB).
	MaxUpload int64
	// MaxURLs caps the URLs of one ingest request (default 20).
	MaxURLs int
	// MaxDocs caps the documents one ingest analyses (default 1000): a
	// feed or a JSON Lines dump may hold many.
	MaxDocs int
	// SecureCookies marks cookies Secure (set it behind HTTPS).
	SecureCookies bool
	// Title names the site in page headers (default "Parley").
	Title string
	// Dossier, when set, is the active dossier at start: it gives the
	// position matrix and the stance timeline. It is listed under its
	// file's base name; DossierSource is its YAML for the editor (read
	// from Dossier.File when nil).
	Dossier       *dossier.Dossier
	DossierSource []byte
	// DossierDir, when set, holds the dossiers as NAME.yaml: all are
	// loaded at start and the editor saves there. Empty: dossiers live in
	// memory and edits last until the server stops.
	DossierDir string
	// Sources, when set (serve --watch), reports the watched sources'
	// health for the sources page and GET /api/v1/sources.
	Sources func() []watch.Health
	// Jobs, when set, lists the queue's failed and retrying jobs for
	// GET /api/v1/jobs.
	Jobs func(ctx context.Context) ([]queue.Job, error)
	// Webhook, when set, receives the dossiers' stance changes (alerts.go).
	Webhook *alerts.Webhook
}

// Server serves the pages and the API. It is safe for concurrent use.
type Server struct {
	cfg   Config
	st    store.Store
	pipe  *pipeline.Pipeline
	log   *slog.Logger
	pages *renderer
	key   []byte // signs sessions and CSRF tokens; new at every start
	mux   *http.ServeMux
	// positions caches each dossier's cells (actors.go).
	positions *positionCache
	start     time.Time
	handle    http.Handler
	// failures throttles wrong tokens per client (login form and API alike).
	failures guard
	// sessions are the live logins.
	sessions sessions
	// health caches the store's integrity check.
	health health
	// ingestMu (capacity 1) lets one ingest run at a time.
	ingestMu chan struct{}

	// dossiers are the loaded dossiers, one of them active.
	dossiers *dossierSet
	// factCache keeps recent timelines (timeline.go).
	factCache factCache
	// window is how many of each kind a timeline reads (timelineWindow;
	// tests make it small).
	window int
}

// Sentinel errors of New.
var (
	// ErrConfig: the configuration cannot work (a nil store...).
	ErrConfig = errors.New("web: bad configuration")
	// ErrTemplates: a page template is missing or does not parse.
	ErrTemplates = errors.New("web: templates")
)

// New checks every template and static asset and returns a server. pipe
// may be nil for a server that never ingests.
func New(cfg Config, st store.Store, pipe *pipeline.Pipeline, log *slog.Logger) (*Server, error) {
	if st == nil {
		return nil, fmt.Errorf("%w: no store", ErrConfig)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 32 << 20
	}
	if cfg.MaxURLs <= 0 {
		cfg.MaxURLs = 20
	}
	if cfg.MaxDocs <= 0 {
		cfg.MaxDocs = 1000
	}
	if cfg.Title == "" {
		cfg.Title = "Parley"
	}
	r, err := newRenderer()
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("web: random key: %w", err)
	}
	ds, err := newDossierSet(cfg.DossierDir, cfg.Dossier, cfg.DossierSource)
	if err != nil {
		return nil, err
	}
	// Statements are kept for positions when there is a dossier or one can be added.
	s := &Server{cfg: cfg, st: st, pipe: pipe, log: log, pages: r, key: key, start: time.Now(), sessions: sessions{ttl: sessionTTL}, positions: newPositionCache(st, log), dossiers: ds}
	s.routes()
	return s, nil
}

// ReadOnly reports whether the server refuses writes (no token).
func (s *Server) ReadOnly() bool { return s.cfg.Token == "" }

// Handler returns the server's http.Handler with all its middleware.
func (s *Server) Handler() http.Handler { return s.handle }

// Run listens on addr and serves until ctx is done, then shuts down
// gracefully (in-flight requests get up to 10 s). It returns nil after a
// shutdown caused by ctx.
func (s *Server) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("web: listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handle,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads
		WriteTimeout:      5 * time.Minute, // a URL ingest fetches up to MaxURLs pages
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// Requests keep running after ctx ends, until Shutdown's grace period.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:    slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: serve: %w", err)
	}
	return nil
}
