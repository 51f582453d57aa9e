package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

const correctUsage = `Usage: parley correct statement ID [--speaker NAME] [--kind KIND] [--date DATE|none] [--span START:END] [--delete] --note TEXT
       parley correct add --article ID --span START:END --speaker NAME [--kind KIND] [--date DATE] --note TEXT
       parley correct actor ID --merge-into OTHER_ID --note TEXT
       parley correct actor ID --split [--from NAME] --note TEXT
       parley correct actor ID --split --statements ID,ID... --name NEW_NAME --note TEXT
       parley correct cell --dossier FILE --party PARTY --issue ISSUE --stance STANCE --note TEXT

Corrects what Parley found, keeping who (--by, default $USER), when, why (--note,
required) and what changed in the audit log ('parley corrections'). Corrections are
anchored to the article's text, not to row ids: they hold after 'parley reanalyze',
a new version of the article and pipeline upgrades. IDs are those printed by
'parley statements --format json', 'parley articles' and 'parley actors --format json'.

  statement ID   change the speaker (a name: an actor's name or alias, or a new actor),
                 the kind (direct, indirect, mixed), the date (YYYY[-MM[-DD]], or none),
                 the span (byte offsets of the statement's text in the body), or --delete it
  add            add a statement the pipeline missed: a span of the body with its speaker
  actor ID       --merge-into: actor ID and OTHER_ID are one (ID's name becomes an alias);
                 --split: undo the merge into ID (the latest, or the one --from NAME), or
                 move --statements of ID to a new actor --name
  cell           set the stance (for, against, counter, conditional, unclear) of one cell
                 of the dossier's matrix, shown as overridden with the note
`

