package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// TestAggregatesBackfill: a database written before the "aggregates"
// migration gets its counts and actor aggregates from the rows already
// there when it is opened by this version.
func TestAggregatesBackfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	// The schema before "aggregates", written as the store then wrote it;
	// a new version retires one article with its statements.
	input := []*article.Article{}
	for i := range 5 {
		input = append(input, benchArticle(i))
	}
	a := benchArticle(0)
	a.Body += " Corrected."
	writeOld(t, path, migrationIndex(t, "aggregates"), append(input, a))

	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var arts, vers, stmts, ments int64
	if err := s.read.QueryRow(`SELECT (SELECT count(*) FROM articles WHERE current = 1), (SELECT count(*) FROM articles),
		(SELECT count(*) FROM statements x JOIN articles a ON a.id = x.article_id WHERE a.current = 1),
		(SELECT sum(x.n) FROM mention_packs x JOIN articles a ON a.id = x.article_id WHERE a.current = 1)`).Scan(&arts, &vers, &stmts, &ments); err != nil {
		t.Fatal(err)
	}
	if st.Articles != arts || st.Versions != vers || st.Statements != stmts || st.Mentions != ments || arts != 5 || vers != 6 {
		t.Errorf("stats after backfill %+v; counted %d articles, %d versions, %d statements, %d mentions", st, arts, vers, stmts, ments)
	}
	actors, err := s.Actors(ctx, store.ActorQuery{Speaking: true, Detail: true, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 4 || st.Speakers != 4 {
		t.Fatalf("%d speaking actors, stats %d, want 4", len(actors), st.Speakers)
	}
	for _, x := range actors {
		var n int
		var first, last string
		if err := s.read.QueryRow(`SELECT count(*), min(s.eff_date), max(s.eff_date) FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE a.current = 1 AND s.actor_id = ?`, x.ID).Scan(&n, dayScan{&first}, dayScan{&last}); err != nil {
			t.Fatal(err)
		}
		var ments int
		if err := s.read.QueryRow(`SELECT coalesce(sum(m.n), 0) FROM mention_actors m JOIN articles a ON a.id = m.article_id
			WHERE a.current = 1 AND m.actor_id = ?`, x.ID).Scan(&ments); err != nil {
			t.Fatal(err)
		}
		if x.Mentions != ments || ments == 0 {
			t.Errorf("%s: %d mentions, counted %d", x.Name, x.Mentions, ments)
		}
		if x.Statements != n || x.First != first || x.Last != last || len(x.Forms) == 0 || len(x.Outlets) != 1 {
			t.Errorf("%s: %d statements %s..%s forms %v outlets %v; counted %d %s..%s", x.Name, x.Statements, x.First, x.Last, x.Forms, x.Outlets, n, first, last)
		}
	}
}
