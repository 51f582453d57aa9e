package htmlpage

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit is how far into the page the charset declaration is looked
// for. The HTML standard's prescan stops at 1024 bytes, but many news pages
// put kilobytes of inline script before their <meta charset>; 64 KiB covers
// every <head> seen in practice and keeps the scan cheap.
const metaScanLimit = 64 << 10

// decode returns the page as UTF-8 and the name of the charset it was read as.
//
// Order: byte-order mark; then the charset declared in a <meta> tag; then
// UTF-8 if the bytes are valid UTF-8; else windows-1252, the web's default
// for undeclared pages. Invalid sequences left in a UTF-8 page are replaced
// by U+FFFD so later stages only ever see valid UTF-8.
func decode(raw []byte) ([]byte, string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return bytes.ToValidUTF8(raw[3:], []byte("\uFFFD")), "utf-8"
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return transcode(raw, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)), "utf-16le"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return transcode(raw, unicode.UTF16(unicode.BigEndian, unicode.UseBOM)), "utf-16be"
	}

	validUTF8 := utf8.Valid(raw)
	if label := declaredCharset(raw); label != "" {
		enc, name := charset.Lookup(label)
		switch {
		case enc == nil:
			// Unknown label: fall through to the UTF-8 test below.
		case name == "utf-8":
			return bytes.ToValidUTF8(raw, []byte("\uFFFD")), name
		case validUTF8 && hasHighBit(raw) && isLatinSingleByte(name):
			// A page labelled latin-1/windows-1252 whose non-ASCII bytes
			// form valid UTF-8 is a mislabelled UTF-8 page (common with
			// CMS templates); genuine latin-1 text with accented letters
			// is almost never valid UTF-8 by accident.
			return raw, "utf-8"
		default:
			return transcode(raw, enc), name
		}
	}
	if validUTF8 {
		return raw, "utf-8"
	}
	enc, name := charset.Lookup("windows-1252")
	return transcode(raw, enc), name
}

// transcode decodes raw with enc; on a decoder error (which the x/text
// decoders do not return for these charsets, but may for future ones) it
// falls back to the bytes with invalid UTF-8 replaced.
func transcode(raw []byte, enc encoding.Encoding) []byte {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// isLatinSingleByte reports the charsets that a mislabelled UTF-8 page
// usually claims.
func isLatinSingleByte(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-1", "iso-8859-15", "us-ascii":
		return true
	}
	return false
}

// declaredCharset finds the charset a page declares in its <meta> tags
// (<meta charset="x"> or <meta http-equiv="Content-Type" content="...;
// charset=x">) within the first metaScanLimit bytes. It is a byte scanner,
// not a parser: it looks only inside "<meta ...>" tags, so the word
// "charset" in a script or in the text never counts.
func declaredCharset(raw []byte) string {
	if len(raw) > metaScanLimit {
		raw = raw[:metaScanLimit]
	}
	for i := 0; i < len(raw); {
		j := indexFold(raw[i:], "<meta")
		if j < 0 {
			return ""
		}
		start := i + j + len("<meta")
		end := bytes.IndexByte(raw[start:], '>')
		if end < 0 {
			return ""
		}
		tag := raw[start : start+end]
		i = start + end + 1
		k := indexFold(tag, "charset")
		if k < 0 {
			continue
		}
		v := tag[k+len("charset"):]
		v = bytes.TrimLeft(v, " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		n := 0
		for n < len(v) && v[n] != '"' && v[n] != '\'' && v[n] != ';' && v[n] != ' ' && v[n] != '/' && v[n] != '\t' && v[n] != '\r' && v[n] != '\n' {
			n++
		}
		if n > 0 && n < 40 {
			return string(bytes.ToLower(v[:n]))
		}
	}
	return ""
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring ASCII case.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) != needle[0] {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if lowerASCII(s[i+k]) != needle[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}
