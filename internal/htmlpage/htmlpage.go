// Package htmlpage takes one fetched HTML page and returns the news article
// on it: headline, standfirst, body text and the page's own metadata
// (publication time with its offset, outlet, canonical URL, language, author).
//
// The main-content detection is go-trafilatura's (favor-recall, no
// fallback extractors: both measured best). Around it this package
//   - decodes the page's charset (charset.go);
//   - reads the metadata itself, keeping time and UTC offset (meta.go,
//     dates.go; go-htmldate's fast search only when the metadata has no date);
//   - prepares the tree: removes the standfirst element, wraps text written
//     between <br>s into paragraphs (loose.go), marks white space and link
//     text so that trafilatura's trimming neither glues words nor hides
//     link density (spaces.go);
//   - reads the article element itself when the page marks it unambiguously
//     (itemprop="articleBody", an article-body class, a single <article>)
//     and it holds prose: the news fast path (fastpath.go), which skips
//     trafilatura's whole-page work on most news pages;
//   - turns trafilatura's content tree into plain paragraphs (body.go),
//     restores a body split over twin containers (split.go) and drops the
//     news-page furniture trafilatura lets through (furniture.go).
//
// Extract runs in that order: decode → parse → metadata → prepare →
// fast path or trafilatura → paragraphs → split body → furniture rules →
// checks.
//
// On the article-extraction benchmark (181 pages, score_body.py) go-trafilatura
// alone scores F1 0.962; this package scores 0.985 (eval_test.go), in less
// than half go-trafilatura's CPU time (bench_test.go, docs/performance.md).
package htmlpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	nurl "net/url"
	"strings"
	"time"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoArticle is returned when a page carries no article text: an empty
// page, an index or error page, or one whose only text is page furniture.
var ErrNoArticle = errors.New("htmlpage: no article text found")

// ErrExtractor wraps a failure inside the extraction library (including a
// recovered panic on a pathological page); callers treat it like ErrNoArticle
// for that page but may want to log it differently.
var ErrExtractor = errors.New("htmlpage: extractor failed")

// Page is the article found on one HTML page.
type Page struct {
	Title      string // headline
	Standfirst string // description/standfirst when the page has one
	// Body is the article's text: paragraphs separated by "\n\n", headings
	// kept as their own paragraphs, no page furniture.
	Body string
	// Published is zero when unknown. It keeps the time and the UTC offset
	// when the page metadata states them; a time without an offset is read as UTC.
	Published        time.Time
	PublishedHasTime bool
	Outlet           string // site name / publisher, "" if unknown
	URL              string // canonical URL if given, else the page URL
	Language         string // ISO 639-1 primary subtag ("en") from <html lang> or meta; "" if unknown
	Author           string
}

// minBodyWords is the fewest words a body may have to count as an article.
// Shorter texts left after extraction are bylines, 404 notices or link
// lists, not news items (the shortest wire briefs run to 30+ words).
const minBodyWords = 20

// errorPageMaxWords: a page titled like an error page ("404", "Page not
// found") whose extracted text is shorter than this is the error notice
// and the navigation trafilatura's fallback collected, not an article.
const errorPageMaxWords = 150

// errorTitles are the headlines of "not found" pages in the languages of
// the web's largest news markets, matched as the start of the normalised
// title.
var errorTitles = []string{
	"404", "page not found", "not found", "error 404", "error", "page cannot be found",
	"sorry we couldn t find", "seite nicht gefunden", "página no encontrada",
	"pagina no encontrada", "página não encontrada", "pagina non trovata",
	"page introuvable", "erreur 404", "fehler 404",
}

// isErrorTitle reports a title that names an error page.
func isErrorTitle(title string) bool {
	k := normKey(title)
	for _, t := range errorTitles {
		if k == t || strings.HasPrefix(k, t+" ") {
			return true
		}
	}
	return false
}

// Extractor extracts articles from HTML pages. It holds no mutable state and
// is safe for concurrent use.
type Extractor struct {
	log *slog.Logger
	cfg config
}

// config holds the extraction settings; New sets the measured defaults,
// tests vary them.
type config struct {
	focus        trafilatura.ExtractionFocus
	fallback     bool
	minExtracted int  // trafilatura's MinExtractedSize: below it, its baseline rescue runs
	rules        int  // furniture rules switched on (rule* bits)
	fast         bool // the news fast path (fastpath.go)
}

func defaultConfig() config {
	return config{focus: trafilatura.FavorRecall, fallback: false, minExtracted: 250, rules: allRules, fast: true}
}

