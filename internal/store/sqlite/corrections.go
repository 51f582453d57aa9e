package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// AddCorrections stores cs and applies them in one transaction.
func (s *Store) AddCorrections(ctx context.Context, cs []store.Correction) ([]store.Correction, error) {
	var out []store.Correction
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = store.AddCorrectionsTx(ctx, &corrTx{s: s, tx: tx}, cs, time.Now())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return out, nil
}

// Corrections lists corrections, newest first.
func (s *Store) Corrections(ctx context.Context, q store.CorrectionQuery) ([]store.Correction, error) {
	var w where
	if q.Kind != "" {
		w.add("kind = ?", q.Kind)
	}
	if q.Status != "" {
		w.add("status = ?", q.Status)
	}
	if q.Source != "" {
		w.add("source_key = ?", q.Source)
	}
	if q.After > 0 {
		w.add("id < ?", q.After)
	}
	query := `SELECT id, data, status, problem FROM corrections` + w.String() + ` ORDER BY id DESC LIMIT ?`
	var out []store.Correction
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = scanCorrections(ctx, tx, query, append(w.args, store.ClampLimit(q.Limit)))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: corrections: %w", err)
	}
	return out, nil
}

func scanCorrections(ctx context.Context, tx *sql.Tx, query string, args []any) ([]store.Correction, error) {
	out := []store.Correction{}
	err := eachRow(ctx, tx, query, args, func(rows *sql.Rows) error {
		var c store.Correction
		var id int64
		var data, status, problem string
		if err := rows.Scan(&id, &data, &status, &problem); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			return fmt.Errorf("correction %d: %w", id, err)
		}
		c.ID, c.Status, c.Problem = id, status, problem
		out = append(out, c)
		return nil
	})
	return out, err
}

// corrTx is store.CorrectionTx on one write transaction.
type corrTx struct {
	s  *Store
	tx *sql.Tx
}

func (c *corrTx) ArticleInfo(ctx context.Context, id int64) (source, body, day string, current bool, err error) {
	var cur int
	err = c.tx.QueryRowContext(ctx, `SELECT source_key, parley_text(body), published_day, current FROM articles WHERE id = ?`, id).
		Scan(&source, &body, &day, &cur)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("%w: article %d", store.ErrNotFound, id)
	}
	return source, body, day, cur != 0, err
}

func (c *corrTx) CurrentBySource(ctx context.Context, source string) (int64, error) {
	var id int64
	err := c.tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE source_key = ? AND current = 1 AND source_key <> ''`, source).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func (c *corrTx) StatementRow(ctx context.Context, id int64) (int64, int, error) {
	var aid int64
	var seq int
	err := c.tx.QueryRowContext(ctx, `SELECT article_id, seq FROM statements WHERE id = ?`, id).Scan(&aid, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	return aid, seq, err
}

func (c *corrTx) Rows(ctx context.Context, id int64) (*article.Article, error) {
	a := &store.StoredArticle{ID: id}
	if err := c.tx.QueryRowContext(ctx, `SELECT parley_text(body) FROM articles WHERE id = ?`, id).Scan(&a.Body); err != nil {
		return nil, err
	}
	if err := loadAnalyses(ctx, c.tx, a); err != nil {
		return nil, err
	}
	return &a.Article, nil
}

func (c *corrTx) DeleteRows(ctx context.Context, id int64) error {
	// The rows about to go must be in the full-text index to leave it.
	if err := c.s.flushFTS(ctx, c.tx); err != nil {
		return err
	}
	for _, table := range [...]string{"statements", "mention_packs", "mention_actors", "timex_packs", "events"} {
		if _, err := c.tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

func (c *corrTx) InsertRows(ctx context.Context, id int64, day string, a *article.Article, ids []int64) error {
	return c.s.insertAnalyses(ctx, c.tx, id, day, a, ids)
}

func (c *corrTx) StatementKeys(ctx context.Context, id int64) ([]store.RowKey, error) {
	var out []store.RowKey
	err := eachRow(ctx, c.tx, `SELECT id, spans FROM statements WHERE article_id = ? ORDER BY seq`,
		[]any{id}, func(rows *sql.Rows) error {
			var r store.RowKey
			var x article.Statement
			if err := rows.Scan(&r.ID, spansValue{&x}); err != nil {
				return err
			}
			r.Span, r.TextSpan = x.Span, x.TextSpan
			out = append(out, r)
			return nil
		})
	return out, err
}

func (c *corrTx) Snapshot(ctx context.Context, id int64) (store.Analyses, bool, error) {
	var x store.Analyses
	var data string
	err := c.tx.QueryRowContext(ctx, `SELECT data FROM analyses_raw WHERE article_id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return x, false, nil
	}
	if err != nil {
		return x, false, err
	}
	if err := json.Unmarshal([]byte(data), &x); err != nil {
		return x, false, fmt.Errorf("raw analyses of article %d: %w", id, err)
	}
	return x, true, nil
}

