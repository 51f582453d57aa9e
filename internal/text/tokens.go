package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word       Kind = iota + 1 // letters, possibly with inner hyphens, apostrophes or dots (U.S.)
	Number                     // digits, possibly with inner , . : (1,000 3.5 7:30)
	Possessive                 // the 's or ’s after a word, or a lone ’ after a plural
	Quote                      // a double quote mark, any style
	Punct                      // anything else that is not space
)

// Token is one token of a text.
type Token struct {
	Span article.Span
	Kind Kind
	// Space is true when white space precedes the token.
	Space bool
	// Break is true when a paragraph or line break precedes the token.
	Break bool
	// Case tells how the token's letters are written (CaseLower, ...),
	// so that callers need not scan it again to lower-case it.
	Case Case
}

// Case describes the letters of a token.
type Case uint8

// Token cases. A token without letters is CaseLower.
const (
	CaseLower Case = iota // ASCII, no upper-case letter: lower-casing changes nothing
	CaseUpper             // ASCII with an upper-case letter
	CaseOther             // non-ASCII bytes: use strings.ToLower
)

// Text returns the token's text in s.
func (t Token) Text(s string) string { return s[t.Span[0]:t.Span[1]] }

// Tokenize splits s[sp] into tokens, appending to dst. A period stays on a
// word when the word is a known abbreviation ("Mr.", "Gen.", "Jan."), a
// single capital (an initial) or a dotted acronym ("U.S."), so that names
// keep their titles and initials; a sentence-final period is punctuation.
func Tokenize(dst []Token, s string, sp article.Span) []Token {
	i, end := sp[0], sp[1]
	if i < 0 {
		i = 0
	}
	if end > len(s) {
		end = len(s)
	}
	space, brk := true, true
	for i < end {
		// ASCII fast path: most bytes are ASCII letters, spaces and
		// punctuation; the rune decoder and Unicode tables are for the rest.
		var r rune
		var n int
		if c := s[i]; c < utf8.RuneSelf {
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(s[i:end])
		}
		if IsSpace(r) {
			space = true
			if r == '\n' {
				brk = true
			}
			i += n
			continue
		}
		start := i
		var k Kind
		cs := CaseLower
		switch {
		case isLetter(r):
			k = Word
			i, cs = scanWord(s, i, end)
		case unicode.IsDigit(r):
			k = Number
			i += n
			for i < end {
				r2, n2 := utf8.DecodeRuneInString(s[i:end])
				if unicode.IsDigit(r2) || unicode.IsLetter(r2) {
					i += n2
					continue
				}
				if (r2 == ',' || r2 == '.' || r2 == ':') && i+n2 < end {
					r3, _ := utf8.DecodeRuneInString(s[i+n2 : end])
					if unicode.IsDigit(r3) {
						i += n2
						continue
					}
				}
				break
			}
		case r == '\'' && i+1 < end && s[i+1] == '\'':
			// '' is a straight double quote in some archives.
			k = Quote
			i += 2
		case (r == '\'' || r == '’') && i > sp[0] && !space && possessiveAt(s, i, end):
			k = Possessive
			i += n
			if i < end && (s[i] == 's' || s[i] == 'S') {
				i++
			}
		case IsDoubleQuote(r):
			k = Quote
			i += n
		default:
			k = Punct
			i += n
		}
		// ASCII punctuation and quote marks have no case (CaseLower); a
		// possessive or a number may ("’S", "5PM"), and so may a
		// non-ASCII symbol ("Ⓞ").
		if ((k == Possessive || k == Number) && i-start > 1) || (k == Punct && n > 1) {
			cs = caseOf(s[start:i])
		}
		dst = append(dst, Token{Span: article.Span{start, i}, Kind: k, Space: space, Break: brk, Case: cs})
		space, brk = false, false
	}
	return dst
}

