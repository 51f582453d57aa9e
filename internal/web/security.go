package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"runtime/debug"
	"strconv"
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

// loggedIn reports whether a page request carries a valid session cookie:
// "EXPIRY.MAC" where MAC signs the expiry with the server's key.
func (s *Server) loggedIn(r *http.Request) bool {
	if s.ReadOnly() {
		return false
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return false
	}
	exp, sig, ok := strings.Cut(c.Value, ".")
	if !ok {
		return false
	}
	t, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || time.Now().Unix() > t {
		return false
	}
	return hmac.Equal([]byte(sig), []byte(s.mac("session", exp)))
}

func (s *Server) setSession(w http.ResponseWriter) {
	exp := strconv.FormatInt(time.Now().Add(sessionTTL).Unix(), 10)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: exp + "." + s.mac("session", exp), Path: "/",
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode,
		MaxAge: int(sessionTTL / time.Second),
	})
}

func (s *Server) clearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
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

// guard limits failed token attempts: after maxFailures within failWindow
// every attempt is refused until the window has passed, so the token cannot
// be guessed at network speed. (It can lock the owner out for a minute
// too; that is the price.)
type guard struct {
	mu    sync.Mutex
	start time.Time
	n     int
}

const (
	maxFailures = 20
	failWindow  = time.Minute
)

func (g *guard) blocked() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if time.Since(g.start) > failWindow {
		g.start, g.n = time.Time{}, 0
	}
	return g.n >= maxFailures
}

func (g *guard) fail() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.start.IsZero() || time.Since(g.start) > failWindow {
		g.start, g.n = time.Now(), 0
	}
	g.n++
}
