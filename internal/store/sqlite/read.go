package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// readTx runs fn in a read-only transaction, so that its queries see one
// snapshot of the database.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.check(); err != nil {
		return err
	}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// ArticleBodies returns the date and body of the articles of ids, without
// their analyses, 500 ids a query.
func (s *Store) ArticleBodies(ctx context.Context, ids []int64) ([]store.ArticleBody, error) {
	out := []store.ArticleBody{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return store.Chunks(ids, 500, func(part []int64) error {
			args := make([]any, len(part))
			for i, id := range part {
				args[i] = id
			}
			q := "SELECT id, published, parley_text(body) FROM articles WHERE id IN (?" + strings.Repeat(", ?", len(part)-1) + ")"
			return eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
				var b store.ArticleBody
				if err := rows.Scan(&b.ID, &b.Published, &b.Body); err != nil {
					return err
				}
				out = append(out, b)
				return nil
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: article bodies: %w", err)
	}
	return out, nil
}

// Article returns article id with all its analyses.
func (s *Store) Article(ctx context.Context, id int64) (*store.StoredArticle, error) {
	var out *store.StoredArticle
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		a := &store.StoredArticle{ID: id}
		var current int
		var superseded sql.NullInt64
		var ingested, analysed string
		err := tx.QueryRowContext(ctx, `SELECT version, current, superseded_by, ingested_at, analysed_at,
				source, url, title, standfirst, published, published_basis, place, outlet, language, parley_text(body), content_hash, pipeline
			FROM articles WHERE id = ?`, id).Scan(&a.Version, &current, &superseded, &ingested, &analysed,
			&a.Source, &a.URL, &a.Title, &a.Standfirst, &a.Published, &a.PublishedBasis, &a.Place, &a.Outlet,
			&a.Language, &a.Body, hashValue{&a.ContentHash}, &a.Pipeline)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: article %d", store.ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		a.Current = current != 0
		a.SupersededBy = superseded.Int64
		if analysed == sameTime {
			analysed = ingested
		}
		a.IngestedAt, a.AnalysedAt = parseTime(ingested), parseTime(analysed)
		if err := loadAnalyses(ctx, tx, a); err != nil {
			return err
		}
		// An article stored before the caps may have more analyses than
		// anyone can read in one go: it comes cut to the caps, flagged.
		if err := capAnalyses(a); err != nil {
			return err
		}
		out = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	return out, nil
}

func loadAnalyses(ctx context.Context, tx *sql.Tx, a *store.StoredArticle) error {
	// Aliases of every actor the analyses name, in one query.
	aliases := map[int64][]string{}
	if err := eachRow(ctx, tx, `SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN (
			SELECT actor_id FROM statements WHERE article_id = ?1
			UNION SELECT actor_id FROM events WHERE article_id = ?1
			UNION SELECT target_id FROM events WHERE article_id = ?1)
		ORDER BY actor_id, alias`, []any{a.ID}, func(rows *sql.Rows) error {
		var id int64
		var alias string
		if err := rows.Scan(&id, &alias); err != nil {
			return err
		}
		aliases[id] = append(aliases[id], alias)
		return nil
	}); err != nil {
		return err
	}

	a.Statements = []article.Statement{}
	// Text cut from the body is read back from it (lean.go).
	if err := eachRow(ctx, tx, `SELECT coalesce(s.actor_id, 0), f.name, f.title, f.affiliation, f.kind,
			s.kind, `+stmtCueNow("s", "a")+`, `+stmtTextNow("s", "a")+`, coalesce(s.date, s.eff_date), s.date_basis, s.spans
		FROM statements s JOIN articles a ON a.id = s.article_id JOIN forms f ON f.id = s.form WHERE s.article_id = ? ORDER BY s.seq LIMIT ?`, []any{a.ID, store.MaxStatements + 1}, func(rows *sql.Rows) error {
		var x article.Statement
		var actor int64
		if err := rows.Scan(&actor, &x.Speaker.Name, &x.Speaker.Title, &x.Speaker.Affiliation, &x.Speaker.Kind,
			&x.Kind, &x.Cue, &x.Text, dayScan{&x.Date}, &x.DateBasis, spansValue{&x}); err != nil {
			return err
		}
		x.Kind, x.DateBasis = kindCodes.decode(x.Kind), basisCodes.decode(x.DateBasis)
		x.Speaker.Aliases = aliases[actor]
		a.Statements = append(a.Statements, x)
		return nil
	}); err != nil {
		return err
	}

	// Names and values interned in the packed rows (packstrings.go).
	strs := stringResolver(ctx, tx)
	a.Mentions = []article.Mention{}
	var mpack []byte
	switch err := tx.QueryRowContext(ctx, `SELECT data FROM mention_packs WHERE article_id = ?`, a.ID).Scan(&mpack); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		ms, err := unpackMentions(mpack, a.Body, store.MaxAnalyses+1, strs)
		if err != nil {
			return fmt.Errorf("mentions of article %d: %w", a.ID, err)
		}
		a.Mentions = ms
	}

	a.Timexes = []article.Timex{}
	var pack []byte
	switch err := tx.QueryRowContext(ctx, `SELECT data FROM timex_packs WHERE article_id = ?`, a.ID).Scan(&pack); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		ts, err := unpackTimexes(pack, a.Body, store.MaxAnalyses+1, strs)
		if err != nil {
			return fmt.Errorf("time expressions of article %d: %w", a.ID, err)
		}
		a.Timexes = ts
	}

	a.Events = []article.Event{}
	if err := eachRow(ctx, tx, `SELECT e.date, e.type, coalesce(e.actor_id, 0), fa.name, fa.title, fa.affiliation, fa.kind,
			e.has_target, coalesce(e.target_id, 0), ft.name, ft.title, ft.affiliation, ft.kind,
			`+liveTextOrSpan("e", "a")+`, e.span_start, e.span_end
		FROM events e JOIN articles a ON a.id = e.article_id
			JOIN forms fa ON fa.id = e.actor_form JOIN forms ft ON ft.id = e.target_form WHERE e.article_id = ? ORDER BY e.seq LIMIT ?`, []any{a.ID, store.MaxAnalyses + 1}, func(rows *sql.Rows) error {
		var e article.Event
		var actor, target int64
		var hasTarget bool
		var t article.Actor
		if err := rows.Scan(&e.Date, &e.Type, &actor, &e.Actor.Name, &e.Actor.Title, &e.Actor.Affiliation, &e.Actor.Kind,
			&hasTarget, &target, &t.Name, &t.Title, &t.Affiliation, &t.Kind, &e.Text, &e.Span[0], &e.Span[1]); err != nil {
			return err
		}
		e.Type = eventCodes.decode(e.Type)
		e.Actor.Aliases = aliases[actor]
		if hasTarget {
			t.Aliases = aliases[target]
			e.Target = &t
		}
		a.Events = append(a.Events, e)
		return nil
	}); err != nil {
		return err
	}
	return nil
}