// New returns an Extractor that logs to log (nil means discard).
// go-trafilatura's own logger is left disabled (Options.EnableLog false), so
// nothing reaches stdout or stderr from the library.
func New(log *slog.Logger) *Extractor {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Extractor{log: log, cfg: defaultConfig()}
}

// Extract reads one HTML page (bytes as fetched, any charset: detected from
// the BOM or the page's meta declaration and decoded to UTF-8) and returns
// its article. pageURL may be empty; it resolves relative canonical links
// and is used as Page.URL when the page names no canonical URL.
func (e *Extractor) Extract(ctx context.Context, raw []byte, pageURL string) (*Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text, enc := decode(raw)
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, ErrNoArticle
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("htmlpage: parse html: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var base *nurl.URL
	if pageURL != "" {
		if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	meta := readMeta(doc, base)
	if meta.published.IsZero() {
		meta.published, meta.publishedHasTime = searchDate(doc, firstNonEmpty(meta.url, pageURL))
	}
	if e.cfg.rules&ruleStandfirstEl != 0 {
		removeStandfirst(doc, meta.description)
	}
	if e.cfg.rules&ruleLooseText != 0 {
		wrapLooseText(doc, 0)
	}
	markEdgeSpaces(doc, 0)

	var (
		paras []para
		tm    trafilatura.Metadata // trafilatura's metadata; zero on the fast path
		fast  bool
	)
	if e.cfg.fast && meta.title != "" {
		if c := articleContainer(doc); c != nil {
			paras = fastParagraphs(c)
			fast = paras != nil
		}
	}
	if paras == nil {
		res, err := e.runTrafilatura(doc, base)
		switch {
		case err == nil:
			tm = res.Metadata
			paras = dropBaselineRepeat(paragraphs(res.ContentNode))
			paras = splitBaseline(doc, paras)
		case countWords(meta.ldBody) >= minBodyWords:
			// the page's HTML holds no article (a script fills it in);
			// its JSON-LD does
		default:
			e.log.Debug("htmlpage: trafilatura found nothing", "url", pageURL, "charset", enc, "err", err)
			if errors.Is(err, ErrExtractor) {
				return nil, err
			}
			return nil, ErrNoArticle
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	p := &Page{
		Title:      meta.title,
		Standfirst: meta.description,
		Published:  meta.published,
		Outlet:     meta.outlet,
		URL:        meta.url,
		Language:   meta.language,
		Author:     meta.author,
	}
	p.PublishedHasTime = meta.publishedHasTime
	if p.Title == "" {
		p.Title = cleanSpace(tm.Title)
	}
	if p.Outlet == "" && !looksLikeURL(tm.Sitename) && !isHostName(tm.Sitename, tm.Hostname, p.URL) {
		// trafilatura falls back to the host name; a host is not an
		// outlet name, so Outlet stays "" (unknown) then.
		p.Outlet = cleanSpace(tm.Sitename)
	}
	if p.Author == "" {
		p.Author = cleanSpace(tm.Author)
	}
	p.Author = trimByPrefix(p.Author)
	if p.Standfirst == "" {
		p.Standfirst = cleanSpace(tm.Description)
	}
	if p.Published.IsZero() && !tm.Date.IsZero() {
		p.Published = tm.Date
		p.PublishedHasTime = false
	}
	if p.URL == "" && base != nil {
		p.URL = base.String()
	}
	p.Title = stripOutletSuffix(p.Title, p.Outlet)

	if e.cfg.rules&ruleSplitBody != 0 {
		paras = restoreSplitBody(doc, paras)
	}
	// "CNN - Talks resume in Geneva": a <title> that puts the site's name
	// (or a section's) before the headline, with no metadata to say which
	// part is which; the part the page prints above the text is the
	// headline.
	if seg, ok := titleSegmentInLead(p.Title, paras); ok {
		p.Title = seg
	}
	paras, dek, stamp := dropFurniture(paras, furnitureInput{
		titles:     append(meta.titles, p.Title, tm.Title),
		standfirst: p.Standfirst,
		author:     p.Author,
		rules:      e.cfg.rules,
	})
	if p.Published.IsZero() && stamp != "" {
		// A page with no date in its metadata (old sites) prints it
		// above the text: "March 3, 1998", "Published 18 November 2019".
		if t, ok := stampDate(stamp); ok {
			p.Published = t
		}
	}
	if p.Standfirst == "" {
		p.Standfirst = dek
	}
	if repeatsLead(p.Standfirst, paras) {
		// Many sites fill the description with the opening of the first
		// paragraph; that is body text, not a standfirst, and reporting it
		// twice would double every statement in it.
		p.Standfirst = ""
	}
	p.Body = joinParagraphs(paras)
	if ld := ldParagraphs(meta.ldBody); ld != "" && (countWords(p.Body)*10 < countWords(ld)*4 ||
		strings.Count(ld, "\n\n") > strings.Count(p.Body, "\n\n") && cleanSpace(p.Body) == cleanSpace(ld)) {
		// Pages rendered by script carry a teaser or nothing in their
		// HTML and the whole text in the JSON-LD's articleBody: when what
		// the HTML gave is under 40% of it, the JSON-LD is the article.
		// (trafilatura's baseline falls back on the same text with its
		// paragraphs run together: the JSON-LD's line breaks are kept.)
		p.Body = ld
	}
	if p.Language == "" {
		// A guess from the text (whatlanggo, as trafilatura makes it) only
		// for pages that declare no language.
		if fast {
			p.Language = normLanguage(whatlanggo.DetectLang(p.Body).Iso6391())
		} else {
			p.Language = normLanguage(tm.Language)
		}
	}
	if n := countWords(p.Body); n < minBodyWords || (n < errorPageMaxWords && isErrorTitle(p.Title)) {
		return nil, ErrNoArticle
	}
	return p, nil
}

// repeatsLead reports a standfirst that is the start of one of the first
// two body paragraphs (a description cut with "..." included).
func repeatsLead(sf string, ps []para) bool {
	k := normKey(strings.TrimRight(strings.TrimSpace(sf), ".…"))
	if len(k) < 20 {
		return false
	}
	for i := 0; i < len(ps) && i < 2; i++ {
		if strings.HasPrefix(normKey(ps[i].text), k) {
			return true
		}
	}
	return false
}

// runTrafilatura runs the content extraction. The library is large and
// regex-driven; a panic inside it on a malformed page is turned into an
// error so that one bad page never takes the pipeline down.
func (e *Extractor) runTrafilatura(doc *html.Node, base *nurl.URL) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: panic: %v", ErrExtractor, r)
		}
	}()
	tc := trafilatura.DefaultConfig()
	tc.MinExtractedSize = e.cfg.minExtracted
	opts := trafilatura.Options{
		Config:          tc,
		OriginalURL:     base,
		Focus:           e.cfg.focus,
		EnableFallback:  e.cfg.fallback,
		ExcludeComments: true,
		Deduplicate:     false,
		// Dates come from readMeta, which keeps time and offset; the
		// whole-document date search is the slowest part of trafilatura.
		HtmlDateMode: trafilatura.Disabled,
		EnableLog:    false,
	}
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, err
	}
	if res == nil || res.ContentNode == nil {
		return nil, ErrNoArticle
	}
	return res, nil
}

