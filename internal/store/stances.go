package store

import (
	"context"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// StanceCell is one cell of a dossier's issue × party matrix as last
// computed, with the latest statement behind it.
type StanceCell struct {
	Issue  string `json:"issue"`
	Party  string `json:"party"`
	Stance string `json:"stance"`
	// Since is the date the stance has been held since ("" when unknown).
	Since string `json:"since,omitempty"`
	// Evidence: the latest statement behind the stance.
	ArticleID int64 `json:"article_id,omitempty"`
	// Span is the statement's byte offsets in that article's body.
	Span    article.Span `json:"span"`
	Speaker string       `json:"speaker,omitempty"`
	Text    string       `json:"text,omitempty"`
	Date    string       `json:"date,omitempty"`
	Outlet  string       `json:"outlet,omitempty"`
	URL     string       `json:"url,omitempty"`
}

// StanceChange is a cell whose stance changed between two computations.
type StanceChange struct {
	ID      int64  `json:"id"`
	Dossier string `json:"dossier"`
	// From is the stance before; "" when the party had none on the issue.
	From string `json:"from"`
	StanceCell
	// At is when the change was found.
	At time.Time `json:"at"`
}

// StanceHistory keeps the last computed stance of every cell of every
// dossier (by name) and the changes between computations, for alerts.
// Both stores implement it.
type StanceHistory interface {
	// RecordStances compares cells with the last recorded stances of the
	// dossier, records them and returns the changes, in the order of
	// cells. The first computation of a dossier is the baseline and
	// returns no changes; afterwards a cell seen for the first time is a
	// change from "". A cell no longer computed is forgotten silently.
	RecordStances(ctx context.Context, dossier string, cells []StanceCell, at time.Time) ([]StanceChange, error)
	// StanceChanges lists a dossier's changes, newest first, at most limit
	// (ClampLimit) from offset.
	StanceChanges(ctx context.Context, dossier string, limit, offset int) ([]StanceChange, error)
}

// DiffStances returns the changes from old to cells (see RecordStances):
// none for a baseline; otherwise one for each cell whose stance differs
// from its old one or that is new. Stores share it.
func DiffStances(dossier string, old []StanceCell, baseline bool, cells []StanceCell, at time.Time) []StanceChange {
	if baseline {
		return nil
	}
	type key struct{ issue, party string }
	prev := make(map[key]string, len(old))
	for _, c := range old {
		prev[key{c.Issue, c.Party}] = c.Stance
	}
	var out []StanceChange
	for _, c := range cells {
		from, ok := prev[key{c.Issue, c.Party}]
		if ok && from == c.Stance {
			continue
		}
		out = append(out, StanceChange{Dossier: dossier, From: from, StanceCell: c, At: at.UTC()})
	}
	return out
}
