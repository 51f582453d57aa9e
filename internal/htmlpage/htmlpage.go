// Package htmlpage takes one fetched HTML page and returns the news article
// on it: headline, standfirst, body text and the page's own metadata
// (publication time with its offset, outlet, canonical URL, language, author).
//
// The main-content detection is go-trafilatura's; around it this package
// decodes the page's charset, reads the metadata itself (trafilatura keeps
// only the publication day), turns trafilatura's content tree into plain
// paragraphs and drops the news-page furniture trafilatura lets through
// (headline and standfirst repeated in the body, "Advertisement" stubs,
// share/subscribe prompts).
//
// Extract runs in order: decode → parse → metadata → trafilatura → paragraphs
// → furniture rules → checks.
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

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
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
const minBodyWords = 12

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
	minExtracted int // trafilatura's MinExtractedSize: below it, its baseline rescue runs
	rules        int // furniture rules switched on (rule* bits)
}

func defaultConfig() config {
	return config{focus: trafilatura.FavorRecall, fallback: false, minExtracted: 250, rules: allRules}
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
	markEdgeSpaces(doc, 0)

	res, err := e.runTrafilatura(doc, base)
	if err != nil {
		e.log.Debug("htmlpage: trafilatura found nothing", "url", pageURL, "charset", enc, "err", err)
		if errors.Is(err, ErrExtractor) {
			return nil, err
		}
		return nil, ErrNoArticle
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
	tm := res.Metadata
	if p.Title == "" {
		p.Title = cleanSpace(tm.Title)
	}
	if p.Outlet == "" {
		p.Outlet = cleanSpace(tm.Sitename)
	}
	if p.Author == "" {
		p.Author = cleanSpace(tm.Author)
	}
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

	paras := paragraphs(res.ContentNode)
	if e.cfg.rules&ruleSplitBody != 0 {
		paras = restoreSplitBody(doc, paras)
	}
	paras = dropFurniture(paras, furnitureInput{
		titles:     append(meta.titles, p.Title, tm.Title),
		standfirst: p.Standfirst,
		author:     p.Author,
		rules:      e.cfg.rules,
	})
	p.Body = joinParagraphs(paras)
	if countWords(p.Body) < minBodyWords {
		return nil, ErrNoArticle
	}
	return p, nil
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
		IncludeLinks: true,
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
	if outlet == "" || len(title) <= len(outlet)+3 {
		return title
	}
	low, lo := strings.ToLower(title), strings.ToLower(outlet)
	if !strings.HasSuffix(low, lo) {
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
