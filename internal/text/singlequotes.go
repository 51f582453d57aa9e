package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SingleQuoted returns s with its quotations read the way the later stages
// expect when s quotes with single marks, as British and some Asian
// outlets do ('We will not back down,' he said): every single-quoted
// stretch becomes double-quoted and every double-quoted stretch inside
// one (a quote within the quote) becomes single-quoted. Each mark is
// replaced by one of the same byte length (' and ", ‘’ and “”), so offsets
// into the result are offsets into s. s itself is returned when it does
// not quote with single marks: when it has no single-quoted stretch, or a
// double mark stands outside every single-quoted one (a text that quotes
// with double marks, and uses single ones only inside them or as
// apostrophes).
//
// A single-quoted stretch opens with ‘, or with ' at the start of a line
// or after a space or an opening bracket, before a letter; it closes at
// the first ’ or ' after it on the same line that follows a letter or
// punctuation and stands before white space, punctuation or the end of
// the line, and that comes after a comma, full stop, question or
// exclamation mark or before one ('… back down,' or '… back down', he
// said). Apostrophes inside words (don't, Russia's) and a plural's
// possessive before a word (the ministers' talks) close nothing.
func SingleQuoted(s string) string {
	if !mayQuoteSingle(s) {
		return s
	}
	var pairs [][2]int // byte offsets of the opening and closing marks
	lineStart := 0
	open := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			open, lineStart = -1, i+1
		case (r == '\'' || r == '\u2018') && opensSingle(s, i, n, lineStart):
			open = i
		case (r == '\'' || r == '\u2019') && open >= 0 && closesSingle(s, i, n):
			pairs = append(pairs, [2]int{open, i})
			open = -1
		}
		i += n
	}
	if len(pairs) == 0 {
		return s
	}
	// Every double mark must lie inside a single-quoted stretch.
	k := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u00ab' || r == '\u00bb' || r == '\u201e' {
			return s // guillemets and low marks: another house style
		}
		if IsDoubleQuote(r) {
			for k < len(pairs) && pairs[k][1] < i {
				k++
			}
			if k == len(pairs) || i < pairs[k][0] {
				return s
			}
		}
		i += n
	}
	b := []byte(s)
	for _, p := range pairs {
		swapMark(b, p[0], true)
		swapMark(b, p[1], false)
		// The double marks inside become single ones.
		for i := p[0] + 1; i < p[1]; {
			r, n := utf8.DecodeRune(b[i:p[1]])
			if IsDoubleQuote(r) {
				swapMark(b, i, isOpeningDouble(b, i, r))
			}
			i += n
		}
	}
	return string(b)
}

// mayQuoteSingle is a cheap test: a text without a single quotation mark
// that could open a quote is passed over after one scan.
func mayQuoteSingle(s string) bool {
	if strings.Contains(s, "\u2018") {
		return true
	}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '\'')
		if k < 0 {
			return false
		}
		i += k
		if i+1 < len(s) && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '(') {
			return true
		}
		i++
	}
}

// opensSingle: a ‘, or a ' at the line's start or after a space or an
// opening bracket or dash, before a letter.
func opensSingle(s string, i, n, lineStart int) bool {
	if i+n >= len(s) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	if !unicode.IsLetter(next) {
		return false
	}
	if s[i] != '\'' {
		return true // ‘
	}
	if i == lineStart {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u2014' || prev == '\u2013'
}

// closesSingle: after a letter or punctuation, before white space,
// punctuation or the line's end, with end punctuation on one side.
func closesSingle(s string, i, n int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	var next rune = '\n'
	if i+n < len(s) {
		next, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	if unicode.IsLetter(next) || unicode.IsDigit(next) {
		return false // an apostrophe inside a word
	}
	endBefore := prev == ',' || prev == '.' || prev == '?' || prev == '!' || prev == '\u2026'
	endAfter := next == ',' || next == '.' || next == '?' || next == '!' || next == ';' || next == ':' || next == '\n' || next == '\r' || i+n == len(s)
	return endBefore || endAfter
}

// swapMark replaces the single mark at b[i] with its double counterpart,
// or the double mark with its single one, keeping the byte length.
func swapMark(b []byte, i int, opening bool) {
	switch {
	case b[i] == '\'':
		b[i] = '"'
	case b[i] == '"':
		b[i] = '\''
	case i+2 < len(b) && b[i] == 0xE2 && b[i+1] == 0x80:
		// ‘ 98, ’ 99, “ 9C, ” 9D
		switch b[i+2] {
		case 0x98, 0x99:
			b[i+2] = 0x9D
			if opening {
				b[i+2] = 0x9C
			}
		case 0x9C, 0x9D:
			b[i+2] = 0x99
			if opening {
				b[i+2] = 0x98
			}
		}
	}
}

// isOpeningDouble says whether the double mark r at b[i] opens a quote:
// a curly or low mark by its shape, a straight one by what stands before.
func isOpeningDouble(b []byte, i int, r rune) bool {
	switch r {
	case '\u201c', '\u201e', '\u00ab':
		return true
	case '\u201d', '\u00bb':
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRune(b[:i])
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u2014'
}
