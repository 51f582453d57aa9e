package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// alertFlags are the flags of the commands that change the record and can
// tell when a dossier's stances change (ingest, reanalyze).
type alertFlags struct {
	dossier      string
	webhook      string
	allowPrivate bool
}

func (f *alertFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.dossier, "dossier", "", "dossier `file`: afterwards, compare its matrix with the last one and report the stances that changed (alerts; docs/data.md)")
	fs.StringVar(&f.webhook, "webhook", "", "`URL` to POST the stance changes to as JSON (default $PARLEY_WEBHOOK; signed with $PARLEY_WEBHOOK_SECRET when set)")
	fs.BoolVar(&f.allowPrivate, "webhook-allow-private", false, "let the webhook reach loopback and private addresses (refused by default)")
}

// alerter is what the flags ask for: nil when no dossier was given.
type alerter struct {
	name string
	d    *dossier.Dossier
	hook *alerts.Webhook
}

// build loads the dossier and checks the webhook; an error is a usage error.
func (f *alertFlags) build(env *Env, log *slog.Logger) (*alerter, error) {
	url := f.webhook
	if url == "" {
		url = env.Getenv("PARLEY_WEBHOOK")
	}
	if f.dossier == "" {
		if f.webhook != "" {
			return nil, errors.New("--webhook needs --dossier")
		}
		return nil, nil
	}
	d, err := dossier.Load(f.dossier)
	if err != nil {
		return nil, err
	}
	a := &alerter{name: alerts.Name(f.dossier), d: d}
	if url != "" {
		a.hook, err = alerts.NewWebhook(alerts.WebhookConfig{URL: url, Secret: env.Getenv("PARLEY_WEBHOOK_SECRET"),
			AllowPrivate: f.allowPrivate, Logger: log})
		if err != nil {
			return nil, err
		}
	}
	return a, nil
}

// check compares the dossier's matrix with the last one, prints the
// changes on standard error and posts them to the webhook.
func (a *alerter) check(ctx context.Context, env *Env, st store.Store, log *slog.Logger) error {
	if a == nil {
		return nil
	}
	changes, err := alerts.Check(context.WithoutCancel(ctx), st, a.name, a.d, log, time.Now())
	if err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Fprintf(env.Stderr, "stance change (%s): %s\n", a.name, escapeControl(alerts.Describe(c)))
	}
	if err := a.hook.Notify(ctx, a.name, changes); err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	return nil
}
