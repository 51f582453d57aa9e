package ingest

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
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
	proxy := http.ProxyFromEnvironment
	if cfg.RefusePrivate {
		// The check runs on the address actually dialled, after name
		// resolution, for the first request and every redirect alike.
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if !PublicAddr(host) {
				return fmt.Errorf("%w: %s is not a public address", ErrRefused, host)
			}
			return nil
		}
		// A proxy would dial for us, past the check.
		proxy = nil
	}
	transport := &http.Transport{
		Proxy:                 proxy,
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

// nonPublic are the ranges refused besides what net/netip name: shared
// address space (100.100.100.200 is a cloud metadata service), "this
// network", IETF protocol assignments, benchmarking, reserved and the NAT64
// prefix (whose embedded IPv4 address is checked on its own).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
}

// PublicAddr reports whether ip (an address, not a name) may be fetched from
// when private addresses are refused: not loopback, private, link-local
// (169.254.169.254, the usual metadata address, is one), unspecified,
// multicast or any range of nonPublic, including IPv4 addresses mapped into
// IPv6 or behind the NAT64 prefix.
func PublicAddr(ip string) bool {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	a = a.WithZone("").Unmap()
	if a.Is6() {
		nat64 := netip.MustParsePrefix("64:ff9b::/96")
		if nat64.Contains(a) {
			b := a.As16()
			return PublicAddr(netip.AddrFrom4([4]byte(b[12:])).String())
		}
	}
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsUnspecified() || a.IsMulticast() || !a.IsGlobalUnicast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
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
