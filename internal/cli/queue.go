package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/store"
)

// dbPath returns the database --db names: the flag, $PARLEY_DB, or the
// default path.
func dbPath(env *Env, db string) (string, error) {
	if p := resolveDB(env, db); p != "" {
		return p, nil
	}
	return store.DefaultPath()
}

// openQueue opens the job queue in the database --db names.
func openQueue(ctx context.Context, env *Env, db string, o queue.Options) (*queue.Queue, error) {
	path, err := dbPath(env, db)
	if err != nil {
		return nil, err
	}
	q, err := queue.Open(ctx, path, o)
	if err != nil {
		return nil, fmt.Errorf("open queue in %s: %w", redact(path), err)
	}
	return q, nil
}

// enqueueBatch is how many analyse jobs one insert carries.
const enqueueBatch = 256

// runEnqueue is `parley ingest --enqueue`: it reads the inputs, decides
// each document's publication date (the cheap first part of the analysis)
// so that datelines without a year get the year that fits the whole run, as
// a plain ingest does, puts one analyse job per document on the queue and
// returns. Workers do the analyses.
func runEnqueue(ctx context.Context, env *Env, r *runner, db string, inputs []string, quiet bool, log *slog.Logger) int {
	q, err := openQueue(ctx, env, db, queue.Options{Logger: log})
	if err != nil {
		return storeFailed(env, "ingest", err)
	}
	defer q.Close()
	var (
		read, failed int
		total        queue.Enqueued
		batch        []queue.AnalyseArgs
		deferred     []queue.AnalyseArgs
		decisions    []meta.Decision
		corpus       []time.Time
	)
	flush := func(jobs []queue.AnalyseArgs) error {
		for len(jobs) > 0 {
			n := min(len(jobs), enqueueBatch)
			got, err := q.EnqueueAnalyses(ctx, jobs[:n])
			if err != nil {
				return err
			}
			total.Added += got.Added
			total.Skipped += got.Skipped
			jobs = jobs[n:]
		}
		return nil
	}
	for doc, err := range r.reader.Documents(ctx, inputs) {
		read++
		if err != nil {
			failed++
			inputError(env, err)
			continue
		}
		res, err := r.pipe.Prepare(ctx, doc, pipeline.Options{})
		if err != nil {
			failed++
			inputError(env, fmt.Errorf("%s: %w", doc.Source, err))
			continue
		}
		job := queue.AnalyseArgs{Doc: doc}
		if res.Date.NeedsYear {
			deferred = append(deferred, job)
			decisions = append(decisions, res.Date)
			continue
		}
		if t, ok := res.Article.PublishedTime(); ok {
			corpus = append(corpus, t)
		}
		batch = append(batch, job)
		if len(batch) >= enqueueBatch {
			if err := flush(batch); err != nil {
				return storeFailed(env, "ingest", err)
			}
			batch = batch[:0]
		}
	}
	if err := ctx.Err(); err != nil {
		return storeFailed(env, "ingest", err)
	}
	// Datelines without a year: the year that puts the day nearest the
	// other articles of this run (as a plain ingest decides it).
	for i := range deferred {
		if d, ok := meta.ResolveYear(decisions[i], corpus); ok {
			deferred[i].Year, _ = strconv.Atoi(d.Published[:4])
			deferred[i].Basis = d.Basis
		}
	}
	if err := flush(append(batch, deferred...)); err != nil {
		return storeFailed(env, "ingest", err)
	}
	fmt.Fprintf(env.Stdout, "read %d, enqueued %d, already queued %d, failed %d\n", read, total.Added, total.Skipped, failed)
	if failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

func runWorker(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "worker", "[flags]",
		"Works the job queue in the database (--db, a SQLite file or a postgres:// URL):\n"+
			"analyses the documents 'parley ingest --enqueue' put there and stores the articles,\n"+
			"and redoes the analyses 'parley reanalyze --enqueue' asked for. Any number of workers\n"+
			"on any number of machines may share one PostgreSQL database. Runs until interrupted\n"+
			"or, with --until-idle, until no job is left (then exits 0). Failed jobs are retried\n"+
			"with backoff; 'parley jobs' lists those that gave up.")
	var pf pipelineFlags
	pf.register(fs)
	var db string
	dbFlag(fs, &db)
	untilIdle := fs.Bool("until-idle", false, "exit once the queue is empty")
	concurrency := fs.Int("concurrency", 0, "analyses run at once (default: one per core)")
	attempts := fs.Int("max-attempts", 5, "attempts before a job is given up")
	timeout := fs.Duration("job-timeout", 2*time.Minute, "cancel a job running longer than this")
	rescue := fs.Duration("rescue-after", 0, "put back jobs running longer than this (a dead worker's); default job-timeout + 1m")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley worker: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	log := logger(env)
	r, err := pf.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley worker: %v\n", err)
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "worker", err)
	}
	defer st.Close()
	n := *concurrency
	if n <= 0 {
		n = max(pf.workers, 0)
	}
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	q, err := openQueue(ctx, env, db, queue.Options{
		Logger:      log,
		Workers:     &queue.Workers{Pipe: r.pipe, Store: st, Log: log, Slots: n},
		Queues:      map[string]int{queue.Analyse: 8 * n},
		MaxAttempts: *attempts,
		JobTimeout:  *timeout,
		RescueAfter: *rescue,
	})
	if err != nil {
		return storeFailed(env, "worker", err)
	}
	defer q.Close()
	start := time.Now()
	t, err := q.Run(ctx, *untilIdle)
	elapsed := time.Since(start)
	fmt.Fprintf(env.Stdout, "worked %d jobs in %.1fs (%.1f/s), failed %d, cancelled %d\n",
		t.Completed, elapsed.Seconds(), float64(t.Completed)/max(elapsed.Seconds(), 0.001), t.Failed, t.Cancelled)
	if err != nil {
		return storeFailed(env, "worker", err)
	}
	return ExitOK
}

