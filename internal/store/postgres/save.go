package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// SaveArticle stores a and its analyses in one transaction; see package
// store for New, Duplicate and NewVersion.
func (s *Store) SaveArticle(ctx context.Context, a *article.Article) (store.SaveResult, error) {
	if a == nil {
		return store.SaveResult{}, fmt.Errorf("%w: nil article", store.ErrInvalid)
	}
	var res store.SaveResult
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		res, err = s.saveOne(ctx, tx, a, nil)
		return err
	})
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("postgres: save article %q: %w", a.Source, err)
	}
	return res, nil
}

// SaveArticles stores several articles in one transaction: all or none.
func (s *Store) SaveArticles(ctx context.Context, as []*article.Article) ([]store.SaveResult, error) {
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("%w: nil article at %d", store.ErrInvalid, i)
		}
	}
	out := make([]store.SaveResult, len(as))
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		actors := map[string]int64{}
		for i, a := range as {
			res, err := s.saveOne(ctx, tx, a, actors)
			if err != nil {
				return fmt.Errorf("article %d (%q): %w", i, a.Source, err)
			}
			out[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: save %d articles: %w", len(as), err)
	}
	return out, nil
}

// saveOne writes one article inside tx; actors caches actor ids for the
// transaction (nil: a fresh cache).
func (s *Store) saveOne(ctx context.Context, tx pgx.Tx, a *article.Article, actors map[string]int64) (store.SaveResult, error) {
	hash := contentHash(a)
	key := sourceKey(a)
	day := store.Day(a.Published)
	var res store.SaveResult
	var id int64
	var version int
	err := tx.QueryRow(ctx, `SELECT id, version FROM articles WHERE content_hash = $1`, hash).Scan(&id, &version)
	switch {
	case err == nil:
		return store.SaveResult{ID: id, Status: store.Duplicate, Version: version}, nil
	case !errors.Is(err, pgx.ErrNoRows):
		return res, err
	}
	res.Status, res.Version = store.New, 1
	if key != "" {
		var prev, top *int64
		if err := tx.QueryRow(ctx, `SELECT
				(SELECT id FROM articles WHERE source_key = $1 AND current AND source_key <> ''),
				(SELECT max(version)::bigint FROM articles WHERE source_key = $1)`, key).Scan(&prev, &top); err != nil {
			return res, err
		}
		if top != nil {
			res.Status, res.Version = store.NewVersion, int(*top)+1
		}
		if prev != nil {
			res.Previous = *prev
			if _, err := tx.Exec(ctx, `UPDATE articles SET current = false WHERE id = $1`, *prev); err != nil {
				return res, err
			}
		}
	}
	err = tx.QueryRow(ctx, `INSERT INTO articles
			(source, url, source_key, outlet, place, published, published_day, published_basis,
			 title, standfirst, body, language, content_hash, version, current, pipeline, ingested_at, analysed_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, true, $15, now(), now())
			RETURNING id`,
		a.Source, a.URL, key, a.Outlet, a.Place, a.Published, day, a.PublishedBasis,
		a.Title, a.Standfirst, a.Body, a.Language, hash, res.Version, a.Pipeline).Scan(&res.ID)
	if err != nil {
		return res, err
	}
	if res.Previous != 0 {
		if _, err := tx.Exec(ctx, `UPDATE articles SET superseded_by = $1 WHERE id = $2`, res.ID, res.Previous); err != nil {
			return res, err
		}
	}
	if err := s.at(ctx, "article"); err != nil {
		return res, err
	}
	_, err = store.ApplyOnWrite(ctx, &corrTx{s: s, tx: tx, actors: actors}, res.ID, key, day, true, true, a, nil)
	return res, err
}

