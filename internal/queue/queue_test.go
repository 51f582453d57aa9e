package queue

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/pgtest"
	"github.com/parley-news/parley/internal/store/postgres"
	"github.com/parley-news/parley/internal/store/sqlite"
)

// report is a short invented wire report, different for each n.
func report(n int) ingest.Document {
	return ingest.Document{Source: fmt.Sprintf("gen/%04d.txt", n), Format: ingest.FormatText, Text: fmt.Sprintf(
		"Harbour talks round %d ends, envoy says\n\nPORTVILLE, March %d, 2031. /NAP/. The harbour talks ended round %d on Monday, envoy Piotr Lind told reporters.\n\n\"We are ready to sign clause %d,\" he said.\n",
		n, 1+n%27, n, n)}
}

// backends opens a store and returns the database the queue shares with
// it, for SQLite and (when available) PostgreSQL.
var backends = []struct {
	name string
	open func(t *testing.T) (store.Store, string)
}{
	{"sqlite", func(t *testing.T) (store.Store, string) {
		path := filepath.Join(t.TempDir(), "q.db")
		st, err := sqlite.Open(context.Background(), path, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, path
	}},
	{"postgres", func(t *testing.T) (store.Store, string) {
		url := pgtest.URL(t)
		st, err := postgres.Open(context.Background(), url, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, url
	}},
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// flaky fails the first fails saves, as a database that is briefly away.
type flaky struct {
	store.Store
	fails atomic.Int32
}

var errAway = errors.New("database briefly away")

func (f *flaky) SaveArticle(ctx context.Context, a *article.Article) (store.SaveResult, error) {
	if f.fails.Add(-1) >= 0 {
		return store.SaveResult{}, errAway
	}
	return f.Store.SaveArticle(ctx, a)
}

func open(t *testing.T, dsn string, w *Workers) *Queue {
	t.Helper()
	o := Options{Logger: quiet(), Workers: w, Queues: map[string]int{Analyse: 2}, PollInterval: 50 * time.Millisecond,
		BaseBackoff: 50 * time.Millisecond, MaxAttempts: 3}
	if w == nil {
		o.Queues = nil
	}
	q, err := Open(context.Background(), dsn, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func TestQueue(t *testing.T) {
	pipe, err := pipeline.New(pipeline.Config{}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			base, dsn := b.open(t)
			st := &flaky{Store: base}
			st.fails.Store(2) // the first two saves fail: retried with backoff

			in := open(t, dsn, nil)
			var jobs []AnalyseArgs
			for n := range 12 {
				jobs = append(jobs, AnalyseArgs{Doc: report(n)})
			}
			jobs = append(jobs, AnalyseArgs{Doc: ingest.Document{Source: "empty.txt", Format: ingest.FormatText, Text: "   \n"}})
			got, err := in.EnqueueAnalyses(ctx, jobs)
			if err != nil || got.Added != 13 || got.Skipped != 0 {
				t.Fatalf("enqueue: %+v, %v", got, err)
			}
			// The same documents again: unique on their content, not queued twice.
			got, err = in.EnqueueAnalyses(ctx, jobs[:5])
			if err != nil || got.Added != 0 || got.Skipped != 5 {
				t.Fatalf("enqueue again: %+v, %v", got, err)
			}

			w := open(t, dsn, &Workers{Pipe: pipe, Store: st, Log: quiet()})
			tally, err := w.Run(ctx, true)
			if err != nil {
				t.Fatal(err)
			}
			if tally.Completed != 12 || tally.Cancelled != 1 {
				t.Errorf("tally %+v, want 12 completed, 1 cancelled", tally)
			}
			stats, err := base.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Articles != 12 || stats.Versions != 12 || stats.Statements < 12 {
				t.Errorf("stored %+v, want 12 articles with statements", stats)
			}
			if pending, err := in.Pending(ctx); err != nil || pending {
				t.Errorf("pending after until-idle: %v, %v", pending, err)
			}

			// The empty document is kept as failed, with its error.
			failed, err := in.List(ctx, 10)
			if err != nil || len(failed) != 1 || failed[0].Subject != "empty.txt" || failed[0].Error == "" || failed[0].Kind != "analyse" {
				t.Fatalf("failed jobs: %+v, %v", failed, err)
			}
			// Retrying puts it back to run.
			again, err := in.Retry(ctx, failed[0].ID)
			if err != nil || again.State != "available" {
				t.Errorf("retry: %+v, %v", again, err)
			}
			if _, err := in.Retry(ctx, 999999); !errors.Is(err, ErrNoJob) {
				t.Errorf("retry of a missing job: %v, want ErrNoJob", err)
			}
			if _, err := in.List(ctx, 10, "bogus"); err == nil {
				t.Error("unknown state accepted")
			}

			// Reanalyses of every stored article: unique per article and pipeline.
			ids, err := base.StaleArticles(ctx, "none", 0)
			if err != nil || len(ids) != 12 {
				t.Fatalf("ids: %v, %v", ids, err)
			}
			re, err := in.EnqueueReanalyses(ctx, "v-test", append(ids, ids[0]))
			if err != nil || re.Added != 12 || re.Skipped != 1 {
				t.Errorf("enqueue reanalyses: %+v, %v", re, err)
			}
			w2 := open(t, dsn, &Workers{Pipe: pipe, Store: base, Log: quiet()})
			tally, err = w2.Run(ctx, true)
			if err != nil || tally.Completed != 12 {
				t.Errorf("reanalyse run: %+v, %v", tally, err)
			}
			if after, _ := base.Stats(ctx); after.Statements != stats.Statements || after.Versions != 12 {
				t.Errorf("after reanalysis: %+v, want the same record", after)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	b := backoff{base: time.Second}
	tests := []struct {
		attempt int
		want    time.Duration
	}{{1, time.Second}, {2, 2 * time.Second}, {4, 8 * time.Second}, {30, 10 * time.Minute}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.attempt), func(t *testing.T) {
			before := time.Now()
			got := b.NextRetry(&rivertype.JobRow{Attempt: tt.attempt}).Sub(before)
			if got < tt.want || got > tt.want+time.Second {
				t.Errorf("attempt %d: wait %v, want %v", tt.attempt, got, tt.want)
			}
		})
	}
}