// eachRow runs query in tx and calls fn for each row, closing the rows;
// it returns the first error of the query, of fn or of the iteration.
func eachRow(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		if err := fn(rows); err != nil {
			rows.Close()
			return err
		}
	}
	return closeRows(rows)
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	return errors.Join(err, rows.Close())
}

// summaryColumns are scanned by scanSummary, in this order.
const summaryColumns = `a.id, a.version, a.current, a.source, a.url, a.outlet, a.place, a.published, a.published_basis,
	a.title, a.standfirst, a.language, a.content_hash, a.pipeline, a.ingested_at,
	(SELECT count(*) FROM statements c WHERE c.article_id = a.id)`

func scanSummary(rows *sql.Rows, extra ...any) (store.ArticleSummary, error) {
	var x store.ArticleSummary
	var current int
	var ingested string
	dest := []any{&x.ID, &x.Version, &current, &x.Source, &x.URL, &x.Outlet, &x.Place, &x.Published, &x.PublishedBasis,
		&x.Title, &x.Standfirst, &x.Language, hashValue{&x.ContentHash}, &x.Pipeline, &ingested, &x.Statements}
	if err := rows.Scan(append(dest, extra...)...); err != nil {
		return x, err
	}
	x.Current = current != 0
	x.IngestedAt = parseTime(ingested)
	return x, nil
}

// where collects the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dateRange adds an inclusive range over a date column holding YYYY-MM-DD,
// YYYY-MM, YYYY or ”. A row is kept when the period its date covers
// overlaps [from, to]: appending U+FFFF, which sorts after every ASCII byte,
// turns a prefix into the end of the period it names ("2022-02" runs to
// "2022-02\uffff", past "2022-02-28").
func (w *where) dateRange(col, from, to string) {
	if from == "" && to == "" {
		return
	}
	w.add(col + " <> ''")
	if from != "" {
		w.add(col+" || char(65535) >= ?", from)
	}
	if to != "" {
		w.add(col+" <= ?", to+"\uffff")
	}
}

