package sqlite

import (
	"context"
	"encoding/json"
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

// TestPositionsReadOnly: a database opened read-only cannot be indexed;
// its positions are streamed, the same as the indexed ones once a
// writable open indexed it (and then read from the index, read-only too).
func TestPositionsReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var as []*article.Article
	for i := range 30 {
		as = append(as, storetest.LinkArticle(r, i, 1, nil))
	}
	if _, err := st.SaveArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	st.Close()
	d, err := dossier.Parse("talks.yaml", []byte(storetest.LinksDossier))
	if err != nil {
		t.Fatal(err)
	}
	positions := func(readOnly bool) string {
		t.Helper()
		s, err := OpenWith(ctx, path, Options{ReadOnly: readOnly})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ps, err := dossier.PositionsFrom(ctx, s, d, dossier.Options{})
		if err != nil {
			t.Fatalf("read-only %v: %v", readOnly, err)
		}
		if len(ps) == 0 {
			t.Fatalf("read-only %v: no cells", readOnly)
		}
		b, _ := json.Marshal(ps)
		return string(b)
	}
	streamed := positions(true)
	indexed := positions(false)
	if again := positions(true); streamed != indexed || again != indexed {
		t.Errorf("read-only (streamed)\n%s\nindexed\n%s\nread-only after indexing\n%s", streamed, indexed, again)
	}
}
