package web

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var scriptNonce = regexp.MustCompile(`<script src="/static/app\.js\?v=[0-9a-f]{12}" nonce="([^"]+)"`)

func TestPagesRender(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	river := strconv.FormatInt(f.ids["test/river-1.txt"], 10)
	_, _, actors := get(t, c, f.ts.URL+"/api/v1/actors?q=berg")
	berg := strconv.Itoa(int(items(t, actors)[0].(map[string]any)["id"].(float64)))
	cases := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"<b>62</b> articles", "<b>63</b> statements", "Latest statements", "Lee Park"}},
		{"/statements", 200, []string{"Older →", `<option value="Orsk Daily">`}},
		{"/statements?speaker=Berg&kind=direct", 200, []string{"single metre of the riverbank", "Clear"}},
		{"/statements?q=riverbank", 200, []string{"single metre of the riverbank"}},
		{"/statements?from=nonsense", 400, []string{"YYYY-MM-DD", `role="alert"`}},
		{"/articles", 200, []string{"River treaty talks open in Valdora", "Older →"}},
		{"/articles?q=riverbank", 200, []string{"<mark>riverbank</mark>"}},
		{"/articles/" + river, 200, []string{`href="https://news.example.test/river-1"`, `id="s-0"`, `class="st st-direct"`, `st-direct cue"`, `title="DATE 2040-05-01"`, "Valdora"}},
		{"/articles/" + river + "?hl=0-7", 200, []string{`id="hl"`, `class="hl"`, "Jump to the highlighted evidence"}},
		{"/articles/999999", 404, []string{"not found"}},
		{"/articles/x", 404, []string{"not found"}},
		{"/actors", 200, []string{"Anna Berg", "Foreign Minister"}},
		{"/actors?q=vos", 200, []string{"Karl Vos"}},
		{"/actors/" + berg, 200, []string{"Titles over time", "Foreign Minister", "2040-05-04", "single metre"}},
		{"/actors/31337", 404, nil},
		{"/ingest", 200, []string{"read-only"}},
		{"/login", 200, []string{"nothing to log in to"}},
		{"/matrix", 200, []string{"No dossier"}},
		{"/stances", 200, []string{"No dossier"}},
		{"/timeline", 200, []string{"Showing 1–", "of"}},
		{"/dossiers", 200, []string{"No dossier yet"}},
		{"/no/such/page", 404, []string{"no such page"}},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			status, h, body := get(t, c, f.ts.URL+tc.path)
			if status != tc.status {
				t.Fatalf("status %d, want %d", status, tc.status)
			}
			if ct := h.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			// The script tag carries the nonce of this response's CSP.
			m := scriptNonce.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no script tag with a nonce")
			}
			csp := h.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'nonce-"+m[1]+"'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q does not match nonce %q", csp, m[1])
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
				t.Errorf("security headers missing: %v", h)
			}
		})
	}
}

func TestNonceChangesPerRequest(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	seen := map[string]bool{}
	for range 5 {
		_, _, body := get(t, c, f.ts.URL+"/")
		seen[scriptNonce.FindStringSubmatch(body)[1]] = true
	}
	if len(seen) != 5 {
		t.Errorf("5 requests gave %d distinct nonces", len(seen))
	}
}

