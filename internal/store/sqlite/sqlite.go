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
//	                (URL, else Source) with at most one current row per key;
//	                body compressed (a BLOB) when that saves an eighth, read
//	                through the SQL function parley_text (bodies.go)
//	actors          one row per canonical name (NOCASE), actor_aliases beside it
//	statements      speaker (actor_id, and the name/title/affiliation/kind as
//	                reported: a form), kind and date basis as codes (codes.go),
//	                cue, text, date (NULL when it is eff_date), eff_date, the
//	                four spans packed in one BLOB (spans.go); text and cue left
//	                out (from_body) when they are the body's bytes at their
//	                spans, and cut from the body when read (lean.go)
//	events          one row per event, seq keeping the pipeline's order; actor
//	                and target as forms; text NULL when it is the body at the span
//	forms           each distinct (name, title, affiliation, kind) an article
//	                gave a speaker, an event's actor or target (forms.go)
//	timex_packs, mention_packs
//	                an article's time expressions, its mentions, packed in one
//	                row each with their count (packs.go)
//	mention_actors  per article, the actors its mentions name and how often:
//	                for actor merges and the actors' mention counts
//	articles_fts    FTS5 over title, standfirst, body (external content: the
//	                articles_text view, which decompresses bodies)
//	statements_fts  FTS5 over statement text (contentless, no sizes: deletes
//	                name the text, stmtFTSSizesSQL)
//	                both written once per write transaction (flushFTS), both
//	                without positions (detail=none): phrases are checked in
//	                the text, snippets and a statement's rank made in Go
//	                (phrases.go)
//	statements_newest, statements_actor, statements_kind_rare
//	                the statement lists' orders: newest first, by actor (in
//	                article order: actorIndexSQL, actorIndexLeanSQL, actorPlan),
//	                and by kind for the kinds other than direct and indirect
//	                (commonKinds: those page along statements_newest)
//	store_meta      what the store notes about itself (last passed check)
//	counters, outlet_counts, pipeline_counts, actor_stats, actor_forms, actor_outlets
//	                aggregates kept by triggers as rows are written (aggregates.go):
//	                what Stats, Actors and Outlets read
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
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
	// actorIndex, when set (by tests), is the index actorPlan returns.
	actorIndex string
	// txMu is held by inTx for a whole write transaction: the fields
	// below to actorVersion are that transaction's.
	txMu sync.Mutex
	// fts is the write transaction's pending full-text work (flushFTS).
	fts ftsQueue
	// actors finds the actors a write transaction names (set by inTx; nil
	// outside one). What it learns outlives the transaction in actorIDs
	// and formIDs, kept while no other connection wrote (PRAGMA data_version, asked on
	// the writer, is actorVersion) and every transaction since committed.
	actors   *actorCache
	actorIDs map[string]int64
	formIDs  map[formKey]int64
	// stringIDs: pack_strings ids (packstrings.go). Those rows never
	// change, so only a rolled-back transaction of this store, which may
	// have taken ids with it, clears them.
	stringIDs    map[string]int64
	actorVersion int64
	// corrections says, for the write transaction under way, whether the
	// corrections table has rows: 0 not known yet, 1 none, 2 some. Most
	// stores have none, and looking for an article's corrections was a
	// query (parsed each time) per article saved: 6% of ingest.
	corrections int8

	// readOnly: the file or its filesystem cannot be written; the store
	// was opened for reading only and every write fails with
	// store.ErrReadOnly.
	readOnly bool
	// corrupt holds the integrity check's complaint (a string) once the
	// database failed it; writes then fail with store.ErrCorrupt.
	corrupt atomic.Value
	// counts caches Stats, keyed on PRAGMA data_version.
	counts statsCache

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
	// ReadOnly opens the database for reading only. Open also does so by
	// itself when the file or its filesystem cannot be written.
	ReadOnly bool
	// SkipCheck skips the integrity check (PRAGMA quick_check) at open.
	SkipCheck bool
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
	registerFunctions()
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
	} else if ro, immutable := readOnlyFile(path); ro || o.ReadOnly {
		s.readOnly = true
		if err := s.openReadOnly(ctx, immutable); err != nil {
			s.Close()
			return nil, err
		}
		if err := s.checkAtOpen(ctx); err != nil {
			return nil, err
		}
		return s, nil
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: create directory for %s: %w", path, err)
		}
	}
	if err := s.open(ctx); err != nil {
		s.Close()
		if isCorrupt(err) {
			return nil, fmt.Errorf("%w: %w", store.ErrCorrupt, err)
		}
		return nil, err
	}
	if err := s.checkAtOpen(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// checkAtOpen runs the integrity check unless told not to. A database that
// fails it is still returned open (to read what can be read) with its
// writes refused; the error is for a check that could not run at all. The
// check reads the whole file (about 10 ms a MiB): past syncCheckMax bytes
// it runs in the background, and writes are refused from when it fails.
func (s *Store) checkAtOpen(ctx context.Context) error {
	if s.opts.SkipCheck {
		return nil
	}
	if info, err := os.Stat(s.path); err == nil && info.Size() > syncCheckMax {
		if s.checkedRecently(ctx) {
			return nil
		}
		go func() {
			ctx := context.WithoutCancel(ctx)
			if s.Check(ctx) == nil { // logs and flags a failure
				s.noteChecked(ctx)
			}
		}()
		return nil
	}
	if err := s.Check(ctx); err != nil && !errors.Is(err, store.ErrCorrupt) {
		s.Close()
		return err
	}
	return nil
}

// syncCheckMax is the largest file checked before Open returns.
const syncCheckMax = 256 << 20

// recheckAfter is how long a large file's passed check stands: the check
// reads the whole file (about 10 ms a MiB, 77 s of a core at a million
// articles), and a bulk ingest opens the store at every run, so a check at
// every open made the ingest of a large store slower the larger it grew.
// Within this time SQLite still reports any malformed page it reads
// (ErrCorrupt on that read); `parley check` runs the check at any time.
const recheckAfter = 24 * time.Hour

// checkedRecently reports whether the file passed its check less than
// recheckAfter ago (the time is kept in store_meta; a store of an older
// schema has none).
func (s *Store) checkedRecently(ctx context.Context) bool {
	var at string
	if err := s.read.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE name = 'quick_check_ok'`).Scan(&at); err != nil {
		return false
	}
	t := parseTime(at)
	return !t.IsZero() && time.Since(t) < recheckAfter && time.Since(t) >= 0
}

// noteChecked records a passed check (best effort: a read-only store, or
// one closed meanwhile, checks again next time).
func (s *Store) noteChecked(ctx context.Context) {
	if s.readOnly || s.closed.Load() {
		return
	}
	_ = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO store_meta(name, value) VALUES ('quick_check_ok', ?)
			ON CONFLICT(name) DO UPDATE SET value = excluded.value`, now())
		return err
	})
}

