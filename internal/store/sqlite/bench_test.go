package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// benchArticle builds a ~3 KB invented report with 10 statements, 20
// mentions, 5 timexes and 3 events; n makes its body unique.
func benchArticle(n int) *article.Article {
	var b strings.Builder
	fmt.Fprintf(&b, "GENEVA, %d March (Bench Wire) - ", n%28+1)
	a := &article.Article{Source: fmt.Sprintf("bench/%d.txt", n), Title: fmt.Sprintf("Talks, day %d", n),
		Published: fmt.Sprintf("2022-03-%02d", n%28+1), Outlet: "Bench Wire", Language: "en", Pipeline: "bench"}
	for i := range 10 {
		b.WriteString("Negotiators worked through the night on the draft text, officials said. ")
		start := b.Len()
		text := fmt.Sprintf("We made progress on point %d and will continue", i)
		fmt.Fprintf(&b, "\"%s,\" said minister Speaker%d. ", text, i%4)
		name := fmt.Sprintf("Speaker%d", i%4)
		a.Statements = append(a.Statements, article.Statement{
			Speaker: article.Actor{Name: name, Title: "minister", Kind: article.Person},
			Kind:    article.Direct, Text: text, Cue: "said",
			Span: article.Span{start, b.Len() - 1}, TextSpan: article.Span{start + 1, start + 1 + len(text)},
		})
		a.Mentions = append(a.Mentions,
			article.Mention{Text: name, Type: article.Person, Actor: name, Span: article.Span{start, start + 5}},
			article.Mention{Text: "Geneva", Type: article.GPE, Actor: "Geneva", Span: article.Span{0, 6}})
		if i%2 == 0 {
			a.Timexes = append(a.Timexes, article.Timex{Text: "the night", Type: article.Time, Value: "2022-03-01TNI", Span: article.Span{start - 20, start - 10}})
		}
		if i%3 == 0 {
			a.Events = append(a.Events, article.Event{Date: "2022-03-01", Type: "NEGOTIATE", Actor: article.Actor{Name: name}, Text: "worked", Span: article.Span{start - 50, start - 44}})
		}
		b.WriteString("The delegations from both capitals are expected to meet again before the end of the week. ")
	}
	fmt.Fprintf(&b, "Reference %d.", n)
	a.Body = b.String()
	return a
}

// BenchmarkSaveArticle measures ingest into a file database, one article
// (and its ~40 analyses) per transaction.
func BenchmarkSaveArticle(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	b.SetBytes(int64(len(benchArticle(0).Body)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n++
		if _, err := s.SaveArticle(ctx, benchArticle(n)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkQueries measures the read side on 500 stored articles.
func BenchmarkQueries(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	for i := range 500 {
		if _, err := s.SaveArticle(ctx, benchArticle(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("Article", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Article(ctx, 250); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ArticlesPage", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Articles(ctx, store.ArticleQuery{Limit: 20, Outlet: "Bench Wire", From: "2022-03-05"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ArticlesSearch", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Articles(ctx, store.ArticleQuery{Limit: 20, Query: "reference 42"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsPage", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 20, From: "2022-03-10"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsSpeaker", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 20, Speaker: "speaker2"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Worst case: the words occur in every one of the 5000 statements.
	b.Run("StatementsSearchCommon", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 20, Query: "progress point"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSaveArticles measures bulk ingest, 100 articles per transaction;
// ns/op is per article.
func BenchmarkSaveArticles(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	b.SetBytes(int64(len(benchArticle(0).Body)))
	const batch = 100
	n := 0
	pending := make([]*article.Article, 0, batch)
	for b.Loop() {
		n++
		pending = append(pending, benchArticle(n))
		if len(pending) == batch {
			if _, err := s.SaveArticles(ctx, pending); err != nil {
				b.Fatal(err)
			}
			pending = pending[:0]
		}
	}
	if _, err := s.SaveArticles(ctx, pending); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// seeded returns a store holding n bench articles (about 10 statements
// each), written in batches of 500.
func seeded(b *testing.B, n int) *Store {
	b.Helper()
	s := openTest(b)
	ctx := context.Background()
	for from := 0; from < n; from += 500 {
		batch := make([]*article.Article, 0, 500)
		for i := from; i < min(n, from+500); i++ {
			batch = append(batch, benchArticle(i))
		}
		if _, err := s.SaveArticles(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkHotQueries measures what every page asks, over 5,000 articles
// (50,000 statements): each should cost the same at any size of the store
// (compare -benchtime runs of a bigger seed by editing n).
//
//	go test -run '^$' -bench HotQueries ./internal/store/sqlite
func BenchmarkHotQueries(b *testing.B) {
	const n = 5000
	s := seeded(b, n)
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil || st.Statements < n {
		b.Fatalf("seeded %+v %v", st, err)
	}
	// A cursor deep in the newest-first statement list.
	deep := store.StatementQuery{Limit: store.MaxLimit}
	for range 4 {
		page, err := s.Statements(ctx, deep)
		if err != nil || len(page) == 0 {
			b.Fatal(err)
		}
		deep.After = page[len(page)-1].Cursor()
	}
	b.Run("Stats", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.countStats(ctx); err != nil { // uncached
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsFirstPage", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsDeepCursor", func(b *testing.B) {
		q := deep
		q.Limit = 50
		for b.Loop() {
			if _, err := s.Statements(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsDeepOffset", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 50, Offset: 4 * store.MaxLimit}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsKind", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 50, Kind: article.Direct}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("StatementsSearchCommon", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Statements(ctx, store.StatementQuery{Limit: 50, Query: "progress", Order: store.Relevance}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ActorsPage", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Actors(ctx, store.ActorQuery{Limit: 50, Speaking: true, Detail: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Outlets", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Outlets(ctx, 500); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Ingest into the full store, 100 articles per transaction; compare
	// with BenchmarkSaveArticles (an empty one). ns/op is per article.
	b.Run("SaveArticlesIntoFull", func(b *testing.B) {
		next := 1_000_000
		pending := make([]*article.Article, 0, 100)
		k := 0
		for b.Loop() {
			k++
			pending = append(pending, benchArticle(next+k))
			if len(pending) == cap(pending) {
				if _, err := s.SaveArticles(ctx, pending); err != nil {
					b.Fatal(err)
				}
				pending = pending[:0]
			}
		}
		if _, err := s.SaveArticles(ctx, pending); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(k)/b.Elapsed().Seconds(), "articles/s")
	})
	d, err := dossier.Load("../../dossier/testdata/stance/dossier.yaml")
	if err != nil {
		b.Fatal(err)
	}
	// Every statement streamed once (the way without the dossier index;
	// BenchmarkPositions times the index); ns/op is per store, B/op what
	// it allocates in all (the statements are not kept).
	b.Run("PositionsFrom", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := dossier.PositionsFrom(ctx, s, d, dossier.Options{Stream: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// From the index, built once before the timing.
	if _, err := dossier.Index(ctx, s, d, nil); err != nil {
		b.Fatal(err)
	}
	b.Run("PositionsIndexed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := dossier.PositionsFrom(ctx, s, d, dossier.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
