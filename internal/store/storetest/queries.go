package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// Corpus stores a handful of invented reports and returns the store and
// their ids by source.
func Corpus(t testing.TB, open Opener) (store.Store, map[string]int64) {
	t.Helper()
	s := open(t)
	ctx := context.Background()
	type doc struct {
		source, outlet, published, title, body string
		quotes                                 [][4]string // speaker, cue, text, date
	}
	docs := []doc{
		{"a1", "Wire", "2022-02-10", "Envoys meet in Zürich",
			`Envoys met in Zürich on Thursday. "The U.S. position has not changed," Ambassador Jane Roe told reporters.`,
			[][4]string{{"Jane Roe", "told", "The U.S. position has not changed,", ""}}},
		{"a2", "Wire", "2022-02-14T09:30:00Z", "Ceasefire holds",
			`The ceasefire held overnight. "Nobody fired a shot," said Colonel Ivan Petrov. Petrov added that "patrols continue."`,
			[][4]string{{"Ivan Petrov", "said", "Nobody fired a shot,", ""}, {"Ivan Petrov", "added", "patrols continue.", "2022-02-13"}}},
		{"a3", "Daily Example", "2022-03-01", "Talks collapse",
			`Negotiations collapsed on Monday. "We will not sign," foreign minister Jane Roe said. Her deputy said talks could restart.`,
			[][4]string{{"Jane Roe", "said", "We will not sign,", ""}}},
		{"a4", "daily example", "2021-12-30", "Year-end review",
			`A review of the year's diplomacy. "It was a hard year," the spokesman said.`,
			[][4]string{{"", "said", "It was a hard year,", "2021-12"}}},
		{"a5", "Wire", "", "Undated note",
			`An undated note on negotiations.`, nil},
	}
	ids := map[string]int64{}
	for _, d := range docs {
		a := &article.Article{Source: d.source, Outlet: d.outlet, Published: d.published, Title: d.title, Body: d.body, Language: "en", Pipeline: "p1"}
		for _, q := range d.quotes {
			st := article.Statement{Speaker: article.Actor{Name: q[0], Kind: article.Person}, Kind: article.Direct, Cue: q[1], Text: q[2], Date: q[3],
				TextSpan: span(t, d.body, q[2]), CueSpan: span(t, d.body, q[1])}
			if q[0] != "" {
				st.SpeakerSpan = span(t, d.body, q[0])
			}
			st.Span = article.Span{min(st.TextSpan[0], st.CueSpan[0]), max(st.TextSpan[1], st.CueSpan[1])}
			a.Statements = append(a.Statements, st)
		}
		if d.source == "a2" {
			a.Statements[0].Speaker.Aliases = []string{"Colonel Petrov"}
			// "Petrov added that "patrols continue."": part reported, part quoted.
			a.Statements[1].Kind = article.Mixed
		}
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids[d.source] = res.ID
	}
	return s, ids
}

func sources(list []store.ArticleSummary) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Source)
	}
	return out
}

func articleSearch(t *testing.T, open Opener) {
	s, _ := Corpus(t, open)
	ctx := context.Background()
	tests := []struct {
		query string
		want  []string // sources, newest first; nil: no rows (and no error)
	}{
		{"ceasefire", []string{"a2"}},
		{"CEASEFIRE", []string{"a2"}},
		{"negotiat*", []string{"a3", "a5"}},
		{"zurich", []string{"a1"}},          // diacritics folded
		{"Zürich", []string{"a1"}},          // and matched as typed
		{"U.S.", []string{"a1"}},            // a phrase of u, s
		{`"U.S. position"`, []string{"a1"}}, // quoted phrase
		{`"position U.S."`, nil},            // order matters in a phrase
		{"jane roe", []string{"a3", "a1"}},  // AND of words, newest first
		{"jane petrov", nil},                // no article has both
		{"NOT", []string{"a3", "a1"}},       // the word "not", not an operator
		{"not sign", []string{"a3"}},        // ...in a normal query too
		{"AND OR NOT", nil},                 // literal words, none has all three
		{`"`, nil},                          // lone quote
		{`""`, nil},                         // empty phrase
		{`"unclosed phrase`, nil},           // unbalanced quote
		{"*", nil},                          // lone star
		{"**ceasefire", []string{"a2"}},     // leading stars are literal and tokenised away
		{"(", nil},                          // parentheses
		{"title:ceasefire", nil},            // column filter syntax is literal
		{"-ceasefire", []string{"a2"}},      // minus is literal punctuation
		{"NEAR(jane roe)", nil},             // NEAR is a word: the phrase "near jane" is nowhere
		{"^ceasefire", []string{"a2"}},
		{"ceasefire*", []string{"a2"}},
		{"😀 ceasefire", []string{"a2"}},                 // emoji dropped
		{"\x00ceasefire\xff", []string{"a2"}},           // control and invalid bytes
		{"日本語", nil},                                    // unicode with no match
		{"   ", []string{"a3", "a2", "a1", "a4", "a5"}}, // blank: no full-text filter
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.query), func(t *testing.T) {
			got, err := s.Articles(ctx, store.ArticleQuery{Query: tt.query})
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if !slices.Equal(sources(got), tt.want) {
				t.Errorf("got %v, want %v", sources(got), tt.want)
			}
			// IDsOnly: the same rows in the same order, nothing else.
			idq := store.ArticleQuery{Query: tt.query}
			idq.IDsOnly = true
			ids, err := s.Articles(ctx, idq)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != len(got) {
				t.Fatalf("IDsOnly: %d rows, want %d", len(ids), len(got))
			}
			for i := range ids {
				if ids[i].ID != got[i].ID || ids[i].Source != "" || ids[i].Snippet != "" {
					t.Errorf("IDsOnly row %d: %+v, want id %d alone", i, ids[i], got[i].ID)
				}
			}
		})
	}

	got, err := s.Articles(ctx, store.ArticleQuery{Query: "ceasefire", Mark: [2]string{"<b>", "</b>"}})
	if err != nil || len(got) != 1 || !strings.Contains(got[0].Snippet, "<b>ceasefire</b>") {
		t.Errorf("snippet: %+v, %v", got, err)
	}
	got, err = s.Articles(ctx, store.ArticleQuery{Query: "jane", Order: store.Relevance})
	if err != nil || len(got) != 2 {
		t.Errorf("relevance order: %v, %v", sources(got), err)
	}
}

