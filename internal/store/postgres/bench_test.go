package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/parley-news/parley/internal/article"
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
