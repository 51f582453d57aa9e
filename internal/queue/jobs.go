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
	saved, err := w.Store.SaveArticle(ctx, res.Article)
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
