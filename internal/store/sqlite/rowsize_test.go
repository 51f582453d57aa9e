package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// TestAnalysedAt: an article analysed as it is stored keeps one timestamp
// (analysed_at is sameTime) and reads both times back equal; re-analysis
// writes its own time.
func TestAnalysedAt(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	res, err := s.SaveArticle(ctx, &article.Article{Source: "t.txt", Title: "T", Body: "The envoy spoke.", Pipeline: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	raw := func() string {
		var v string
		if err := s.read.QueryRowContext(ctx, `SELECT analysed_at FROM articles WHERE id = ?`, res.ID).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if raw() != sameTime || a.IngestedAt.IsZero() || !a.AnalysedAt.Equal(a.IngestedAt) {
		t.Errorf("stored %q; ingested %v, analysed %v", raw(), a.IngestedAt, a.AnalysedAt)
	}
	time.Sleep(2 * time.Millisecond)
	if err := s.ReplaceAnalyses(ctx, res.ID, &article.Article{Pipeline: "v2"}); err != nil {
		t.Fatal(err)
	}
	b, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if raw() == sameTime || !b.IngestedAt.Equal(a.IngestedAt) || !b.AnalysedAt.After(b.IngestedAt) {
		t.Errorf("re-analysed: stored %q; ingested %v, analysed %v", raw(), b.IngestedAt, b.AnalysedAt)
	}
}

// TestPageSize: a new store has pageSize pages; a file made with SQLite's
// default keeps its own and opens.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	size := func(s *Store) int {
		var n int
		if err := s.read.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := size(openTest(t)); n != pageSize {
		t.Errorf("new store: %d-byte pages, want %d", n, pageSize)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	writeOld(t, path, migrationIndex(t, "lean analyses"), leanArticles()[:1])
	old, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n := size(old); n != 4096 {
		t.Errorf("existing store: %d-byte pages, want its 4096", n)
	}
	if _, err := old.Article(ctx, 1); err != nil {
		t.Error(err)
	}
}
