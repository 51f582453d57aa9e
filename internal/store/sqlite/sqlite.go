// Package sqlite is Parley's default store: one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo; FTS5 built in).
//
// The file runs in WAL mode with foreign keys on and a busy timeout. Writes
// go through their own *sql.DB limited to one connection, whose transactions
// begin IMMEDIATE (they take the write lock up front instead of upgrading,
// which is what makes SQLITE_BUSY deadlocks impossible); reads use a
// separate pool of query-only connections, so readers never wait for the
// writer. A write transaction that still meets SQLITE_BUSY or SQLITE_LOCKED
// (another process holding the file) is retried whole, with exponential
// backoff and jitter, until its context ends.
//
// The schema is created and upgraded by ordered migrations (see
// migrations.go), each in its own transaction and recorded in
// schema_migrations; opening an existing file applies only the missing ones.
//
// # Schema
//
//	articles        one row per stored version; content_hash UNIQUE, source_key
//	                (URL, else Source) with at most one current row per key
//	actors          one row per canonical name (NOCASE), actor_aliases beside it
//	statements      speaker (actor_id and the name/title/affiliation as reported),
//	                kind, cue, text, date, eff_date, four spans as *_start/*_end
//	mentions, timexes, events
//	                one row per analysis, seq keeping the pipeline's order
//	articles_fts    FTS5 over title, standfirst, body (external content)
//	statements_fts  FTS5 over statement text (external content)
//
// Analyses reference their article with ON DELETE CASCADE; deleting an
// article row removes its analyses and their index entries.
//
// See package store for the behaviour every store shares.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/parley-news/parley/internal/store"
)

// Store is the SQLite store. It is safe for concurrent use.
type Store struct {
	path   string
	temp   string // directory to remove on Close, for temporary databases
	write  *sql.DB
	read   *sql.DB
	log    *slog.Logger
	closed atomic.Bool
	opts   Options
	prep   prepared

	// hook, when set (tests only), runs at named points inside write
	// transactions; an error it returns aborts the transaction as a crash would.
	hook func(ctx context.Context, point string) error
}

var _ store.Store = (*Store)(nil)

// Options tune Open. The zero value is the default.
type Options struct {
	// Logger receives debug logs (migrations, retries); nil discards them.
	Logger *slog.Logger
	// BusyTimeout is how long SQLite itself waits for a lock before
	// reporting SQLITE_BUSY (default 5s).
	BusyTimeout time.Duration
	// ReadConns caps the read pool (default max(4, GOMAXPROCS)).
	ReadConns int
	// MaxRetries caps how often a busy write transaction is retried
	// (default 20; the context's deadline also ends retrying).
	MaxRetries int
}

// Open opens (creating it and its directory if needed) the database at path
// and brings its schema up to date. path ":memory:" or "" opens a fresh
// temporary database, deleted on Close (an in-memory database cannot be
// shared by the read and write pools). log may be nil.
func Open(ctx context.Context, path string, log *slog.Logger) (*Store, error) {
	return OpenWith(ctx, path, Options{Logger: log})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, path string, o Options) (*Store, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = 5 * time.Second
	}
	if o.ReadConns <= 0 {
		o.ReadConns = max(4, runtime.GOMAXPROCS(0))
	}
	if o.MaxRetries <= 0 {
		o.MaxRetries = 20
	}
	s := &Store{path: path, log: o.Logger, opts: o}
	if path == "" || path == ":memory:" {
		dir, err := os.MkdirTemp("", "parley-store-*")
		if err != nil {
			return nil, fmt.Errorf("sqlite: temporary database: %w", err)
		}
		s.temp = dir
		s.path = filepath.Join(dir, "parley.db")
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: create directory for %s: %w", path, err)
		}
	}
	if err := s.open(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) open(ctx context.Context) error {
	busy := s.opts.BusyTimeout.Milliseconds()
	common := url.Values{}
	common.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy))
	common.Add("_pragma", "foreign_keys(1)")
	common.Add("_pragma", "synchronous(NORMAL)")
	common.Add("_pragma", "temp_store(MEMORY)")

	wq := cloneValues(common)
	// journal_mode is a property of the file; setting it on the writer is
	// enough, and the writer is opened first.
	wq.Add("_pragma", "journal_mode(WAL)")
	wq.Add("_pragma", "wal_autocheckpoint(10000)")
	wq.Set("_txlock", "immediate")
	var err error
	s.write, err = sql.Open("sqlite", s.dsn(wq))
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	s.write.SetMaxOpenConns(1)
	s.write.SetMaxIdleConns(1)
	s.write.SetConnMaxLifetime(0)
	s.write.SetConnMaxIdleTime(0)
	if err := s.retry(ctx, func() error { return s.write.PingContext(ctx) }); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if err := s.prep.prepare(ctx, s.write); err != nil {
		return err
	}

	rq := cloneValues(common)
	rq.Add("_pragma", "query_only(1)")
	s.read, err = sql.Open("sqlite", s.dsn(rq))
	if err != nil {
		return fmt.Errorf("sqlite: open %s for reading: %w", s.path, err)
	}
	s.read.SetMaxOpenConns(s.opts.ReadConns)
	s.read.SetMaxIdleConns(s.opts.ReadConns)
	s.read.SetConnMaxIdleTime(5 * time.Minute)
	if err := s.read.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: open %s for reading: %w", s.path, err)
	}
	return nil
}

func (s *Store) dsn(q url.Values) string {
	// "file:" URIs would need the path escaped; a plain path with the
	// parameters after "?" is what the driver splits on.
	return s.path + "?" + q.Encode()
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes both pools; a temporary database is deleted.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var errs []error
	s.prep.close()
	if s.write != nil {
		// Let SQLite refresh the statistics its planner uses (cheap; it
		// only analyses tables whose contents changed a lot).
		_, _ = s.write.Exec(`PRAGMA optimize`)
	}
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		errs = append(errs, s.write.Close())
	}
	if s.temp != "" {
		errs = append(errs, os.RemoveAll(s.temp))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

func (s *Store) check() error {
	if s == nil || s.closed.Load() {
		return store.ErrClosed
	}
	return nil
}

// isBusy reports whether err is SQLite saying another connection holds a
// lock: the only errors worth retrying a whole transaction for.
func isBusy(err error) bool {
	var se *sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // primary code of an extended one
		case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// retry runs fn until it succeeds, fails with something other than busy,
// the retries run out or ctx ends; waits grow from 5ms to 1s, with jitter so
// that competing processes do not retry in step.
func (s *Store) retry(ctx context.Context, fn func() error) error {
	wait := 5 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || !isBusy(err) || attempt >= s.opts.MaxRetries {
			return err
		}
		d := wait/2 + rand.N(wait)
		s.log.DebugContext(ctx, "sqlite busy, retrying", "attempt", attempt+1, "wait", d, "err", err)
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

// inTx runs fn in one write transaction (BEGIN IMMEDIATE), committing when
// it returns nil and rolling back otherwise; busy transactions are retried
// whole, so fn must not keep state across calls.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.retry(ctx, func() error {
		tx, err := s.write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			return err
		}
		return tx.Commit()
	})
}

// at runs the test hook for a named point of a write transaction.
func (s *Store) at(ctx context.Context, point string) error {
	if s.hook == nil {
		return nil
	}
	return s.hook(ctx, point)
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
