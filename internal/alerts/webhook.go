package alerts

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/store"
)

// Errors of the webhook.
var (
	// ErrWebhookURL: the webhook URL is not an absolute http(s) URL.
	ErrWebhookURL = errors.New("the webhook must be an http(s) URL")
	// ErrRefused: the webhook's address is not public.
	ErrRefused = errors.New("refused address")
	// ErrDelivery: every attempt failed.
	ErrDelivery = errors.New("webhook delivery failed")
)

// WebhookConfig configures a Webhook.
type WebhookConfig struct {
	// URL receives a POST for each batch of changes.
	URL string
	// Secret, when set, signs each body: X-Parley-Signature: sha256=HEX
	// (HMAC-SHA256 of the body with the secret).
	Secret string
	// Timeout bounds each attempt (default 10 s).
	Timeout time.Duration
	// Attempts bounds the tries (default 3, at most 5); a 5xx answer, a 429
	// or a network error is tried again, after Backoff, doubled each time.
	Attempts int
	// Backoff is the first wait between attempts (default 1 s).
	Backoff time.Duration
	// AllowPrivate lets the webhook reach loopback and private addresses
	// (tests, a receiver on the same machine); refused by default, checked
	// on the address dialled, as for every fetch (ingest.PublicAddr).
	AllowPrivate bool
	Logger       *slog.Logger
}

// Webhook posts changes as JSON.
type Webhook struct {
	cfg    WebhookConfig
	client *http.Client
}

// Payload is the body of a webhook POST.
type Payload struct {
	Dossier string               `json:"dossier"`
	Changes []store.StanceChange `json:"changes"`
	// Summary says each change in words, in the order of Changes.
	Summary []string `json:"summary"`
}

// NewWebhook checks the configuration and returns the webhook.
func NewWebhook(cfg WebhookConfig) (*Webhook, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, fmt.Errorf("%w: %q", ErrWebhookURL, cfg.URL)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 3
	}
	cfg.Attempts = min(cfg.Attempts, 5)
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dialer := &net.Dialer{Timeout: cfg.Timeout}
	proxy := http.ProxyFromEnvironment
	if !cfg.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if !ingest.PublicAddr(host) {
				return fmt.Errorf("%w: %s is not a public address", ErrRefused, host)
			}
			return nil
		}
		proxy = nil // a proxy would dial past the check
	}
	client := &http.Client{
		Timeout: cfg.Timeout,
		Transport: &http.Transport{
			Proxy: proxy, DialContext: dialer.DialContext,
			TLSHandshakeTimeout: cfg.Timeout, ResponseHeaderTimeout: cfg.Timeout,
		},
		// A redirect is not followed: the receiver is the URL given.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &Webhook{cfg: cfg, client: client}, nil
}

// Notify posts the changes of one dossier (nothing when there are none).
func (w *Webhook) Notify(ctx context.Context, dossierName string, changes []store.StanceChange) error {
	if w == nil || len(changes) == 0 {
		return nil
	}
	p := Payload{Dossier: dossierName, Changes: changes}
	for _, c := range changes {
		p.Summary = append(p.Summary, Describe(c))
	}
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	wait := w.cfg.Backoff
	var last error
	for attempt := 1; attempt <= w.cfg.Attempts; attempt++ {
		retry, err := w.post(ctx, body)
		if err == nil {
			return nil
		}
		last = err
		if !retry || attempt == w.cfg.Attempts {
			break
		}
		w.cfg.Logger.Warn("webhook attempt failed, trying again", "attempt", attempt, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w: %w", ErrDelivery, ctx.Err())
		case <-t.C:
		}
		wait *= 2
	}
	return fmt.Errorf("%w: %w", ErrDelivery, last)
}

// post makes one attempt; retry says whether another may succeed.
func (w *Webhook) post(ctx context.Context, body []byte) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Parley-alerts")
	if w.cfg.Secret != "" {
		m := hmac.New(sha256.New, []byte(w.cfg.Secret))
		m.Write(body)
		req.Header.Set("X-Parley-Signature", "sha256="+hex.EncodeToString(m.Sum(nil)))
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return !errors.Is(err, ErrRefused), err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return true, fmt.Errorf("the receiver answered %s", resp.Status)
	}
	return false, fmt.Errorf("the receiver answered %s", resp.Status)
}
