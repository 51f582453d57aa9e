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
}

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
		r, n := utf8.DecodeRuneInString(s[i:end])
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
		switch {
		case unicode.IsLetter(r):
			k = Word
			i = scanWord(s, i, end)
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
		dst = append(dst, Token{Span: article.Span{start, i}, Kind: k, Space: space, Break: brk})
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
		j++
		if j >= end {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[j:end])
		return !unicode.IsLetter(r)
	}
	if i > 0 && s[i-1] == 's' {
		if j >= end {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[j:end])
		return !unicode.IsLetter(r)
	}
	return false
}

// scanWord scans a word starting at i: letters and digits joined by inner
// hyphens or apostrophes (not possessive ones), with dots kept for
// abbreviations and acronyms.
func scanWord(s string, i, end int) int {
	start := i
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
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
		lw := strings.ToLower(w)
		r, n := utf8.DecodeRuneInString(w)
		if titleAbbrev[lw] || numberAbbrev[lw] || maybeFinalAbbrev[lw] || strings.IndexByte(w, '.') >= 0 ||
			(n == len(w) && unicode.IsUpper(r)) {
			// Unless the dot ends the text or a sentence-final acronym:
			// keep it anyway; callers strip a final dot when they need to.
			i++
		}
	}
	return i
}

func singleLetterBefore(s string, start, i int) bool {
	// the letter just before i must be preceded by start or a dot
	_, n := utf8.DecodeLastRuneInString(s[start:i])
	p := i - n
	return p == start || s[p-1] == '.'
}
