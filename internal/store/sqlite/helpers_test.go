package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// openTest opens a fresh database file in t.TempDir().
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// withBody returns a copy of a with a different body (and so a different
// hash), its analyses dropped.
func withBody(a *article.Article, extra string) *article.Article {
	b := *a
	b.Body = a.Body + " " + extra
	b.ContentHash = ""
	b.Statements, b.Mentions, b.Timexes, b.Events = nil, nil, nil, nil
	return &b
}

// countRows counts the rows of every table that holds article data.
func countRows(t testing.TB, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"articles", "statements", "mention_packs", "mention_actors", "timex_packs", "events", "actors", "actor_aliases", "articles_fts", "statements_fts"} {
		var n int
		if table == "statements_fts" {
			out[table] = ftsRows(t, s, table)
			continue
		}
		if err := s.read.QueryRow(fmt.Sprintf("SELECT count(*) FROM %s", table)).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// ftsRows is how many rows an FTS5 table holds, read from its averages
// record (the first varint of block 1 of its data table): a contentless
// table without sizes cannot be counted with count(*).
func ftsRows(t testing.TB, s *Store, table string) int {
	t.Helper()
	var block []byte
	if err := s.read.QueryRow(fmt.Sprintf("SELECT block FROM %s_data WHERE id = 1", table)).Scan(&block); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	n := 0
	for i, c := range block {
		if i == 8 {
			return n<<8 | int(c)
		}
		n = n<<7 | int(c&0x7f)
		if c < 0x80 {
			return n
		}
	}
	return n
}
