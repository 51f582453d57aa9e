package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Enqueued says what an Enqueue did.
type Enqueued struct {
	Added, Skipped int // Skipped: a job with the same unique key exists
}

// EnqueueAnalyses puts analyse jobs on the queue in one insert.
func (q *Queue) EnqueueAnalyses(ctx context.Context, jobs []AnalyseArgs) (Enqueued, error) {
	var out Enqueued
	if len(jobs) == 0 {
		return out, nil
	}
	// River refuses a batch that repeats a unique key: the repeats are
	// skipped here, as they would be against the queue.
	params := make([]river.InsertManyParams, 0, len(jobs))
	seen := make(map[string]bool, len(jobs))
	for i := range jobs {
		if jobs[i].Key == "" {
			jobs[i].Key = DocumentKey(jobs[i].Doc)
		}
		if seen[jobs[i].Key] {
			out.Skipped++
			continue
		}
		seen[jobs[i].Key] = true
		params = append(params, river.InsertManyParams{Args: jobs[i]})
	}
	if len(params) == 0 {
		return out, nil
	}
	res, err := q.eng.InsertMany(ctx, params)
	if err != nil {
		return out, fmt.Errorf("queue: enqueue %d analyses: %w", len(jobs), err)
	}
	for _, r := range res {
		if r.UniqueSkippedAsDuplicate {
			out.Skipped++
		} else {
			out.Added++
		}
	}
	return out, nil
}

// EnqueueReanalyses puts reanalyse jobs for articles ids on the queue.
func (q *Queue) EnqueueReanalyses(ctx context.Context, pipeline string, ids []int64) (Enqueued, error) {
	var out Enqueued
	seen := make(map[int64]bool, len(ids))
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		params := make([]river.InsertManyParams, 0, end-start)
		for _, id := range ids[start:end] {
			if seen[id] {
				out.Skipped++
				continue
			}
			seen[id] = true
			params = append(params, river.InsertManyParams{Args: ReanalyseArgs{ArticleID: id, Pipeline: pipeline}})
		}
		if len(params) == 0 {
			continue
		}
		res, err := q.eng.InsertMany(ctx, params)
		if err != nil {
			return out, fmt.Errorf("queue: enqueue reanalyses: %w", err)
		}
		for _, r := range res {
			if r.UniqueSkippedAsDuplicate {
				out.Skipped++
			} else {
				out.Added++
			}
		}
	}
	return out, nil
}

// EnqueuePoll schedules a poll of source at (zero: now); false when a poll
// of it is already waiting.
func (q *Queue) EnqueuePoll(ctx context.Context, source string, spec json.RawMessage, at time.Time) (bool, error) {
	opts := PollArgs{}.InsertOpts()
	opts.ScheduledAt = at
	res, err := q.eng.Insert(ctx, PollArgs{Source: source, Spec: spec}, &opts)
	if err != nil {
		return false, fmt.Errorf("queue: enqueue poll of %s: %w", source, err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

// unfinished are the states of jobs still to be worked.
var unfinished = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateRetryable, rivertype.JobStateScheduled,
}

// Pending reports whether any job of the queues is still to be worked
// (waiting, running, or scheduled for a retry).
func (q *Queue) Pending(ctx context.Context, queues ...string) (bool, error) {
	p := river.NewJobListParams().States(unfinished...).First(1)
	if len(queues) > 0 {
		p = p.Queues(queues...)
	}
	res, err := q.eng.JobList(ctx, p)
	if err != nil {
		return false, fmt.Errorf("queue: list: %w", err)
	}
	return len(res.Jobs) > 0, nil
}

// Tally counts the jobs a Run finished.
type Tally struct {
	Completed, Failed, Cancelled int
}

// Run works the configured queues until ctx ends or, with untilIdle, until
// none of their jobs is left to work; then it stops, letting running jobs
// finish (a second cancellation of ctx cancels them).
func (q *Queue) Run(ctx context.Context, untilIdle bool) (Tally, error) {
	var t Tally
	if q.opts.Workers == nil {
		return t, errors.New("queue: opened without workers")
	}
	client, ok := q.eng.(interface {
		Subscribe(kinds ...river.EventKind) (<-chan *river.Event, func())
	})
	var events <-chan *river.Event
	if ok {
		ch, cancel := client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed, river.EventKindJobCancelled)
		defer cancel()
		events = ch
	}
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	if err := q.eng.Start(workCtx); err != nil {
		return t, fmt.Errorf("queue: start: %w", err)
	}
	queues := make([]string, 0, len(q.opts.Queues))
	for name := range q.opts.Queues {
		queues = append(queues, name)
	}
	if len(queues) == 0 {
		queues = []string{Analyse}
	}
	tick := time.NewTicker(q.opts.PollInterval + 100*time.Millisecond)
	defer tick.Stop()
	idle := 0
	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case ev := <-events:
			if ev == nil {
				continue
			}
			switch ev.Kind {
			case river.EventKindJobCompleted:
				t.Completed++
			case river.EventKindJobCancelled:
				t.Cancelled++
			case river.EventKindJobFailed:
				if ev.Job != nil && ev.Job.State == rivertype.JobStateDiscarded {
					t.Failed++
				}
				if ev.Job != nil && len(ev.Job.Errors) > 0 {
					q.log.WarnContext(ctx, "job failed", "id", ev.Job.ID, "kind", ev.Job.Kind, "attempt", ev.Job.Attempt,
						"error", ev.Job.Errors[len(ev.Job.Errors)-1].Error)
				}
			}
		case <-tick.C:
			if !untilIdle {
				continue
			}
			pending, err := q.Pending(ctx, queues...)
			if err != nil {
				runErr = err
				break loop
			}
			if pending {
				idle = 0
			} else if idle++; idle >= 2 {
				break loop
			}
		}
	}
	// Stop: running jobs finish; a second interrupt (the caller's context
	// for the stop) cancels them.
	stopCtx, cancel := context.WithTimeout(context.Background(), q.opts.JobTimeout+10*time.Second)
	defer cancel()
	if err := q.eng.Stop(stopCtx); err != nil {
		_ = q.eng.StopAndCancel(context.Background())
	}
	// Count what finished while stopping (events may trail the stop a
	// little; a quiet spell ends the count).
	quiet := time.NewTimer(200 * time.Millisecond)
	defer quiet.Stop()
	for {
		select {
		case ev := <-events:
			if ev == nil {
				return t, runErr
			}
			switch ev.Kind {
			case river.EventKindJobCompleted:
				t.Completed++
			case river.EventKindJobCancelled:
				t.Cancelled++
			case river.EventKindJobFailed:
				if ev.Job != nil && ev.Job.State == rivertype.JobStateDiscarded {
					t.Failed++
				}
			}
			quiet.Reset(200 * time.Millisecond)
		case <-quiet.C:
			return t, runErr
		}
	}
}