// readOnlyFile reports whether an existing database file cannot be opened
// for writing, and whether that is because its filesystem is read-only
// (then nothing can change it, and SQLite may treat it as immutable: it
// could not create its -wal and -shm files there anyway).
func readOnlyFile(path string) (ro, immutable bool) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return false, false
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return true, true
	case errors.Is(err, fs.ErrPermission):
		return true, false
	}
	return false, false
}

// openReadOnly opens only the read pool, on a file that cannot be written.
// When SQLite cannot open it so (a WAL database needs its -shm file, which
// a directory nobody may write to cannot take), it is opened immutable:
// then nothing can be writing it here either.
func (s *Store) openReadOnly(ctx context.Context, immutable bool) error {
	err := s.openReadPool(ctx, immutable)
	if err != nil && !immutable && isReadOnlyDir(err) {
		_ = s.read.Close()
		immutable = true
		err = s.openReadPool(ctx, true)
	}
	if err != nil {
		return err
	}
	s.log.DebugContext(ctx, "sqlite opened read-only", "path", s.path, "immutable", immutable)
	return nil
}

func (s *Store) openReadPool(ctx context.Context, immutable bool) error {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", s.opts.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "query_only(1)")
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	var err error
	s.read, err = sql.Open("sqlite", "file:"+(&url.URL{Path: s.path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("sqlite: open %s read-only: %w", s.path, err)
	}
	s.read.SetMaxOpenConns(s.opts.ReadConns + 1) // +1: the counts' connection
	s.read.SetMaxIdleConns(s.opts.ReadConns + 1)
	var have int
	err = s.read.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have)
	switch {
	case err != nil:
		return fmt.Errorf("sqlite: open %s read-only: %w", s.path, err)
	case have > len(migrations):
		return fmt.Errorf("%w: database at version %d, this program knows %d", store.ErrSchemaTooNew, have, len(migrations))
	case have < len(migrations):
		return fmt.Errorf("%w: %s is at schema version %d and needs upgrading to %d, which a read-only file cannot be", store.ErrReadOnly, s.path, have, len(migrations))
	}
	return nil
}

// isReadOnlyDir reports SQLite failing to open a WAL database read-only
// for want of its -shm file.
func isReadOnlyDir(err error) bool {
	var se *sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3lib.SQLITE_READONLY, sqlite3lib.SQLITE_CANTOPEN:
			return true
		}
	}
	return false
}

