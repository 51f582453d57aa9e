package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parley-news/parley/internal/dossier"
)

// runDossier is `parley dossier check FILE...`: validate dossier files;
// `parley dossier index FILE...`: index them in the database.
func runDossier(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "dossier", "check|index FILE...",
		"check: checks dossier files (the parties and issues of one negotiation). Prints\n"+
			"\"FILE: ok (N parties, M issues)\", or every problem as FILE:LINE:COL: message.\n"+
			"The format, with an example: docs/dossier.md in the repository.\n"+
			"index: registers the dossiers in the database and links every statement to their\n"+
			"issues (the first time one full pass; afterwards only what changed), so that\n"+
			"positions, reports and the web app read the links; prints what it did as JSON.")
	var db string
	dbFlag(fs, &db)
	rest, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if len(rest) < 2 || (rest[0] != "check" && rest[0] != "index") {
		fs.Usage()
		return ExitUsage
	}
	if rest[0] == "index" {
		return indexDossiers(ctx, env, db, rest[1:])
	}
	status := ExitOK
	for _, file := range rest[1:] {
		if err := ctx.Err(); err != nil {
			fmt.Fprintf(env.Stderr, "parley dossier: interrupted\n")
			return ExitFailed
		}
		d, err := dossier.Load(file)
		if err != nil {
			status = ExitFailed
			var errs dossier.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					fmt.Fprintln(env.Stdout, e.Error())
				}
				continue
			}
			fmt.Fprintf(env.Stderr, "parley dossier: %s\n", plain(err))
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: ok (%d parties, %d issues)\n", file, len(d.Parties), len(d.Issues))
	}
	return status
}

// indexDossiers is `parley dossier index FILE...`.
func indexDossiers(ctx context.Context, env *Env, db string, files []string) int {
	var ds []*dossier.Dossier
	for _, file := range files {
		d, err := dossier.Load(file)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley dossier: %s\n", plain(err))
			return ExitFailed
		}
		ds = append(ds, d)
	}
	log := logger(env)
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "dossier", err)
	}
	defer st.Close()
	for i, d := range ds {
		stats, err := dossier.Index(ctx, st, d, log)
		if err != nil {
			return storeFailed(env, "dossier", err)
		}
		b, _ := json.Marshal(struct {
			File string `json:"file"`
			dossier.IndexStats
		}{files[i], stats})
		fmt.Fprintf(env.Stdout, "%s\n", b)
	}
	return ExitOK
}
