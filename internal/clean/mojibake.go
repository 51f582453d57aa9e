package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// RepairMojibake undoes the commonest damage scraped text carries: UTF-8
// read as Windows-1252 (or Latin-1) and written out again, so that "é"
// reads "Ã©", "’" reads "â€™" and “ reads "â€œ" ("FranÃ§ois Hollande said
// â€œWe donâ€™t agreeâ€�"). Every stage would miss the name and the
// quotation. A run of characters that Windows-1252 writes as single
// bytes (no ASCII among them) is turned back into those bytes; when they
// are valid UTF-8 and fewer characters, they were mojibake and the
// characters they spell replace the run. Legitimate text does not spell
// UTF-8 this way ("São", "Müller", "€5" are left as they are). Run twice,
// for text damaged twice. n counts the runs repaired; s itself is returned
// when there are none.
func RepairMojibake(s string) (out string, n int) {
	// Text that went through a decomposing normaliser writes "Ã" as "A"
	// and a combining tilde: composed first, so that the runs read.
	if strings.Contains(s, "A\u0303") || strings.Contains(s, "A\u0302") || strings.Contains(s, "a\u0302") {
		s = norm.NFC.String(s)
	}
	for pass := 0; pass < 2; pass++ {
		r, k := repairOnce(s)
		if k == 0 {
			break
		}
		s, n = r, n+k
	}
	return s, n
}

func repairOnce(s string) (string, int) {
	// Most texts have no mojibake lead at all: "Ã", "Â", "â", "Å", "Ä",
	// "Ð", "Ñ", "Ø", "Ù" start it (the lead bytes C2–DF, E2–EF as
	// Windows-1252 characters, all U+00C2–U+00EF, two bytes in UTF-8
	// starting with C3).
	if !hasMojibakeLead(s) {
		return s, 0
	}
	var b strings.Builder
	n := 0
	last := 0 // s[last:i] is copied as it is
	var buf []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := cp1252Byte(r); !ok || r < 0x80 {
			i += size
			continue
		}
		// a run of Windows-1252 characters from i
		j, runes := i, 0
		buf = buf[:0]
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			c, ok := cp1252Byte(r)
			if !ok || r < 0x80 {
				break
			}
			buf = append(buf, c)
			j += size
			runes++
		}
		// "â€" and a replacement character: the closing quotation mark
		// (E2 80 9D), whose last byte Windows-1252 leaves undefined and
		// a decoder replaced
		if len(buf) == 2 && buf[0] == 0xE2 && buf[1] == 0x80 && strings.HasPrefix(s[j:], "\uFFFD") {
			buf = append(buf, 0x9D)
			j += len("\uFFFD")
			runes++
		}
		if runes >= 2 && utf8.Valid(buf) && utf8.RuneCount(buf) < runes {
			b.WriteString(s[last:i])
			b.Write(buf)
			last = j
			n++
		}
		i = j
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// hasMojibakeLead reports whether s holds one of the characters that open
// mojibake: "Ã", "Â", "â", "Å", "Ä", "Ð", "Ñ", "Ø", "Ù" (in UTF-8 all C3
// and a second byte; one scan for the C3).
func hasMojibakeLead(s string) bool {
	for i := 0; i+1 < len(s); {
		k := strings.IndexByte(s[i:], 0xC3)
		if k < 0 || i+k+1 >= len(s) {
			return false
		}
		switch s[i+k+1] {
		case 0x83, 0x82, 0xA2, 0x85, 0x84, 0x90, 0x91, 0x98, 0x99:
			return true
		}
		i += k + 2
	}
	return false
}

// cp1252Byte returns the byte Windows-1252 writes r as. The control
// characters U+0080–U+009F are their own byte: a Latin-1 decoder (or one
// meeting the five bytes Windows-1252 leaves undefined) gives them.
func cp1252Byte(r rune) (byte, bool) {
	switch {
	case r < 0x80:
		return byte(r), true
	case r >= 0xA0 && r <= 0xFF:
		return byte(r), true
	case r >= 0x80 && r <= 0x9F:
		// a control character: what a Latin-1 decoder makes of the byte
		return byte(r), true
	}
	for i, c := range cp1252High {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// cp1252High are the characters of Windows-1252's bytes 0x80–0x9F (0 where
// the code page defines none).
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}