// stripOutletSuffix removes a trailing " | Outlet" or " - Outlet" from a
// headline taken from <title>. Only the known outlet name is removed, so a
// headline that merely contains a dash keeps it.
func stripOutletSuffix(title, outlet string) string {
	if outlet == "" || len(title) <= len(outlet)+3 || !strings.EqualFold(title[len(title)-len(outlet):], outlet) {
		return title
	}
	head := strings.TrimRight(title[:len(title)-len(outlet)], " ")
	for _, sep := range []string{"|", "-", "–", "—", "·", "::", ":"} {
		if strings.HasSuffix(head, sep) {
			return strings.TrimSpace(strings.TrimSuffix(head, sep))
		}
	}
	return title
}

// trimByPrefix removes a "By " that some sites put in their author meta tag.
func trimByPrefix(a string) string {
	if len(a) > 3 && (strings.HasPrefix(a, "By ") || strings.HasPrefix(a, "by ") || strings.HasPrefix(a, "BY ")) {
		return strings.TrimSpace(a[3:])
	}
	return a
}

// searchDate runs go-htmldate's fast search (meta elements, URL, date
// elements and attributes, no free-text date parsing) for pages whose
// metadata names no publication date. It keeps a time only when htmldate
// found one with its zone.
func searchDate(doc *html.Node, pageURL string) (t time.Time, hasTime bool) {
	defer func() {
		if r := recover(); r != nil {
			t, hasTime = time.Time{}, false
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		ExtractTime:         true,
		URL:                 pageURL,
	})
	if err != nil || res.IsZero() || !plausible(res.DateTime) {
		return time.Time{}, false
	}
	if res.HasTime && res.HasTimezone {
		return res.DateTime, true
	}
	d := res.DateTime
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), false
}

