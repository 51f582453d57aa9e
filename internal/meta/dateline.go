// Package meta reads an article's metadata out of its text: the dateline
// (place, outlet, day), the publication date and how it was decided, the
// outlet's canonical name and the language.
package meta

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dateline is the opening of a wire report: "MOSCOW, January 26. /TASS/.".
type Dateline struct {
	Place  string     // normalised case: "Moscow", "New York"
	Region string     // a state or country after the place: "Kenya"
	Outlet string     // canonical outlet name, "" when the dateline names none
	Month  time.Month // 0 when the dateline carries no date
	Day    int
	Year   int // 0 when the dateline has no year
	// Len is the length in bytes of the dateline with the white space after it:
	// text[Len:] is the first sentence of the report.
	Len int
}

// HasDate reports whether the dateline carries a day and month.
func (d Dateline) HasDate() bool { return d.Month != 0 && d.Day != 0 }

// The pieces of a dateline. Each form below is one house style seen on the
// wires; all are anchored at the start of a paragraph, so a sentence that
// merely mentions a city never matches.
const (
	// A place: capitalised words, with the lowercase particles of place names
	// ("Rio de Janeiro", "Stratford-upon-Avon"); up to five words.
	rePlace = `(\p{Lu}[\p{L}'’.\-]*(?:[ \-](?:\p{Lu}[\p{L}'’.\-]*|de|da|del|di|du|la|le|al|el|am|an|upon|on|sur)){0,4})`
	// A region after the place: ", Kenya", ", Calif.", ", N.J.".
	reRegion = `(?:,\s+(\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,2}))?`
	// A date: ", January 26", " Jan. 13", ", 26 January 2022", ", January 26, 2022".
	reMonth = `(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`
	reDate  = `(?:,?\s+(?:` + reMonth + `\s+(\d{1,2})|(\d{1,2})\s+` + reMonth + `)(?:,?\s+(\d{4}))?)`
	// An outlet's name inside a dateline: short, starting with a letter ("dpa" is lowercase).
	reOutlet = `(\p{L}[\p{L}\p{N}&.'’ \-]{0,40}?)`
)

var (
	// TASS and Interfax style: "MOSCOW, January 26. /TASS/." — the outlet
	// between slashes closes the dateline.
	tassDateline = regexp.MustCompile(`^` + rePlace + reRegion + reDate + `?\.?\s*/` + reOutlet + `/\s*[.:\-–—]*\s*`)
	// Agency style: "LONDON (Reuters) -", "NAIROBI, Kenya (AP) _",
	// "BRUSSELS, Jan 13 (Reuters) -", "Washington (AFP) –". The outlet in
	// parentheses followed by a dash (or an underscore, the old AP dash) or colon.
	agencyDateline = regexp.MustCompile(`^` + rePlace + reRegion + reDate + `?\s*\(` + reOutlet + `\)\s*[\-–—_:]+\s*`)
	// Small outlets: "Moscow-." — a place glued to a dash and a full stop.
	dashDotDateline = regexp.MustCompile(`^` + rePlace + `\s*[\-–—]+\s*\.\s*`)
	// Plain American style: "WASHINGTON —", "KYIV, Ukraine --". The place must be
	// in capitals here: a title-case word followed by a dash is too often an
	// ordinary sentence ("Moscow — and Washington — disagree").
	capsDateline = regexp.MustCompile(`^` + rePlace + reRegion + reDate + `?\s*(?:[\-–—]{1,2}|:)\s+`)
)

// partyState matches the party-and-state tags of American politicians:
// "D-Mass.", "R-S.C.", "I-Vt.".
var partyState = regexp.MustCompile(`^[DRI]-[A-Z]`)

// ParseDateline reads a dateline at the start of para. ok is false when the
// paragraph does not open with one.
func ParseDateline(para string) (d Dateline, ok bool) {
	if len(para) < 4 || !unicode.IsUpper(firstRune(para)) {
		return d, false
	}
	cut := maybeDateline(para)
	if cut < 0 {
		return d, false
	}
	// The patterns only need the text up to the report's first lowercase
	// word; a short input keeps them fast.
	head := para[:cut]
	if m := tassDateline.FindStringSubmatchIndex(head); m != nil {
		return fill(head, m, 1, 2, 3, 4, 5, 6, 7, 8), true
	}
	if m := agencyDateline.FindStringSubmatchIndex(head); m != nil {
		// "Rep. Trey Gowdy (R-S.C.) -" is a party and state, not an outlet.
		if o := head[m[16]:m[17]]; !partyState.MatchString(o) {
			return fill(head, m, 1, 2, 3, 4, 5, 6, 7, 8), true
		}
	}
	if m := dashDotDateline.FindStringSubmatchIndex(head); m != nil {
		return Dateline{Place: normPlace(head[m[2]:m[3]]), Len: m[1]}, true
	}
	if m := capsDateline.FindStringSubmatchIndex(head); m != nil {
		place := head[m[2]:m[3]]
		if !isCaps(place) {
			return d, false
		}
		d := fill(head, m, 1, 2, 3, 4, 5, 6, 7, -1)
		return d, true
	}
	return d, false
}