func articleFilters(t *testing.T, open Opener) {
	s, _ := Corpus(t, open)
	ctx := context.Background()
	tests := []struct {
		name string
		q    store.ArticleQuery
		want []string
	}{
		{"all newest first, undated last", store.ArticleQuery{}, []string{"a3", "a2", "a1", "a4", "a5"}},
		{"outlet ignores case", store.ArticleQuery{Outlet: "DAILY EXAMPLE"}, []string{"a3", "a4"}},
		{"from day", store.ArticleQuery{From: "2022-02-14"}, []string{"a3", "a2"}},
		{"to day includes date-times of that day", store.ArticleQuery{To: "2022-02-14"}, []string{"a2", "a1", "a4"}},
		{"month", store.ArticleQuery{From: "2022-02", To: "2022-02"}, []string{"a2", "a1"}},
		{"year", store.ArticleQuery{From: "2021", To: "2021"}, []string{"a4"}},
		{"outlet and range", store.ArticleQuery{Outlet: "Wire", From: "2022-02-11"}, []string{"a2"}},
		{"search and range", store.ArticleQuery{Query: "jane", To: "2022-02"}, []string{"a1"}},
		{"limit", store.ArticleQuery{Limit: 2}, []string{"a3", "a2"}},
		{"offset", store.ArticleQuery{Limit: 2, Offset: 2}, []string{"a1", "a4"}},
		{"pipeline", store.ArticleQuery{Pipeline: "other"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Articles(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sources(got), tt.want) {
				t.Errorf("got %v, want %v", sources(got), tt.want)
			}
		})
	}

	// Keyset paging walks the whole list once, in order.
	var walked []string
	q := store.ArticleQuery{Limit: 2}
	for range 10 {
		page, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		walked = append(walked, sources(page)...)
		q.After = page[len(page)-1].Cursor()
	}
	if want := []string{"a3", "a2", "a1", "a4", "a5"}; !slices.Equal(walked, want) {
		t.Errorf("keyset walk %v, want %v", walked, want)
	}
}

// walkStatements pages through q's list two rows at a time (keyset) and
// returns the texts in the order read.
func walkStatements(t *testing.T, s store.Store, q store.StatementQuery) []string {
	t.Helper()
	var walked []string
	q.Limit = 2
	for range 10 {
		page, err := s.Statements(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		walked = append(walked, texts(page)...)
		q.After = page[len(page)-1].Cursor()
	}
	return walked
}

func texts(list []store.StoredStatement) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.Text)
	}
	return out
}

