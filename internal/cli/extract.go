package cli

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/pipeline"
)

// pipelineFlags are the flags every command that analyses inputs takes.
type pipelineFlags struct {
	published string
	year      int
	workers   int
	maxMB     int64
	timeout   time.Duration
	noFollow  bool
	actors    string
	private   bool
	maxTextKB int64
}

func (f *pipelineFlags) register(fs interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
	Int64Var(*int64, string, int64, string)
	DurationVar(*time.Duration, string, time.Duration, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.published, "published", "", "publication `date` (YYYY-MM-DD) for inputs that carry none")
	fs.IntVar(&f.year, "year", 0, "`year` for datelines that give only day and month")
	fs.IntVar(&f.workers, "workers", 0, "analysis goroutines (default: one per core)")
	fs.Int64Var(&f.maxMB, "max-mb", 64, "largest input read, in `MiB` after decompression")
	fs.DurationVar(&f.timeout, "timeout", 20*time.Second, "time limit of each URL fetch")
	fs.BoolVar(&f.noFollow, "no-follow", false, "do not fetch the pages of feed items that carry no text")
	fs.StringVar(&f.actors, "actors", "", "curated actors `file` (YAML): known people, aliases and dated roles")
	fs.BoolVar(&f.private, "allow-private", false, "let URL inputs and feed links fetch loopback, private, link-local and metadata addresses (refused by default)")
	fs.Int64Var(&f.maxTextKB, "max-text-kb", ingest.DefaultMaxText>>10, "longest article text, in `KiB` (an HTML page may be 8 times as large)")
}

// build makes the runner the flags describe; a non-nil error is a usage error.
func (f *pipelineFlags) build(env *Env, log *slog.Logger) (*runner, error) {
	cfg := pipeline.Config{Year: f.year}
	if f.published != "" {
		t, _, ok := ingest.ParseTime(f.published)
		if !ok {
			return nil, fmt.Errorf("--published %q is not a date (YYYY-MM-DD)", f.published)
		}
		cfg.Published = t
	}
	if f.year != 0 && (f.year < 1900 || f.year > 2200) {
		return nil, fmt.Errorf("--year %d is out of range", f.year)
	}
	if f.actors != "" {
		reg, err := actors.Load(f.actors)
		if err != nil {
			return nil, err
		}
		cfg.Actors = reg
	}
	pipe, err := pipeline.New(cfg, log)
	if err != nil {
		return nil, err
	}
	icfg := ingest.DefaultConfig()
	icfg.MaxBytes = f.maxMB << 20
	icfg.FetchTimeout = f.timeout
	icfg.FollowFeedLinks = !f.noFollow
	icfg.RefusePrivate = !f.private
	if f.maxTextKB <= 0 {
		return nil, fmt.Errorf("--max-text-kb must be positive")
	}
	icfg.MaxText = f.maxTextKB << 10
	return &runner{pipe: pipe, reader: ingest.New(icfg, log, env.Stdin), workers: f.workers, log: log}, nil
}

func runExtract(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "extract", "[flags] INPUT...",
		"Reads articles (files, folders, '-' for standard input, .gz, .txt dumps, .html pages,\n"+
			"JSON Lines dumps, RSS/Atom feeds, WARC archives, http(s) URLs), analyses them and\n"+
			"prints one JSON object per article to standard output (the fields: docs/extract.md in the repository).\n"+
			"Nothing is stored. Failed inputs are reported on standard error, one line each.")
	var pf pipelineFlags
	pf.register(fs)
	explain := fs.Bool("explain", false, "list on standard error each paragraph removed as page furniture, with the rule that removed it")
	inputs, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if len(inputs) == 0 {
		fmt.Fprintln(env.Stderr, "parley extract: no input given (use - for standard input)")
		return ExitUsage
	}
	log := logger(env)
	r, err := pf.build(env, log)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley extract: %s\n", plain(err))
		return ExitUsage
	}
	out := bufio.NewWriterSize(env.Stdout, 256<<10)
	// One buffer reused for every article's line: the writer appends the
	// same bytes encoding/json would print, without reflection.
	var line []byte
	t, err := r.run(ctx, inputs, func(res *pipeline.Result) error {
		if *explain {
			for _, rm := range res.Removed {
				fmt.Fprintf(env.Stderr, "%s: removed (%s): %s\n", escapeControl(res.Article.Source), rm.Rule, escapeControl(shorten(rm.Text, 100)))
			}
		}
		line = append(res.Article.AppendContractJSON(line[:0]), '\n')
		_, err := out.Write(line)
		return err
	}, func(err error) { inputError(env, err) })
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley extract: %s\n", plain(err))
		return ExitFailed
	}
	if t.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

func runVersion(_ context.Context, env *Env, args []string) int {
	fs := newFlags(env, "version", "", "Prints the version of Parley and of its analyses.")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	fmt.Fprintf(env.Stdout, "parley %s (analyses %s)\n", Version, pipeline.Version)
	return ExitOK
}

// Version is Parley's release version.
const Version = "0.1.0"
