package htmlpage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/parley-news/parley/internal/golden"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// golden is the part of a Page a golden file records.
type goldenPage struct {
	Error            string `json:"error,omitempty"`
	Title            string `json:"title,omitempty"`
	Standfirst       string `json:"standfirst,omitempty"`
	Published        string `json:"published,omitempty"`
	PublishedHasTime bool   `json:"published_has_time,omitempty"`
	Outlet           string `json:"outlet,omitempty"`
	URL              string `json:"url,omitempty"`
	Language         string `json:"language,omitempty"`
	Author           string `json:"author,omitempty"`
	Body             string `json:"body,omitempty"`
}

func toGolden(p *Page, err error) goldenPage {
	if err != nil {
		return goldenPage{Error: err.Error()}
	}
	g := goldenPage{
		Title: p.Title, Standfirst: p.Standfirst, PublishedHasTime: p.PublishedHasTime,
		Outlet: p.Outlet, URL: p.URL, Language: p.Language, Author: p.Author, Body: p.Body,
	}
	if !p.Published.IsZero() {
		g.Published = p.Published.Format(time.RFC3339)
	}
	return g
}

// TestGolden extracts every testdata/*.html page and compares the result
// with its .golden.json (go test -run Golden -update rewrites them).
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	e := New(nil)
	for _, path := range pages {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := e.Extract(context.Background(), raw, "https://news.example.com/"+name)
			got, _ := json.MarshalIndent(toGolden(p, err), "", "  ")
			got = append(got, '\n')
			gpath := strings.TrimSuffix(path, ".html") + ".golden.json"
			golden.Check(t, gpath, got)
		})
	}
}

