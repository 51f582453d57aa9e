// Package layout recovers the paragraphs of a plain text whatever its
// layout: one paragraph a line, paragraphs hard-wrapped at a fixed width
// with or without blank lines between them, paragraphs that open with an
// indent (old wire and teletype copy), Windows or old Mac line ends, form
// feeds, words hyphenated across a line end, and the page headers, footers
// and page numbers that PDF conversion repeats on every page.
//
// What Parley reads must not change with the layout, so every later stage
// works on the paragraphs recovered here: a paragraph is one line of text,
// its hard line breaks replaced by single spaces.
//
// The reader decides in two steps. First, whether the text is hard-wrapped
// at all (see wrapped): most news dumps put one paragraph on a line, and
// there every line stays a paragraph. Then, in a hard-wrapped text, where
// each paragraph ends (see breaksAfter): at a blank line, before a line
// indented deeper than the one above, or after a line that stops short of
// the text's width.
package layout

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/text"
)

// Result is the text's paragraphs and the lines left out as page furniture.
type Result struct {
	Paragraphs []string
	// Removed lists the lines dropped as page headers, footers and page
	// numbers, each with the reason.
	Removed []Removed
}

// Removed is one line left out, with why.
type Removed struct {
	Text string
	Rule string
}

// line is one physical line of the input.
type line struct {
	text   string // without the indent and trailing space
	indent int    // columns of leading white space (a tab counts 4)
	width  int    // runes, indent included
	blank  bool
	page   bool // a form feed stands before this line
	drop   string
}

// Paragraphs recovers the paragraphs of raw.
func Paragraphs(raw string) Result {
	lines := split(raw)
	var res Result
	res.Removed = markPageFurniture(lines)
	// The blank lines around a page's header or footer go with it: a
	// paragraph may run on across the page break.
	for i := range lines {
		if lines[i].drop == "" || lines[i].blank {
			continue
		}
		for j := i - 1; j >= 0 && lines[j].blank; j-- {
			lines[j].drop = "blank"
		}
		for j := i + 1; j < len(lines) && lines[j].blank; j++ {
			lines[j].drop = "blank"
		}
	}
	kept := lines[:0]
	for _, l := range lines {
		if l.drop == "" {
			kept = append(kept, l)
		}
	}
	lines = kept
	// Paragraphs that open with an indent and go on at the margin are
	// wrapped whatever the other tests say: a short report has too few
	// line pairs for them ("Claire" / "Dorval." is no lower-case
	// continuation, and a break after it is not forced by the width).
	indents := indentStyle(lines)
	if !indents && !wrapped(lines) {
		// One paragraph a line; a line broken in mid-sentence (a lower-case
		// continuation after a line without end punctuation) still joins.
		res.Paragraphs = join(lines, 0, false, false)
		return res
	}
	res.Paragraphs = join(lines, width(lines), true, indents)
	return res
}

// split cuts raw into lines: "\r\n", "\r" and "\n" end a line; a form feed
// ends a page. A byte-order mark at the start is not text.
func split(raw string) []line {
	raw = strings.TrimPrefix(raw, "\uFEFF")
	out := make([]line, 0, strings.Count(raw, "\n")+1)
	page := false
	for len(raw) > 0 {
		s := raw
		if i := strings.IndexAny(raw, "\r\n\f"); i >= 0 {
			s = raw[:i]
			c := raw[i]
			raw = raw[i+1:]
			if c == '\r' && strings.HasPrefix(raw, "\n") {
				raw = raw[1:]
			}
			out = append(out, newLine(s, page))
			page = c == '\f'
			continue
		}
		raw = ""
		out = append(out, newLine(s, page))
	}
	return out
}

