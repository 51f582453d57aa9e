package cli

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/parley-news/parley/examples"
	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/watch"
	"github.com/parley-news/parley/internal/web"
)

func runServe(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "serve", "[flags]",
		"Serves the web app and the JSON API (/api/v1/, described at /api/openapi.json)\n"+
			"over the database until interrupted (SIGINT/SIGTERM). Read-only unless a token is\n"+
			"given (--token-file, $PARLEY_TOKEN, --token, or --generate-token): then the ingest\n"+
			"page (after logging in with the token) and POST /api/v1/ingest (Authorization:\n"+
			"Bearer TOKEN) add articles. A token must have at least 16 characters, 8 of them\n"+
			"different; prefer a file or the environment to --token, which shows in ps.\n"+
			"--demo ingests the bundled example corpus into a temporary database and serves it.\n"+
			"Dossiers (--dossier, --dossiers, the /dossiers editor): docs/dossier.md in the repository.")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	var db string
	dbFlag(fs, &db)
	token := fs.String("token", "", "enable writes with this `token` (visible to other users in ps: prefer --token-file or $PARLEY_TOKEN)")
	tokenFile := fs.String("token-file", "", "enable writes with the token read from this `file` (its first line)")
	genToken := fs.Bool("generate-token", false, "enable writes with a new random token, printed once on standard error")
	demo := fs.Bool("demo", false, "serve the example corpus from a temporary database (ignores --db)")
	allowPrivate := fs.Bool("allow-private", false, "let URL ingest fetch loopback and private addresses")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure (when served over HTTPS)")
	actorsFile := fs.String("actors", "", "curated actors `file` (YAML) for what the ingest page reads (--demo: examples/actors.yaml)")
	dossierFile := fs.String("dossier", "", "dossier `file` for the position matrix and timeline, active at start (--demo: examples/dossier.yaml)")
	dossierDir := fs.String("dossiers", "", "`directory` of dossiers (NAME.yaml): all are loaded, the /dossiers editor saves there (default: edits kept in memory)")
	watchFile := fs.String("watch", "", "also watch the sources this `file` lists (see parley watch) and show their health")
	webhook := fs.String("webhook", "", "`URL` to POST the dossiers' stance changes to as JSON (default $PARLEY_WEBHOOK; signed with $PARLEY_WEBHOOK_SECRET); the feeds are at /dossiers/NAME/feed.atom")
	webhookPrivate := fs.Bool("webhook-allow-private", false, "let the webhook reach loopback and private addresses (refused by default)")
	if rest, stop := parse(fs, args); stop >= 0 {
		return stop
	} else if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parley serve: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	tok, err := serveToken(env, *token, *tokenFile, *genToken)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parley serve: %v\n", err)
		return ExitUsage
	}
	*token = tok
	log := logger(env)
	var d *dossier.Dossier
	var dsrc []byte
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
	if *webhook == "" {
		*webhook = env.Getenv("PARLEY_WEBHOOK")
	}
	if *webhook != "" {
		if wcfg.Webhook, err = alerts.NewWebhook(alerts.WebhookConfig{URL: *webhook, Secret: env.Getenv("PARLEY_WEBHOOK_SECRET"),
			AllowPrivate: *webhookPrivate, Logger: log}); err != nil {
			fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
			return ExitUsage
		}
	}
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
	if !*demo {
		// The dossiers' baseline for alerts (the demo's ingest made it).
		go srv.CheckAlerts(ctx)
	}
	if *watchFile != "" {
		// Watched sources are stored by the queue, not by the web app's
		// ingest: the alerts are checked when the record has changed.
		go watchAlerts(ctx, st, srv, time.Minute)
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
	if !srv.ReadOnly() && !loopback(ln.Addr()) {
		fmt.Fprintf(env.Stderr, "parley serve: warning: writes are enabled on %s, reachable from other machines, over plain HTTP:\n"+
			"  the token and the session cookie cross the network in clear. Serve it behind HTTPS\n"+
			"  (a reverse proxy) with --secure-cookies, or listen on 127.0.0.1.\n", ln.Addr())
	}
	fmt.Fprintf(env.Stdout, "Parley is serving on http://%s/ — %s. Stop with Ctrl-C.\n", ln.Addr(), mode)
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(env.Stderr, "parley serve: %s\n", plain(err))
		return ExitFailed
	}
	fmt.Fprintln(env.Stderr, "parley serve: stopped")
	return ExitOK
}

// Token rules: long enough, and not one character repeated.
const (
	minTokenLen      = 16
	minTokenDistinct = 8
)

// serveToken picks the write token: --token, else --token-file, else
// $PARLEY_TOKEN, else a new one with --generate-token (printed once), else
// none (read-only). A weak token is an error.
func serveToken(env *Env, flagTok, file string, generate bool) (string, error) {
	given := 0
	for _, set := range []bool{flagTok != "", file != "", generate} {
		if set {
			given++
		}
	}
	if given > 1 {
		return "", fmt.Errorf("give one of --token, --token-file and --generate-token")
	}
	tok, from := flagTok, "--token"
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("--token-file: %w", err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		tok, from = strings.TrimSpace(line), "--token-file "+file
		if tok == "" {
			return "", fmt.Errorf("--token-file %s is empty", file)
		}
	case generate:
		var b [24]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		tok = base64.RawURLEncoding.EncodeToString(b[:])
		fmt.Fprintf(env.Stderr, "parley serve: write token (shown only now; keep it): %s\n", tok)
		return tok, nil
	case tok == "":
		tok, from = env.Getenv("PARLEY_TOKEN"), "$PARLEY_TOKEN"
	}
	if tok == "" {
		return "", nil
	}
	if err := strongToken(tok); err != nil {
		return "", fmt.Errorf("the token from %s is too weak: %w (use --generate-token for a strong one)", from, err)
	}
	return tok, nil
}

// strongToken checks a token against the rules above.
func strongToken(tok string) error {
	if len(tok) < minTokenLen {
		return fmt.Errorf("%d characters, fewer than %d", len(tok), minTokenLen)
	}
	distinct := map[rune]bool{}
	for _, r := range tok {
		distinct[r] = true
	}
	if len(distinct) < minTokenDistinct {
		return fmt.Errorf("only %d different characters, fewer than %d", len(distinct), minTokenDistinct)
	}
	for _, r := range tok {
		if r < 0x21 || r == 0x7f {
			return fmt.Errorf("it holds spaces or control characters")
		}
	}
	return nil
}

// loopback reports whether a listening address is reachable only from this
// machine.
func loopback(a net.Addr) bool {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// watchAlerts checks the dossiers' stances every period when the record
// changed since the last check (store counts are cached, so an idle
// record costs nothing).
func watchAlerts(ctx context.Context, st store.Store, srv *web.Server, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	var last store.Stats
	if n, err := st.Stats(ctx); err == nil {
		last = n
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n, err := st.Stats(ctx)
		if err != nil || (n.Versions == last.Versions && n.Statements == last.Statements) {
			continue
		}
		last = n
		srv.CheckAlerts(ctx)
	}
}
