package cli

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
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
	err error // the input failed
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
//
// When ctx ends (the first Ctrl-C or SIGTERM) reading stops at once, but
// what was read is still analysed and everything analysed still goes to
// sink, so that an interrupted ingest saves its last batch; run then
// returns ctx's error. (A second signal ends the process: see Signals.)
func (r *runner) run(ctx context.Context, inputs []string, sink func(*pipeline.Result) error, fail func(error)) (tally, error) {
	// work outlives ctx: it ends only when the sink fails.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	read, stopRead := context.WithCancel(ctx)
	defer stopRead()
	go func() { // the sink failing stops the reading too
		<-work.Done()
		stopRead()
	}()
	workers := r.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, workers*2)
	results := make(chan outcome, workers*2)

	// The reader alone sends on jobs (failed inputs too) and closes it; it
	// may stay blocked in a read (standard input) after ctx ends, so the
	// workers do not wait for it then.
	go func() {
		defer close(jobs)
		seq := 0
		for doc, err := range r.reader.Documents(read, inputs) {
			select {
			case jobs <- job{seq: seq, doc: doc, err: err}:
			case <-read.Done():
				return
			}
			seq++
		}
	}()
	analyse := func(j job) {
		o := outcome{seq: j.seq, doc: j.doc, err: j.err}
		if o.err == nil {
			o.res, o.err = r.pipe.Analyze(work, j.doc, pipeline.Options{})
			if o.err == nil {
				o.err = store.CheckSize(o.res.Article)
			}
			if o.err != nil {
				o.err = &ingest.InputError{Source: j.doc.Source, Err: o.err}
			}
		}
		select {
		case results <- o:
		case <-work.Done():
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					analyse(j)
				case <-read.Done():
					// Interrupted: what was read already is analysed, the
					// reader is not waited for.
					for {
						select {
						case j, ok := <-jobs:
							if !ok {
								return
							}
							analyse(j)
						default:
							return
						}
					}
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
	ctx = work
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
	// Datelines without a year: the year that puts the day nearest the other
	// articles of this run. With nothing to go by the date stays unknown.
	for _, o := range deferred {
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
	return t, read.Err()
}
