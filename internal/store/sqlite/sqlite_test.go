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
)

func TestMigrationsApplyOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "parley.db") // directories are created
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	applied := func(s *Store) map[int]string {
		rows, err := s.read.Query(`SELECT version, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int]string{}
		for rows.Next() {
			var v int
			var at string
			if err := rows.Scan(&v, &at); err != nil {
				t.Fatal(err)
			}
			out[v] = at
		}
		return out
	}
	first := applied(s)
	if len(first) != SchemaVersion() {
		t.Fatalf("applied %d migrations, want %d", len(first), SchemaVersion())
	}
	for v := 1; v <= SchemaVersion(); v++ {
		if first[v] == "" {
			t.Errorf("migration %d not recorded", v)
		}
	}
	var mode string
	if err := s.read.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	if _, err := s.SaveArticle(ctx, sample(t, "a", "Wire", "2022-01-01")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Re-opening is a no-op: same records, data kept.
	s, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	second := applied(s)
	if len(second) != len(first) {
		t.Fatalf("re-open changed migrations: %v -> %v", first, second)
	}
	for v, at := range first {
		if second[v] != at {
			t.Errorf("migration %d re-applied: %s -> %s", v, at, second[v])
		}
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("after re-open: %+v, %v; want 1 article", st, err)
	}
	// A database from a newer program is refused, not damaged.
	if _, err := s.write.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, 'future', 'x')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path, nil); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Errorf("open newer schema: err = %v, want ErrSchemaTooNew", err)
	}
}

func TestTemporaryDatabase(t *testing.T) {
	s, err := Open(context.Background(), ":memory:", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveArticle(context.Background(), sample(t, "a", "Wire", "2022-01-01")); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("temporary database missing while open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("temporary database %s left after Close (err %v)", path, err)
	}
	if _, err := s.Stats(context.Background()); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Stats after Close: %v, want ErrClosed", err)
	}
	if _, err := s.SaveArticle(context.Background(), sample(t, "b", "Wire", "2022-01-01")); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Save after Close: %v, want ErrClosed", err)
	}
}

// step is one SaveArticle in a scenario and what it must report.
type step struct {
	a       func(t *testing.T, prev []*article.Article) *article.Article
	status  store.SaveStatus
	version int
	sameID  int // when > 0, the result's ID must equal that of step sameID-1
}

func TestSaveScenarios(t *testing.T) {
	base := func(source string) func(t *testing.T, _ []*article.Article) *article.Article {
		return func(t *testing.T, _ []*article.Article) *article.Article {
			return sample(t, source, "Wire", "2022-02-16")
		}
	}
	edit := func(of int, extra string) func(t *testing.T, prev []*article.Article) *article.Article {
		return func(t *testing.T, prev []*article.Article) *article.Article { return withBody(prev[of], extra) }
	}
	tests := []struct {
		name  string
		steps []step
		// current and total article rows afterwards
		current, total int
	}{
		{"new", []step{{a: base("one.txt"), status: store.New, version: 1}}, 1, 1},
		{"duplicate stored once", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: base("one.txt"), status: store.Duplicate, version: 1, sameID: 1},
			{a: base("one.txt"), status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
		{"same content from another source is a duplicate", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: base("mirror.txt"), status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
		{"changed article is a new version", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: edit(0, "Talks ended late."), status: store.NewVersion, version: 2},
			{a: edit(1, "A spokesman declined to comment."), status: store.NewVersion, version: 3},
			{a: edit(1, "A spokesman declined to comment."), status: store.Duplicate, version: 3, sameID: 3},
		}, 1, 3},
		{"new source with new content is new", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "Other story.")
				b.Source = "two.txt"
				return b
			}, status: store.New, version: 1},
		}, 2, 2},
		{"URL identifies the source over the path", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := sample(t, "/tmp/x1.html", "Wire", "2022-02-16")
				a.URL = "https://news.example/talks"
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "Updated at noon.")
				b.Source = "/tmp/x2.html"
				return b
			}, status: store.NewVersion, version: 2},
		}, 1, 2},
		{"without hash the store hashes title and body", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := sample(t, "", "Wire", "2022-02-16")
				a.ContentHash = ""
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := *prev[0]
				return &b
			}, status: store.Duplicate, version: 1, sameID: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				// No source key: a changed body cannot be related to anything.
				return withBody(prev[0], "More.")
			}, status: store.New, version: 1},
		}, 2, 2},
		{"explicit hash wins over the text", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := sample(t, "h.txt", "Wire", "2022-02-16")
				a.ContentHash = "abc"
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "whitespace-only change upstream")
				b.ContentHash = "abc"
				return b
			}, status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			ctx := context.Background()
			var arts []*article.Article
			var results []store.SaveResult
			for i, st := range tt.steps {
				a := st.a(t, arts)
				res, err := s.SaveArticle(ctx, a)
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if res.Status != st.status || res.Version != st.version {
					t.Errorf("step %d: got %v v%d, want %v v%d", i, res.Status, res.Version, st.status, st.version)
				}
				if st.sameID > 0 && res.ID != results[st.sameID-1].ID {
					t.Errorf("step %d: id %d, want id of step %d (%d)", i, res.ID, st.sameID-1, results[st.sameID-1].ID)
				}
				if res.Status == store.NewVersion {
					prev, err := s.Article(ctx, res.Previous)
					if err != nil {
						t.Fatalf("step %d: previous: %v", i, err)
					}
					if prev.Current || prev.SupersededBy != res.ID || prev.Version != res.Version-1 {
						t.Errorf("step %d: previous version %d: current=%v superseded_by=%d, want false, %d",
							i, prev.Version, prev.Current, prev.SupersededBy, res.ID)
					}
					if len(prev.Statements) == 0 && i == 1 {
						t.Errorf("step %d: previous version lost its analyses", i)
					}
					vs, err := s.Versions(ctx, res.Previous)
					if err != nil || len(vs) != res.Version || vs[0].ID != res.ID {
						t.Errorf("step %d: Versions = %+v, %v", i, vs, err)
					}
				}
				arts = append(arts, a)
				results = append(results, res)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if int(st.Articles) != tt.current || int(st.Versions) != tt.total {
				t.Errorf("stats: %d current / %d rows, want %d / %d", st.Articles, st.Versions, tt.current, tt.total)
			}
			list, err := s.Articles(ctx, store.ArticleQuery{})
			if err != nil || len(list) != tt.current {
				t.Errorf("Articles: %d rows, %v; want %d", len(list), err, tt.current)
			}
			all, err := s.Articles(ctx, store.ArticleQuery{IncludeSuperseded: true})
			if err != nil || len(all) != tt.total {
				t.Errorf("Articles(IncludeSuperseded): %d rows, %v; want %d", len(all), err, tt.total)
			}
		})
	}
}

func TestSaveInvalid(t *testing.T) {
	s := openTest(t)
	if _, err := s.SaveArticle(context.Background(), nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil article: %v, want ErrInvalid", err)
	}
	if _, err := s.Article(context.Background(), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if _, err := s.Versions(context.Background(), 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing versions: %v, want ErrNotFound", err)
	}
	if _, err := s.Articles(context.Background(), store.ArticleQuery{From: "last week"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad date: %v, want ErrInvalid", err)
	}
	// Hostile field values are stored and read back unchanged.
	a := sample(t, "odd\x00name", "Wire", "not a date")
	a.Title = "bad \xff utf-8 and 'quotes' -- ; DROP TABLE articles"
	res, err := s.SaveArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(context.Background(), res.ID)
	if err != nil || got.Title != a.Title || got.Source != a.Source || got.Published != a.Published {
		t.Errorf("round trip of odd values: %+v, %v", got, err)
	}
}

func TestReplaceAnalyses(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := sample(t, "one.txt", "Wire", "2022-02-16")
	a.Pipeline = "v1"
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	b := sample(t, "two.txt", "Wire", "2022-02-17")
	b.Body += " Later."
	b.Pipeline = "v2"
	if _, err := s.SaveArticle(ctx, b); err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleArticles(ctx, "v2", 0)
	if err != nil || len(stale) != 1 || stale[0] != res.ID {
		t.Fatalf("StaleArticles(v2) = %v, %v; want [%d]", stale, err, res.ID)
	}

	// The new pipeline finds one different statement and no events.
	fresh := *a
	fresh.Pipeline = "v2"
	fresh.Statements = []article.Statement{quote(t, a.Body, "Otto Brandt", "minister", "said", "the talks would resume next week", "2022-02-15")}
	fresh.Statements[0].Kind = article.Indirect
	fresh.Events = nil
	fresh.Published = "2022-02-15"
	if err := s.ReplaceAnalyses(ctx, res.ID, &fresh); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pipeline != "v2" || len(got.Statements) != 1 || got.Statements[0].Text != fresh.Statements[0].Text ||
		len(got.Events) != 0 || len(got.Mentions) != len(a.Mentions) || got.Published != "2022-02-15" {
		t.Errorf("after replace: pipeline %q, %d statements, %d events, published %q", got.Pipeline, len(got.Statements), len(got.Events), got.Published)
	}
	if stale, _ := s.StaleArticles(ctx, "v2", 0); len(stale) != 0 {
		t.Errorf("still stale after replace: %v", stale)
	}
	// The statement index follows: the old quote is gone from this article.
	hits, err := s.Statements(ctx, store.StatementQuery{Query: "close deal", ArticleID: res.ID})
	if err != nil || len(hits) != 0 {
		t.Errorf("old statement still found: %+v, %v", hits, err)
	}
	hits, err = s.Statements(ctx, store.StatementQuery{Query: "resume", ArticleID: res.ID})
	if err != nil || len(hits) != 1 || hits[0].EffectiveDate != "2022-02-15" {
		t.Errorf("new statement: %+v, %v", hits, err)
	}

	other := fresh
	other.Body = "A different body."
	if err := s.ReplaceAnalyses(ctx, res.ID, &other); !errors.Is(err, store.ErrBodyMismatch) {
		t.Errorf("different body: %v, want ErrBodyMismatch", err)
	}
	if err := s.ReplaceAnalyses(ctx, 999, &fresh); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if err := s.ReplaceAnalyses(ctx, res.ID, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil: %v, want ErrInvalid", err)
	}
}

// TestInterruptedWrites simulates a crash at points inside the write
// transactions: an injected error or a context cancelled mid-save must
// leave nothing half-written.
func TestInterruptedWrites(t *testing.T) {
	errCrash := errors.New("simulated crash")
	tests := []struct {
		name   string
		point  string
		cancel bool // cancel the context instead of failing
	}{
		{"error after article row", "article", false},
		{"error after first statement", "statement", false},
		{"cancel after article row", "article", true},
		{"cancel after first statement", "statement", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s.hook = func(_ context.Context, point string) error {
				if point != tt.point {
					return nil
				}
				if tt.cancel {
					cancel()
					return nil
				}
				return errCrash
			}
			_, err := s.SaveArticle(ctx, sample(t, "one.txt", "Wire", "2022-02-16"))
			if err == nil {
				t.Fatal("save succeeded despite the crash")
			}
			if !tt.cancel && !errors.Is(err, errCrash) {
				t.Errorf("error %v does not wrap the crash", err)
			}
			for table, n := range countRows(t, s) {
				if n != 0 {
					t.Errorf("%s has %d rows after an interrupted save", table, n)
				}
			}
			// The store is still usable.
			s.hook = nil
			if res, err := s.SaveArticle(context.Background(), sample(t, "one.txt", "Wire", "2022-02-16")); err != nil || res.Status != store.New {
				t.Errorf("save after crash: %+v, %v", res, err)
			}
		})
	}

	t.Run("replace interrupted after delete", func(t *testing.T) {
		s := openTest(t)
		ctx := context.Background()
		a := sample(t, "one.txt", "Wire", "2022-02-16")
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		before := countRows(t, s)
		s.hook = func(_ context.Context, point string) error {
			if point == "deleted" {
				return errCrash
			}
			return nil
		}
		fresh := *a
		fresh.Pipeline = "v9"
		if err := s.ReplaceAnalyses(ctx, res.ID, &fresh); !errors.Is(err, errCrash) {
			t.Fatalf("replace: %v, want the crash", err)
		}
		after := countRows(t, s)
		for table, n := range before {
			if after[table] != n {
				t.Errorf("%s: %d rows before, %d after an interrupted replace", table, n, after[table])
			}
		}
		if got, _ := s.Article(ctx, res.ID); got == nil || got.Pipeline != a.Pipeline {
			t.Errorf("pipeline changed by an interrupted replace: %+v", got)
		}
	})
}

// TestConcurrentSaves saves from several goroutines through two stores on
// one file (two processes, in effect); the second store has a tiny busy
// timeout so that SQLITE_BUSY reaches the retry loop. Every article lands.
func TestConcurrentSaves(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	s1, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := OpenWith(ctx, path, Options{BusyTimeout: time.Millisecond, MaxRetries: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	const workers, each = 6, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := s1
			if w%2 == 1 {
				st = s2
			}
			for i := range each {
				a := sample(t, "", "Wire", "2022-02-16")
				a.Source = strings.Repeat("w", w+1) + "/" + string(rune('a'+i)) + ".txt"
				a.Body += " " + a.Source
				if _, err := st.SaveArticle(ctx, a); err != nil {
					errs <- err
				}
				if _, err := st.Articles(ctx, store.ArticleQuery{Limit: 5}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s1.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != workers*each || st.Statements != 2*workers*each {
		t.Errorf("stored %d articles, %d statements; want %d, %d", st.Articles, st.Statements, workers*each, 2*workers*each)
	}
	if st.Actors != 4 { // the same four actors, created once despite the races
		t.Errorf("actors = %d, want 4", st.Actors)
	}
}

func TestSaveArticlesBatch(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := sample(t, "one.txt", "Wire", "2022-02-16")
	b := withBody(a, "Updated.")
	c := sample(t, "two.txt", "Wire", "2022-02-17")
	c.Body += " Different."
	res, err := s.SaveArticles(ctx, []*article.Article{a, b, a, c})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		status  store.SaveStatus
		version int
	}{{store.New, 1}, {store.NewVersion, 2}, {store.Duplicate, 1}, {store.New, 1}}
	for i, w := range want {
		if res[i].Status != w.status || res[i].Version != w.version {
			t.Errorf("result %d: %v v%d, want %v v%d", i, res[i].Status, res[i].Version, w.status, w.version)
		}
	}
	if res[2].ID != res[0].ID || res[1].Previous != res[0].ID {
		t.Errorf("batch ids: %+v", res)
	}

	// A failure anywhere in a batch writes none of it.
	before := countRows(t, s)
	calls := 0
	s.hook = func(_ context.Context, point string) error {
		if point == "article" {
			if calls++; calls == 2 {
				return errors.New("crash in the second article")
			}
		}
		return nil
	}
	d := sample(t, "three.txt", "Wire", "2022-02-18")
	d.Body += " Third."
	e := sample(t, "four.txt", "Wire", "2022-02-18")
	e.Body += " Fourth."
	if _, err := s.SaveArticles(ctx, []*article.Article{d, e}); err == nil {
		t.Fatal("batch succeeded despite the crash")
	}
	after := countRows(t, s)
	for table, n := range before {
		if after[table] != n {
			t.Errorf("%s: %d rows before, %d after a failed batch", table, n, after[table])
		}
	}
	if _, err := s.SaveArticles(ctx, []*article.Article{d, nil}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil in batch: %v, want ErrInvalid", err)
	}
}

// countHandler counts log records whose message contains a word.
type countHandler struct {
	word string
	mu   sync.Mutex
	n    int
}

func (h *countHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *countHandler) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, h.word) {
		h.mu.Lock()
		h.n++
		h.mu.Unlock()
	}
	return nil
}
func (h *countHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *countHandler) WithGroup(string) slog.Handler      { return h }
func (h *countHandler) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n
}

// TestBusyRetry holds the write lock from one store while another saves:
// the second must report busy when it may not wait, and succeed by
// retrying once the lock is released.
func TestBusyRetry(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	holder, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	retries := &countHandler{word: "retrying"}
	waiter, err := OpenWith(ctx, path, Options{BusyTimeout: time.Millisecond, MaxRetries: 1000, Logger: slog.New(retries)})
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()

	lock := func() func() {
		tx, err := holder.write.BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
		if err != nil {
			t.Fatal(err)
		}
		return func() { tx.Rollback() }
	}

	// With a deadline shorter than the lock, the save gives up with the busy error.
	release := lock()
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	_, err = waiter.SaveArticle(short, sample(t, "a.txt", "Wire", "2022-02-16"))
	cancel()
	// The deadline may strike during a wait or during an attempt.
	if err == nil || !isBusy(err) && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("save under a held lock: %v, want a busy error or the deadline", err)
	}
	release()

	// With time to wait, it retries until the lock goes away.
	release = lock()
	done := make(chan error, 1)
	go func() {
		_, err := waiter.SaveArticle(ctx, sample(t, "a.txt", "Wire", "2022-02-16"))
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	release()
	if err := <-done; err != nil {
		t.Fatalf("save after the lock was released: %v", err)
	}
	if retries.count() == 0 {
		t.Error("no retry was logged")
	}
	if st, err := holder.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("stats: %+v, %v", st, err)
	}
}

// TestManyRows stores more analyses than one multi-row INSERT holds and
// reads them back in order.
func TestManyRows(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, n := range []int{1, 2, 3, 15, 16, 17, 37} {
		a := benchArticle(n)
		a.Mentions = a.Mentions[:0]
		for i := range n {
			a.Mentions = append(a.Mentions, article.Mention{Text: fmt.Sprint("m", i), Type: article.Other, Span: article.Span{i, i + 1}})
		}
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Mentions) != n {
			t.Fatalf("%d mentions stored as %d", n, len(got.Mentions))
		}
		for i, m := range got.Mentions {
			if m.Text != fmt.Sprint("m", i) || m.Span != (article.Span{i, i + 1}) {
				t.Fatalf("mention %d of %d read back as %+v", i, n, m)
			}
		}
		if len(got.Statements) != len(a.Statements) {
			t.Errorf("%d statements stored as %d", len(a.Statements), len(got.Statements))
		}
	}
}
