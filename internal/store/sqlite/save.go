package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// SaveArticle stores a and its analyses in one transaction; see package
// store for New, Duplicate and NewVersion.
func (s *Store) SaveArticle(ctx context.Context, a *article.Article) (store.SaveResult, error) {
	if a == nil {
		return store.SaveResult{}, fmt.Errorf("%w: nil article", store.ErrInvalid)
	}
	if err := store.CheckSize(a); err != nil {
		return store.SaveResult{}, fmt.Errorf("sqlite: save article %q: %w: %w", a.Source, store.ErrInvalid, err)
	}
	var res store.SaveResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = s.saveOne(ctx, tx, a)
		return err
	})
	if err != nil {
		return store.SaveResult{}, fmt.Errorf("sqlite: save article %q: %w", a.Source, err)
	}
	return res, nil
}

// SaveArticles stores several articles in one transaction: all of them or,
// on error, none. Results are in the order of as; an article repeated in
// the batch is a Duplicate of its first occurrence. Batches make bulk
// ingest several times faster than one transaction per article.
func (s *Store) SaveArticles(ctx context.Context, as []*article.Article) ([]store.SaveResult, error) {
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("%w: nil article at %d", store.ErrInvalid, i)
		}
		if err := store.CheckSize(a); err != nil {
			return nil, fmt.Errorf("sqlite: article %d (%q): %w: %w", i, a.Source, store.ErrInvalid, err)
		}
	}
	out := make([]store.SaveResult, len(as))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, a := range as {
			res, err := s.saveOne(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("article %d (%q): %w", i, a.Source, err)
			}
			out[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: save %d articles: %w", len(as), err)
	}
	return out, nil
}

// saveOne writes one article inside tx.
func (s *Store) saveOne(ctx context.Context, tx *sql.Tx, a *article.Article) (store.SaveResult, error) {
	hash := contentHash(a)
	key := sourceKey(a)
	day := store.Day(a.Published)
	var res store.SaveResult
	var id int64
	var version int
	err := tx.StmtContext(ctx, s.prep.byHash).QueryRowContext(ctx, packHash(hash)).Scan(&id, &version)
	switch {
	case err == nil:
		return store.SaveResult{ID: id, Status: store.Duplicate, Version: version}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}

	res.Status, res.Version = store.New, 1
	if key != "" {
		var prev, top sql.NullInt64
		if err := tx.StmtContext(ctx, s.prep.bySource).QueryRowContext(ctx, key).Scan(&prev, &top); err != nil {
			return res, err
		}
		if top.Valid {
			res.Status, res.Version = store.NewVersion, int(top.Int64)+1
		}
		if prev.Valid {
			res.Previous = prev.Int64
			// Retire the old version first: at most one current row per source.
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET current = 0 WHERE id = ?`, prev.Int64); err != nil {
				return res, err
			}
		}
	}
	t := now()
	r, err := tx.StmtContext(ctx, s.prep.article).ExecContext(ctx,
		a.Source, a.URL, key, a.Outlet, a.Place, a.Published, day, a.PublishedBasis,
		a.Title, a.Standfirst, packBody(a.Body), a.Language, packHash(hash), res.Version, a.Pipeline, t, sameTime)
	if err != nil {
		return res, err
	}
	if res.ID, err = r.LastInsertId(); err != nil {
		return res, err
	}
	if res.Previous != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET superseded_by = ? WHERE id = ?`, res.ID, res.Previous); err != nil {
			return res, err
		}
		s.log.DebugContext(ctx, "article stored as new version", "id", res.ID, "version", res.Version, "previous", res.Previous)
	}
	// Its full-text entry is written with the transaction's others (flushFTS).
	s.fts.articles = append(s.fts.articles, res.ID)
	if err := s.at(ctx, "article"); err != nil {
		return res, err
	}
	_, err = store.ApplyOnWrite(ctx, &corrTx{s: s, tx: tx}, res.ID, key, day, true, true, a, nil)
	return res, err
}

