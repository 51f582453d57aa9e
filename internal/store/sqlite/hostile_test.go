package sqlite

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// fill makes a database file with n articles and closes it.
func fill(t *testing.T, path string, n int) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		a := storetest.Sample(t, fmt.Sprintf("src-%d.txt", i), "Example Times", "2031-03-03")
		a = withBody(a, strings.Repeat(fmt.Sprintf(" Filler sentence %d for the pages.", i), 40))
		if _, err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCorruptDatabaseRefusesWrites: a database whose pages are damaged
// fails the check at open and in Check, and takes no more writes (it used
// to accept them); what can be read still can.
func TestCorruptDatabaseRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	fill(t, path, 30)
	storetest.DamageSQLitePage(t, path, "articles")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("open: %v (a damaged file should still open, for reading)", err)
	}
	defer s.Close()
	if err := s.Check(ctx); !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("Check: %v, want ErrCorrupt", err)
	}
	_, err = s.SaveArticle(ctx, storetest.Sample(t, "new.txt", "Example Times", "2031-03-04"))
	if !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("save to a corrupt database: %v, want ErrCorrupt", err)
	}
}

// TestReadOnlyDatabase: a database that cannot be written is opened for
// reading (it used to fail to open at all), reads work and writes fail
// with ErrReadOnly at once.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	fill(t, path, 3)
	check := func(t *testing.T, s *Store) {
		t.Helper()
		if !s.ReadOnly() {
			t.Errorf("ReadOnly() = false")
		}
		list, err := s.Articles(ctx, store.ArticleQuery{})
		if err != nil || len(list) != 3 {
			t.Fatalf("articles: %d, %v", len(list), err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 3 {
			t.Fatalf("stats: %+v, %v", st, err)
		}
		if _, err := s.SaveArticle(ctx, storetest.Sample(t, "new.txt", "Example Times", "2031-03-04")); !errors.Is(err, store.ErrReadOnly) {
			t.Fatalf("save: %v, want ErrReadOnly", err)
		}
	}
	t.Run("asked", func(t *testing.T) {
		s, err := OpenWith(ctx, path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		check(t, s)
	})
	t.Run("filesystem read-only", func(t *testing.T) {
		// What Open does when the file's filesystem is mounted read-only
		// (EROFS): SQLite is told the file is immutable, since it could not
		// create its -wal and -shm files there.
		s := &Store{path: path, readOnly: true, opts: Options{BusyTimeout: time.Second, ReadConns: 2}, log: slog.New(slog.DiscardHandler)}
		if err := s.openReadOnly(ctx, true); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		check(t, s)
	})
	t.Run("file not writable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes read-only files")
		}
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			_ = os.Remove(p + "x")
			if err := os.Chmod(p, 0o444); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
		s, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("open a read-only file: %v", err)
		}
		defer s.Close()
		check(t, s)
	})
	if ro, imm := readOnlyFile(filepath.Join(dir, "none.db")); ro || imm {
		t.Errorf("a missing file is not read-only")
	}
}

// TestStatsCache: Stats answers from its cache until a write (by this
// store or another process's) changes the database, and then counts anew.
func TestStatsCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	fill(t, path, 2)
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, path, nil) // another writer, as another process would be
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	st, _ := s.Stats(ctx)
	v1, _ := s.dataVersion(ctx)
	st2, _ := s.Stats(ctx)
	v2, _ := s.dataVersion(ctx)
	if st.Articles != 2 || st2.Articles != 2 || v1 != v2 {
		t.Fatalf("stats %d %d, versions %d %d", st.Articles, st2.Articles, v1, v2)
	}
	if _, err := other.SaveArticle(ctx, withBody(storetest.Sample(t, "other.txt", "Example Times", "2031-03-05"), " Other.")); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Articles != 3 {
		t.Fatalf("after another writer: %d articles, want 3", st.Articles)
	}
	if _, err := s.SaveArticle(ctx, withBody(storetest.Sample(t, "own.txt", "Example Times", "2031-03-06"), " Own.")); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Articles != 4 {
		t.Fatalf("after its own write: %d articles, want 4", st.Articles)
	}
	// The cached map is a copy: a caller changing it changes nothing.
	st, _ = s.Stats(ctx)
	for k := range st.Pipelines {
		st.Pipelines[k] = -1
	}
	if st, _ := s.Stats(ctx); len(st.Pipelines) > 0 {
		for _, n := range st.Pipelines {
			if n < 0 {
				t.Fatalf("cache shared its map")
			}
		}
	}
	// Concurrent readers all get an answer.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st, err := s.Stats(ctx); err != nil || st.Articles < 4 {
				t.Errorf("concurrent stats: %+v %v", st.Articles, err)
			}
		}()
	}
	wg.Wait()
}

