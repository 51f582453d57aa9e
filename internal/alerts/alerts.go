// Package alerts finds the cells of a dossier's matrix whose stance changed
// (a party moving from against to conditional) and tells about them: the
// store keeps the last stance of every cell (store.StanceHistory), each
// ingest or reanalysis compares the new matrix with it, the changes go to
// an Atom feed per dossier (Feed) and, when configured, to a webhook
// (Webhook).
package alerts

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// Check computes dossier d's matrix from every stored statement, records it
// as the dossier name's last stances and returns the changes since the
// previous check (none the first time: that is the baseline).
func Check(ctx context.Context, st store.Store, name string, d *dossier.Dossier, log *slog.Logger, now time.Time) ([]store.StanceChange, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// From the dossier's index in the store (caught up with what was just
	// written), like positions: no statement is read but the latest ones.
	ps, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Logger: log, Evidence: 1})
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	cells := Cells(ps)
	changes, err := st.RecordStances(ctx, name, cells, now)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	return changes, nil
}

// Cells turns a matrix into the cells the store keeps: the stance, since
// when, and the latest statement behind it.
func Cells(ps []dossier.Position) []store.StanceCell {
	out := make([]store.StanceCell, 0, len(ps))
	for _, p := range ps {
		c := store.StanceCell{Issue: p.Issue, Party: p.Party, Stance: string(p.Stance)}
		if p.Since != nil {
			c.Since = *p.Since
		}
		if n := len(p.Evidence); n > 0 {
			e := p.Evidence[n-1]
			c.ArticleID, c.Span, c.Text, c.Outlet = e.ArticleID, e.Span, e.Text, e.Outlet
			switch {
			case e.Speaker != nil:
				c.Speaker = *e.Speaker
			case e.ReportedBy != nil:
				c.Speaker = *e.ReportedBy
			}
			if e.Date != nil {
				c.Date = *e.Date
			}
			if strings.HasPrefix(e.Source, "https://") || strings.HasPrefix(e.Source, "http://") {
				c.URL = e.Source
			}
		}
		out = append(out, c)
	}
	return out
}

// Name is the name a dossier file is known by: its base name without
// .yaml, as the web app lists it ("dossiers/talks.yaml" → "talks"), other
// characters than letters, digits, '-' and '_' made '-'.
func Name(file string) string {
	b := filepath.Base(file)
	b = strings.TrimSuffix(strings.TrimSuffix(b, ".yaml"), ".yml")
	var out strings.Builder
	for i := 0; i < len(b) && out.Len() < 64; i++ {
		c := b[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			out.WriteByte(c)
		} else {
			out.WriteByte('-')
		}
	}
	if out.Len() == 0 {
		return "dossier"
	}
	return out.String()
}

// Describe says a change in words: "Canada on dairy-quota: against → conditional".
func Describe(c store.StanceChange) string {
	from := c.From
	if from == "" {
		from = "no stance"
	}
	return fmt.Sprintf("%s on %s: %s → %s", c.Party, c.Issue, from, c.Stance)
}
