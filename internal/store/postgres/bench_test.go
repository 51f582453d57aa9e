package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// BenchmarkSave stores articles one by one and in batches of 32, as
// `parley worker` does: go test -bench Save ./internal/store/postgres
func BenchmarkSave(b *testing.B) {
	for _, batch := range []int{1, 32} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			s := openTest(b)
			ctx := context.Background()
			n := 0
			for b.Loop() {
				as := make([]*article.Article, batch)
				for i := range as {
					a := storetest.Sample(b, fmt.Sprintf("bench/%d.txt", n), "Wire", "2022-02-16")
					a.Body += fmt.Sprintf(" Item %d.", n)
					a.ContentHash = ""
					as[i] = a
					n++
				}
				if _, err := s.SaveArticles(ctx, as); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkHotQueries measures what every page asks over 2,000 stored
// articles: go test -run '^$' -bench HotQueries ./internal/store/postgres
func BenchmarkHotQueries(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	const n = 2000
	for from := 0; from < n; from += 200 {
		as := make([]*article.Article, 0, 200)
		for i := from; i < from+200; i++ {
			a := storetest.Sample(b, fmt.Sprintf("bench/%d.txt", i), fmt.Sprintf("Wire %d", i%7), fmt.Sprintf("2022-%02d-%02d", i%12+1, i%28+1))
			a.Body += fmt.Sprintf(" Item %d.", i)
			as = append(as, a)
		}
		if _, err := s.SaveArticles(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	deep := store.StatementQuery{Limit: 1000}
	for range 3 {
		page, err := s.Statements(ctx, deep)
		if err != nil || len(page) == 0 {
			b.Fatal(err)
		}
		deep.After = page[len(page)-1].Cursor()
	}
	deep.Limit = 50
	for _, bm := range []struct {
		name string
		fn   func() error
	}{
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
		{"StatementsFirstPage", func() error { _, err := s.Statements(ctx, store.StatementQuery{Limit: 50}); return err }},
		{"StatementsDeepCursor", func() error { _, err := s.Statements(ctx, deep); return err }},
		{"ActorsPage", func() error {
			_, err := s.Actors(ctx, store.ActorQuery{Limit: 50, Speaking: true, Detail: true})
			return err
		}},
		{"Outlets", func() error { _, err := s.Outlets(ctx, 500); return err }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				if err := bm.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
