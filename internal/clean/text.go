// Package clean turns a scraped text dump of a news page into the article:
// headline, standfirst and body, with the page furniture (navigation words,
// photo captions and credits, section labels, related headlines, comment
// forms, interface strings) removed and listed.
//
// The rules work on paragraphs (non-empty lines). Each one is a small
// function with a comment saying what it removes and why that is safe; the
// guiding principle is to lose no article text: a rule fires only on shapes
// that article prose does not take.
package clean

import (
	"html"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/layout"
	"github.com/parley-news/parley/internal/meta"
)

// Result is a cleaned text dump.
type Result struct {
	Headline   string
	Standfirst string
	// Body is the article text from the dateline on, paragraphs separated by
	// a blank line.
	Body string
	// Dateline is the dateline that opens the body, nil when there is none.
	Dateline *meta.Dateline
	// Stamps are the site date stamps seen in the furniture above the body.
	Stamps []time.Time
	// Signoff is the agency a closing sign-off names ("REUTER" → Reuters),
	// "" when there is none.
	Signoff string
	// Removed lists every paragraph left out of the body and why.
	Removed []Removed
}

// Removed is one paragraph left out of the article, with the rule that left it out.
type Removed struct {
	Text string
	Rule string
}

// para is one non-empty line of the dump.
type para struct {
	text string
	key  string // normKey(text), computed once
	rule string // why it is furniture; "" while it counts as article text
}

// maxKeyLen is the longest paragraph compared with the others (repeated
// labels, interface words, a repeated headline): longer ones are prose.
const maxKeyLen = 300

// maxDatelineParagraph is how far down the page a dateline is looked for.
const maxDatelineParagraph = 30

// maxProseAboveDateline is how many prose paragraphs (a standfirst, a
// section blurb) may stand above a dateline.
const maxProseAboveDateline = 2

// maxHeadlineWords bounds a headline: longer opening paragraphs are prose.
const maxHeadlineWords = 30

// Text cleans a scraped text dump. It never fails: a dump with no
// recognisable structure comes back as its paragraphs, furniture removed.
func Text(raw string) Result {
	// Paragraphs first, whatever the layout: hard-wrapped, indented, CRLF,
	// paged (see package layout).
	lay := layout.Paragraphs(raw)
	paras := make([]para, 0, len(lay.Paragraphs))
	for _, p := range lay.Paragraphs {
		if t := markdownOff(headingMarkOff(normQuotes(normSpace(unescapeEntities(p))))); t != "" {
			paras = append(paras, para{text: t})
		}
	}
	if len(paras) == 0 {
		return Result{}
	}
	// The page's script, from its first 8 KB: enough letters to tell.
	sample := raw
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	script := mainScript(sample)
	counts := make(map[string]int, len(paras))
	for i := range paras {
		// Only short paragraphs can be labels, interface words or a
		// headline: the rules that compare paragraphs need no key for prose.
		if len(paras[i].text) <= maxKeyLen {
			paras[i].key = normKey(paras[i].text)
			counts[paras[i].key]++
		}
	}

	// Mark what is furniture wherever it stands.
	for i := range paras {
		paras[i].rule = furniture(paras[i], script, counts)
	}
	// What follows a label of its own: a reporter's role under the byline
	// ("By Jane Doe" / "BBC Europe correspondent"), the caption under an
	// "Image caption," label.
	for i := 1; i < len(paras); i++ {
		if paras[i].rule != "" {
			continue
		}
		switch prev := paras[i-1]; {
		case prev.rule == "byline" && bylineRole(paras[i].text):
			paras[i].rule = "byline"
		case captionLabel(prev.key) && !hasWords(paras[i].text, 30):
			paras[i].rule = "photo caption or credit"
		}
	}

	// The dateline opens the report; everything above it is the page's
	// header: headline, standfirst, photos.
	start := -1
	var dl *meta.Dateline
	prose := 0
	for i, p := range paras {
		// Datelines open the report, near the top of the page: below the
		// headline, a standfirst or a section blurb, and captions. Past a
		// few paragraphs of prose, a paragraph that looks like a dateline
		// ("QUESTIONABLE CLAIMS — For years, …") is the article's own.
		if i > maxDatelineParagraph || prose > maxProseAboveDateline {
			break
		}
		if p.rule != "" {
			continue
		}
		if d, ok := meta.ParseDateline(p.text); ok {
			start, dl = i, &d
			break
		}
		if isProse(p.text) {
			prose++
		}
	}

	var res Result
	for _, r := range lay.Removed {
		res.Removed = append(res.Removed, Removed{r.Text, r.Rule})
	}
	res.Dateline = dl
	headline := pickHeadline(paras, start)
	if headline >= 0 {
		res.Headline = wireSlugOff(paras[headline].text)
		// A repeated headline (the title and the page's h1) is one headline.
		key := paras[headline].key
		for i := range paras {
			if key != "" && i != headline && paras[i].key == key {
				paras[i].rule = "repeated headline"
			}
		}
	}
	// The standfirst: the first sentence-like paragraph between the
	// headline and the dateline. Captions there are name lists with credits
	// and have few lowercase words.
	if start > 0 {
		for i := headline + 1; i < start; i++ {
			if paras[i].rule == "" && isProse(paras[i].text) {
				res.Standfirst = paras[i].text
				break
			}
		}
	}

	// The body: from the dateline, or after the headline when there is none.
	from := start
	if from < 0 {
		from = headline + 1
	}
	// Whatever stands above the body is page header: collect its date stamps.
	for i := 0; i < from && i < len(paras); i++ {
		if strings.ContainsAny(paras[i].text, "0123456789") {
			res.Stamps = append(res.Stamps, meta.DateStamps(paras[i].text)...)
		}
		if i != headline && paras[i].text != res.Standfirst {
			rule := paras[i].rule
			if rule == "" {
				rule = "page header above the dateline"
			}
			res.Removed = append(res.Removed, Removed{paras[i].text, rule})
		}
	}
	// Publication stamps ("Updated … March 3, 2022") above the report's
	// first paragraph are the article's own: their dates, written out or
	// in figures, are stamps. Some sites print the stamp under a
	// standfirst or the lead ("Date 15.02.2022" after the first
	// paragraph), so the first few paragraphs of the body count too. A
	// byline that names a known outlet says who filed the report, as a
	// sign-off does.
	byline := ""
	lead := true     // no paragraph of the report yet
	reportParas := 0 // paragraphs of the report read (furniture between them does not count)
	for i := range paras {
		if i >= from && paras[i].rule == "" {
			lead = false
			reportParas++
		}
		if !lead && reportParas > stampReach {
			break
		}
		switch paras[i].rule {
		case "publication stamp":
			res.Stamps = append(res.Stamps, meta.TextDates(paras[i].text)...)
			if i >= from {
				res.Stamps = append(res.Stamps, meta.DateStamps(paras[i].text)...)
			}
		case "byline":
			if byline == "" && lead {
				byline = bylineOutlet(paras[i].text)
			}
			// "By Jane Doe Published: Mar 03, 2022 09:12 PM": a byline
			// that carries the publication stamp
			if lead {
				res.Stamps = append(res.Stamps, meta.TextDates(paras[i].text)...)
			}
		}
	}
	body := paras[from:]
	cutTail(body)
	var footerDates []time.Time
	res.Signoff, footerDates = signOff(body)
	res.Stamps = append(res.Stamps, footerDates...)
	if res.Signoff == "" {
		res.Signoff = byline
	}
	markRelatedHeadlines(body)

	var b strings.Builder
	b.Grow(len(raw))
	for _, p := range body {
		if p.rule != "" {
			res.Removed = append(res.Removed, Removed{p.text, p.rule})
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text)
	}
	res.Body = b.String()
	return res
}

