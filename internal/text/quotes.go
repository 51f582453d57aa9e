package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// QuoteSpans returns the double-quoted stretches of s, quote marks
// included, given its paragraphs (from Paragraphs). Curly and guillemet
// marks pair by direction, straight marks alternate. A quote left open at
// the end of a paragraph continues into the next one when that paragraph
// opens with a quote mark (the news convention for quotes that run over
// several paragraphs); otherwise it is closed at the paragraph's end.
// Single quotes are not tracked: they double as apostrophes, and inside a
// double quote they only nest.
func QuoteSpans(s string, paras []article.Span) []article.Span {
	out := make([]article.Span, 0, 8)
	open := -1
	depth := 0
	lowOpen := false // the open quote began with „, which “ closes („German style“)
	for pi, p := range paras {
		depth = 0
		if p[0] < 0 || p[1] > len(s) || p[0] > p[1] {
			continue
		}
		i := p[0]
		for i < p[1] {
			// Fast path: an ASCII byte other than a quote mark or an
			// apostrophe cannot open or close a quote.
			for i < p[1] && quietByte[s[i]] {
				i++
			}
			if i >= p[1] {
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:p[1]])
			// Two apostrophes stand for a straight double quote in some
			// archives ('' It was … '').
			if r == '\'' && i+1 < p[1] && s[i+1] == '\'' {
				r, n = '"', 2
			}
			// A closing curly mark used as an opening one (”Fear. I am…”):
			// when no quote is open and a letter follows it.
			if (r == '”' || r == '»') && open < 0 && i+n < p[1] {
				nr, _ := utf8.DecodeRuneInString(s[i+n : p[1]])
				if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					r = '“'
				}
			}
			if r == '“' && open >= 0 && lowOpen && depth == 0 {
				r = '”'
			}
			switch r {
			case '“', '«', '„':
				if open < 0 {
					open = i
					lowOpen = r == '„'
				} else if i == p[0] {
					// continuation mark of a multi-paragraph quote
				} else if nestedAhead(s, i+n, p[1]) {
					// A quote inside a quote written with the same marks
					// (“he calls “hell” a place”): two closing marks follow
					// before the next opening one.
					depth++
				} else {
					// An opening mark inside an open quote: the earlier one
					// was never closed; restart here.
					open = i
					lowOpen = r == '„'
				}
			case '”', '»':
				if depth > 0 {
					depth--
				} else if open >= 0 {
					out = append(out, article.Span{open, i + n})
					open = -1
				}
			case '"':
				if open >= 0 && !(i == p[0] && open < p[0]) {
					out = append(out, article.Span{open, i + n})
					open = -1
				} else if open < 0 {
					open = i
				}
			}
			i += n
		}
		if open >= 0 {
			cont := false
			if pi+1 < len(paras) {
				np := paras[pi+1]
				if np[0] < np[1] && np[1] <= len(s) {
					r, _ := utf8.DecodeRuneInString(s[np[0]:np[1]])
					cont = r == '“' || r == '"' || r == '«' || r == '„'
				}
			}
			if !cont {
				out = append(out, article.Span{open, p[1]})
				open = -1
			}
		}
	}
	if open >= 0 && len(paras) > 0 {
		out = append(out, article.Span{open, paras[len(paras)-1][1]})
	}
	return out
}

// quietByte marks the ASCII bytes other than quote marks and
// apostrophes: they can neither open nor close a quote.
var quietByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\''
	}
	return t
}()

// nestedAhead reports whether at least two closing curly marks come in
// s[i:end] before the next opening one.
func nestedAhead(s string, i, end int) bool {
	closes := 0
	for _, r := range s[i:end] {
		switch r {
		case '“', '«', '„':
			return false
		case '”', '»':
			closes++
			if closes >= 2 {
				return true
			}
		case '\n':
			return false
		}
	}
	return false
}
