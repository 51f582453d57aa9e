package text

import (
	"encoding/binary"
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
	b.WriteString(s[:i])
	// The rest goes through a small buffer, lowered eight bytes at a time
	// (lower8): capitals come every few words, and writing the text
	// between them piece by piece cost a call per capital.
	var buf [64]byte
	for i < len(s) {
		n := copy(buf[:], s[i:])
		k := 0
		for ; k+8 <= n; k += 8 {
			binary.LittleEndian.PutUint64(buf[k:], lower8(Load64(s, i+k)))
		}
		for ; k < n; k++ {
			if c := buf[k]; 'A' <= c && c <= 'Z' {
				buf[k] = c + 'a' - 'A'
			}
		}
		b.Write(buf[:n])
		i += n
	}
	return b.String()
}

// lower8 adds 0x20 to each byte of w that is an ASCII capital (0x41 to
// 0x5A). The tests run on the low seven bits, where adding a constant
// below 0x81 never carries into the next byte; a byte with its high bit
// set (part of a multi-byte rune) is left as it is.
func lower8(w uint64) uint64 {
	const hi, lo7 = 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	t := w & lo7
	upper := (t + 0x3F3F3F3F3F3F3F3F) &^ (t + 0x2525252525252525) &^ w & hi // t >= 0x41 and t <= 0x5A
	return w + upper>>2
}

// For reports whether p holds the preparation of body: a stage given a
// Prepared of another text ignores it and scans the body itself.
func (p *Prepared) For(body string) bool {
	return p != nil && p.Body == body
}
