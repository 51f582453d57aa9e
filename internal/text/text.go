// Package text splits article bodies into paragraphs, sentences and tokens.
//
// Everything here is a hand-written byte scanner: no regular expressions on
// the hot path. All spans are half-open byte offsets into the string given,
// and every span starts and ends on a rune boundary.
package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Paragraphs returns the spans of the blank-line separated paragraphs of s,
// trimmed of surrounding white space. A line holding only spaces counts as
// blank.
func Paragraphs(s string) []article.Span {
	var out []article.Span
	start := -1 // first non-space byte of the current paragraph
	last := -1  // end of the last non-space byte seen in it
	lineBlank := true
	lineStart := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\n':
			if lineBlank && start >= 0 && lineStart > start {
				// A blank line closes the paragraph.
				out = append(out, article.Span{start, last})
				start = -1
			}
			lineBlank = true
			lineStart = i + 1
		case ' ', '\t', '\r', '\f', '\v':
		default:
			lineBlank = false
			if start < 0 {
				start = i
			}
			last = i + 1
		}
	}
	if start >= 0 {
		out = append(out, article.Span{start, last})
	}
	// last may point inside a multi-byte rune only if the rune is a
	// non-ASCII character; extend it to the rune's end.
	for k := range out {
		e := out[k][1]
		for e < len(s) && !utf8.RuneStart(s[e]) {
			e++
		}
		out[k][1] = e
	}
	return out
}

// IsSpace reports whether r is white space, including the no-break space.
func IsSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

// Opening and closing quote marks. Straight quotes are both.
func isOpenQuote(r rune) bool {
	return r == '"' || r == '“' || r == '«' || r == '„' || r == '‘' || r == '\''
}
func isCloseQuote(r rune) bool {
	return r == '"' || r == '”' || r == '»' || r == '’' || r == '\''
}

// IsDoubleQuote reports whether r is a double quote mark of any style.
func IsDoubleQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„'
}

func isCloseBracket(r rune) bool { return r == ')' || r == ']' || r == '}' }
func isOpenBracket(r rune) bool  { return r == '(' || r == '[' || r == '{' }

// trimSpan narrows sp to exclude leading and trailing white space.
func trimSpan(s string, sp article.Span) article.Span {
	a, b := sp[0], sp[1]
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !IsSpace(r) {
			break
		}
		b -= n
	}
	return article.Span{a, b}
}

// TrimSpan narrows sp to exclude leading and trailing white space.
func TrimSpan(s string, sp article.Span) article.Span { return trimSpan(s, sp) }