// ReadOnly reports whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Writable reports, without touching the file, why writes would be refused:
// store.ErrReadOnly, store.ErrCorrupt (the last integrity check failed) or
// store.ErrClosed; nil when they would be tried.
func (s *Store) Writable() error {
	if err := s.check(); err != nil {
		return err
	}
	if s.readOnly {
		return fmt.Errorf("%w: %s", store.ErrReadOnly, s.path)
	}
	if msg, _ := s.corrupt.Load().(string); msg != "" {
		return fmt.Errorf("%w: %s: %s", store.ErrCorrupt, s.path, msg)
	}
	return nil
}

// Check runs SQLite's quick integrity check (PRAGMA quick_check: every
// page and record well formed; it reads the whole file but skips the
// index-to-table cross checks). When the database fails it, the store
// refuses writes from then on and Check returns store.ErrCorrupt with
// SQLite's first complaint.
func (s *Store) Check(ctx context.Context) error {
	if err := s.check(); err != nil {
		return err
	}
	if msg, _ := s.corrupt.Load().(string); msg != "" {
		return fmt.Errorf("%w: %s: %s", store.ErrCorrupt, s.path, msg)
	}
	var problems []string
	err := eachRowDB(ctx, s.read, `PRAGMA quick_check(5)`, func(rows *sql.Rows) error {
		var m string
		if err := rows.Scan(&m); err != nil {
			return err
		}
		if m != "ok" {
			problems = append(problems, m)
		}
		return nil
	})
	if err != nil && isCorrupt(err) {
		problems = append(problems, err.Error())
	} else if err != nil {
		return fmt.Errorf("sqlite: integrity check of %s: %w", s.path, err)
	}
	if len(problems) == 0 {
		return nil
	}
	msg := strings.Join(problems, "; ")
	s.corrupt.Store(msg)
	s.log.ErrorContext(ctx, "sqlite: database failed its integrity check; writes refused", "path", s.path, "problems", msg)
	return fmt.Errorf("%w: %s: %s", store.ErrCorrupt, s.path, msg)
}

// eachRowDB runs a query outside any transaction and calls fn per row.
func eachRowDB(ctx context.Context, db *sql.DB, query string, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// isCorrupt reports whether err is SQLite finding the file malformed.
func isCorrupt(err error) bool {
	var se *sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3lib.SQLITE_CORRUPT, sqlite3lib.SQLITE_NOTADB:
			return true
		}
	}
	return false
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
	// Checkpoint every 100,000 WAL pages (~400 MiB) rather than 10,000: a
	// page that several commits changed is copied into the database once
	// per checkpoint, and in a large store new rows land on scattered
	// index pages, so rarer checkpoints copy far fewer pages (with larger
	// ingest batches, 10,000 back-filled articles into a million-article
	// store went from ~25 s to ~20 s). journal_size_limit truncates the WAL
	// back to 64 MiB after each checkpoint.
	wq.Add("_pragma", "wal_autocheckpoint(100000)")
	wq.Add("_pragma", "journal_size_limit(67108864)")
	// 64 MiB of page cache for the writer (SQLite's default is 2 MiB):
	// every insert walks the analysis tables' and indexes' B-trees, and
	// with the default cache the walk re-read pages from the file
	// (unixRead was 7% of an ingest profile at 10k articles).
	wq.Add("_pragma", "cache_size(-65536)")
	wq.Set("_txlock", "immediate")
	if err := createFile(ctx, s.path); err != nil {
		return err
	}
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
	s.read.SetMaxOpenConns(s.opts.ReadConns + 1) // +1: the counts' connection
	s.read.SetMaxIdleConns(s.opts.ReadConns + 1)
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

