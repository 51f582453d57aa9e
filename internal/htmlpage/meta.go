package htmlpage

import (
	"encoding/json"
	nurl "net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself, read from <html lang>,
// <meta> tags, <link rel=canonical>, microdata and JSON-LD.
type pageMeta struct {
	title, description, outlet, author, url, language string
	titles                                            []string // every headline variant, for finding the headline repeated in the body
	// ldBody is the article's text as the JSON-LD gives it (articleBody):
	// the body of last resort, for pages whose HTML is filled in by
	// script.
	ldBody           string
	published        time.Time
	publishedHasTime bool
}

// rawMeta is the first pass: everything collected from one walk of the tree.
type rawMeta struct {
	lang      string
	meta      map[string]string // lower-cased name/property/itemprop → first non-empty content
	canonical string
	jsonLD    []string
	itemDates []string // datetime/content of elements marked datePublished / pubdate
	docTitle  string   // <title>
	h1s       []string // text of the first few <h1>
}

// Meta keys for each field, best first. Open Graph and article:* come from
// the Facebook protocol every news CMS emits; the rest are the Dublin Core,
// Parse.ly, Sailthru and in-house names trafilatura's metadata.go also reads.
var (
	metaPublishedKeys = []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "published_time", "og:published_time", "publishdate", "publish-date",
		"pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date",
		"article.published", "cxenseparse:recs:publishtime", "article_date_original",
		"originalpublicationdate", "displaydate", "dc.date.published", "og:pubdate",
	}
	metaTitleKeys       = []string{"og:title", "twitter:title", "headline", "dc.title", "parsely-title", "sailthru.title"}
	metaDescriptionKeys = []string{"og:description", "description", "twitter:description", "dc.description", "dcterms.description"}
	metaOutletKeys      = []string{"og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher", "cxenseparse:recs:publisher"}
	metaAuthorKeys      = []string{"author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator"}
	metaURLKeys         = []string{"og:url", "twitter:url"}
	metaLanguageKeys    = []string{"content-language", "og:locale", "dc.language", "language", "inlanguage"}
)

// readMeta reads the page's metadata. base resolves relative canonical URLs.
func readMeta(doc *html.Node, base *nurl.URL) pageMeta {
	r := rawMeta{meta: make(map[string]string, 32)}
	collectMeta(doc, &r, 0)

	var m pageMeta
	ld := parseJSONLD(r.jsonLD)

	// Publication time: JSON-LD of the article object first (most precise,
	// usually with offset), then meta tags, then microdata/<time pubdate>.
	candidates := make([]string, 0, 8)
	if ld.published != "" {
		candidates = append(candidates, ld.published)
	}
	for _, k := range metaPublishedKeys {
		if v := r.meta[k]; v != "" {
			candidates = append(candidates, v)
		}
	}
	candidates = append(candidates, r.itemDates...)
	candidates = append(candidates, otherPublishedMeta(r.meta)...)
	for _, c := range candidates {
		if t, hasTime, ok := parseDate(c); ok {
			m.published, m.publishedHasTime = t, hasTime
			break
		}
	}

	m.title = firstNonEmpty(ld.headline, pick(r.meta, metaTitleKeys))
	m.description = firstNonEmpty(pick(r.meta, metaDescriptionKeys), ld.description)
	m.outlet = firstNonEmpty(r.meta["og:site_name"], ld.publisher, pick(r.meta, metaOutletKeys[1:]))
	if looksLikeURL(m.outlet) {
		// article:publisher and some publisher tags hold a Facebook page URL, not a name.
		m.outlet = ""
	}
	m.ldBody = ld.body
	m.author = firstNonEmpty(ld.author, pick(r.meta, metaAuthorKeys))
	if looksLikeURL(m.author) {
		m.author = ""
	}
	m.url = resolveURL(firstNonEmpty(r.canonical, pick(r.meta, metaURLKeys), ld.url), base)
	m.language = normLanguage(firstNonEmpty(r.lang, pick(r.meta, metaLanguageKeys), ld.language))

	m.titles = []string{m.title, r.meta["og:title"], r.meta["twitter:title"], ld.headline, r.docTitle}
	m.titles = append(m.titles, r.h1s...)
	if t1, t2, ok := splitTitle(r.docTitle); ok {
		m.titles = append(m.titles, t1, t2)
		// "Ceasefire talks stall - World News Today" over an <h1>
		// "Ceasefire talks stall": a page that names no site in its
		// metadata names it after its headline in the <title>.
		if m.outlet == "" && len(strings.Fields(t2)) <= 5 && !looksLikeURL(t2) && !strings.ContainsAny(t2, "0123456789") {
			for _, h := range append([]string{r.meta["og:title"], r.meta["twitter:title"], ld.headline}, r.h1s...) {
				if h != "" && normKey(h) == normKey(t1) {
					m.outlet = t2
					break
				}
			}
		}
	}
	m.title = cleanSpace(html.UnescapeString(m.title))
	m.description = cleanSpace(html.UnescapeString(m.description))
	m.outlet = cleanSpace(html.UnescapeString(m.outlet))
	m.author = cleanSpace(html.UnescapeString(m.author))
	return m
}

