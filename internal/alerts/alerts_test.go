package alerts_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/alerts"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/golden"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/sqlite"
)

const fees = `negotiation: Harbour fees between Portland and Freeport
parties:
  - name: Portland
  - name: Freeport
issues:
  - id: harbour-fees
    proposition: Harbour fees are halved
    for: [halve the fees]
    against: [keep the fees]
`

// said makes an article in which speaker of party says text.
func said(source, published, speaker, party, text string) *article.Article {
	body := `"` + text + `," ` + speaker + ` said.`
	return &article.Article{Source: source, URL: "https://news.example/" + source, Title: source, Published: published,
		Outlet: "Example Wire", Body: body, Pipeline: "t",
		Statements: []article.Statement{{
			Speaker: article.Actor{Name: speaker, Affiliation: party, Kind: article.Person}, Kind: article.Direct,
			Text: text, Cue: "said", Date: published, Span: article.Span{0, len(body)}, TextSpan: article.Span{1, 1 + len(text)},
		}},
	}
}

func TestCheckFindsChanges(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := dossier.Parse("fees.yaml", []byte(fees))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2031, 3, 2, 9, 0, 0, 0, time.UTC)
	st.SaveArticle(ctx, said("a1", "2031-03-01", "Ana Lind", "Portland", "We will keep the fees"))
	if ch, err := alerts.Check(ctx, st, "fees", d, nil, t0); err != nil || len(ch) != 0 {
		t.Fatalf("baseline: %+v, %v", ch, err)
	}
	// Portland moves: it would halve the fees if Freeport agrees.
	st.SaveArticle(ctx, said("a2", "2031-03-04", "Ana Lind", "Portland", "We will halve the fees if Freeport agrees"))
	ch, err := alerts.Check(ctx, st, "fees", d, nil, t0.Add(time.Hour))
	if err != nil || len(ch) != 1 {
		t.Fatalf("changes %+v, %v; want one", ch, err)
	}
	c := ch[0]
	if c.Party != "Portland" || c.From != "against" || c.Stance == "against" || c.ArticleID != 2 || c.URL != "https://news.example/a2" {
		t.Errorf("change %+v", c)
	}
	// Nothing new: no change.
	if ch, err := alerts.Check(ctx, st, "fees", d, nil, t0.Add(2*time.Hour)); err != nil || len(ch) != 0 {
		t.Errorf("second check: %+v, %v", ch, err)
	}
}

func sample() []store.StanceChange {
	at := time.Date(2031, 3, 4, 12, 0, 0, 0, time.UTC)
	return []store.StanceChange{
		{ID: 2, Dossier: "fees", From: "against", At: at, StanceCell: store.StanceCell{Issue: "harbour-fees", Party: "Portland",
			Stance: "conditional", Since: "2031-03-04", ArticleID: 7, Span: article.Span{0, 52}, Speaker: "Ana Lind",
			Text: "We will halve the fees if Freeport agrees <soon> & \x01now", Date: "2031-03-04", Outlet: "Example Wire", URL: "https://news.example/a2"}},
		{ID: 1, Dossier: "fees", At: at.Add(-time.Hour), StanceCell: store.StanceCell{Issue: "harbour-fees", Party: "Freeport", Stance: "for"}},
	}
}

func TestFeed(t *testing.T) {
	var buf bytes.Buffer
	err := alerts.Feed(&buf, alerts.FeedInfo{Base: "https://parley.example", Dossier: "fees", Title: "Harbour fees"}, sample())
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/feed.atom.golden", buf.Bytes())
	// It parses as Atom, with the evidence links.
	var f struct {
		XMLName xml.Name
		Entries []struct {
			ID    string `xml:"id"`
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" || len(f.Entries) != 2 {
		t.Fatalf("feed %+v", f)
	}
	if l := f.Entries[0].Links; len(l) != 2 || l[0].Href != "https://parley.example/articles/7?hl=0-52#hl" || l[1].Href != "https://news.example/a2" {
		t.Errorf("links %+v", l)
	}
}

func TestWebhook(t *testing.T) {
	ctx := context.Background()
	var hits atomic.Int32
	var fail atomic.Int32 // answers 503 this many times first
	var got alerts.Payload
	var sig string
	var raw []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if fail.Add(-1) >= 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		raw, _ = io.ReadAll(r.Body)
		sig = r.Header.Get("X-Parley-Signature")
		json.Unmarshal(raw, &got)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	cfg := alerts.WebhookConfig{URL: srv.URL + "/hook", Secret: "s3cret", AllowPrivate: true, Backoff: time.Nanosecond, Attempts: 3}

	t.Run("delivered after two failures", func(t *testing.T) {
		hits.Store(0)
		fail.Store(2)
		w, err := alerts.NewWebhook(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Notify(ctx, "fees", sample()); err != nil {
			t.Fatal(err)
		}
		if hits.Load() != 3 || got.Dossier != "fees" || len(got.Changes) != 2 || got.Summary[0] != "Portland on harbour-fees: against → conditional" {
			t.Errorf("hits %d, payload %+v", hits.Load(), got)
		}
		m := hmac.New(sha256.New, []byte("s3cret"))
		m.Write(raw)
		if want := "sha256=" + hex.EncodeToString(m.Sum(nil)); sig != want {
			t.Errorf("signature %q, want %q", sig, want)
		}
	})
	t.Run("attempts are bounded", func(t *testing.T) {
		hits.Store(0)
		fail.Store(100)
		w, _ := alerts.NewWebhook(cfg)
		if err := w.Notify(ctx, "fees", sample()); !errors.Is(err, alerts.ErrDelivery) {
			t.Errorf("err = %v", err)
		}
		if hits.Load() != 3 {
			t.Errorf("%d attempts, want 3", hits.Load())
		}
	})
	t.Run("loopback refused by default", func(t *testing.T) {
		hits.Store(0)
		fail.Store(0)
		c := cfg
		c.AllowPrivate = false
		w, _ := alerts.NewWebhook(c)
		err := w.Notify(ctx, "fees", sample())
		if !errors.Is(err, alerts.ErrRefused) || hits.Load() != 0 {
			t.Errorf("err = %v, hits %d", err, hits.Load())
		}
	})
	t.Run("nothing to say, nothing sent", func(t *testing.T) {
		hits.Store(0)
		w, _ := alerts.NewWebhook(cfg)
		if err := w.Notify(ctx, "fees", nil); err != nil || hits.Load() != 0 {
			t.Errorf("err %v, hits %d", err, hits.Load())
		}
	})
	for _, bad := range []string{"", "ftp://x", "/hook", "http://user:pw@example.org/", "http://"} {
		if _, err := alerts.NewWebhook(alerts.WebhookConfig{URL: bad}); !errors.Is(err, alerts.ErrWebhookURL) {
			t.Errorf("NewWebhook(%q) = %v", bad, err)
		}
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{"examples/dossier.yaml": "dossier", "x/talks 2031.yml": "talks-2031", ".yaml": "dossier"} {
		if got := alerts.Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
	if !strings.Contains(alerts.Describe(store.StanceChange{StanceCell: store.StanceCell{Party: "P", Issue: "i", Stance: "for"}}), "no stance → for") {
		t.Error("Describe of a new cell")
	}
}
