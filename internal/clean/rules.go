package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/parley-news/parley/internal/meta"
)

// furniture returns the name of the rule that makes paragraph s page
// furniture, or "" when s counts as article text. The rules are tried in
// order; each says what it removes and why it is safe.
func furniture(s, script string, counts map[string]int) string {
	key := strings.TrimRight(normKey(s), ".:!|>»› ")
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
	// Photo credits and captions: a copyright sign ("© Russian Foreign
	// Ministry/TASS"), an agency credit with a slash ("REUTERS/Name/File
	// Photo", "Name/TASS"), "Go to the mediabank". Safe: prose that talks
	// about a photo ("the photo shows …") has none of these credit forms.
	if isCredit(s) {
		return "photo caption or credit"
	}
	// Site labels stamped with a date at the end: "- Sputnik International,
	// 1920, 13.01.2022". Safe: a sentence ends with a full stop, not with a
	// bare day.month.year stamp after a comma.
	if stampEnd.MatchString(s) {
		return "date-stamped site label"
	}
	// Interface strings in another script on the page ("Заголовок
	// открываемого материала" on an English page). Safe: an article quotes
	// speech in its own language; a paragraph wholly in another script is the
	// site's interface.
	if script != "" {
		if sc := mainScript(s); sc != "" && sc != script {
			return "text in another script than the page"
		}
	}
	// Short labels that recur on the page: section names printed above the
	// headline and again above related links ("Russia-NATO Row on European
	// Security"). Safe: prose paragraphs do not repeat word for word, and
	// only short lines without a full stop qualify.
	if counts[normKey(s)] > 1 && wordCount(s) <= 12 && !endsSentence(s) {
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
}

// uiPrefixes open cross-links and comment forms.
var uiPrefixes = []string{
	"see also", "read also", "also read", "read more:", "read more about", "related:", "more:",
	"your email address will not be published", "required fields are marked",
	"to participate in the discussion", "you must be logged in", "log in to comment",
	"log in or register to", "follow us on", "sign up for our", "subscribe to our",
	"click here to", "copyright ©", "all rights reserved", "this article was originally published",
	"we use cookies", "by continuing to use",
}

// stampEnd matches a label that ends with a site date stamp.
var stampEnd = regexp.MustCompile(`,\s*\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\s*$`)

// creditRe matches the credit forms of photo captions: "REUTERS/Name",
// "Name/TASS", "/File Photo", "Getty Images" at the end, "AP Photo/".
var creditRe = regexp.MustCompile(`(?:\b(?:REUTERS|Reuters|AFP|EPA|AP Photo|AP|Sputnik|TASS|ANADOLU|Xinhua|RIA Novosti|Getty Images)\s*/\s*\p{Lu})|(?:\p{L}\s*/\s*(?:TASS|REUTERS|Reuters|AFP|EPA|AP|Sputnik|RIA Novosti|Getty Images|Xinhua)\b)|(?:File Photo\b)|(?:Getty Images\s*$)|(?:^(?:Photo|Photograph|Image|Credit|Photo credit)\s*:)|(?:Go to the mediabank)`)

func isCredit(s string) bool {
	if strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c) ") || strings.HasPrefix(s, "(C) ") {
		return true
	}
	// A copyright sign inside a short paragraph is a caption with its credit.
	if strings.Contains(s, "©") && wordCount(s) < 80 {
		return true
	}
	// A dateline such as "MOSCOW, January 26. /TASS/." carries an agency
	// between slashes but is the article's first paragraph.
	if _, ok := meta.ParseDateline(s); ok {
		return false
	}
	return wordCount(s) < 80 && creditRe.MatchString(s)
}

// tailMarkers open the comment section under an article. Everything after
// one is readers' comments and forms, not the article.
var tailMarkers = map[string]bool{
	"leave a reply": true, "leave a comment": true, "to participate in the discussion": true,
	"add a comment": true, "post a comment": true, "join the discussion": true, "comments": true,
	"discussion": true, "reader comments": true, "show comments": true,
}

// cutTail marks as furniture everything from the first comment-section
// marker on. Safe: the marker is a whole line, and the article does not
// resume after a comment form.
func cutTail(body []para) {
	for i := range body {
		if i == 0 {
			continue
		}
		if tailMarkers[strings.TrimRight(normKey(body[i].text), ".:! ")] {
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
		if p.rule != "" || endsSentence(p.text) || wordCount(p.text) > 25 || !isTitleCase(p.text) {
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
	for _, r := range s {
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
