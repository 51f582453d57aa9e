package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/pipeline"
)

// runner reads inputs and analyses their documents on several goroutines,
// handing results on in input order.
type runner struct {
	pipe    *pipeline.Pipeline
	reader  *ingest.Reader
	workers int
	log     *slog.Logger
}

// tally counts what a run did.
type tally struct {
	Read, Done, Failed int
}

type job struct {
	seq int
	doc ingest.Document
}

type outcome struct {
	seq int
	doc ingest.Document
	res *pipeline.Result
	err error
}

// run analyses every document of inputs and calls sink with each result in
// input order, and fail with each input that failed. Articles whose dateline
// gives no year are analysed again at the end, with the year that fits the
// rest of the run (meta.ResolveYear). A sink error stops the run.
func (r *runner) run(ctx context.Context, inputs []string, sink func(*pipeline.Result) error, fail func(error)) (tally, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := r.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, workers*2)
	results := make(chan outcome, workers*2)

	go func() {
		defer close(jobs)
		seq := 0
		for doc, err := range r.reader.Documents(ctx, inputs) {
			if err != nil {
				select {
				case results <- outcome{seq: seq, err: err}:
				case <-ctx.Done():
					return
				}
			} else {
				select {
				case jobs <- job{seq: seq, doc: doc}:
				case <-ctx.Done():
					return
				}
			}
			seq++
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res, err := r.pipe.Analyze(ctx, j.doc, pipeline.Options{})
				if err != nil {
					err = &ingest.InputError{Source: j.doc.Source, Err: err}
				}
				select {
				case results <- outcome{seq: j.seq, doc: j.doc, res: res, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var t tally
	var corpus []time.Time
	var deferred []outcome
	pending := map[int]outcome{}
	next := 0
	var sinkErr error
	deliver := func(o outcome) {
		t.Read++
		switch {
		case o.err != nil:
			t.Failed++
			fail(o.err)
		case o.res.Date.NeedsYear:
			deferred = append(deferred, o)
		default:
			if p, ok := o.res.Article.PublishedTime(); ok {
				corpus = append(corpus, p)
			}
			if err := sink(o.res); err != nil {
				sinkErr = err
				cancel()
				return
			}
			t.Done++
		}
	}
	for o := range results {
		if sinkErr != nil {
			continue // drain
		}
		pending[o.seq] = o
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			deliver(o)
			if sinkErr != nil {
				break
			}
		}
	}
	if sinkErr != nil {
		return t, sinkErr
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return t, err
	}
	// Datelines without a year: the year that puts the day nearest the other
	// articles of this run. With nothing to go by the date stays unknown.
	for _, o := range deferred {
		if err := ctx.Err(); err != nil {
			return t, err
		}
		res := o.res
		if d, ok := meta.ResolveYear(o.res.Date, corpus); ok {
			year := d.Published[:4]
			var y int
			fmt.Sscanf(year, "%d", &y)
			again, err := r.pipe.Analyze(ctx, o.doc, pipeline.Options{Year: y})
			if err == nil {
				again.Article.PublishedBasis = d.Basis
				res = again
			}
		}
		if err := sink(res); err != nil {
			return t, err
		}
		t.Done++
	}
	return t, ctx.Err()
}