// runCorrect is `parley correct KIND ...`.
func runCorrect(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stderr, correctUsage)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("correct "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, correctUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	var db string
	dbFlag(fs, &db)
	note := fs.String("note", "", "why (required)")
	by := fs.String("by", "", "who makes the correction (default $USER)")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	speaker := fs.String("speaker", "", "the speaker's `name`")
	kind := fs.String("kind", "", "statement `kind`: direct, indirect or mixed")
	date := fs.String("date", "", "when it was said: YYYY, YYYY-MM or YYYY-MM-DD; none removes the date")
	spanFlag := fs.String("span", "", "byte offsets `START:END` of the statement's text in the body")
	del := fs.Bool("delete", false, "delete the statement")
	articleID := fs.Int64("article", 0, "article `id` to add a statement to")
	mergeInto := fs.Int64("merge-into", 0, "actor `id` that the actor is one with")
	split := fs.Bool("split", false, "undo a merge, or move --statements to a new actor")
	from := fs.String("from", "", "with --split: the merged actor's `name` to take out again")
	stmtIDs := fs.String("statements", "", "with --split: statement `ids` (comma-separated) to move")
	name := fs.String("name", "", "with --split --statements: the new actor's `name`")
	dossierFile := fs.String("dossier", "", "dossier `file` of the cell")
	party := fs.String("party", "", "the cell's `party`")
	issue := fs.String("issue", "", "the cell's `issue` id")
	stance := fs.String("stance", "", "the cell's `stance`: for, against, counter, conditional or unclear")
	pos, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley correct: --format must be table, json or csv\n")
		return ExitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "parley correct %s: %s\n", sub, fmt.Sprintf(format, a...))
		fmt.Fprintln(env.Stderr, "Run 'parley correct --help' for the forms.")
		return ExitUsage
	}
	if strings.TrimSpace(*note) == "" {
		return usage("--note is required: say why")
	}
	who := strings.TrimSpace(*by)
	if who == "" {
		who = env.Getenv("USER")
	}
	if who == "" {
		who = "cli"
	}
	id := func() (int64, bool) {
		if len(pos) != 1 {
			return 0, false
		}
		n, err := strconv.ParseInt(pos[0], 10, 64)
		return n, err == nil && n > 0
	}
	base := store.Correction{By: who, Note: strings.TrimSpace(*note)}
	var cs []store.Correction
	var st store.Store
	openIt := func() (int, bool) {
		var err error
		log := logger(env)
		if st, err = openStore(ctx, env, db, log); err != nil {
			return storeFailed(env, "correct", err), false
		}
		if err := writable(ctx, st); err != nil {
			st.Close()
			return storeFailed(env, "correct", err), false
		}
		return 0, true
	}
	edit := &store.Edit{Speaker: strings.TrimSpace(*speaker), Kind: *kind, Delete: *del}
	switch *date {
	case "":
	case "none":
		edit.ClearDate = true
	default:
		edit.Date = *date
	}
	if *spanFlag != "" {
		sp, err := parseSpan(*spanFlag)
		if err != nil {
			return usage("%v", err)
		}
		edit.Span = &sp
	}
	switch sub {
	case "statement":
		n, ok := id()
		if !ok {
			return usage("give one statement ID (as in 'parley statements --format json')")
		}
		c := base
		c.Kind, c.StatementID, c.Edit = store.CorrectStatement, n, edit
		cs = append(cs, c)
	case "add":
		if *articleID <= 0 || edit.Span == nil || edit.Speaker == "" {
			return usage("--article, --span and --speaker are required")
		}
		c := base
		c.Kind, c.ArticleID = store.CorrectAdd, *articleID
		c.Anchor = &store.Anchor{Span: *edit.Span}
		edit.Span = nil
		c.Edit = edit
		cs = append(cs, c)
	case "actor":
		n, ok := id()
		if !ok {
			return usage("give one actor ID (as in 'parley actors --format json')")
		}
		switch {
		case *mergeInto > 0 && !*split:
			c := base
			c.Kind, c.ActorID, c.IntoID = store.CorrectMerge, n, *mergeInto
			cs = append(cs, c)
		case *split && *stmtIDs == "":
			c := base
			c.Kind, c.IntoID, c.Actor = store.CorrectSplit, n, strings.TrimSpace(*from)
			cs = append(cs, c)
		case *split:
			if strings.TrimSpace(*name) == "" {
				return usage("--split --statements needs --name, the new actor's name")
			}
			ids, err := parseIDs(*stmtIDs)
			if err != nil {
				return usage("%v", err)
			}
			if code, ok := openIt(); !ok {
				return code
			}
			defer st.Close()
			mine, err := st.Statements(ctx, store.StatementQuery{ActorID: n, Limit: store.MaxLimit})
			if err != nil {
				return storeFailed(env, "correct", err)
			}
			for _, sid := range ids {
				if !slices.ContainsFunc(mine, func(s store.StoredStatement) bool { return s.ID == sid }) {
					return usage("statement %d is not one of actor %d's", sid, n)
				}
				c := base
				c.Kind, c.StatementID = store.CorrectStatement, sid
				c.Edit = &store.Edit{Speaker: strings.TrimSpace(*name)}
				cs = append(cs, c)
			}
		default:
			return usage("give --merge-into OTHER_ID or --split")
		}
	case "cell":
		if *dossierFile == "" || *party == "" || *issue == "" || *stance == "" {
			return usage("--dossier, --party, --issue and --stance are required")
		}
		if !dossier.ValidStance(*stance) {
			return usage("--stance %q: want for, against, counter, conditional or unclear", *stance)
		}
		d, err := dossier.Load(*dossierFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley correct cell: %s\n", plain(err))
			return ExitFailed
		}
		p := d.PartyIndex(*party)
		if p < 0 {
			return usage("the dossier has no party %q", *party)
		}
		if !slices.ContainsFunc(d.Issues, func(is dossier.Issue) bool { return is.ID == *issue }) {
			return usage("the dossier has no issue %q", *issue)
		}
		c := base
		c.Kind = store.CorrectCell
		c.Cell = &store.Cell{Dossier: d.Name(), Party: d.Parties[p].Name, Issue: *issue, Stance: *stance}
		cs = append(cs, c)
	default:
		return usage("unknown correction %q: statement, add, actor or cell", sub)
	}
	if st == nil {
		if code, ok := openIt(); !ok {
			return code
		}
		defer st.Close()
	}
	if sub == "cell" {
		// The computed stance, for the record.
		if before, ok := cellBefore(ctx, st, *dossierFile, cs[0].Cell); ok {
			cs[0].Before = map[string]string{"stance": before}
		}
	}
	got, err := st.AddCorrections(ctx, cs)
	if err != nil {
		if errors.Is(err, store.ErrNoMerge) {
			fmt.Fprintf(env.Stderr, "parley correct: %s\n", plain(err))
			return ExitFailed
		}
		return storeFailed(env, "correct", err)
	}
	return writeOut(env, "correct", correctionTable(got), *format)
}

