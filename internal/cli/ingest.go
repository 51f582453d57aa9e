package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/export"

	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/store"
	"github.com/schollz/progressbar/v3"
)

// One transaction saves up to ingestBatch articles or ingestBatchBytes of
// their text, or what a second brought. Large transactions matter in a
// large store: a new article's rows land at scattered places of the
// date-keyed indexes, and each page a commit changes is written to the WAL
// and checkpointed once however many rows of the batch changed it. Going
// from 64 to 512 articles took 10,000 back-filled articles into a
// million-article store from ~25 s to ~20 s, and into an empty one from
// 15.6 s to 11.2 s (docs/performance.md).
const (
	ingestBatch      = 512
	ingestBatchBytes = 16 << 20
)

func runIngest(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "ingest", "[flags] INPUT...",
		"Reads articles (files, folders, '-', .gz, .txt, .html, JSON Lines, RSS/Atom, WARC, URLs),\n"+
			"analyses them and stores them. The same article twice is stored once; a changed\n"+
			"article from a known source becomes a new version. Each article is stored whole or\n"+
			"not at all, so an interrupted ingest leaves nothing half-written.")
	var pf pipelineFlags
	pf.register(fs)
	var af alertFlags
	af.register(fs)
	var db string
	dbFlag(fs, &db)
	quiet := fs.Bool("quiet", false, "print only the summary and errors")
	enqueue := fs.Bool("enqueue", false, "put the documents on the job queue and return; 'parley worker' analyses and stores them")
	reanalyze := fs.Bool("reanalyze", false, "analyse the articles of a 'parley export' or 'parley extract' file again instead of storing their analyses as they are")
	inputs, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if len(inputs) == 0 {
		fmt.Fprintln(env.Stderr, "parley ingest: no input given (use - for standard input)")
		return ExitUsage
	}
	// Exports and extract output are stored as they are (their analyses
	// kept); everything else is read and analysed.
	// Standard input alone may be one too: it is looked at once the
	// database is known to take writes (stdinLater).
	var imports []string
	var stdin *lazyReader
	if len(inputs) == 1 && inputs[0] == "-" && !*enqueue {
		stdin = &lazyReader{r: env.Stdin}
		e := *env
		e.Stdin = stdin
		env = &e
	}
	others := inputs[:0:0]
	for _, in := range inputs {
		if in != "-" && sniffFile(in) != export.Other {
			imports = append(imports, in)
		} else {
			others = append(others, in)
		}
	}
	log := logger(env)
	r, err := pf.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley ingest: %s\n", plain(err))
		return ExitUsage
	}
	alert, err := af.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley ingest: %s\n", plain(err))
		return ExitUsage
	}
	if *enqueue {
		if len(imports) > 0 {
			fmt.Fprintf(env.Stderr, "parley ingest: %s is a Parley export or extract output, read directly: leave out --enqueue\n", escapeControl(imports[0]))
			return ExitUsage
		}
		return runEnqueue(ctx, env, r, db, inputs, *quiet, log)
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "ingest", err)
	}
	defer st.Close()
	// A database that cannot take the articles is found out now, not after
	// analysing every input.
	if err := writable(ctx, st); err != nil {
		return storeFailed(env, "ingest", err)
	}

	// A progress bar on a terminal; plain lines otherwise (logs, CI).
	var bar *progressbar.ProgressBar
	if env.IsTerminal && !*quiet {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(),
		)
	}
	// Articles are saved in batches, one transaction each (the store writes
	// far faster that way); a batch is flushed when full, after a second, and
	// at the end. The first interruption (Ctrl-C, SIGTERM) stops reading but
	// saves everything analysed so far; a second one ends the process, and
	// then at most the batch in hand is lost, never half an article.
	saveCtx := context.WithoutCancel(ctx)
	counts := map[store.SaveStatus]int{}
	var imported tally
	var again func(context.Context, *article.Article) error
	if *reanalyze {
		again = r.pipe.Reanalyze
	}
	if stdin != nil {
		kind, err := stdin.sniff(ctx)
		if err != nil {
			fmt.Fprintln(env.Stderr, "parley ingest: interrupted; nothing was read")
			return ExitFailed
		}
		if kind != export.Other {
			imports, others = []string{"-"}, nil
		}
	}
	for _, in := range imports {
		res, err := importInput(ctx, env, st, in, env.Stdin, again, *quiet || bar != nil)
		imported.Read += res.Read
		imported.Failed += res.Failed
		for k, v := range res.Status {
			counts[k] += v
		}
		if err != nil {
			if errors.Is(err, context.Canceled) {
				fmt.Fprintf(env.Stderr, "parley ingest: interrupted; the articles read were saved\n")
				return ExitFailed
			}
			if errors.Is(err, export.ErrNotExport) || errors.Is(err, export.ErrNewer) {
				inputError(env, err)
				imported.Failed++
				continue
			}
			return storeFailed(env, "ingest", err)
		}
	}
	inputs = others
	var t tally
	if len(inputs) == 0 {
		fmt.Fprintf(env.Stdout, "read %d, new %d, duplicate %d, new version %d, failed %d\n",
			imported.Read, counts[store.New], counts[store.Duplicate], counts[store.NewVersion], imported.Failed)
		if err := alert.check(ctx, env, st, log); err != nil {
			fmt.Fprintf(env.Stderr, "parley ingest: alerts: %s\n", plain(err))
			return ExitFailed
		}
		if imported.Failed > 0 {
			return ExitFailed
		}
		return ExitOK
	}
	var batch []*pipeline.Result
	var batchBytes int
	last := time.Now()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		arts := make([]*article.Article, len(batch))
		for i, res := range batch {
			arts[i] = res.Article
		}
		saved, err := st.SaveArticles(saveCtx, arts)
		if err != nil {
			return fmt.Errorf("saving %d articles from %s on: %w", len(arts), arts[0].Source, err)
		}
		for i, sv := range saved {
			counts[sv.Status]++
			switch {
			case bar != nil:
				_ = bar.Add(1)
			case !*quiet:
				fmt.Fprintf(env.Stderr, "%s\t%d\t%s\n", sv.Status, sv.ID, escapeControl(arts[i].Source))
			}
		}
		batch, batchBytes, last = batch[:0], 0, time.Now()
		return nil
	}
	t, err = r.run(ctx, inputs, func(res *pipeline.Result) error {
		if ctx.Err() != nil {
			// Interrupted: what is left is saved in one last batch.
			batch = append(batch, res)
			return nil
		}
		batch = append(batch, res)
		batchBytes += len(res.Article.Body)
		if len(batch) >= ingestBatch || batchBytes >= ingestBatchBytes || time.Since(last) > time.Second {
			return flush()
		}
		return nil
	}, func(err error) {
		if bar != nil {
			_ = bar.Clear()
		}
		inputError(env, err)
	})
	interrupted := errors.Is(err, context.Canceled)
	if err == nil || interrupted {
		if ferr := flush(); ferr != nil {
			err = ferr
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	t.Read += imported.Read
	t.Failed += imported.Failed
	fmt.Fprintf(env.Stdout, "read %d, new %d, duplicate %d, new version %d, failed %d\n",
		t.Read, counts[store.New], counts[store.Duplicate], counts[store.NewVersion], t.Failed)
	if interrupted && (err == nil || errors.Is(err, context.Canceled)) {
		fmt.Fprintf(env.Stderr, "parley ingest: interrupted; the %d articles analysed were saved, the rest not read\n", t.Done)
		return ExitFailed
	}
	if err != nil {
		return storeFailed(env, "ingest", err)
	}
	if err := alert.check(ctx, env, st, log); err != nil {
		fmt.Fprintf(env.Stderr, "parley ingest: alerts: %s\n", plain(err))
		return ExitFailed
	}
	if t.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

func runReanalyze(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "reanalyze", "[flags]",
		"Redoes the analyses (statements, mentions, time expressions, events) of stored\n"+
			"articles that an older pipeline analysed, after an upgrade. Each article's analyses\n"+
			"are replaced in one transaction; an interrupted run can simply be run again.")
	var db string
	dbFlag(fs, &db)
	all := fs.Bool("all", false, "redo every article, not only those of other pipeline versions")
	enqueue := fs.Bool("enqueue", false, "put one reanalyse job per article on the queue and return; 'parley worker' does them")
	actorsFile := fs.String("actors", "", "curated actors `file` (YAML) to apply: every stored article is analysed again with it")
	var af alertFlags
	af.register(fs)
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	log := logger(env)
	alert, err := af.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley reanalyze: %s\n", plain(err))
		return ExitUsage
	}
	var cfg pipeline.Config
	if *actorsFile != "" {
		if *enqueue {
			fmt.Fprintln(env.Stderr, "parley reanalyze: --actors applies here and now; leave out --enqueue")
			return ExitUsage
		}
		reg, err := actors.Load(*actorsFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley reanalyze: %s\n", plain(err))
			return ExitUsage
		}
		cfg.Actors = reg
		*all = true // the pipeline version is the same, the actors are not
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "reanalyze", err)
	}
	defer st.Close()
	if err := writable(ctx, st); err != nil {
		return storeFailed(env, "reanalyze", err)
	}
	pipe, err := pipeline.New(cfg, log)
	if err != nil {
		return storeFailed(env, "reanalyze", err)
	}
	target := pipeline.Version
	if *all {
		target = "(every version)" // no article was analysed by this "version": all are stale (no NUL: PostgreSQL text refuses it)
	}
	// The ids first (they are few bytes each), then one article at a time.
	ids, err := st.StaleArticles(ctx, target, 0)
	if err != nil {
		return storeFailed(env, "reanalyze", err)
	}
	if *enqueue {
		q, err := openQueue(ctx, env, db, queue.Options{Logger: log})
		if err != nil {
			return storeFailed(env, "reanalyze", err)
		}
		defer q.Close()
		got, err := q.EnqueueReanalyses(ctx, pipeline.Version, ids)
		if err != nil {
			return storeFailed(env, "reanalyze", err)
		}
		fmt.Fprintf(env.Stdout, "enqueued %d reanalyses, already queued %d\n", got.Added, got.Skipped)
		return ExitOK
	}
	done, failed := 0, 0
	for _, id := range ids {
		stored, err := st.Article(ctx, id)
		if err != nil {
			return storeFailed(env, "reanalyze", err)
		}
		a := stored.Article
		if err := pipe.Reanalyze(ctx, &a); err != nil {
			return storeFailed(env, "reanalyze", err)
		}
		if err := st.ReplaceAnalyses(ctx, id, &a); err != nil {
			if errors.Is(err, store.ErrTooBig) {
				// Over the caps with this pipeline: the old analyses stay.
				fmt.Fprintf(env.Stderr, "parley: article %d (%s): %v\n", id, escapeControl(a.Source), err)
				failed++
				continue
			}
			return storeFailed(env, "reanalyze", err)
		}
		done++
	}
	fmt.Fprintf(env.Stdout, "reanalysed %d articles with pipeline %s\n", done, pipeline.Version)
	if err := alert.check(ctx, env, st, log); err != nil {
		fmt.Fprintf(env.Stderr, "parley reanalyze: alerts: %s\n", plain(err))
		return ExitFailed
	}
	if failed > 0 {
		return ExitFailed
	}
	return ExitOK
}