// pageSize is the page size of a new database file. With 8 KiB pages
// rather than SQLite's 4 KiB an article row (≈ 900 bytes with its packed
// body) wastes less of its page, and every B-tree has half as many pages.
const pageSize = 8192

// createFile creates a new database file with pageSize pages in WAL mode. A
// page size takes effect only before a database's first page is written,
// and the driver runs a DSN's pragmas sorted by name, journal_mode (which
// writes the first page) before page_size, so the file is made here first.
// An existing file is left as it is.
func createFile(ctx context.Context, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	defer db.Close()
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: create %s: %w", path, err)
		}
	}
	return db.Close()
}

// sameTime is analysed_at when it is ingested_at: an article analysed as it
// was stored (most are) does not repeat the 30-byte timestamp. Only
// re-analysis writes a time of its own; stores written before keep both.
const sameTime = ""

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
// Checkpoint copies the write-ahead log into the database file and
// truncates it, so that the file's size is the store's (parley bench
// measures it; the log otherwise holds up to wal_autocheckpoint pages).
func (s *Store) Checkpoint(ctx context.Context) error {
	var busy, frames, done int
	if err := s.write.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("sqlite: checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("sqlite: checkpoint: %w", ErrBusyCheckpoint)
	}
	return nil
}

// ErrBusyCheckpoint: a reader kept the checkpoint from finishing.
var ErrBusyCheckpoint = errors.New("database busy, checkpoint not complete")

func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var errs []error
	s.counts.close()
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
	if err := s.Writable(); err != nil {
		return err
	}
	return s.retry(ctx, func() error {
		// The transaction's state on s (fts, corrections, actors) is
		// touched until after the commit, when the writer connection is
		// already free for the next transaction: txMu keeps them apart.
		s.txMu.Lock()
		defer s.txMu.Unlock()
		tx, err := s.write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		// What an earlier, failed attempt queued was rolled back with it.
		s.fts = ftsQueue{}
		s.corrections = 0
		// Another connection's commit may have removed or renumbered
		// actors: the ids learnt before it are forgotten.
		var version int64
		if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
			_ = tx.Rollback()
			return err
		}
		if version != s.actorVersion || s.actorIDs == nil || len(s.actorIDs) > maxActorIDs || len(s.formIDs) > maxActorIDs {
			s.actorIDs, s.formIDs, s.actorVersion = map[string]int64{}, map[formKey]int64{}, version
		}
		if s.stringIDs == nil || len(s.stringIDs) > maxActorIDs {
			s.stringIDs = map[string]int64{}
		}
		s.actors = &actorCache{tx: tx, prep: &s.prep, ids: s.actorIDs, forms: s.formIDs, strs: s.stringIDs}
		defer func() {
			s.actors.close()
			s.actors = nil
		}()
		err = fn(tx)
		if err == nil {
			err = s.flushFTS(ctx, tx)
		}
		if err == nil {
			err = tx.Commit()
		} else {
			_ = tx.Rollback()
		}
		if err != nil {
			// Ids of actors and forms this transaction made went with it.
			s.actorIDs, s.formIDs, s.stringIDs = nil, nil, nil
		}
		return err
	})
}

// maxActorIDs bounds the actor ids a store remembers between write
// transactions (a key is an actor's name, kind, title and affiliation).
const maxActorIDs = 100_000

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
