package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		changes = nil
		var first string
		baseline := false
		err := tx.QueryRowContext(ctx, `SELECT first_at FROM stance_dossiers WHERE dossier = ?`, dossier).Scan(&first)
		if errors.Is(err, sql.ErrNoRows) {
			baseline = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO stance_dossiers(dossier, first_at) VALUES (?, ?)`, dossier, at.UTC().Format(time.RFC3339Nano)); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT issue, party, stance FROM stances WHERE dossier = ?`, dossier)
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
		if _, err := tx.ExecContext(ctx, `DELETE FROM stances WHERE dossier = ?`, dossier); err != nil {
			return err
		}
		for _, c := range cells {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO stances(dossier, `+stanceCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append([]any{dossier}, stanceArgs(c)...)...); err != nil {
				return err
			}
		}
		changes = store.DiffStances(dossier, old, baseline, cells, at)
		for i := range changes {
			c := &changes[i]
			res, err := tx.ExecContext(ctx, `INSERT INTO stance_changes(dossier, from_stance, `+stanceCols+`, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append(append([]any{dossier, c.From}, stanceArgs(c.StanceCell)...), c.At.Format(time.RFC3339Nano))...)
			if err != nil {
				return err
			}
			if c.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: record stances of %q: %w", dossier, err)
	}
	return changes, nil
}

// StanceChanges implements store.StanceHistory.
func (s *Store) StanceChanges(ctx context.Context, dossier string, limit, offset int) ([]store.StanceChange, error) {
	var out []store.StanceChange
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, from_stance, `+stanceCols+`, at FROM stance_changes
			WHERE dossier = ? ORDER BY id DESC LIMIT ? OFFSET ?`, dossier, store.ClampLimit(limit), max(offset, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := store.StanceChange{Dossier: dossier}
			var at string
			if err := rows.Scan(&c.ID, &c.From, &c.Issue, &c.Party, &c.Stance, &c.Since, &c.ArticleID, &c.Span[0], &c.Span[1],
				&c.Speaker, &c.Text, &c.Date, &c.Outlet, &c.URL, &at); err != nil {
				return err
			}
			c.At = parseTime(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: stance changes of %q: %w", dossier, err)
	}
	return out, nil
}
