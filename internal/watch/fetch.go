package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/parley-news/parley/internal/ingest"
)

// Errors a fetch reports; callers tell them apart with errors.Is.
var (
	ErrPrivate  = errors.New("address is loopback, private or link-local")
	ErrRobots   = errors.New("disallowed by robots.txt")
	ErrTooLarge = errors.New("response over the size limit")
	ErrStatus   = errors.New("unexpected HTTP status")
)

// fetcher makes the watcher's requests: a per-host rate limit, robots.txt,
// conditional GET, a size and a time limit, and addresses checked as they
// are dialled (so a DNS answer cannot swap a public name for a private
// address between the check and the connection).
type fetcher struct {
	agent string
	rate  time.Duration
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	// isPrivate decides which addresses are refused (tests replace it).
	isPrivate func(netip.Addr) bool

	mu     sync.Mutex
	next   map[string]time.Time // host -> earliest next request
	robots map[string]robotsEntry
}

type robotsEntry struct {
	data    *robotstxt.RobotsData
	fetched time.Time
}

// robotsTTL is how long a host's robots.txt is trusted.
const robotsTTL = 12 * time.Hour

func newFetcher(agent string, rate time.Duration, now func() time.Time) *fetcher {
	return &fetcher{
		agent: agent, rate: rate, now: now,
		sleep: func(ctx context.Context, d time.Duration) error {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		},
		isPrivate: privateAddr,
		next:      map[string]time.Time{},
		robots:    map[string]robotsEntry{},
	}
}

// privateAddr: every address the other fetch paths refuse (loopback,
// private, link-local and metadata, unspecified, multicast, CGNAT, NAT64,
// IPv4 mapped into IPv6 …): one rule, ingest.PublicAddr, for all of them.
func privateAddr(a netip.Addr) bool {
	return !ingest.PublicAddr(a.String())
}

// request is one fetch.
type request struct {
	URL string
	// Trusted: the operator configured this URL; it may point anywhere.
	// Otherwise (links found in content) private addresses are refused
	// unless AllowPrivate.
	Trusted      bool
	AllowPrivate bool
	ETag         string
	LastModified string
	Timeout      time.Duration
	MaxBytes     int64
}

// response is what came back: NotModified for a 304.
type response struct {
	Status       int
	NotModified  bool
	Body         []byte
	ETag         string
	LastModified string
	FinalURL     string
	ContentType  string
}

// client returns an HTTP client whose dialer refuses private addresses
// unless allowed, and which follows at most five redirects (refusing
// private targets as well).
func (f *fetcher) client(allowPrivate bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: timeout}
	tr := &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
			if err != nil {
				return nil, err
			}
			for _, ip := range ips {
				if !allowPrivate && f.isPrivate(ip) {
					return nil, fmt.Errorf("%s (%s): %w", host, ip, ErrPrivate)
				}
			}
			if len(ips) == 0 {
				return nil, fmt.Errorf("%s: no address", host)
			}
			return dialer.DialContext(ctx, network, net.JoinHostPort(ips[0].String(), port))
		},
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		return nil
	}}
}

// wait holds a request to host until the rate limit allows it.
func (f *fetcher) wait(ctx context.Context, host string) error {
	if f.rate <= 0 {
		return nil
	}
	f.mu.Lock()
	now := f.now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.rate)
	f.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		return f.sleep(ctx, d)
	}
	return nil
}

// allowed checks robots.txt for u, fetching it at most every robotsTTL.
func (f *fetcher) allowed(ctx context.Context, u *url.URL, rq request) error {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e, ok := f.robots[key]
	f.mu.Unlock()
	if !ok || f.now().Sub(e.fetched) > robotsTTL {
		status, body := 0, []byte(nil)
		sub := rq
		sub.URL, sub.ETag, sub.LastModified, sub.MaxBytes = key+"/robots.txt", "", "", 512<<10
		resp, err := f.get(ctx, sub)
		switch {
		case err == nil:
			status, body = resp.Status, resp.Body
		case errors.Is(err, ErrStatus):
			status = resp.Status
		default:
			// Unreachable robots.txt: nothing may be fetched for now.
			return fmt.Errorf("%s: robots.txt: %w", u.Host, err)
		}
		data, perr := robotstxt.FromStatusAndBytes(status, body)
		if perr != nil {
			data, _ = robotstxt.FromStatusAndBytes(404, nil) // unparsable: as if absent
		}
		e = robotsEntry{data: data, fetched: f.now()}
		f.mu.Lock()
		f.robots[key] = e
		f.mu.Unlock()
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, f.agent) {
		return fmt.Errorf("%s: %w", u.Redacted(), ErrRobots)
	}
	return nil
}

// fetch gets rq.URL, obeying robots.txt and the rate limit.
func (f *fetcher) fetch(ctx context.Context, rq request) (*response, error) {
	u, err := url.Parse(rq.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q: not an http(s) URL", rq.URL)
	}
	if err := f.allowed(ctx, u, rq); err != nil {
		return nil, err
	}
	return f.get(ctx, rq)
}

// get makes one conditional GET with the limits of rq.
func (f *fetcher) get(ctx context.Context, rq request) (*response, error) {
	u, err := url.Parse(rq.URL)
	if err != nil {
		return nil, err
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, rq.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rq.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.agent)
	if rq.ETag != "" {
		req.Header.Set("If-None-Match", rq.ETag)
	}
	if rq.LastModified != "" {
		req.Header.Set("If-Modified-Since", rq.LastModified)
	}
	// The configured URL is dialled wherever it points; its redirects and
	// every link found in content are held to the private-address rule.
	allow := rq.AllowPrivate
	if rq.Trusted {
		if host, err := netip.ParseAddr(u.Hostname()); err == nil && f.isPrivate(host) {
			allow = true
		} else if ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", u.Hostname()); err == nil && len(ips) > 0 && f.isPrivate(ips[0]) {
			allow = true
		}
	}
	resp, err := f.client(allow, rq.Timeout).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &response{Status: resp.StatusCode, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		FinalURL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, fmt.Errorf("%s: %w %d", u.Redacted(), ErrStatus, resp.StatusCode)
	}
	max := rq.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.Redacted(), err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%s: %w (%d bytes)", u.Redacted(), ErrTooLarge, max)
	}
	out.Body = body
	return out, nil
}
