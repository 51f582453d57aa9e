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