func newLine(s string, page bool) line {
	l := line{page: page}
	col := 0
	i := 0
loop:
	for i < len(s) {
		switch s[i] {
		case ' ':
			col++
		case '\t':
			col += 4
		default:
			if r, n := utf8.DecodeRuneInString(s[i:]); r == '\u00A0' || r == '\u3000' {
				col++
				i += n
				continue
			}
			break loop
		}
		i++
	}
	l.indent = col
	t := s[i:]
	// trailing white space: ASCII bytes fast, other spaces by rune
	for len(t) > 0 {
		c := t[len(t)-1]
		if c == ' ' || c == '\t' || c == '\v' {
			t = t[:len(t)-1]
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeLastRuneInString(t)
		if !unicode.IsSpace(r) {
			break
		}
		t = t[:len(t)-n]
	}
	l.text = t
	l.blank = t == ""
	if !l.blank {
		l.width = col + runeCount(t)
	}
	return l
}

// runeCount is utf8.RuneCountInString with an ASCII fast path.
func runeCount(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// markPageFurniture drops the lines that PDF conversion repeats on every
// page: page numbers ("12", "- 12 -", "Page 12 of 30") and short running
// headers or footers that recur, their numbers aside, three times or more.
// Safe: a line of prose does not recur word for word three times, and a
// line holding only a page number is no sentence. Only texts with pages
// (form feeds) or with three or more such lines are touched.
func markPageFurniture(lines []line) []Removed {
	pageNums := 0
	pages := 0
	nums := make([]bool, len(lines))
	for i, l := range lines {
		if l.page {
			pages++
		}
		if !l.blank && isPageNumber(l.text) {
			nums[i] = true
			pageNums++
		}
	}
	// Running headers: short lines without end punctuation; without page
	// breaks only those with a number in them ("Draft – page 3"). Most
	// texts have none, and pay for no map.
	candidate := func(i int) bool {
		l := lines[i]
		return !l.blank && !nums[i] && len(l.text) <= 80 && (pages > 0 || hasDigit(l.text)) && !endsSentence(l.text)
	}
	var counts map[string]int
	var keys []string
	for i := range lines {
		if !candidate(i) {
			continue
		}
		if counts == nil {
			counts = map[string]int{}
			keys = make([]string, len(lines))
		}
		keys[i] = digitKey(lines[i].text)
		counts[keys[i]]++
	}
	var removed []Removed
	first := true // no line of text yet
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		switch {
		case nums[i] && (pages > 0 || pageNums >= 3 || pageOf(l.text)):
			// ("Page 2 of 3" says what it is even once)
			l.drop = "page number"
		case counts != nil && keys[i] != "" && counts[keys[i]] >= 3:
			l.drop = "page header or footer repeated on each page"
		case len(l.text) <= 160 && pageNumberTail(l.text) != "":
			if first {
				// The first page's header is the document's title: its
				// words stay, its page number goes.
				head := pageNumberTail(l.text)
				removed = append(removed, Removed{strings.TrimSpace(l.text[len(head):]), "page number"})
				l.text = head
				l.width = utf8.RuneCountInString(head) + l.indent
			} else {
				l.drop = "page header or footer with its page number"
			}
		}
		first = false
		if l.drop != "" {
			removed = append(removed, Removed{strings.TrimSpace(l.text), l.drop})
		}
	}
	return removed
}

// pageNumberTail returns the words of a running header or footer that says what it is
// even once: a short title, a wide gap of spaces, and a page number ("Arms
// Talks Report        Page 3", "Council Minutes      12"), as PDF
// conversion lays a page's header out. Prose has no run of four spaces
// before its last words. "" when s is no such line.
func pageNumberTail(s string) string {
	s = strings.TrimRight(s, " \t")
	gap := strings.LastIndex(s, "    ")
	if gap < 0 {
		gap = strings.LastIndexByte(s, '\t')
		if gap < 0 {
			return ""
		}
	}
	head := strings.TrimRight(s[:gap], " \t")
	tail := strings.TrimSpace(s[gap:])
	if strings.TrimSpace(head) == "" || endsSentence(head) || !isPageNumber(tail) {
		return ""
	}
	return head
}

// pageOf reports a page number written out with its total: "Page 2 of 3".
func pageOf(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "page ") && strings.Contains(s, " of ")
}

