package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/postgres"
	"github.com/parley-news/parley/internal/store/sqlite"
)

// dbFlag registers --db; its default is documented in the help.
func dbFlag(fs interface {
	StringVar(*string, string, string, string)
}, p *string) {
	fs.StringVar(p, "db", "", "database: a SQLite `file` or a postgres:// URL (default $PARLEY_DB, else $XDG_DATA_HOME/parley/parley.db, else ~/.local/share/parley/parley.db)")
}

// openStore opens the store at path, or at the default path: a postgres://
// URL opens the PostgreSQL store, anything else the SQLite file.
func openStore(ctx context.Context, env *Env, path string, log *slog.Logger) (store.Store, error) {
	path = resolveDB(env, path)
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if postgres.IsURL(path) {
		st, err := postgres.Open(ctx, path, log)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", redact(path), err)
		}
		return st, nil
	}
	st, err := sqlite.Open(ctx, path, log)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return st, nil
}

// resolveDB returns --db, else $PARLEY_DB, else "" (the default path).
func resolveDB(env *Env, path string) string {
	if path == "" {
		path = env.Getenv("PARLEY_DB")
	}
	return path
}

// redact hides the password of a database URL in messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the database"
	}
	return u.Redacted()
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

// writable reports a store that cannot take writes: opened read-only (a
// read-only file or filesystem) or failing its integrity check.
func writable(_ context.Context, st store.Store) error {
	if w, ok := st.(interface{ Writable() error }); ok {
		return w.Writable()
	}
	return nil
}