// otherPublishedMeta returns, in key order, the values of in-house meta
// tags whose name says publication date ("sn-post-date", "pub_date",
// "publish_time"...): a name holding "pub" or "post" and "date" or "time",
// and never "modif" or "updat" (those are revision dates).
func otherPublishedMeta(m map[string]string) []string {
	var keys []string
	for k := range m {
		if (strings.Contains(k, "pub") || strings.Contains(k, "post")) &&
			(strings.Contains(k, "date") || strings.Contains(k, "time")) &&
			!strings.Contains(k, "modif") && !strings.Contains(k, "updat") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// maxMetaDepth bounds the recursion on absurdly nested pages.
const maxMetaDepth = 512

func collectMeta(n *html.Node, r *rawMeta, depth int) {
	if depth > maxMetaDepth {
		return
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			if r.lang == "" {
				r.lang = attr(n, "lang")
				if r.lang == "" {
					r.lang = attr(n, "xml:lang")
				}
			}
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			if content != "" {
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
						if _, seen := r.meta[key]; !seen {
							r.meta[key] = content
						}
					}
				}
			}
		case atom.Link:
			if r.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				r.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				var sb strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.TextNode {
						sb.WriteString(c.Data)
					}
				}
				if len(r.jsonLD) < 16 {
					r.jsonLD = append(r.jsonLD, sb.String())
				}
			}
			return
		case atom.Style:
			return
		case atom.Title:
			if r.docTitle == "" {
				r.docTitle = textOf(n)
			}
			return
		case atom.H1:
			if len(r.h1s) < 3 {
				r.h1s = append(r.h1s, textOf(n))
			}
		}
		// Microdata and HTML5 <time pubdate>: elements that say they hold the
		// publication date. Only explicitly marked ones, so a <time> for an
		// event mentioned in the text is never taken.
		if n.DataAtom != atom.Meta {
			ip := strings.ToLower(attr(n, "itemprop"))
			_, pubdate := attrOK(n, "pubdate")
			if ip == "datepublished" || (n.DataAtom == atom.Time && pubdate) {
				v := firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
				if v != "" && len(r.itemDates) < 4 {
					r.itemDates = append(r.itemDates, v)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectMeta(c, r, depth+1)
	}
}

// ldFields is what we take from JSON-LD.
type ldFields struct {
	published, headline, description, publisher, author, url, language string
	body                                                               string
}

// articleTypes are the schema.org types whose properties describe the
// article itself (as opposed to the site, a video or a breadcrumb list).
var articleTypes = map[string]int{
	"newsarticle": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3,
	"opinionnewsarticle": 3, "backgroundnewsarticle": 3, "reviewnewsarticle": 3,
	"askpublicnewsarticle": 3, "article": 2, "blogposting": 2, "liveblogposting": 2,
	"report": 2, "socialmediaposting": 1, "webpage": 1, "itempage": 1,
}

func parseJSONLD(blocks []string) ldFields {
	var objs []map[string]any
	for _, b := range blocks {
		b = strings.TrimSpace(b)
		b = strings.TrimPrefix(b, "<!--")
		b = strings.TrimSuffix(b, "-->")
		b = strings.TrimSpace(strings.TrimSuffix(b, ";"))
		var v any
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			// Raw newlines and tabs inside JSON strings are the most common
			// defect of hand-templated JSON-LD; replacing control bytes with
			// spaces fixes them without changing any value's meaning.
			if err := json.Unmarshal(replaceControls(b), &v); err != nil {
				continue
			}
		}
		flattenLD(v, &objs, 0)
	}
	if len(objs) == 0 {
		return ldFields{}
	}
	byID := make(map[string]map[string]any, len(objs))
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok && id != "" {
			if _, seen := byID[id]; !seen {
				byID[id] = o
			}
		}
	}
	var best map[string]any
	bestRank := 0
	for _, o := range objs {
		rank := 0
		for _, t := range ldTypes(o) {
			if r := articleTypes[strings.ToLower(t)]; r > rank {
				rank = r
			}
		}
		if rank > bestRank {
			best, bestRank = o, rank
		}
	}
	var f ldFields
	if best != nil {
		f.published = ldString(best["datePublished"])
		if f.published == "" {
			f.published = ldString(best["dateCreated"])
		}
		f.headline = firstNonEmpty(ldString(best["headline"]), ldString(best["name"]))
		if bestRank < 2 {
			// A WebPage's name is often the <title> with the site suffix;
			// only an article's headline is taken as the title.
			f.headline = ldString(best["headline"])
		}
		f.description = ldString(best["description"])
		f.publisher = ldName(best["publisher"], byID)
		f.author = ldName(best["author"], byID)
		f.url = firstNonEmpty(ldString(best["url"]), ldID(best["mainEntityOfPage"]))
		f.language = ldString(best["inLanguage"])
		f.body = ldString(best["articleBody"])
	}
	if f.published == "" {
		// Any object with a datePublished (some sites put it on a WebPage
		// object in an @graph next to an untyped article).
		for _, o := range objs {
			if s := ldString(o["datePublished"]); s != "" {
				f.published = s
				break
			}
		}
	}
	if f.publisher == "" {
		for _, o := range objs {
			for _, t := range ldTypes(o) {
				if t == "WebSite" || t == "NewsMediaOrganization" {
					if s := ldString(o["name"]); s != "" {
						f.publisher = s
					}
				}
			}
			if f.publisher != "" {
				break
			}
		}
	}
	return f
}