// Articles lists articles; see store.ArticleQuery.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]store.ArticleSummary, error) {
	if err := store.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	out := []store.ArticleSummary{}
	var w where
	from := "articles a"
	cols := summaryColumns
	order := "a.published_day DESC, a.id DESC"
	phrases := "" // the query's phrases, checked in the text (phrases.go)
	search := strings.TrimSpace(q.Query) != ""
	if search {
		plan := planFTS(store.ParseQuery(q.Query))
		if plan.match == "" {
			return out, nil // nothing searchable: nothing matches
		}
		mark := q.Mark
		if mark == [2]string{} {
			mark = [2]string{"[", "]"}
		}
		// At most store.MaxMatches candidates, the latest stored (FTS5
		// reads them off the index newest first and ranks only those);
		// the snippets are made for the page's rows only, afterwards.
		// The rank (BM25, which reads and tokenises each candidate's
		// text: most of the query's time) only when the order asks for
		// it.
		rank := "NULL"
		if q.Order == store.Relevance {
			// BM25 in Go over the candidate's text (parley_rank).
			order = "f.frank, a.id DESC"
			rank = `(SELECT parley_rank(?, ` + fmt.Sprint(avgArticleLen) + `, title, standfirst, body) FROM articles WHERE id = articles_fts.rowid)`
			w.args = append(w.args, plan.all)
		}
		from = `(SELECT rowid AS fid, ` + rank + ` AS frank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
			JOIN articles a ON a.id = f.fid`
		w.args = append(w.args, plan.match, store.MaxMatches)
		phrases = plan.phrases
		defer func() {
			if q.NoSnippet || q.IDsOnly {
				return
			}
			if err := s.snippets(ctx, plan.terms, mark, out); err != nil {
				s.log.WarnContext(ctx, "sqlite: snippets", "err", err)
			}
		}()
	}
	if !q.IncludeSuperseded {
		w.add("a.current = 1")
	}
	if q.Outlet != "" {
		w.add("a.outlet = ? COLLATE NOCASE", q.Outlet)
	}
	if q.Pipeline != "" {
		w.add("a.pipeline = ?", q.Pipeline)
	}
	w.dateRange("a.published_day", q.From, q.To)
	if q.After != nil {
		if search && q.Order == store.Relevance {
			return nil, fmt.Errorf("%w: keyset paging (After) needs Newest order; use Offset with Relevance", store.ErrInvalid)
		}
		w.add("(a.published_day, a.id) < (?, ?)", q.After.Published, q.After.ID)
	}
	sqlText := "SELECT " + cols + " FROM " + from + w.String() + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	if q.IDsOnly {
		sqlText = "SELECT a.id FROM " + from + w.String() + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	}
	args := w.args
	if search {
		// The page is chosen from the candidates' keys first and its
		// summaries read afterwards: SQLite computes every selected
		// column (a statement count each) of every row it sorts.
		// The candidates are sorted whole, the page taken afterwards
		// (wholeSort).
		keys := `SELECT pid, pday, prank FROM (SELECT a.id AS pid, a.published_day AS pday, f.frank AS prank FROM ` + from + w.String() +
			" ORDER BY " + order + ` LIMIT -1)`
		if phrases != "" {
			// The query's phrases are checked in the sorted candidates'
			// text, in order, until the page is full (phrases.go). LIMIT
			// -1 also keeps SQLite from moving the check before the sort.
			keys += ` WHERE (SELECT parley_phrases(?, title, standfirst, body) FROM articles WHERE id = pid)`
			args = append(args, phrases)
		}
		keys += " LIMIT ? OFFSET ?"
		sqlText = "SELECT " + cols + ` FROM (` + keys + `) p JOIN articles a ON a.id = p.pid ORDER BY ` +
			strings.NewReplacer("f.frank", "p.prank", "a.published_day", "p.pday", "a.id", "p.pid").Replace(order)
		if q.IDsOnly {
			sqlText = "SELECT pid FROM (" + keys + ")"
		}
	}
	args = append(args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, sqlText, args, func(rows *sql.Rows) error {
			if q.IDsOnly {
				var x store.ArticleSummary
				if err := rows.Scan(&x.ID); err != nil {
					return err
				}
				out = append(out, x)
				return nil
			}
			x, err := scanSummary(rows)
			if err != nil {
				return err
			}
			out = append(out, x)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	return out, nil
}

// snippets fills the Snippet of each listed article: the text around the
// matches of terms, marked (snippet, phrases.go).
func (s *Store) snippets(ctx context.Context, terms []phrase, mark [2]string, list []store.ArticleSummary) error {
	if len(list) == 0 || len(terms) == 0 {
		return nil
	}
	at := make(map[int64]int, len(list))
	args := make([]any, 0, len(list))
	for i, x := range list {
		at[x.ID] = i
		args = append(args, x.ID)
	}
	return s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT id, title, standfirst, parley_text(body) FROM articles
			WHERE id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(list)), ",")+`)`, args, func(rows *sql.Rows) error {
			var id int64
			var title, standfirst, body string
			if err := rows.Scan(&id, &title, &standfirst, &body); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				list[i].Snippet = snippet([]string{title, standfirst, body}, terms, mark)
			}
			return nil
		})
	})
}