// TestNewsPage checks the furniture of the full news page one by one, so a
// failure names what leaked or went missing.
func TestNewsPage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news_full.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(nil).Extract(context.Background(), raw, "https://news.example.com/a?id=1")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Delegations from the two harbour authorities met again", // first paragraph kept
		"What is on the table",                        // subheading kept as its own paragraph
		"summary of Tuesday's discussion.",            // last paragraph kept
		`told reporters before the session. She said`, // spaces around inline elements kept
	} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, bad := range []string{
		"cookies", "Advertisement", "Related stories", "Quota row deepens", "Leave a comment",
		"Post comment", "All rights reserved", "Privacy policy", "Business", "Harbour talks resume",
		"Negotiators from both ports", // the standfirst stays out of the body
		"Photo: Ledger staff",         // figure captions are not body text
	} {
		if strings.Contains(p.Body, bad) {
			t.Errorf("body contains furniture %q", bad)
		}
	}
	if !strings.Contains(p.Body, "\n\nWhat is on the table\n\n") {
		t.Errorf("heading is not its own paragraph:\n%s", p.Body)
	}
	want := time.Date(2023, 3, 14, 9, 30, 0, 0, time.FixedZone("", 2*3600))
	if !p.Published.Equal(want) || !p.PublishedHasTime {
		t.Errorf("Published = %v (has time %v), want %v with time", p.Published, p.PublishedHasTime, want)
	}
	if _, off := p.Published.Zone(); off != 2*3600 {
		t.Errorf("Published offset = %d s, want +2h kept", off)
	}
	checks := []struct{ field, got, want string }{
		{"Title", p.Title, "Harbour talks resume after week of silence"},
		{"Standfirst", p.Standfirst, "Negotiators from both ports returned to the table on Tuesday, with fishing quotas still the main obstacle."},
		{"Outlet", p.Outlet, "The Coastal Ledger"},
		{"URL", p.URL, "https://news.example.com/world/harbour-talks-resume"},
		{"Language", p.Language, "en"},
		{"Author", p.Author, "Mara Ellison"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestNoArticle(t *testing.T) {
	e := New(nil)
	raw, err := os.ReadFile(filepath.Join("testdata", "no_article.html"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"404 page":   raw,
		"empty":      nil,
		"blank":      []byte(" \n\t "),
		"text only":  []byte("hello"),
		"empty tags": []byte("<html><body><div></div></body></html>"),
	}
	for name, in := range cases {
		if _, err := e.Extract(context.Background(), in, ""); !errors.Is(err, ErrNoArticle) {
			t.Errorf("%s: err = %v, want ErrNoArticle", name, err)
		}
	}
}

func TestCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	raw, _ := os.ReadFile(filepath.Join("testdata", "news_full.html"))
	if _, err := New(nil).Extract(ctx, raw, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestCharsetPage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "cp1251.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(nil).Extract(context.Background(), raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Body, "Делегации двух соседних государств") {
		t.Errorf("body not decoded from windows-1251:\n%s", p.Body)
	}
	if p.Language != "ru" {
		t.Errorf("Language = %q, want ru detected from the text (the page declares none)", p.Language)
	}
	if p.Title != "Переговоры о транзите продолжатся в четверг" || p.Outlet != "Северный вестник" {
		t.Errorf("title/outlet = %q / %q", p.Title, p.Outlet)
	}
	if got := p.Published.Format("2006-01-02"); got != "2021-06-09" || p.PublishedHasTime {
		t.Errorf("Published = %v (has time %v), want 2021-06-09 without time", p.Published, p.PublishedHasTime)
	}
}

func TestSplitBody(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "split_body.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(nil).Extract(context.Background(), raw, "")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.Index(p.Body, "Representatives of the three rail unions")
	second := strings.Index(p.Body, "The first round is scheduled for next Tuesday")
	last := strings.Index(p.Body, "rejected within an hour.")
	if first < 0 || second < first || last < second {
		t.Errorf("body parts missing or out of order (%d, %d, %d):\n%s", first, second, last, p.Body)
	}
	if strings.Contains(p.Body, "morning briefing") {
		t.Errorf("newsletter box leaked into body")
	}
	if p.Author != "Jon Petrakis" {
		t.Errorf("Author = %q, want the meta author without its By", p.Author)
	}
	if _, off := p.Published.Zone(); off != -5*3600 || p.Published.Hour() != 18 {
		t.Errorf("Published = %v, want 18:45 at -05:00", p.Published)
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name, want, charset string
		in                  []byte
	}{
		{"utf-8 bom", "<p>café</p>", "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, "<p>café</p>"...)},
		{"meta windows-1252", "<meta charset=windows-1252><p>café</p>", "windows-1252", []byte("<meta charset=windows-1252><p>caf\xe9</p>")},
		{"mislabelled utf-8", `<meta charset="iso-8859-1"><p>café</p>`, "utf-8", []byte(`<meta charset="iso-8859-1"><p>café</p>`)},
		{"undeclared latin-1", "<p>café</p>", "windows-1252", []byte("<p>caf\xe9</p>")},
		{"undeclared utf-8", "<p>café</p>", "utf-8", []byte("<p>café</p>")},
		{"http-equiv koi8-r", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>мир</p>`, "koi8-r",
			[]byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xcd\xc9\xd2</p>")},
		{"utf-16le bom", "<p>hi</p>", "utf-16le", []byte{0xFF, 0xFE, '<', 0, 'p', 0, '>', 0, 'h', 0, 'i', 0, '<', 0, '/', 0, 'p', 0, '>', 0}},
		{"invalid utf-8 declared", "<meta charset=utf-8>a\uFFFDb", "utf-8", []byte("<meta charset=utf-8>a\xffb")},
		{"charset in text only", "charset=koi8-r é", "utf-8", []byte("charset=koi8-r é")},
	}
	for _, c := range cases {
		got, cs := decode(c.in)
		if string(got) != c.want || cs != c.charset {
			t.Errorf("%s: decode = %q (%s), want %q (%s)", c.name, got, cs, c.want, c.charset)
		}
	}
}

func TestParseDate(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	cases := []struct {
		in      string
		want    time.Time
		hasTime bool
		ok      bool
	}{
		{"2023-03-14T09:30:00+02:00", time.Date(2023, 3, 14, 9, 30, 0, 0, time.FixedZone("", 7200)), true, true},
		{"2023-03-14T09:30:00Z", time.Date(2023, 3, 14, 9, 30, 0, 0, time.UTC), true, true},
		{"2023-03-14T09:30:00.250-0500", time.Date(2023, 3, 14, 9, 30, 0, 250e6, est), true, true},
		{"2023-03-14 09:30", time.Date(2023, 3, 14, 9, 30, 0, 0, time.UTC), true, true},
		{"2023-03-14", time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), false, true},
		{"2023/03/14", time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), false, true},
		{"20230314", time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), false, true},
		{"Tue, 14 Mar 2023 09:30:00 GMT", time.Date(2023, 3, 14, 9, 30, 0, 0, time.UTC), true, true},
		{"March 14, 2023, 07:47 PM EST", time.Date(2023, 3, 14, 19, 47, 0, 0, est), true, true},
		{"Tuesday, Mar. 14, 2023 at 8:05 a.m.", time.Date(2023, 3, 14, 8, 5, 0, 0, time.UTC), true, true},
		{"14 March 2023", time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC), false, true},
		{"2023-02-30", time.Time{}, false, false}, // no 30 February
		{"0001-01-01T00:00:00Z", time.Time{}, false, false},
		{"2023-13-01", time.Time{}, false, false},
		{"2023-03-14T25:00", time.Time{}, false, false},
		{"yesterday", time.Time{}, false, false},
		{"", time.Time{}, false, false},
	}
	for _, c := range cases {
		got, hasTime, ok := parseDate(c.in)
		if ok != c.ok || (ok && (!got.Equal(c.want) || hasTime != c.hasTime)) {
			t.Errorf("parseDate(%q) = %v, %v, %v; want %v, %v, %v", c.in, got, hasTime, ok, c.want, c.hasTime, c.ok)
		}
		if ok {
			_, o1 := got.Zone()
			_, o2 := c.want.Zone()
			if o1 != o2 {
				t.Errorf("parseDate(%q) offset %d, want %d", c.in, o1, o2)
			}
		}
	}
}

func TestFurnitureRules(t *testing.T) {
	mk := func(texts ...string) []para {
		ps := make([]para, len(texts))
		for i, s := range texts {
			ps[i] = para{text: s, tag: 0}
		}
		return ps
	}
	long := "The delegations met for six hours on Tuesday and agreed to meet again next week in the capital."
	cases := []struct {
		name string
		in   []para
		want []string
	}{
		{"ad stub", mk(long, "ADVERTISEMENT", long+" Again."), []string{long, long + " Again."}},
		{"stamp and byline at top", mk("Published 18 March 2023, 10:15 GMT", "By Anna Lind", long), []string{long}},
		{"stamp-like sentence kept", mk(long, "On 18 March 2023 the talks resumed in Vienna after a pause of two weeks, officials said."),
			[]string{long, "On 18 March 2023 the talks resumed in Vienna after a pause of two weeks, officials said."}},
		{"stamp at the end", mk(long, long+" Two.", "Updated at 1:23 p.m."), []string{long, long + " Two."}},
		{"date heading inside kept", mk(long, "March 3, 2022", long+" Two.", long+" Three.", long+" Four."),
			[]string{long, "March 3, 2022", long + " Two.", long + " Three.", long + " Four."}},
		{"follow, email and inbox prompts", mk(long, "Follow our coverage of the talks at https://news.example.com/talks",
			"Email Anna Lind at anna@example.com.", "Get the day's top stories delivered to your inbox.", long+" Two."),
			[]string{long, long + " Two."}},
		{"also on tuesday kept", mk(long, "Also on Tuesday, the minister met union leaders."),
			[]string{long, "Also on Tuesday, the minister met union leaders."}},
		{"russian stamp", mk("9 июня 2021, 14:30", long), []string{long}},
		{"headline repeated", mk("Talks resume in Vienna", long), []string{long}},
		{"related prompt", mk(long, "Read more: Talks stall over quotas", long+" More."), []string{long, long + " More."}},
		{"sentence starting like a prompt kept", mk(long, "Related talks in Geneva ended without agreement on Monday."),
			[]string{long, "Related talks in Geneva ended without agreement on Monday."}},
		{"credits", mk(long, "(Reporting by Anna Lind; Editing by Tom Berg)", "Filed under: Talks, Fisheries"), []string{long}},
		{"print edition note", mk(long, "A version of this article appears in print on March 6, 2031, Section A, Page 8 of the New York edition with the headline: Talks Resume."), []string{long}},
		{"copyright kept", mk(long, "© 2023 Example News. All rights reserved."), []string{long, "© 2023 Example News. All rights reserved."}},
		{"contact line", mk(long, "anna.lind@example.com"), []string{long}},
		{"paywall and share toolbar", mk(long, "This article is for subscribers only. Subscribe now for full access.", "Already a subscriber? Log in",
			"Share this article: Facebook Twitter Email", long+" Two."), []string{long, long + " Two."}},
		{"access in prose kept", mk(long, "Inspectors will have unlimited access to the sites, the minister said."),
			[]string{long, "Inspectors will have unlimited access to the sites, the minister said."}},
		{"tail cut", mk(long, long+" Two.", long+" Three.", "You may also like", "Talks stall over quotas", "Fleet stays in port"),
			[]string{long, long + " Two.", long + " Three."}},
	}
	for _, c := range cases {
		got, _, _ := dropFurniture(c.in, furnitureInput{titles: []string{"Talks resume in Vienna"}, rules: allRules})
		var texts []string
		for _, p := range got {
			texts = append(texts, p.text)
		}
		if strings.Join(texts, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, texts, c.want)
		}
	}
}

func TestLinkTail(t *testing.T) {
	long := "The delegations met for six hours on Tuesday and agreed to meet again next week in the capital."
	ps := []para{
		{text: long, letters: 80},
		{text: "Officials said the next round would start on Monday.", letters: 40},
		{text: "Quota row deepens", letters: 15, linked: 15},
		{text: "Fleets stay in port for a third week", letters: 28},
		{text: "Fish prices climb", letters: 15, linked: 15},
	}
	got, _, _ := dropFurniture(ps, furnitureInput{rules: allRules})
	if len(got) != 2 {
		t.Errorf("kept %d paragraphs, want the 2 of text: %+v", len(got), got)
	}
}

func TestQuietLogger(t *testing.T) {
	// Extract must not write to stdout: the CLI's stdout carries only JSON.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	raw, _ := os.ReadFile(filepath.Join("testdata", "news_full.html"))
	var logs bytes.Buffer
	_, _ = New(slog.New(slog.NewTextHandler(&logs, nil))).Extract(context.Background(), raw, "")
	_, _ = New(nil).Extract(context.Background(), []byte("<p>x</p>"), "")
	os.Stdout = old
	w.Close()
	var out bytes.Buffer
	_, _ = out.ReadFrom(r)
	if out.Len() != 0 {
		t.Errorf("Extract wrote to stdout: %q", out.String())
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"news_full.html", "cp1251.html", "split_body.html", "no_article.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<html><head><script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-02-30\"}]}</script></head></html>"))
	f.Add([]byte("<meta charset=\"x-unknown\"><p>" + strings.Repeat("<b>word</b> ", 100) + "</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	e := New(nil)
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := e.Extract(context.Background(), raw, "https://example.com/x")
		if err == nil && (p == nil || countWords(p.Body) < minBodyWords) {
			t.Fatalf("no error but page %+v", p)
		}
		if err == nil {
			for _, s := range []string{p.Body, p.Title, p.Standfirst, p.Author, p.Outlet} {
				if strings.IndexFunc(s, isMarker) >= 0 {
					t.Fatalf("marker leaked into %q", s)
				}
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-03-14T09:30:00+02:00", "March 14, 2023, 07:47 PM EST", "20230314", "Tue, 14 Mar 2023 09:30:00 GMT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, _, ok := parseDate(s)
		if ok && !plausible(tm) {
			t.Fatalf("parseDate(%q) accepted %v", s, tm)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news_full.html"))
	if err != nil {
		b.Fatal(err)
	}
	e := New(nil)
	ctx := context.Background()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Extract(ctx, raw, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHeaderAndLegacyPages(t *testing.T) {
	e := New(nil)
	cases := []struct {
		file, standfirst, bodyStart, bodyEnd string
		absent                               []string
	}{
		{"dek_heading.html", "Les deux délégations se retrouveront trois fois avant l'été, selon un document commun publié mardi",
			"Les représentants des deux communes", "Avec l'AFP",
			[]string{"Publié le", "Par Claire", "Lire aussi", "Sécheresse", "port de plaisance", "Accueil"}},
		// Text written between <br>s in a bare <div>: the first paragraph
		// must survive and the link must not split its paragraph.
		{"legacy_br.html", "", "The foreign ministers of the two neighbouring states",
			"commercial traffic.",
			[]string{"Archive", "Copyright", "Ministers end first day"}},
	}
	for _, c := range cases {
		raw, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		p, err := e.Extract(context.Background(), raw, "")
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if p.Standfirst != c.standfirst {
			t.Errorf("%s: Standfirst = %q, want %q", c.file, p.Standfirst, c.standfirst)
		}
		if !strings.HasPrefix(p.Body, c.bodyStart) || !strings.HasSuffix(p.Body, c.bodyEnd) {
			t.Errorf("%s: body does not run from %q to %q:\n%s", c.file, c.bodyStart, c.bodyEnd, p.Body)
		}
		for _, a := range c.absent {
			if strings.Contains(p.Body, a) {
				t.Errorf("%s: body contains %q", c.file, a)
			}
		}
		if c.file == "legacy_br.html" && !strings.Contains(p.Body, "The statement said the ministers had agreed to set up a joint technical commission, which will study the survey maps drawn up") {
			t.Errorf("%s: the paragraph after the picture is lost or split:\n%s", c.file, p.Body)
		}
		for _, para := range strings.Split(p.Body, "\n\n") {
			if strings.HasPrefix(para, "survey maps") {
				t.Errorf("%s: paragraph split at a link: %q", c.file, para)
			}
		}
	}
}

// TestConcurrentUse runs one Extractor from several goroutines; with -race
// it checks that Extract shares no mutable state.
func TestConcurrentUse(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	e := New(nil)
	want := make(map[string]string)
	for _, p := range pages {
		raw, _ := os.ReadFile(p)
		if pg, err := e.Extract(context.Background(), raw, ""); err == nil {
			want[p] = pg.Body
		}
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for _, p := range pages {
				raw, _ := os.ReadFile(p)
				pg, err := e.Extract(context.Background(), raw, "")
				if err == nil && pg.Body != want[p] {
					errs <- fmt.Errorf("%s: body differs between runs", p)
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestStripOutletSuffix(t *testing.T) {
	cases := []struct{ title, outlet, want string }{
		{"Talks resume | The Coastal Ledger", "The Coastal Ledger", "Talks resume"},
		{"Talks resume - the coastal ledger", "The Coastal Ledger", "Talks resume"},
		{"Talks resume in Ledger", "Ledger", "Talks resume in Ledger"}, // no separator: kept
		{"Ledger", "Ledger", "Ledger"},
		{"İİİİ | x", "X", "İİİİ"},
		{"Talks resume", "", "Talks resume"},
	}
	for _, c := range cases {
		if got := stripOutletSuffix(c.title, c.outlet); got != c.want {
			t.Errorf("stripOutletSuffix(%q, %q) = %q, want %q", c.title, c.outlet, got, c.want)
		}
	}
}

func TestReadMetaJSONLD(t *testing.T) {
	page := `<html lang="de-AT"><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://x.example/#site","name":"Alpenpost"},
 {"@type":"Organization","@id":"https://x.example/#org","name":"Alpenpost Verlag"},
 {"@type":["NewsArticle"],"headline":"Gespräche vertagt","datePublished":"2021-10-05T07:15:00+02:00",
  "author":[{"@type":"Person","name":"A. Berger"},{"@type":"Person","name":"K. Huber"}],
  "publisher":{"@id":"https://x.example/#org"},"mainEntityOfPage":{"@id":"https://x.example/a/1"}}]}</script>
</head><body></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	m := readMeta(doc, nil)
	if m.title != "Gespräche vertagt" || m.outlet != "Alpenpost Verlag" || m.author != "A. Berger, K. Huber" ||
		m.url != "https://x.example/a/1" || m.language != "de" {
		t.Errorf("readMeta = %+v", m)
	}
	if want := time.Date(2021, 10, 5, 5, 15, 0, 0, time.UTC); !m.published.Equal(want) || !m.publishedHasTime {
		t.Errorf("published = %v, want %v", m.published, want)
	}
	// A JSON-LD block with raw newlines inside a string still parses.
	broken := "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Zwei\nZeilen\",\"datePublished\":\"2021-10-05\"}</script>"
	doc, _ = html.Parse(strings.NewReader(broken))
	if m := readMeta(doc, nil); m.title != "Zwei Zeilen" || m.published.IsZero() {
		t.Errorf("defective JSON-LD: %+v", m)
	}
}

// A page whose HTML a script fills in carries its text in the JSON-LD's
// articleBody: with no article in the HTML, or only a teaser, that is the
// body; a full body in the HTML stays.
func TestJSONLDArticleBody(t *testing.T) {
	body := "Negotiators from the two blocs met again on Tuesday to discuss the quota on cold-rolled steel, the chief negotiator said.\n" +
		"\"We are not there yet,\" she told reporters after the session, adding that both sides had agreed to meet again next week in Geneva.\n" +
		"The talks, the fourth round this year, are meant to settle the quota before the current agreement runs out at the end of June."
	ld, _ := json.Marshal(map[string]any{"@type": "NewsArticle", "headline": "Steel talks resume", "datePublished": "2031-03-04", "articleBody": body})
	head := `<html lang="en"><head><title>Steel talks resume</title><script type="application/ld+json">` + string(ld) + `</script></head>`
	e := New(nil)
	for _, c := range []struct {
		name, html string
		wantLD     bool
	}{
		{"empty shell", head + `<body><div id="root"></div><script>render()</script></body></html>`, true},
		{"teaser", head + `<body><article><h1>Steel talks resume</h1><p>Negotiators met again on Tuesday to discuss the steel quota, officials said after the meeting ended.</p><p>Read more in our app.</p></article></body></html>`, true},
		{"full body in the page", head + `<body><article><h1>Steel talks resume</h1><p>` + strings.ReplaceAll(body, "\n", "</p><p>") + `</p><p>Diplomats said a deal was possible.</p></article></body></html>`, false},
	} {
		p, err := e.Extract(context.Background(), []byte(c.html), "https://x.example/a")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		gotLD := strings.Count(p.Body, "\n\n") == 2 && strings.HasSuffix(p.Body, "end of June.")
		if gotLD != c.wantLD || !strings.Contains(p.Body, "cold-rolled steel") && c.name != "teaser" {
			t.Errorf("%s: body %q", c.name, p.Body)
		}
	}
	if got := ldParagraphs("<p>One two three four five six seven eight nine ten &amp; eleven twelve.</p><p>Thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.</p>"); got != "One two three four five six seven eight nine ten & eleven twelve.\n\nThirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty." {
		t.Errorf("ldParagraphs: %q", got)
	}
}

// BenchmarkExtractLarge runs a 200 KB page (the size of a news page with
// its scripts and menus): the news page with its body paragraphs repeated
// and a large inline script, as real pages carry.
func BenchmarkExtractLarge(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news_full.html"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	i := strings.Index(s, "<h2>What is on the table</h2>")
	j := strings.Index(s, "</div>\n  <aside")
	if i < 0 || j < i {
		b.Fatal("test page changed")
	}
	big := s[:i] + strings.Repeat(s[i:j], 60) + s[j:]
	big = strings.Replace(big, "</head>", "<script>var cfg = {"+strings.Repeat(`"k":"v",`, 12000)+"};</script></head>", 1)
	e := New(nil)
	ctx := context.Background()
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Extract(ctx, []byte(big), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// A page without a site name in its metadata names the site after the
// headline in its <title>; a title that is not the headline's gives none.
func TestOutletFromTitle(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<html><head><title>Ceasefire talks stall - World News Today</title></head><body><h1>Ceasefire talks stall</h1></body></html>`, "World News Today"},
		{`<html><head><title>Ceasefire talks stall | Page 2</title></head><body><h1>Ceasefire talks stall</h1></body></html>`, ""},
		{`<html><head><title>Opinion - Why the talks stall</title></head><body><h1>Ceasefire talks stall</h1></body></html>`, ""},
	} {
		doc, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := readMeta(doc, nil).outlet; got != c.want {
			t.Errorf("%s: outlet %q, want %q", c.page, got, c.want)
		}
	}
}

// An old page with no metadata: the headline is the part of the <title>
// the page prints above the text, the date the stamp under it.
func TestOldPageTitleAndStamp(t *testing.T) {
	page := `<HTML><HEAD><TITLE>WIRE - Harbour talks resume in Oslo - March 3, 1998</TITLE></HEAD><BODY>
<TABLE><TR><TD><A HREF="/">Home</A><BR><A HREF="/world">World</A></TD><TD>
<FONT SIZE=5><B>Harbour talks resume in Oslo</B></FONT><BR>
<FONT SIZE=2>March 3, 1998<BR>Web posted at: 4:12 p.m. EST (2112 GMT)</FONT>
<P>OSLO -- Negotiators from the two harbours resumed talks on Tuesday after a three-month break, officials said.
<P>"We are here to make progress," the chief negotiator, Anna Berg, told reporters outside the hall on the quay.
<P>Her counterpart, Ivo Marek, said he expected the talks to last at least a week, and that both sides had narrowed their differences.
</TD></TR></TABLE></BODY></HTML>`
	p, err := New(nil).Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Harbour talks resume in Oslo" {
		t.Errorf("title %q", p.Title)
	}
	if got := p.Published.Format("2006-01-02"); got != "1998-03-03" {
		t.Errorf("published %s, want 1998-03-03", got)
	}
	if strings.Contains(p.Body, "Web posted") || strings.HasPrefix(p.Body, "Harbour talks") {
		t.Errorf("body keeps the page's header: %q", p.Body[:80])
	}
}

// A short page (under trafilatura's minimum size) keeps its paragraphs,
// once each: the baseline rescue's run-together copy is not the body.
func TestShortPageParagraphs(t *testing.T) {
	page := "<html><body><article><p>The harbour talks collapsed on Tuesday after three days, officials said in Oslo on the quay.</p>" +
		"<p>More talks are planned for next month, they said.</p></article></body></html>"
	p, err := New(nil).Extract(context.Background(), []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "The harbour talks collapsed on Tuesday after three days, officials said in Oslo on the quay.\n\nMore talks are planned for next month, they said."
	if p.Body != want {
		t.Errorf("body %q, want %q", p.Body, want)
	}
}
