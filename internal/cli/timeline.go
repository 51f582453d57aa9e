package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/facts"
	"github.com/parley-news/parley/internal/store"
)

func runTimeline(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "timeline", "[flags]",
		"Prints the negotiation in order: events and dated statements, each fact once however\n"+
			"many outlets reported it, with every report listed.")
	var db string
	dbFlag(fs, &db)
	from := fs.String("from", "", "on or after `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "on or before `date`")
	actor := fs.String("actor", "", "only facts whose actor or speaker contains `name`")
	kind := fs.String("kind", "", "only `kind`: event or statement")
	undated := fs.Bool("undated", false, "list undated statements too, last (undated events are always listed, last)")
	limit := fs.Int("limit", store.MaxLimit, "read at most `n` events and n statements, the newest (at most 10000); earlier facts are left to --to")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if *limit <= 0 || *limit > store.MaxLimit {
		fmt.Fprintf(env.Stderr, "parley timeline: --limit must be 1 to %d\n", store.MaxLimit)
		return ExitUsage
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley timeline: --format must be table, json or csv\n")
		return ExitUsage
	}
	if *kind != "" && *kind != facts.Event && *kind != facts.Statement {
		fmt.Fprintf(env.Stderr, "parley timeline: --kind must be event or statement\n")
		return ExitUsage
	}
	if err := store.CheckRange(*from, *to); err != nil {
		fmt.Fprintf(env.Stderr, "parley timeline: %s\n", plain(err))
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "timeline", err)
	}
	defer st.Close()
	win, err := facts.TimelineWindow(ctx, st, facts.TimelineQuery{From: *from, To: *to, Actor: *actor, Kind: *kind, Undated: *undated, Limit: *limit})
	if err != nil {
		return storeFailed(env, "timeline", err)
	}
	if win.Earlier != "" {
		// The record is larger than one read: say so where it cannot be
		// mistaken for data, and how to go on.
		fmt.Fprintf(env.Stderr, "parley timeline: the newest facts only, those dated after %s; for the earlier ones: --to %s\n", win.Earlier, win.Earlier)
	}
	t := table{header: []string{"date", "kind", "type", "actor", "target", "text", "reports", "outlets"}}
	for _, f := range win.Facts {
		t.rows = append(t.rows, []string{f.Date, f.Kind, f.Type, f.Actor, f.Target, f.Text,
			strconv.Itoa(len(f.Reports)), strings.Join(f.Outlets, "; ")})
		t.values = append(t.values, f)
	}
	return writeOut(env, "timeline", &t, *format)
}

func runActors(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "actors", "[flags]",
		"Lists the actors of the record — people and bodies with their titles, affiliations\n"+
			"and aliases — most quoted first.")
	var db string
	dbFlag(fs, &db)
	name := fs.String("name", "", "only actors whose name or alias contains `text`")
	limit := fs.Int("limit", 100, "at most `n` rows")
	offset := fs.Int("offset", 0, "skip `n` rows")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley actors: --format must be table, json or csv\n")
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "actors", err)
	}
	defer st.Close()
	if *limit <= 0 || *offset < 0 {
		fmt.Fprintf(env.Stderr, "parley actors: --limit must be positive and --offset not negative\n")
		return ExitUsage
	}
	list, err := st.Actors(ctx, store.ActorQuery{Name: *name, Limit: *limit + 1, Offset: *offset})
	if err != nil {
		return storeFailed(env, "actors", err)
	}
	more := len(list) > *limit
	if more {
		list = list[:*limit]
	}
	total := int64(-1)
	if *name == "" {
		if n, err := st.Stats(ctx); err == nil {
			total = n.Actors
		}
	}
	defer listNote(env, *format, "actors", *offset, len(list), total, more)
	t := table{header: []string{"id", "name", "kind", "title", "affiliation", "statements", "aliases"}}
	for _, a := range list {
		t.rows = append(t.rows, []string{strconv.FormatInt(a.ID, 10), a.Name, a.Kind, a.Title, a.Affiliation,
			strconv.Itoa(a.Statements), strings.Join(a.Aliases, "; ")})
		t.values = append(t.values, a)
	}
	return writeOut(env, "actors", &t, *format)
}
