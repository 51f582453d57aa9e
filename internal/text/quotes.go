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
	var out []article.Span
	open := -1
	for pi, p := range paras {
		if p[0] < 0 || p[1] > len(s) || p[0] > p[1] {
			continue
		}
		i := p[0]
		for i < p[1] {
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
			switch r {
			case '“', '«', '„':
				if open < 0 {
					open = i
				} else if i == p[0] {
					// continuation mark of a multi-paragraph quote
				} else {
					// An opening mark inside an open quote: the earlier one
					// was never closed; restart here.
					open = i
				}
			case '”', '»':
				if open >= 0 {
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
