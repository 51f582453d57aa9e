package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"unicode"
	"unicode/utf8"
)

// The furniture rules below run on the paragraphs trafilatura kept. Each
// one is narrow on purpose: it matches a whole short paragraph (or its
// start, with the punctuation that makes it a label), never a word inside
// running text, so article sentences are not touched. Each was measured on
// the article-extraction benchmark and kept only when it raised F1.

// Rule bits, so the evaluation harness can switch rules off one by one.
const (
	ruleTitle        = 1 << iota // headline repeated at the top
	ruleStandfirst               // standfirst repeated as a heading at the top
	ruleStubs                    // "Advertisement" and similar one-line labels
	ruleLeadStamp                // date/time/byline/reading-time lines at the top
	rulePrompts                  // "Related: …", "Read more: …", sign-up and follow prompts
	ruleCredits                  // "Reporting by …", "… contributed to this report", contact lines
	ruleLegal                    // "Filed under:", tag lists, comment-form prompts
	ruleTailCut                  // "You may also like" and the link list after it
	ruleWireSlug                 // wire-service slug lines ("…, 1st Ld-Writethru")
	ruleLinkTail                 // the run of all-link paragraphs that ends the body
	ruleLinkShort                // a short paragraph that is one link, anywhere
	ruleLeadHeadings             // headings above the first paragraph (kicker, headline, dek)
	ruleSplitBody                // restore the rest of a body split over twin containers (split.go)
	ruleStandfirstEl             // remove the element marked as standfirst before extraction
	ruleLooseText                // wrap bare text runs of containers in <p> (loose.go)
	allRules         = 1<<iota - 1
)

// linkListDensity is the share of a paragraph's letters inside links above
// which it reads as a link (a headline of another article), not text.
const linkListDensity = 0.9

// linkShortWords: a paragraph this short that is one link is a
// cross-reference ("Related: …", a promoted headline), never article text.
const linkShortWords = 12

// leadMax is how many paragraphs at the top of the body may be checked as
// header furniture (kicker, headline, standfirst, date, byline): trafilatura
// keeps the article header when it sits inside the article element.
const leadMax = 6

// labels are whole paragraphs (normalised: lower case, letters and digits
// only) that are page furniture wherever they appear: ad-slot labels,
// "continue reading" markers, share/print toolbars, empty section headers.
var labels = map[string]bool{
	"advertisement": true, "advertisements": true, "advertising": true, "ad": true,
	"sponsored": true, "sponsored content": true, "paid content": true,
	"story continues below": true, "story continues below advertisement": true,
	"article continues below advertisement": true, "article continues below": true,
	"continue reading below": true, "continue reading the main story": true,
	"continue reading": true, "scroll to continue with content": true,
	"skip advertisement": true, "content continues below": true,
	"advertisement scroll to continue reading": true, "report an ad": true,
	"share this article": true, "share this story": true, "share this": true,
	"share": true, "tweet": true, "print": true, "print article": true, "email": true,
	"text size": true, "order reprints": true, "reprints": true,
	"post comment": true, "leave a comment": true, "comments": true, "add comment": true,
	"thanks for signing up": true, "thank you for signing up": true,
	"don t miss": true, "more": true, "read more": true, "see more": true,
	"home": true, "back to top": true, "click to tweet": true,
	"you must log in to post a comment":            true,
	"an error has occurred please try again later": true,
}

// tailHeaders open the related-content block at the end of an article;
// from such a header on, the short paragraphs that follow are headlines of
// other articles. Matched whole (normalised) or, for the "… on Site" forms,
// by prefix.
var tailHeaders = map[string]bool{
	"you may also like": true, "you might also like": true, "related": true,
	"related articles": true, "related stories": true, "related content": true,
	"related posts": true, "related news": true, "more stories": true,
	"more news": true, "most popular": true, "most read": true, "popular": true,
	"trending": true, "trending now": true, "recommended": true,
	"recommended for you": true, "read next": true,
	"explore further": true, "more from": true, "latest news": true,
	"what to read next": true, "more on this story": true, "also on": true,
	"top stories": true, "you may like": true, "around the web": true,
	"tags": true, "topics": true, "categories": true,
}

