package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"sync"

	"github.com/parley-news/parley/internal/store"
)

// statsCache keeps the last Stats with the PRAGMA data_version they were
// counted at. data_version, asked on one and the same connection, changes
// exactly when another connection (this process's writer or another
// process) has committed: so pages can ask for the counts on every request
// and the store is recounted only after a write, by one caller at a time,
// while the others are answered with the previous counts meanwhile.
type statsCache struct {
	mu      sync.Mutex // guards conn, have, version and stats
	conn    *sql.Conn  // the connection data_version is asked on
	have    bool
	version int64
	stats   store.Stats
	recount sync.Mutex // one recount at a time
}

func (c *statsCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil {
		_ = c.conn.Close()
		c.conn = nil
	}
}

// dataVersion returns the database's data_version as the cache's own
// connection sees it.
func (s *Store) dataVersion(ctx context.Context) (int64, error) {
	c := &s.counts
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		conn, err := s.read.Conn(ctx)
		if err != nil {
			return 0, err
		}
		c.conn = conn
	}
	// The connection notices other connections' commits when it starts a
	// read transaction, so data_version is asked inside one that reads.
	var v int64
	err := func() error {
		tx, err := c.conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	}()
	if err != nil {
		_ = c.conn.Close()
		c.conn = nil
		return 0, err
	}
	return v, nil
}

// cached returns the cached counts and whether they are of version v.
func (c *statsCache) cached(v int64) (store.Stats, bool, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.have {
		return store.Stats{}, false, false
	}
	st := c.stats
	st.Pipelines = maps.Clone(c.stats.Pipelines)
	return st, true, c.version == v
}

// Stats counts what is stored; see statsCache for when it really counts.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	if err := s.check(); err != nil {
		return store.Stats{}, err
	}
	v, err := s.dataVersion(ctx)
	if err != nil {
		return s.countStats(ctx) // no cache, but an answer
	}
	c := &s.counts
	old, have, fresh := c.cached(v)
	if fresh {
		return old, nil
	}
	if have {
		// Someone is recounting already: the previous counts will do.
		if !c.recount.TryLock() {
			return old, nil
		}
	} else {
		c.recount.Lock()
	}
	defer c.recount.Unlock()
	if st, _, fresh := c.cached(v); fresh {
		return st, nil
	}
	st, err := s.countStats(ctx)
	if err != nil {
		return store.Stats{}, err
	}
	c.mu.Lock()
	c.have, c.version, c.stats = true, v, st
	st.Pipelines = maps.Clone(st.Pipelines)
	c.mu.Unlock()
	return st, nil
}
