package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
)

// AnalyseArgs is an analyse job: one document, carried whole.
type AnalyseArgs struct {
	Doc ingest.Document `json:"doc"`
	// Year and Basis settle a dateline that gives no year, as the enqueuer
	// decided it over its whole run (see ingest --enqueue).
	Year  int    `json:"year,omitempty"`
	Basis string `json:"basis,omitempty"`
	// Key is the hash of the document's content: the job's unique key.
	Key string `json:"key" river:"unique"`
}

// Kind names the job for River.
func (AnalyseArgs) Kind() string { return "analyse" }

// InsertOpts: the analyse queue, unique on Key while the job exists
// (completed jobs are kept a day), so the same document is analysed once.
func (AnalyseArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Analyse, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ReanalyseArgs is a reanalyse job: one stored article.
type ReanalyseArgs struct {
	ArticleID int64  `json:"article_id" river:"unique"`
	Pipeline  string `json:"pipeline" river:"unique"`
}

// Kind names the job for River.
func (ReanalyseArgs) Kind() string { return "reanalyse" }

// InsertOpts: the analyse queue, unique per article and pipeline version.
func (ReanalyseArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Analyse, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// PollArgs is a poll job: one watched source, its definition carried whole.
type PollArgs struct {
	Source string          `json:"source" river:"unique"`
	Spec   json.RawMessage `json:"spec,omitempty"`
}

// Kind names the job for River.
func (PollArgs) Kind() string { return "poll" }

// InsertOpts: the poll queue; at most one unfinished poll per source.
func (PollArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Poll, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled,
	}}}
}

