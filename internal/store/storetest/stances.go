package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// stanceHistory: the first computation of a dossier is its baseline; a
// changed stance and a new cell are changes, listed newest first; dossiers
// are kept apart.
func stanceHistory(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t)
	t0 := time.Date(2031, 3, 1, 10, 0, 0, 0, time.UTC)
	cell := func(issue, party, stance string) store.StanceCell {
		return store.StanceCell{Issue: issue, Party: party, Stance: stance, Since: "2031-02-27", ArticleID: 3, Span: article.Span{10, 50},
			Speaker: "Ana Lind", Text: "We may halve the fees if Freeport agrees", Date: "2031-02-27", Outlet: "Wire", URL: "https://example.org/a"}
	}
	got, err := st.RecordStances(ctx, "fees", []store.StanceCell{cell("fees", "Portland", "against"), cell("fees", "Freeport", "for")}, t0)
	if err != nil || len(got) != 0 {
		t.Fatalf("baseline: %v, %v; want no changes", got, err)
	}
	// The same again: nothing changed.
	if got, err := st.RecordStances(ctx, "fees", []store.StanceCell{cell("fees", "Portland", "against"), cell("fees", "Freeport", "for")}, t0.Add(time.Hour)); err != nil || len(got) != 0 {
		t.Fatalf("unchanged: %v, %v", got, err)
	}
	// Portland moves to conditional; Ruritania takes a stance for the first time.
	got, err = st.RecordStances(ctx, "fees", []store.StanceCell{cell("fees", "Portland", "conditional"), cell("fees", "Freeport", "for"), cell("fees", "Ruritania", "against")}, t0.Add(2*time.Hour))
	if err != nil || len(got) != 2 {
		t.Fatalf("changes: %+v, %v; want 2", got, err)
	}
	if got[0].From != "against" || got[0].Stance != "conditional" || got[0].Party != "Portland" || got[0].ID == 0 || got[1].From != "" || got[1].Party != "Ruritania" {
		t.Errorf("changes %+v", got)
	}
	// Another dossier has its own baseline.
	if got, err := st.RecordStances(ctx, "other", []store.StanceCell{cell("x", "Portland", "for")}, t0); err != nil || len(got) != 0 {
		t.Errorf("other dossier's baseline: %v, %v", got, err)
	}
	list, err := st.StanceChanges(ctx, "fees", 10, 0)
	if err != nil || len(list) != 2 {
		t.Fatalf("StanceChanges: %+v, %v", list, err)
	}
	want := cell("fees", "Ruritania", "against")
	if c := list[0]; c.StanceCell != want || c.Dossier != "fees" || !c.At.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("newest change %+v, want %+v at %v", c, want, t0.Add(2*time.Hour))
	}
	if page, err := st.StanceChanges(ctx, "fees", 1, 1); err != nil || len(page) != 1 || page[0].Party != "Portland" {
		t.Errorf("second page: %+v, %v", page, err)
	}
	if none, err := st.StanceChanges(ctx, "other", 10, 0); err != nil || len(none) != 0 {
		t.Errorf("other dossier: %+v, %v", none, err)
	}
	if _, err := st.RecordStances(ctx, "", nil, t0); err == nil {
		t.Error("no dossier name: no error")
	}
}
