package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The news fast path. Most news pages mark their article themselves: one
// element with itemprop="articleBody" (schema.org microdata) or one
// <article> element. On those pages the article text is that element's
// paragraphs less the furniture inside it (share bars, figures and their
// captions, related links, newsletter boxes), so the package reads it
// directly and skips go-trafilatura, whose whole-page metadata search,
// three DOM copies and language detection are most of the HTML path's
// time. Pages the fast path does not settle go to trafilatura as before.
//
// Safe because: the marked element must be the only one of its kind, its
// paragraphs must hold at least fastMinWords words of prose (not a teaser
// card or a list of links), and the page must name its headline in its
// metadata; the same furniture rules then run on either path's output.

const (
	fastMinWords       = 150  // prose words the marked element must hold
	fastMaxLinkDensity = 0.25 // share of its letters inside links, at most
	fastMinParaShare   = 0.5  // share of its words in prose paragraphs, at least
	fastProseWords     = 12   // a <div> paragraph this long counts as prose
)

// articleContainer returns the element the page marks as its article: the
// only itemprop="articleBody" element, else the only element whose class or
// id names the article body (outermost), else the only <article> element.
func articleContainer(doc *html.Node) *html.Node {
	var bodies, named, articles []*html.Node
	var walk func(n *html.Node, inNamed bool, depth int)
	walk = func(n *html.Node, inNamed bool, depth int) {
		if depth > maxWalkDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.Article:
				articles = append(articles, n)
			}
			if len(n.Attr) > 0 {
				if hasToken(strings.ToLower(attr(n, "itemprop")), "articlebody") {
					bodies = append(bodies, n)
				}
				if !inNamed && namesArticleBody(n) {
					named = append(named, n)
					inNamed = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inNamed, depth+1)
		}
	}
	walk(doc, false, 0)
	switch {
	case len(bodies) == 1:
		return bodies[0]
	case len(bodies) > 1:
		return nil
	case len(named) == 1:
		return named[0]
	case len(named) == 0 && len(articles) == 1:
		return articles[0]
	}
	return nil
}

// bodyClassNames are the class and id names news CMSs give the element
// holding the article text.
var bodyClassNames = []string{
	"article-body", "articlebody", "article__body", "article-content", "article__content",
	"article-text", "articletext", "story-body", "storybody", "story__body", "story-content",
	"entry-content", "post-content", "post-body", "body-text", "news-body",
}

// namesArticleBody reports a container whose class or id names the article body.
func namesArticleBody(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main:
	default:
		return false
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if len(cls) < 8 {
		return false
	}
	for _, w := range bodyClassNames {
		if strings.Contains(cls, w) {
			return true
		}
	}
	return false
}

// fastParagraphs returns the paragraphs of the marked article element, or
// nil when they do not look like the article (too short, mostly links, or
// mostly text outside <p>).
func fastParagraphs(c *html.Node) []para {
	b := paraBuilder{skip: func(n *html.Node) bool { return n != c && isFastFurniture(n) }}
	b.walk(c, 0, 0)
	b.flush()
	words, pWords, letters, linked := 0, 0, 0, 0
	for _, p := range b.out {
		w := countWords(p.text)
		words += w
		if p.tag == atom.P || ((p.tag == atom.Div || p.tag == 0) && w >= fastProseWords) {
			pWords += w
		}
		letters += p.letters
		linked += p.linked
	}
	if pWords < fastMinWords || float64(pWords) < fastMinParaShare*float64(words) ||
		(letters > 0 && float64(linked) > fastMaxLinkDensity*float64(letters)) {
		return nil
	}
	return b.out
}

// fastSkipTags are elements inside an article element that never hold its
// text.
var fastSkipTags = map[atom.Atom]bool{
	atom.Figure: true, atom.Figcaption: true, atom.Aside: true, atom.Nav: true,
	atom.Form: true, atom.Footer: true, atom.Header: true, atom.Noscript: true,
	atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Map: true, atom.Dialog: true,
	atom.Menu: true, atom.Label: true, atom.Time: true, atom.H1: true,
}

// fastSkipWords name furniture anywhere in a class or id ("share-bar",
// "relatedLinks", "imgCaption").
var fastSkipWords = []string{
	"share", "social", "related", "newsletter", "subscri", "promo", "advert",
	"sponsor", "comment", "caption", "credit", "breadcrumb", "toolbar",
	"widget", "sidebar", "recommend", "read-more", "readmore", "more-from",
	"byline", "author", "signup", "sign-up", "popup", "modal", "embed", "video",
	"gallery", "slideshow", "teaser", "outbrain", "taboola", "disclaimer",
	"dateline", "timestamp", "next-prev", "prev-next", "pagination", "pager",
	"abstract", "standfirst", "kicker",
}

// fastSkipParts name furniture only as a whole part of a class or id
// ("article-meta", "ad", "rail__item"): inside other words they are not
// ("metered", "trail", "blueprint", "header").
var fastSkipParts = map[string]bool{
	"meta": true, "print": true, "tags": true, "rail": true, "dek": true, "ad": true, "ads": true,
}

// isFastFurniture reports an element inside the article that the fast path
// leaves out.
func isFastFurniture(n *html.Node) bool {
	if fastSkipTags[n.DataAtom] {
		return true
	}
	if len(n.Attr) == 0 {
		return false
	}
	if _, ok := attrOK(n, "hidden"); ok || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if st := strings.ToLower(attr(n, "style")); strings.Contains(st, "display:none") || strings.Contains(st, "display: none") {
		return true
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range fastSkipWords {
		if strings.Contains(cls, w) {
			return true
		}
	}
	for part := range strings.FieldsFuncSeq(cls, isClassSeparator) {
		if fastSkipParts[part] {
			return true
		}
	}
	return false
}

// isClassSeparator splits class names into words: "article__share-bar"
// gives "article", "share", "bar".
func isClassSeparator(r rune) bool {
	return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' || r == ':' || r == '/'
}
