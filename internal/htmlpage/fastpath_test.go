package htmlpage

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// prose is a paragraph of article text long enough for the fast path.
const prose = "The two delegations met again on Tuesday in the old customs house by the river, " +
	"where the mediators had set out the draft on quotas line by line, and both sides said the talks " +
	"would go on until the last clause on dairy imports was settled before the summer break began."

func fastPage(container string) string {
	return `<html lang="en"><head><title>Quota talks resume | Daily Ledger</title>
<meta property="og:title" content="Quota talks resume"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
` + container + `
<aside class="most-read"><h3>Most read</h3><a href="/x">Something else entirely happened today in town</a></aside>
</body></html>`
}

func TestArticleContainer(t *testing.T) {
	body := `<p>` + prose + `</p><p>` + prose + `</p>`
	cases := []struct {
		name, page string
		want       string // id of the container found, "" for none
	}{
		{"itemprop", fastPage(`<div id="c" itemprop="articleBody">` + body + `</div>`), "c"},
		{"itemprop beats article", fastPage(`<article id="a"><div id="c" itemprop="articleBody">` + body + `</div></article>`), "c"},
		{"two itemprops", fastPage(`<div itemprop="articleBody">` + body + `</div><div itemprop="articleBody">` + body + `</div>`), ""},
		{"class name", fastPage(`<div id="c" class="story-body">` + body + `</div>`), "c"},
		{"outermost class", fastPage(`<div id="c" class="article-body"><div class="article-body__inner">` + body + `</div></div>`), "c"},
		{"one article", fastPage(`<article id="c">` + body + `</article>`), "c"},
		{"two articles", fastPage(`<article>` + body + `</article><article>` + body + `</article>`), ""},
		{"nothing marked", fastPage(`<div>` + body + `</div>`), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if n := articleContainer(doc); n != nil {
				got = attr(n, "id")
			}
			if got != c.want {
				t.Errorf("container %q, want %q", got, c.want)
			}
		})
	}
}

func TestFastParagraphs(t *testing.T) {
	cases := []struct {
		name, inner string
		ok          bool
		absent      []string
	}{
		{"furniture inside the article left out",
			`<h1>Quota talks resume</h1><div class="share-bar"><a href="#">Share on social</a></div>
<p>` + prose + `</p><figure><img src="x.jpg"><figcaption>The customs house. Photo: Staff</figcaption></figure>
<div class="related-links"><a href="/y">Earlier: talks stall over dairy</a></div><p>` + prose + `</p><p>` + prose + `</p>`,
			true, []string{"Share on social", "Photo: Staff", "talks stall", "Quota talks resume"}},
		{"too short", `<p>Talks resume on Tuesday.</p>`, false, nil},
		{"mostly links", `<p><a href="/a">` + prose + `</a></p><p><a href="/b">` + prose + `</a></p>`, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(fastPage(`<article>` + c.inner + `</article>`)))
			if err != nil {
				t.Fatal(err)
			}
			markEdgeSpaces(doc, 0)
			n := articleContainer(doc)
			if n == nil {
				t.Fatal("no container")
			}
			ps := fastParagraphs(n)
			if (ps != nil) != c.ok {
				t.Fatalf("fast path taken = %v, want %v (%d paragraphs)", ps != nil, c.ok, len(ps))
			}
			body := joinParagraphs(ps)
			for _, a := range c.absent {
				if strings.Contains(body, a) {
					t.Errorf("body holds %q:\n%s", a, body)
				}
			}
		})
	}
}

// TestFastPathSameBody: on a page the fast path settles, the body is what
// the trafilatura path gives.
func TestFastPathSameBody(t *testing.T) {
	page := fastPage(`<article><div class="share"><a href="#">Share</a></div><p>` + prose + `</p><p>` +
		strings.Replace(prose, "Tuesday", "Wednesday", 1) + `</p><p>` +
		strings.Replace(prose, "Tuesday", "Thursday", 1) + `</p></article>`)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if c := articleContainer(doc); c == nil || fastParagraphs(c) == nil {
		t.Fatal("the fast path does not settle the test page")
	}
	ctx := context.Background()
	fast := New(nil)
	slow := New(nil)
	slow.cfg.fast = false
	a, err := fast.Extract(ctx, []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := slow.Extract(ctx, []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != b.Body || a.Title != b.Title || a.Language != b.Language {
		t.Errorf("fast path:\n%+v\ntrafilatura:\n%+v", a, b)
	}
}

func TestIsFastFurniture(t *testing.T) {
	cases := []struct {
		el   string
		want bool
	}{
		{`<div class="share-bar">`, true},
		{`<div class="relatedLinks">`, true},
		{`<div class="article__meta">`, true},
		{`<div class="ad">`, true},
		{`<div class="header-ad slot">`, true},
		{`<div class="rail__item">`, true},
		{`<div id="article-tags">`, true},
		{`<div style="display: none">`, true},
		{`<div aria-hidden="true">`, true},
		{`<figure>`, true},
		{`<div class="overflow-hidden body-copy">`, false},
		{`<div class="metered-content">`, false},
		{`<div class="trail-text">`, false},
		{`<div class="uploads">`, false},
		{`<div class="paragraph">`, false},
		{`<p>`, false},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader("<body>" + c.el + "text</body>"))
		if err != nil {
			t.Fatal(err)
		}
		var body *html.Node
		for n := doc.FirstChild.FirstChild; n != nil; n = n.NextSibling {
			if n.Data == "body" {
				body = n
			}
		}
		if body == nil || body.FirstChild == nil {
			t.Fatalf("%s: not parsed", c.el)
		}
		if got := isFastFurniture(body.FirstChild); got != c.want {
			t.Errorf("%s: furniture = %v, want %v", c.el, got, c.want)
		}
	}
}
