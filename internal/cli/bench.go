package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-news/parley/internal/bench"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/web"
)

func runBench(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "bench", "[flags]",
		"Builds a synthetic corpus of N distinct generated articles (no data set is used),\n"+
			"ingests it into a fresh database with the ingest command, and reports ingest\n"+
			"articles/s, database bytes per article and, from an in-process server on\n"+
			"loopback, the p50/p95 latency of every page and API list (--clients at once).\n"+
			"--corpus FILE only writes the corpus (JSON Lines) and exits.\n"+
			"See docs/performance.md for the figures at 10k, 100k and 1M articles.")
	n := fs.Int("n", 1000, "number of `articles`")
	seed := fs.Uint64("seed", 1, "generator `seed` (the same seed gives the same corpus)")
	dir := fs.String("dir", "", "work `directory` for the corpus and database (default: a temporary one, removed)")
	requests := fs.Int("requests", 20, "timed requests per page and client")
	clients := fs.Int("clients", 1, "concurrent `clients` per page")
	corpusOnly := fs.String("corpus", "", "write the corpus to `file` and exit")
	steps := fs.Int("steps", 10, "ingest in this many equal `steps`, reporting the rate of each (is ingest as fast into a full database as into an empty one?)")
	perDay := fs.Int("per-day", 0, "date the articles in order, `N` a weekday, as news arrives (default: each at a random day of 300, as an archive back-filled in no order)")
	reuse := fs.Bool("reuse", false, "with --dir: measure the pages of the database already there (built by an earlier run), without building it again")
	probe := fs.Int("probe", 0, "after building (or with --reuse), ingest `N` further articles of the corpus into an empty database and then into this one, and report both rates: the ratio is what a store of this size costs each write")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley bench: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	if *n < 1 || *requests < 1 || *clients < 1 || *steps < 1 || *perDay < 0 || *probe < 0 {
		fmt.Fprintln(env.Stderr, "parley bench: --n, --requests, --clients and --steps must be positive, --per-day and --probe not negative")
		return ExitUsage
	}
	corpusOf := bench.Corpus{Seed: *seed, PerDay: *perDay}
	if *reuse && *dir == "" {
		fmt.Fprintln(env.Stderr, "parley bench: --reuse needs --dir")
		return ExitUsage
	}
	out := env.Stdout
	if *corpusOnly != "" {
		size, err := writeCorpus(*corpusOnly, corpusOf, *n)
		if err != nil {
			return storeFailed(env, "bench", err)
		}
		fmt.Fprintf(out, "corpus: %d articles, %d bytes in %s\n", *n, size, *corpusOnly)
		return ExitOK
	}

	work := *dir
	if work == "" {
		tmp, err := os.MkdirTemp("", "parley-bench-")
		if err != nil {
			return storeFailed(env, "bench", err)
		}
		defer os.RemoveAll(tmp)
		work = tmp
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return storeFailed(env, "bench", err)
	}
	corpus := filepath.Join(work, "corpus.jsonl")
	db := filepath.Join(work, "bench.db")
	if !*reuse {
		if code := buildBench(ctx, env, db, corpus, corpusOf, *n, *steps); code != ExitOK {
			return code
		}
	} else {
		// Per article only once the store's articles are counted (below):
		// --n need not be the size of a reused store.
		fmt.Fprintf(out, "database    %.1f MB (reused)\n", float64(bench.FilesSize(db, db+"-wal", db+"-shm"))/1e6)
	}

	log := logger(env)
	if *probe > 0 {
		if code := probeBench(ctx, env, work, db, corpusOf, *n, *probe); code != ExitOK {
			return code
		}
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	defer st.Close()
	pipe, err := pipeline.New(pipeline.Config{}, log)
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	d, err := web.DemoDossier() // the synthetic articles are about the example negotiation
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	// The dossier's links are indexed here, as `parley dossier index`
	// does, so that the first pass (minutes at a million articles) is
	// reported on its own line rather than timed as the first request of
	// the positions pages. On a reused database it is the catch-up.
	is, err := dossier.Index(ctx, st, d, log)
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	what := "catch-up"
	if is.Built {
		what = "first pass"
	}
	fmt.Fprintf(out, "dossier     %s %s: %d statements read, %d links\n", what, is.Elapsed, is.Statements, is.State.Links)
	// The size again, with the dossier's links: they are part of every
	// store whose positions have been asked for, so the bytes per article
	// a user sees are these. The articles held (a probe adds some) are the
	// first ones of the corpus.
	if stats, err := st.Stats(ctx); err == nil && stats.Articles > 0 {
		held := int(stats.Articles)
		// The write-ahead log is copied into the file first: it may
		// hold hundreds of MB of pages the file holds too.
		if c, ok := st.(interface{ Checkpoint(context.Context) error }); ok {
			if err := c.Checkpoint(ctx); err != nil {
				log.WarnContext(ctx, "bench: checkpoint before measuring", "err", err)
			}
		}
		dbBytes := bench.FilesSize(db, db+"-wal", db+"-shm")
		text := corpusOf.TextBytes(0, held)
		fmt.Fprintf(out, "database    %.1f MB with the links, %.0f bytes/article, %.2f× the text (%d articles)\n",
			float64(dbBytes)/1e6, float64(dbBytes)/float64(held), float64(dbBytes)/float64(text), held)
	}
	srv, err := web.New(web.Config{Dossier: d}, st, pipe, log)
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	defer func() {
		stop()
		<-done
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{
		Timeout:   5 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: *clients},
	}
	failed := false
	fmt.Fprintf(out, "\n%-32s %10s %10s %10s %10s %8s   (%d client(s), %d requests each after one to warm up, timed as cold)\n",
		"page", "cold ms", "p50 ms", "p95 ms", "bytes", "errors", *clients, *requests)
	for _, p := range bench.Pages(ctx, client, base) {
		l := bench.Time(ctx, client, base, p, *requests, *clients)
		if l.Err != nil {
			failed = true
		}
		fmt.Fprintf(out, "%-32s %10s %10s %10s %10d %8d\n", p, bench.Ms(l.Cold), bench.Ms(l.P50), bench.Ms(l.P95), l.Bytes, l.Errors)
		if l.Err != nil {
			fmt.Fprintf(out, "  first error: %v\n", l.Err)
		}
	}
	if failed {
		return ExitFailed
	}
	return ExitOK
}

