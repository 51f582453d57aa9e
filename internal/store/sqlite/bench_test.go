package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
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
