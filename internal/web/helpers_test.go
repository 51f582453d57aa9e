package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parley-news/parley/examples"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/sqlite"
)

const testToken = "s3cret-test-token"

// span locates sub in body (the test texts make it unique).
func span(t testing.TB, body, sub string) article.Span {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	return article.Span{i, i + len(sub)}
}

func stmt(t testing.TB, body, speaker, title, aff, kind, cue, text, date string) article.Statement {
	t.Helper()
	ts, cs, ss := span(t, body, text), span(t, body, cue), span(t, body, speaker)
	lo, hi := min(ts[0], cs[0], ss[0]), max(ts[1], cs[1], ss[1])
	return article.Statement{
		Speaker: article.Actor{Name: speaker, Title: title, Affiliation: aff, Kind: article.Person},
		Kind:    kind, Text: text, Cue: cue, Date: date,
		Span: article.Span{lo, hi}, TextSpan: ts, CueSpan: cs, SpeakerSpan: ss,
	}
}

// Invented reports: two talks articles, one whose quote holds markup and
// whose URL is a javascript: link, and filler for pagination.
func testArticles(t testing.TB) []*article.Article {
	t.Helper()
	var out []*article.Article

	b1 := "VALDORA, May 4 — Negotiators from Freedonia and Sylvania met on Tuesday to discuss the river treaty.\n\n" +
		"\"We will not give up a single metre of the riverbank,\" Foreign Minister Anna Berg said.\n\n" +
		"Berg added that the talks would resume in June."
	a1 := &article.Article{Source: "test/river-1.txt", URL: "https://news.example.test/river-1", Title: "River treaty talks open in Valdora",
		Published: "2040-05-04", Outlet: "Test Herald", Place: "Valdora", Language: "en", Body: b1, Pipeline: pipeline.Version}
	a1.Statements = []article.Statement{
		stmt(t, b1, "Anna Berg", "Foreign Minister", "Freedonia", article.Direct, "said", "We will not give up a single metre of the riverbank,", "2040-05-04"),
	}
	// The second statement's speaker and cue are the later "Berg added".
	later := strings.Index(b1, "Berg added")
	ind := stmt(t, b1[later:], "Berg", "Foreign Minister", "Freedonia", article.Indirect, "added", "the talks would resume in June.", "2040-05-04")
	for _, sp := range []*article.Span{&ind.Span, &ind.TextSpan, &ind.CueSpan, &ind.SpeakerSpan} {
		sp[0] += later
		sp[1] += later
	}
	ind.Speaker.Name = "Anna Berg"
	a1.Statements = append(a1.Statements, ind)
	a1.Mentions = []article.Mention{
		{Text: "Freedonia", Type: article.GPE, Span: span(t, b1, "Freedonia")},
		{Text: "Anna Berg", Type: article.Person, Actor: "Anna Berg", Span: span(t, b1, "Anna Berg")},
	}
	a1.Timexes = []article.Timex{
		{Text: "Tuesday", Type: article.Date, Value: "2040-05-01", Span: span(t, b1, "Tuesday")},
		{Text: "June", Type: article.Date, Value: "2040-06", Span: span(t, b1, "June")},
	}
	out = append(out, a1)

	b2 := "ORSK, May 9 — Sylvanian envoy Karl Vos rejected the proposal.\n\n" +
		"\"<script>window.pwned=1</script> is not a negotiating position,\" Vos said about the draft. " +
		"He called the Freedonian offer <b>insulting</b>."
	a2 := &article.Article{Source: "test/markup.txt", URL: "javascript:window.pwned=2", Title: "Envoy rejects <i>draft</i> proposal",
		Published: "2040-05-09", Outlet: "Orsk Daily", Language: "en", Body: b2, Pipeline: pipeline.Version}
	a2.Statements = []article.Statement{
		stmt(t, b2, "Vos", "envoy", "Sylvania", article.Direct, "said", "<script>window.pwned=1</script> is not a negotiating position,", ""),
	}
	a2.Statements[0].Speaker.Name = "Karl Vos"
	a2.Mentions = []article.Mention{{Text: "Karl Vos", Type: article.Person, Actor: "Karl Vos", Span: span(t, b2, "Karl Vos")}}
	out = append(out, a2)

	// Filler: 60 short reports with one statement each, for pagination.
	for i := range 60 {
		b := fmt.Sprintf("Spokesperson Lee Park said the committee met for the %dth time on water quotas.", i+1)
		a := &article.Article{Source: fmt.Sprintf("test/filler-%02d.txt", i), Title: fmt.Sprintf("Committee meeting %d", i+1),
			Published: fmt.Sprintf("2040-04-%02d", 1+i%28), Outlet: "Test Herald", Language: "en", Body: b, Pipeline: pipeline.Version}
		a.Statements = []article.Statement{stmt(t, b, "Lee Park", "Spokesperson", "", article.Indirect, "said",
			fmt.Sprintf("the committee met for the %dth time on water quotas.", i+1), "")}
		out = append(out, a)
	}
	return out
}

type fixture struct {
	srv *Server
	st  store.Store
	ts  *httptest.Server
	ids map[string]int64 // by source
}

// newFixture serves the test articles from a fresh database. token may be
// empty for a read-only server; withPipe adds a pipeline for ingest.
func newFixture(t testing.TB, token string, withPipe bool) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"), nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st, ids: map[string]int64{}}
	for _, a := range testArticles(t) {
		res, err := st.SaveArticle(ctx, a)
		if err != nil {
			t.Fatalf("save %s: %v", a.Source, err)
		}
		f.ids[a.Source] = res.ID
	}
	var pipe *pipeline.Pipeline
	if withPipe {
		if pipe, err = pipeline.New(pipeline.Config{}, nil); err != nil {
			t.Fatalf("pipeline: %v", err)
		}
	}
	f.srv, err = New(Config{Token: token}, st, pipe, nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	f.ts = httptest.NewServer(f.srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

// client returns an HTTP client with a cookie jar that does not follow redirects.
func (f *fixture) client(t testing.TB) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t testing.TB, c *http.Client, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func postForm(t testing.TB, c *http.Client, u string, v url.Values) (int, http.Header, string) {
	t.Helper()
	resp, err := c.PostForm(u, v)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrfFrom reads the CSRF token of the first form on a page.
func csrfFrom(t testing.TB, html string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("no csrf field in page")
	}
	return m[1]
}

func newTestServer(t testing.TB, srv *Server) string {
	t.Helper()
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// newDemo serves the example corpus with its dossier from a fresh
// database, as `parley serve --demo` does.
func newDemo(t testing.TB, token string) (*Server, string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	pipe, err := pipeline.New(pipeline.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := DemoDossier()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Token: token, Dossier: d, DossierSource: examples.Dossier}, st, pipe, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := srv.LoadDemo(ctx)
	if err != nil || rep.New == 0 || rep.Failed != 0 {
		t.Fatalf("demo: %+v %v", rep, err)
	}
	return srv, newTestServer(t, srv)
}

func decodeAny(t testing.TB, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return m
}