func (c *corrTx) SetSnapshot(ctx context.Context, id int64, x *store.Analyses) error {
	if x == nil {
		_, err := c.tx.ExecContext(ctx, `DELETE FROM analyses_raw WHERE article_id = ?`, id)
		return err
	}
	data, err := json.Marshal(x)
	if err != nil {
		return err
	}
	_, err = c.tx.ExecContext(ctx, `INSERT INTO analyses_raw(article_id, data) VALUES (?, ?)
		ON CONFLICT(article_id) DO UPDATE SET data = excluded.data`, id, string(data))
	return err
}

func (c *corrTx) Snapshots(ctx context.Context) ([]int64, error) {
	return c.ids(ctx, `SELECT article_id FROM analyses_raw ORDER BY article_id`)
}

func (c *corrTx) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	var out []int64
	err := eachRow(ctx, c.tx, query, args, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

func (c *corrTx) ActiveCorrections(ctx context.Context, source string) ([]store.Correction, error) {
	if c.s.corrections == 0 {
		var some bool
		if err := c.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM corrections)`).Scan(&some); err != nil {
			return nil, err
		}
		c.s.corrections = 1
		if some {
			c.s.corrections = 2
		}
	}
	if c.s.corrections == 1 {
		return nil, nil
	}
	return scanCorrections(ctx, c.tx, `SELECT id, data, status, problem FROM corrections
		WHERE (kind = 'merge' AND status <> 'undone') OR (?1 <> '' AND source_key = ?1 AND kind IN ('statement', 'add'))
		ORDER BY id`, []any{source})
}

func (c *corrTx) InsertCorrection(ctx context.Context, x *store.Correction) (int64, error) {
	data, err := json.Marshal(portable(x))
	if err != nil {
		return 0, err
	}
	source := ""
	if x.Anchor != nil {
		source = x.Anchor.Source
	}
	c.s.corrections = 2
	var id int64
	err = c.tx.QueryRowContext(ctx, `INSERT INTO corrections(kind, source_key, by_name, created_at, data, status, problem)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		x.Kind, source, x.By, x.At.UTC().Format(time.RFC3339Nano), string(data), x.Status, x.Problem).Scan(&id)
	return id, err
}

// portable is c as kept in the data column: no id, status or input ids.
func portable(c *store.Correction) store.Correction {
	p := *c
	p.ID, p.Status, p.Problem = 0, "", ""
	p.StatementID, p.ArticleID, p.ActorID, p.IntoID = 0, 0, 0, 0
	return p
}

func (c *corrTx) SetStatus(ctx context.Context, id int64, status, problem string) error {
	_, err := c.tx.ExecContext(ctx, `UPDATE corrections SET status = ?, problem = ? WHERE id = ?`, status, problem, id)
	return err
}

