// Package meta reads an article's metadata out of its text: the dateline
// (place, outlet, day), the publication date and how it was decided, the
// outlet's canonical name and the language.
package meta

import (
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

// reMonth matches an English month name or abbreviation; the date finders
// of published.go build on it.
const reMonth = `(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`

// ParseDateline reads a dateline at the start of para. ok is false when the
// paragraph does not open with one.
func ParseDateline(para string) (d Dateline, ok bool) {
	if len(para) < 4 || !unicode.IsUpper(firstRune(para)) && !(para[0] == '(' && unicode.IsUpper(firstRune(para[1:]))) {
		return d, false
	}
	cut := maybeDateline(para)
	if cut < 0 {
		return d, false
	}
	return scanDateline(para)
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
		case r == '/' || r == '_' || r == '\u2013' || r == '\u2014' || r == ':':
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
	// A short paragraph with no lowercase word may be a dateline alone on
	// its line ("NEW DELHI, OCTOBER 13, 2021").
	if marked || limit == len(s) {
		return limit
	}
	return -1
}

// placeParticles are the lowercase words inside place names.
var placeParticles = map[string]bool{
	"de": true, "da": true, "del": true, "di": true, "du": true, "la": true, "le": true, "al": true,
	"el": true, "am": true, "an": true, "upon": true, "on": true, "sur": true,
}

// MonthByName returns the month for an English month name or abbreviation
// ("Jan", "Jan.", "January", "Sept"), or 0.
func MonthByName(s string) time.Month {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 3 || len(s) > len("september") {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := monthNames[m-1]
		// The full name, or its first three letters, or "sept".
		if strings.EqualFold(s, name) ||
			(len(s) == 3 && strings.EqualFold(s, name[:3])) ||
			(m == time.September && strings.EqualFold(s, "sept")) {
			return m
		}
	}
	return 0
}

var monthNames = [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

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
