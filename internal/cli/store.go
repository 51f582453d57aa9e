package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/sqlite"
)

// dbFlag registers --db; its default is documented in the help.
func dbFlag(fs interface {
	StringVar(*string, string, string, string)
}, p *string) {
	fs.StringVar(p, "db", "", "database `file` (default $PARLEY_DB, else $XDG_DATA_HOME/parley/parley.db, else ~/.local/share/parley/parley.db)")
}

// openStore opens the store at path, or at the default path.
func openStore(ctx context.Context, env *Env, path string, log *slog.Logger) (store.Store, error) {
	if path == "" {
		if p := env.Getenv("PARLEY_DB"); p != "" {
			path = p
		} else {
			p, err := store.DefaultPath()
			if err != nil {
				return nil, err
			}
			path = p
		}
	}
	st, err := sqlite.Open(ctx, path, log)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return st, nil
}

// storeFailed prints a store error and returns the exit status for it.
func storeFailed(env *Env, cmd string, err error) int {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(env.Stderr, "parley %s: interrupted\n", cmd)
		return ExitFailed
	}
	fmt.Fprintf(env.Stderr, "parley %s: %s\n", cmd, plain(err))
	if errors.Is(err, store.ErrInvalid) {
		return ExitUsage
	}
	return ExitFailed
}