// Versions lists every version of the article id belongs to, newest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]store.ArticleSummary, error) {
	out := []store.ArticleSummary{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var key string
		err := tx.QueryRowContext(ctx, `SELECT source_key FROM articles WHERE id = ?`, id).Scan(&key)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: article %d", store.ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		var rows *sql.Rows
		if key == "" { // no source to relate versions by: the article alone
			rows, err = tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM articles a WHERE a.id = ?`, id)
		} else {
			rows, err = tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM articles a WHERE a.source_key = ? ORDER BY a.version DESC, a.id DESC`, key)
		}
		if err != nil {
			return err
		}
		for rows.Next() {
			x, err := scanSummary(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, x)
		}
		return closeRows(rows)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: versions of article %d: %w", id, err)
	}
	return out, nil
}

// wholeSort: a list that SQLite sorts (full-text candidates, at most
// store.MaxMatches; an actor's entries) is sorted whole in a subquery
// (LIMIT -1 keeps it from being merged into the outer one) and the page
// taken from it. SQLite's sort for ORDER BY ... LIMIT n keeps the n best
// rows in a way that costs about n for each row: counting a search's
// matches (n = 1,001) over 2,000 candidates took 42 ms at a million
// articles, 97 ms with n = 2,001, against 3 ms sorted whole.

