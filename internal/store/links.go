package store

import (
	"context"
	"errors"
	"sort"

	"github.com/parley-news/parley/internal/article"
)

// ErrConflict: a dossier's index was written by someone else since it was
// read (WriteLinks); read its state again and redo the step.
var ErrConflict = errors.New("store: dossier index changed meanwhile")

// DossierIndex keeps, for each registered dossier, the links from
// statements to its issue × party cells and a per-day summary of them, so
// that positions are folded from the summary (its size is cells × days ×
// stances), never from every statement. Both stores implement it.
//
// The store does not know how a statement links to an issue (that is
// package dossier's classifier): it keeps a change log of the articles
// whose statements changed (written by triggers on every path that writes
// statements or retires articles: ingest, new versions, reanalysis,
// corrections), and the dossier package reads the log from a dossier's
// watermark, classifies the changed articles' current statements and
// writes their links back with WriteLinks.
//
// Links are keyed by the statement's (article id, seq), not by a row id.
type DossierIndex interface {
	// RegisterDossier returns the state of the dossier with this content
	// hash, registering it (Building, watermark at the log's head) when it
	// is new.
	RegisterDossier(ctx context.Context, hash, name string) (DossierState, error)
	// DossierState returns a registered dossier's state (ErrNotFound).
	DossierState(ctx context.Context, id int64) (DossierState, error)
	// LinkHead returns the log position up to which every change is
	// committed (later catch-ups start there).
	LinkHead(ctx context.Context) (int64, error)
	// LinkChanges lists the distinct articles logged in (after, upto],
	// ascending.
	LinkChanges(ctx context.Context, after, upto int64) ([]int64, error)
	// WriteLinks applies w in one transaction: it fails with ErrConflict
	// unless the dossier's state is still at w.Expect.
	WriteLinks(ctx context.Context, w LinkWrite) (DossierState, error)
	// DossierDays returns every per-day summary row of a dossier, by
	// issue, party, day and stance.
	DossierDays(ctx context.Context, id int64) ([]CellDay, error)
	// DossierLinks returns the latest limit links of one cell, latest
	// first (by day, then Order).
	DossierLinks(ctx context.Context, id int64, issue, party string, limit int) ([]StanceLink, error)
	// ArticleIssues returns the issues the statements of these articles
	// are linked to in the dossier, with each statement's span in its
	// article's body (one row per statement and issue, in no set order):
	// what the timeline marks its facts with.
	ArticleIssues(ctx context.Context, id int64, articles []int64) ([]StatementIssue, error)
	// DossierLink returns the link of one cell with this day, stance and
	// Order (ErrNotFound).
	DossierLink(ctx context.Context, id int64, issue, party, day, stance, order string) (StanceLink, error)
}

// DossierState is where a dossier's index stands.
type DossierState struct {
	ID   int64  `json:"id"`
	Hash string `json:"hash"`
	Name string `json:"name"`
	// Watermark: the links reflect every change logged up to it (once
	// Building is over).
	Watermark int64 `json:"watermark"`
	// Building: the first full pass is under way; Cursor (opaque to the
	// store) says how far it went.
	Building bool   `json:"building"`
	Cursor   string `json:"cursor,omitempty"`
	// Known is the speakers' sides the links were made with (opaque JSON).
	Known string `json:"-"`
	// Rev changes on every WriteLinks: the compare-and-set token.
	Rev int64 `json:"rev"`
	// Links counts the dossier's links.
	Links int64 `json:"links"`
}

// StanceLink is one link from a statement to a cell.
type StanceLink struct {
	ArticleID int64 `json:"article_id"`
	Seq       int   `json:"seq"`
	// N is the link's place among its statement's links.
	N      int    `json:"n"`
	Issue  string `json:"issue"`
	Party  string `json:"party"`
	Day    string `json:"day"`
	Stance string `json:"stance"`
	// Weight is what the link counts for in its day's vote (2 first-hand, 1 else).
	Weight   int    `json:"weight"`
	Reported bool   `json:"reported"`
	Derived  bool   `json:"derived"`
	Phrase   string `json:"phrase"`
	Cue      string `json:"cue"`
	// Span is the phrase's offsets in the statement's text.
	Span article.Span `json:"span"`
	// Order sorts the links of one day (bytewise) in the order positions
	// are folded in; unique per cell and day.
	Order string `json:"order"`
}

// StatementIssue says that the statement at Span of an article is linked
// to Issue (DossierIndex.ArticleIssues).
type StatementIssue struct {
	ArticleID int64        `json:"article_id"`
	Span      article.Span `json:"span"`
	Issue     string       `json:"issue"`
}

// CellDay sums a cell's links of one day and one stance.
type CellDay struct {
	Issue  string `json:"issue"`
	Party  string `json:"party"`
	Day    string `json:"day"`
	Stance string `json:"stance"`
	Weight int    `json:"weight"`
	Count  int    `json:"count"`
	// Own counts the first-hand links (neither reported nor derived).
	Own int `json:"own"`
	// First is the smallest Order among them.
	First string `json:"first"`
}

// LinkWrite is one step of indexing a dossier.
type LinkWrite struct {
	Dossier int64
	// Expect is the state's Rev the step was computed from.
	Expect int64
	// Replace: articles whose links are all dropped before Links are added.
	Replace []int64
	// Links to add; a link already there (same statement and N) is kept.
	Links []StanceLink
	// The state after the step.
	Watermark int64
	Building  bool
	Cursor    string
	Known     string
}

// DayDelta is what one WriteLinks changes in one CellDay row: the sums of
// the links added minus those removed, the smallest Order added, and
// whether links were removed (then First must be found again: the
// removed one may have been it, and the row goes when Count falls to 0).
type DayDelta struct {
	Key                [4]string
	Weight, Count, Own int
	First              string
	Removed            bool
}

// DayDeltas sums removed and added links by issue, party, day and stance,
// in key order (writers touch rows in the same order).
func DayDeltas(removed, added []StanceLink) []DayDelta {
	by := map[[4]string]*DayDelta{}
	get := func(l StanceLink) *DayDelta {
		k := [4]string{l.Issue, l.Party, l.Day, l.Stance}
		d := by[k]
		if d == nil {
			d = &DayDelta{Key: k}
			by[k] = d
		}
		return d
	}
	for _, l := range removed {
		d := get(l)
		d.Removed = true
		d.Weight -= l.Weight
		d.Count--
		if l.Weight == 2 {
			d.Own--
		}
	}
	for _, l := range added {
		d := get(l)
		d.Weight += l.Weight
		d.Count++
		if l.Weight == 2 {
			d.Own++
		}
		if d.First == "" || l.Order < d.First {
			d.First = l.Order
		}
	}
	out := make([]DayDelta, 0, len(by))
	for _, d := range by {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Key, out[j].Key
		for x := range a {
			if a[x] != b[x] {
				return a[x] < b[x]
			}
		}
		return false
	})
	return out
}
