package ingest

import (
	"encoding/json"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeRecord decodes one JSON Lines record. Nearly every line is a flat
// object whose values are strings under record's own keys, and for those
// a byte scanner (decodeRecordFast) does the work: encoding/json's
// reflective decoder was 6% of `parley extract`'s time. Anything else —
// other keys, other value types, null, duplicate keys, invalid UTF-8, bad
// syntax — goes to json.Unmarshal, so the result and every error are
// encoding/json's own (FuzzDecodeRecord holds the two to each other).
func decodeRecord(line []byte, rec *record) error {
	if decodeRecordFast(line, rec) {
		return nil
	}
	*rec = record{}
	return json.Unmarshal(line, rec)
}

// decodeRecordFast decodes line into rec when it is an object of string
// values under record's keys, each key at most once; false when it is
// anything else, rec then holding partial results.
func decodeRecordFast(line []byte, rec *record) bool {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	var seen uint8
	for {
		if i >= len(line) || line[i] != '"' {
			return false
		}
		key, next, ok := scanString(line, i)
		if !ok {
			return false
		}
		i = skipSpace(line, next)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		if i >= len(line) || line[i] != '"' {
			return false
		}
		val, next, ok := scanString(line, i)
		if !ok {
			return false
		}
		// Keys are matched exactly; encoding/json would also take other
		// spellings case-insensitively, which the fallback does.
		var bit uint8
		switch string(key) {
		case "text":
			bit = 1
			s := string(val)
			rec.Text = &s
		case "html":
			bit = 2
			s := string(val)
			rec.HTML = &s
		case "source":
			bit = 4
			rec.Source = string(val)
		case "title":
			bit = 8
			rec.Title = string(val)
		case "published":
			bit = 16
			rec.Published = string(val)
		case "url":
			bit = 32
			rec.URL = string(val)
		case "outlet":
			bit = 64
			rec.Outlet = string(val)
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		i = skipSpace(line, next)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// skipSpace returns the first index from i on that is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// scanString reads the JSON string whose opening quote is at b[i] and
// returns its value (sharing b's memory when it holds no escape) and the
// index after its closing quote. ok is false for a control byte, a bad
// escape, invalid UTF-8 or a missing closing quote: the fallback decides
// those.
func scanString(b []byte, i int) (val []byte, next int, ok bool) {
	start := i + 1
	ascii := true
	j := start
	for ; j < len(b); j++ {
		c := b[j]
		if c == '"' {
			if !ascii && !utf8.Valid(b[start:j]) {
				return nil, 0, false
			}
			return b[start:j], j + 1, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return nil, 0, false
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if j >= len(b) {
		return nil, 0, false
	}
	// An escape: unquote into a new buffer from here on.
	if !ascii && !utf8.Valid(b[start:j]) {
		return nil, 0, false
	}
	// Unescaping never lengthens: the rest of the line bounds the value,
	// so out is allocated once.
	out := make([]byte, j-start, len(b)-start)
	copy(out, b[start:j])
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			return out, j + 1, true
		case c < 0x20:
			return nil, 0, false
		case c == '\\':
			if j+1 >= len(b) {
				return nil, 0, false
			}
			switch e := b[j+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
				j += 2
			case 'b':
				out = append(out, '\b')
				j += 2
			case 'f':
				out = append(out, '\f')
				j += 2
			case 'n':
				out = append(out, '\n')
				j += 2
			case 'r':
				out = append(out, '\r')
				j += 2
			case 't':
				out = append(out, '\t')
				j += 2
			case 'u':
				// As encoding/json: a valid surrogate pair makes one rune,
				// a lone or broken surrogate becomes U+FFFD.
				rr := hex4(b, j+2)
				if rr < 0 {
					return nil, 0, false
				}
				j += 6
				if utf16.IsSurrogate(rr) {
					rr1 := rune(-1)
					if j+1 < len(b) && b[j] == '\\' && b[j+1] == 'u' {
						rr1 = hex4(b, j+2)
					}
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						j += 6
						out = utf8.AppendRune(out, dec)
						break
					}
					rr = unicode.ReplacementChar
				}
				out = utf8.AppendRune(out, rr)
			default:
				return nil, 0, false
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			j++
		default:
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size == 1 {
				return nil, 0, false
			}
			out = append(out, b[j:j+size]...)
			j += size
		}
	}
	return nil, 0, false
}

// hex4 reads the four hex digits at b[i:i+4]; -1 when they are not.
func hex4(b []byte, i int) rune {
	if i+4 > len(b) {
		return -1
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