// possessiveAt reports whether the apostrophe at i marks a possessive:
// followed by s and then a non-letter ("Russia’s"), or by a non-letter
// after a plural ending in s ("officials’ view").
func possessiveAt(s string, i, end int) bool {
	_, n := utf8.DecodeRuneInString(s[i:end])
	j := i + n
	if j < end && (s[j] == 's' || s[j] == 'S') {
		return !letterAt(s, j+1, end)
	}
	if i > 0 && s[i-1] == 's' {
		return !letterAt(s, j, end)
	}
	return false
}

// letterAt reports whether a letter starts at byte j of s[:end].
func letterAt(s string, j, end int) bool {
	if j >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:end])
	return unicode.IsLetter(r)
}

// scanWord scans a word starting at i: letters and digits joined by inner
// hyphens or apostrophes (not possessive ones), with dots kept for
// abbreviations and acronyms.
func scanWord(s string, i, end int) (int, Case) {
	start := i
	cs := CaseLower
	for i < end {
		if k := wordByte[s[i]]; k != 0 {
			if k == 2 && cs == CaseLower {
				cs = CaseUpper
			}
			i++
			continue
		}
		var r rune
		var n int
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII other than letters and digits: only - ' . may
			// join a word; anything else ends it (no Unicode tables).
			if c != '-' && c != '\'' && c != '.' {
				break
			}
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(s[i:end])
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				cs = CaseOther // a non-ASCII letter: lower-case with Unicode tables
				i += n
				continue
			}
			if unicode.IsDigit(r) {
				i += n
				continue
			}
		}
		if (r == '-' || r == '\'' || r == '’' || r == '.') && i+n < end {
			r2, _ := utf8.DecodeRuneInString(s[i+n : end])
			if !unicode.IsLetter(r2) {
				break
			}
			if (r == '\'' || r == '’') && possessiveAt(s, i, end) {
				break
			}
			if r == '.' {
				// Inner dots only in acronyms of single letters: U.S.A, P.J.
				if !singleLetterBefore(s, start, i) {
					break
				}
			}
			i += n
			continue
		}
		break
	}
	// A trailing dot belongs to an abbreviation, an initial or an acronym.
	if i < end && s[i] == '.' {
		w := s[start:i]
		r, n := utf8.DecodeRuneInString(w)
		if (n == len(w) && unicode.IsUpper(r)) || strings.IndexByte(w, '.') >= 0 || isAbbrev(w) {
			// Unless the dot ends the text or a sentence-final acronym:
			// keep it anyway; callers strip a final dot when they need to.
			i++
		}
	}
	return i, cs
}

func singleLetterBefore(s string, start, i int) bool {
	// the letter just before i must be preceded by start or a dot
	_, n := utf8.DecodeLastRuneInString(s[start:i])
	p := i - n
	return p == start || s[p-1] == '.'
}

// isLetter is unicode.IsLetter with an ASCII fast path.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// isAbbrev reports whether w (without its dot) is a known abbreviation
// of any of the three lists. Abbreviations are short ASCII words: longer
// or non-ASCII words are not looked up, and the lower-casing is done
// while the word is hashed (abbrevBits).
func isAbbrev(w string) bool {
	if len(w) > 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	ab, _ := abbrevBits.GetLower(w)
	return ab != 0
}

// caseOf classifies the letters of a short non-word token. Non-ASCII
// bytes matter only when they make a letter ("’" does not).
func caseOf(w string) Case {
	cs := CaseLower
	for i := 0; i < len(w); {
		c := w[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(w[i:])
			if unicode.ToLower(r) != r {
				return CaseOther
			}
			i += n
			continue
		}
		if 'A' <= c && c <= 'Z' {
			cs = CaseUpper
		}
		i++
	}
	return cs
}

// wordByte classifies ASCII bytes for scanWord's hot loop: 1 a lower-case
// letter or a digit, 2 an upper-case letter, 0 anything else.
var wordByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 2
	}
	return t
}()
