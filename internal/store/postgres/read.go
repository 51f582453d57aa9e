package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// ArticleBodies returns the date and body of the articles of ids, without
// their analyses, 500 ids a query.
func (s *Store) ArticleBodies(ctx context.Context, ids []int64) ([]store.ArticleBody, error) {
	out := []store.ArticleBody{}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return store.Chunks(ids, 500, func(part []int64) error {
			return eachRow(ctx, tx, "SELECT id, published, body FROM articles WHERE id = ANY($1)", []any{part}, func(rows pgx.Rows) error {
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
		return nil, fmt.Errorf("postgres: article bodies: %w", err)
	}
	return out, nil
}

// Article returns article id with all its analyses.
func (s *Store) Article(ctx context.Context, id int64) (*store.StoredArticle, error) {
	var out *store.StoredArticle
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		a := &store.StoredArticle{ID: id}
		var superseded *int64
		err := tx.QueryRow(ctx, `SELECT version, current, superseded_by, ingested_at, analysed_at,
				source, url, title, standfirst, published, published_basis, place, outlet, language, body, content_hash, pipeline
			FROM articles WHERE id = $1`, id).Scan(&a.Version, &a.Current, &superseded, &a.IngestedAt, &a.AnalysedAt,
			&a.Source, &a.URL, &a.Title, &a.Standfirst, &a.Published, &a.PublishedBasis, &a.Place, &a.Outlet,
			&a.Language, &a.Body, &a.ContentHash, &a.Pipeline)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("%w: article %d", store.ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		if superseded != nil {
			a.SupersededBy = *superseded
		}
		a.IngestedAt, a.AnalysedAt = a.IngestedAt.UTC(), a.AnalysedAt.UTC()
		if err := loadAnalyses(ctx, tx, a); err != nil {
			return err
		}
		out = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	return out, nil
}

func loadAnalyses(ctx context.Context, tx pgx.Tx, a *store.StoredArticle) error {
	aliases := map[int64][]string{}
	if err := eachRow(ctx, tx, `SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN (
			SELECT actor_id FROM statements WHERE article_id = $1
			UNION SELECT actor_id FROM events WHERE article_id = $1
			UNION SELECT target_id FROM events WHERE article_id = $1)
		ORDER BY actor_id, parley_fold(alias), alias`, []any{a.ID}, func(rows pgx.Rows) error {
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
	if err := eachRow(ctx, tx, `SELECT coalesce(actor_id, 0), speaker_name, speaker_title, speaker_affiliation, speaker_kind,
			kind, cue, text, date, date_basis, span_start, span_end, text_start, text_end, cue_start, cue_end, speaker_start, speaker_end
		FROM statements WHERE article_id = $1 ORDER BY seq`, []any{a.ID}, func(rows pgx.Rows) error {
		var x article.Statement
		var actor int64
		if err := rows.Scan(&actor, &x.Speaker.Name, &x.Speaker.Title, &x.Speaker.Affiliation, &x.Speaker.Kind,
			&x.Kind, &x.Cue, &x.Text, &x.Date, &x.DateBasis, &x.Span[0], &x.Span[1], &x.TextSpan[0], &x.TextSpan[1],
			&x.CueSpan[0], &x.CueSpan[1], &x.SpeakerSpan[0], &x.SpeakerSpan[1]); err != nil {
			return err
		}
		x.Speaker.Aliases = aliases[actor]
		a.Statements = append(a.Statements, x)
		return nil
	}); err != nil {
		return err
	}

	a.Mentions = []article.Mention{}
	if err := eachRow(ctx, tx, `SELECT text, type, actor_name, span_start, span_end
		FROM mentions WHERE article_id = $1 ORDER BY seq`, []any{a.ID}, func(rows pgx.Rows) error {
		var m article.Mention
		if err := rows.Scan(&m.Text, &m.Type, &m.Actor, &m.Span[0], &m.Span[1]); err != nil {
			return err
		}
		a.Mentions = append(a.Mentions, m)
		return nil
	}); err != nil {
		return err
	}

	a.Timexes = []article.Timex{}
	if err := eachRow(ctx, tx, `SELECT text, type, value, span_start, span_end
		FROM timexes WHERE article_id = $1 ORDER BY seq`, []any{a.ID}, func(rows pgx.Rows) error {
		var x article.Timex
		if err := rows.Scan(&x.Text, &x.Type, &x.Value, &x.Span[0], &x.Span[1]); err != nil {
			return err
		}
		a.Timexes = append(a.Timexes, x)
		return nil
	}); err != nil {
		return err
	}

	a.Events = []article.Event{}
	return eachRow(ctx, tx, `SELECT date, type, coalesce(actor_id, 0), actor_name, actor_title, actor_affiliation, actor_kind,
			has_target, coalesce(target_id, 0), target_name, target_title, target_affiliation, target_kind, text, span_start, span_end
		FROM events WHERE article_id = $1 ORDER BY seq`, []any{a.ID}, func(rows pgx.Rows) error {
		var e article.Event
		var actor, target int64
		var hasTarget bool
		var t article.Actor
		if err := rows.Scan(&e.Date, &e.Type, &actor, &e.Actor.Name, &e.Actor.Title, &e.Actor.Affiliation, &e.Actor.Kind,
			&hasTarget, &target, &t.Name, &t.Title, &t.Affiliation, &t.Kind, &e.Text, &e.Span[0], &e.Span[1]); err != nil {
			return err
		}
		e.Actor.Aliases = aliases[actor]
		if hasTarget {
			t.Aliases = aliases[target]
			e.Target = &t
		}
		a.Events = append(a.Events, e)
		return nil
	})
}

// eachRow runs query in tx and calls fn for each row.
func eachRow(ctx context.Context, tx pgx.Tx, query string, args []any, fn func(pgx.Rows) error) error {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

const summaryColumns = `a.id, a.version, a.current, a.source, a.url, a.outlet, a.place, a.published, a.published_basis,
	a.title, a.standfirst, a.language, a.content_hash, a.pipeline, a.ingested_at,
	(SELECT count(*) FROM statements c WHERE c.article_id = a.id)`

func scanSummary(rows pgx.Rows, extra ...any) (store.ArticleSummary, error) {
	var x store.ArticleSummary
	var ingested time.Time
	dest := []any{&x.ID, &x.Version, &x.Current, &x.Source, &x.URL, &x.Outlet, &x.Place, &x.Published, &x.PublishedBasis,
		&x.Title, &x.Standfirst, &x.Language, &x.ContentHash, &x.Pipeline, &ingested, &x.Statements}
	if err := rows.Scan(append(dest, extra...)...); err != nil {
		return x, err
	}
	x.IngestedAt = ingested.UTC()
	return x, nil
}

// where collects the conditions and arguments of a query; arg returns the
// placeholder of a new argument.
type where struct {
	conds []string
	args  []any
}

func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dateRange adds an inclusive range over a date column holding YYYY-MM-DD,
// YYYY-MM, YYYY or ” (see the SQLite store: U+FFFF ends a period).
func (w *where) dateRange(col, from, to string) {
	if from == "" && to == "" {
		return
	}
	w.add(col + " <> ''")
	if from != "" {
		w.add(col + " || chr(65535) >= " + w.arg(from))
	}
	if to != "" {
		w.add(col + " <= " + w.arg(to+"\uffff"))
	}
}

// tsQuery renders parsed terms as a tsquery expression over the argument
// list: each term a phrase (phraseto_tsquery) or, with a trailing *, a
// prefix (to_tsquery of the quoted text with :*), all joined by &&. The
// text is always a bound argument, never SQL. "" when there are no terms.
func (w *where) tsQuery(terms []store.Term) string {
	var parts []string
	for _, t := range terms {
		if t.Prefix {
			q := "'" + strings.ReplaceAll(strings.ReplaceAll(t.Text, `\`, `\\`), "'", "''") + "':*"
			parts = append(parts, "to_tsquery('parley', "+w.arg(q)+")")
		} else {
			parts = append(parts, "phraseto_tsquery('parley', "+w.arg(t.Text)+")")
		}
	}
	return strings.Join(parts, " && ")
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
	search := strings.TrimSpace(q.Query) != ""
	if search {
		terms := store.ParseQuery(q.Query)
		if len(terms) == 0 {
			return out, nil
		}
		mark := q.Mark
		if mark == [2]string{} {
			mark = [2]string{"[", "]"}
		}
		tsq := w.tsQuery(terms)
		from = "articles a, (SELECT " + tsq + " AS q) m"
		if q.NoSnippet || q.IDsOnly {
			cols += `, ''`
		} else {
			opts := w.arg(headlineOptions(mark))
			// Like SQLite's snippet over all columns: the match may be in the
			// title or the standfirst.
			cols += `, ts_headline('parley', concat_ws(E'\n', nullif(a.title, ''), nullif(a.standfirst, ''), a.body), m.q, ` + opts + `)`
		}
		// A query whose terms hold no word the parser keeps (numbers are
		// words; punctuation is not) is empty: it matches nothing.
		w.add("numnode(m.q) > 0 AND a.tsv @@ m.q")
		// At most store.MaxMatches candidates, the latest stored.
		w.add("a.id IN (SELECT x.id FROM articles x WHERE x.tsv @@ m.q ORDER BY x.id DESC LIMIT " + w.arg(store.MaxMatches) + ")")
		if q.Order == store.Relevance {
			order = "ts_rank(a.tsv, m.q) DESC, a.id DESC"
		}
	}
	if !q.IncludeSuperseded {
		w.add("a.current")
	}
	if q.Outlet != "" {
		w.add("parley_fold(a.outlet) = parley_fold(" + w.arg(q.Outlet) + ")")
	}
	if q.Pipeline != "" {
		w.add("a.pipeline = " + w.arg(q.Pipeline))
	}
	w.dateRange("a.published_day", q.From, q.To)
	if q.After != nil {
		if search && q.Order == store.Relevance {
			return nil, fmt.Errorf("%w: keyset paging (After) needs Newest order; use Offset with Relevance", store.ErrInvalid)
		}
		w.add("(a.published_day, a.id) < (" + w.arg(q.After.Published) + "::text COLLATE \"C\", " + w.arg(q.After.ID) + "::bigint)")
	}
	limit, offset := w.arg(store.ClampLimit(q.Limit)), w.arg(max(q.Offset, 0))
	if q.IDsOnly {
		cols = "a.id"
	}
	sqlText := "SELECT " + cols + " FROM " + from + w.String() + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return eachRow(ctx, tx, sqlText, w.args, func(rows pgx.Rows) error {
			if q.IDsOnly {
				var x store.ArticleSummary
				if err := rows.Scan(&x.ID); err != nil {
					return err
				}
				out = append(out, x)
				return nil
			}
			var snippet string
			var extra []any
			if search {
				extra = append(extra, &snippet)
			}
			x, err := scanSummary(rows, extra...)
			if err != nil {
				return err
			}
			x.Snippet = snippet
			out = append(out, x)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: list articles: %w", err)
	}
	return out, nil
}

// headlineOptions are ts_headline's options for a snippet of about 16
// words with the matches wrapped in mark. The marks are quoted for the
// option parser.
func headlineOptions(mark [2]string) string {
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return "StartSel=" + quote(mark[0]) + ", StopSel=" + quote(mark[1]) + ", MaxWords=16, MinWords=6, ShortWord=0, FragmentDelimiter=" + quote("…") + ", MaxFragments=1"
}

// Versions lists every version of the article id belongs to, newest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]store.ArticleSummary, error) {
	out := []store.ArticleSummary{}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		var key string
		err := tx.QueryRow(ctx, `SELECT source_key FROM articles WHERE id = $1`, id).Scan(&key)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("%w: article %d", store.ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		query, arg := `SELECT `+summaryColumns+` FROM articles a WHERE a.source_key = $1 ORDER BY a.version DESC, a.id DESC`, any(key)
		if key == "" {
			query, arg = `SELECT `+summaryColumns+` FROM articles a WHERE a.id = $1`, id
		}
		return eachRow(ctx, tx, query, []any{arg}, func(rows pgx.Rows) error {
			x, err := scanSummary(rows)
			if err != nil {
				return err
			}
			out = append(out, x)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: versions of article %d: %w", id, err)
	}
	return out, nil
}

// Statements lists statements; see store.StatementQuery.
func (s *Store) Statements(ctx context.Context, q store.StatementQuery) ([]store.StoredStatement, error) {
	if err := store.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	out := []store.StoredStatement{}
	var w where
	from := "statements s JOIN articles a ON a.id = s.article_id"
	order := "s.eff_date DESC, s.article_id DESC, s.seq"
	if q.Order == store.StoreOrder {
		order = "s.article_id, s.seq"
	}
	search := strings.TrimSpace(q.Query) != ""
	if search {
		terms := store.ParseQuery(q.Query)
		if len(terms) == 0 {
			return out, nil
		}
		from = "statements s JOIN articles a ON a.id = s.article_id, (SELECT " + w.tsQuery(terms) + " AS q) m"
		w.add("numnode(m.q) > 0 AND s.tsv @@ m.q")
		// At most store.MaxMatches candidates, the latest stored.
		w.add("s.id IN (SELECT x.id FROM statements x WHERE x.tsv @@ m.q ORDER BY x.id DESC LIMIT " + w.arg(store.MaxMatches) + ")")
		if q.Order == store.Relevance {
			order = "ts_rank(s.tsv, m.q) DESC, s.id"
		}
	}
	if !q.IncludeSuperseded {
		w.add("a.current")
	}
	if q.Speaker != "" {
		pat := w.arg("%" + likeEscape(asciiLower(q.Speaker)) + "%")
		w.add(`s.actor_id IN (SELECT id FROM actors WHERE parley_fold(name) LIKE ` + pat + ` ESCAPE '\'
			UNION SELECT actor_id FROM actor_aliases WHERE parley_fold(alias) LIKE ` + pat + ` ESCAPE '\')`)
	}
	if q.ActorID != 0 {
		w.add("s.actor_id = " + w.arg(q.ActorID))
	}
	if q.ArticleID != 0 {
		w.add("s.article_id = " + w.arg(q.ArticleID))
	}
	if q.Outlet != "" {
		w.add("parley_fold(a.outlet) = parley_fold(" + w.arg(q.Outlet) + ")")
	}
	if q.Kind != "" {
		w.add("s.kind = " + w.arg(q.Kind))
	}
	w.dateRange("s.eff_date", q.From, q.To)
	if c := q.After; c != nil {
		if q.Order == store.Relevance && search {
			return nil, fmt.Errorf("%w: keyset paging (After) needs Newest order; use Offset with Relevance", store.ErrInvalid)
		}
		if q.Order == store.StoreOrder {
			art, seq := w.arg(c.ArticleID), w.arg(c.Seq)
			w.add("(s.article_id, s.seq) > (" + art + ", " + seq + ")")
		} else {
			d, art, seq := w.arg(c.Date), w.arg(c.ArticleID), w.arg(c.Seq)
			w.add("s.eff_date <= " + d) // a range the index seeks to
			w.add("(s.eff_date < " + d + " OR (s.eff_date = " + d + " AND (s.article_id < " + art + " OR (s.article_id = " + art + " AND s.seq > " + seq + "))))")
		}
	}
	limit, offset := w.arg(store.ClampLimit(q.Limit)), w.arg(max(q.Offset, 0))
	sqlText := `SELECT s.id, s.article_id, s.seq, coalesce(s.actor_id, 0), s.speaker_name, s.speaker_title,
			s.speaker_affiliation, s.speaker_kind, s.kind, s.cue, s.text, s.date, s.date_basis, s.eff_date,
			s.span_start, s.span_end, s.text_start, s.text_end, s.cue_start, s.cue_end, s.speaker_start, s.speaker_end,
			a.title, a.outlet, a.published, a.source, a.url
		FROM ` + from + w.String() + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset
	if q.IDsOnly {
		sqlText = `SELECT s.id FROM ` + from + w.String() + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset
	}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return eachRow(ctx, tx, sqlText, w.args, func(rows pgx.Rows) error {
			var x store.StoredStatement
			if q.IDsOnly {
				if err := rows.Scan(&x.ID); err != nil {
					return err
				}
				out = append(out, x)
				return nil
			}
			if err := rows.Scan(&x.ID, &x.ArticleID, &x.Seq, &x.ActorID, &x.Speaker.Name, &x.Speaker.Title,
				&x.Speaker.Affiliation, &x.Speaker.Kind, &x.Kind, &x.Cue, &x.Text, &x.Date, &x.DateBasis, &x.EffectiveDate,
				&x.Span[0], &x.Span[1], &x.TextSpan[0], &x.TextSpan[1], &x.CueSpan[0], &x.CueSpan[1],
				&x.SpeakerSpan[0], &x.SpeakerSpan[1],
				&x.ArticleTitle, &x.Outlet, &x.Published, &x.Source, &x.URL); err != nil {
				return err
			}
			out = append(out, x)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: list statements: %w", err)
	}
	return out, nil
}

// StaleArticles returns ids of current articles analysed by another pipeline.
func (s *Store) StaleArticles(ctx context.Context, pipeline string, limit int) ([]int64, error) {
	var lim any // NULL: no limit
	if limit > 0 {
		lim = limit
	}
	ids := []int64{}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return eachRow(ctx, tx, `SELECT id FROM articles WHERE current AND pipeline <> $1 ORDER BY id LIMIT $2`, []any{pipeline, lim}, func(rows pgx.Rows) error {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stale articles: %w", err)
	}
	return ids, nil
}

// Stats reads the counts the aggregates migration's triggers keep; the
// publication range comes from the ends of the articles_newest index.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Pipelines: map[string]int64{}}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		counts := map[string]*int64{
			"articles": &st.Articles, "versions": &st.Versions, "statements": &st.Statements,
			"mentions": &st.Mentions, "timexes": &st.Timexes, "events": &st.Events,
			"actors": &st.Actors, "aliases": &st.Aliases, "speakers": &st.Speakers,
		}
		if err := eachRow(ctx, tx, `SELECT name, sum(n)::bigint FROM counters GROUP BY name`, nil, func(rows pgx.Rows) error {
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
		var first, last *string
		if err := tx.QueryRow(ctx, `SELECT
				(SELECT count(*) FROM outlet_counts),
				(SELECT published_day FROM articles WHERE current AND published_day <> '' ORDER BY current, published_day LIMIT 1),
				(SELECT published_day FROM articles WHERE current AND published_day <> '' ORDER BY current, published_day DESC LIMIT 1)`).Scan(
			&st.Outlets, &first, &last); err != nil {
			return err
		}
		if first != nil {
			st.FirstPublished = *first
		}
		if last != nil {
			st.LastPublished = *last
		}
		return eachRow(ctx, tx, `SELECT pipeline, articles FROM pipeline_counts`, nil, func(rows pgx.Rows) error {
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
		return store.Stats{}, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}

func likeEscape(s string) string { return likeEscaper.Replace(s) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Actors lists actors, most quoted first, then by name (ASCII case folded,
// as SQLite's NOCASE sorts), from the aggregates (actor_stats).
func (s *Store) Actors(ctx context.Context, q store.ActorQuery) ([]store.StoredActor, error) {
	out := []store.StoredActor{}
	var w where
	if q.ID != 0 {
		w.add("st.actor_id = " + w.arg(q.ID))
	}
	if q.Name != "" {
		pat := w.arg("%" + likeEscape(asciiLower(q.Name)) + "%")
		w.add(`(st.name_key LIKE ` + pat + ` ESCAPE '\' OR st.actor_id IN (SELECT actor_id FROM actor_aliases WHERE parley_fold(alias) LIKE ` + pat + ` ESCAPE '\'))`)
	}
	if q.Kind != "" {
		w.add("x.kind = " + w.arg(q.Kind))
	}
	if q.Speaking {
		w.add("st.statements > 0")
	}
	if c := q.After; c != nil {
		w.add("(-st.statements, st.name_key, st.actor_id) > (" + w.arg(-int64(c.Statements)) + ", parley_fold(" + w.arg(c.Name) + "), " + w.arg(c.ID) + ")")
	}
	limit, offset := w.arg(store.ClampLimit(q.Limit)), w.arg(max(q.Offset, 0))
	sqlText := `SELECT x.id, x.name, x.kind, x.title, x.affiliation, st.statements, st.mentions, st.first_date, st.last_date
		FROM actor_stats st JOIN actors x ON x.id = st.actor_id` + w.String() + `
		ORDER BY -st.statements, st.name_key, st.actor_id LIMIT ` + limit + ` OFFSET ` + offset
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		byID := map[int64]int{}
		if err := eachRow(ctx, tx, sqlText, w.args, func(rows pgx.Rows) error {
			var x store.StoredActor
			if err := rows.Scan(&x.ID, &x.Name, &x.Kind, &x.Title, &x.Affiliation, &x.Statements, &x.Mentions, &x.First, &x.Last); err != nil {
				return err
			}
			byID[x.ID] = len(out)
			out = append(out, x)
			return nil
		}); err != nil || len(out) == 0 {
			return err
		}
		ids := make([]int64, 0, len(out))
		for _, x := range out {
			ids = append(ids, x.ID)
		}
		if err := eachRow(ctx, tx, `SELECT actor_id, alias FROM actor_aliases WHERE actor_id = ANY($1) ORDER BY actor_id, parley_fold(alias), alias`,
			[]any{ids}, func(rows pgx.Rows) error {
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
		if err := eachRow(ctx, tx, `SELECT actor_id, outlet FROM actor_outlets WHERE actor_id = ANY($1) ORDER BY actor_id, outlet_key, outlet`,
			[]any{ids}, func(rows pgx.Rows) error {
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
		return eachRow(ctx, tx, `SELECT actor_id, name, title, affiliation, kind, n, first_date, last_date
			FROM actor_forms WHERE actor_id = ANY($1) ORDER BY actor_id, n DESC, name, title, affiliation, kind`,
			[]any{ids}, func(rows pgx.Rows) error {
				var id int64
				var f store.SpeakerForm
				if err := rows.Scan(&id, &f.Name, &f.Title, &f.Affiliation, &f.Kind, &f.Statements, &f.First, &f.Last); err != nil {
					return err
				}
				x := &out[byID[id]]
				x.Forms = append(x.Forms, f)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: list actors: %w", err)
	}
	return out, nil
}

// Outlets lists the outlets of current articles from outlet_counts.
func (s *Store) Outlets(ctx context.Context, limit int) ([]store.OutletCount, error) {
	out := []store.OutletCount{}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return eachRow(ctx, tx, `SELECT outlet, articles FROM outlet_counts ORDER BY outlet_key LIMIT $1`, []any{store.ClampLimit(limit)}, func(rows pgx.Rows) error {
			var o store.OutletCount
			if err := rows.Scan(&o.Name, &o.Articles); err != nil {
				return err
			}
			out = append(out, o)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: outlets: %w", err)
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
	w.add("a.current")
	if q.Actor != "" {
		pat := w.arg("%" + likeEscape(asciiLower(q.Actor)) + "%")
		w.add(`(parley_fold(e.actor_name) LIKE ` + pat + ` ESCAPE '\' OR parley_fold(e.target_name) LIKE ` + pat + ` ESCAPE '\')`)
	}
	if q.Type != "" {
		w.add("e.type = " + w.arg(q.Type))
	}
	if q.ArticleID != 0 {
		w.add("e.article_id = " + w.arg(q.ArticleID))
	}
	if q.Outlet != "" {
		w.add("parley_fold(a.outlet) = parley_fold(" + w.arg(q.Outlet) + ")")
	}
	w.dateRange("e.date", q.From, q.To)
	sqlText := `SELECT e.id, e.article_id, e.seq, e.date, e.type, e.actor_name, e.actor_title, e.actor_affiliation,
			e.actor_kind, e.has_target, e.target_name, e.target_title, e.target_affiliation, e.target_kind,
			e.text, e.span_start, e.span_end, a.title, a.outlet, a.published, a.source, a.url
		FROM events e JOIN articles a ON a.id = e.article_id`
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		return store.EventParts(q, store.ClampLimit(q.Limit), func(part string, order string, limit, offset int) error {
			wp := where{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
			if part != "" {
				wp.add(part)
			}
			lim, off := wp.arg(limit), wp.arg(offset)
			return eachRow(ctx, tx, sqlText+wp.String()+order+" LIMIT "+lim+" OFFSET "+off, wp.args, func(rows pgx.Rows) error {
				var x store.StoredEvent
				var hasTarget bool
				var t article.Actor
				if err := rows.Scan(&x.ID, &x.ArticleID, &x.Seq, &x.Date, &x.Type, &x.Actor.Name, &x.Actor.Title,
					&x.Actor.Affiliation, &x.Actor.Kind, &hasTarget, &t.Name, &t.Title, &t.Affiliation, &t.Kind,
					&x.Text, &x.Span[0], &x.Span[1], &x.ArticleTitle, &x.Outlet, &x.Published, &x.Source, &x.URL); err != nil {
					return err
				}
				if hasTarget {
					x.Target = &t
				}
				out = append(out, x)
				return nil
			})
		}, func() int { return len(out) })
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: list events: %w", err)
	}
	return out, nil
}