// TestSizeCaps: an article over the caps is refused as ErrTooBig (and
// ErrInvalid), saying which cap.
func TestSizeCaps(t *testing.T) {
	s := openTest(t)
	a := storetest.Sample(t, "big.txt", "Example Times", "2031-03-03")
	st := a.Statements[0]
	a.Statements = make([]article.Statement, store.MaxStatements+1)
	for i := range a.Statements {
		a.Statements[i] = st
	}
	_, err := s.SaveArticle(context.Background(), a)
	if !errors.Is(err, store.ErrTooBig) || !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "statements") {
		t.Fatalf("save: %v, want ErrTooBig naming statements", err)
	}
	if _, err := s.SaveArticles(context.Background(), []*article.Article{a}); !errors.Is(err, store.ErrTooBig) {
		t.Fatalf("save batch: %v, want ErrTooBig", err)
	}
}

// TestLegacyHugeArticleIsReadCut: an article stored before the caps (rows
// written directly here) comes back cut to them and flagged, instead of
// whole into memory.
func TestLegacyHugeArticleIsReadCut(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	res, err := s.SaveArticle(ctx, storetest.Sample(t, "legacy.txt", "Example Times", "2031-03-03"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.write.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < ?)
		INSERT INTO statements(article_id, seq, actor_id, form, kind, cue, text, date, eff_date, date_basis, spans)
		SELECT article_id, seq + 1000 + i, actor_id, form, kind, cue, text, date, eff_date, date_basis, spans
		FROM statements, n WHERE article_id = ? AND seq = 0`, store.MaxStatements+10, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Statements) != store.MaxStatements || !a.Truncated {
		t.Fatalf("%d statements, truncated %v; want %d and true", len(a.Statements), a.Truncated, store.MaxStatements)
	}
	if st, err := s.Statements(ctx, store.StatementQuery{ArticleID: res.ID, Limit: 5}); err != nil || len(st) != 5 {
		t.Errorf("statements of the article: %d, %v", len(st), err)
	}
}

// TestSpeakerFormsKeptApart: speakers, event actors and targets stored as
// forms (forms.go) read back exactly as written, even forms whose strings
// would run together if joined with a separator, across transactions (the
// form ids the writer remembers); a statement's date reads back as written
// whether or not it is its effective date.
func TestSpeakerFormsKeptApart(t *testing.T) {
	s := openTest(t)
	body := "One said this. Two said that. Three said more. Four said less."
	forms := []article.Actor{
		{Name: "a\x00b", Title: "c", Kind: article.Person},
		{Name: "a", Title: "b\x00c", Kind: article.Person},
		{Name: "a", Title: "b", Affiliation: "\x00c", Kind: article.Person},
		{Name: "", Title: "", Affiliation: "", Kind: ""},
	}
	dates := []string{"2031-03-02", "", "2031-03", "2031-02-27"}
	for round := range 2 {
		a := &article.Article{Source: fmt.Sprintf("forms-%d.txt", round), Title: "Forms", Published: "2031-03-02", Body: body, Pipeline: "v1"}
		for i, f := range forms {
			a.Statements = append(a.Statements, article.Statement{Speaker: f, Kind: article.Indirect, Text: body[i*15 : i*15+14],
				Date: dates[i], Span: article.Span{i * 15, i*15 + 14}, TextSpan: article.Span{i * 15, i*15 + 14}})
			target := forms[(i+1)%len(forms)]
			a.Events = append(a.Events, article.Event{Type: "MEET", Actor: f, Target: &target, Span: article.Span{i * 15, i*15 + 3}})
		}
		_, got := storetest.SaveRead(t, s, a)
		if len(got.Statements) != len(forms) || len(got.Events) != len(forms) {
			t.Fatalf("round %d: %d statements, %d events", round, len(got.Statements), len(got.Events))
		}
		same := func(a, b article.Actor) bool {
			return a.Name == b.Name && a.Title == b.Title && a.Affiliation == b.Affiliation && a.Kind == b.Kind
		}
		for i, f := range forms {
			st, ev := got.Statements[i], got.Events[i]
			if !same(st.Speaker, f) || st.Date != dates[i] {
				t.Errorf("round %d statement %d: speaker %+q date %q, stored %+q %q", round, i, st.Speaker, st.Date, f, dates[i])
			}
			if !same(ev.Actor, f) || ev.Target == nil || !same(*ev.Target, forms[(i+1)%len(forms)]) {
				t.Errorf("round %d event %d: actor %+q target %+v", round, i, ev.Actor, ev.Target)
			}
		}
	}
	var n int
	if err := s.read.QueryRow(`SELECT count(*) FROM forms`).Scan(&n); err != nil || n != len(forms) {
		t.Errorf("forms: %d, %v (want %d: each stored once)", n, err, len(forms))
	}
}