// captionLabel reports a picture's or video's label ("Image caption,").
func captionLabel(key string) bool {
	switch strings.TrimRight(key, ",:. ") {
	case "image caption", "media caption", "video caption", "caption":
		return true
	}
	return false
}

// pickHeadline chooses the headline among the paragraphs above the dateline
// (or at the top of a dump without one); -1 when there is none.
func pickHeadline(paras []para, dateline int) int {
	short := func(p para) bool {
		n := wordCount(p.text)
		return p.rule == "" && n > 0 && n <= maxHeadlineWords
	}
	if dateline < 0 {
		// No dateline: plain-text exports put the title first, whatever its
		// punctuation; a dump that opens with a long paragraph has none.
		for i, p := range paras {
			if p.rule != "" {
				continue
			}
			if short(p) && !leadSentence(p.text) {
				return i
			}
			return -1
		}
		return -1
	}
	// Above a dateline: the first short paragraph without a closing full
	// stop (headlines have none; section blurbs and captions are sentences
	// or carry credits, which the furniture rules took already) — of three
	// words or more first: a site's section labels ("World", "Europe")
	// stand above the headline on lines of their own.
	for _, min := range [...]int{3, 1} {
		for i := 0; i < dateline; i++ {
			if short(paras[i]) && !endsSentence(paras[i].text) && wordCount(paras[i].text) >= min {
				return i
			}
		}
	}
	// Some sites end headlines with a full stop: then the first short one.
	for i := 0; i < dateline; i++ {
		if short(paras[i]) {
			return i
		}
	}
	return -1
}

// leadSentence reports whether a short opening paragraph is a report's
// first sentence rather than its title: a full sentence of a dozen words or
// more, closed by a full stop, with a past-tense reporting verb ("...,
// Prime Minister Fumio Kishida said Thursday."). Headlines report in the
// present ("Kishida says") and rarely close with a full stop; a dump that
// opens with its lead has no title, and taking the lead for one would drop
// the report's first statement.
func leadSentence(s string) bool {
	if wordCount(s) < 12 || !endsSentence(s) {
		return false
	}
	for _, w := range strings.Fields(s) {
		switch strings.Trim(w, ",.;:\"'“”‘’()") {
		case "said", "told":
			return true
		}
	}
	return false
}

