package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/errtext"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
)

// IngestItem is what became of one document of an ingest.
type IngestItem struct {
	Source string `json:"source"`
	// Status is "new", "duplicate", "new-version" or "failed".
	Status string `json:"status"`
	ID     int64  `json:"id,omitempty"`
	Title  string `json:"title,omitempty"`
	Error  string `json:"error,omitempty"`
}

// IngestReport sums up an ingest.
type IngestReport struct {
	Read       int          `json:"read"`
	New        int          `json:"new"`
	Duplicate  int          `json:"duplicate"`
	NewVersion int          `json:"new_version"`
	Failed     int          `json:"failed"`
	Items      []IngestItem `json:"items"`
}

// IngestOptions change one Ingest.
type IngestOptions struct {
	// Rename, when not nil, maps each document's source (a temporary path
	// of an upload, say) to the one to record.
	Rename func(string) string
	// NoFollow: do not fetch the pages of feed items that carry no text.
	NoFollow bool
	// Published dates the documents that come without a date of their
	// own (the ingest page's pasted text); Outlet names their outlet.
	Published time.Time
	Outlet    string
}

// ErrTooMany: an ingest held more documents than Config.MaxDocs.
var ErrTooMany = errors.New("too many documents")

// ErrUnwritable: the database takes no writes (read-only, or it failed its
// integrity check).
var ErrUnwritable = errors.New("the database takes no writes")

// ErrNoPipeline: the server was started without a pipeline and cannot ingest.
var ErrNoPipeline = errors.New("web: no pipeline to analyse with")

// Ingest reads inputs (paths the caller trusts, or http(s) URLs), analyses
// each document and saves it. A failed input is one failed item; the error
// is for the store failing or ctx ending. Ingests run one at a time.
func (s *Server) Ingest(ctx context.Context, inputs []string, opt IngestOptions) (IngestReport, error) {
	rename := opt.Rename
	rep := IngestReport{Items: []IngestItem{}}
	if s.pipe == nil {
		return rep, ErrNoPipeline
	}
	select {
	case s.ingestMu <- struct{}{}:
		defer func() { <-s.ingestMu }()
	case <-ctx.Done():
		return rep, ctx.Err()
	}
	// A database that cannot take writes is found out before anything is
	// read or analysed.
	if w, ok := s.st.(interface{ Writable() error }); ok {
		if err := w.Writable(); err != nil {
			return rep, fmt.Errorf("%w: %w", ErrUnwritable, err)
		}
	}
	cfg := ingest.DefaultConfig()
	cfg.RefusePrivate = !s.cfg.AllowPrivate
	cfg.FollowFeedLinks = !opt.NoFollow
	reader := ingest.New(cfg, s.log, strings.NewReader(""))

	type analysed struct {
		doc ingest.Document
		res *pipeline.Result
	}
	var ready, deferred []analysed
	var corpus []time.Time
	failed := func(source string, err error) {
		rep.Read++
		rep.Failed++
		rep.Items = append(rep.Items, IngestItem{Source: source, Status: "failed", Error: errtext.Plain(err)})
	}
	docs := 0
	for doc, err := range reader.Documents(ctx, inputs) {
		// A feed or a JSON Lines dump can hold any number of documents:
		// one request analyses at most MaxDocs of them.
		if docs++; docs > s.cfg.MaxDocs {
			failed("", fmt.Errorf("%w: more than %d documents in one ingest; the rest were not read", ErrTooMany, s.cfg.MaxDocs))
			break
		}
		if err != nil {
			var ie *ingest.InputError
			src := ""
			if errors.As(err, &ie) {
				src, err = ie.Source, ie.Err
			}
			if rename != nil {
				src = rename(src)
			}
			failed(src, err)
			continue
		}
		if rename != nil {
			doc.Source = rename(doc.Source)
		}
		if !opt.Published.IsZero() && doc.Published.IsZero() {
			doc.Published, doc.PublishedBasis = opt.Published, article.BasisInput
		}
		if opt.Outlet != "" && doc.Outlet == "" {
			doc.Outlet = opt.Outlet
		}
		res, err := s.pipe.Analyze(ctx, doc, pipeline.Options{})
		if err == nil {
			err = store.CheckSize(res.Article)
		}
		if err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			failed(doc.Source, err)
			continue
		}
		if res.Date.NeedsYear {
			deferred = append(deferred, analysed{doc, res})
			continue
		}
		if t, ok := res.Article.PublishedTime(); ok {
			corpus = append(corpus, t)
		}
		ready = append(ready, analysed{doc, res})
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	// Datelines without a year: the year nearest the rest of this ingest,
	// or of what is stored already (as the CLI does with meta.ResolveYear).
	if len(deferred) > 0 {
		if st, err := s.st.Stats(ctx); err == nil {
			for _, d := range []string{st.FirstPublished, st.LastPublished} {
				a := article.Article{Published: d}
				if t, ok := a.PublishedTime(); ok {
					corpus = append(corpus, t)
				}
			}
		}
	}
	for _, o := range deferred {
		if d, ok := meta.ResolveYear(o.res.Date, corpus); ok {
			if y, err := strconv.Atoi(d.Published[:4]); err == nil {
				if again, err := s.pipe.Analyze(ctx, o.doc, pipeline.Options{Year: y}); err == nil {
					again.Article.PublishedBasis = d.Basis
					o.res = again
				}
			}
		}
		ready = append(ready, o)
	}
	for _, o := range ready {
		a := o.res.Article
		rep.Read++
		saved, err := s.st.SaveArticle(ctx, a)
		if err != nil {
			if errors.Is(err, store.ErrInvalid) {
				rep.Failed++
				rep.Items = append(rep.Items, IngestItem{Source: a.Source, Status: "failed", Title: a.Title, Error: errtext.Plain(err)})
				continue
			}
			return rep, fmt.Errorf("save %s: %w", a.Source, err)
		}
		switch saved.Status {
		case store.New:
			rep.New++
		case store.Duplicate:
			rep.Duplicate++
		case store.NewVersion:
			rep.NewVersion++
		}
		rep.Items = append(rep.Items, IngestItem{Source: a.Source, Status: saved.Status.String(), ID: saved.ID, Title: a.Title})
	}
	if rep.New+rep.NewVersion > 0 {
		// This user sees what they added at once (the counts and actor
		// pages are the store's own and need nothing); the dossiers'
		// cells are recomputed before answering.
		if err := s.positions.refresh(ctx); err != nil {
			s.log.Warn("positions after ingest", "err", err)
		}
		s.CheckAlerts(context.WithoutCancel(ctx))
	}
	return rep, nil
}

// checkURL accepts only absolute http(s) URLs: anything else typed into the
// URL box (a path, file:, javascript:) must never reach the reader, which
// would read local files.
func checkURL(u string) (string, error) {
	u = strings.TrimSpace(u)
	if httpURL(u) == "" {
		return "", fmt.Errorf("not an http(s) URL: %q", truncate(80, u))
	}
	return u, nil
}