// buildBench ingests the corpus into a fresh database in steps, through
// the ingest command itself as a user runs it, and reports each step's
// rate and the database's size after it: the rate at the end against the
// rate into the empty database says whether writes slow as the store
// grows.
func buildBench(ctx context.Context, env *Env, db, corpus string, c bench.Corpus, n, steps int) int {
	out := env.Stdout
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return storeFailed(env, "bench", err)
		}
	}
	steps = min(steps, n)
	quiet := &Env{Stdout: io.Discard, Stderr: env.Stderr, Getenv: env.Getenv}
	var size, text int64
	var total time.Duration
	var first, last float64
	fmt.Fprintf(out, "%-12s %12s %12s %12s %14s\n", "ingest step", "articles", "articles/s", "DB MB", "DB bytes/art")
	for k := range steps {
		from, to := k*n/steps, (k+1)*n/steps
		sz, err := writeCorpusRange(corpus, c, from, to-from)
		if err != nil {
			return storeFailed(env, "bench", err)
		}
		size += sz
		text += c.TextBytes(from, to-from)
		start := time.Now()
		if code := runIngest(ctx, quiet, []string{"--quiet", "--db", db, corpus}); code != ExitOK {
			fmt.Fprintf(env.Stderr, "parley bench: ingest exited with %d\n", code)
			return ExitFailed
		}
		el := time.Since(start)
		total += el
		rate := float64(to-from) / el.Seconds()
		if k == 0 {
			first = rate
		}
		last = rate
		dbBytes := bench.FilesSize(db, db+"-wal", db+"-shm")
		fmt.Fprintf(out, "%-12d %12d %12.0f %12.1f %14.0f\n", k+1, to, rate, float64(dbBytes)/1e6, float64(dbBytes)/float64(to))
	}
	dbBytes := bench.FilesSize(db, db+"-wal", db+"-shm")
	fmt.Fprintf(out, "corpus      %d articles, %.1f MB of JSON Lines, %.0f bytes of text/article\n",
		n, float64(size)/1e6, float64(text)/float64(n))
	fmt.Fprintf(out, "ingest      %.0f articles/s overall (%s for %d); last step %.2f× the first step's rate\n",
		float64(n)/total.Seconds(), total.Round(time.Millisecond), n, last/first)
	fmt.Fprintf(out, "database    %.1f MB, %.0f bytes/article, %.2f× the text\n",
		float64(dbBytes)/1e6, float64(dbBytes)/float64(n), float64(dbBytes)/float64(text))
	return ExitOK
}

// probeBench ingests p articles of the corpus that the database does not
// hold yet (from its article count on, so that a second probe of a reused
// database brings new ones again) into a fresh empty database and then
// into the built one, the same way as the steps, and reports both rates.
// The same articles on both sides make the ratio the cost of the store's
// size alone: with the default random dates it is a back-fill of an
// archive, with --per-day news newer than everything stored.
func probeBench(ctx context.Context, env *Env, work, db string, c bench.Corpus, n, p int) int {
	from := n
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	stats, err := st.Stats(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return storeFailed(env, "bench", err)
	}
	from = max(from, int(stats.Articles))
	corpus := filepath.Join(work, "probe.jsonl")
	if _, err := writeCorpusRange(corpus, c, from, p); err != nil {
		return storeFailed(env, "bench", err)
	}
	defer os.Remove(corpus)
	empty := filepath.Join(work, "probe-empty.db")
	removeEmpty := func() error {
		for _, f := range []string{empty, empty + "-wal", empty + "-shm"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	}
	if err := removeEmpty(); err != nil {
		return storeFailed(env, "bench", err)
	}
	defer removeEmpty() //nolint:errcheck // best effort: a scratch database in the work directory
	quiet := &Env{Stdout: io.Discard, Stderr: env.Stderr, Getenv: env.Getenv}
	rate := func(path string) (float64, bool) {
		start := time.Now()
		if code := runIngest(ctx, quiet, []string{"--quiet", "--db", path, corpus}); code != ExitOK {
			fmt.Fprintf(env.Stderr, "parley bench: probe ingest exited with %d\n", code)
			return 0, false
		}
		return float64(p) / time.Since(start).Seconds(), true
	}
	into0, ok := rate(empty)
	if !ok {
		return ExitFailed
	}
	intoN, ok := rate(db)
	if !ok {
		return ExitFailed
	}
	fmt.Fprintf(env.Stdout, "probe       %d new articles (%d to %d): %.0f articles/s into an empty database, %.0f into this one (%d articles): %.2f× slower\n",
		p, from, from+p-1, into0, intoN, from, into0/intoN)
	return ExitOK
}

func writeCorpus(path string, c bench.Corpus, n int) (int64, error) {
	return writeCorpusRange(path, c, 0, n)
}

func writeCorpusRange(path string, c bench.Corpus, from, n int) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	size, err := c.Write(w, from, n)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return size, err
}