func (c *corrTx) ActorName(ctx context.Context, id int64) (string, error) {
	var name string
	err := c.tx.QueryRowContext(ctx, `SELECT name FROM actors WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	return name, err
}

func (c *corrTx) ResolveActor(ctx context.Context, name string) (string, string, bool, error) {
	var canon, kind string
	err := c.tx.QueryRowContext(ctx, `SELECT name, kind FROM actors WHERE name = ?`, name).Scan(&canon, &kind)
	if err == nil {
		return canon, kind, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", false, err
	}
	var n int
	err = c.tx.QueryRowContext(ctx, `SELECT count(DISTINCT a.id), min(a.name), min(a.kind) FROM actor_aliases x JOIN actors a ON a.id = x.actor_id
		WHERE x.alias = ?`, name).Scan(&n, new(sql.NullString), new(sql.NullString))
	if err != nil || n != 1 {
		return "", "", false, err
	}
	err = c.tx.QueryRowContext(ctx, `SELECT a.name, a.kind FROM actor_aliases x JOIN actors a ON a.id = x.actor_id
		WHERE x.alias = ?`, name).Scan(&canon, &kind)
	return canon, kind, err == nil, err
}

func (c *corrTx) ActorArticles(ctx context.Context, name string) ([]int64, error) {
	return c.ids(ctx, `WITH a AS (SELECT id FROM actors WHERE name = ?1)
		SELECT article_id FROM statements WHERE actor_id IN (SELECT id FROM a)
		UNION SELECT article_id FROM mention_actors WHERE actor_id IN (SELECT id FROM a)
		UNION SELECT article_id FROM events WHERE actor_id IN (SELECT id FROM a) OR target_id IN (SELECT id FROM a)
		ORDER BY 1`, strings.TrimSpace(name))
}

func (c *corrTx) AddAliases(ctx context.Context, into string, aliases []string) error {
	var id int64
	err := c.tx.QueryRowContext(ctx, `INSERT INTO actors(name, created_at) VALUES (?, ?)
		ON CONFLICT(name) DO UPDATE SET name = actors.name RETURNING id`, strings.TrimSpace(into), now()).Scan(&id)
	if err != nil {
		return err
	}
	for _, a := range aliases {
		if a = strings.TrimSpace(a); a == "" || store.SameName(a, into) {
			continue
		}
		if _, err := c.tx.ExecContext(ctx, `INSERT OR IGNORE INTO actor_aliases(actor_id, alias) VALUES (?, ?)`, id, a); err != nil {
			return err
		}
	}
	return nil
}

func (c *corrTx) RemoveAlias(ctx context.Context, into, alias string) error {
	c.s.actors.forget()
	_, err := c.tx.ExecContext(ctx, `DELETE FROM actor_aliases WHERE alias = ? AND actor_id = (SELECT id FROM actors WHERE name = ?)`,
		strings.TrimSpace(alias), strings.TrimSpace(into))
	return err
}

func (c *corrTx) ActorAliases(ctx context.Context, name string) ([]string, error) {
	var out []string
	err := eachRow(ctx, c.tx, `SELECT alias FROM actor_aliases WHERE actor_id = (SELECT id FROM actors WHERE name = ?) ORDER BY alias`,
		[]any{strings.TrimSpace(name)}, func(rows *sql.Rows) error {
			var a string
			if err := rows.Scan(&a); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	return out, err
}

func (c *corrTx) DropActorIfUnused(ctx context.Context, name string) error {
	c.s.actors.forget()
	_, err := c.tx.ExecContext(ctx, `DELETE FROM actors WHERE name = ?1
		AND NOT EXISTS (SELECT 1 FROM statements WHERE actor_id = actors.id)
		AND NOT EXISTS (SELECT 1 FROM mention_actors WHERE actor_id = actors.id)
		AND NOT EXISTS (SELECT 1 FROM events WHERE actor_id = actors.id OR target_id = actors.id)`, strings.TrimSpace(name))
	return err
}
