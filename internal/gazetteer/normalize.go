package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds a name the way the gazetteer keys are folded: lower case, accents removed
// (Wörner → worner, ß → ss), underscores, hyphens, slashes and other punctuation as spaces,
// full stops and apostrophes dropped (U.S. → us, O'Neill → oneill), a leading "the" dropped,
// runs of spaces collapsed. Two spellings that differ only in these respects get one key.
func Normalize(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return normalizeRunes(s)
		}
	}
	return normalizeASCII(s)
}

// normalizeASCII is Normalize for text without a non-ASCII byte, byte by
// byte: most names are plain ASCII, and the rune loop with its closure and
// WriteRune was a fifth of the gazetteer's load (every person's name is
// normalised once) and is on every lookup's path.
func normalizeASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start or after a space: do not write another
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '.' || c == '\'' || c == '`':
			continue // dropped: U.S. → us, O'Neill → oneill
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteByte(c)
		space = false
	}
	out := strings.TrimSuffix(b.String(), " ")
	if strings.HasPrefix(out, "the ") {
		out = out[4:]
	}
	return out
}

// normalizeRunes is Normalize for any text: decomposed (NFD) and read rune by rune.
func normalizeRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start or after a space: do not write another
	put := func(r rune) {
		if r == ' ' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			return
		}
		b.WriteRune(r)
		space = false
	}
	s = norm.NFD.String(s)
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			put(r)
		case r >= 'A' && r <= 'Z':
			put(r + 'a' - 'A')
		case r == '.' || r == '\'' || r == '\u2019' || r == '`' || r == '\u00b4':
			// dropped: U.S. → us, O'Neill → oneill
		case r < utf8.RuneSelf:
			put(' ')
		case unicode.Is(unicode.Mn, r):
			// combining accent: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if f, ok := foldSpecial[r]; ok {
				for _, x := range f {
					put(x)
				}
				continue
			}
			put(unicode.ToLower(r))
		default:
			put(' ')
		}
	}
	out := strings.TrimSuffix(b.String(), " ")
	if strings.HasPrefix(out, "the ") {
		out = out[4:]
	}
	return out
}

// foldSpecial maps letters that do not decompose into a base letter and an accent.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d",
}