// isPageNumber reports whether s is only a page number: "12", "- 12 -",
// "Page 12", "Page 12 of 30", "12/30", "p. 12".
func isPageNumber(s string) bool {
	if len(s) > 40 {
		return false
	}
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "-–—[]()|"))
	for _, p := range [...]string{"page ", "p. ", "pg. ", "seite "} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	if s == "" || len(s) > 12 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '/':
		case len(s)-i >= 3 && strings.EqualFold(s[i:i+3], "of "):
			i += 2
		default:
			return false
		}
	}
	return digits > 0 && digits <= 6
}

// digitKey is s lower-cased with every run of digits as "#", so that
// "Draft agreement – page 3" and "… page 4" count as one running header.
func digitKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	digit := false
	for _, r := range strings.TrimSpace(s) {
		if r >= '0' && r <= '9' {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// wrapped reports whether the text is hard-wrapped: its lines break in
// mid-sentence. In wrapped prose most line breaks fall between two words
// of one sentence, so the next line opens in lower case after a line
// without end punctuation; in a text with a paragraph a line almost every
// line ends a sentence, and menus and captions open with capitals.
//
// A short text whose lines mostly end a sentence or break before a capital,
// a figure or a quote ("making" / "$100,000", "Donald" / "Trump") gives
// too few such pairs; its breaks are then told by the width: in wrapped
// prose the next line's first word would not have fitted on the line
// (a forced break), and most breaks between lines of text are forced. In a
// text with a paragraph a line, lines run to any length, and a break is
// forced only by chance.
func wrapped(lines []line) bool {
	pairs, cont := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i], lines[i+1]
		if a.blank || b.blank {
			continue
		}
		pairs++
		if continues(a.text, b.text) {
			cont++
		}
	}
	if cont >= 2 && cont*10 >= pairs*3 {
		return true
	}
	if pairs < 3 {
		return false
	}
	w := width(lines)
	if w < 40 || w > maxWrapWidth {
		return false
	}
	forced := 0
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i], lines[i+1]
		if a.blank || b.blank {
			continue
		}
		// A break after a sentence end proves nothing: a text with a
		// sentence a line breaks there too.
		if a.width+1+runeCount(firstField(b.text)) > w && !endsSentence(a.text) {
			forced++
		}
	}
	return forced >= 3 && forced*10 >= pairs*6
}

// maxWrapWidth is the widest column a text is taken to be wrapped at by
// its forced breaks alone: typewriter, teletype, e-mail and terminal
// layouts wrap at 60 to 80 columns, some archives at 100 or so.
const maxWrapWidth = 132

// firstField is the first run of non-space bytes of s.
func firstField(s string) string {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}

// continues reports whether line b reads as the continuation of the
// sentence that line a leaves open: a ends without end punctuation and b
// opens with a lower-case letter (or a hyphenated word goes on).
func continues(a, b string) bool {
	if endsSentence(a) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(b, " \t\"'“‘("))
	return unicode.IsLower(r)
}

// indentStyle reports whether the paragraphs of a wrapped text open with an
// indent and go on at the margin (old wire and teletype copy): indented
// lines are mostly followed by a continuation line at a smaller indent.
// In a text where whole blocks are indented (a quoted passage), the line
// after an indented one is as deep.
func indentStyle(lines []line) bool {
	out, same := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i], lines[i+1]
		if a.blank || b.blank || a.indent < 2 {
			continue
		}
		if b.indent < a.indent {
			out++
		} else if b.indent == a.indent && continues(a.text, b.text) {
			same++
		}
	}
	return out >= 2 && out > same*2
}

// width estimates the column the text was wrapped at: the widest line that
// is not an outlier (a long URL or a table row among wrapped prose).
func width(lines []line) int {
	ws := make([]int, 0, len(lines))
	for _, l := range lines {
		if !l.blank {
			ws = append(ws, l.width)
		}
	}
	if len(ws) == 0 {
		return 0
	}
	sort.Ints(ws)
	p90 := ws[len(ws)*9/10]
	limit := p90 + p90/4
	w := 0
	for _, x := range ws {
		if x <= limit && x > w {
			w = x
		}
	}
	return w
}