// flattenLD collects every JSON object in v, descending into arrays and @graph.
func flattenLD(v any, out *[]map[string]any, depth int) {
	if depth > 8 || len(*out) > 256 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			flattenLD(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, x)
		if g, ok := x["@graph"]; ok {
			flattenLD(g, out, depth+1)
		}
		if g, ok := x["mainEntity"]; ok {
			flattenLD(g, out, depth+1)
		}
	}
}

func ldTypes(o map[string]any) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString returns a JSON-LD value as a string: a string, the first string
// of an array, or an object's "@value".
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

func ldID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return firstNonEmpty(ldString(x["@id"]), ldString(x["url"]))
	}
	return ""
}

// ldName returns the name(s) of a person/organisation value: a string, an
// object with "name", a reference {"@id": ...} resolved in byID, or an
// array of those joined with ", ".
func ldName(v any, byID map[string]map[string]any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if n := ldString(x["name"]); n != "" {
			return n
		}
		if id, ok := x["@id"].(string); ok {
			if o, ok := byID[id]; ok {
				return ldString(o["name"])
			}
		}
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e, byID); n != "" && len(names) < 8 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func replaceControls(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 {
			b[i] = ' '
		}
	}
	return b
}

func pick(m map[string]string, keys []string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// resolveURL makes u absolute against base; it drops values that are not
// http(s) URLs after resolution.
func resolveURL(u string, base *nurl.URL) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	p, err := nurl.Parse(u)
	if err != nil {
		return ""
	}
	if !p.IsAbs() {
		if base == nil {
			return ""
		}
		p = base.ResolveReference(p)
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return ""
	}
	return p.String()
}

// normLanguage reduces "en-GB", "en_US", "EN" to the ISO 639 primary
// subtag "en"; anything that is not 2–3 letters is dropped.
func normLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return ""
		}
	}
	return s
}

// textOf returns the text content of n, white space collapsed, cut after
// about 2000 bytes (headlines, standfirsts).
func textOf(n *html.Node) string { return textOfN(n, 2000) }

// textOfN returns the text content of n, white space collapsed, cut after
// about limit bytes.
func textOfN(n *html.Node, limit int) string {
	var sb strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || sb.Len() > limit {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return cleanSpace(sb.String())
}

// splitTitle splits "Headline | Site" (or " - ", " – ", " — ", " · ") at the
// last separator, so either half can be matched against the body.
func splitTitle(t string) (string, string, bool) {
	best := -1
	seplen := 0
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		if i := strings.LastIndex(t, sep); i > best {
			best, seplen = i, len(sep)
		}
	}
	if best <= 0 {
		return "", "", false
	}
	return strings.TrimSpace(t[:best]), strings.TrimSpace(t[best+seplen:]), true
}
