package cli

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/export"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
)

// runExport is `parley export`: the whole record as JSON Lines.
func runExport(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "export", "[--db PATH] [--out FILE|-] [--events]",
		"Writes everything stored as JSON Lines: a header line, then every article version\n"+
			"(oldest first within an article) with its body, metadata and analyses. 'parley ingest\n"+
			"FILE' reads it back into any database as it was, without analysing again unless\n"+
			"--reanalyze. With --events: one PLOVER-style record per event instead.\n"+
			"The format: docs/data.md in the repository.")
	var db string
	dbFlag(fs, &db)
	out := fs.String("out", "-", "output `file`; - for standard output")
	events := fs.Bool("events", false, "write the events as PLOVER-style JSON Lines (event, mode, source, target, date, sentence, article)")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley export: unexpected argument %q (the output goes to --out)\n", rest[0])
		return ExitUsage
	}
	log := logger(env)
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "export", err)
	}
	defer st.Close()
	w := env.Stdout
	var f *os.File
	var tmp string
	if *out != "-" && *out != "" {
		// Written beside the target and renamed at the end: an interrupted
		// export never leaves a file that looks whole.
		f, err = os.CreateTemp(filepath.Dir(*out), ".parley-export-*")
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley export: %s\n", plain(err))
			return ExitFailed
		}
		tmp = f.Name()
		defer os.Remove(tmp)
		w = f
	}
	var summary string
	if *events {
		n, werr := export.WritePLOVER(ctx, st, w)
		err, summary = werr, fmt.Sprintf("exported %d events", n)
	} else {
		c, werr := export.Write(ctx, st, w, export.Options{Parley: Version, Pipeline: pipeline.Version})
		err, summary = werr, fmt.Sprintf("exported %d articles (%d versions)", c.Articles, c.Versions)
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, *out)
		}
	}
	if err != nil {
		return storeFailed(env, "export", err)
	}
	fmt.Fprintln(env.Stderr, summary)
	return ExitOK
}

// isJSONLinesName reports a name that may hold an export or extract output.
func isJSONLinesName(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	return strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".ndjson") || strings.HasSuffix(n, ".json")
}

// sniffFile tells whether a file is an export or extract output (by its
// name, then its first bytes).
func sniffFile(input string) export.Kind {
	if !isJSONLinesName(input) {
		return export.Other
	}
	fi, err := os.Stat(input)
	if err != nil || !fi.Mode().IsRegular() {
		return export.Other
	}
	f, err := os.Open(input)
	if err != nil {
		return export.Other
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(input), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return export.Other
		}
		r = zr
	}
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(r, head)
	return export.Sniff(head[:n])
}

// lazyReader is standard input that may be looked at before it is read:
// sniff waits for its first bytes (or ctx) and keeps them for the reader.
type lazyReader struct {
	r  io.Reader
	br *bufio.Reader
}

func (l *lazyReader) Read(p []byte) (int, error) {
	if l.br != nil {
		return l.br.Read(p)
	}
	return l.r.Read(p)
}

// sniff tells what standard input holds from its first read (an export's
// header and extract output's first keys come early); it never waits for
// more than the first bytes, and gives up when ctx ends.
func (l *lazyReader) sniff(ctx context.Context) (export.Kind, error) {
	l.br = bufio.NewReaderSize(l.r, 64<<10)
	done := make(chan export.Kind, 1)
	go func() {
		if _, err := l.br.Peek(1); err != nil {
			done <- export.Other
			return
		}
		head, _ := l.br.Peek(l.br.Buffered())
		done <- export.Sniff(head)
	}()
	select {
	case k := <-done:
		return k, nil
	case <-ctx.Done():
		return export.Other, ctx.Err()
	}
}

// importInput reads one export or extract output into st.
func importInput(ctx context.Context, env *Env, st store.Store, input string, stdin io.Reader, reanalyze func(context.Context, *article.Article) error, quiet bool) (export.ImportResult, error) {
	var r io.Reader = stdin
	name := "standard input"
	if input != "-" {
		f, err := os.Open(input)
		if err != nil {
			return export.ImportResult{}, err
		}
		defer f.Close()
		r, name = f, input
		if strings.HasSuffix(strings.ToLower(input), ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return export.ImportResult{}, fmt.Errorf("%s: %w", input, err)
			}
			r = zr
		}
	}
	return export.Import(ctx, st, r, name, export.ImportOptions{
		Reanalyze: reanalyze,
		Saved: func(a *article.Article, sv store.SaveResult) {
			if !quiet {
				fmt.Fprintf(env.Stderr, "%s\t%d\t%s\n", sv.Status, sv.ID, escapeControl(a.Source))
			}
		},
		Failed: func(err error) { inputError(env, err) },
	})
}
