package storetest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// aggregates checks the counts and per-actor aggregates the store keeps
// as it writes (Stats, Actors with Detail, Outlets) against a recount from
// the rows the lists return, after every kind of write: new articles, a new
// version retiring an old one (with its statements), a reanalysis that
// drops and changes statements, and paging by cursor.
func aggregates(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	a := Sample(t, "a.txt", "Example Times", "2022-02-16")
	b := Sample(t, "b.txt", "other wire", "2022-03-01")
	b.Body += " Reference b."
	c := Sample(t, "c.txt", "EXAMPLE TIMES", "2022-01-05")
	c.Body += " Reference c."
	c.Statements[0].Date = "2021-12-30"
	c.Statements[1].Speaker.Title = "foreign minister"
	for _, x := range []*article.Article{a, b, c} {
		if _, err := s.SaveArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	check(t, s, "three articles")

	// A new version of a.txt: the old one's statements leave the counts.
	a2 := Sample(t, "a.txt", "Example Times", "2022-02-17")
	a2.Body += " Updated."
	a2.Statements = a2.Statements[1:]
	if res, err := s.SaveArticle(ctx, a2); err != nil || res.Status != store.NewVersion {
		t.Fatalf("new version: %+v %v", res, err)
	}
	check(t, s, "new version")

	// Reanalysis of c: a statement dropped, another given a new speaker.
	stats, _ := s.Stats(ctx)
	list, err := s.Articles(ctx, store.ArticleQuery{Outlet: "example times"})
	if err != nil || len(list) != 2 {
		t.Fatalf("articles of Example Times: %d %v", len(list), err)
	}
	var cid int64
	for _, x := range list {
		if x.Source == "c.txt" {
			cid = x.ID
		}
	}
	full, err := s.Article(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	re := full.Article
	re.Statements = []article.Statement{re.Statements[1]}
	re.Statements[0].Speaker = article.Actor{Name: "Ilse Varga", Title: "spokeswoman", Kind: article.Person}
	re.Pipeline = "test-2"
	if err := s.ReplaceAnalyses(ctx, cid, &re); err != nil {
		t.Fatal(err)
	}
	check(t, s, "reanalysis")
	after, _ := s.Stats(ctx)
	if after.Statements != stats.Statements-1 || after.Pipelines["test-2"] != 1 || after.Pipelines["test-1"] != 2 {
		t.Errorf("after reanalysis: statements %d (was %d), pipelines %v", after.Statements, stats.Statements, after.Pipelines)
	}

	// Keyset paging over the actor ranking gives the same rows as one page.
	all, err := s.Actors(ctx, store.ActorQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	q := store.ActorQuery{Limit: 2}
	for range 20 {
		page, err := s.Actors(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range page {
			paged = append(paged, x.Name)
		}
		if len(page) < q.Limit {
			break
		}
		q.After = page[len(page)-1].Cursor()
	}
	var want []string
	for _, x := range all {
		want = append(want, x.Name)
	}
	if !slices.Equal(paged, want) {
		t.Errorf("actors paged by cursor: %q, want %q", paged, want)
	}
	one, err := s.Actors(ctx, store.ActorQuery{ID: all[0].ID})
	if err != nil || len(one) != 1 || one[0].Name != all[0].Name {
		t.Errorf("actor by id: %+v %v", one, err)
	}
}

// check compares Stats, Outlets and every speaking actor's aggregates with
// a recount from the listed rows.
func check(t *testing.T, s store.Store, when string) {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := s.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	vers, err := s.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit, IncludeSuperseded: true})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := s.Statements(ctx, store.StatementQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]int64{}
	pipes := map[string]int64{}
	for _, a := range arts {
		if a.Outlet != "" {
			outlets[strings.ToLower(a.Outlet)]++
		}
		pipes[a.Pipeline]++
	}
	if st.Articles != int64(len(arts)) || st.Versions != int64(len(vers)) || st.Statements != int64(len(stmts)) ||
		st.Outlets != int64(len(outlets)) || !maps.Equal(st.Pipelines, pipes) {
		t.Errorf("%s: stats %+v; recount: %d articles, %d versions, %d statements, outlets %v, pipelines %v",
			when, st, len(arts), len(vers), len(stmts), outlets, pipes)
	}
	ol, err := s.Outlets(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	gotOutlets := map[string]int64{}
	for _, o := range ol {
		gotOutlets[strings.ToLower(o.Name)] = o.Articles
	}
	if !maps.Equal(gotOutlets, outlets) {
		t.Errorf("%s: outlets %v, want %v", when, gotOutlets, outlets)
	}

	type agg struct {
		n           int
		first, last string
		outlets     map[string]bool
		forms       map[string]int
	}
	want := map[int64]*agg{}
	for _, x := range stmts {
		if x.ActorID == 0 {
			continue
		}
		g := want[x.ActorID]
		if g == nil {
			g = &agg{outlets: map[string]bool{}, forms: map[string]int{}}
			want[x.ActorID] = g
		}
		g.n++
		if d := x.EffectiveDate; d != "" {
			if g.first == "" || d < g.first {
				g.first = d
			}
			g.last = max(g.last, d)
		}
		if x.Outlet != "" {
			g.outlets[strings.ToLower(x.Outlet)] = true
		}
		g.forms[fmt.Sprintf("%s|%s|%s|%s", x.Speaker.Name, x.Speaker.Title, x.Speaker.Affiliation, x.Speaker.Kind)]++
	}
	actors, err := s.Actors(ctx, store.ActorQuery{Speaking: true, Detail: true, Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != len(want) || st.Speakers != int64(len(want)) {
		t.Errorf("%s: %d speaking actors, want %d", when, len(actors), len(want))
	}
	for _, x := range actors {
		g := want[x.ID]
		if g == nil {
			t.Errorf("%s: actor %q listed as speaking, has no statements", when, x.Name)
			continue
		}
		var outs []string
		for o := range g.outlets {
			outs = append(outs, o)
		}
		slices.Sort(outs)
		var gotOuts []string
		for _, o := range x.Outlets {
			gotOuts = append(gotOuts, strings.ToLower(o))
		}
		forms := map[string]int{}
		for _, f := range x.Forms {
			forms[fmt.Sprintf("%s|%s|%s|%s", f.Name, f.Title, f.Affiliation, f.Kind)] = f.Statements
		}
		if x.Statements != g.n || x.First != g.first || x.Last != g.last || !slices.Equal(gotOuts, outs) || !maps.Equal(forms, g.forms) {
			t.Errorf("%s: actor %q: %d statements %s..%s outlets %q forms %v; recount %d %s..%s %q %v",
				when, x.Name, x.Statements, x.First, x.Last, gotOuts, forms, g.n, g.first, g.last, outs, g.forms)
		}
	}
}
