package sqlite

import (
	"testing"

	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// TestContract runs the store contract suite (shared with the PostgreSQL
// store) on a fresh database file per scenario.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t testing.TB) store.Store { return openTest(t) })
}
