package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
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
	if _, err := s.SaveArticle(ctx, storetest.Sample(t, "a", "Wire", "2022-01-01")); err != nil {
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
	if _, err := s.SaveArticle(context.Background(), storetest.Sample(t, "a", "Wire", "2022-01-01")); err != nil {
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
	if _, err := s.SaveArticle(context.Background(), storetest.Sample(t, "b", "Wire", "2022-01-01")); !errors.Is(err, store.ErrClosed) {
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
			_, err := s.SaveArticle(ctx, storetest.Sample(t, "one.txt", "Wire", "2022-02-16"))
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
			if res, err := s.SaveArticle(context.Background(), storetest.Sample(t, "one.txt", "Wire", "2022-02-16")); err != nil || res.Status != store.New {
				t.Errorf("save after crash: %+v, %v", res, err)
			}
		})
	}

	t.Run("replace interrupted after delete", func(t *testing.T) {
		s := openTest(t)
		ctx := context.Background()
		a := storetest.Sample(t, "one.txt", "Wire", "2022-02-16")
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
	_, err = waiter.SaveArticle(short, storetest.Sample(t, "a.txt", "Wire", "2022-02-16"))
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
		_, err := waiter.SaveArticle(ctx, storetest.Sample(t, "a.txt", "Wire", "2022-02-16"))
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
	for _, n := range []int{1, 2, 3, 15, 16, 17, 37} {
		a := benchArticle(n)
		a.Mentions = a.Mentions[:0]
		for i := range n {
			a.Mentions = append(a.Mentions, article.Mention{Text: fmt.Sprint("m", i), Type: article.Other, Span: article.Span{i, i + 1}})
		}
		_, got := storetest.SaveRead(t, s, a)
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

// TestBatchActorsLikeSingles: the actor cache lives for a whole write
// transaction, so a batch names its actors once; what it stores must be
// what one transaction per article stores (ids, filled-in titles, aliases).
func TestBatchActorsLikeSingles(t *testing.T) {
	ctx := context.Background()
	speakers := []article.Actor{
		{Name: "Ana Ortiz", Kind: article.Person},
		{Name: "Ana Ortiz", Kind: article.Person, Title: "trade minister", Aliases: []string{"Ortiz"}},
		{Name: "ana ortiz", Kind: article.Person, Title: "finance minister", Affiliation: "Chile"},
		{Name: "Chile", Kind: article.GPE},
		{Name: "Ben Adu", Kind: article.Person, Aliases: []string{"Adu", "B. Adu"}},
	}
	articles := func() []*article.Article {
		var out []*article.Article
		for n := range 6 {
			a := benchArticle(n)
			for i := range a.Statements {
				a.Statements[i].Speaker = speakers[(n+i)%len(speakers)]
			}
			out = append(out, a)
		}
		return out
	}
	type actorRow struct {
		ID                             int64
		Name, Kind, Title, Affiliation string
	}
	dump := func(s *Store) (actors []actorRow, aliases []string, byStatement []int64) {
		each := func(query string, scan func(*sql.Rows) error) {
			t.Helper()
			rows, err := s.read.Query(query)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				if err := scan(rows); err != nil {
					t.Fatal(err)
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		}
		each(`SELECT id, name, kind, title, affiliation FROM actors ORDER BY id`, func(rows *sql.Rows) error {
			actors = append(actors, actorRow{})
			x := &actors[len(actors)-1]
			return rows.Scan(&x.ID, &x.Name, &x.Kind, &x.Title, &x.Affiliation)
		})
		each(`SELECT actor_id || ' ' || alias FROM actor_aliases ORDER BY 1`, func(rows *sql.Rows) error {
			aliases = append(aliases, "")
			return rows.Scan(&aliases[len(aliases)-1])
		})
		each(`SELECT coalesce(actor_id, 0) FROM statements ORDER BY article_id, seq`, func(rows *sql.Rows) error {
			byStatement = append(byStatement, 0)
			return rows.Scan(&byStatement[len(byStatement)-1])
		})
		return
	}

	single := openTest(t)
	for _, a := range articles() {
		if _, err := single.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	batch := openTest(t)
	if _, err := batch.SaveArticles(ctx, articles()); err != nil {
		t.Fatal(err)
	}
	a1, al1, s1 := dump(single)
	a2, al2, s2 := dump(batch)
	if len(a1) < 3 || len(al1) < 3 || len(s1) != 60 {
		t.Fatalf("too little stored to compare: %d actors, %d aliases, %d statements", len(a1), len(al1), len(s1))
	}
	if !slices.Equal(a1, a2) {
		t.Errorf("actors differ:\none per transaction %+v\none batch          %+v", a1, a2)
	}
	if !slices.Equal(al1, al2) {
		t.Errorf("aliases differ:\none per transaction %q\none batch          %q", al1, al2)
	}
	if !slices.Equal(s1, s2) {
		t.Errorf("statement actors differ:\none per transaction %v\none batch          %v", s1, s2)
	}
}

// TestActorCacheSeesOtherWriters: the actor ids a store remembers between
// transactions are dropped when another connection (another process)
// committed, which may have renamed or removed those actors.
func TestActorCacheSeesOtherWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "two.db")
	a, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	if _, err := a.SaveArticle(ctx, spokenBy(1, "Ana Ortiz")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.write.ExecContext(ctx, `UPDATE actors SET name = 'Someone Else' WHERE name = 'Ana Ortiz'`); err != nil {
		t.Fatal(err)
	}
	res, err := a.SaveArticle(ctx, spokenBy(2, "Ana Ortiz"))
	if err != nil {
		t.Fatal(err)
	}
	if name := speakerOf(t, a, res.ID); name != "Ana Ortiz" {
		t.Errorf("after another writer renamed the actor, a new statement was linked to %q", name)
	}
}

// TestActorCacheAfterRollback: actors made by a transaction that was rolled
// back are not remembered for the next one.
func TestActorCacheAfterRollback(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// The batch's second article fails after the first made "Ben Adu".
	articles := 0
	s.hook = func(_ context.Context, point string) error {
		if point == "article" {
			if articles++; articles == 2 {
				return errors.New("crash")
			}
		}
		return nil
	}
	if _, err := s.SaveArticles(ctx, []*article.Article{spokenBy(1, "Ben Adu"), spokenBy(2, "Ben Adu")}); err == nil {
		t.Fatal("the failing batch was saved")
	}
	s.hook = nil
	// Another actor takes the id the rolled-back one had.
	if _, err := s.SaveArticle(ctx, spokenBy(3, "Carla Diaz")); err != nil {
		t.Fatal(err)
	}
	res, err := s.SaveArticle(ctx, spokenBy(4, "Ben Adu"))
	if err != nil {
		t.Fatal(err)
	}
	if name := speakerOf(t, s, res.ID); name != "Ben Adu" {
		t.Errorf("after a rolled-back batch, a statement of Ben Adu was linked to %q", name)
	}
}

// spokenBy is benchArticle(n) with every statement said by who.
func spokenBy(n int, who string) *article.Article {
	x := benchArticle(n)
	for i := range x.Statements {
		x.Statements[i].Speaker = article.Actor{Name: who, Kind: article.Person}
	}
	return x
}

// speakerOf is the name of the actor the first statement of article id is
// linked to.
func speakerOf(t *testing.T, s *Store, id int64) string {
	t.Helper()
	var name string
	if err := s.read.QueryRow(`SELECT x.name FROM statements s JOIN actors x ON x.id = s.actor_id
		WHERE s.article_id = ? ORDER BY s.seq LIMIT 1`, id).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}
