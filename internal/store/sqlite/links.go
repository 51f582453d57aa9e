package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/store"
)

// The "dossier links" migration (store.DossierIndex): registered dossiers,
// their statement ↔ cell links keyed by (article_id, seq), per-day
// summaries of the links, and the change log the dossier package catches
// up from.
//
// The log is written by triggers, like the aggregates, so that every path
// that changes what a statement says or whether it counts (a new article
// or version, a version retired, a reanalysis, a correction rewriting an
// article's rows) logs the article without knowing about dossiers:
//
//   - articles: inserted, deleted, current or analysed_at or the
//     publication day changed (reanalysis sets analysed_at);
//   - statements: deleted or updated (a reanalysis or a correction deletes
//     the old rows first; an actor merge updates them);
//   - analyses_raw: written or dropped (a correction that adds a statement
//     to an article that had none deletes no statement row, but always
//     writes or drops the raw snapshot).
//
// Nothing is logged while no dossier is registered; the log is trimmed up
// to the lowest watermark after each catch-up.
const linksSQL = `
CREATE TABLE link_log (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id INTEGER NOT NULL
);
CREATE TABLE dossier_index (
	id         INTEGER PRIMARY KEY,
	hash       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL DEFAULT '',
	watermark  INTEGER NOT NULL DEFAULT 0,
	building   INTEGER NOT NULL DEFAULT 1,
	cursor     TEXT NOT NULL DEFAULT '',
	known      TEXT NOT NULL DEFAULT '',
	rev        INTEGER NOT NULL DEFAULT 0,
	links      INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL
);
CREATE TABLE dossier_links (
	dossier    INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	seq        INTEGER NOT NULL,
	n          INTEGER NOT NULL,
	issue      TEXT NOT NULL,
	party      TEXT NOT NULL,
	day        TEXT NOT NULL,
	stance     TEXT NOT NULL,
	weight     INTEGER NOT NULL,
	reported   INTEGER NOT NULL,
	derived    INTEGER NOT NULL,
	phrase     TEXT NOT NULL,
	cue        TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	ord        TEXT NOT NULL,
	PRIMARY KEY (dossier, article_id, seq, n)
) WITHOUT ROWID;
-- A cell's links in order (its latest ones), and a day's first of a
-- stance (one seek, when a link that may have been it is deleted).
CREATE INDEX dossier_links_cell ON dossier_links(dossier, issue, party, day, stance, ord);
CREATE TABLE dossier_days (
	dossier INTEGER NOT NULL,
	issue   TEXT NOT NULL,
	party   TEXT NOT NULL,
	day     TEXT NOT NULL,
	stance  TEXT NOT NULL,
	weight  INTEGER NOT NULL,
	count   INTEGER NOT NULL,
	own     INTEGER NOT NULL,
	first   TEXT NOT NULL,
	PRIMARY KEY (dossier, issue, party, day, stance)
) WITHOUT ROWID;
CREATE TRIGGER link_log_articles_ai AFTER INSERT ON articles WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (NEW.id);
END;
CREATE TRIGGER link_log_articles_au AFTER UPDATE OF current, analysed_at, published_day ON articles WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (NEW.id);
END;
CREATE TRIGGER link_log_articles_ad AFTER DELETE ON articles WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (OLD.id);
END;
CREATE TRIGGER link_log_statements_ad AFTER DELETE ON statements WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (OLD.article_id);
END;
CREATE TRIGGER link_log_statements_au AFTER UPDATE ON statements WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (OLD.article_id);
	INSERT INTO link_log(article_id) SELECT NEW.article_id WHERE NEW.article_id <> OLD.article_id;
END;
CREATE TRIGGER link_log_raw_ai AFTER INSERT ON analyses_raw WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (NEW.article_id);
END;
CREATE TRIGGER link_log_raw_au AFTER UPDATE ON analyses_raw WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (NEW.article_id);
END;
CREATE TRIGGER link_log_raw_ad AFTER DELETE ON analyses_raw WHEN EXISTS (SELECT 1 FROM dossier_index) BEGIN
	INSERT INTO link_log(article_id) VALUES (OLD.article_id);
END;
`

const dossierCols = `id, hash, name, watermark, building, cursor, known, rev, links`

func scanDossier(row interface{ Scan(...any) error }) (store.DossierState, error) {
	var d store.DossierState
	err := row.Scan(&d.ID, &d.Hash, &d.Name, &d.Watermark, &d.Building, &d.Cursor, &d.Known, &d.Rev, &d.Links)
	return d, err
}