// Statements lists statements; see store.StatementQuery.
func (s *Store) Statements(ctx context.Context, q store.StatementQuery) ([]store.StoredStatement, error) {
	if err := store.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	out := []store.StoredStatement{}
	var w where
	// The page is chosen from statements alone, the article's columns
	// joined to its rows afterwards: a join in the inner query makes SQLite
	// build a Bloom filter over every article (or drive the query by the
	// articles' index) on each page, a cost that grows with the store.
	// Conditions on the article are correlated lookups by primary key.
	// The inner query picks ids only: when it sorts (an actor's statements
	// from statements_actor, actorPlan), it sorts index entries, and only
	// the page's rows are read.
	from := "statements s"
	order := "s.eff_date DESC, s.article_id DESC, s.seq"
	if q.Order == store.StoreOrder {
		order = "s.article_id, s.seq"
	}
	outer := order
	rank := ""
	phrases := "" // the query's phrases, checked in the text (phrases.go)
	// sorts: the list is sorted, not read in an index's order (the
	// full-text candidates, an actor's entries).
	sorts := strings.TrimSpace(q.Query) != ""
	if strings.TrimSpace(q.Query) != "" {
		plan := planFTS(store.ParseQuery(q.Query))
		if plan.match == "" {
			return out, nil
		}
		// At most store.MaxMatches candidates, the latest stored, ranked.
		// The rank only when the order asks for it: BM25 over the
		// statement's text (parley_rank; the index keeps no positions).
		ftsRank := "NULL"
		if q.Order == store.Relevance {
			order, outer, rank = "f.frank, s.id", "k.frank, s.id", ", f.frank"
			ftsRank = `(SELECT parley_rank(?, ` + fmt.Sprint(avgStmtLen) + `, ` + stmtTextNow("x", "xa") + `) FROM statements x JOIN articles xa ON xa.id = x.article_id
				WHERE x.id = statements_fts.rowid)`
			w.args = append(w.args, plan.all)
		}
		from = `(SELECT rowid AS fid, ` + ftsRank + ` AS frank FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
			JOIN statements s ON s.id = f.fid`
		w.args = append(w.args, plan.match, store.MaxMatches)
		phrases = plan.phrases
	}
	if !q.IncludeSuperseded {
		w.add("(SELECT current FROM articles WHERE id = s.article_id) = 1")
	}
	// Every named speaker has an actor of the same (trimmed) name, so
	// matching the small actors table and then using statements_actor finds
	// the same rows as scanning the statements' speaker forms, faster.
	speakers := ""
	var speakerArgs []any
	if q.Speaker != "" {
		pat := "%" + likeEscape(q.Speaker) + "%"
		speakers = `SELECT id FROM actors WHERE name LIKE ? ESCAPE '\'
			UNION SELECT actor_id FROM actor_aliases WHERE alias LIKE ? ESCAPE '\'`
		speakerArgs = []any{pat, pat}
		w.add(`s.actor_id IN (`+speakers+`)`, speakerArgs...)
	}
	if q.ActorID != 0 {
		w.add("s.actor_id = ?", q.ActorID)
	}
	if (speakers != "" || q.ActorID != 0) && from == "statements s" && q.Order != store.StoreOrder && q.ArticleID == 0 &&
		(q.Kind == "" || slices.Contains(commonKinds, q.Kind)) {
		index, err := s.actorPlan(ctx, q, speakers, speakerArgs)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list statements: %w", err)
		}
		from = "statements s INDEXED BY " + index
		sorts = sorts || index == "statements_actor"
	}
	if q.ArticleID != 0 {
		w.add("s.article_id = ?", q.ArticleID)
	}
	if q.Outlet != "" {
		w.add("(SELECT outlet FROM articles WHERE id = s.article_id) = ? COLLATE NOCASE", q.Outlet)
	}
	if q.Kind != "" {
		w.add("s.kind = ?", kindCodes.encode(q.Kind))
		if !slices.Contains(commonKinds, q.Kind) {
			// The same term as statements_kind_rare's condition, so that
			// SQLite may use it; a common kind pages along the newest
			// order instead (see commonKinds).
			w.add("s." + rareKindCodeCond())
		}
	}
	w.dayRange("s.eff_date", q.From, q.To)
	if c := q.After; c != nil {
		if q.Order == store.Relevance && strings.TrimSpace(q.Query) != "" {
			return nil, fmt.Errorf("%w: keyset paging (After) needs Newest order; use Offset with Relevance", store.ErrInvalid)
		}
		if q.Order == store.StoreOrder {
			// A range on the (article_id, seq) index, then the rest of
			// the cursor's article.
			w.add("s.article_id >= ?", c.ArticleID)
			w.add("(s.article_id > ? OR s.seq > ?)", c.ArticleID, c.Seq)
		} else {
			// The first condition alone is a range SQLite seeks to on the
			// statements_newest index; the rest is checked row by row.
			day := dayInt(c.Date)
			w.add("s.eff_date <= ?", day)
			w.add("(s.eff_date < ? OR (s.eff_date = ? AND (s.article_id < ? OR (s.article_id = ? AND s.seq > ?))))",
				day, day, c.ArticleID, c.ArticleID, c.Seq)
		}
	}
	keys := `SELECT s.id AS sid` + rank + ` FROM ` + from + w.String() + " ORDER BY " + order
	args := w.args
	if sorts {
		// Sorted whole, the page taken afterwards (wholeSort).
		keys = `SELECT sid` + strings.ReplaceAll(rank, "f.", "") + ` FROM (` + keys + ` LIMIT -1)`
	}
	if phrases != "" {
		// The query's phrases are checked in the sorted candidates'
		// text, in order, until the page is full (phrases.go). LIMIT -1
		// also keeps SQLite from moving the check before the sort.
		keys += ` WHERE (SELECT parley_phrases(?, ` + stmtTextNow("x", "xa") + `) FROM statements x JOIN articles xa ON xa.id = x.article_id WHERE x.id = sid)`
		args = append(args, phrases)
	}
	keys += " LIMIT ? OFFSET ?"
	sqlText := `SELECT s.id, s.article_id, s.seq, coalesce(s.actor_id, 0), f.name, f.title,
			f.affiliation, f.kind, s.kind, ` + stmtCueNow("s", "a") + `, ` + stmtTextNow("s", "a") + `, coalesce(s.date, s.eff_date), s.date_basis, s.eff_date,
			s.spans, a.title, a.outlet, a.published, a.source, a.url
		FROM (` + keys + `) k
		JOIN statements s ON s.id = k.sid JOIN articles a ON a.id = s.article_id JOIN forms f ON f.id = s.form ORDER BY ` + outer
	if q.IDsOnly {
		sqlText = `SELECT sid FROM (` + keys + `)`
	}
	args = append(args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, sqlText, args, func(rows *sql.Rows) error {
			var x store.StoredStatement
			if q.IDsOnly {
				if err := rows.Scan(&x.ID); err != nil {
					return err
				}
				out = append(out, x)
				return nil
			}
			if err := rows.Scan(&x.ID, &x.ArticleID, &x.Seq, &x.ActorID, &x.Speaker.Name, &x.Speaker.Title,
				&x.Speaker.Affiliation, &x.Speaker.Kind, &x.Kind, &x.Cue, &x.Text, dayScan{&x.Date}, &x.DateBasis, dayScan{&x.EffectiveDate},
				spansValue{&x.Statement}, &x.ArticleTitle, &x.Outlet, &x.Published, &x.Source, &x.URL); err != nil {
				return err
			}
			x.Kind, x.DateBasis = kindCodes.decode(x.Kind), basisCodes.decode(x.DateBasis)
			out = append(out, x)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: list statements: %w", err)
	}
	return out, nil
}