// Job is one job as listed.
type Job struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Queue       string    `json:"queue"`
	State       string    `json:"state"`
	Attempt     int       `json:"attempt"`
	MaxAttempts int       `json:"max_attempts"`
	Subject     string    `json:"subject"` // the document's source, article id or source name
	Error       string    `json:"error,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	ScheduledAt time.Time `json:"scheduled_at"`
	FinalizedAt time.Time `json:"finalized_at,omitzero"`
}

// States a listing may ask for.
const (
	StateFailed  = "failed"  // discarded after the last attempt, or cancelled
	StateRetry   = "retry"   // failed, waiting for another attempt
	StateWaiting = "waiting" // available, scheduled or running
)

// List returns up to limit jobs in the given states ("failed", "retry",
// "waiting"; none: failed and retry), newest first.
func (q *Queue) List(ctx context.Context, limit int, states ...string) ([]Job, error) {
	if len(states) == 0 {
		states = []string{StateFailed, StateRetry}
	}
	var rs []rivertype.JobState
	for _, s := range states {
		switch s {
		case StateFailed:
			rs = append(rs, rivertype.JobStateDiscarded, rivertype.JobStateCancelled)
		case StateRetry:
			rs = append(rs, rivertype.JobStateRetryable)
		case StateWaiting:
			rs = append(rs, rivertype.JobStateAvailable, rivertype.JobStateScheduled, rivertype.JobStateRunning, rivertype.JobStatePending)
		default:
			return nil, fmt.Errorf("queue: unknown state %q (want failed, retry or waiting)", s)
		}
	}
	if limit <= 0 || limit > 10000 {
		limit = 100
	}
	res, err := q.eng.JobList(ctx, river.NewJobListParams().States(rs...).OrderBy(river.JobListOrderByID, river.SortOrderDesc).First(limit))
	if err != nil {
		return nil, fmt.Errorf("queue: list: %w", err)
	}
	out := make([]Job, 0, len(res.Jobs))
	for _, j := range res.Jobs {
		out = append(out, describe(j))
	}
	return out, nil
}

func describe(j *rivertype.JobRow) Job {
	x := Job{ID: j.ID, Kind: j.Kind, Queue: j.Queue, State: string(j.State), Attempt: j.Attempt, MaxAttempts: j.MaxAttempts,
		CreatedAt: j.CreatedAt, ScheduledAt: j.ScheduledAt}
	if j.FinalizedAt != nil {
		x.FinalizedAt = *j.FinalizedAt
	}
	if n := len(j.Errors); n > 0 {
		x.Error = j.Errors[n-1].Error
	}
	var subject struct {
		Doc struct {
			Source string `json:"Source"`
		} `json:"doc"`
		ArticleID int64  `json:"article_id"`
		Source    string `json:"source"`
	}
	if json.Unmarshal(j.EncodedArgs, &subject) == nil {
		switch {
		case subject.Doc.Source != "":
			x.Subject = subject.Doc.Source
		case subject.ArticleID != 0:
			x.Subject = fmt.Sprintf("article %d", subject.ArticleID)
		default:
			x.Subject = subject.Source
		}
	}
	return x
}

// Retry puts a failed job back on the queue to run at once.
func (q *Queue) Retry(ctx context.Context, id int64) (Job, error) {
	j, err := q.eng.JobRetry(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return Job{}, fmt.Errorf("%w: %d", ErrNoJob, id)
	}
	if err != nil {
		return Job{}, fmt.Errorf("queue: retry job %d: %w", id, err)
	}
	return describe(j), nil
}