var tailHeaderPrefixes = []string{"popular on ", "more from ", "also on ", "more on ", "latest from ", "most read ", "most popular "}

// promptPrefixes start a cross-reference or call-to-action paragraph. The
// colon (or bracket) is part of the match, so "Related companies said …"
// or "Also, the minister…" are not caught.
var promptPrefixes = []string{
	"related:", "[related", "related post:", "related article:", "related story:",
	"related stories:", "related content:", "related coverage:", "read more:",
	"read more »", "see more:", "see also:", "also:", "also read:", "read also:",
	"more:", "watch:", "watch now:", "listen:", "recommended:", "don't miss:",
	"sign up for", "sign up:", "sign up to", "subscribe to", "subscribe now",
	"click here to", "click here for", "get the latest", "get breaking news",
	"leia também", "leia mais:", "veja também", "lea también", "lee también",
	"lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi", "leggi anche",
	"(leggi anche", "like this story?", "have a tip?", "want more", "to read the full story",
	// a share toolbar with its label, a paywall's log-in prompt
	"share this article:", "share this story:", "share:", "already a subscriber",
}

// promptContains are phrases found only in newsletter and subscription
// prompts.
var promptContains = []string{
	"delivered to your inbox", "straight to your inbox", "in your inbox every",
	"sign up for our", "subscribe to our", "if you enjoyed this article",
	// paywalls
	"is for subscribers only", "for subscribers only.", "already a subscriber", "subscribe now for",
	"subscribe to continue reading", "you have reached your free article limit", "free articles remaining",
}

// creditPrefixes start a wire or newspaper credit line.
var creditPrefixes = []string{
	"reporting by", "(reporting by", "additional reporting by", "(additional reporting",
	"editing by", "writing by", "compiled by", "(editing by", "(writing by",
	"write to ", "reach the reporter", "email the author", "contact the author",
	"source:", "sources:",
	// a newspaper's note of the print edition under the web story
	"a version of this article appears in print", "a version of this story appears in print",
}

// creditContains are phrases that only occur in credit lines.
var creditContains = []string{
	"contributed to this report", "contributed reporting", "contributed to this story",
}

// legalPrefixes start taxonomy lines ("Filed under: …", tag lists).
// Copyright lines ("© 2019 …, All rights reserved") are deliberately kept:
// dropping them lowered F1 on the benchmark, whose annotators count them
// as part of the article.
var legalPrefixes = []string{
	"filed under:", "filed under ", "tags:", "tags/", "topics:", "categories:",
	"posted in ", "this copy is for your personal",
}

// commentPrompts are the comment-form texts left under articles.
var commentPrompts = []string{
	"post a comment", "leave a comment", "add a comment", "to post a comment",
	"comments are moderated", "moderating all comments", "log in to comment",
	"comments will be moderated", "join the conversation",
}

// dateWords are the words a date/time stamp or byline line may consist of:
// month and weekday names (English, French, German, Spanish, Portuguese,
// Italian, Dutch, Russian, Ukrainian), their abbreviations, clock and zone words, and the
// labels around them ("Published", "Updated", "by", "reading time").
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range []string{
		"january february march april may june july august september october november december",
		"jan feb mar apr jun jul aug sep sept oct nov dec",
		"monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
		"janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre",
		"lundi mardi mercredi jeudi vendredi samedi dimanche",
		"januar februar märz maerz april mai juni juli august oktober dezember",
		"montag dienstag mittwoch donnerstag freitag samstag sonntag",
		"enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
		"lunes martes miércoles miercoles jueves viernes sábado sabado domingo",
		"janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro",
		"segunda terça terca quarta quinta sexta sábado domingo feira",
		"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
		"lunedì martedì mercoledì giovedì venerdì sabato domenica",
		"januari februari maart mei juni juli augustus oktober",
		"am pm a m p m gmt utc bst cet cest est edt cst cdt mst mdt pst pdt ist jst msk aest et pt ct h hrs",
		"published updated posted modified last first on at by the of de del da do às as a em um le à el il alle ore",
		"web story page date", // "Web posted at: 4:12 p.m. EST", old sites' stamps
		"publicado atualizado actualizado publicada atualizada veröffentlicht aktualisiert publié mis jour pubblicato aggiornato",
		"reading read time min mins minute minutes tempo leitura minuto minutos lectura lesezeit lecture lettura",
		"today yesterday ago hours hour",
		"января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
		"январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
		"понедельник вторник среда четверг пятница суббота воскресенье г года в опубликовано обновлено сегодня вчера",
		"січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
	} {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
	}
	return m
}()