// normSpace trims a line and turns no-break and other odd spaces into plain
// ones and drops zero-width characters: scrapers leave them between words,
// and they are not text.
func normSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 || s[i] == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF' || r == '\u00AD':
			continue
		case r == '\t' || r == '\u00A0' || r == '\u2007' || r == '\u202F' || (r >= '\u2000' && r <= '\u200A'):
			b.WriteByte(' ')
		case r == utf8.RuneError || (r < 0x20 && r != '\t') || r == 0x7f:
			// control characters (old wire copy ends a story with ^C)
			continue
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// normKey is the form under which two paragraphs count as the same: lower
// case, runs of spaces folded (split already trimmed the ends).
func normKey(s string) string {
	// Short paragraphs are mostly ASCII and often already in key form:
	// those are checked byte by byte and returned without a copy, or
	// lower-cased into one buffer; anything else takes the rune loop.
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return normKeyRunes(s)
		}
		if 'A' <= c && c <= 'Z' || c == '\t' || c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			changed = true
		}
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// normKeyRunes is normKey for text with non-ASCII runes.
func normKeyRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// wordCount counts the space-separated words of s without allocating.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// hasWords reports whether s has at least n space-separated words
// (wordCount(s) >= n), stopping at the nth: most paragraphs are asked
// about a bound far below their length.
func hasWords(s string, n int) bool {
	c, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			if c++; c >= n {
				return true
			}
		}
		in = !space
	}
	return c >= n
}

// endsSentence reports whether s ends like a sentence (a full stop, a
// question or exclamation mark, possibly inside closing quotes).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’»)]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

// isProse reports whether a paragraph reads as a sentence: enough words and
// enough lowercase words among them (a caption that names people is mostly
// capitalised words).
func isProse(s string) bool {
	words := strings.Fields(s)
	if len(words) < 8 {
		return false
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower*3 >= len(words)
}

// isTitleCase reports whether most content words of s are capitalised, as in
// "Doc Proves the West Did Commit to Non-Expansion".
func isTitleCase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 4 {
		return false
	}
	content, caps := 0, 0
	for _, w := range words {
		w = strings.Trim(w, `"'“”‘’(),:;—–-`)
		if w == "" || smallWords[strings.ToLower(w)] {
			continue
		}
		content++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return content >= 3 && caps*10 >= content*8
}

// smallWords stay lowercase in English title case.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "as": true, "into": true, "over": true, "vs": true, "via": true,
}

// normQuotes turns the typewriter quotation marks of old wire copy and
// some newspapers into typographic ones: “…” (AP archives, TeX) and
// ”…” (New York Times archives) become “…”. A ” that opens a word is an
// opening mark, any other a closing one. Without this, quotations in such
// text are not seen as quotations. Text without “ or ” is returned as is.
func normQuotes(s string) string {
	if !strings.Contains(s, "``") && !strings.Contains(s, "''") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "``"):
			b.WriteString("\u201c")
			i++
		case strings.HasPrefix(s[i:], "''") && !strings.HasPrefix(s[i:], "'''"):
			open := i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '['
			next := byte(' ')
			if i+2 < len(s) {
				next = s[i+2]
			}
			if open && next != ' ' {
				b.WriteString("\u201c")
			} else {
				b.WriteString("\u201d")
			}
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// unescapeEntities decodes the HTML character references that text dumps of
// web pages and old wire archives carry ("Acme Corp &lt;ACME>", "AT&amp;T",
// "&#3;"): they are characters, not text. Only a paragraph with an "&"
// followed by a reference is decoded.
func unescapeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	for ; i >= 0 && i < len(s); i = strings.IndexByte(s[i+1:], '&') + i + 1 {
		j := strings.IndexByte(s[i:], ';')
		if j > 1 && j <= 10 {
			return html.UnescapeString(s)
		}
		if strings.IndexByte(s[i+1:], '&') < 0 {
			break
		}
	}
	return s
}

// wireSlugOff drops the wire's handling slug before a headline: "UPDATE
// 2-Central bank holds rates", "RPT-…", "REFILE-…", "CORRECTED-…". They
// say which version of the story this is, not what it reports; labels of
// the story's kind ("EXCLUSIVE-", "ANALYSIS-") are the headline's own.
func wireSlugOff(h string) string {
	i := strings.IndexByte(h, '-')
	if i < 3 || i > 12 || i+1 >= len(h) || h[i+1] == ' ' {
		return h
	}
	slug := h[:i]
	if j := strings.IndexByte(slug, ' '); j > 0 {
		// "UPDATE 2", "WRAPUP 1": a number after the word
		for _, c := range slug[j+1:] {
			if c < '0' || c > '9' {
				return h
			}
		}
		slug = slug[:j]
	}
	switch slug {
	case "UPDATE", "RPT", "REFILE", "CORRECTED", "WRAPUP", "CORRECTION", "REPEAT":
		return h[i+1:]
	}
	return h
}

// headingMarkOff drops a Markdown heading's marks ("# Talks resume", "##
// Background"): texts exported from notes and newsletters carry them; the
// words are the heading's.
func headingMarkOff(s string) string {
	n := 0
	for n < len(s) && n < 7 && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return s
	}
	return strings.TrimSpace(s[n:])
}