// DocumentKey is the unique key of a document's analyse job: the SHA-256 of
// its title hint and content.
func DocumentKey(doc ingest.Document) string {
	h := sha256.New()
	h.Write([]byte(doc.Title))
	h.Write([]byte{0})
	if doc.Format == ingest.FormatHTML {
		h.Write(doc.HTML)
	} else {
		h.Write([]byte(doc.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Workers does the jobs: analyses with Pipe, stores in Store, polls with
// Poll (nil: poll jobs fail).
type Workers struct {
	Pipe  *pipeline.Pipeline
	Store store.Store
	Poll  func(ctx context.Context, source string, spec json.RawMessage) error
	Log   *slog.Logger
	// Saved, when set, is called after each article is stored.
	Saved func(res store.SaveResult, a *article.Article)
	// Slots caps the analyses running at once in this process (default
	// GOMAXPROCS): analysis is CPU-bound, while the queue claims more jobs
	// than that so that none waits for a fetch.
	Slots int

	once  sync.Once
	slots chan struct{}
	saves chan saveReq
}

// saveReq is one article waiting to be stored by the batcher.
type saveReq struct {
	ctx   context.Context
	a     *article.Article
	reply chan saveRes
}

type saveRes struct {
	res store.SaveResult
	err error
}

// saveBatch and saveWait bound a batch of the batcher: analyses finishing
// together are stored in one transaction (far fewer round trips and
// commits than one each), and none waits long for company.
const (
	saveBatch = 32
	saveWait  = 5 * time.Millisecond
)

// save stores a through the batcher and returns its result.
func (w *Workers) save(ctx context.Context, a *article.Article) (store.SaveResult, error) {
	w.init()
	req := saveReq{ctx: ctx, a: a, reply: make(chan saveRes, 1)}
	select {
	case w.saves <- req:
	case <-ctx.Done():
		return store.SaveResult{}, ctx.Err()
	}
	select {
	case r := <-req.reply:
		return r.res, r.err
	case <-ctx.Done():
		return store.SaveResult{}, ctx.Err()
	}
}

func (w *Workers) init() {
	w.once.Do(func() {
		n := w.Slots
		if n <= 0 {
			n = runtime.GOMAXPROCS(0)
		}
		w.slots = make(chan struct{}, n)
		w.saves = make(chan saveReq)
		go w.batcher()
	})
}

// batcher stores the articles sent to it in batches. A batch that fails is
// stored article by article, so one bad article fails only its own job.
// It runs for the life of the process (Workers live as long as it).
func (w *Workers) batcher() {
	for first := range w.saves {
		batch := []saveReq{first}
		timer := time.NewTimer(saveWait)
	collect:
		for len(batch) < saveBatch {
			select {
			case r := <-w.saves:
				batch = append(batch, r)
			case <-timer.C:
				break collect
			}
		}
		timer.Stop()
		// Drop requests whose job was cancelled meanwhile.
		live := batch[:0]
		for _, r := range batch {
			if r.ctx.Err() != nil {
				r.reply <- saveRes{err: r.ctx.Err()}
				continue
			}
			live = append(live, r)
		}
		if len(live) == 0 {
			continue
		}
		arts := make([]*article.Article, len(live))
		for i, r := range live {
			arts[i] = r.a
		}
		// The batch outlives any one job's context: a cancelled job must
		// not abort the others' transaction.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		results, err := w.Store.SaveArticles(ctx, arts)
		cancel()
		if err == nil {
			for i, r := range live {
				r.reply <- saveRes{res: results[i]}
			}
			continue
		}
		for _, r := range live {
			res, err := w.Store.SaveArticle(r.ctx, r.a)
			r.reply <- saveRes{res: res, err: err}
		}
	}
}

// slot waits for a free analysis slot; release it with the returned func
// (calling it more than once is harmless).
func (w *Workers) slot(ctx context.Context) (func(), error) {
	w.init()
	select {
	case w.slots <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-w.slots }) }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (w *Workers) river() *river.Workers {
	ws := river.NewWorkers()
	river.AddWorker(ws, &analyseWorker{w: w})
	river.AddWorker(ws, &reanalyseWorker{w: w})
	river.AddWorker(ws, &pollWorker{w: w})
	return ws
}

func defaultConcurrency() int { return runtime.GOMAXPROCS(0) }

type analyseWorker struct {
	river.WorkerDefaults[AnalyseArgs]
	w *Workers
}

// Work analyses the document and stores the article. A document without
// article text is cancelled at once (retrying cannot help); other errors
// are retried.
func (x *analyseWorker) Work(ctx context.Context, job *river.Job[AnalyseArgs]) error {
	w := x.w
	args := job.Args
	release, err := w.slot(ctx)
	if err != nil {
		return err
	}
	defer release()
	res, err := w.Pipe.Analyze(ctx, args.Doc, pipeline.Options{Year: args.Year})
	if errors.Is(err, pipeline.ErrNoArticle) {
		return river.JobCancel(fmt.Errorf("%s: %w", args.Doc.Source, err))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", args.Doc.Source, err)
	}
	if args.Year != 0 && args.Basis != "" {
		res.Article.PublishedBasis = args.Basis
	} else if res.Date.NeedsYear {
		// Enqueued alone (a watched feed): the year that fits the stored
		// record, as meta.ResolveYear does for a run.
		corpus, err := w.corpus(ctx)
		if err != nil {
			return err
		}
		if d, ok := meta.ResolveYear(res.Date, corpus); ok {
			y, _ := strconv.Atoi(d.Published[:4])
			if again, err := w.Pipe.Analyze(ctx, args.Doc, pipeline.Options{Year: y}); err == nil {
				again.Article.PublishedBasis = d.Basis
				res = again
			}
		}
	}
	release() // storing needs no CPU slot
	saved, err := w.save(ctx, res.Article)
	if err != nil {
		return err
	}
	if w.Saved != nil {
		w.Saved(saved, res.Article)
	}
	return nil
}

// corpus returns the publication days of the newest stored articles.
func (w *Workers) corpus(ctx context.Context) ([]time.Time, error) {
	list, err := w.Store.Articles(ctx, store.ArticleQuery{Limit: 200})
	if err != nil {
		return nil, err
	}
	var out []time.Time
	for _, s := range list {
		if t, err := time.Parse("2006-01-02", store.Day(s.Published)); err == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

type reanalyseWorker struct {
	river.WorkerDefaults[ReanalyseArgs]
	w *Workers
}

// Work redoes one stored article's analyses.
func (x *reanalyseWorker) Work(ctx context.Context, job *river.Job[ReanalyseArgs]) error {
	w := x.w
	release, err := w.slot(ctx)
	if err != nil {
		return err
	}
	defer release()
	stored, err := w.Store.Article(ctx, job.Args.ArticleID)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	a := stored.Article
	if err := w.Pipe.Reanalyze(ctx, &a); err != nil {
		return err
	}
	return w.Store.ReplaceAnalyses(ctx, job.Args.ArticleID, &a)
}

type pollWorker struct {
	river.WorkerDefaults[PollArgs]
	w *Workers
}

// Work polls one source.
func (x *pollWorker) Work(ctx context.Context, job *river.Job[PollArgs]) error {
	if x.w.Poll == nil {
		return river.JobCancel(errors.New("this process does not poll sources"))
	}
	return x.w.Poll(ctx, job.Args.Source, job.Args.Spec)
}
