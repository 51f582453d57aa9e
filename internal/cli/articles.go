package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/parley-news/parley/internal/store"
)

func runArticles(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "articles", "[flags]",
		"Lists stored articles, newest first, or searches them with --q (words, \"quoted\n"+
			"phrases\", prefix*; all must match). --id prints one article whole.")
	var db string
	dbFlag(fs, &db)
	q := fs.String("q", "", "full-text `query` over headline, standfirst and body")
	outlet := fs.String("outlet", "", "only this `outlet`")
	from := fs.String("from", "", "published on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "published on or before `date`")
	limit := fs.Int("limit", 50, "at most `n` rows")
	offset := fs.Int("offset", 0, "skip `n` rows")
	id := fs.Int64("id", 0, "print the article with this `id`, with its analyses, as JSON")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley articles: --format must be table, json or csv\n")
		return ExitUsage
	}
	if err := store.CheckRange(*from, *to); err != nil {
		fmt.Fprintf(env.Stderr, "parley articles: %s\n", plain(err))
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "articles", err)
	}
	defer st.Close()
	if *id != 0 {
		a, err := st.Article(ctx, *id)
		if err != nil {
			return storeFailed(env, "articles", err)
		}
		t := table{values: []any{a}}
		return writeOut(env, "articles", &t, "json")
	}
	if *limit <= 0 || *offset < 0 {
		fmt.Fprintf(env.Stderr, "parley articles: --limit must be positive and --offset not negative\n")
		return ExitUsage
	}
	query := store.ArticleQuery{Outlet: *outlet, From: *from, To: *to, Query: *q, Limit: *limit + 1, Offset: *offset}
	if *q != "" {
		query.Order = store.Relevance
	}
	list, err := st.Articles(ctx, query)
	if err != nil {
		return storeFailed(env, "articles", err)
	}
	more := len(list) > *limit
	if more {
		list = list[:*limit]
	}
	total := int64(-1)
	if *q == "" && *outlet == "" && *from == "" && *to == "" {
		if n, err := st.Stats(ctx); err == nil {
			total = n.Articles
		}
	}
	defer listNote(env, *format, "articles", *offset, len(list), total, more)
	t := table{header: []string{"id", "published", "outlet", "place", "statements", "title"}}
	if *q != "" {
		t.header = append(t.header, "snippet")
	}
	for _, a := range list {
		row := []string{strconv.FormatInt(a.ID, 10), a.Published, a.Outlet, a.Place, strconv.Itoa(a.Statements), a.Title}
		if *q != "" {
			row = append(row, a.Snippet)
		}
		t.rows = append(t.rows, row)
		t.values = append(t.values, a)
	}
	return writeOut(env, "articles", &t, *format)
}

func writeOut(env *Env, cmd string, t *table, format string) int {
	if err := t.write(env.Stdout, format); err != nil {
		fmt.Fprintf(env.Stderr, "parley %s: %s\n", cmd, plain(err))
		return ExitFailed
	}
	return ExitOK
}

func runStatements(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "statements", "[flags]",
		"Lists stored statements, newest first, with filters. A statement's date is the day it\n"+
			"was said, else its article's publication day.")
	var db string
	dbFlag(fs, &db)
	speaker := fs.String("speaker", "", "speaker's name or alias contains `text`")
	q := fs.String("q", "", "full-text `query` over what was said")
	outlet := fs.String("outlet", "", "only statements reported by this `outlet`")
	kind := fs.String("kind", "", "only this `kind`: direct, indirect or mixed")
	from := fs.String("from", "", "said on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "said on or before `date`")
	articleID := fs.Int64("article", 0, "only statements of the article with this `id`")
	limit := fs.Int("limit", 50, "at most `n` rows")
	offset := fs.Int("offset", 0, "skip `n` rows")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley statements: --format must be table, json or csv\n")
		return ExitUsage
	}
	switch *kind {
	case "", "direct", "indirect", "mixed":
	default:
		fmt.Fprintf(env.Stderr, "parley statements: --kind must be direct, indirect or mixed\n")
		return ExitUsage
	}
	if err := store.CheckRange(*from, *to); err != nil {
		fmt.Fprintf(env.Stderr, "parley statements: %s\n", plain(err))
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "statements", err)
	}
	defer st.Close()
	if *limit <= 0 || *offset < 0 {
		fmt.Fprintf(env.Stderr, "parley statements: --limit must be positive and --offset not negative\n")
		return ExitUsage
	}
	list, err := st.Statements(ctx, store.StatementQuery{
		Speaker: *speaker, Query: *q, Outlet: *outlet, Kind: *kind, From: *from, To: *to,
		ArticleID: *articleID, Limit: *limit + 1, Offset: *offset,
	})
	if err != nil {
		return storeFailed(env, "statements", err)
	}
	more := len(list) > *limit
	if more {
		list = list[:*limit]
	}
	total := int64(-1)
	if *speaker == "" && *q == "" && *outlet == "" && *kind == "" && *from == "" && *to == "" && *articleID == 0 {
		if n, err := st.Stats(ctx); err == nil {
			total = n.Statements
		}
	}
	defer listNote(env, *format, "statements", *offset, len(list), total, more)
	t := table{header: []string{"date", "speaker", "title", "affiliation", "kind", "cue", "text", "outlet", "article"}}
	for _, s := range list {
		t.rows = append(t.rows, []string{s.EffectiveDate, s.Speaker.Name, s.Speaker.Title, s.Speaker.Affiliation,
			s.Kind, s.Cue, s.Text, s.Outlet, strconv.FormatInt(s.ArticleID, 10)})
		t.values = append(t.values, s)
	}
	return writeOut(env, "statements", &t, *format)
}
