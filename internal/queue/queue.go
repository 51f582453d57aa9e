// Package queue is Parley's job queue, on River (github.com/riverqueue/river):
// the same job code on the embedded SQLite file (riversqlite) and on
// PostgreSQL (riverpgxv5), in the same database as the store, so that
// `parley worker` processes on any number of machines share the work.
//
// Jobs (see jobs.go):
//
//   - analyse: one document (carried whole in the job, so any machine can
//     work it) is analysed and stored. Unique on the hash of the document's
//     content: the same document enqueued twice is analysed once.
//   - reanalyse: one stored article's analyses are redone with the current
//     pipeline. Unique on the article id and pipeline version.
//   - poll: one watched source is fetched (package watch does the work).
//
// A job that fails is retried with exponential backoff (1s, 2s, 4s, ... up
// to ten minutes) until MaxAttempts; then it is discarded but kept (for a
// week) and listed by Failed, and Retry puts it back. Storing is idempotent
// (the store deduplicates on the content hash), so a job run twice — a
// worker killed after storing but before marking the job done, then rescued —
// still stores its article once.
//
// River's own schema is created and upgraded by rivermigrate when the queue
// is opened.
package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/parley-news/parley/internal/store/postgres"
)

// Queue names.
const (
	// Analyse is the queue of analyse and reanalyse jobs, worked by `parley worker`.
	Analyse = "analyse"
	// Poll is the queue of poll jobs, worked by `parley watch`.
	Poll = "poll"
)

// ErrNoJob: no job with that id.
var ErrNoJob = errors.New("queue: no such job")

// Options configure Open. The zero value is the default.
type Options struct {
	Logger *slog.Logger
	// Workers runs jobs: nil opens an insert-only queue (it enqueues and
	// lists but works nothing).
	Workers *Workers
	// Queues maps the queues to work to the jobs each claims at once
	// (default: Analyse with 8 × GOMAXPROCS). River claims at most that
	// many per fetch, so a small number starves fast jobs; Workers.Slots
	// caps the analyses that actually run at once. Only with Workers.
	Queues map[string]int
	// MaxAttempts is how often a job runs before it is discarded (default 5).
	MaxAttempts int
	// JobTimeout cancels a job running longer (default 2 minutes).
	JobTimeout time.Duration
	// RescueAfter puts a job back when it has been running this long, as
	// happens when its worker died (default JobTimeout + 1 minute).
	RescueAfter time.Duration
	// PollInterval is how often idle workers look for new jobs (default
	// 200ms; PostgreSQL also notifies them at once).
	PollInterval time.Duration
	// BaseBackoff is the first retry's delay (default 1s), doubling after.
	BaseBackoff time.Duration
}

// Queue is an open job queue.
type Queue struct {
	eng   engine
	close func()
	log   *slog.Logger
	opts  Options
}

// engine hides River's generic client type (its transaction type differs
// between the drivers) behind the operations Parley uses.
type engine interface {
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	JobList(ctx context.Context, params *river.JobListParams) (*river.JobListResult, error)
	JobRetry(ctx context.Context, id int64) (*rivertype.JobRow, error)
	JobGet(ctx context.Context, id int64) (*rivertype.JobRow, error)
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
}

// Open opens the queue in the database dsn names (a SQLite file path or a
// postgres:// URL: the store's --db), creating or upgrading River's tables.
func Open(ctx context.Context, dsn string, o Options) (*Queue, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = 2 * time.Minute
	}
	if o.RescueAfter <= o.JobTimeout {
		o.RescueAfter = o.JobTimeout + time.Minute
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 200 * time.Millisecond
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = time.Second
	}
	q := &Queue{log: o.Logger, opts: o}
	var err error
	if postgres.IsURL(dsn) {
		err = q.openPostgres(ctx, dsn)
	} else {
		err = q.openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	return q, nil
}

