package web

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store/sqlite"
)

const feesDossier = `negotiation: Harbour fees between Portland and Freeport
parties:
  - name: Portland
  - name: Freeport
issues:
  - id: harbour-fees
    proposition: Harbour fees are halved
    for: [halve the fees]
    against: [keep the fees]
`

func feesArticle(source, date, party, speaker, text string) *article.Article {
	body := `"` + text + `," ` + speaker + ` said.`
	return &article.Article{Source: source, URL: "https://news.example/" + source, Title: source, Published: date,
		Outlet: "Example Wire", Body: body, Pipeline: pipeline.Version,
		Statements: []article.Statement{{Speaker: article.Actor{Name: speaker, Affiliation: party, Kind: article.Person},
			Kind: article.Direct, Text: text, Cue: "said", Date: date, Span: article.Span{0, len(body)}, TextSpan: article.Span{1, 1 + len(text)}}},
	}
}

// TestAlertsFeedAndAPI: a stance change after the baseline shows in the
// dossier's Atom feed (with a link to the evidence), in
// /api/v1/dossiers/{name}/changes (paged) and at the webhook.
func TestAlertsFeedAndAPI(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := dossier.Parse("fees.yaml", []byte(feesDossier))
	if err != nil {
		t.Fatal(err)
	}
	posted := make(chan string, 4)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		posted <- string(b)
	}))
	defer receiver.Close()
	hook, err := alerts.NewWebhook(alerts.WebhookConfig{URL: receiver.URL, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Token: testToken, Dossier: d, DossierSource: []byte(feesDossier), Webhook: hook}, st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := newTestServer(t, srv)
	st.SaveArticle(ctx, feesArticle("a1", "2031-03-01", "Portland", "Ana Lind", "We will keep the fees"))
	st.SaveArticle(ctx, feesArticle("f1", "2031-03-01", "Freeport", "Otto Berg", "We will keep the fees"))
	if n := srv.CheckAlerts(ctx); n != 0 {
		t.Fatalf("baseline gave %d changes", n)
	}
	res, _ := st.SaveArticle(ctx, feesArticle("a2", "2031-03-04", "Portland", "Ana Lind", "We will halve the fees if Freeport agrees"))
	st.SaveArticle(ctx, feesArticle("f2", "2031-03-05", "Freeport", "Otto Berg", "We will halve the fees"))
	if n := srv.CheckAlerts(ctx); n != 2 {
		t.Fatalf("%d changes, want 2", n)
	}
	if body := <-posted; !strings.Contains(body, `"dossier":"fees"`) || !strings.Contains(body, "Portland on harbour-fees: against →") {
		t.Errorf("webhook body %s", body)
	}
	c := &http.Client{}

	status, h, feed := get(t, c, base+"/dossiers/fees/feed.atom")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %s", status, h.Get("Content-Type"))
	}
	var f struct {
		XMLName xml.Name
		Entries []struct {
			Title string `xml:"title"`
			Links []struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(feed), &f); err != nil || f.XMLName.Space != "http://www.w3.org/2005/Atom" || len(f.Entries) != 2 {
		t.Fatalf("feed %v: %s", err, feed)
	}
	evidence := base + "/articles/" + strconv.FormatInt(res.ID, 10) + "?hl="
	if e := f.Entries[1]; !strings.HasPrefix(e.Title, "Portland on harbour-fees: against →") || !strings.HasPrefix(e.Links[0].Href, evidence) {
		t.Errorf("entry %+v, want a link to %s", e, evidence)
	}
	// The evidence link opens the article with the statement highlighted.
	if status, _, page := get(t, c, f.Entries[1].Links[0].Href); status != 200 || !strings.Contains(page, `id="hl"`) {
		t.Errorf("evidence link: %d", status)
	}

	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/matrix", 200, `href="/dossiers/fees/feed.atom"`},
		{"/dossiers/fees/feed.atom?limit=1", 200, "Freeport on harbour-fees"},
		{"/dossiers/nope/feed.atom", 404, ""},
		{"/dossiers/fees/feed.atom?limit=x", 400, ""},
		{"/api/v1/dossiers/fees/changes", 200, `"next_offset":null`},
		{"/api/v1/dossiers/fees/changes?limit=1", 200, `"next_offset":1`},
		{"/api/v1/dossiers/fees/changes?limit=1&offset=1", 200, `"party":"Portland"`},
		{"/api/v1/dossiers/fees/changes?limit=0", 400, `"code":"bad_request"`},
		{"/api/v1/dossiers/fees/changes?offset=-1", 400, `"code":"bad_request"`},
		{"/api/v1/dossiers/nope/changes", 404, `"code":"not_found"`},
		{"/api/v1/dossiers/..%2f..%2fetc/changes", 404, ""},
	} {
		status, _, body := get(t, c, base+tc.path)
		if status != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: %d %.300s; want %d with %q", tc.path, status, body, tc.status, tc.want)
		}
	}
	if status, _, body := get(t, c, base+"/dossiers/fees/feed.atom?limit=1"); status == 200 && strings.Count(body, "<entry>") != 1 {
		t.Errorf("limit=1 gave %d entries", strings.Count(body, "<entry>"))
	}
	// Reads need no token; writes to them do not exist.
	for _, u := range []string{"/api/v1/dossiers/fees/changes", "/dossiers/fees/feed.atom"} {
		resp, err := http.Post(base+u, "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s: %d", u, resp.StatusCode)
		}
	}
}