func statementFilters(t *testing.T, open Opener) {
	s, ids := Corpus(t, open)
	ctx := context.Background()
	all, err := s.Statements(ctx, store.StatementQuery{Speaker: "jane roe"})
	if err != nil || len(all) != 2 || all[0].ActorID == 0 || all[0].ActorID != all[1].ActorID {
		t.Fatalf("speaker Jane Roe: %+v, %v", all, err)
	}
	jane := all[0].ActorID
	const (
		notSign  = "We will not sign,"
		usPos    = "The U.S. position has not changed,"
		noShot   = "Nobody fired a shot,"
		patrols  = "patrols continue."
		hardYear = "It was a hard year,"
	)
	tests := []struct {
		name string
		q    store.StatementQuery
		want []string
	}{
		{"all, newest first, text order within an article", store.StatementQuery{}, []string{notSign, noShot, patrols, usPos, hardYear}},
		{"speaker substring", store.StatementQuery{Speaker: "petrov"}, []string{noShot, patrols}},
		{"speaker by alias", store.StatementQuery{Speaker: "colonel"}, []string{noShot, patrols}},
		{"speaker with LIKE wildcards is literal", store.StatementQuery{Speaker: "%"}, nil},
		{"actor", store.StatementQuery{ActorID: jane}, []string{notSign, usPos}},
		{"article", store.StatementQuery{ArticleID: ids["a2"]}, []string{noShot, patrols}},
		{"outlet", store.StatementQuery{Outlet: "daily EXAMPLE"}, []string{notSign, hardYear}},
		{"kind none of", store.StatementQuery{Kind: article.Indirect}, nil},
		{"kind common", store.StatementQuery{Kind: article.Direct}, []string{notSign, noShot, usPos, hardYear}},
		{"kind rare", store.StatementQuery{Kind: article.Mixed}, []string{patrols}},
		{"kind rare and speaker", store.StatementQuery{Kind: article.Mixed, Speaker: "petrov"}, []string{patrols}},
		{"kind rare elsewhere", store.StatementQuery{Kind: article.Mixed, Speaker: "roe"}, nil},
		{"kind unknown", store.StatementQuery{Kind: "shouted"}, nil},
		{"own date beats publication date", store.StatementQuery{From: "2022-02-14", To: "2022-02-14"}, []string{noShot}},
		{"month-precision date overlaps a day range", store.StatementQuery{From: "2021-12-15", To: "2021-12-31"}, []string{hardYear}},
		{"full text", store.StatementQuery{Query: "not"}, []string{notSign, usPos}},
		{"full text hostile", store.StatementQuery{Query: `U.S." NOT *`}, []string{usPos}},
		{"full text and speaker", store.StatementQuery{Query: "not", Speaker: "Roe", From: "2022-03"}, []string{notSign}},
		{"limit offset", store.StatementQuery{Limit: 2, Offset: 1}, []string{noShot, patrols}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Statements(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(texts(got), tt.want) {
				t.Errorf("got %q, want %q", texts(got), tt.want)
			}
			// IDsOnly: the same rows in the same order, nothing else.
			idq := tt.q
			idq.IDsOnly = true
			ids, err := s.Statements(ctx, idq)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != len(got) {
				t.Fatalf("IDsOnly: %d rows, want %d", len(ids), len(got))
			}
			for i := range ids {
				if ids[i].ID != got[i].ID || ids[i].Text != "" || ids[i].ArticleID != 0 {
					t.Errorf("IDsOnly row %d: %+v, want id %d alone", i, ids[i], got[i].ID)
				}
			}
		})
	}
	// Keyset paging, newest first and in the store's order (by article
	// as stored, a1..a4, then place).
	if walked, want := walkStatements(t, s, store.StatementQuery{}), []string{notSign, noShot, patrols, usPos, hardYear}; !slices.Equal(walked, want) {
		t.Errorf("keyset walk %q, want %q", walked, want)
	}
	if walked, want := walkStatements(t, s, store.StatementQuery{Order: store.StoreOrder}), []string{usPos, noShot, patrols, notSign, hardYear}; !slices.Equal(walked, want) {
		t.Errorf("keyset walk in store order %q, want %q", walked, want)
	}
	if got, err := s.Statements(ctx, store.StatementQuery{Order: store.StoreOrder, Kind: article.Direct}); err != nil || !slices.Equal(texts(got), []string{usPos, noShot, notSign, hardYear}) {
		t.Errorf("store order with a filter: %q %v", texts(got), err)
	}
	// Unnamed speakers have no actor.
	hard, _ := s.Statements(ctx, store.StatementQuery{Query: "hard year"})
	if len(hard) != 1 || hard[0].ActorID != 0 || hard[0].EffectiveDate != "2021-12" {
		t.Errorf("unnamed speaker: %+v", hard)
	}
}