// RegisterDossier implements store.DossierIndex.
func (s *Store) RegisterDossier(ctx context.Context, hash, name string) (store.DossierState, error) {
	var d store.DossierState
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = scanDossier(tx.QueryRowContext(ctx, `SELECT `+dossierCols+` FROM dossier_index WHERE hash = ?`, hash))
		return err
	})
	if err == nil {
		return d, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("sqlite: dossier %s: %w", name, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		// The watermark is the log's head before this dossier existed:
		// from now on the triggers log (they log only while some dossier
		// is registered), and the full pass sees everything before.
		var head int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM link_log`).Scan(&head); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_index(hash, name, watermark, building, created_at)
			VALUES (?, ?, ?, 1, ?) ON CONFLICT (hash) DO NOTHING`, hash, name, head, now()); err != nil {
			return err
		}
		var err error
		d, err = scanDossier(tx.QueryRowContext(ctx, `SELECT `+dossierCols+` FROM dossier_index WHERE hash = ?`, hash))
		return err
	})
	if err != nil {
		return d, fmt.Errorf("sqlite: register dossier %s: %w", name, err)
	}
	return d, nil
}

// DossierState implements store.DossierIndex.
func (s *Store) DossierState(ctx context.Context, id int64) (store.DossierState, error) {
	var d store.DossierState
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = scanDossier(tx.QueryRowContext(ctx, `SELECT `+dossierCols+` FROM dossier_index WHERE id = ?`, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("%w: dossier %d", store.ErrNotFound, id)
	}
	if err != nil {
		return d, fmt.Errorf("sqlite: dossier %d: %w", id, err)
	}
	return d, nil
}

// LinkHead implements store.DossierIndex. SQLite has one writer at a time,
// so every logged row up to the largest committed seq is committed.
func (s *Store) LinkHead(ctx context.Context) (int64, error) {
	var head int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM link_log`).Scan(&head)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: link log head: %w", err)
	}
	return head, nil
}

// LinkChanges implements store.DossierIndex.
func (s *Store) LinkChanges(ctx context.Context, after, upto int64) ([]int64, error) {
	var out []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT DISTINCT article_id FROM link_log WHERE seq > ? AND seq <= ? ORDER BY article_id`,
			[]any{after, upto}, func(rows *sql.Rows) error {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				out = append(out, id)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: link log: %w", err)
	}
	return out, nil
}

// WriteLinks implements store.DossierIndex.
func (s *Store) WriteLinks(ctx context.Context, w store.LinkWrite) (store.DossierState, error) {
	var d store.DossierState
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var rev int64
		err := tx.QueryRowContext(ctx, `SELECT rev FROM dossier_index WHERE id = ?`, w.Dossier).Scan(&rev)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: dossier %d", store.ErrNotFound, w.Dossier)
		}
		if err != nil {
			return err
		}
		if rev != w.Expect {
			return store.ErrConflict
		}
		var removed []store.StanceLink
		for _, id := range w.Replace {
			if err := eachRow(ctx, tx, `DELETE FROM dossier_links WHERE dossier = ? AND article_id = ? RETURNING issue, party, day, stance, weight, ord`,
				[]any{w.Dossier, id}, func(rows *sql.Rows) error {
					var l store.StanceLink
					if err := rows.Scan(&l.Issue, &l.Party, &l.Day, &l.Stance, &l.Weight, ordValue{&l.Order}); err != nil {
						return err
					}
					removed = append(removed, l)
					return nil
				}); err != nil {
				return err
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO dossier_links(dossier, article_id, seq, n, issue, party, day, stance,
				weight, reported, derived, phrase, cue, span_start, span_end, ord)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		added := make([]store.StanceLink, 0, len(w.Links))
		for _, l := range w.Links {
			ord, err := packOrd(l.Order)
			if err != nil {
				return err
			}
			r, err := ins.ExecContext(ctx, w.Dossier, l.ArticleID, l.Seq, l.N, l.Issue, l.Party, l.Day, l.Stance,
				l.Weight, l.Reported, l.Derived, l.Phrase, l.Cue, l.Span[0], l.Span[1], ord)
			if err != nil {
				return err
			}
			// A link already there (the full pass meeting a statement
			// twice) is not counted twice.
			if n, err := r.RowsAffected(); err != nil {
				return err
			} else if n == 1 {
				added = append(added, l)
			}
		}
		// The per-day sums move by what was added and removed: their
		// cost is that of the change, not of the day's links.
		for _, c := range store.DayDeltas(removed, added) {
			k := c.Key
			first, err := packOrd(c.First)
			if err != nil {
				return err
			}
			if !c.Removed {
				if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_days(dossier, issue, party, day, stance, weight, count, own, first)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (dossier, issue, party, day, stance) DO UPDATE SET
						weight = weight + excluded.weight, count = count + excluded.count, own = own + excluded.own,
						first = min(first, excluded.first)`,
					w.Dossier, k[0], k[1], k[2], k[3], c.Weight, c.Count, c.Own, first); err != nil {
					return err
				}
				continue
			}
			// Links were removed, so the row is there; its first may
			// have gone (one seek on dossier_links_cell finds the new one).
			if _, err := tx.ExecContext(ctx, `UPDATE dossier_days SET weight = weight + ?6, count = count + ?7, own = own + ?8,
					first = coalesce((SELECT min(ord) FROM dossier_links l WHERE l.dossier = ?1 AND l.issue = ?2 AND l.party = ?3 AND l.day = ?4 AND l.stance = ?5), X'')
				WHERE dossier = ?1 AND issue = ?2 AND party = ?3 AND day = ?4 AND stance = ?5`,
				w.Dossier, k[0], k[1], k[2], k[3], c.Weight, c.Count, c.Own); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_days WHERE dossier = ? AND issue = ? AND party = ? AND day = ? AND stance = ? AND count <= 0`,
				w.Dossier, k[0], k[1], k[2], k[3]); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE dossier_index SET watermark = ?, building = ?, cursor = ?, known = ?,
				rev = rev + 1, links = links + ? WHERE id = ?`,
			w.Watermark, w.Building, w.Cursor, w.Known, len(added)-len(removed), w.Dossier); err != nil {
			return err
		}
		// Log rows every dossier has read are no longer needed.
		if _, err := tx.ExecContext(ctx, `DELETE FROM link_log WHERE seq <= (SELECT min(watermark) FROM dossier_index)`); err != nil {
			return err
		}
		d, err = scanDossier(tx.QueryRowContext(ctx, `SELECT `+dossierCols+` FROM dossier_index WHERE id = ?`, w.Dossier))
		return err
	})
	if err != nil {
		if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
			return d, err
		}
		return d, fmt.Errorf("sqlite: write links of dossier %d: %w", w.Dossier, err)
	}
	return d, nil
}

// DossierDays implements store.DossierIndex.
func (s *Store) DossierDays(ctx context.Context, id int64) ([]store.CellDay, error) {
	var out []store.CellDay
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT issue, party, day, stance, weight, count, own, first FROM dossier_days
			WHERE dossier = ? ORDER BY issue, party, day, stance`, []any{id}, func(rows *sql.Rows) error {
			var c store.CellDay
			if err := rows.Scan(&c.Issue, &c.Party, &c.Day, &c.Stance, &c.Weight, &c.Count, &c.Own, ordValue{&c.First}); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: dossier %d days: %w", id, err)
	}
	return out, nil
}

const linkCols = `article_id, seq, n, issue, party, day, stance, weight, reported, derived, phrase, cue, span_start, span_end, ord`

func scanLink(rows interface{ Scan(...any) error }) (store.StanceLink, error) {
	var l store.StanceLink
	err := rows.Scan(&l.ArticleID, &l.Seq, &l.N, &l.Issue, &l.Party, &l.Day, &l.Stance, &l.Weight, &l.Reported, &l.Derived,
		&l.Phrase, &l.Cue, &l.Span[0], &l.Span[1], ordValue{&l.Order})
	return l, err
}

// DossierLinks implements store.DossierIndex.
func (s *Store) DossierLinks(ctx context.Context, id int64, issue, party string, limit int) ([]store.StanceLink, error) {
	var out []store.StanceLink
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT `+linkCols+` FROM dossier_links WHERE dossier = ? AND issue = ? AND party = ?
			ORDER BY day DESC, ord DESC LIMIT ?`, []any{id, issue, party, max(limit, 0)}, func(rows *sql.Rows) error {
			l, err := scanLink(rows)
			if err != nil {
				return err
			}
			out = append(out, l)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: dossier %d links: %w", id, err)
	}
	return out, nil
}

// DossierLink implements store.DossierIndex.
func (s *Store) DossierLink(ctx context.Context, id int64, issue, party, day, stance, order string) (store.StanceLink, error) {
	var l store.StanceLink
	ord, err := packOrd(order)
	if err != nil {
		return l, fmt.Errorf("%w: link of dossier %d", store.ErrNotFound, id)
	}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		l, err = scanLink(tx.QueryRowContext(ctx, `SELECT `+linkCols+` FROM dossier_links
			WHERE dossier = ? AND issue = ? AND party = ? AND day = ? AND stance = ? AND ord = ?`, id, issue, party, day, stance, ord))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return l, fmt.Errorf("%w: link of dossier %d", store.ErrNotFound, id)
	}
	if err != nil {
		return l, fmt.Errorf("sqlite: dossier %d link: %w", id, err)
	}
	return l, nil
}

// ArticleIssues implements store.DossierIndex.
func (s *Store) ArticleIssues(ctx context.Context, id int64, articles []int64) ([]store.StatementIssue, error) {
	out := []store.StatementIssue{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return store.Chunks(articles, 500, func(part []int64) error {
			args := []any{id}
			for _, a := range part {
				args = append(args, a)
			}
			q := `SELECT DISTINCT l.article_id, parley_span(s.spans, 0), parley_span(s.spans, 1), l.issue
				FROM dossier_links l JOIN statements s ON s.article_id = l.article_id AND s.seq = l.seq
				WHERE l.dossier = ? AND l.article_id IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
			return eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
				var x store.StatementIssue
				if err := rows.Scan(&x.ArticleID, &x.Span[0], &x.Span[1], &x.Issue); err != nil {
					return err
				}
				out = append(out, x)
				return nil
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: dossier %d issues of articles: %w", id, err)
	}
	return out, nil
}
