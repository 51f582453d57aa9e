package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-news/parley/internal/dossier"
)

// runDossier is `parley dossier check FILE...`: validate dossier files.
func runDossier(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "dossier", "check FILE...",
		"Checks dossier files (the parties and issues of one negotiation). Prints\n"+
			"\"FILE: ok (N parties, M issues)\", or every problem as FILE:LINE:COL: message.\n"+
			"The format, with an example: docs/dossier.md in the repository.")
	rest, stop := parse(fs, args)
	if stop >= 0 {
		return stop
	}
	if len(rest) < 2 || rest[0] != "check" {
		fs.Usage()
		return ExitUsage
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