// isHostName reports a site name that is only the page's host name.
func isHostName(name, host, pageURL string) bool {
	name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "www."))
	if name == "" {
		return false
	}
	if h := strings.ToLower(strings.TrimPrefix(host, "www.")); h != "" && name == h {
		return true
	}
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		return name == strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
	}
	return false
}

// ldParagraphs turns a JSON-LD articleBody into paragraphs separated by
// blank lines: its own line breaks end paragraphs, markup some sites
// leave in it is dropped, white space is folded. "" when it is shorter
// than an article.
func ldParagraphs(s string) string {
	if countWords(s) < minBodyWords {
		return ""
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = cleanSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// stripTags removes markup from a text: "<p>" and "<br>" end a line,
// other tags go; entities are decoded.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		tag := strings.ToLower(strings.TrimLeft(s[i+1:i+j], "/ "))
		if strings.HasPrefix(tag, "p") || strings.HasPrefix(tag, "br") || strings.HasPrefix(tag, "div") || strings.HasPrefix(tag, "h") || strings.HasPrefix(tag, "li") {
			b.WriteByte('\n')
		}
		s = s[i+j+1:]
	}
	return html.UnescapeString(b.String())
}

// stampDate reads the date of a stamp line ("March 3, 1998", "Published
// 18 November 2019", "Updated: Tue., Nov. 19, 2019"): the first word from
// which the written-date or the ISO reader takes a plausible date; the
// day only.
func stampDate(s string) (time.Time, bool) {
	if len(s) > 200 {
		return time.Time{}, false
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' && s[i-1] != '\n' {
			continue
		}
		// the longest date from i up to the end of a word ("March 3,
		// 1998" out of "March 3, 1998 Web posted at: 4:12 p.m.")
		for j := len(s); j > i; j-- {
			if j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != ',' {
				continue
			}
			t, _, ok := parseWritten(s[i:j])
			if !ok {
				t, _, ok = parseISO(s[i:j])
			}
			if ok && plausible(t) {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
			}
		}
	}
	return time.Time{}, false
}

// titleSegmentInLead returns the part of title between its separators
// (" - ", " | ", " :: ") that one of the first paragraphs repeats whole,
// when title has more than one part.
func titleSegmentInLead(title string, paras []para) (string, bool) {
	var segs []string
	rest := title
	for {
		i := -1
		for _, sep := range []string{" - ", " | ", " :: ", " – ", " — "} {
			if j := strings.Index(rest, sep); j >= 0 && (i < 0 || j < i) {
				i = j
			}
		}
		if i < 0 {
			segs = append(segs, strings.TrimSpace(rest))
			break
		}
		segs = append(segs, strings.TrimSpace(rest[:i]))
		rest = rest[i+3:]
		if len(segs) > 4 {
			return "", false
		}
	}
	if len(segs) < 2 {
		return "", false
	}
	for k, p := range paras {
		if k >= 8 {
			break
		}
		key := normKey(p.text)
		for _, sg := range segs {
			if countWords(sg) >= 3 && key == normKey(sg) {
				return sg, true
			}
		}
	}
	return "", false
}

// splitBaseline gives back their paragraphs to the text of a short page
// that trafilatura's baseline rescue returned as one block run together
// ("… on the shore of the lake.More talks are planned …"): the page's own
// block elements, when together they are that text.
func splitBaseline(doc *html.Node, ps []para) []para {
	if len(ps) != 1 || len(ps[0].text) > 2000 {
		return ps
	}
	body := findElement(doc, atom.Body, 0)
	if body == nil {
		return ps
	}
	all := paragraphs(body)
	if len(all) < 2 {
		return ps
	}
	var b strings.Builder
	for _, p := range all {
		b.WriteString(squashSpace(p.text))
	}
	if b.String() != squashSpace(ps[0].text) {
		return ps
	}
	return all
}

// findElement returns the first element a under n, depth first.
func findElement(n *html.Node, a atom.Atom, depth int) *html.Node {
	if n == nil || depth > maxWalkDepth {
		return nil
	}
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// squashSpace is s without its white space.
func squashSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// dropBaselineRepeat drops a last paragraph that is the paragraphs before
// it run together: on a short page (under trafilatura's minimum size) its
// baseline rescue adds the whole text again as one block, and the
// statements would be read twice.
func dropBaselineRepeat(ps []para) []para {
	if len(ps) < 3 {
		return ps
	}
	last := squashSpace(ps[len(ps)-1].text)
	var b strings.Builder
	for _, p := range ps[:len(ps)-1] {
		b.WriteString(squashSpace(p.text))
	}
	if last != "" && last == b.String() {
		return ps[:len(ps)-1]
	}
	return ps
}
