package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/meta"
)

// furniture returns the name of the rule that makes paragraph s page
// furniture, or "" when s counts as article text. The rules are tried in
// order; each says what it removes and why it is safe.
func furniture(p para, script string, counts map[string]int) string {
	s := p.text
	key := strings.TrimRight(p.key, ".,:!|>»› ")
	// Navigation and interface words on a line of their own ("All news",
	// "Share", "Advertisement"). Safe: a paragraph that is only one of these
	// words is never prose.
	if uiWords[key] {
		return "navigation or interface word"
	}
	// Lines that open with a cross-link or comment-form phrase ("See also …",
	// "Read more: …", "Your email address will not be published"). Safe:
	// article prose does not start with these words; a "See also" line is
	// the headline of another article.
	for _, p := range uiPrefixes {
		if strings.HasPrefix(key, p) {
			return "cross-link or form: " + p
		}
	}
	// "Copyright 1998 The Associated Press. All rights reserved.",
	// "(c) 2021 Reuters": a copyright notice with its year.
	if copyrightNotice(key) {
		return "copyright notice"
	}
	// A byline: "By Jane Doe", "By JANE DOE, Associated Press Writer",
	// "By Jane Doe and John Roe | Reuters". Safe: a short line that opens
	// with "By" and a name; prose that opens with "By" ("By Tuesday, the
	// talks had collapsed.") names a day or ends a sentence.
	if isByline(s) {
		return "byline"
	}
	// A publication stamp: "Updated 10:32 AM ET, Thu March 3, 2022",
	// "Published: 3 March 2022 12:00". Safe: a short line that opens with
	// the stamp word and holds a figure is no sentence of the report.
	if isStampLine(s) || agoStamp(s) {
		return "publication stamp"
	}
	// Photo credits and captions (see isCredit).
	if isCredit(s) {
		return "photo caption or credit"
	}
	// Site labels stamped with a date at the end: "- Sputnik International,
	// 1920, 13.01.2022". Safe: a sentence ends with a full stop, not with a
	// bare day.month.year stamp after a comma.
	if endsWithDigit(s) && stampEnd.MatchString(s) {
		return "date-stamped site label"
	}
	// Interface strings in another script on the page ("Заголовок
	// открываемого материала" on an English page). Safe: an article quotes
	// speech in its own language; a paragraph wholly in another script is the
	// site's interface.
	if script != "" && (script != "Latin" || !isASCII(s)) {
		if sc := mainScript(s); sc != "" && sc != script {
			return "text in another script than the page"
		}
	}
	// Short labels that recur on the page: section names printed above the
	// headline and again above related links ("Russia-NATO Row on European
	// Security"). Safe: prose paragraphs do not repeat word for word, and
	// only short lines without a full stop qualify.
	if counts[p.key] > 1 && !hasWords(s, 13) && !endsSentence(s) {
		return "repeated section label"
	}
	return ""
}

// uiWords are interface strings that stand alone on a line.
var uiWords = map[string]bool{
	"all news": true, "latest news": true, "news": true, "home": true, "menu": true, "search": true,
	"share": true, "share this": true, "share this article": true, "share on facebook": true,
	"share on twitter": true, "tweet": true, "email": true, "print": true, "subscribe": true,
	"advertisement": true, "advertising": true, "sponsored": true, "sponsored content": true,
	"related": true, "related news": true, "related articles": true, "related stories": true,
	"more news": true, "more stories": true, "top stories": true, "most read": true,
	"most popular": true, "trending": true, "tags": true, "topics": true, "log in": true,
	"login": true, "sign in": true, "register": true, "log in or register": true,
	"sign up": true, "skip to content": true, "skip to main content": true, "go to the mediabank": true,
	"back to top": true, "next article": true, "previous article": true, "read more": true,
	"photo": true, "video": true, "watch": true, "listen": true, "comments": true, "comment": true,
	"cancel reply": true, "post comment": true, "submit": true, "close": true, "loading": true,
	"follow us": true, "newsletter": true, "accept cookies": true,
	// Press-release boilerplate: the release's label and its end mark.
	"for immediate release": true, "immediate release": true, "press release": true, "news release": true,
	"media release": true, "ends": true, "- ends -": true, "-ends-": true, "notes to editors": true,
	"note to editors": true, "editor's note": true, "about us": true,
	// A newspaper site's marks between and after the story's parts.
	"continue reading the main story": true, "continue reading": true, "order reprints": true,
	// The labels a broadcaster's page leaves in a text dump: the stamp's
	// word on its own line, and the labels of pictures and video.
	"published": true, "updated": true, "image caption": true, "media caption": true, "video caption": true,
	"image source": true, "sign up here": true,
	// a newspaper site's marks around the story
	"supported by": true, "skip advertisement": true, "share full article": true, "read in app": true,
	"reuse this content": true, "explore more on these topics": true, "copy link copied": true, "copy link": true,
}

