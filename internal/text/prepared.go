package text

import (
	"strings"

	"github.com/parley-news/parley/internal/article"
)

// Prepared is one tokenisation and sentence split of a body, made once and
// read by every stage that needs it (statements, events), so the body is
// scanned once instead of once per stage. It is read-only once made:
// stages must not modify its slices.
type Prepared struct {
	Body       string
	Tokens     []Token        // Tokenize over the whole body
	Paragraphs []article.Span // Paragraphs(Body)
	Sentences  []article.Span // SentencesIn(Body, Paragraphs)
	// Lower is Body with its ASCII capitals lower-cased (other bytes
	// kept), so offsets into Body are offsets into Lower.
	Lower string
}

// Prepare fills p for body, reusing p's buffers, and returns p; a nil p
// makes a new one.
func Prepare(p *Prepared, body string) *Prepared {
	if p == nil {
		p = &Prepared{}
	}
	p.Body = body
	p.Tokens = Tokenize(p.Tokens[:0], body, article.Span{0, len(body)})
	p.Paragraphs = AppendParagraphs(p.Paragraphs[:0], body)
	p.Sentences = AppendSentencesIn(p.Sentences[:0], body, p.Paragraphs)
	p.Lower = ASCIILower(body)
	return p
}

// ASCIILower lower-cases the ASCII capitals of s; other bytes are kept, so
// offsets into s are offsets into the result. s itself is returned when it
// has no ASCII capital.
func ASCIILower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder // String() does not copy
	b.Grow(len(s))
	last := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// For reports whether p holds the preparation of body: a stage given a
// Prepared of another text ignores it and scans the body itself.
func (p *Prepared) For(body string) bool {
	return p != nil && p.Body == body
}