// ReplaceAnalyses replaces the analyses of article id with a's in one
// transaction and records a.Pipeline (see the SQLite store).
func (s *Store) ReplaceAnalyses(ctx context.Context, id int64, a *article.Article) error {
	if a == nil {
		return fmt.Errorf("%w: nil article", store.ErrInvalid)
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var body, day string
		err := tx.QueryRow(ctx, `SELECT body, published_day FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&body, &day)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("%w: article %d", store.ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		if a.Body != "" && a.Body != body {
			return store.ErrBodyMismatch
		}
		if a.Published != "" {
			day = store.Day(a.Published)
			if _, err := tx.Exec(ctx, `UPDATE articles SET published = $1, published_day = $2, published_basis = $3 WHERE id = $4`,
				a.Published, day, a.PublishedBasis, id); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE articles SET
				place = CASE WHEN $1 <> '' THEN $1 ELSE place END,
				language = CASE WHEN $2 <> '' THEN $2 ELSE language END,
				pipeline = $3, analysed_at = now()
			WHERE id = $4`, a.Place, a.Language, a.Pipeline, id); err != nil {
			return err
		}
		for _, table := range [...]string{"statements", "mentions", "timexes", "events"} {
			// table comes from the fixed list above, never from input.
			if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE article_id = $1`, id); err != nil {
				return err
			}
		}
		if err := s.at(ctx, "deleted"); err != nil {
			return err
		}
		var key string
		var current bool
		if err := tx.QueryRow(ctx, `SELECT source_key, current FROM articles WHERE id = $1`, id).Scan(&key, &current); err != nil {
			return err
		}
		_, err = store.ApplyOnWrite(ctx, &corrTx{s: s, tx: tx}, id, key, day, current, false, a, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: replace analyses of article %d: %w", id, err)
	}
	return nil
}

// insertAnalyses writes a's analyses for article id with COPY, creating the
// actors they name.
//
// ids, when not nil, gives the statement rows their ids (0: a new one).
func (s *Store) insertAnalyses(ctx context.Context, tx pgx.Tx, id int64, day string, a *article.Article, cache map[string]int64, ids []int64) error {
	actors := actorCache{tx: tx, ids: cache}
	if len(a.Statements) > 0 {
		rows := make([][]any, 0, len(a.Statements))
		cols := []string{"article_id", "seq", "actor_id", "speaker_name", "speaker_title", "speaker_affiliation", "speaker_kind",
			"kind", "cue", "text", "date", "date_basis", "eff_date",
			"span_start", "span_end", "text_start", "text_end", "cue_start", "cue_end", "speaker_start", "speaker_end"}
		if ids != nil {
			if err := newIDs(ctx, tx, ids); err != nil {
				return err
			}
			cols = append([]string{"id"}, cols...)
		}
		for i := range a.Statements {
			x := &a.Statements[i]
			actor, err := actors.id(ctx, &x.Speaker)
			if err != nil {
				return err
			}
			eff := store.Day(x.Date)
			if eff == "" {
				eff = day
			}
			row := []any{id, i, actor,
				x.Speaker.Name, x.Speaker.Title, x.Speaker.Affiliation, x.Speaker.Kind,
				x.Kind, x.Cue, x.Text, x.Date, x.DateBasis, eff,
				x.Span[0], x.Span[1], x.TextSpan[0], x.TextSpan[1], x.CueSpan[0], x.CueSpan[1],
				x.SpeakerSpan[0], x.SpeakerSpan[1]}
			if ids != nil {
				row = append([]any{ids[i]}, row...)
			}
			rows = append(rows, row)
		}
		if err := copyRows(ctx, tx, "statements", cols, rows); err != nil {
			return err
		}
		if err := s.at(ctx, "statement"); err != nil {
			return err
		}
	}
	if len(a.Mentions) > 0 {
		rows := make([][]any, 0, len(a.Mentions))
		for i := range a.Mentions {
			m := &a.Mentions[i]
			var actor *int64
			if name := strings.TrimSpace(m.Actor); name != "" {
				kind := ""
				switch m.Type {
				case article.Person, article.Org, article.GPE:
					kind = m.Type
				}
				var err error
				if actor, err = actors.id(ctx, &article.Actor{Name: name, Kind: kind}); err != nil {
					return err
				}
			}
			rows = append(rows, []any{id, i, m.Text, m.Type, m.Actor, actor, m.Span[0], m.Span[1]})
		}
		if err := copyRows(ctx, tx, "mentions", []string{"article_id", "seq", "text", "type", "actor_name", "actor_id", "span_start", "span_end"}, rows); err != nil {
			return err
		}
	}
	if len(a.Timexes) > 0 {
		rows := make([][]any, 0, len(a.Timexes))
		for i := range a.Timexes {
			x := &a.Timexes[i]
			rows = append(rows, []any{id, i, x.Text, x.Type, x.Value, x.Span[0], x.Span[1]})
		}
		if err := copyRows(ctx, tx, "timexes", []string{"article_id", "seq", "text", "type", "value", "span_start", "span_end"}, rows); err != nil {
			return err
		}
	}
	if len(a.Events) > 0 {
		rows := make([][]any, 0, len(a.Events))
		for i := range a.Events {
			e := &a.Events[i]
			actor, err := actors.id(ctx, &e.Actor)
			if err != nil {
				return err
			}
			var target *int64
			var tgt article.Actor
			hasTarget := e.Target != nil
			if hasTarget {
				tgt = *e.Target
				if target, err = actors.id(ctx, &tgt); err != nil {
					return err
				}
			}
			rows = append(rows, []any{id, i, e.Date, e.Type, actor,
				e.Actor.Name, e.Actor.Title, e.Actor.Affiliation, e.Actor.Kind,
				hasTarget, target, tgt.Name, tgt.Title, tgt.Affiliation, tgt.Kind,
				e.Text, e.Span[0], e.Span[1]})
		}
		if err := copyRows(ctx, tx, "events", []string{"article_id", "seq", "date", "type", "actor_id", "actor_name", "actor_title", "actor_affiliation", "actor_kind",
			"has_target", "target_id", "target_name", "target_title", "target_affiliation", "target_kind", "text", "span_start", "span_end"}, rows); err != nil {
			return err
		}
	}
	return nil
}

// newIDs fills the zero ids with new ones from the statements' identity.
func newIDs(ctx context.Context, tx pgx.Tx, ids []int64) error {
	for i := range ids {
		if ids[i] != 0 {
			continue
		}
		if err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('statements', 'id'))`).Scan(&ids[i]); err != nil {
			return err
		}
	}
	return nil
}