func actors(t *testing.T, open Opener) {
	s, _ := Corpus(t, open)
	ctx := context.Background()
	tests := []struct {
		name string
		q    store.ActorQuery
		want []string // "name:statements"
	}{
		{"most quoted first", store.ActorQuery{}, []string{"Ivan Petrov:2", "Jane Roe:2"}},
		{"by alias", store.ActorQuery{Name: "colonel"}, []string{"Ivan Petrov:2"}},
		{"by name, any case", store.ActorQuery{Name: "ROE"}, []string{"Jane Roe:2"}},
		{"by kind", store.ActorQuery{Kind: article.Org}, nil},
		{"limit", store.ActorQuery{Limit: 1}, []string{"Ivan Petrov:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Actors(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range got {
				names = append(names, fmt.Sprintf("%s:%d", a.Name, a.Statements))
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("got %v, want %v", names, tt.want)
			}
		})
	}
	got, _ := s.Actors(ctx, store.ActorQuery{Name: "petrov"})
	if len(got) != 1 || !slices.Equal(got[0].Aliases, []string{"Colonel Petrov"}) || got[0].Kind != article.Person {
		t.Errorf("actor details: %+v", got)
	}
}

func events(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	a := Sample(t, "a.txt", "Wire A", "2022-02-16")
	b := Sample(t, "b.txt", "Wire B", "2022-02-10")
	b.Body += " More."
	b.ContentHash = ""
	b.Events = append(b.Events, article.Event{Type: "CONSULT", Actor: article.Actor{Name: "Freedonia"}, Text: "met", Span: a.Events[0].Span},
		article.Event{Date: "2022-01-30", Type: "AGREE", Actor: article.Actor{Name: "Freedonia"}, Text: "met", Span: a.Events[0].Span})
	for _, x := range []*article.Article{a, b} {
		if _, err := s.SaveArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		q     store.EventQuery
		types []string
	}{
		{"all dated, oldest first", store.EventQuery{}, []string{"AGREE", "MEET", "MEET"}},
		{"with undated, last", store.EventQuery{Undated: true}, []string{"AGREE", "MEET", "MEET", "CONSULT"}},
		{"by type", store.EventQuery{Type: "AGREE"}, []string{"AGREE"}},
		{"by target name", store.EventQuery{Actor: "freedonia", From: "2022-02"}, []string{"MEET", "MEET"}},
		{"by outlet", store.EventQuery{Outlet: "wire a"}, []string{"MEET"}},
		{"range excludes", store.EventQuery{To: "2022-01"}, []string{"AGREE"}},
		{"newest first", store.EventQuery{Newest: true}, []string{"MEET", "MEET", "AGREE"}},
		{"newest, undated last", store.EventQuery{Newest: true, Undated: true}, []string{"MEET", "MEET", "AGREE", "CONSULT"}},
		{"undated, the dated fill the limit", store.EventQuery{Undated: true, Limit: 3}, []string{"AGREE", "MEET", "MEET"}},
		{"undated, room left after the dated", store.EventQuery{Undated: true, Limit: 2, Offset: 2}, []string{"MEET", "CONSULT"}},
		{"newest, undated, past the dated", store.EventQuery{Newest: true, Undated: true, Limit: 2, Offset: 3}, []string{"CONSULT"}},
		{"newest in a range", store.EventQuery{Newest: true, From: "2022-01-30", Limit: 2}, []string{"MEET", "MEET"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, e := range got {
				types = append(types, e.Type)
			}
			if len(types) != len(tt.types) {
				t.Fatalf("types %v, want %v", types, tt.types)
			}
			for i := range types {
				if types[i] != tt.types[i] {
					t.Fatalf("types %v, want %v", types, tt.types)
				}
			}
		})
	}
	got, _ := s.Events(ctx, store.EventQuery{Type: "MEET", Outlet: "Wire A"})
	if len(got) != 1 || got[0].Target == nil || got[0].Target.Name != "Freedonia" || got[0].Source != "a.txt" || got[0].Published != "2022-02-16" {
		t.Errorf("event row: %+v", got)
	}
	if _, err := s.Events(ctx, store.EventQuery{From: "soon"}); err == nil {
		t.Error("a bad date must be an error")
	}
}

// articleBodies: the texts of the ids asked for, unknown ids left out,
// as many ids as a caller has (more than one query's worth).
func articleBodies(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	a := Sample(t, "a.txt", "Wire A", "2022-02-16")
	b := Sample(t, "b.txt", "Wire B", "")
	b.Body += " More."
	b.ContentHash = ""
	want := map[int64]store.ArticleBody{}
	for _, x := range []*article.Article{a, b} {
		r, err := s.SaveArticle(ctx, x)
		if err != nil {
			t.Fatal(err)
		}
		want[r.ID] = store.ArticleBody{ID: r.ID, Published: x.Published, Body: x.Body}
	}
	ids := []int64{}
	for i := range 1200 { // unknown ids around the two known ones
		ids = append(ids, int64(1000+i))
	}
	for id := range want {
		ids = append(ids, id)
	}
	got, err := s.ArticleBodies(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d bodies, want %d", len(got), len(want))
	}
	for _, g := range got {
		if g != want[g.ID] {
			t.Errorf("body %d: got %+v, want %+v", g.ID, g, want[g.ID])
		}
	}
	if got, err := s.ArticleBodies(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}
