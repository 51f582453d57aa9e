package ingest

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"syscall"
	"time"
)

// newClient returns the HTTP client for URL inputs: a whole-request timeout,
// at most five redirects, and, when asked, a dialer that refuses loopback,
// private and link-local addresses after name resolution (so a public name
// pointing at 127.0.0.1 is refused too).
func newClient(cfg Config) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if cfg.RefusePrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip := net.ParseIP(host)
			if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
				ip.IsLinkLocalMulticast() || ip.IsUnspecified() || ip.IsMulticast() {
				return fmt.Errorf("%w: %s is not a public address", ErrRefused, host)
			}
			return nil
		}
	}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.FetchTimeout,
		MaxIdleConnsPerHost:   4,
	}
	return &http.Client{
		Timeout:   cfg.FetchTimeout,
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			return nil
		},
	}
}

// fetchURL fetches one http(s) URL and reads what comes back by its
// content type. hint carries what a feed said about the item, if anything.
func (r *Reader) fetchURL(ctx context.Context, url string, hint Document, yield emit) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fail(yield, url, fmt.Errorf("%w: %w", ErrFetch, err))
	}
	req.Header.Set("User-Agent", r.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrRefused) {
			return fail(yield, url, ErrRefused)
		}
		return fail(yield, url, fmt.Errorf("%w: %w", ErrFetch, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail(yield, url, fmt.Errorf("%w: HTTP %s", ErrFetch, resp.Status))
	}
	data, err := readLimited(resp.Body, r.cfg.MaxBytes)
	if err != nil {
		return fail(yield, url, err)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	ext := ""
	switch {
	case ct == "text/html" || ct == "application/xhtml+xml":
		ext = ".html"
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		ext = ".xml"
	case ct == "text/plain":
		ext = ".txt"
	case ct == "application/x-ndjson" || ct == "application/jsonl":
		ext = ".jsonl"
	default:
		// application/xml, application/octet-stream, none: the URL's own
		// extension, else the content decides.
		if e := strings.ToLower(path.Ext(req.URL.Path)); knownExtension("x" + e) {
			ext = e
		}
	}
	source := hint.Source
	if source == "" || strings.Contains(source, "#") {
		source = url
	}
	sub := func(d Document, err error) bool {
		if err == nil {
			d.Source = source
			d.URL = resp.Request.URL.String()
			if d.Title == "" {
				d.Title = hint.Title
			}
			if d.Published.IsZero() && !hint.Published.IsZero() {
				d.Published, d.PublishedHasTime, d.PublishedBasis = hint.Published, hint.PublishedHasTime, hint.PublishedBasis
			}
		}
		return yield(d, err)
	}
	return r.content(ctx, source, ext, data, sub)
}