// furnitureInput is what the rules know about the page.
type furnitureInput struct {
	titles     []string // headline variants: og:title, JSON-LD headline, <title>, <h1>s
	standfirst string
	author     string
	rules      int
}

// dropFurniture removes from the extracted paragraphs what a news page
// wraps around the article and trafilatura lets through. dek is the first
// heading dropped from the article header that is not the headline (the
// standfirst set as a subheading), "" if none; stamp is the first date
// stamp dropped from the lead ("March 3, 1998"), "" if none.
func dropFurniture(ps []para, in furnitureInput) (out []para, dek, stamp string) {
	titleKeys := make(map[string]bool, len(in.titles))
	for _, t := range in.titles {
		if k := normKey(t); k != "" {
			titleKeys[k] = true
		}
	}
	sfKey := normKey(in.standfirst)
	authorKey := normKey(in.author)
	on := func(r int) bool { return in.rules&r != 0 }

	// The body's tail: the paragraphs after the last one that is not
	// mostly links. Headline lists of other articles close many pages.
	tail := len(ps)
	if on(ruleLinkTail) {
		tail = bodyEnd(ps)
	}

	out = ps[:0:0]
	inLead := true
	cutting := false
	for i, p := range ps[:tail] {
		if on(rulePrompts) || on(ruleLegal) {
			p.text = trimClickToTweet(p.text)
		}
		k := normKey(p.text)
		if k == "" {
			continue
		}
		low := strings.ToLower(p.text)
		words := countWords(p.text)

		if inLead && (len(out) >= leadMax || (words >= 15 && !p.isHeading())) {
			inLead = false
		}
		// The last paragraphs may carry a date stamp too ("Updated at
		// 1:23 p.m.", "First published: …").
		nearEnd := i >= tail-2
		if cutting {
			// Inside the related-content block: headlines and their
			// one-line teasers are short; a long paragraph means the block
			// was not what it seemed, so keeping resumes.
			if words <= 30 {
				continue
			}
			cutting = false
		}

		// (the lead's first stamp line, whichever rule drops it)
		if stamp == "" && inLead && isStampLine(p.text, words) {
			stamp = p.text
		}
		switch {
		case on(ruleStubs) && labels[k]:
			continue
		case on(ruleStubs) && words <= 60 && firstLineIsLabel(p.text):
			// "DON'T MISS<br>headline<br>headline": a label line heading a
			// block of promoted links kept as one paragraph.
			continue
		case on(ruleTitle) && inLead && titleKeys[k]:
			// The headline repeated at the top of the body (matched whole,
			// so a first paragraph that starts like the headline stays).
			continue
		case on(ruleStandfirst) && inLead && sfKey != "" && k == sfKey && p.isHeading():
			// The standfirst set as a heading above the text. Only a
			// heading is dropped: when the description is the first
			// paragraph (common), that paragraph is body text and stays.
			continue
		case on(ruleLeadHeadings) && inLead && len(out) == 0 && p.isHeading():
			// Headings before any text paragraph are the article header
			// (kicker, headline, dek), already in Title/Standfirst. Section
			// headings inside the article come after text and stay.
			if dek == "" && p.tag != atom.H1 && words >= 6 && !titleKeys[k] {
				dek = p.text
			}
			continue
		case on(ruleLeadStamp) && inLead && (isStampLine(p.text, words) || (authorKey != "" && k == authorKey) || isByline(p.text, words)):
			continue
		case on(ruleLeadStamp) && nearEnd && i > 0 && isStampLine(p.text, words):
			continue
		case on(rulePrompts) && words <= 40 && hasAnyPrefix(low, promptPrefixes):
			continue
		case on(rulePrompts) && words <= 30 && isFollowLine(low):
			continue
		case on(rulePrompts) && words <= 40 && containsAny(low, promptContains):
			continue
		case on(ruleCredits) && words <= 40 && (hasAnyPrefix(low, creditPrefixes) || containsAny(low, creditContains)):
			continue
		case on(ruleCredits) && isContactOnly(p.text):
			continue
		case on(ruleLegal) && words <= 40 && hasAnyPrefix(low, legalPrefixes):
			continue
		case on(ruleLegal) && words <= 25 && containsAny(low, commentPrompts):
			continue
		case on(ruleWireSlug) && words <= 12 && strings.Contains(low, "writethru"):
			continue
		case on(ruleLinkShort) && words <= linkShortWords && p.linkDensity() >= linkListDensity:
			continue
		case on(ruleTailCut) && i >= len(ps)/2 && i > 0 && words <= 6 && isTailHeader(k):
			cutting = true
			continue
		}
		out = append(out, p)
	}
	return out, dek, stamp
}