// ReplaceAnalyses replaces the analyses of article id with a's in one
// transaction and records a.Pipeline. The metadata the pipeline derives
// (Published with its basis, Place, Language) is updated too when a has it;
// the title and body, which make the article's identity, are not.
func (s *Store) ReplaceAnalyses(ctx context.Context, id int64, a *article.Article) error {
	if a == nil {
		return fmt.Errorf("%w: nil article", store.ErrInvalid)
	}
	if err := store.CheckSize(a); err != nil {
		return fmt.Errorf("sqlite: replace analyses of %d: %w: %w", id, store.ErrInvalid, err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var body, day string
		err := tx.QueryRowContext(ctx, `SELECT parley_text(body), published_day FROM articles WHERE id = ?`, id).Scan(&body, &day)
		if errors.Is(err, sql.ErrNoRows) {
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
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET published = ?, published_day = ?, published_basis = ? WHERE id = ?`,
				a.Published, day, a.PublishedBasis, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET
				place = CASE WHEN ?1 <> '' THEN ?1 ELSE place END,
				language = CASE WHEN ?2 <> '' THEN ?2 ELSE language END,
				pipeline = ?3, analysed_at = ?4
			WHERE id = ?5`, a.Place, a.Language, a.Pipeline, now(), id); err != nil {
			return err
		}
		// The rows about to go must be in the index to leave it.
		if err := s.flushFTS(ctx, tx); err != nil {
			return err
		}
		for _, table := range [...]string{"statements", "mention_packs", "mention_actors", "timex_packs", "events"} {
			// table comes from the fixed list above, never from input.
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, id); err != nil {
				return err
			}
		}
		if err := s.at(ctx, "deleted"); err != nil {
			return err
		}
		var key string
		var current bool
		if err := tx.QueryRowContext(ctx, `SELECT source_key, current FROM articles WHERE id = ?`, id).Scan(&key, &current); err != nil {
			return err
		}
		_, err = store.ApplyOnWrite(ctx, &corrTx{s: s, tx: tx}, id, key, day, current, false, a, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: replace analyses of article %d: %w", id, err)
	}
	return nil
}

// insertAnalyses writes a's statements, mentions, timexes and events for
// article id, creating the actors they name.
//
// ids, when not nil, gives the statement rows their ids (0: a new one).
func (s *Store) insertAnalyses(ctx context.Context, tx *sql.Tx, id int64, day string, a *article.Article, ids []int64) error {
	// The store's actor cache: articles name the same actors again and
	// again (one lookup query each was 7-10% of ingest).
	actors := s.actors
	if actors == nil || actors.tx != tx {
		actors = newActorCache(tx, &s.prep)
		defer actors.close()
	}

	// The stored body, which text cut from it (fromBody) is read back from.
	// a.Body is that body whenever it is set: new articles store it, and
	// reanalysis and corrections refuse another one.
	body := a.Body
	if body == "" {
		if err := tx.QueryRowContext(ctx, `SELECT parley_text(body) FROM articles WHERE id = ?`, id).Scan(&body); err != nil {
			return fmt.Errorf("body of article %d: %w", id, err)
		}
	}

	if len(a.Statements) > 0 && ids != nil {
		// New rows get ids past every kept and existing one: SQLite's own
		// choice (the largest id + 1) could take one a later row keeps.
		var top int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM statements`).Scan(&top); err != nil {
			return err
		}
		top = max(top, slices.Max(ids))
		for i := range ids {
			if ids[i] == 0 {
				top++
				ids[i] = top
			}
		}
	}
	if len(a.Statements) > 0 {
		args := make([]any, 0, len(a.Statements)*len(tables[tStatements].cols))
		for i := range a.Statements {
			x := &a.Statements[i]
			actor, err := actors.id(ctx, &x.Speaker)
			if err != nil {
				return err
			}
			form, err := actors.form(ctx, &x.Speaker)
			if err != nil {
				return err
			}
			eff := store.Day(x.Date)
			if eff == "" {
				eff = day
			}
			// A date that is the effective one is not written twice (forms.go).
			var date any = x.Date
			if x.Date == eff {
				date = nil
			}
			var rowID any
			if i < len(ids) && ids[i] != 0 {
				rowID = ids[i]
			}
			// Text and cue that are the body's bytes at their spans are
			// left out and cut from the body when read (lean.go).
			text, cue, fb := x.Text, x.Cue, 0
			if fromBody(body, text, x.TextSpan[0], x.TextSpan[1]) {
				text, fb = "", fb|1
			}
			if fromBody(body, cue, x.CueSpan[0], x.CueSpan[1]) {
				cue, fb = "", fb|2
			}
			args = append(args, rowID, id, i, actor, form,
				kindCodes.encode(x.Kind), cue, text, fb, date, basisCodes.encode(x.DateBasis), dayInt(eff), packSpans(spansOf(x)))
		}
		if err := s.insertRows(ctx, tx, tStatements, args); err != nil {
			return err
		}
		if err := s.at(ctx, "statement"); err != nil {
			return err
		}
		// No trigger indexes inserted statements: flushFTS does, for the
		// whole transaction.
		s.fts.statements = append(s.fts.statements, id)
	}
	if len(a.Mentions) > 0 {
		// One packed row for all of them (mentionpack.go), and a row per
		// actor they name with how many do.
		var named []int64
		counts := map[int64]int{}
		for i := range a.Mentions {
			m := &a.Mentions[i]
			if name := strings.TrimSpace(m.Actor); name != "" {
				kind := ""
				switch m.Type {
				// Only these mention types name an actor; LOC and OTHER do not.
				case article.Person, article.Org, article.GPE:
					kind = m.Type
				}
				actor, err := actors.id(ctx, &article.Actor{Name: name, Kind: kind})
				if err != nil {
					return err
				}
				if aid, ok := actor.(int64); ok {
					if counts[aid] == 0 {
						named = append(named, aid)
					}
					counts[aid]++
				}
			}
		}
		pack, err := packMentionsWith(body, a.Mentions, actors.intern(ctx))
		if err != nil {
			return err
		}
		st := tx.StmtContext(ctx, s.prep.mentionPack)
		_, err = st.ExecContext(ctx, id, len(a.Mentions), pack)
		st.Close()
		if err != nil {
			return fmt.Errorf("insert into mention_packs: %w", err)
		}
		args := make([]any, 0, len(named)*len(tables[tMentionActors].cols))
		for _, actor := range named {
			args = append(args, id, actor, counts[actor])
		}
		if err := s.insertRows(ctx, tx, tMentionActors, args); err != nil {
			return err
		}
	}
	if len(a.Timexes) > 0 {
		// One packed row for all of them (timexpack.go).
		pack, err := packTimexesWith(body, a.Timexes, actors.intern(ctx))
		if err != nil {
			return err
		}
		st := tx.StmtContext(ctx, s.prep.timexPack)
		_, err = st.ExecContext(ctx, id, len(a.Timexes), pack)
		st.Close()
		if err != nil {
			return fmt.Errorf("insert into timex_packs: %w", err)
		}
	}
	if len(a.Events) > 0 {
		args := make([]any, 0, len(a.Events)*len(tables[tEvents].cols))
		for i := range a.Events {
			e := &a.Events[i]
			actor, err := actors.id(ctx, &e.Actor)
			if err != nil {
				return err
			}
			var target any
			var tgt article.Actor
			hasTarget := e.Target != nil
			if hasTarget {
				tgt = *e.Target
				if target, err = actors.id(ctx, &tgt); err != nil {
					return err
				}
			}
			actorForm, err := actors.form(ctx, &e.Actor)
			if err != nil {
				return err
			}
			targetForm, err := actors.form(ctx, &tgt)
			if err != nil {
				return err
			}
			args = append(args, id, i, e.Date, eventCodes.encode(e.Type), actor, actorForm,
				hasTarget, target, targetForm,
				orSpan(body, e.Text, e.Span), e.Span[0], e.Span[1])
		}
		if err := s.insertRows(ctx, tx, tEvents, args); err != nil {
			return err
		}
	}
	return nil
}

// orSpan is the value stored for an analysis' text: NULL when it is the
// body's bytes at its span (read back from there, lean.go), else the text.
func orSpan(body, text string, span article.Span) any {
	if fromBody(body, text, span[0], span[1]) {
		return nil
	}
	return text
}

// ftsQueue lists what a write transaction still has to put in the
// full-text indexes: new articles, and the articles whose statements it
// inserted. One INSERT ... SELECT each at the end (flushFTS) makes one
// FTS5 segment per transaction; indexing row by row flushed a segment at
// every statement savepoint in between.
type ftsQueue struct {
	articles, statements []int64
}

// flushFTS indexes the queued rows and empties the queue. It runs before
// the transaction commits (inTx) and before rows are deleted (a row must
// be in the index to be taken out of it). The queue lives on the Store:
// the writer pool has one connection, so one write transaction at a time.
func (s *Store) flushFTS(ctx context.Context, tx *sql.Tx) error {
	for _, x := range []struct {
		ids *[]int64
		sql string
	}{
		{&s.fts.articles, `INSERT INTO articles_fts(rowid, title, standfirst, body)
			SELECT id, title, standfirst, parley_text(body) FROM articles WHERE id IN (%s)`},
		{&s.fts.statements, `INSERT INTO statements_fts(rowid, text)
			SELECT s.id, ` + stmtTextNow("s", "a") + ` FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.article_id IN (%s)`},
	} {
		ids := *x.ids
		for len(ids) > 0 {
			n := min(len(ids), 500)
			args := make([]any, n)
			for i, id := range ids[:n] {
				args[i] = id
			}
			q := fmt.Sprintf(x.sql, strings.TrimSuffix(strings.Repeat("?,", n), ","))
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("full-text index: %w", err)
			}
			ids = ids[n:]
		}
		*x.ids = (*x.ids)[:0]
	}
	return nil
}

// Tables written with multi-row INSERTs.
const (
	tStatements = iota
	tMentionActors
	tEvents
	nTables
)

// tables lists the columns insertRows writes, in argument order.
var tables = [nTables]struct {
	name string
	cols []string
}{
	tStatements: {"statements", []string{"id", "article_id", "seq", "actor_id", "form",
		"kind", "cue", "text", "from_body", "date", "date_basis", "eff_date", "spans"}},
	tMentionActors: {"mention_actors", []string{"article_id", "actor_id", "n"}},
	tEvents: {"events", []string{"article_id", "seq", "date", "type", "actor_id", "actor_form",
		"has_target", "target_id", "target_form", "text", "span_start", "span_end"}},
}

// rowBatches are the row counts of the prepared multi-row INSERTs: any
// number of rows is written as chunks of 16 and then the binary
// decomposition of the rest, so five statements per table cover all sizes.
// One INSERT of many rows costs far less than as many single-row ones.
var rowBatches = [...]int{16, 8, 4, 2, 1}

// insertSQL builds the INSERT of n rows into table t.
func insertSQL(t, n int) string {
	cols := tables[t].cols
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	rows := strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	return "INSERT INTO " + tables[t].name + " (" + strings.Join(cols, ", ") + ") VALUES " + rows
}

// insertRows writes rows (their arguments flattened, len(cols) per row) into
// table t with as few statements as rowBatches allow.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, t int, args []any) error {
	width := len(tables[t].cols)
	for len(args) > 0 {
		n := len(args) / width
		for k, size := range rowBatches {
			if n < size {
				continue
			}
			st := tx.StmtContext(ctx, s.prep.multi[t][k])
			_, err := st.ExecContext(ctx, args[:size*width]...)
			st.Close()
			if err != nil {
				return fmt.Errorf("insert into %s: %w", tables[t].name, err)
			}
			args = args[size*width:]
			break
		}
	}
	return nil
}

// actorCache finds or creates actors by canonical name within one
// transaction, remembering what it already wrote (in ids, which inTx keeps
// from one transaction to the next). What changes actors or aliases
// otherwise calls forget.
type actorCache struct {
	tx   *sql.Tx
	prep *prepared
	ids  map[string]int64
	// forms: form ids (form).
	forms map[formKey]int64
	// strs: pack_strings ids (intern, packstrings.go).
	strs map[string]int64
	// Statements bound to tx, made on first use.
	bound map[*sql.Stmt]*sql.Stmt
}

func (c *actorCache) stmt(ctx context.Context, st *sql.Stmt) *sql.Stmt {
	if b, ok := c.bound[st]; ok {
		return b
	}
	if c.bound == nil {
		c.bound = map[*sql.Stmt]*sql.Stmt{}
	}
	b := c.tx.StmtContext(ctx, st)
	c.bound[st] = b
	return b
}

func newActorCache(tx *sql.Tx, prep *prepared) *actorCache {
	return &actorCache{tx: tx, prep: prep, ids: map[string]int64{}, forms: map[formKey]int64{}, strs: map[string]int64{}}
}

// forget drops what c remembers: an actor or alias was removed.
func (c *actorCache) forget() {
	if c != nil {
		clear(c.ids)
	}
}

func (c *actorCache) close() {
	for _, b := range c.bound {
		b.Close()
	}
}

// id returns the actor's id as a driver value: nil when the actor has no
// name (an unnamed speaker), so the row's actor_id is NULL. An existing
// actor keeps its kind, title and affiliation; empty ones are filled in.
// It reads before it writes: most actors exist already, and a read needs
// no statement savepoint (each of which makes FTS5 flush).
func (c *actorCache) id(ctx context.Context, a *article.Actor) (any, error) {
	name := strings.TrimSpace(a.Name)
	if name == "" {
		return nil, nil
	}
	key := asciiLower(name) + "\x00" + a.Kind + "\x00" + a.Title + "\x00" + a.Affiliation
	id, seen := c.ids[key]
	if !seen {
		var fill bool
		err := c.stmt(ctx, c.prep.actorByName).QueryRowContext(ctx, name, a.Kind, a.Title, a.Affiliation).Scan(&id, &fill)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			err = c.stmt(ctx, c.prep.actor).QueryRowContext(ctx, name, a.Kind, a.Title, a.Affiliation, now()).Scan(&id)
		case err == nil && fill:
			_, err = c.stmt(ctx, c.prep.actorFill).ExecContext(ctx, id, a.Kind, a.Title, a.Affiliation)
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
		if _, err := c.stmt(ctx, c.prep.alias).ExecContext(ctx, id, alias); err != nil {
			return nil, fmt.Errorf("alias %q of %q: %w", alias, name, err)
		}
		c.ids[akey] = id
	}
	return id, nil
}

// formKey is a form's four strings, as written.
type formKey struct{ name, title, affiliation, kind string }

// form returns the id of a's form (name, title, affiliation and kind as
// written, forms.go), adding the form when it is new. Like actor ids, form
// ids are remembered (in c.forms), read before written.
func (c *actorCache) form(ctx context.Context, a *article.Actor) (int64, error) {
	key := formKey{a.Name, a.Title, a.Affiliation, a.Kind}
	if id, ok := c.forms[key]; ok {
		return id, nil
	}
	var id int64
	err := c.stmt(ctx, c.prep.formByKey).QueryRowContext(ctx, a.Name, a.Title, a.Affiliation, a.Kind).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = c.stmt(ctx, c.prep.form).QueryRowContext(ctx, a.Name, a.Title, a.Affiliation, a.Kind).Scan(&id)
	}
	if err != nil {
		return 0, fmt.Errorf("speaker form %q: %w", a.Name, err)
	}
	c.forms[key] = id
	return id, nil
}

// asciiLower folds ASCII letters only, as SQLite's NOCASE collation does.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// contentHash is the article's ContentHash, or when the pipeline did not set
// one, the hex SHA-256 of title and body: the store must always have an
// identity to deduplicate on.
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

// sourceKey names "the same article" across versions: its URL when it has
// one (the same story fetched again), else its Source (a path or feed id).
func sourceKey(a *article.Article) string {
	if u := strings.TrimSpace(a.URL); u != "" {
		return u
	}
	return strings.TrimSpace(a.Source)
}

// prepared holds the write statements, prepared once on the writer
// connection; transactions use them through Tx.StmtContext, which reuses
// the connection's prepared statement instead of compiling SQL again.
type prepared struct {
	byHash, bySource, article            *sql.Stmt
	timexPack, mentionPack               *sql.Stmt
	stringByValue, stringAdd             *sql.Stmt
	actor, alias, actorByName, actorFill *sql.Stmt
	form, formByKey                      *sql.Stmt
	// multi[t][k] inserts rowBatches[k] rows into tables[t].
	multi [nTables][len(rowBatches)]*sql.Stmt
}

func (p *prepared) prepare(ctx context.Context, db *sql.DB) error {
	for _, x := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&p.byHash, `SELECT id, version FROM articles WHERE content_hash = ?`},
		// The current version and the highest version of a source. The
		// "source_key <> ''" repeats the partial index's condition so that
		// SQLite uses that index instead of scanning current articles.
		{&p.bySource, `SELECT (SELECT id FROM articles WHERE source_key = ?1 AND current = 1 AND source_key <> ''),
			(SELECT max(version) FROM articles WHERE source_key = ?1)`},
		{&p.article, `INSERT INTO articles
			(source, url, source_key, outlet, place, published, published_day, published_basis,
			 title, standfirst, body, language, content_hash, version, current, pipeline, ingested_at, analysed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`},
		// An existing actor keeps its kind, title and affiliation; empty
		// ones are filled in. RETURNING gives the id in both cases.
		{&p.actor, `INSERT INTO actors(name, kind, title, affiliation, created_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(name) DO UPDATE SET
				kind = CASE WHEN actors.kind = '' THEN excluded.kind ELSE actors.kind END,
				title = CASE WHEN actors.title = '' THEN excluded.title ELSE actors.title END,
				affiliation = CASE WHEN actors.affiliation = '' THEN excluded.affiliation ELSE actors.affiliation END
			RETURNING id`},
		{&p.formByKey, `SELECT id FROM forms WHERE name = ? AND title = ? AND affiliation = ? AND kind = ?`},
		{&p.form, `INSERT INTO forms(name, title, affiliation, kind) VALUES (?, ?, ?, ?) RETURNING id`},
		{&p.timexPack, `INSERT INTO timex_packs(article_id, n, data) VALUES (?, ?, ?)`},
		{&p.mentionPack, `INSERT INTO mention_packs(article_id, n, data) VALUES (?, ?, ?)`},
		{&p.stringByValue, `SELECT id FROM pack_strings WHERE s = ?`},
		{&p.stringAdd, `INSERT INTO pack_strings(s) VALUES (?) RETURNING id`},
		{&p.alias, `INSERT OR IGNORE INTO actor_aliases(actor_id, alias) VALUES (?, ?)`},
		{&p.actorByName, `SELECT id, kind = '' AND ?2 <> '' OR title = '' AND ?3 <> '' OR affiliation = '' AND ?4 <> ''
			FROM actors WHERE name = ?1`},
		{&p.actorFill, `UPDATE actors SET
				kind = CASE WHEN kind = '' THEN ?2 ELSE kind END,
				title = CASE WHEN title = '' THEN ?3 ELSE title END,
				affiliation = CASE WHEN affiliation = '' THEN ?4 ELSE affiliation END
			WHERE id = ?1`},
	} {
		st, err := db.PrepareContext(ctx, x.sql)
		if err != nil {
			return fmt.Errorf("sqlite: prepare: %w", err)
		}
		*x.dst = st
	}
	for t := range p.multi {
		for k, n := range rowBatches {
			st, err := db.PrepareContext(ctx, insertSQL(t, n))
			if err != nil {
				return fmt.Errorf("sqlite: prepare: %w", err)
			}
			p.multi[t][k] = st
		}
	}
	return nil
}

func (p *prepared) close() {
	all := []*sql.Stmt{p.byHash, p.bySource, p.article, p.timexPack, p.mentionPack, p.stringByValue, p.stringAdd, p.actor, p.alias, p.actorByName, p.actorFill, p.form, p.formByKey}
	for _, m := range p.multi {
		all = append(all, m[:]...)
	}
	for _, st := range all {
		if st != nil {
			st.Close()
		}
	}
}
