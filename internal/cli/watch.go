package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/watch"
)

// watching is a running watcher: the sources, their poll jobs and (unless
// analyses are left to `parley worker`) the analyse jobs, on the queue in
// the database.
type watching struct {
	w *watch.Watcher
	q *queue.Queue
}

// startWatch loads the sources file and opens the queue that polls them
// and analyses what they bring (analysers: jobs at once; 0 leaves the
// analyses to `parley worker` processes).
func startWatch(ctx context.Context, env *Env, db, sourcesFile, statePath string, st store.Store, pipe *pipeline.Pipeline, analysers int, log *slog.Logger) (*watching, error) {
	cfg, err := watch.Load(sourcesFile)
	if err != nil {
		return nil, err
	}
	if statePath == "" {
		statePath = watch.DefaultStatePath(sourcesFile)
	}
	x := &watching{}
	sink := func(ctx context.Context, src watch.Source, docs []ingest.Document) error {
		jobs := make([]queue.AnalyseArgs, len(docs))
		for i, d := range docs {
			jobs[i] = queue.AnalyseArgs{Doc: d}
		}
		got, err := x.q.EnqueueAnalyses(ctx, jobs)
		if err == nil {
			log.InfoContext(ctx, "watch: new documents", "source", src.Name, "enqueued", got.Added, "already queued", got.Skipped)
		}
		return err
	}
	if x.w, err = watch.New(cfg, sink, watch.Options{StatePath: statePath, Logger: log}); err != nil {
		return nil, err
	}
	queues := map[string]int{queue.Poll: 2}
	if analysers > 0 {
		queues[queue.Analyse] = 8 * analysers
	}
	poll := func(ctx context.Context, name string, _ json.RawMessage) error {
		// The watcher records failures in the source's health and backs
		// off itself; the job is done either way.
		if err := x.w.Poll(ctx, name); err != nil {
			log.WarnContext(ctx, "watch: poll failed", "source", name, "err", err)
		}
		return nil
	}
	x.q, err = openQueue(ctx, env, db, queue.Options{
		Logger:  log,
		Workers: &queue.Workers{Pipe: pipe, Store: st, Log: log, Poll: poll, Slots: analysers},
		Queues:  queues,
	})
	if err != nil {
		return nil, err
	}
	return x, nil
}

// schedule enqueues a poll job for every source that is due, now and then
// every second, until ctx ends. once: every source, once.
func (x *watching) schedule(ctx context.Context, once bool, log *slog.Logger) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		due := x.w.Due()
		if once {
			due = x.w.Sources() // --once polls every source now
		}
		for _, src := range due {
			if _, err := x.q.EnqueuePoll(ctx, src.Name, nil, time.Time{}); err != nil && ctx.Err() == nil {
				log.WarnContext(ctx, "watch: schedule poll", "source", src.Name, "err", err)
			}
		}
		if once {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func runWatch(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "watch", "[flags] SOURCES.yaml",
		"Watches the sources SOURCES.yaml lists (RSS/Atom/JSON feeds, news sitemaps, folders,\n"+
			"single pages), each on its own schedule, and analyses and stores what is new, until\n"+
			"interrupted. Polite: conditional GET, a per-host rate limit, robots.txt, backoff on\n"+
			"failure; links to private addresses are refused unless a source allows them. State\n"+
			"(what was seen, each source's health) is kept beside the sources file. With\n"+
			"--analysers 0 the analyses are left to 'parley worker' processes on the same --db.")
	var pf pipelineFlags
	pf.register(fs)
	var db string
	dbFlag(fs, &db)
	state := fs.String("state", "", "state `file` (default: SOURCES.state.json beside the sources file)")
	analysers := fs.Int("analysers", runtime.GOMAXPROCS(0), "analyse jobs worked at once in this process (0: leave them to parley worker)")
	once := fs.Bool("once", false, "poll every source once, analyse what came, print the sources' health and exit")
	rest, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if len(rest) != 1 {
		fmt.Fprintln(env.Stderr, "parley watch: give one sources file")
		return ExitUsage
	}
	log := logger(env)
	r, err := pf.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley watch: %v\n", err)
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "watch", err)
	}
	defer st.Close()
	x, err := startWatch(ctx, env, db, rest[0], *state, st, r.pipe, *analysers, log)
	if errors.Is(err, watch.ErrInvalid) {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	if err != nil {
		return storeFailed(env, "watch", err)
	}
	defer x.q.Close()
	if *once {
		x.schedule(ctx, true, log)
	} else {
		go x.schedule(ctx, false, log)
		fmt.Fprintf(env.Stderr, "parley watch: watching %d sources; stop with Ctrl-C\n", len(x.w.Sources()))
	}
	t, err := x.q.Run(ctx, *once)
	for _, h := range x.w.Health() {
		status := h.LastStatus
		if h.Failures > 0 {
			status = "error: " + h.LastError
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\tnew %d\t%s\tnext %s\n", h.Name, h.Kind, h.NewItems, oneLine(status, 120), h.NextPoll.Format(time.RFC3339))
	}
	fmt.Fprintf(env.Stdout, "jobs done %d, failed %d\n", t.Completed, t.Failed)
	if err != nil && !errors.Is(err, context.Canceled) {
		return storeFailed(env, "watch", err)
	}
	return ExitOK
}