// bodyEnd returns the index after the last paragraph of article text: it
// walks back over the block of other articles' headlines that closes many
// pages — paragraphs that are mostly one link, the one-line teaser under
// such a headline, and headings (an article never ends on a heading).
func bodyEnd(ps []para) int {
	end := len(ps)
	links := 0
	for end > 0 {
		p := ps[end-1]
		w := countWords(p.text)
		switch {
		case p.linkDensity() >= linkListDensity && w <= 40:
			links++
		case p.isHeading() && w <= 20:
		case w <= 30 && (!endsSentence(p.text) || p.isHeading() || p.tag == atom.Li) && end >= 2 && ps[end-2].linkDensity() >= linkListDensity && countWords(ps[end-2].text) <= 40:
			// The teaser line under a linked headline; the headline is taken
			// next round. Teasers are fragments without a closing full stop
			// or sit in a heading or list item, so an article's last
			// sentence (a <p> with a full stop) after a promo link is kept.
		default:
			goto done
		}
		end--
	}
done:
	if end == 0 {
		return len(ps) // a body made only of links is left to the other rules
	}
	return end
}

// firstLineIsLabel reports a multi-line paragraph whose first line is a
// furniture label or a related-content header.
func firstLineIsLabel(s string) bool {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return false
	}
	k := normKey(s[:i])
	return labels[k] || tailHeaders[k]
}

// endsSentence reports text ending with sentence punctuation, optionally
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

