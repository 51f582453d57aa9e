package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store/sqlite"
	"github.com/parley-news/parley/internal/store/storetest"
)

// TestLockoutIsPerClient: wrong tokens from one address lock out that
// address only; the owner, elsewhere, still gets in. (20 wrong tokens used
// to lock out everyone.)
func TestLockoutIsPerClient(t *testing.T) {
	f := newFixture(t, testToken, true)
	h := f.srv.Handler()
	post := func(addr, token string) int {
		r := httptest.NewRequest(http.MethodPost, "/api/v1/ingest", strings.NewReader(`{"urls":[]}`))
		r.RemoteAddr = addr
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	for i := range maxFailures {
		if code := post("203.0.113.7:4000", "guess"); code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, code)
		}
	}
	if code := post("203.0.113.7:4001", testToken); code != http.StatusTooManyRequests {
		t.Errorf("the guessing address, right token: %d, want 429", code)
	}
	if code := post("198.51.100.9:5000", testToken); code == http.StatusTooManyRequests || code == http.StatusUnauthorized {
		t.Errorf("another address with the right token: %d, want it let in", code)
	}
}

// TestLoginNextStaysOnSite: the login redirect refuses every target a
// browser would take off-site.
func TestLoginNextStaysOnSite(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/statements?q=x", "/statements?q=x"},
		{"/articles/3#s-1", "/articles/3#s-1"},
		{"/\t/evil.example", "/"},
		{"/%09/evil.example", "/%09/evil.example"}, // still encoded: a path here
		{"/\n/evil.example", "/"},
		{"//evil.example", "/"},
		{"/\\evil.example", "/"},
		{"/a\\b", "/"},
		{"https://evil.example/", "/"},
		{"evil.example", "/"},
		{"/\x00x", "/"},
		{"/%2F%2Fevil.example", "/"},
		{"", "/"},
	} {
		if got := localPath(tt.in); got != tt.want {
			t.Errorf("localPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Through the form: next=/%09/evil.example arrives decoded as "/\t/...".
	f := newFixture(t, testToken, true)
	_, resp := login(t, f, f.client(t), "/\t/evil.example")
	if loc := resp.Header.Get("Location"); resp.StatusCode != 303 || loc != "/" {
		t.Errorf("login with a tab in next: %d to %q", resp.StatusCode, loc)
	}
}

// TestLogoutRevokesTheSession: after logout the old session cookie is
// worth nothing, even replayed.
func TestLogoutRevokesTheSession(t *testing.T) {
	f := newFixture(t, testToken, true)
	c := f.client(t)
	login(t, f, c, "/ingest")
	u, _ := url.Parse(f.ts.URL)
	var session string
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			session = ck.Value
		}
	}
	if session == "" {
		t.Fatal("no session cookie after login")
	}
	_, _, page := get(t, c, f.ts.URL+"/ingest")
	if !strings.Contains(page, "Log out") {
		t.Fatal("not logged in")
	}
	tok := csrfFrom(t, page)
	if status, _, _ := postForm(t, c, f.ts.URL+"/logout", url.Values{"csrf": {tok}}); status != 303 {
		t.Fatalf("logout: %d", status)
	}
	replay := f.client(t)
	replay.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: session, Path: "/"}})
	if _, _, page := get(t, replay, f.ts.URL+"/ingest"); strings.Contains(page, "Log out") {
		t.Errorf("the session cookie still works after logout")
	}
}

// TestUpperCaseURLIsFetched: "HTTP://" in the URL box is a URL (and
// loopback is refused), never a path read from the server's disk.
func TestUpperCaseURLIsFetched(t *testing.T) {
	f := newFixture(t, testToken, true)
	body, _ := json.Marshal(IngestRequest{URLs: []string{"HTTP://127.0.0.1:1/etc/hostname"}})
	status, resp := apiPost(t, f.ts.URL+"/api/v1/ingest", testToken, "application/json", body)
	if status != 200 || !strings.Contains(resp, "address refused") {
		t.Fatalf("%d %s", status, resp)
	}
}