// copyRows writes rows into table with COPY: one round trip for any number
// of rows.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("insert into %s: %w", table, err)
	}
	return nil
}

// actorCache finds or creates actors by canonical name within one
// transaction, remembering what it already wrote.
type actorCache struct {
	tx  pgx.Tx
	ids map[string]int64
}

// id returns the actor's id, nil when the actor has no name. An existing
// actor keeps its kind, title and affiliation; empty ones are filled in.
func (c *actorCache) id(ctx context.Context, a *article.Actor) (*int64, error) {
	name := strings.TrimSpace(a.Name)
	if name == "" {
		return nil, nil
	}
	key := asciiLower(name) + "\x00" + a.Kind + "\x00" + a.Title + "\x00" + a.Affiliation
	id, seen := c.ids[key]
	if !seen {
		var fill bool
		err := c.tx.QueryRow(ctx, `SELECT id, (kind = '' AND $2 <> '') OR (title = '' AND $3 <> '') OR (affiliation = '' AND $4 <> '')
			FROM actors WHERE parley_fold(name) = parley_fold($1)`, name, a.Kind, a.Title, a.Affiliation).Scan(&id, &fill)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			err = c.tx.QueryRow(ctx, `INSERT INTO actors(name, kind, title, affiliation, created_at)
				VALUES ($1, $2, $3, $4, now())
				ON CONFLICT (parley_fold(name)) DO UPDATE SET
					kind = CASE WHEN actors.kind = '' THEN excluded.kind ELSE actors.kind END,
					title = CASE WHEN actors.title = '' THEN excluded.title ELSE actors.title END,
					affiliation = CASE WHEN actors.affiliation = '' THEN excluded.affiliation ELSE actors.affiliation END
				RETURNING id`, name, a.Kind, a.Title, a.Affiliation).Scan(&id)
		case err == nil && fill:
			_, err = c.tx.Exec(ctx, `UPDATE actors SET
					kind = CASE WHEN kind = '' THEN $2 ELSE kind END,
					title = CASE WHEN title = '' THEN $3 ELSE title END,
					affiliation = CASE WHEN affiliation = '' THEN $4 ELSE affiliation END
				WHERE id = $1`, id, a.Kind, a.Title, a.Affiliation)
		}
		if err != nil {
			return nil, fmt.Errorf("actor %q: %w", name, err)
		}
		c.ids[key] = id
	}
	for _, alias := range a.Aliases {
		alias = strings.TrimSpace(alias)
		if alias == "" || strings.EqualFold(alias, name) {
			continue
		}
		akey := "alias\x00" + asciiLower(alias) + "\x00" + strconv.FormatInt(id, 10)
		if _, done := c.ids[akey]; done {
			continue
		}
		if _, err := c.tx.Exec(ctx, `INSERT INTO actor_aliases(actor_id, alias) VALUES ($1, $2)
			ON CONFLICT (actor_id, parley_fold(alias)) DO NOTHING`, id, alias); err != nil {
			return nil, fmt.Errorf("alias %q of %q: %w", alias, name, err)
		}
		c.ids[akey] = id
	}
	return &id, nil
}

// asciiLower folds ASCII letters only, as parley_fold does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// contentHash is the article's ContentHash, or the hex SHA-256 of title and
// body when the pipeline did not set one (as the SQLite store does).
func contentHash(a *article.Article) string {
	if h := strings.TrimSpace(a.ContentHash); h != "" {
		return h
	}
	sum := sha256.New()
	sum.Write([]byte(a.Title))
	sum.Write([]byte{0})
	sum.Write([]byte(a.Body))
	return hex.EncodeToString(sum.Sum(nil))
}

// sourceKey is the URL when set, else the Source.
func sourceKey(a *article.Article) string {
	if u := strings.TrimSpace(a.URL); u != "" {
		return u
	}
	return strings.TrimSpace(a.Source)
}
