package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
)

// deskArticles adds what the timeline tests need to a fixture: the river
// quote carried by a second outlet (one fact, two outlets) and an article
// with no publication date whose undated statement must sit at its time
// anchor.
func deskArticles(t *testing.T, f *fixture) {
	t.Helper()
	b := "VALDORA — \"We will not give up a single metre of the riverbank,\" Foreign Minister Anna Berg said, as the river treaty talks opened."
	a := &article.Article{Source: "test/river-wire.txt", Title: "Berg holds the line", Published: "2040-05-04", Outlet: "Wire Two", Language: "en", Body: b, Pipeline: pipeline.Version}
	a.Statements = []article.Statement{stmt(t, b, "Anna Berg", "Foreign Minister", "Freedonia", article.Direct, "said", "We will not give up a single metre of the riverbank,", "2040-05-04")}
	b2 := "The round began on May 10, 2040. Delegate Mira Olsen said the sluice gates would stay open until the next round."
	a2 := &article.Article{Source: "test/undated.txt", Title: "Sluice gates", Outlet: "Night Desk", Language: "en", Body: b2, Pipeline: pipeline.Version}
	a2.Statements = []article.Statement{stmt(t, b2, "Mira Olsen", "Delegate", "Sylvania", article.Indirect, "said", "the sluice gates would stay open until the next round.", "")}
	for _, x := range []*article.Article{a, a2} {
		if _, err := f.st.SaveArticle(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFactTimelineAPI(t *testing.T) {
	f := newFixture(t, "", false)
	deskArticles(t, f)
	c := f.client(t)
	base := f.ts.URL + "/api/v1/timeline"

	status, _, body := get(t, c, base)
	if status != 200 {
		t.Fatalf("timeline: %d %s", status, body)
	}
	m := decode(t, body)
	total := int(m["total"].(float64))
	list := m["items"].([]any)
	if total < 4 || len(list) != total || m["next_offset"] != nil {
		t.Fatalf("first page: total %d, %d items, next %v", total, len(list), m["next_offset"])
	}
	_, _, body = get(t, c, base+"?limit=2")
	if p := decode(t, body); len(p["items"].([]any)) != 2 || p["next_offset"].(float64) != 2 || int(p["total"].(float64)) != total {
		t.Errorf("limit=2: %s", body)
	}
	// Pages cover everything once.
	_, _, body = get(t, c, base+"?limit=500")
	all := decode(t, body)["items"].([]any)
	if len(all) != total {
		t.Errorf("limit=500 gives %d of %d", len(all), total)
	}
	_, _, body = get(t, c, base+"?limit=2&offset=2")
	pg := decode(t, body)
	if pg["offset"].(float64) != 2 || len(pg["items"].([]any)) != min(2, total-2) || pg["items"].([]any)[0].(map[string]any)["text"] != all[2].(map[string]any)["text"] {
		t.Errorf("page 2 of 10: %v", pg["offset"])
	}

	var berg, olsen, vos map[string]any
	for _, it := range all {
		fc := it.(map[string]any)
		switch {
		case strings.Contains(fc["text"].(string), "riverbank"):
			if berg != nil {
				t.Errorf("the riverbank quote is two facts")
			}
			berg = fc
		case strings.Contains(fc["text"].(string), "sluice"):
			olsen = fc
		case strings.Contains(fc["text"].(string), "negotiating position"):
			vos = fc
		}
		// A fact is never placed before its window nor the window before the axis.
		if e, l := fc["earliest"], fc["latest"]; e != nil && l != nil && e.(string) > l.(string) {
			t.Errorf("window %v..%v", e, l)
		}
	}
	if berg == nil || len(berg["outlets"].([]any)) != 2 || len(berg["reports"].([]any)) != 2 {
		t.Fatalf("the quote two outlets carried: %v", berg)
	}
	if berg["earliest"] != "2040-05-04" || berg["latest"] != "2040-05-04" || berg["anchor"] != nil {
		t.Errorf("a dated fact: %v..%v anchor %v", berg["earliest"], berg["latest"], berg["anchor"])
	}
	// Undated, published: at the publication day, the week before drawn.
	if vos == nil || vos["date"] != "" || vos["anchor"] != "2040-05-09" || vos["earliest"] != "2040-05-03" || vos["latest"] != "2040-05-09" ||
		!strings.Contains(vos["anchor_basis"].(string), "Orsk Daily published it") {
		t.Errorf("undated statement of a dated article: %v", vos)
	}
	// Undated, unpublished: at the article's time anchor.
	if olsen == nil || olsen["anchor"] != "2040-05-13" || olsen["earliest"] != "2040-05-07" || !strings.Contains(olsen["anchor_basis"].(string), "end of the week") {
		t.Errorf("undated statement of an undated article: %v", olsen)
	}
	if m["from"] == "" || m["from"].(string) > "2040-04-01" {
		t.Errorf("axis from %v", m["from"])
	}

	// Filters.
	for _, tc := range []struct {
		q     string
		all   bool // may keep every fact
		check func(map[string]any) bool
	}{
		{"outlet=wire+two", false, func(fc map[string]any) bool {
			return strings.Contains(strings.ToLower(strings.Join(strs(fc["outlets"]), ",")), "wire two")
		}},
		{"actor=Berg", false, func(fc map[string]any) bool { return strings.Contains(fc["actor"].(string), "Berg") }},
		{"kind=statement", true, func(fc map[string]any) bool { return fc["kind"] == "statement" }},
		{"from=2040-05-01&to=2040-05-31", false, func(fc map[string]any) bool { d := fc["date"].(string); return d >= "2040-05" && d <= "2040-05-31" }},
	} {
		status, _, body := get(t, c, base+"?limit=500&"+tc.q)
		got := decode(t, body)["items"].([]any)
		if status != 200 || len(got) == 0 || (!tc.all && len(got) >= total) {
			t.Errorf("%s: %d, %d of %d facts", tc.q, status, len(got), total)
		}
		for _, it := range got {
			if !tc.check(it.(map[string]any)) {
				t.Errorf("%s let through %v", tc.q, it)
			}
		}
	}
	if m["earlier"] != nil {
		t.Errorf("a small store's timeline is whole, yet earlier = %v", m["earlier"])
	}
	// A store larger than the window: the newest facts, and where the
	// earlier ones begin, on the API and the page.
	f.srv.window = 1
	_, _, body = get(t, c, base+"?kind=statement")
	win := decode(t, body)
	// The newest statement is the undated one of an article published on
	// 2040-05-09: the window holds that day, the only one it read.
	if win["earlier"] != "2040-05-09" || len(win["items"].([]any)) != 1 {
		t.Errorf("window of one statement: earlier %v, %d items", win["earlier"], len(win["items"].([]any)))
	}
	_, _, page := get(t, c, f.ts.URL+"/timeline?kind=statement")
	if !strings.Contains(page, `id="window"`) || !strings.Contains(page, "/timeline?kind=statement&amp;to=2040-05-09") {
		t.Errorf("the page does not say it is a window or link to the earlier facts")
	}
	f.srv.window = 0
	// Validation.
	for _, q := range []string{"kind=speech", "from=May", "limit=0", "offset=-1", "issue=border"} {
		if status, _, body := get(t, c, base+"?"+q); status != 400 || errCode(t, body) != codeBadRequest {
			t.Errorf("%s: %d %s", q, status, body)
		}
	}
	// The page: counts, the undated fact drawn as a whisker at its anchor.
	_, _, page = get(t, c, f.ts.URL+"/timeline")
	if !strings.Contains(page, "Showing 1–") || !strings.Contains(page, `class="fact k-statement undated"`) {
		t.Errorf("timeline page lacks its count, pager or undated facts")
	}
	if status, _, _ := get(t, c, f.ts.URL+"/timeline?kind=speech"); status != 400 {
		t.Errorf("bad kind on the page: %d", status)
	}
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

const deskDossier = `negotiation: River treaty talks
parties:
  - name: Freedonia
  - name: Sylvania
issues:
  - id: riverbank
    proposition: The riverbank stays with Freedonia
    for: [riverbank]
`

func put(t *testing.T, u, token, ctype, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestDossierAPI(t *testing.T) {
	f := newFixture(t, testToken, false)
	c := f.client(t)
	api := f.ts.URL + "/api/v1/dossiers"

	_, _, body := get(t, c, api)
	if m := decode(t, body); len(m["items"].([]any)) != 0 || m["active"] != "" {
		t.Fatalf("empty server lists %s", body)
	}
	if status, _, body := get(t, c, f.ts.URL+"/api/v1/positions"); status != 404 || errCode(t, body) != codeNotFound {
		t.Errorf("positions without a dossier: %d", status)
	}
	// Auth.
	for _, tok := range []string{"", "wrong"} {
		if status, _, body := put(t, api+"/talks", tok, "application/yaml", deskDossier); status != 401 || errCode(t, body) != codeUnauth {
			t.Errorf("PUT with token %q: %d", tok, status)
		}
	}
	// Validation: nothing is saved.
	bad := strings.Replace(deskDossier, "  - name: Sylvania\n", "  - name: Sylvania\n  - name: freedonia\n", 1)
	status, _, body := put(t, api+"/talks", testToken, "application/yaml", bad)
	if status != 422 {
		t.Fatalf("invalid dossier: %d %s", status, body)
	}
	probs := decode(t, body)["error"].(map[string]any)["problems"].([]any)
	if len(probs) != 1 || probs[0].(map[string]any)["line"].(float64) != 5 || !strings.Contains(probs[0].(map[string]any)["message"].(string), "listed twice") {
		t.Errorf("problems: %v", probs)
	}
	if status, _, _ := get(t, c, api+"/talks"); status != 404 {
		t.Errorf("an invalid dossier was saved: %d", status)
	}
	if status, _, _ := put(t, api+"/no.dots", testToken, "application/yaml", deskDossier); status != 400 {
		t.Errorf("bad name: %d", status)
	}
	if status, _, _ := put(t, api+"/talks", testToken, "application/json", `{}`); status != 415 {
		t.Errorf("JSON body: %d", status)
	}
	// Create, replace.
	status, hdr, body := put(t, api+"/talks", testToken, "application/yaml", deskDossier)
	if status != 201 || hdr.Get("Location") != "/api/v1/dossiers/talks" {
		t.Fatalf("create: %d %s", status, body)
	}
	if d := decode(t, body); d["active"] != true || d["valid"] != true || d["issues"].(float64) != 1 {
		t.Errorf("created: %s", body)
	}
	other := strings.Replace(deskDossier, "River treaty talks", "Second round", 1)
	if status, _, _ := put(t, api+"/round-2", testToken, "text/yaml", other); status != 201 {
		t.Errorf("second: %d", status)
	}
	if status, _, _ := put(t, api+"/talks", testToken, "application/yaml", deskDossier); status != 200 {
		t.Errorf("replace: %d", status)
	}
	// List, paged.
	_, _, body = get(t, c, api+"?limit=1")
	m := decode(t, body)
	if len(m["items"].([]any)) != 1 || m["next_offset"].(float64) != 1 || m["active"] != "talks" {
		t.Errorf("list page: %s", body)
	}
	// Switch: the positions follow the active dossier or ?dossier=.
	if status, _ := apiPost(t, api+"/round-2/activate", "", "", nil); status != 401 {
		t.Errorf("activate without token: %d", status)
	}
	if status, body := apiPost(t, api+"/round-2/activate", testToken, "", nil); status != 200 || !strings.Contains(body, "round-2") {
		t.Errorf("activate: %d %s", status, body)
	}
	if status, _ := apiPost(t, api+"/nope/activate", testToken, "", nil); status != 404 {
		t.Errorf("activate unknown: %d", status)
	}
	_, _, body = get(t, c, f.ts.URL+"/api/v1/positions")
	if decode(t, body)["negotiation"] != "Second round" {
		t.Errorf("positions after the switch: %s", body)
	}
	_, _, body = get(t, c, f.ts.URL+"/api/v1/positions?dossier=talks")
	if decode(t, body)["negotiation"] != "River treaty talks" {
		t.Errorf("positions?dossier=talks: %s", body)
	}
	if status, _, body := get(t, c, f.ts.URL+"/api/v1/positions?dossier=nope"); status != 404 || !strings.Contains(body, "no dossier named") {
		t.Errorf("positions?dossier=nope: %d %s", status, body)
	}
	_, _, body = get(t, c, api+"/talks")
	if d := decode(t, body); d["source"] != deskDossier || len(d["issues_list"].([]any)) != 1 {
		t.Errorf("GET one: %s", body)
	}
	// The timeline's issue filter uses the dossier's evidence.
	if status, _, body := get(t, c, f.ts.URL+"/api/v1/timeline?issue=riverbank&dossier=talks"); status != 200 {
		t.Errorf("timeline by issue: %d %s", status, body)
	} else {
		for _, it := range decode(t, body)["items"].([]any) {
			if !strings.Contains(it.(map[string]any)["text"].(string), "riverbank") {
				t.Errorf("issue filter let through %v", it)
			}
		}
	}

	// A read-only server refuses writes.
	ro := newFixture(t, "", false)
	if status, _, body := put(t, ro.ts.URL+"/api/v1/dossiers/talks", testToken, "application/yaml", deskDossier); status != 403 || errCode(t, body) != codeReadOnly {
		t.Errorf("read-only PUT: %d", status)
	}
}

func TestDossierDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("negotiation: x\nparties: []\nissues: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, testToken, false)
	srv, err := New(Config{Token: testToken, DossierDir: dir}, f.st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := newTestServer(t, srv)
	_, _, body := get(t, f.client(t), base+"/api/v1/dossiers")
	m := decode(t, body)
	if it := m["items"].([]any); len(it) != 1 || it[0].(map[string]any)["valid"] != false || m["active"] != "" {
		t.Fatalf("a broken file is listed with its errors: %s", body)
	}
	if status, _ := apiPost(t, base+"/api/v1/dossiers/broken/activate", testToken, "", nil); status != 409 {
		t.Errorf("activating a broken dossier: %d", status)
	}
	if status, _, _ := put(t, base+"/api/v1/dossiers/talks", testToken, "application/yaml", deskDossier); status != 201 {
		t.Fatalf("PUT: %d", status)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "talks.yaml")); err != nil || string(got) != deskDossier {
		t.Errorf("file not written: %q %v", got, err)
	}
	// A new server over the same directory has it, active.
	srv2, err := New(Config{DossierDir: dir}, f.st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := srv2.dossiers.current(""); d == nil || d.Negotiation != "River treaty talks" {
		t.Errorf("reloaded: %+v", d)
	}
	if _, err := New(Config{DossierDir: filepath.Join(dir, "missing")}, f.st, nil, nil); err == nil {
		t.Error("a missing directory is accepted")
	}
}

func TestDossierEditorPage(t *testing.T) {
	f := newFixture(t, testToken, false)
	c := f.client(t)
	ed := f.ts.URL + "/dossiers/talks"

	_, _, page := get(t, c, ed)
	if !strings.Contains(page, "Log in") || strings.Contains(page, "<textarea") {
		t.Errorf("logged out, the editor is offered")
	}
	if status, _, _ := postForm(t, c, ed, url.Values{"source": {deskDossier}}); status != 401 && status != 403 {
		t.Errorf("post logged out: %d", status)
	}
	tok, _ := login(t, f, c, "/dossiers/talks")
	if status, _, _ := postForm(t, c, ed, url.Values{"source": {deskDossier}}); status != 403 {
		t.Errorf("post without CSRF: %d", status)
	}
	if status, _, _ := postForm(t, c, ed, url.Values{"source": {deskDossier}, "csrf": {otherToken(tok)}}); status != 403 {
		t.Errorf("post with a wrong CSRF token: %d", status)
	}
	_, _, page = get(t, c, ed)
	if !strings.Contains(page, "<textarea") || !strings.Contains(page, "negotiation: Name of the negotiation") {
		t.Errorf("a new dossier starts from the outline")
	}
	bad := strings.Replace(deskDossier, "for: [riverbank]", "for: [riverbank]\n    against: [Riverbank]", 1)
	status, _, page := postForm(t, c, ed, url.Values{"source": {bad}, "csrf": {tok}})
	if status != 422 || !strings.Contains(page, "talks.yaml:9:15") || !strings.Contains(page, "under both for and against") ||
		!strings.Contains(page, `class="ln bad"`) || !strings.Contains(page, "against: [Riverbank]\n</textarea>") {
		t.Errorf("invalid save: %d, errors not shown inline", status)
	}
	if srv := f.srv; srv.dossiers.current("talks") != nil {
		t.Error("the invalid dossier was saved")
	}
	status, hdr, _ := postForm(t, c, ed, url.Values{"source": {deskDossier}, "csrf": {tok}, "activate": {"on"}})
	if status != 303 || hdr.Get("Location") != "/dossiers/talks?saved=1" {
		t.Fatalf("save: %d %s", status, hdr.Get("Location"))
	}
	_, _, page = get(t, c, f.ts.URL+"/dossiers")
	if !strings.Contains(page, `href="/dossiers/talks"`) || !strings.Contains(page, "<b>active</b>") {
		t.Errorf("dossier list lacks the saved dossier")
	}
	if status, hdr, _ := get(t, c, f.ts.URL+"/dossiers?new=second"); status != 303 || hdr.Get("Location") != "/dossiers/second" {
		t.Errorf("new: %d %s", status, hdr.Get("Location"))
	}
	if status, _, _ := postForm(t, c, f.ts.URL+"/dossiers/talks/activate", url.Values{}); status != 403 {
		t.Errorf("activate without CSRF: %d", status)
	}
	if status, _, _ := postForm(t, c, f.ts.URL+"/dossiers/talks/activate", url.Values{"csrf": {tok}}); status != 303 {
		t.Errorf("activate: %d", status)
	}
	_, _, page = get(t, c, f.ts.URL+"/matrix")
	if !strings.Contains(page, "River treaty talks") {
		t.Errorf("matrix does not use the new dossier")
	}
}

func TestListing(t *testing.T) {
	src := "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n"
	got := listing(src, dossier.Errors{{File: "x.yaml", Line: 5, Col: 4, Msg: "bad"}, {File: "x.yaml", Line: 1, Col: 1, Msg: "first"}})
	if len(got) != 5 || got[0].N != 1 || got[1].N != 2 || !got[2].Gap || got[2].N != 4 || got[3].Errors[0].Pad != "   " || got[4].N != 6 {
		t.Errorf("listing: %+v", got)
	}
}

func TestIngestPaste(t *testing.T) {
	f := newFixture(t, testToken, true)
	c := f.client(t)
	tok, _ := login(t, f, c, "/ingest")
	post := func(fields map[string]string) (int, string) {
		t.Helper()
		fields["csrf"] = tok
		ctype, body := multipartBody(t, nil, fields)
		resp, err := c.Post(f.ts.URL+"/ingest", ctype, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	text := "Harbour toll talks end without a deal\n\nThe harbour toll talks ended on Friday without a deal, envoy Tomas Reyes told reporters.\n\n\"We will come back in a month,\" Reyes said."
	status, page := post(map[string]string{"text": text, "published": "2040-06-08", "outlet": "Harbour Post"})
	if status != 200 || !strings.Contains(page, "new 1") || !strings.Contains(page, "pasted:2040-06-08") {
		t.Fatalf("paste: %d\n%s", status, page)
	}
	_, _, body := get(t, c, f.ts.URL+"/api/v1/articles?q=harbour")
	arts := items(t, body)
	if len(arts) != 1 {
		t.Fatalf("%d articles found", len(arts))
	}
	a := arts[0].(map[string]any)
	if a["published"] != "2040-06-08" || a["published_basis"] != "input" || a["outlet"] != "Harbour Post" || a["title"] != "Harbour toll talks end without a deal" {
		t.Errorf("pasted article: %v", a)
	}
	// "on Friday" is read against the date given.
	_, _, body = get(t, c, f.ts.URL+"/api/v1/statements?speaker=Reyes")
	for _, s := range items(t, body) {
		if d := s.(map[string]any)["date"]; d != "" && d != "2040-06-08" && d != "2040-06-06" {
			t.Errorf("statement dated %v", d)
		}
	}
	for _, tc := range []map[string]string{
		{"text": text, "published": "8 June"},
		{"published": "2040-06-08"},
		{},
	} {
		if status, _ := post(tc); status != 400 {
			t.Errorf("%v: %d", tc, status)
		}
	}
}

func TestListCounts(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	_, _, page := get(t, c, f.ts.URL+"/statements")
	if !strings.Contains(page, "Showing 1–50 of 63.") || !strings.Contains(page, "Older →") {
		t.Errorf("statements count missing")
	}
	_, _, page = get(t, c, f.ts.URL+"/statements?speaker=Lee+Park&offset=50")
	if !strings.Contains(page, "Showing 51–60 of 60.") {
		t.Errorf("filtered statements count missing")
	}
	_, _, page = get(t, c, f.ts.URL+"/articles")
	if !strings.Contains(page, "Showing 1–50 of 62.") {
		t.Errorf("articles count missing")
	}
	// The overview and the actors page count the same actors.
	_, _, over := get(t, c, f.ts.URL+"/")
	_, _, acts := get(t, c, f.ts.URL+"/actors")
	n := len(items(t, func() string { _, _, b := get(t, c, f.ts.URL+"/api/v1/actors?limit=500"); return b }()))
	if !strings.Contains(over, fmt.Sprintf("<b>%d</b> actors quoted", n)) || !strings.Contains(acts, fmt.Sprintf("of %d.", n)) {
		t.Errorf("overview and actors page disagree on %d actors", n)
	}
}

// otherToken is tok with its first character changed (a fixed character
// would leave the one token starting with it unchanged).
func otherToken(tok string) string {
	if strings.HasPrefix(tok, "0") {
		return "1" + tok[1:]
	}
	return "0" + tok[1:]
}
