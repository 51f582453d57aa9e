package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store/storetest"
)

// BenchmarkPositions: a dossier's matrix over a store of 5,000 articles
// whose statements link to it, folded from the index (after the first
// full pass, which is not timed) and, for comparison, by classifying every
// statement; and a catch-up after 100 new articles.
func BenchmarkPositions(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d, err := dossier.Parse("talks.yaml", []byte(storetest.LinksDossier))
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	next := 0
	save := func(n int) {
		var as []*article.Article
		for range n {
			as = append(as, storetest.LinkArticle(r, next, 1, nil))
			next++
		}
		if _, err := st.SaveArticles(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	for range 10 {
		save(500)
	}
	if _, err := dossier.Index(ctx, st, d, nil); err != nil {
		b.Fatal(err)
	}
	b.Run("indexed", func(b *testing.B) {
		for b.Loop() {
			if _, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("streamed", func(b *testing.B) {
		for b.Loop() {
			if _, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Stream: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("catch-up-100", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			save(100)
			b.StartTimer()
			if _, err := dossier.Index(ctx, st, d, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
