package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// magic numbers of binary formats that turn up in scraped folders.
var binaryMagic = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG"), []byte("\xFF\xD8\xFF"), []byte("GIF8"),
	[]byte("PK\x03\x04"), []byte("\x7FELF"), []byte("RIFF"), []byte("\x1F\x8B"),
	[]byte("BZh"), []byte("\xFD7zXZ"), []byte("OggS"), []byte("ID3"), []byte("\x00\x00\x01\x00"),
	[]byte("SQLite format 3"),
}

// IsBinary reports whether data looks like a binary file rather than text:
// a known magic number, or NUL and control bytes in the first 8 KiB.
// UTF-16 text has NUL bytes too, so a UTF-16 byte-order mark is text.
func IsBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}

// DecodeText turns the bytes of a text file into UTF-8. It accepts UTF-8
// (with or without a byte-order mark) and UTF-16 with a mark; other bytes are
// read as the single-byte code page that fits them best: windows-1251 for
// Cyrillic, KOI8-R, else windows-1252 (a superset of latin-1). The name of
// the encoding read is returned ("utf-8" when nothing was converted).
func DecodeText(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	name, cm := guessCodePage(data)
	if cm == nil {
		return "", "", fmt.Errorf("%w: not UTF-8 and no single-byte code page fits", ErrEncoding)
	}
	return decodeWith(cm, data, name)
}

func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %s: %w", ErrEncoding, name, err)
	}
	return string(out), name, nil
}

// guessCodePage picks the single-byte code page for non-UTF-8 text.
// Cyrillic text in windows-1251 has most high bytes in 0xC0–0xFF (the
// alphabet), runs of them make whole words, and lowercase (0xE0–0xFF)
// dominates; KOI8-R has the same shape with lowercase in 0xC0–0xDF. Western
// text in latin-1/windows-1252 has few high bytes, isolated inside ASCII words.
func guessCodePage(data []byte) (string, encoding.Encoding) {
	var high, alpha, lowerCP1251, lowerKOI, inRuns, run int
	for _, c := range data {
		if c >= 0x80 {
			high++
			if c >= 0xC0 {
				alpha++
				if c >= 0xE0 {
					lowerCP1251++
				} else {
					lowerKOI++
				}
			}
			run++
			continue
		}
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	if run >= 3 {
		inRuns += run
	}
	if high == 0 {
		return "", nil
	}
	cyrillic := alpha*10 >= high*8 && inRuns*2 >= high
	switch {
	case cyrillic && lowerCP1251 >= lowerKOI:
		return "windows-1251", charmap.Windows1251
	case cyrillic:
		return "koi8-r", charmap.KOI8R
	default:
		return "windows-1252", charmap.Windows1252
	}
}