func (q *Queue) config() (*river.Config, error) {
	cfg := &river.Config{
		Logger:                      q.log.With("component", "river"),
		MaxAttempts:                 q.opts.MaxAttempts,
		JobTimeout:                  q.opts.JobTimeout,
		RescueStuckJobsAfter:        q.opts.RescueAfter,
		FetchPollInterval:           q.opts.PollInterval,
		FetchCooldown:               10 * time.Millisecond,
		RetryPolicy:                 backoff{base: q.opts.BaseBackoff},
		CompletedJobRetentionPeriod: 24 * time.Hour,
		DiscardedJobRetentionPeriod: 7 * 24 * time.Hour,
	}
	if w := q.opts.Workers; w != nil {
		cfg.Workers = w.river()
		queues := q.opts.Queues
		if len(queues) == 0 {
			queues = map[string]int{Analyse: 8 * defaultConcurrency()}
		}
		cfg.Queues = map[string]river.QueueConfig{}
		for name, n := range queues {
			cfg.Queues[name] = river.QueueConfig{MaxWorkers: max(n, 1)}
		}
	}
	return cfg, nil
}

func (q *Queue) openPostgres(ctx context.Context, dsn string) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return fmt.Errorf("queue: connect: %w", err)
	}
	driver := riverpgxv5.New(pool)
	// Serialise River's migrations between processes starting together.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		pool.Close()
		return fmt.Errorf("queue: connect: %w", err)
	}
	if _, err = conn.Exec(ctx, `SELECT pg_advisory_lock(7366713829)`); err == nil {
		err = migrate(ctx, driver)
		_, _ = conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(7366713829)`)
	}
	conn.Release()
	if err != nil {
		pool.Close()
		return err
	}
	cfg, err := q.config()
	if err != nil {
		pool.Close()
		return err
	}
	client, err := river.NewClient(driver, cfg)
	if err != nil {
		pool.Close()
		return fmt.Errorf("queue: %w", err)
	}
	q.eng, q.close = client, pool.Close
	return nil
}

func (q *Queue) openSQLite(ctx context.Context, path string) error {
	if path == "" {
		return errors.New("queue: no database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("queue: %w", err)
		}
	}
	v := url.Values{}
	v.Add("_pragma", "busy_timeout(10000)")
	v.Add("_pragma", "journal_mode(WAL)")
	v.Add("_pragma", "synchronous(NORMAL)")
	v.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", path+"?"+v.Encode())
	if err != nil {
		return fmt.Errorf("queue: open %s: %w", path, err)
	}
	// River's SQLite driver advises one connection: SQLite has one writer.
	db.SetMaxOpenConns(1)
	driver := riversqlite.New(db)
	if err := migrate(ctx, driver); err != nil {
		db.Close()
		return err
	}
	cfg, err := q.config()
	if err != nil {
		db.Close()
		return err
	}
	client, err := river.NewClient(driver, cfg)
	if err != nil {
		db.Close()
		return fmt.Errorf("queue: %w", err)
	}
	q.eng, q.close = client, func() { db.Close() }
	return nil
}

// migrate brings River's schema up to date.
func migrate[TTx any](ctx context.Context, driver riverdriver.Driver[TTx]) error {
	m, err := rivermigrate.New(driver, nil)
	if err != nil {
		return fmt.Errorf("queue: migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	return nil
}

// Close stops nothing (see Stop) and releases the database.
func (q *Queue) Close() error {
	if q.close != nil {
		q.close()
		q.close = nil
	}
	return nil
}

// backoff is the retry policy: BaseBackoff doubled per failed attempt,
// capped at ten minutes, from the time of the failure.
type backoff struct{ base time.Duration }

func (b backoff) NextRetry(job *rivertype.JobRow) time.Time {
	d := b.base
	for i := 1; i < job.Attempt && d < 10*time.Minute; i++ {
		d *= 2
	}
	return time.Now().Add(min(d, 10*time.Minute))
}