// actorPlan chooses the index that lists one actor's (or one speaker's)
// statements newest first. statements_actor holds them by article, not by
// date (actorIndexSQL), so there are two ways:
//
//   - statements_actor: every entry of the actors and its row's date,
//     sorted (the index no longer carries the date: actorIndexLeanSQL):
//     about c entries and rows, c their statements;
//   - statements_newest: the newest order, skipping other actors' rows:
//     about (offset + limit)·N/c rows, N all statements.
//
// The cheaper is taken (newestCheaper), so both stay near
// √((offset + limit)·N): a few thousand rows at a million articles. The
// counts are the aggregates' (actor_stats, counters); the plan is only a
// hint, read before the list.
func (s *Store) actorPlan(ctx context.Context, q store.StatementQuery, speakers string, speakerArgs []any) (string, error) {
	if s.actorIndex != "" {
		return s.actorIndex, nil
	}
	var c, n int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		ids, args := "?", []any{q.ActorID}
		if speakers != "" {
			ids, args = speakers, speakerArgs
			if q.ActorID != 0 {
				ids, args = "SELECT ? INTERSECT SELECT * FROM ("+speakers+")", append([]any{q.ActorID}, speakerArgs...)
			}
		}
		return tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(sum(statements), 0) FROM actor_stats WHERE actor_id IN (`+ids+`)),
			(SELECT n FROM counters WHERE name = 'statements')`, args...).Scan(&c, &n)
	})
	if err != nil {
		return "", err
	}
	if newestCheaper(c, n, int64(store.ClampLimit(q.Limit))+int64(max(q.Offset, 0))) {
		return "statements_newest", nil
	}
	return "statements_actor", nil
}

// newestCheaper reports whether reading rows entries of the newest order,
// where c of n statements are wanted, costs less than sorting those c. An
// entry of the newest order costs one statement row read (0.37 µs at a
// million articles); one of the actor's, its article's current flag read
// and its place in the sort (1.8 µs): rows·n/c · 1 < c · 4. (Measured
// while statements_actor carried the date; the row read it now needs
// makes the actor's side dearer, which moves the crossover by a factor
// near √(cost ratio) in c: both ways stay within a few thousand rows.)
func newestCheaper(c, n, rows int64) bool {
	return c > 0 && 4*float64(c)*float64(c) > float64(rows)*float64(n)
}

// StaleArticles returns ids of current articles analysed by another pipeline.
func (s *Store) StaleArticles(ctx context.Context, pipeline string, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	ids := []int64{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT id FROM articles WHERE current = 1 AND pipeline <> ? ORDER BY id LIMIT ?`, []any{pipeline, limit}, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: stale articles: %w", err)
	}
	return ids, nil
}

