package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley/internal/store"
)

const stanceCols = `issue, party, stance, since, article_id, span_start, span_end, speaker, text, date, outlet, url`

func stanceArgs(c store.StanceCell) []any {
	return []any{c.Issue, c.Party, c.Stance, c.Since, c.ArticleID, c.Span[0], c.Span[1], c.Speaker, c.Text, c.Date, c.Outlet, c.URL}
}

// RecordStances implements store.StanceHistory.
func (s *Store) RecordStances(ctx context.Context, dossier string, cells []store.StanceCell, at time.Time) ([]store.StanceChange, error) {
	if dossier == "" {
		return nil, fmt.Errorf("%w: no dossier name", store.ErrInvalid)
	}
	var changes []store.StanceChange
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		changes = nil
		// One computation of a dossier at a time: the row lock orders them.
		tag, err := tx.Exec(ctx, `INSERT INTO stance_dossiers(dossier, first_at) VALUES ($1, $2) ON CONFLICT (dossier) DO NOTHING`, dossier, at.UTC())
		if err != nil {
			return err
		}
		baseline := tag.RowsAffected() == 1
		if _, err := tx.Exec(ctx, `SELECT 1 FROM stance_dossiers WHERE dossier = $1 FOR UPDATE`, dossier); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT issue, party, stance FROM stances WHERE dossier = $1`, dossier)
		if err != nil {
			return err
		}
		var old []store.StanceCell
		for rows.Next() {
			var c store.StanceCell
			if err := rows.Scan(&c.Issue, &c.Party, &c.Stance); err != nil {
				rows.Close()
				return err
			}
			old = append(old, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM stances WHERE dossier = $1`, dossier); err != nil {
			return err
		}
		for _, c := range cells {
			if _, err := tx.Exec(ctx, `INSERT INTO stances(dossier, `+stanceCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
				ON CONFLICT (dossier, issue, party) DO UPDATE SET stance = EXCLUDED.stance`,
				append([]any{dossier}, stanceArgs(c)...)...); err != nil {
				return err
			}
		}
		changes = store.DiffStances(dossier, old, baseline, cells, at)
		for i := range changes {
			c := &changes[i]
			err := tx.QueryRow(ctx, `INSERT INTO stance_changes(dossier, from_stance, `+stanceCols+`, at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
				append(append([]any{dossier, c.From}, stanceArgs(c.StanceCell)...), c.At)...).Scan(&c.ID)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: record stances of %q: %w", dossier, err)
	}
	return changes, nil
}

// StanceChanges implements store.StanceHistory.
func (s *Store) StanceChanges(ctx context.Context, dossier string, limit, offset int) ([]store.StanceChange, error) {
	var out []store.StanceChange
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, from_stance, `+stanceCols+`, at FROM stance_changes
			WHERE dossier = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`, dossier, store.ClampLimit(limit), max(offset, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := store.StanceChange{Dossier: dossier}
			if err := rows.Scan(&c.ID, &c.From, &c.Issue, &c.Party, &c.Stance, &c.Since, &c.ArticleID, &c.Span[0], &c.Span[1],
				&c.Speaker, &c.Text, &c.Date, &c.Outlet, &c.URL, &c.At); err != nil {
				return err
			}
			c.At = c.At.UTC()
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stance changes of %q: %w", dossier, err)
	}
	return out, nil
}