func TestArticleTextIsEscaped(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	_, _, body := get(t, c, f.ts.URL+"/articles/"+strconv.FormatInt(f.ids["test/markup.txt"], 10))
	for _, bad := range []string{"<script>window", "<b>insulting", "<i>draft", `href="javascript:`} {
		if strings.Contains(body, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;window.pwned=1&lt;/script&gt;", "&lt;b&gt;insulting&lt;/b&gt;", "Envoy rejects &lt;i&gt;draft&lt;/i&gt; proposal"} {
		if !strings.Contains(body, good) {
			t.Errorf("page lacks escaped %q", good)
		}
	}
	// The javascript: URL is shown as text, not as a link.
	if !strings.Contains(body, `title="not an http(s) link">javascript:window.pwned=2</span>`) {
		t.Errorf("javascript: URL not shown inert")
	}
	// The statements list escapes the quote too.
	_, _, list := get(t, c, f.ts.URL+"/statements?speaker=vos")
	if strings.Contains(list, "<script>window") || !strings.Contains(list, "&lt;script&gt;") {
		t.Errorf("statement list does not escape the quote")
	}
}

func TestStaticAssets(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	_, _, page := get(t, c, f.ts.URL+"/")
	m := regexp.MustCompile(`href="(/static/app\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no versioned stylesheet link")
	}
	status, h, css := get(t, c, f.ts.URL+m[1])
	if status != 200 || !strings.Contains(h.Get("Cache-Control"), "immutable") || !strings.HasPrefix(h.Get("Content-Type"), "text/css") || !strings.Contains(css, ".body") {
		t.Errorf("versioned asset: %d %v", status, h)
	}
	status, h, _ = get(t, c, f.ts.URL+"/static/app.css")
	if status != 200 || h.Get("Cache-Control") != "no-cache" {
		t.Errorf("unversioned asset: %d %q", status, h.Get("Cache-Control"))
	}
	if status, _, _ := get(t, c, f.ts.URL+"/static/nothing.js"); status != 404 {
		t.Errorf("missing asset: %d", status)
	}
}

// login logs c in through the form and returns the CSRF token to post with.
func login(t *testing.T, f *fixture, c *http.Client, next string) (string, *http.Response) {
	t.Helper()
	_, _, page := get(t, c, f.ts.URL+"/login")
	tok := csrfFrom(t, page)
	resp, err := c.PostForm(f.ts.URL+"/login", url.Values{"csrf": {tok}, "token": {testToken}, "next": {next}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return tok, resp
}

func TestLoginAndCSRF(t *testing.T) {
	f := newFixture(t, testToken, true)
	c := f.client(t)
	_, _, page := get(t, c, f.ts.URL+"/ingest")
	if !strings.Contains(page, "Log in</a> with the server's token") {
		t.Errorf("ingest page asks no login")
	}
	_, _, page = get(t, c, f.ts.URL+"/login")
	tok := csrfFrom(t, page)

	// No CSRF token, or a made-up one: refused before the token is looked at.
	for _, v := range []url.Values{{"token": {testToken}}, {"token": {testToken}, "csrf": {strings.Repeat("a", 64)}}} {
		if status, _, _ := postForm(t, c, f.ts.URL+"/login", v); status != 403 {
			t.Errorf("login without valid CSRF: %d", status)
		}
	}
	// A browser without the CSRF cookie cannot reuse another's token.
	if status, _, _ := postForm(t, f.client(t), f.ts.URL+"/login", url.Values{"token": {testToken}, "csrf": {tok}}); status != 403 {
		t.Errorf("token without its cookie: %d", status)
	}
	if status, _, _ := postForm(t, c, f.ts.URL+"/login", url.Values{"token": {"guess"}, "csrf": {tok}}); status != 401 {
		t.Errorf("wrong token: %d", status)
	}
	// Posting while not logged in is refused.
	ctype, body := multipartBody(t, map[string]string{"holm.txt": uploadText}, map[string]string{"csrf": tok})
	if resp, err := c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body)); err != nil || resp.StatusCode != 401 {
		t.Errorf("ingest before login: %v %v", resp.StatusCode, err)
	}

	_, resp := login(t, f, c, "//evil.example/x")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/" {
		t.Errorf("login: %d to %q (must not redirect off-site)", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, _, page = get(t, c, f.ts.URL+"/ingest")
	if !strings.Contains(page, `enctype="multipart/form-data"`) || !strings.Contains(page, "Log out") {
		t.Fatalf("logged-in ingest page has no form")
	}
	tok = csrfFrom(t, page)

	// Ingest without the CSRF field: refused.
	ctype, body = multipartBody(t, map[string]string{"holm.txt": uploadText}, nil)
	resp, err := c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body))
	if err != nil || resp.StatusCode != 403 {
		t.Errorf("ingest without CSRF: %v %v", resp.StatusCode, err)
	}
	// A cross-site post (as a browser labels it) is refused whatever it carries.
	ctype, body = multipartBody(t, map[string]string{"holm.txt": uploadText}, map[string]string{"csrf": tok})
	req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/ingest", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err = c.Do(req)
	if err != nil || resp.StatusCode != 403 {
		t.Errorf("cross-site ingest: %v %v", resp.StatusCode, err)
	}
	// With it: the upload is analysed and saved.
	resp, err = c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(out), "new 1") || !strings.Contains(string(out), "upload:holm.txt") {
		t.Errorf("ingest: %d\n%s", resp.StatusCode, out)
	}
	// A URL box holding a local path is refused, not read.
	ctype, body = multipartBody(t, nil, map[string]string{"csrf": tok, "urls": "/etc/hostname"})
	resp, _ = c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body))
	out, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(out), "not an http(s) URL") {
		t.Errorf("local path in URL box: %d", resp.StatusCode)
	}
	// Log out needs the CSRF token too.
	if status, _, _ := postForm(t, c, f.ts.URL+"/logout", nil); status != 403 {
		t.Errorf("logout without CSRF: %d", status)
	}
	if status, _, _ := postForm(t, c, f.ts.URL+"/logout", url.Values{"csrf": {tok}}); status != 303 {
		t.Errorf("logout: %d", status)
	}
	if _, _, page = get(t, c, f.ts.URL+"/ingest"); strings.Contains(page, "Log out") {
		t.Errorf("still logged in after logout")
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	f := newFixture(t, "", true)
	c := f.client(t)
	_, _, page := get(t, c, f.ts.URL+"/")
	tok := csrfFrom(t, page+`name="csrf" value="00"`) // no form on a read-only page: any value
	ctype, body := multipartBody(t, map[string]string{"holm.txt": uploadText}, map[string]string{"csrf": tok})
	resp, err := c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body))
	if err != nil || resp.StatusCode != 403 {
		t.Errorf("read-only ingest: %v %v", resp.StatusCode, err)
	}
	if status, _, _ := postForm(t, c, f.ts.URL+"/login", url.Values{"token": {""}}); status != 403 {
		t.Errorf("read-only login: %d", status)
	}
}