// join makes paragraphs of the lines. In a wrapped text (w > 0) a
// paragraph ends at a blank line, before a line indented deeper than the
// one above (a paragraph indent), and after a line that stops short: the
// first word of the next line would have fitted on it, so the break was
// meant. A line that leaves its sentence open before a lower-case
// continuation joins in any layout.
func join(lines []line, w int, wrappedText, indents bool) []string {
	out := make([]string, 0, len(lines)/2+1)
	cur := make([]string, 0, 16)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, ""))
			cur = cur[:0]
		}
	}
	for i, l := range lines {
		if l.blank {
			flush()
			continue
		}
		text := strings.TrimSpace(l.text)
		if len(cur) > 0 {
			prev := lines[i-1]
			if breaksAfter(prev, l, w, wrappedText, indents) {
				flush()
			} else {
				last := cur[len(cur)-1]
				if dehyphenate(last, text, lines) {
					cur[len(cur)-1] = strings.TrimSuffix(last, "-")
				} else if !strings.HasSuffix(last, "-") || !hyphenJoin(last, text) {
					cur = append(cur, " ")
				}
			}
		}
		cur = append(cur, text)
	}
	flush()
	return out
}

// minCutLine is the shortest line that, in a text with a paragraph a
// line, is taken as cut in mid-sentence when the next opens in lower case.
const minCutLine = 50

// breaksAfter decides whether a paragraph ends between lines a and b
// (neither blank).
func breaksAfter(a, b line, w int, wrappedText, indents bool) bool {
	if !wrappedText {
		// A paragraph a line: only a long line cut in mid-sentence goes on
		// (a short one before a lower-case line is a label or a menu).
		return !(continues(a.text, b.text) && a.width >= minCutLine && b.indent <= a.indent+1)
	}
	if indents && b.indent >= 2 {
		// Paragraphs open with an indent: every indented line opens one.
		return true
	}
	if continues(a.text, b.text) && b.indent <= a.indent+1 {
		return false
	}
	if b.indent > a.indent+1 {
		return true
	}
	first := strings.TrimSpace(b.text)
	if i := strings.IndexByte(first, ' '); i >= 0 {
		first = first[:i]
	}
	return a.width+1+utf8.RuneCountInString(first) <= w
}

// hyphenJoin reports whether a line ending in a hyphen joins the next
// without a space: a word broken at its hyphen ("anti-" + "missile").
func hyphenJoin(a, b string) bool {
	r, _ := utf8.DecodeRuneInString(b)
	l, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(a, "-"))
	return unicode.IsLetter(l) && unicode.IsLetter(r)
}

// dehyphenate reports whether the hyphen at the end of a is a typesetter's
// (a word split at a syllable: "negotia-" + "tions") rather than a word's
// own ("long-" + "range"): the whole word without the hyphen appears
// elsewhere in the text and the hyphenated form does not. Without such
// evidence the hyphen stays: a kept hyphen misleads no later stage as much
// as a wrongly fused compound.
func dehyphenate(a, b string, lines []line) bool {
	if !strings.HasSuffix(a, "-") || strings.HasSuffix(a, "--") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b)
	if !unicode.IsLower(r) {
		return false
	}
	head := lastWord(strings.TrimSuffix(a, "-"))
	tail := firstWord(b)
	if head == "" || tail == "" {
		return false
	}
	whole := strings.ToLower(head + tail)
	hyph := strings.ToLower(head + "-" + tail)
	seenWhole, seenHyph := false, false
	for _, l := range lines {
		low := strings.ToLower(l.text)
		if strings.Contains(low, whole) {
			seenWhole = true
		}
		if strings.Contains(low, hyph) {
			seenHyph = true
		}
	}
	if seenWhole || seenHyph {
		return seenWhole && !seenHyph
	}
	// The text says nothing: the word list does. "report-" + "ers" is
	// "reporters"; "long-" + "range" stays, "longrange" being no word
	// (where both are words, "e-mail", "pre-war", either reads the same).
	return text.IsWord(whole)
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// endsSentence reports whether s ends like a sentence or a heading that
// closes on a colon: . ! ? … : possibly inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’»)]")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}
