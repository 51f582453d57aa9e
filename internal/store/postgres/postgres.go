// Package postgres is Parley's store on PostgreSQL, through pgx v5: the
// store for many writers and many machines, beside the embedded SQLite one
// (store/sqlite). It keeps the same record with the same query semantics;
// one contract suite (store/storetest) runs against both.
//
// The schema is created and upgraded by ordered migrations (migrations.go),
// each in its own transaction under an advisory lock, recorded in
// schema_migrations, so that any number of processes may open the same
// database at once. Full-text search uses stored tsvector columns with GIN
// indexes, built with the "parley" text search configuration (no stemming,
// no stop words, diacritics removed through unaccent when the server has
// it): the same matching as SQLite's unicode61 tokenizer for words, phrases
// and prefixes. Text columns are COLLATE "C" and case-insensitive matches
// fold ASCII only, so sorting and matching agree with SQLite byte for byte.
//
// Writers on several machines may race to store the same article or the
// same actor: a transaction that fails on a unique violation, a
// serialization failure or a deadlock is retried whole, and then finds the
// row the other writer stored.
//
// See package store for the behaviour every store shares.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parley-news/parley/internal/store"
)

// Store is the PostgreSQL store. It is safe for concurrent use.
type Store struct {
	pool   *pgxpool.Pool
	log    *slog.Logger
	closed atomic.Bool
	// hook, when set (tests only), runs at named points inside write
	// transactions; an error it returns aborts the transaction as a crash would.
	hook func(ctx context.Context, point string) error
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether dsn names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsURL(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Open connects to the database at url (postgres://user@host/db?...) and
// brings its schema up to date. log may be nil.
func Open(ctx context.Context, url string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres url: %w", store.ErrInvalid, err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{pool: pool, log: log}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Pool returns the connection pool (the job queue shares it).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.pool.Close()
	return nil
}

func (s *Store) check() error {
	if s == nil || s.closed.Load() {
		return store.ErrClosed
	}
	return nil
}

// isRetryable reports whether err is a conflict with another writer that
// running the transaction again resolves.
func isRetryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505", // unique_violation: another writer stored the same row first
			"40001", // serialization_failure
			"40P01": // deadlock_detected
			return true
		}
	}
	return false
}

// isBadText reports whether err is PostgreSQL refusing text it cannot
// hold: a NUL byte or invalid UTF-8 (SQLite keeps both).
func isBadText(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "22021" || pe.Code == "22P05")
}

// maxRetries caps how often a conflicting write transaction is retried.
const maxRetries = 20

// inTx runs fn in one read-write transaction, committing when it returns
// nil; conflicts with other writers are retried whole with backoff and
// jitter, so fn must not keep state across calls.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	if err := s.check(); err != nil {
		return err
	}
	wait := 5 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if isBadText(err) {
			return fmt.Errorf("%w: %w", store.ErrInvalid, err)
		}
		if err == nil || !isRetryable(err) || attempt >= maxRetries {
			return err
		}
		d := wait/2 + rand.N(wait)
		s.log.DebugContext(ctx, "postgres write conflict, retrying", "attempt", attempt+1, "wait", d, "err", err)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
		wait = min(2*wait, time.Second)
	}
}

// readTx runs fn in a read-only repeatable-read transaction: one snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	if err := s.check(); err != nil {
		return err
	}
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

// at runs the test hook for a named point of a write transaction.
func (s *Store) at(ctx context.Context, point string) error {
	if s.hook == nil {
		return nil
	}
	return s.hook(ctx, point)
}
