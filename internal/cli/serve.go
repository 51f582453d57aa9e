package cli

import (
	"context"
	"errors"
	"runtime"

	"fmt"
	"github.com/parley-news/parley/examples"
	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/watch"
	"net"
	"os"
	"path/filepath"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/web"
)

func runServe(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "serve", "[flags]",
		"Serves the web app and the JSON API (/api/v1/, described at /api/openapi.json)\n"+
			"over the database until interrupted (SIGINT/SIGTERM). Read-only unless a token is\n"+
			"given (--token or $PARLEY_TOKEN): then the ingest page (after logging in with the\n"+
			"token) and POST /api/v1/ingest (Authorization: Bearer TOKEN) add articles.\n"+
			"--demo ingests the bundled example corpus into a temporary database and serves it.\n"+
			"Dossiers (--dossier, --dossiers, the /dossiers editor): docs/dossier.md in the repository.")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	var db string
	dbFlag(fs, &db)
	token := fs.String("token", "", "enable writes with this `token` (default $PARLEY_TOKEN)")
	demo := fs.Bool("demo", false, "serve the example corpus from a temporary database (ignores --db)")
	allowPrivate := fs.Bool("allow-private", false, "let URL ingest fetch loopback and private addresses")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure (when served over HTTPS)")
	actorsFile := fs.String("actors", "", "curated actors `file` (YAML) for what the ingest page reads (--demo: examples/actors.yaml)")
	dossierFile := fs.String("dossier", "", "dossier `file` for the position matrix and timeline, active at start (--demo: examples/dossier.yaml)")
	dossierDir := fs.String("dossiers", "", "`directory` of dossiers (NAME.yaml): all are loaded, the /dossiers editor saves there (default: edits kept in memory)")
	watchFile := fs.String("watch", "", "also watch the sources this `file` lists (see parley watch) and show their health")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley serve: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	if *token == "" {
		*token = env.Getenv("PARLEY_TOKEN")
	}
	log := logger(env)
	var d *dossier.Dossier
	var dsrc []byte
	var err error
	switch {
	case *dossierFile != "":
		if d, err = dossier.Load(*dossierFile); err != nil {
			fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
			return ExitUsage
		}
	case *demo:
		if d, err = web.DemoDossier(); err != nil {
			return storeFailed(env, "serve", err)
		}
		dsrc = examples.Dossier
	}

	if *demo {
		tmp, err := os.MkdirTemp("", "parley-serve-demo-")
		if err != nil {
			return storeFailed(env, "serve", err)
		}
		defer os.RemoveAll(tmp)
		db = filepath.Join(tmp, "demo.db")
	}
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "serve", err)
	}
	defer st.Close()
	pcfg := pipeline.Config{}
	if *actorsFile != "" {
		if pcfg.Actors, err = actors.Load(*actorsFile); err != nil {
			fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
			return ExitUsage
		}
	} else if *demo {
		// The demo knows the corpus's officials and their roles.
		if pcfg.Actors, err = actors.Parse(examples.Actors, "examples/actors.yaml"); err != nil {
			return storeFailed(env, "serve", err)
		}
	}
	pipe, err := pipeline.New(pcfg, log)
	if err != nil {
		return storeFailed(env, "serve", err)
	}
	wcfg := web.Config{Token: *token, AllowPrivate: *allowPrivate, SecureCookies: *secure, Dossier: d, DossierSource: dsrc, DossierDir: *dossierDir}
	if *watchFile != "" {
		x, err := startWatch(ctx, env, db, *watchFile, "", st, pipe, runtime.GOMAXPROCS(0), log)
		if errors.Is(err, watch.ErrInvalid) {
			fmt.Fprintln(env.Stderr, err)
			return ExitUsage
		}
		if err != nil {
			return storeFailed(env, "serve", err)
		}
		wcfg.Sources = x.w.Health
		wcfg.Jobs = func(ctx context.Context) ([]queue.Job, error) { return x.q.List(ctx, 100) }
		runCtx, stopRun := context.WithCancel(ctx)
		done := make(chan struct{})
		// On the way out: stop the queue, let it finish, then close it.
		defer func() {
			stopRun()
			<-done
			x.q.Close()
		}()
		go x.schedule(runCtx, false, log)
		go func() {
			defer close(done)
			if _, err := x.q.Run(runCtx, false); err != nil {
				log.Error("watch: queue stopped", "err", err)
			}
		}()
	}
	srv, err := web.New(wcfg, st, pipe, log)
	if err != nil {
		return storeFailed(env, "serve", err)
	}
	if *demo {
		rep, err := srv.LoadDemo(ctx)
		if err != nil {
			return storeFailed(env, "serve", err)
		}
		fmt.Fprintf(env.Stderr, "demo: read %d, new %d, failed %d (temporary database %s)\n", rep.Read, rep.New, rep.Failed, db)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
		return ExitFailed
	}
	mode := "read-only (no token)"
	if !srv.ReadOnly() {
		mode = "writes enabled with the token"
	}
	fmt.Fprintf(env.Stdout, "Parley is serving on http://%s/ — %s. Stop with Ctrl-C.\n", ln.Addr(), mode)
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
		return ExitFailed
	}
	fmt.Fprintln(env.Stderr, "parley serve: stopped")
	return ExitOK
}
