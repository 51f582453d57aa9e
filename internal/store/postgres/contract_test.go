package postgres

import (
	"context"
	"os"
	"testing"

	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/pgtest"
	"github.com/parley-news/parley/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTest opens the store on a new database of the test cluster.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.URL(t), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract runs the store contract suite (shared with the SQLite
// store) on a fresh database per scenario.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t testing.TB) store.Store { return openTest(t) })
}

// TestConcurrentOpen opens one fresh database from several processes'
// worth of stores at once, as workers started together do: every open
// succeeds and the schema is applied once.
func TestConcurrentOpen(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	const n = 16
	errs := make(chan error, n)
	stores := make(chan *Store, n)
	for range n {
		go func() {
			s, err := Open(ctx, url, nil)
			if err == nil {
				stores <- s
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	close(stores)
	var s *Store
	for x := range stores {
		if s == nil {
			s = x
			defer s.Close()
		} else {
			x.Close()
		}
	}
	if s == nil {
		t.Fatal("no store opened")
	}
	var rows, versions int
	if err := s.pool.QueryRow(ctx, `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&rows, &versions); err != nil {
		t.Fatal(err)
	}
	if rows != SchemaVersion() || versions != SchemaVersion() {
		t.Errorf("schema_migrations: %d rows, %d versions; want %d of each", rows, versions, SchemaVersion())
	}
}