// TestHealthzAndWritesOnCorruptStore: a database that fails its integrity
// check makes /healthz answer 503 and ingest refuse; it used to say 200
// and take writes.
func TestHealthzAndWritesOnCorruptStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		a := testArticles(t)[0]
		a.Source, a.URL, a.ContentHash = fmt.Sprintf("s%d", i), "", ""
		a.Body += strings.Repeat(fmt.Sprintf(" Filler %d.", i), 200)
		if _, err := st.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	storetest.DamageSQLitePage(t, path, "articles")
	st, err = sqlite.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := New(Config{Token: testToken}, st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := newTestServer(t, srv)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/healthz on a corrupt store: %d, want 503", resp.StatusCode)
	}
	if _, err := srv.Ingest(ctx, []string{"x.txt"}, IngestOptions{}); err == nil {
		t.Errorf("ingest into a corrupt store was not refused")
	}
	// A sound store: 200.
	f := newFixture(t, "", false)
	resp, _ = http.Get(f.ts.URL + "/healthz")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/healthz on a sound store: %d", resp.StatusCode)
	}
}

// TestArticleStatementsPaged: an article's statements come a page at a
// time on its page and in the API, whatever their number.
func TestArticleStatementsPaged(t *testing.T) {
	f := newFixture(t, "", false)
	a := testArticles(t)[0]
	a.Source, a.URL, a.ContentHash = "many.txt", "", ""
	a.Body += " More."
	one := a.Statements[0]
	a.Statements = make([]article.Statement, 120)
	for i := range a.Statements {
		a.Statements[i] = one
	}
	res, err := f.st.SaveArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	c := f.client(t)
	_, _, page := get(t, c, fmt.Sprintf("%s/articles/%d", f.ts.URL, res.ID))
	if n := strings.Count(page, `<li class="stmt `); n != pageSize || !strings.Contains(page, "Statements (120)") || !strings.Contains(page, `rel="next"`) {
		t.Errorf("article page lists %d statements (want %d of 120, with a next link)", n, pageSize)
	}
	_, _, page = get(t, c, fmt.Sprintf("%s/articles/%d?offset=100", f.ts.URL, res.ID))
	if n := strings.Count(page, `<li class="stmt `); n != 20 {
		t.Errorf("last page lists %d statements, want 20", n)
	}
	_, _, body := get(t, c, fmt.Sprintf("%s/api/v1/articles/%d?statements_limit=30&statements_offset=10", f.ts.URL, res.ID))
	var got struct {
		Statements []any  `json:"statements"`
		Total      int    `json:"statements_total"`
		Offset     int    `json:"statements_offset"`
		Next       string `json:"statements_next"`
		Body       string `json:"body"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Statements) != 30 || got.Total != 120 || got.Offset != 10 || !strings.Contains(got.Next, "statements_offset=40") || got.Body == "" {
		t.Errorf("API page: %d statements, total %d, offset %d, next %q", len(got.Statements), got.Total, got.Offset, got.Next)
	}
}

func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/", "/statements?q=x", "//evil", "/\t/evil", "/\\evil", "https://x", "/%2F%2Fx", "/a/../b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := localPath(s)
		if out == "/" {
			return
		}
		if out != s {
			t.Fatalf("localPath(%q) = %q: neither the input nor /", s, out)
		}
		if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") || strings.ContainsAny(out, "\\") {
			t.Fatalf("localPath let %q through", s)
		}
		for i := 0; i < len(out); i++ {
			if out[i] < 0x20 || out[i] == 0x7f {
				t.Fatalf("localPath let a control character through: %q", s)
			}
		}
		u, err := url.Parse(out)
		if err != nil || u.Host != "" || u.Scheme != "" {
			t.Fatalf("localPath(%q) leaves the site", s)
		}
		// What a browser resolves it to stays on the site.
		base, _ := url.Parse("http://parley.test/login")
		if r := base.ResolveReference(u); r.Host != "parley.test" {
			t.Fatalf("localPath(%q) resolves to host %q", s, r.Host)
		}
	})
}
