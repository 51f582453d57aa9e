package text

import (
	"strings"
	"unicode/utf8"
)

// LookupLower looks w up in m lower-cased, as m[strings.ToLower(w)] would,
// but lower-cases a short ASCII w in a stack buffer: the stages look up
// lexicon words on every token, and this keeps that from allocating.
func LookupLower[V any](m map[string]V, w string) (V, bool) {
	var buf [40]byte
	if len(w) <= len(buf) {
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			v, ok := m[string(buf[:len(w)])]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(w)]
	return v, ok
}