// cellBefore returns the stance the statements give a cell.
func cellBefore(ctx context.Context, st store.Store, file string, c *store.Cell) (string, bool) {
	d, err := dossier.Load(file)
	if err != nil {
		return "", false
	}
	cells, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{KeepUnclear: true})
	if err != nil {
		return "", false
	}
	for _, p := range cells {
		if p.Issue == c.Issue && p.Party == c.Party {
			return string(p.Stance), true
		}
	}
	return "", true
}

func parseSpan(s string) (article.Span, error) {
	a, b, ok := strings.Cut(s, ":")
	x, err1 := strconv.Atoi(strings.TrimSpace(a))
	y, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || x < 0 || y <= x {
		return article.Span{}, fmt.Errorf("--span %q: want START:END, byte offsets with START < END", s)
	}
	return article.Span{x, y}, nil
}

func parseIDs(s string) ([]int64, error) {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("--statements %q: want ids separated by commas", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// correctionTable prints corrections one a line.
func correctionTable(cs []store.Correction) *table {
	t := &table{header: []string{"id", "at", "by", "kind", "status", "what", "note"}}
	for _, c := range cs {
		status := c.Status
		if c.Problem != "" {
			status += ": " + c.Problem
		}
		t.rows = append(t.rows, []string{strconv.FormatInt(c.ID, 10), c.At.Format("2006-01-02 15:04"), c.By, c.Kind,
			status, c.Summary(), c.Note})
		t.values = append(t.values, c)
	}
	return t
}

// runCorrections is `parley corrections`: the audit log.
func runCorrections(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "corrections", "[flags]",
		"Lists analysts' corrections, newest first: who, when, why, what changed, and whether\n"+
			"each still applies (needs-review: its passage is no longer found in the article).")
	var db string
	dbFlag(fs, &db)
	status := fs.String("status", "", "keep corrections with this `status`: applied, needs-review, undone")
	kind := fs.String("kind", "", "keep corrections of this `kind`: statement, add, merge, split, cell")
	limit := fs.Int("limit", store.DefaultLimit, "list at most `n` corrections")
	after := fs.Int64("after", 0, "list the corrections older than the one with this `id` (the next page)")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley corrections: --format must be table, json or csv\n")
		return ExitUsage
	}
	st, err := openStore(ctx, env, db, logger(env))
	if err != nil {
		return storeFailed(env, "corrections", err)
	}
	defer st.Close()
	list, err := st.Corrections(ctx, store.CorrectionQuery{Status: *status, Kind: *kind, Limit: *limit, After: *after})
	if err != nil {
		return storeFailed(env, "corrections", err)
	}
	code := writeOut(env, "corrections", correctionTable(list), *format)
	if *format == "table" && len(list) == store.ClampLimit(*limit) {
		fmt.Fprintf(env.Stderr, "More: parley corrections --after %d\n", list[len(list)-1].ID)
	}
	return code
}
