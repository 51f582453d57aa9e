package facts

import (
	"context"
	"fmt"

	"github.com/parley-news/parley/internal/store"
)

// TimelineQuery selects what goes on a timeline.
type TimelineQuery struct {
	From, To string // dates, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)
	Actor    string // actor or speaker name contains
	// Kind is Event, Statement or "" for both.
	Kind string
	// Undated keeps statements without a date (last). Undated events are
	// always kept, last, unless a date range is given: an event is part of
	// the record even when no outlet dated it.
	Undated bool
	// Limit caps the items read from the store per kind (default and at
	// most store.MaxLimit). The newest are read; see Window.
	Limit int
}

// Window is a timeline read newest first up to the limit, and where the
// facts it leaves out begin.
type Window struct {
	Facts []Fact
	// Earlier is empty when the timeline holds every fact of the query.
	// Otherwise a kind had more items than the limit: the timeline holds
	// the facts dated after Earlier (a day, month or year as the store
	// dates it), complete, and the same query with To: Earlier lists the
	// earlier ones. The day at the edge, read in part, is left to that
	// query, so that no day shows only some of its facts — unless the
	// window would be left empty (one day holding more than the limit):
	// then that day's newest items are shown and Earlier is still that day.
	Earlier string
}

// Timeline is TimelineWindow's facts, for callers that page through them
// by date themselves.
func Timeline(ctx context.Context, st store.Store, q TimelineQuery) ([]Fact, error) {
	w, err := TimelineWindow(ctx, st, q)
	return w.Facts, err
}

// TimelineWindow reads the newest events and dated statements of q from
// the store and merges the reports of each fact: the negotiation in order,
// each fact once, with every outlet that carried it. Syndicated copies are
// listed as reports and not counted as outlets. The store is read newest
// first, at most q.Limit items per kind, so that the cost of a timeline
// does not grow with the store: a large store's timeline is a window on
// its latest days (Window.Earlier).
func TimelineWindow(ctx context.Context, st store.Store, q TimelineQuery) (Window, error) {
	limit := q.Limit
	if limit <= 0 || limit > store.MaxLimit {
		limit = store.MaxLimit
	}
	// sortDate is the date the store ordered each item by; cutoff the
	// latest of the oldest dates of the kinds that filled the limit.
	type read struct {
		item     Item
		sortDate string
	}
	var all []read
	cutoff, cut := "", false
	if q.Kind == "" || q.Kind == Event {
		evs, err := st.Events(ctx, store.EventQuery{From: q.From, To: q.To, Actor: q.Actor, Undated: true, Newest: true, Limit: limit})
		if err != nil {
			return Window{}, fmt.Errorf("timeline: %w", err)
		}
		for _, e := range evs {
			it := Item{Kind: Event, Date: e.Date, Type: e.Type, Actor: e.Actor.Name, Party: e.Actor.Affiliation, Text: e.Text,
				Report: Report{ArticleID: e.ArticleID, Source: e.Source, URL: e.URL, Outlet: e.Outlet, Published: e.Published, Span: e.Span, Text: e.Text}}
			if e.Target != nil {
				it.Target = e.Target.Name
			}
			// An undated event is kept on a cut window only when its
			// article is newer than the cut, where it is drawn.
			sd := e.Date
			if sd == "" {
				sd = e.Published
			}
			all = append(all, read{it, sd})
		}
		if len(evs) == limit {
			cut = true
			cutoff = max(cutoff, evs[len(evs)-1].Date)
		}
	}
	if q.Kind == "" || q.Kind == Statement {
		stmts, err := st.Statements(ctx, store.StatementQuery{From: q.From, To: q.To, Speaker: q.Actor, Limit: limit})
		if err != nil {
			return Window{}, fmt.Errorf("timeline: %w", err)
		}
		for _, s := range stmts {
			// A statement is on the timeline when the day it was said is
			// known; an undated one only when asked for.
			if s.Date == "" && !q.Undated {
				continue
			}
			all = append(all, read{Item{Kind: Statement, Date: s.Date, Type: s.Kind, Actor: s.Speaker.Name, Party: s.Speaker.Affiliation, Cue: s.Cue, Text: s.Text,
				Report: Report{ArticleID: s.ArticleID, Source: s.Source, URL: s.URL, Outlet: s.Outlet, Published: s.Published, Span: s.Span, Text: s.Text}},
				s.EffectiveDate})
		}
		if len(stmts) == limit {
			cut = true
			cutoff = max(cutoff, stmts[len(stmts)-1].EffectiveDate)
		}
	}
	var w Window
	items := make([]Item, 0, len(all))
	if cut && cutoff != "" {
		w.Earlier = cutoff
		for _, r := range all {
			if r.sortDate > cutoff {
				items = append(items, r.item)
			}
		}
		if len(items) == 0 { // one day holds more than the limit
			for _, r := range all {
				if r.sortDate >= cutoff {
					items = append(items, r.item)
				}
			}
		}
	} else {
		for _, r := range all {
			items = append(items, r.item)
		}
	}
	if err := markSyndicated(ctx, st, items); err != nil {
		return Window{}, err
	}
	w.Facts = Merge(items, Options{})
	return w, nil
}

// markSyndicated flags the reports that come from syndicated copies.
func markSyndicated(ctx context.Context, st store.Store, items []Item) error {
	seen := map[int64]bool{}
	var ids []int64
	for _, it := range items {
		id := it.Report.ArticleID
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		ids = append(ids, id)
	}
	bodies, err := st.ArticleBodies(ctx, ids)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	texts := make([]Text, 0, len(bodies))
	for _, b := range bodies {
		texts = append(texts, Text{ArticleID: b.ID, Published: b.Published, Body: b.Body})
	}
	copies := Syndicated(texts, 0)
	for i := range items {
		if _, ok := copies[items[i].Report.ArticleID]; ok {
			items[i].Report.Syndicated = true
		}
	}
	return nil
}