func isTailHeader(k string) bool {
	if tailHeaders[k] {
		return true
	}
	for _, p := range tailHeaderPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// isStampLine reports a short line made only of a date or time stamp and
// its labels ("Published 18 November 2019", "5:45 AM PST 11/19/2019",
// "Updated: Tue., Nov. 19, 2019", "Reading time: 2 minutes"), optionally
// followed by "by" and a name. It must contain a digit, so a one-word
// kicker like "Monday" is not mistaken for one.
func isStampLine(s string, words int) bool {
	if words == 0 || words > 16 {
		return false
	}
	hasDigit := false
	toks := wordTokens(s)
	for i := 0; i < len(toks); i++ {
		w := toks[i]
		lw := strings.ToLower(w)
		switch {
		case isNumber(w):
			hasDigit = true
		case isOrdinal(lw) || isClock(lw):
			hasDigit = true
		case lw == "by" || lw == "por" || lw == "von" || lw == "par" || lw == "di":
			// A byline tail: up to four capitalised name words end the line.
			rest := toks[i+1:]
			if len(rest) == 0 || len(rest) > 4 {
				return false
			}
			for _, r := range rest {
				if !isCapitalised(r) {
					return false
				}
			}
			return hasDigit
		case dateWords[lw]:
		default:
			return false
		}
	}
	return hasDigit
}

// isByline reports a short "By Name" line (also Portuguese/Spanish "Por",
// German "Von", French "Par"): at most six words, every word after the
// first capitalised or a connective.
func isByline(s string, words int) bool {
	if words < 2 || words > 7 {
		return false
	}
	toks := wordTokens(s)
	switch strings.ToLower(toks[0]) {
	case "by", "por", "von", "par":
	default:
		return false
	}
	for _, t := range toks[1:] {
		lt := strings.ToLower(t)
		if isCapitalised(t) || lt == "and" || lt == "e" || lt == "y" || lt == "und" || lt == "et" || lt == "de" || lt == "van" || lt == "von" {
			continue
		}
		return false
	}
	return true
}

// isFollowLine reports "Follow X on Twitter/Facebook…" lines, "Follow our
// coverage at <URL>" and "More X: <URL>" pointers, and "Email X at
// address" contact lines.
func isFollowLine(low string) bool {
	switch {
	case strings.HasPrefix(low, "follow "):
		return containsAny(low, []string{"twitter", "facebook", "instagram", "youtube", "linkedin", "@", "http", "www."})
	case strings.HasPrefix(low, "more "):
		return strings.Contains(low, ": http")
	case strings.HasPrefix(low, "email "):
		return strings.Contains(low, "@")
	}
	return false
}

// isContactOnly reports a paragraph made only of e-mail addresses, URLs and
// @handles (the reporter's contact lines under an article).
func isContactOnly(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, t := range f {
		lt := strings.ToLower(t)
		switch {
		case strings.HasPrefix(lt, "http://"), strings.HasPrefix(lt, "https://"),
			strings.HasPrefix(lt, "www."), strings.HasPrefix(lt, "twitter.com/"),
			strings.HasPrefix(lt, "@") && len(lt) > 1,
			strings.Contains(lt, "@") && strings.Contains(lt, "."):
		default:
			return false
		}
	}
	return true
}

// trimClickToTweet removes the "Click To Tweet" button label that
// tweetable pull quotes end with.
func trimClickToTweet(s string) string {
	const label = "click to tweet"
	if len(s) > len(label) && strings.EqualFold(s[len(s)-len(label):], label) {
		return strings.TrimSpace(s[:len(s)-len(label)])
	}
	return s
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// wordTokens splits s into runs of letters and digits (":" "/" "." "," split).
func wordTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// isOrdinal matches "1st", "22nd", "3rd", "4th", "1o" style day numbers.
func isOrdinal(w string) bool {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	switch w[n:] {
	case "st", "nd", "rd", "th", "o", "º", "er", "e":
		return true
	}
	return false
}

// isClock matches clock times written as one token: "12h40", "9h", "9am",
// "10pm".
func isClock(w string) bool {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	rest := w[n:]
	switch {
	case rest == "am" || rest == "pm" || rest == "h":
		return true
	case strings.HasPrefix(rest, "h"):
		return isNumber(rest[1:]) && len(rest) <= 3
	}
	return false
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// normKey lower-cases s and keeps only its letters and digits, one space
// between words, so that punctuation, quotes and spacing differences
// between the metadata and the body do not matter.
func normKey(s string) string {
	var sb strings.Builder
	sp := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if sp && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sp = false
			sb.WriteRune(unicode.ToLower(r))
		} else {
			sp = true
		}
	}
	return sb.String()
}

// standfirstClasses are class/id fragments that CMSs give the standfirst
// (dek, strapline) under a headline. "intro" and "lead" are left out: many
// sites give those to the first paragraph of the body itself.
var standfirstClasses = []string{
	"standfirst", "dek", "subtitle", "sub-title", "subheadline", "sub-headline",
	"strapline", "summary", "excerpt", "deck", "description", "subhead",
}

// removeStandfirst deletes from the page the element that holds the
// standfirst, so that trafilatura does not put it at the top of the body;
// Page.Standfirst carries it. Only an element whose class or id names it a
// standfirst and whose text is the page's description is removed.
func removeStandfirst(doc *html.Node, standfirst string) {
	key := normKey(standfirst)
	if key == "" {
		return
	}
	var found *html.Node
	visited := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		visited++
		if found != nil || depth > maxWalkDepth || visited > maxSplitNodes {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
			if c, id := attr(n, "class"), attr(n, "id"); (c != "" || id != "") &&
				containsAny(strings.ToLower(c+" "+id), standfirstClasses) && normKey(textOf(n)) == key {
				found = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if found != nil && found.Parent != nil {
		found.Parent.RemoveChild(found)
	}
}
