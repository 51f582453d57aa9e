package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/store"
)

// Alerts
//
// After every ingest that stored something (and once at start: the
// baseline), each loaded dossier that validates is computed again and
// compared with its last stances in the store; the changes go to the
// dossier's Atom feed (/dossiers/{name}/feed.atom), to
// GET /api/v1/dossiers/{name}/changes and, with Config.Webhook, to a
// webhook POST.

// CheckAlerts computes every valid dossier's matrix, records it and
// notifies the webhook of the changes; it returns how many there were.
// Errors of one dossier are logged and the others still checked.
func (s *Server) CheckAlerts(ctx context.Context) int {
	items, _ := s.dossiers.list()
	n := 0
	for _, e := range items {
		if e.D == nil {
			continue
		}
		changes, err := alerts.Check(ctx, s.st, e.Name, e.D, s.log, time.Now())
		if err != nil {
			s.log.Warn("alerts: check failed", "dossier", e.Name, "err", err)
			continue
		}
		n += len(changes)
		for _, c := range changes {
			s.log.Info("stance change", "dossier", e.Name, "change", alerts.Describe(c))
		}
		if s.cfg.Webhook != nil && len(changes) > 0 {
			// In the background: a slow receiver never holds up an ingest.
			go func(name string, changes []store.StanceChange) {
				if err := s.cfg.Webhook.Notify(context.WithoutCancel(ctx), name, changes); err != nil {
					s.log.Warn("alerts: webhook", "dossier", name, "err", err)
				}
			}(e.Name, changes)
		}
	}
	return n
}

// feedLimit is how many changes a feed carries (?limit= up to feedMax).
const (
	feedLimit = 50
	feedMax   = 500
)

// siteBase is the site's absolute URL as the request reached it.
func (s *Server) siteBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || s.cfg.SecureCookies {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// pageFeed is GET /dossiers/{name}/feed.atom: the dossier's stance changes
// as Atom, newest first.
func (s *Server) pageFeed(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	e, err := s.dossiers.get(name)
	if name == "" || err != nil {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no dossier named "+strconv.Quote(name))
		return
	}
	limit, _, err := paging(r, feedLimit, feedMax)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	changes, err := s.st.StanceChanges(r.Context(), e.Name, limit, 0)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	info := alerts.FeedInfo{Base: s.siteBase(r), Dossier: e.Name, Since: e.Updated}
	if e.D != nil {
		info.Title = e.D.Negotiation
	}
	var buf bytes.Buffer
	if err := alerts.Feed(&buf, info, changes); err != nil {
		s.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, _ = w.Write(buf.Bytes())
}

// ChangeList is GET /api/v1/dossiers/{name}/changes.
type ChangeList struct {
	List[store.StanceChange]
	Dossier string `json:"dossier"`
	// Feed is the dossier's Atom feed.
	Feed string `json:"feed"`
}

func (s *Server) apiChanges(r *http.Request) (any, error) {
	name := r.PathValue("name")
	e, err := s.dossiers.get(name)
	if name == "" || errors.Is(err, errNoDossier) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return nil, err
	}
	rows, err := s.st.StanceChanges(r.Context(), e.Name, limit+1, offset)
	if err != nil {
		return nil, err
	}
	return ChangeList{List: listOf(rows, limit, offset), Dossier: e.Name, Feed: "/dossiers/" + e.Name + "/feed.atom"}, nil
}
