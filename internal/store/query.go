package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is one unit of a full-text query: a word or a phrase, matched as the
// search engine tokenises it, optionally as a prefix.
type Term struct {
	// Text is what to look for; it never holds a double quote or a control
	// character, and is valid UTF-8.
	Text string
	// Phrase: the user quoted it, so its words must appear in this order.
	// (A single word such as U.S. also becomes a sequence of tokens.)
	Phrase bool
	// Prefix: the last token matches any word starting with it.
	Prefix bool
}

// MaxTerms caps the terms ParseQuery keeps, so that a pasted essay cannot
// make one query arbitrarily expensive.
const MaxTerms = 32

// ParseQuery reads what a user typed into a search box as words and
// "quoted phrases"; a word or phrase followed by * is a prefix. Everything
// else is literal text: operators (AND, OR, NOT, NEAR, -, ^, :, parentheses)
// have no special meaning, an unbalanced quote closes at the end of input,
// and terms without any letter or digit are dropped because no tokeniser
// would find anything in them. It never fails; an empty result means the
// query cannot match anything.
func ParseQuery(q string) []Term {
	var terms []Term
	i := 0
	for i < len(q) && len(terms) < MaxTerms {
		r, w := utf8.DecodeRuneInString(q[i:])
		if isSpace(r) {
			i += w
			continue
		}
		var t Term
		if r == '"' {
			// A quoted phrase runs to the next quote, or to the end when the
			// user forgot to close it.
			i += w
			end := strings.IndexByte(q[i:], '"')
			if end < 0 {
				end = len(q) - i
			}
			t = Term{Text: q[i : i+end], Phrase: true}
			i += end
			if i < len(q) { // the closing quote
				i++
			}
			for i < len(q) && q[i] == '*' {
				t.Prefix = true
				i++
			}
		} else {
			// A word runs to white space or a quote (which starts a phrase).
			j := i
			for j < len(q) {
				r, w := utf8.DecodeRuneInString(q[j:])
				if isSpace(r) || r == '"' {
					break
				}
				j += w
			}
			word := q[i:j]
			i = j
			// Trailing stars make a prefix query ("negotiat*"); a star inside
			// a word is literal and the tokeniser treats it as a separator.
			trimmed := strings.TrimRight(word, "*")
			t = Term{Text: trimmed, Prefix: len(trimmed) < len(word)}
		}
		t.Text = clean(t.Text)
		if !searchable(t.Text) {
			continue
		}
		terms = append(terms, t)
	}
	return terms
}

// FormatQuery renders terms back as a query ParseQuery reads the same way.
func FormatQuery(terms []Term) string {
	var b strings.Builder
	for k, t := range terms {
		if k > 0 {
			b.WriteByte(' ')
		}
		// Quote what would not read back as one word: phrases, text with
		// spaces, and text ending in a star (which would become a prefix).
		if t.Phrase || strings.ContainsFunc(t.Text, isSpace) || strings.HasSuffix(t.Text, "*") {
			b.WriteByte('"')
			b.WriteString(t.Text)
			b.WriteByte('"')
		} else {
			b.WriteString(t.Text)
		}
		if t.Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// clean makes a term safe to embed in any engine's quoted string: invalid
// UTF-8 and control characters become spaces (they are separators to every
// tokeniser anyway), runs of white space collapse, and the ends are trimmed.
func clean(s string) string {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if r == '"' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// searchable reports whether s holds at least one letter or digit: SQLite's
// unicode61 and PostgreSQL's parsers make tokens only of those.
func searchable(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
}

// Day returns the date part of a publication date for sorting and ranges:
// "YYYY-MM-DD" from a date or date-time, "YYYY-MM" or "YYYY" as they are,
// and "" for anything else.
func Day(published string) string {
	if len(published) >= 10 && validDate(published[:10]) {
		return published[:10]
	}
	if validDate(published) {
		return published
	}
	return ""
}

// CheckRange validates the From and To of a query: each empty or "YYYY",
// "YYYY-MM" or "YYYY-MM-DD". The error wraps ErrInvalid.
func CheckRange(from, to string) error {
	for _, d := range [2]string{from, to} {
		if d != "" && !validDate(d) {
			return fmt.Errorf("%w: date %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrInvalid, d)
		}
	}
	return nil
}

// validDate accepts YYYY, YYYY-MM and YYYY-MM-DD with a month in 01-12 and a
// day in 01-31 (not checked against the month: ranges only compare strings).
func validDate(s string) bool {
	switch len(s) {
	case 4, 7, 10:
	default:
		return false
	}
	// Year 0000 is no year news is dated in (the Gregorian calendar has
	// none), and the SQLite store's integer days keep 0 for no date.
	if !digits(s[0:4]) || s[0:4] == "0000" {
		return false
	}
	if len(s) >= 7 {
		if s[4] != '-' || !digits(s[5:7]) {
			return false
		}
		if m := (s[5]-'0')*10 + s[6] - '0'; m < 1 || m > 12 {
			return false
		}
	}
	if len(s) == 10 {
		if s[7] != '-' || !digits(s[8:10]) {
			return false
		}
		if d := (s[8]-'0')*10 + s[9] - '0'; d < 1 || d > 31 {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