// uiPrefixes open cross-links and comment forms.
var uiPrefixes = []string{
	"see also", "read also", "also read", "read more:", "read more about", "related:", "more:",
	"your email address will not be published", "required fields are marked",
	"to participate in the discussion", "you must be logged in", "log in to comment",
	"log in or register to", "follow us on", "sign up for our", "subscribe to our", "image source,", "watch:", "our standards:", "you can share this story",
	"share this article:", "share this story:", "already a subscriber", "this article is for subscribers",
	"click here to", "copyright ©", "all rights reserved", "this article was originally published",
	// the print edition's note under a newspaper's web story
	"a version of this article appears in print", "a version of this story appears in print",
	"we use cookies", "by continuing to use",
	// Press releases: embargo lines and contact details.
	"for immediate release", "embargoed until", "embargoed for", "embargo:", "media contact", "press contact",
	"media enquiries", "media inquiries", "press enquiries", "press inquiries", "for more information, contact",
	"for further information, contact",
}

// stampEnd matches a label that ends with a site date stamp.
var stampEnd = regexp.MustCompile(`,\s*\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\s*$`)

// agencies whose names stand in photo credits: "REUTERS/Name", "Name/TASS".
var agencies = map[string]bool{
	"REUTERS": true, "Reuters": true, "AFP": true, "EPA": true, "AP": true, "AP Photo": true,
	"Sputnik": true, "TASS": true, "ANADOLU": true, "Xinhua": true, "RIA Novosti": true,
	"Getty Images": true, "Getty": true, "Bloomberg": true, "EFE": true, "DPA": true, "dpa": true,
}

