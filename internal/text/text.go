// Package text splits article bodies into paragraphs, sentences and tokens.
//
// Everything here is a hand-written byte scanner: no regular expressions on
// the hot path. All spans are half-open byte offsets into the string given,
// and every span starts and ends on a rune boundary.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Paragraphs returns the spans of the paragraphs of s, trimmed of
// surrounding white space: each line with text is one paragraph. Parley's
// bodies hold one paragraph a line (clean and htmlpage make them so, and
// the pipeline reads a text kept as given through layout.Soften, which
// joins the lines of a hard-wrapped paragraph), so a line break always
// ends a paragraph, whether or not a blank line follows: the same text
// reads the same with or without blank lines between its paragraphs.
func Paragraphs(s string) []article.Span {
	return AppendParagraphs(make([]article.Span, 0, len(s)/200+1), s)
}

// AppendParagraphs is Paragraphs appending to out, so that a caller may
// reuse one buffer across texts.
func AppendParagraphs(out []article.Span, s string) []article.Span {
	for ls := 0; ls < len(s); {
		le := strings.IndexByte(s[ls:], '\n')
		if le < 0 {
			le = len(s)
		} else {
			le += ls
		}
		// first and last non-space bytes of the line
		a, b := ls, le
		for a < b && isASCIISpace(s[a]) {
			a++
		}
		for b > a && isASCIISpace(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, article.Span{a, b})
		}
		ls = le + 1
	}
	return out
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
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
	a = skipSpace(s, a, b)
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

// skipSpace returns the first byte at or after i in s[:end] that does not
// begin white space (end when there is none).
func skipSpace(s string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		if !IsSpace(r) {
			break
		}
		i += n
	}
	return i
}
