package layout

import "strings"

// Soften returns raw with every line break that falls inside a paragraph
// replaced by spaces, byte for byte, so that offsets into the result are
// offsets into raw. It is for a text that must be kept as given (a JSON
// Lines record's "text", whose offsets the caller relies on): Paragraphs
// would rewrite such a text, and the later stages, which take a line break
// for the end of a paragraph, would cut a hard-wrapped sentence at every
// line end. The paragraphs are decided exactly as Paragraphs decides them
// (wrapped, width, indentStyle, breaksAfter); what Soften cannot do without
// moving offsets is left undone: page furniture stays, and a word
// hyphenated across a line end keeps its hyphen ("negoti- ations").
//
// raw itself is returned when no line break lies inside a paragraph: a
// text with one paragraph a line, or with blank lines between one-line
// paragraphs, costs one scan of its line ends.
func Soften(raw string) string {
	if !hasInnerBreak(raw) {
		return raw
	}
	// The lines, each with where its line end starts and how long it is.
	type end struct{ at, n int }
	lines := make([]line, 0, strings.Count(raw, "\n")+1)
	ends := make([]end, 0, cap(lines))
	start := 0
	if strings.HasPrefix(raw, "\uFEFF") {
		start = len("\uFEFF") // as split: a byte-order mark is not text
	}
	page := false
	for i := start; ; {
		k := strings.IndexAny(raw[i:], "\r\n\f")
		if k < 0 {
			lines = append(lines, newLine(raw[i:], page))
			ends = append(ends, end{len(raw), 0})
			break
		}
		k += i
		n := 1
		if raw[k] == '\r' && k+1 < len(raw) && raw[k+1] == '\n' {
			n = 2
		}
		lines = append(lines, newLine(raw[i:k], page))
		ends = append(ends, end{k, n})
		page = raw[k] == '\f'
		i = k + n
	}
	wrappedText := wrapped(lines)
	w, indents := 0, false
	if wrappedText {
		w, indents = width(lines), indentStyle(lines)
	}
	var b []byte
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		if prev.blank || l.blank || breaksAfter(prev, l, w, wrappedText, indents) {
			continue
		}
		if b == nil {
			b = []byte(raw)
		}
		for k := ends[i-1].at; k < ends[i-1].at+ends[i-1].n; k++ {
			b[k] = ' '
		}
	}
	if b == nil {
		return raw
	}
	return string(b)
}

// hasInnerBreak reports whether some line break of s stands between two
// lines with text, the only place a paragraph can run on. Most texts kept
// as given put blank lines between one-line paragraphs or hold a single
// line; they are passed over with this scan alone.
func hasInnerBreak(s string) bool {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, '\f') >= 0 {
		return hasInnerBreakBytes(s)
	}
	// Only "\n" ends lines: jump from one to the next (IndexByte reads many
	// bytes at a time) and look at the two lines around each.
	lineStart := 0
	for {
		k := strings.IndexByte(s[lineStart:], '\n')
		if k < 0 {
			return false
		}
		k += lineStart
		text := false // the line ending at k has a non-space byte
		for j := k - 1; j >= lineStart; j-- {
			if c := s[j]; c != ' ' && c != '\t' && c != '\v' {
				text = true
				break
			}
		}
		j := k + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\v') {
			j++
		}
		if text && j < len(s) && s[j] != '\n' {
			return true
		}
		lineStart = k + 1
	}
}

// hasInnerBreakBytes is hasInnerBreak for any line ends ("\r\n", "\r",
// "\n", form feeds), a byte at a time.
func hasInnerBreakBytes(s string) bool {
	seenText := false // the current line has a non-space byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n', '\r', '\f':
			if !seenText {
				continue
			}
			// A line with text ends here: does the next line have text?
			j := i + 1
			if c == '\r' && j < len(s) && s[j] == '\n' {
				j++
			}
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\v') {
				j++
			}
			if j < len(s) && s[j] != '\n' && s[j] != '\r' && s[j] != '\f' {
				return true
			}
			seenText = false
			i = j - 1
		case ' ', '\t', '\v':
		default:
			seenText = true
		}
	}
	return false
}