// maybeDateline is a cheap test that rules out most paragraphs before the
// patterns run. A dateline is capitalised words (and place particles, and a
// lowercase outlet inside brackets) with a closing mark — a slash, a
// bracket, a dash or an underscore — before the first lowercase word of the
// report. "The talks (in Geneva) - ended" fails: "talks" comes first. It
// returns where the patterns may stop reading (the first lowercase word
// after the mark), or -1.
func maybeDateline(s string) int {
	depth := 0
	wordStart := true
	marked := false
	limit := min(len(s), 160)
	for i := 0; i < limit; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(':
			depth++
			marked = true
		case r == ')':
			depth--
		case r == '/' || r == '_' || r == '\u2013' || r == '\u2014':
			marked = true
		case r == '-':
			// "Moscow-." and " - " close a dateline; a hyphen inside a
			// word ("Stratford-upon-Avon") does not.
			if i+1 < len(s) && (s[i+1] == '.' || s[i+1] == ' ' || s[i+1] == '-') {
				marked = true
			}
		case unicode.IsLower(r) && wordStart && depth <= 0:
			end := i
			for end < len(s) && s[end] != ' ' && s[end] != ',' {
				end++
			}
			if !placeParticles[s[i:end]] {
				if marked {
					return i
				}
				return -1
			}
		}
		wordStart = r == ' ' || r == ',' || r == '-' || r == '/'
		i += n
	}
	if marked {
		return limit
	}
	return -1
}

// placeParticles are the lowercase words inside place names.
var placeParticles = map[string]bool{
	"de": true, "da": true, "del": true, "di": true, "du": true, "la": true, "le": true, "al": true,
	"el": true, "am": true, "an": true, "upon": true, "on": true, "sur": true,
}

// fill builds a Dateline from submatch indexes: groups are numbered as in
// the patterns above (place, region, month, day, day, month, year, outlet).
func fill(s string, m []int, gPlace, gRegion, gMonth1, gDay1, gDay2, gMonth2, gYear, gOutlet int) Dateline {
	group := func(g int) string {
		if g < 0 || 2*g+1 >= len(m) || m[2*g] < 0 {
			return ""
		}
		return s[m[2*g]:m[2*g+1]]
	}
	d := Dateline{Place: normPlace(group(gPlace)), Len: m[1]}
	if r := group(gRegion); r != "" {
		d.Region = normPlace(r)
	}
	month, day := group(gMonth1), group(gDay1)
	if month == "" {
		month, day = group(gMonth2), group(gDay2)
	}
	if mo := MonthByName(month); mo != 0 {
		if n := atoi(day); n >= 1 && n <= 31 {
			d.Month, d.Day = mo, n
			if y := atoi(group(gYear)); y >= 1900 && y <= 2200 {
				d.Year = y
			}
		}
	}
	if o := strings.TrimSpace(group(gOutlet)); o != "" {
		d.Outlet = CanonicalOutlet(o)
	}
	return d
}

// MonthByName returns the month for an English month name or abbreviation
// ("Jan", "Jan.", "January", "Sept"), or 0.
func MonthByName(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) <= len(name) && strings.HasPrefix(name, s) && (len(s) == 3 || s == "sept")) {
			return m
		}
	}
	return 0
}

// normPlace turns "NEW YORK" into "New York" and leaves "Moscow" alone.
// Particles stay lowercase; letters after an apostrophe or hyphen are
// capitalised as in "Stratford-Upon-Avon" only when the source was in capitals.
func normPlace(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ".,")
	if !isCaps(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		lw := strings.ToLower(w)
		switch lw {
		case "de", "da", "del", "di", "du", "la", "le", "al", "el", "am", "an", "upon", "on", "sur":
			if i > 0 {
				b.WriteString(lw)
				continue
			}
		}
		upNext := true
		for _, r := range lw {
			if upNext {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(r)
			}
			upNext = r == '-' || r == '.'
		}
	}
	return b.String()
}

// isCaps reports whether every letter of s is uppercase and there are at least two.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func atoi(s string) int {
	n := 0
	if s == "" || len(s) > 9 {
		return 0
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