func runJobs(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "jobs", "[flags]",
		"Lists the queue's failed jobs (given up after their last attempt, or cancelled) and\n"+
			"those waiting to be retried, newest first, with their last error. --retry ID puts a\n"+
			"failed job back on the queue.")
	var db string
	dbFlag(fs, &db)
	state := fs.String("state", "", "failed, retry or waiting (default: failed and retry)")
	limit := fs.Int("limit", 100, "at most this many jobs")
	retry := fs.Int64("retry", 0, "retry the job with this `id`")
	format := fs.String("format", "table", "table or json")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley jobs: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(env.Stderr, "parley jobs: --format %q: want table or json\n", *format)
		return ExitUsage
	}
	q, err := openQueue(ctx, env, db, queue.Options{Logger: logger(env)})
	if err != nil {
		return storeFailed(env, "jobs", err)
	}
	defer q.Close()
	if *retry != 0 {
		j, err := q.Retry(ctx, *retry)
		if errors.Is(err, queue.ErrNoJob) {
			fmt.Fprintf(env.Stderr, "parley jobs: %v\n", err)
			return ExitUsage
		}
		if err != nil {
			return storeFailed(env, "jobs", err)
		}
		fmt.Fprintf(env.Stdout, "job %d (%s %s) is %s\n", j.ID, j.Kind, j.Subject, j.State)
		return ExitOK
	}
	var states []string
	if *state != "" {
		states = []string{*state}
	}
	jobs, err := q.List(ctx, *limit, states...)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley jobs: %v\n", err)
		return ExitUsage
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(jobs); err != nil {
			return ExitFailed
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tkind\tstate\tattempts\tsubject\terror")
	for _, j := range jobs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d/%d\t%s\t%s\n", j.ID, j.Kind, j.State, j.Attempt, j.MaxAttempts, j.Subject, oneLine(j.Error, 100))
	}
	tw.Flush()
	return ExitOK
}

// oneLine cuts s to one line of at most n runes.
func oneLine(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' || c == '\r' {
			r[i] = ' '
		}
	}
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return string(r)
}
