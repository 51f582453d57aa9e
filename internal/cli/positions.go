package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// runPositions is `parley positions --dossier FILE`: the issue × party matrix.
func runPositions(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "positions", "--dossier FILE [flags]",
		"Links the stored statements to the dossier's issues and prints, for each issue and\n"+
			"party, the latest stance (for, against, counter, conditional, unclear), since when it\n"+
			"is held, its history and the latest statements behind it. The links are kept in the\n"+
			"database (the first use of a dossier indexes every statement once; later ones only\n"+
			"what changed): see docs/dossier.md.")
	var db string
	dbFlag(fs, &db)
	file := fs.String("dossier", "", "dossier `file` (YAML) describing the negotiation")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	unclear := fs.Bool("unclear", false, "also print cells whose every statement is unclear")
	evidence := fs.Int("evidence", dossier.DefaultEvidence, "statements shown per cell: the latest `N` (and each change's); 0: all")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if *file == "" {
		fmt.Fprintf(env.Stderr, "parley positions: --dossier is required\n")
		return ExitUsage
	}
	if !validFormat(*format) {
		fmt.Fprintf(env.Stderr, "parley positions: --format must be table, json or csv\n")
		return ExitUsage
	}
	d, err := dossier.Load(*file)
	if err != nil {
		var errs dossier.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(env.Stderr, e.Error())
			}
		} else {
			fmt.Fprintf(env.Stderr, "parley positions: %s\n", plain(err))
		}
		return ExitFailed
	}
	log := logger(env)
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "positions", err)
	}
	defer st.Close()
	fixes, err := cellCorrections(ctx, st)
	if err != nil {
		return storeFailed(env, "positions", err)
	}
	// Folded from the dossier's index in the store (built the first time,
	// caught up afterwards): only the statements shown are read.
	cells, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Logger: log, KeepUnclear: *unclear, Corrections: fixes,
		Evidence: evidenceFlag(*evidence)})
	if err != nil {
		return storeFailed(env, "positions", err)
	}
	t := table{header: []string{"issue", "party", "stance", "source", "since", "changes", "evidence", "latest"}}
	for _, c := range cells {
		since := ""
		if c.Since != nil {
			since = *c.Since
		}
		var hist []string
		for _, h := range c.History {
			d := "?"
			if h.Date != nil {
				d = *h.Date
			}
			hist = append(hist, d+" "+string(h.Stance))
		}
		latest := ""
		if n := len(c.Evidence); n > 0 {
			latest = c.Evidence[n-1].Text
		}
		source := "first-hand"
		if c.Reported {
			source = "reported"
		}
		stance := string(c.Stance)
		if o := c.Override; o != nil {
			stance += " (set by " + o.By + ": " + o.Note + ")"
		}
		t.rows = append(t.rows, []string{c.Issue, c.Party, stance, source, since,
			strings.Join(hist, "; "), fmt.Sprint(len(c.Evidence)), latest})
		t.values = append(t.values, c)
	}
	return writeOut(env, "positions", &t, *format)
}

// cellCorrections returns every stance cell correction (newest first).
func cellCorrections(ctx context.Context, st store.Store) ([]store.Correction, error) {
	return store.AllCorrections(ctx, st, store.CorrectionQuery{Kind: store.CorrectCell})
}

// evidenceFlag maps --evidence (0: all) to Options.Evidence (0: the
// default, < 0: all).
func evidenceFlag(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
