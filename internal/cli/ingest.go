package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
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
// their text. Large transactions matter in a large store: a new article's
// rows land at scattered places of the date-keyed indexes, and each page a
// commit changes is written to the WAL and checkpointed once however many
// rows of the batch changed it. Going from 64 to 512 articles took 10,000
// back-filled articles into a million-article store from ~25 s to ~20 s,
// and into an empty one from 15.6 s to 11.2 s (docs/performance.md).
//
// Analysed articles are held in a window of up to ingestWindow articles
// (ingestWindowBytes of text, or what ingestWindowWait brought) and a full
// window is saved in order of publication date, a batch at a time: the
// articles of a back-fill (an archive, dates all over the years) then
// reach the store a stretch of days per transaction, so a commit changes
// the index pages of those days, not pages all over the file.
const (
	ingestBatch       = 512
	ingestBatchBytes  = 16 << 20
	ingestWindow      = 4096
	ingestWindowBytes = 64 << 20
	ingestWindowWait  = 10 * time.Second
)

// saveOrder sorts a window of analysed articles for saving: by publication
// date, stably, except that the articles of one source keep their order
// among themselves (a later one may be a new version of an earlier one).
// Undated articles come first.
func saveOrder(window []*pipeline.Result) {
	type item struct {
		res *pipeline.Result
		key string
	}
	items := make([]item, len(window))
	last := make(map[string]string, len(window))
	for i, res := range window {
		key := res.Article.Published
		src := res.Article.Source
		if prev, ok := last[src]; ok && prev > key {
			key = prev // never before an earlier article of the same source
		}
		last[src] = key
		items[i] = item{res, key}
	}
	slices.SortStableFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
	for i, it := range items {
		window[i] = it.res
	}
}

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
	// far faster that way), from a window of analysed articles flushed when
	// full, after ingestWindowWait, and at the end. The first interruption
	// (Ctrl-C, SIGTERM) stops reading but saves everything analysed so far;
	// a second one ends the process, and then at most the window in hand is
	// lost (never half an article; read again, it is stored then).
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
	var window []*pipeline.Result
	var windowBytes int
	var windowStart time.Time
	save := func(batch []*pipeline.Result) error {
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
		return nil
	}
	// flush saves the window: in input order when it holds one batch or
	// less (a small ingest is stored as given), else in date order, one
	// transaction per batch.
	flush := func() error {
		if len(window) > ingestBatch {
			saveOrder(window)
		}
		for start := 0; start < len(window); {
			end, n := start, 0
			for end < len(window) && end-start < ingestBatch && n < ingestBatchBytes {
				n += len(window[end].Article.Body)
				end++
			}
			if err := save(window[start:end]); err != nil {
				return err
			}
			start = end
		}
		clear(window)
		window, windowBytes = window[:0], 0
		return nil
	}
	t, err = r.run(ctx, inputs, func(res *pipeline.Result) error {
		if len(window) == 0 {
			windowStart = time.Now()
		}
		window = append(window, res)
		if ctx.Err() != nil {
			return nil // interrupted: what is left is saved below
		}
		windowBytes += len(res.Article.Body)
		if len(window) >= ingestWindow || windowBytes >= ingestWindowBytes || time.Since(windowStart) > ingestWindowWait {
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