// countStats reads the counts the aggregates migration's triggers keep; the
// publication range comes from the ends of the articles_newest index. No
// query here grows with the store.
func (s *Store) countStats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Pipelines: map[string]int64{}}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		counts := map[string]*int64{
			"articles": &st.Articles, "versions": &st.Versions, "statements": &st.Statements,
			"mentions": &st.Mentions, "timexes": &st.Timexes, "events": &st.Events,
			"actors": &st.Actors, "aliases": &st.Aliases, "speakers": &st.Speakers,
		}
		if err := eachRow(ctx, tx, `SELECT name, n FROM counters`, nil, func(rows *sql.Rows) error {
			var name string
			var n int64
			if err := rows.Scan(&name, &n); err != nil {
				return err
			}
			if p := counts[name]; p != nil {
				*p = n
			}
			return nil
		}); err != nil {
			return err
		}
		var first, last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM outlet_counts),
				(SELECT published_day FROM articles WHERE current = 1 AND published_day <> '' ORDER BY published_day LIMIT 1),
				(SELECT published_day FROM articles WHERE current = 1 AND published_day <> '' ORDER BY published_day DESC LIMIT 1)`).Scan(
			&st.Outlets, &first, &last); err != nil {
			return err
		}
		st.FirstPublished, st.LastPublished = first.String, last.String
		return eachRow(ctx, tx, `SELECT pipeline, articles FROM pipeline_counts`, nil, func(rows *sql.Rows) error {
			var p string
			var n int64
			if err := rows.Scan(&p, &n); err != nil {
				return err
			}
			st.Pipelines[p] = n
			return nil
		})
	})
	if err != nil {
		return store.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// likeEscape makes user text literal inside a LIKE pattern with ESCAPE '\'.
func likeEscape(s string) string { return likeEscaper.Replace(s) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Actors lists actors, most quoted first, then by name, from the
// aggregates (actor_stats and its ranking index).
func (s *Store) Actors(ctx context.Context, q store.ActorQuery) ([]store.StoredActor, error) {
	out := []store.StoredActor{}
	var w where
	if q.ID != 0 {
		w.add("st.actor_id = ?", q.ID)
	}
	if q.Name != "" {
		pat := "%" + likeEscape(q.Name) + "%"
		w.add(`(st.name LIKE ? ESCAPE '\' OR st.actor_id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ? ESCAPE '\'))`, pat, pat)
	}
	if q.Kind != "" {
		w.add("x.kind = ?", q.Kind)
	}
	if q.Speaking {
		w.add("st.statements > 0")
	}
	if c := q.After; c != nil {
		w.add("(st.statements < ? OR (st.statements = ? AND (st.name > ? OR (st.name = ? AND st.actor_id > ?))))",
			c.Statements, c.Statements, c.Name, c.Name, c.ID)
	}
	sqlText := `SELECT x.id, x.name, x.kind, x.title, x.affiliation, st.statements, st.mentions, st.first_date, st.last_date
		FROM actor_stats st JOIN actors x ON x.id = st.actor_id` + w.String() + `
		ORDER BY st.statements DESC, st.name, st.actor_id LIMIT ? OFFSET ?`
	args := append(w.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		byID := map[int64]int{}
		if err := eachRow(ctx, tx, sqlText, args, func(rows *sql.Rows) error {
			var x store.StoredActor
			if err := rows.Scan(&x.ID, &x.Name, &x.Kind, &x.Title, &x.Affiliation, &x.Statements, &x.Mentions, dayScan{&x.First}, dayScan{&x.Last}); err != nil {
				return err
			}
			byID[x.ID] = len(out)
			out = append(out, x)
			return nil
		}); err != nil || len(out) == 0 {
			return err
		}
		ids := make([]any, 0, len(out))
		for _, x := range out {
			ids = append(ids, x.ID)
		}
		in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")"
		if err := eachRow(ctx, tx, `SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN `+in+` ORDER BY actor_id, alias`, ids, func(rows *sql.Rows) error {
			var id int64
			var alias string
			if err := rows.Scan(&id, &alias); err != nil {
				return err
			}
			x := &out[byID[id]]
			x.Aliases = append(x.Aliases, alias)
			return nil
		}); err != nil || !q.Detail {
			return err
		}
		if err := eachRow(ctx, tx, `SELECT actor_id, outlet FROM actor_outlets WHERE actor_id IN `+in+` ORDER BY actor_id, outlet`, ids, func(rows *sql.Rows) error {
			var id int64
			var o string
			if err := rows.Scan(&id, &o); err != nil {
				return err
			}
			x := &out[byID[id]]
			x.Outlets = append(x.Outlets, o)
			return nil
		}); err != nil {
			return err
		}
		return eachRow(ctx, tx, `SELECT x.actor_id, f.name, f.title, f.affiliation, f.kind, x.n, x.first_date, x.last_date
			FROM actor_forms x JOIN forms f ON f.id = x.form
			WHERE x.actor_id IN `+in+` ORDER BY x.actor_id, x.n DESC, f.name, f.title, f.affiliation, f.kind`, ids, func(rows *sql.Rows) error {
			var id int64
			var f store.SpeakerForm
			if err := rows.Scan(&id, &f.Name, &f.Title, &f.Affiliation, &f.Kind, &f.Statements, dayScan{&f.First}, dayScan{&f.Last}); err != nil {
				return err
			}
			x := &out[byID[id]]
			x.Forms = append(x.Forms, f)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: list actors: %w", err)
	}
	return out, nil
}

// Outlets lists the outlets of current articles from outlet_counts.
func (s *Store) Outlets(ctx context.Context, limit int) ([]store.OutletCount, error) {
	out := []store.OutletCount{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT outlet, articles FROM outlet_counts ORDER BY outlet LIMIT ?`, []any{store.ClampLimit(limit)}, func(rows *sql.Rows) error {
			var o store.OutletCount
			if err := rows.Scan(&o.Name, &o.Articles); err != nil {
				return err
			}
			out = append(out, o)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: outlets: %w", err)
	}
	return out, nil
}

// Events lists events in time order, undated last.
func (s *Store) Events(ctx context.Context, q store.EventQuery) ([]store.StoredEvent, error) {
	if err := store.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	out := []store.StoredEvent{}
	var w where
	// The page is chosen from events alone, the article's columns joined
	// to its rows afterwards, conditions on the article being correlated
	// lookups by primary key (as Statements does): joined in the inner
	// query, SQLite may build a Bloom filter over every article first
	// (seconds at a million articles: the timeline's first request went
	// from 0.3 to 1.8–6.8 s once compressed bodies made the articles
	// table look cheap to read whole).
	w.add("(SELECT current FROM articles WHERE id = e.article_id) = 1")
	if q.Actor != "" {
		pat := "%" + likeEscape(q.Actor) + "%"
		// The forms whose name matches (a small table), then the events
		// naming one.
		w.add(`(e.actor_form IN (SELECT id FROM forms WHERE name LIKE ? ESCAPE '\')
			OR e.target_form IN (SELECT id FROM forms WHERE name LIKE ? ESCAPE '\'))`, pat, pat)
	}
	if q.Type != "" {
		w.add("e.type = ?", eventCodes.encode(q.Type))
	}
	if q.ArticleID != 0 {
		w.add("e.article_id = ?", q.ArticleID)
	}
	if q.Outlet != "" {
		w.add("(SELECT outlet FROM articles WHERE id = e.article_id) = ? COLLATE NOCASE", q.Outlet)
	}
	w.dateRange("e.date", q.From, q.To)
	cols := `SELECT e.id, e.article_id, e.seq, e.date, e.type, fa.name, fa.title, fa.affiliation,
			fa.kind, e.has_target, ft.name, ft.title, ft.affiliation, ft.kind,
			` + liveTextOrSpan("e", "a") + `, e.span_start, e.span_end, a.title, a.outlet, a.published, a.source, a.url`
	limit := store.ClampLimit(q.Limit)
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return store.EventParts(q, limit, func(part string, order string, limit, offset int) error {
			wp := where{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
			if part != "" {
				wp.add(part)
			}
			// Undated events are listed by article: the (article_id, seq)
			// key read backwards, stopping at the page, whatever the
			// planner's statistics say (events_date holds dated events
			// only: datedEventsSQL).
			from := "events e"
			if part == "e.date = ''" {
				from = "events e INDEXED BY sqlite_autoindex_events_1"
			}
			sqlText := cols + ` FROM (SELECT e.* FROM ` + from + wp.String() + order + ` LIMIT ? OFFSET ?) e
				JOIN articles a ON a.id = e.article_id JOIN forms fa ON fa.id = e.actor_form JOIN forms ft ON ft.id = e.target_form` + order
			args := append(wp.args, limit, offset)
			return eachRow(ctx, tx, sqlText, args, func(rows *sql.Rows) error {
				var x store.StoredEvent
				var hasTarget bool
				var t article.Actor
				if err := rows.Scan(&x.ID, &x.ArticleID, &x.Seq, &x.Date, &x.Type, &x.Actor.Name, &x.Actor.Title,
					&x.Actor.Affiliation, &x.Actor.Kind, &hasTarget, &t.Name, &t.Title, &t.Affiliation, &t.Kind,
					&x.Text, &x.Span[0], &x.Span[1], &x.ArticleTitle, &x.Outlet, &x.Published, &x.Source, &x.URL); err != nil {
					return err
				}
				x.Type = eventCodes.decode(x.Type)
				if hasTarget {
					x.Target = &t
				}
				out = append(out, x)
				return nil
			})
		}, func() int { return len(out) })
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: list events: %w", err)
	}
	return out, nil
}

// capAnalyses cuts an article's analyses to the store's caps (the queries
// read one row more than the cap, to tell) and flags it Truncated.
func capAnalyses(a *store.StoredArticle) error {
	if len(a.Statements) > store.MaxStatements {
		a.Statements, a.Truncated = a.Statements[:store.MaxStatements], true
	}
	if len(a.Mentions) > store.MaxAnalyses {
		a.Mentions, a.Truncated = a.Mentions[:store.MaxAnalyses], true
	}
	if len(a.Timexes) > store.MaxAnalyses {
		a.Timexes, a.Truncated = a.Timexes[:store.MaxAnalyses], true
	}
	if len(a.Events) > store.MaxAnalyses {
		a.Events, a.Truncated = a.Events[:store.MaxAnalyses], true
	}
	return nil
}