// isCredit reports whether a paragraph is a photo caption or credit: a
// copyright sign ("© Foreign Ministry/TASS"), an agency credit with a slash
// ("REUTERS/Name/File Photo", "Name/TASS", "AP Photo/Name"), "File Photo",
// "Getty Images" at the end, a "Photo:" label, or "Go to the mediabank".
// Safe: prose that talks about a photo ("the photo shows …") has none of
// these credit forms.
func isCredit(s string) bool {
	if strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c) ") || strings.HasPrefix(s, "(C) ") {
		return true
	}
	if hasWords(s, 80) {
		return false
	}
	// A copyright sign inside a short paragraph is a caption with its credit.
	if hasCopyright(s) || strings.Contains(s, "File Photo") || strings.Contains(s, "mediabank") ||
		strings.HasSuffix(s, "Getty Images") {
		return true
	}
	for _, p := range []string{"Photo:", "Photograph:", "Image:", "Credit:", "Photo credit:", "Photo by "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for i := strings.IndexByte(s, '/'); i >= 0; {
		left := strings.TrimRight(s[:i], " ")
		right := strings.TrimLeft(s[i+1:], " ")
		if end := strings.IndexAny(right, "/,-"); end >= 0 {
			right = right[:end]
		}
		right = strings.TrimRight(strings.TrimSpace(right), "])") // "[File: Jane Doe/Reuters]"
		// A slash credit closes a caption ("… in Adazi. REUTERS/Name/File
		// Photo") or is the caption; inside prose an agency and a slash name a
		// poll or a partnership ("the Reuters/Ipsos poll").
		atEnd := len(s)-i < 60 || !hasWords(s, 21)
		if atEnd && agencies[right] && left != "" && unicode.IsLetter(lastRune(left)) && !isDatelineSlash(s, i) {
			return true
		}
		if atEnd && agencies[lastWords(left)] && isName(right) {
			return true
		}
		next := strings.IndexByte(s[i+1:], '/')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// isName reports whether s reads as a photographer's name or a credit
// word: one to four capitalised words ("Ints Kalnins", "File Photo").
func isName(s string) bool {
	words := strings.Fields(strings.TrimRight(s, "."))
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// hasCopyright reports whether s holds a copyright sign that starts a
// credit: not glued to a letter, as in the mojibake "Ã©" of a misread "é".
func hasCopyright(s string) bool {
	for i := strings.Index(s, "©"); i >= 0; {
		if r := lastRune(s[:i]); i == 0 || !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) {
			return true
		}
		j := strings.Index(s[i+len("©"):], "©")
		if j < 0 {
			return false
		}
		i += len("©") + j
	}
	return false
}

// isDatelineSlash reports whether the slash at i belongs to a dateline
// ("MOSCOW, January 26. /TASS/."): that agency is no photo credit.
func isDatelineSlash(s string, i int) bool {
	if i > 120 {
		return false
	}
	_, ok := meta.ParseDateline(s)
	return ok
}

// lastWords returns the last one or two words of s, as an agency name may take.
func lastWords(s string) string {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return ""
	case len(f) >= 2 && agencies[f[len(f)-2]+" "+f[len(f)-1]]:
		return f[len(f)-2] + " " + f[len(f)-1]
	}
	return f[len(f)-1]
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func endsWithDigit(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// tailMarkers open the comment section under an article. Everything after
// one is readers' comments and forms, not the article.
var tailMarkers = map[string]bool{
	"leave a reply": true, "leave a comment": true, "to participate in the discussion": true,
	"add a comment": true, "post a comment": true, "join the discussion": true, "comments": true,
	"discussion": true, "reader comments": true, "show comments": true,
	// a broadcaster's list of topics and links under the story
	"related topics": true, "more on this story": true, "related internet links": true, "suggested topics": true,
	"explore more on these topics": true,
}

// cutTail marks as furniture everything from the first comment-section
// marker on. Safe: the marker is a whole line, and the article does not
// resume after a comment form.
func cutTail(body []para) {
	for i := range body {
		if i == 0 {
			continue
		}
		if tailMarkers[strings.TrimRight(body[i].key, ".:! ")] {
			for j := i; j < len(body); j++ {
				if body[j].rule == "" {
					body[j].rule = "comment section"
				}
			}
			return
		}
	}
}

// markRelatedHeadlines removes headlines of other articles that sites insert
// into the body next to their photos and labels: a title-case line without a
// full stop that touches other furniture. Safe: the article's own
// subheadings are in sentence case or stand between prose paragraphs.
func markRelatedHeadlines(body []para) {
	for i := 1; i < len(body); i++ {
		p := &body[i]
		if p.rule != "" || endsSentence(p.text) || hasWords(p.text, 26) || !isTitleCase(p.text) {
			continue
		}
		prev := body[i-1].rule != ""
		next := i+1 < len(body) && body[i+1].rule != ""
		if prev || next {
			p.rule = "headline of a related article"
		}
	}
}

// mainScript names the script most letters of s are written in ("Latin",
// "Cyrillic", …), or "" for text with fewer than 8 letters.
func mainScript(s string) string {
	var latin, cyr, other, n int
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII without decoding: its letters are a–z, A–Z, all Latin.
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				n++
				latin++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		switch {
		case r < 0x250:
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			other++
		}
	}
	if n < 8 {
		return ""
	}
	switch {
	case latin*10 >= n*7:
		return "Latin"
	case cyr*10 >= n*7:
		return "Cyrillic"
	case other*10 >= n*7:
		return "Other"
	}
	return ""
}

// signOff removes the agency sign-off and the credit lines that close a
// wire story and returns the agency they name ("" for none): "REUTER",
// "(AP)", "— AFP" alone on the last lines, "Reporting by …; Editing by …",
// an editor's initials slug ("jm/pk"), an end mark ("-30-", "###", "END").
// A sign-off glued to the end of the last paragraph ("… he said. REUTER")
// is cut off it. Safe: these shapes close a story and say who filed it;
// they are never part of a statement.
func signOff(body []para) (string, []time.Time) {
	outlet := ""
	var dates []time.Time
	for i := len(body) - 1; i >= 1 && i >= len(body)-6; i-- {
		p := &body[i]
		if p.rule == "publication stamp" {
			// "Published in Dawn, September 9th, 2025" closing the report
			if o, ok := sourceFooter(p.text); ok {
				if outlet == "" {
					outlet = o
				}
				dates = append(dates, meta.TextDates(ordinalsOff(p.text))...)
			}
		}
		if p.rule != "" {
			continue
		}
		// "REUTER", "==Kyodo", "PTI AB RT" (the agency and its editors'
		// initials)
		if o, ok := agencySignOff(p.text); ok {
			p.rule = "agency sign-off"
			if outlet == "" {
				outlet = o
			}
			continue
		}
		// "SOURCE: AL JAZEERA AND NEWS AGENCIES", "Published in Dawn,
		// September 9th, 2025": who published the report, and when
		if o, ok := sourceFooter(p.text); ok {
			p.rule = "source line"
			if outlet == "" {
				outlet = o
			}
			dates = append(dates, meta.TextDates(ordinalsOff(p.text))...)
			continue
		}
		if isCreditLine(p.text) {
			p.rule = "agency credit line"
			continue
		}
		// "To contact the reporter on this story:" and the line after it,
		// "Ann Lee in Brussels at alee@example.com"
		if isContactLine(p.text) {
			p.rule = "reporter contact line"
			continue
		}
		if isEndMark(p.text) {
			p.rule = "end-of-story mark"
			continue
		}
		// The last line of text: a sign-off word after its final sentence.
		if j := strings.LastIndexByte(p.text, ' '); j > 0 && endsSentence(p.text[:j]) && isEndMark(p.text[j+1:]) && !strings.ContainsAny(p.text[j+1:], "0123456789") {
			p.text = strings.TrimSpace(p.text[:j]) // "… since 2021. Enditem"
		}
		if j := strings.LastIndexByte(p.text, ' '); j > 0 && endsSentence(p.text[:j]) {
			if o, ok := meta.KnownOutlet(p.text[j+1:]); ok && isUpperWord(strings.Trim(p.text[j+1:], "()—–-")) {
				p.text = strings.TrimSpace(p.text[:j])
				if outlet == "" {
					outlet = o
				}
			}
		}
		break
	}
	return outlet, dates
}

// agencySignOff reads a closing line that is an agency's name alone, with
// marks around it ("REUTER", "(AP)", "==Kyodo") or its editors' initials
// after it ("PTI AB RT").
func agencySignOff(s string) (string, bool) {
	t := strings.Trim(s, " =-–—()[]*")
	if o, ok := meta.KnownOutlet(t); ok {
		return o, true
	}
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 5 {
		return "", false
	}
	o, ok := meta.KnownOutlet(f[0])
	if !ok {
		return "", false
	}
	for _, w := range f[1:] {
		if len(w) < 2 || len(w) > 3 || !isUpperWord(w) {
			return "", false
		}
	}
	return o, true
}

// sourceFooter reads a footer naming the publisher: "SOURCE: Al Jazeera
// and news agencies", "Published in Dawn, September 9th, 2025".
func sourceFooter(s string) (string, bool) {
	if len(s) > 120 {
		return "", false
	}
	var rest string
	switch {
	case len(s) > 7 && strings.EqualFold(s[:7], "source:"):
		rest = s[7:]
	case len(s) > 13 && strings.EqualFold(s[:13], "published in "):
		rest = s[13:]
	default:
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if i := strings.IndexAny(rest, ",;"); i > 0 {
		rest = rest[:i]
	}
	if i := strings.Index(strings.ToLower(rest), " and "); i > 0 {
		rest = rest[:i] // "AL JAZEERA AND NEWS AGENCIES"
	}
	f := strings.Fields(rest)
	for n := min(len(f), 3); n >= 1; n-- {
		if o, ok := meta.KnownOutlet(strings.Join(f[:n], " ")); ok {
			return o, true
		}
	}
	return "", false
}

// ordinalsOff drops the ordinal suffix of day numbers ("9th" → "9") so
// that the date finders read "September 9th, 2025".
func ordinalsOff(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && i+2 <= len(s) && s[i-1] >= '0' && s[i-1] <= '9' {
			if sfx := strings.ToLower(s[i : i+2]); (sfx == "st" || sfx == "nd" || sfx == "rd" || sfx == "th") && (i+2 == len(s) || !isLetter(s[i+2])) {
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// creditPrefixes open the credit lines of wire copy.
var creditPrefixes = []string{
	"reporting by ", "additional reporting by ", "writing by ", "editing by ", "edited by ",
	"compiled by ", "reported by ", "written by ", "graphic by ", "research by ", "fact box by ",
	"with assistance from ", "to contact the reporter", "to contact the editor", "to contact the author",
}

// isContactLine reports whether s is a short line giving a reporter's or
// editor's e-mail address ("Ann Lee in Brussels at alee@example.com").
func isContactLine(s string) bool {
	if hasWords(s, 16) {
		return false
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && at+1 < len(s) && strings.IndexByte(s[at:], '.') > 0 && !strings.ContainsAny(s[at:], " \t")
}

// isCreditLine reports whether s is a wire credit line: "Reporting by Ann
// Lee in Seoul; Editing by Tom Roe", possibly in parentheses.
func isCreditLine(s string) bool {
	t := strings.TrimLeft(s, "([ -–—")
	if hasWords(s, 41) {
		return false
	}
	for _, p := range creditPrefixes {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
			return true
		}
	}
	// "Associated Press writer Tom Berg in Kestrelton contributed to this
	// report.", "Anna Lind is a correspondent covering Northern Europe."
	low := strings.ToLower(s)
	for _, c := range [...]string{"contributed to this report", "contributed reporting", "contributed to this story"} {
		if strings.Contains(low, c) {
			return true
		}
	}
	return authorNote(s)
}

// authorNote reports the short note on the reporter under a story: a
// name, "is a(n)", and a reporter's role ("Anna Lind is a correspondent
// covering Northern Europe.", "Tom Berg is The Herald's diplomatic
// editor.").
func authorNote(s string) bool {
	if hasWords(s, 26) {
		return false
	}
	i := strings.Index(s, " is ")
	if i < 3 {
		return false
	}
	if n := strings.Count(s[:i], " "); n < 1 || n > 3 { // a name of two to four words
		return false
	}
	for _, w := range strings.Fields(s[:i]) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	rest := strings.ToLower(s[i:])
	for _, r := range [...]string{"correspondent", "reporter", "journalist", "columnist", "editor", "writer", "contributor", "bureau chief"} {
		if strings.Contains(rest, r) {
			return true
		}
	}
	return false
}

// isEndMark reports whether s is an end-of-story mark or an editor's
// initials slug: "-30-", "###", "END", "(END)", "ENDS", "jm/pk".
func isEndMark(s string) bool {
	t := strings.Trim(s, " ()[]-–—")
	switch t {
	case "30", "###", "#", "END", "ENDS", "End", "XXX", "xxx", "Enditem", "ENDITEM", "enditem":
		return true
	}
	if strings.Trim(s, "#*=-_ ") == "" && len(s) >= 3 {
		return true
	}
	// Initials slugs: two to four letters, slash, two to four letters;
	// AFP's open with the bureau's ("bur-jh/lth").
	parts := strings.Split(t, "/")
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		for _, g := range strings.Split(p, "-") {
			if len(g) < 2 || len(g) > 4 {
				return false
			}
			for i := 0; i < len(g); i++ {
				if g[i] < 'a' || g[i] > 'z' {
					return false
				}
			}
		}
	}
	return true
}

// isUpperWord reports whether s is one word in capitals ("REUTER", "AFP").
func isUpperWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isByline reports whether s is a byline: "By" and a capitalised name, at
// most a dozen words more (a title, an outlet), no full stop at the end.
func isByline(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 14 || !strings.EqualFold(w[0], "by") || endsSentence(s) {
		return false
	}
	r := firstRune(w[1])
	if !unicode.IsUpper(r) {
		return false
	}
	name := strings.ToLower(strings.Trim(w[1], ",.:;"))
	if meta.MonthByName(name) != 0 || weekdays[name] || name == "the" || name == "then" || name == "now" {
		return false
	}
	return true
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// stampWords open a publication stamp line.
var stampWords = map[string]bool{"updated": true, "published": true, "posted": true, "created": true,
	"modified": true, "last": true, "first": true, "date": true}

// stampReach is how many paragraphs into the body a publication stamp
// still dates the article.
const stampReach = 4

// isStampLine reports whether s is a publication stamp: a stamp word
// ("Updated", "Published:", "Last updated") and a figure, in a short line.
func isStampLine(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 15 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	if len(w) == 1 {
		return isDateLine(w) // "2023-11-14T09:12:00Z"
	}
	first := strings.ToLower(strings.TrimRight(w[0], ":"))
	if !stampWords[first] {
		return isDateLine(w)
	}
	if first == "last" || first == "first" {
		second := strings.ToLower(strings.TrimRight(w[1], ":"))
		return second == "updated" || second == "published" || second == "modified"
	}
	return true
}

// agoStamp reports a page's relative stamp alone on its line: "2 hours
// ago", "35 minutes ago", "1 day ago".
func agoStamp(s string) bool {
	w := strings.Fields(s)
	if len(w) != 3 || w[2] != "ago" || !strings.ContainsAny(w[0][:1], "0123456789") {
		return false
	}
	switch strings.TrimSuffix(w[1], "s") {
	case "second", "minute", "min", "hour", "hr", "day", "week", "month":
		return true
	}
	return false
}

// bylineRole reports the role line a site prints under its byline ("BBC
// Eastern Europe correspondent", "Diplomatic Editor"): a short line
// without a full stop ending in a reporter's role.
func bylineRole(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 7 || endsSentence(s) {
		return false
	}
	switch strings.ToLower(w[len(w)-1]) {
	case "correspondent", "reporter", "editor", "writer", "producer", "journalist", "columnist":
		return true
	}
	return false
}

// isDateLine reports whether the words w are a date alone, as sites print
// it under the headline: "Tuesday, 14 November 2023 15:30 GMT", "Nov 14
// 2023 at 3:45 PM", "14.11.2023, 09:12", "2023-11-14T09:12:00Z",
// "November 14th, 2023". Safe: every word is a weekday, a month, a
// figure, a time zone or "at"; a sentence has other words.
func isDateLine(w []string) bool {
	if len(w) > 10 {
		return false
	}
	year, month := false, false
	for _, x := range w {
		x = strings.Trim(x, ",|·•()")
		lx := strings.ToLower(strings.TrimSuffix(x, "."))
		switch {
		case lx == "":
		case weekdays[lx] || shortWeekdays[lx]:
		case meta.MonthByName(x) != 0:
			month = true
		case lx == "at" || lx == "on" || lx == "am" || lx == "pm" || lx == "a.m" || lx == "p.m" || timeZones[lx]:
		case dateFigure(lx):
			if hasYear(lx) {
				year = true
			}
			if strings.ContainsAny(lx, "./-") && len(lx) >= 8 {
				month = true // 14.11.2023, 2023-11-14
			}
		default:
			return false
		}
	}
	return year && month
}

var shortWeekdays = map[string]bool{"mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thur": true, "thurs": true, "fri": true, "sat": true, "sun": true}

// timeZones are the zones a site prints after a time (lower case).
var timeZones = map[string]bool{"gmt": true, "utc": true, "et": true, "est": true, "edt": true, "ct": true,
	"cst": true, "cdt": true, "pt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true,
	"ist": true, "msk": true, "jst": true, "kst": true, "aest": true, "aedt": true, "hkt": true, "sgt": true,
	"eet": true, "eest": true, "wib": true, "pkt": true, "z": true}

// dateFigure reports a figure of a date or a time: "14", "14th",
// "2023", "15:30", "10.02", "14.11.2023", "2023-11-14T09:12:00Z".
func dateFigure(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		// an ordinal: "14th", "1st", "2nd", "3rd"
		if digits > 0 && digits <= 2 && (s[i:] == "th" || s[i:] == "st" || s[i:] == "nd" || s[i:] == "rd") {
			return true
		}
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ':' || c == '-' || c == '/' || c == '+' || c == 't' || c == 'z':
		default:
			return false
		}
	}
	return digits > 0
}

// hasYear reports a four-digit year 1900–2199 among the figures of s.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 && (s[i-4] == '1' && s[i-3] == '9' || s[i-4] == '2' && (s[i-3] == '0' || s[i-3] == '1')) {
			return true
		}
		run = 0
	}
	return false
}

// bylineOutlet returns the known outlet a byline names ("By Jane Doe,
// CNN", "By Jane Doe | Reuters"), or "".
func bylineOutlet(s string) string {
	i := strings.LastIndexAny(s, ",|")
	if i < 0 {
		return ""
	}
	if c, ok := meta.KnownOutlet(s[i+1:]); ok {
		return c
	}
	return ""
}

// copyrightNotice reports a line that opens with "copyright" or "(c)" and
// a year: "copyright 1998 the associated press. all rights reserved."
// (key is lower case). "Copyright law is …" has no year.
func copyrightNotice(key string) bool {
	rest, ok := strings.CutPrefix(key, "copyright")
	if !ok {
		if rest, ok = strings.CutPrefix(key, "(c)"); !ok {
			return false
		}
	}
	rest = strings.TrimLeft(rest, " ©(c)")
	if len(rest) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return len(rest) == 4 || rest[4] < '0' || rest[4] > '9'
}
