package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

type ctxKey int

const nonceKey ctxKey = 1

const (
	sessionCookie = "parley_session"
	csrfCookie    = "parley_csrf"
	sessionTTL    = 12 * time.Hour
	// smallBody caps every request body but ingest's: forms and JSON are tiny.
	smallBody = 64 << 10
)

// nonce returns the request's CSP nonce.
func nonce(r *http.Request) string {
	n, _ := r.Context().Value(nonceKey).(string)
	return n
}

// secure wraps h with what every response needs: panic recovery, the
// security headers with a per-request CSP nonce, body size limits and
// cross-origin protection for non-safe methods.
func (s *Server) secure(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, codeCrossOrigin, "cross-origin request refused")
	}))
	inner := cop.Handler(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.fail(w, r, http.StatusInternalServerError, "internal", "internal error")
			}
		}()
		var b [18]byte
		_, _ = rand.Read(b[:])
		n := base64.RawURLEncoding.EncodeToString(b[:]) // no + or /, nothing to escape
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+n+"'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		limit := int64(smallBody)
		if r.URL.Path == "/ingest" || r.URL.Path == "/api/v1/ingest" {
			limit = s.cfg.MaxUpload
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		inner.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), nonceKey, n)))
	})
}

func (s *Server) mac(parts ...string) string {
	m := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		m.Write([]byte(p))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))
}

// tokenOK compares a presented token with the configured one in constant
// time (over hashes, so the length leaks nothing either).
func (s *Server) tokenOK(t string) bool {
	if s.cfg.Token == "" || t == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(t)), sha256.Sum256([]byte(s.cfg.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// bearerOK reports whether an API request carries the token.
func (s *Server) bearerOK(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	const p = "Bearer "
	if len(h) <= len(p) || !strings.EqualFold(h[:len(p)], p) {
		return false
	}
	return s.tokenOK(strings.TrimSpace(h[len(p):]))
}

// loggedIn reports whether a page request carries a live session: a
// random id the server handed out at login and has not revoked (logout)
// nor let expire. Sessions live in the server's memory, so a restart
// logs everyone out.
func (s *Server) loggedIn(r *http.Request) bool {
	if s.ReadOnly() {
		return false
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return false
	}
	return s.sessions.valid(c.Value)
}

func (s *Server) setSession(w http.ResponseWriter, name string) {
	id := s.sessions.create()
	s.sessions.setName(id, name)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: id, Path: "/",
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode,
		MaxAge: int(sessionTTL / time.Second),
	})
}

// clearSession revokes the request's session on the server and clears the
// cookie: a copy of the cookie kept elsewhere is worth nothing after logout.
func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.revoke(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
}

// sessions are the live login sessions: id -> expiry.
type sessions struct {
	mu  sync.Mutex
	ttl time.Duration
	m   map[string]time.Time
	// names are the names users gave at login, by session id.
	names map[string]string
}

// maxSessions bounds the sessions kept; past it the oldest goes.
const maxSessions = 1000

func (ss *sessions) create() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	now := time.Now()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.m == nil {
		ss.m = map[string]time.Time{}
	}
	if len(ss.m) >= maxSessions {
		oldest, at := "", now.Add(ss.ttl)
		for k, exp := range ss.m {
			if exp.Before(now) {
				delete(ss.m, k)
			} else if exp.Before(at) {
				oldest, at = k, exp
			}
		}
		if len(ss.m) >= maxSessions {
			delete(ss.m, oldest)
		}
	}
	ss.m[id] = now.Add(ss.ttl)
	return id
}

func (ss *sessions) valid(id string) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	exp, ok := ss.m[id]
	if ok && time.Now().After(exp) {
		delete(ss.m, id)
		return false
	}
	return ok
}

func (ss *sessions) revoke(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, id)
	delete(ss.names, id)
}

// setName records the name a user gave at login (for the corrections log).
func (ss *sessions) setName(id, name string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.names == nil || len(ss.names) > 2*maxSessions {
		ss.names = map[string]string{}
	}
	ss.names[id] = name
}

// name returns the name given at login of a live session ("" when none).
func (ss *sessions) name(id string) string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if _, ok := ss.m[id]; !ok {
		return ""
	}
	return ss.names[id]
}

// sessionUser is the name the request's session logged in with, or
// "analyst" when none was given.
func (s *Server) sessionUser(r *http.Request) string {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if n := s.sessions.name(c.Value); n != "" {
			return n
		}
	}
	return "analyst"
}

// csrfToken returns the token forms must carry, setting the browser's CSRF
// cookie first when it has none. The token is an HMAC of the cookie, so a
// page on another site can neither read nor forge it.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		return s.mac("csrf", c.Value)
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	v := hex.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
	// Later handlers of this same request must see it too.
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: v})
	return s.mac("csrf", v)
}

// csrfOK checks a posted form's token against the browser's cookie.
func (s *Server) csrfOK(r *http.Request) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) != 32 {
		return false
	}
	got := r.PostFormValue("csrf")
	return got != "" && hmac.Equal([]byte(got), []byte(s.mac("csrf", c.Value)))
}

// guard limits failed token attempts per client (its IP address): after
// maxFailures within failWindow that client's attempts are refused until
// the window has passed, so the token cannot be guessed at network speed,
// while the owner, from another address, can still log in.
type guard struct {
	mu sync.Mutex
	m  map[string]*tries
}

type tries struct {
	start time.Time
	n     int
}

const (
	maxFailures = 20
	failWindow  = time.Minute
	// maxClients bounds the addresses remembered; past it, expired
	// windows are dropped, and if that is not enough, all of them.
	maxClients = 10000
)

// client is the address a request came from (the connection's, not a
// header a client could set).
func client(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (g *guard) blocked(r *http.Request) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	t := g.m[client(r)]
	if t == nil {
		return false
	}
	if time.Since(t.start) > failWindow {
		delete(g.m, client(r))
		return false
	}
	return t.n >= maxFailures
}

func (g *guard) fail(r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil {
		g.m = map[string]*tries{}
	}
	k := client(r)
	t := g.m[k]
	if t == nil || time.Since(t.start) > failWindow {
		if len(g.m) >= maxClients {
			for c, old := range g.m {
				if time.Since(old.start) > failWindow {
					delete(g.m, c)
				}
			}
			if len(g.m) >= maxClients {
				clear(g.m)
			}
		}
		t = &tries{start: time.Now()}
		g.m[k] = t
	}
	t.n++
}
