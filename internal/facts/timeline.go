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
	// Limit caps the items read from the store per kind (default 10000).
	Limit int
}

// Timeline reads events and dated statements from the store and merges the
// reports of each fact: the negotiation in order, each fact once, with
// every outlet that carried it. Syndicated copies are listed as reports and
// not counted as outlets.
func Timeline(ctx context.Context, st store.Store, q TimelineQuery) ([]Fact, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = store.MaxLimit
	}
	var items []Item
	if q.Kind == "" || q.Kind == Event {
		evs, err := st.Events(ctx, store.EventQuery{From: q.From, To: q.To, Actor: q.Actor, Undated: true, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		for _, e := range evs {
			it := Item{Kind: Event, Date: e.Date, Type: e.Type, Actor: e.Actor.Name, Party: e.Actor.Affiliation, Text: e.Text,
				Report: Report{ArticleID: e.ArticleID, Source: e.Source, URL: e.URL, Outlet: e.Outlet, Published: e.Published, Span: e.Span, Text: e.Text}}
			if e.Target != nil {
				it.Target = e.Target.Name
			}
			items = append(items, it)
		}
	}
	if q.Kind == "" || q.Kind == Statement {
		stmts, err := st.Statements(ctx, store.StatementQuery{From: q.From, To: q.To, Speaker: q.Actor, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		for _, s := range stmts {
			// A statement is on the timeline when the day it was said is
			// known; an undated one only when asked for.
			if s.Date == "" && !q.Undated {
				continue
			}
			items = append(items, Item{Kind: Statement, Date: s.Date, Type: s.Kind, Actor: s.Speaker.Name, Party: s.Speaker.Affiliation, Cue: s.Cue, Text: s.Text,
				Report: Report{ArticleID: s.ArticleID, Source: s.Source, URL: s.URL, Outlet: s.Outlet, Published: s.Published, Span: s.Span, Text: s.Text}})
		}
	}
	if err := markSyndicated(ctx, st, items); err != nil {
		return nil, err
	}
	return Merge(items, Options{}), nil
}

// markSyndicated flags the reports that come from syndicated copies.
func markSyndicated(ctx context.Context, st store.Store, items []Item) error {
	seen := map[int64]bool{}
	var texts []Text
	for _, it := range items {
		id := it.Report.ArticleID
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		a, err := st.Article(ctx, id)
		if err != nil {
			return fmt.Errorf("timeline: article %d: %w", id, err)
		}
		texts = append(texts, Text{ArticleID: id, Published: a.Published, Body: a.Body})
	}
	copies := Syndicated(texts, 0)
	for i := range items {
		if _, ok := copies[items[i].Report.ArticleID]; ok {
			items[i].Report.Syndicated = true
		}
	}
	return nil
}
