package clean

import "strings"

// markdownOff drops the marks of Markdown inline formatting from a
// paragraph: texts exported from notes, newsletters and chat tools carry
// them, and a reader sees them as formatting, not as words. Read as
// written, "**DOHA, June 3** — Mediators …" hid the dateline, "> “…,”
// said *Maria Ortiz*" hid the statement (the speaker's name was
// "*Maria Ortiz*"), and "[the ministry said](https://…)" left its
// address in the sentence.
//
// What goes:
//   - a quotation's "> " before the paragraph (">" repeated: nested);
//   - "**" and "__" around words (strong), "*" around words (emphasis);
//     only in pairs that open before a word and close after one, so that
//     "5 * 3", a footnote's "*" and a list's "* item" stay;
//   - a link's brackets and address: "[text](http…)" is "text".
//
// Underscores alone stay: "_" inside names and handles ("@un_news") is
// more common in news text than as emphasis.
func markdownOff(s string) string {
	if len(s) > 0 && s[0] == '>' {
		i := 0
		for i < len(s) && (s[i] == '>' || s[i] == ' ') {
			i++
		}
		s = s[i:]
	}
	if strings.IndexByte(s, '*') < 0 && strings.Index(s, "__") < 0 && strings.Index(s, "](") < 0 {
		return s
	}
	s = pairsOff(s, "**")
	s = pairsOff(s, "__")
	s = pairsOff(s, "*")
	return linksOff(s)
}

// pairsOff removes the pairs of mark around words: an opening mark at the
// start or after a space or an opening bracket or quote, followed by a
// non-space; its closing mark after a non-space, followed by the end, a
// space or a punctuation mark. A mark with no partner stays.
func pairsOff(s, mark string) string {
	var b strings.Builder
	rest := s
	changed := false
	for {
		i := strings.Index(rest, mark)
		if i < 0 {
			break
		}
		if !opensAt(rest, i, mark) {
			b.WriteString(rest[:i+len(mark)])
			rest = rest[i+len(mark):]
			continue
		}
		inner := rest[i+len(mark):]
		j := closeOf(inner, mark)
		if j < 0 {
			b.WriteString(rest[:i+len(mark)])
			rest = rest[i+len(mark):]
			continue
		}
		b.WriteString(rest[:i])
		b.WriteString(inner[:j])
		rest = inner[j+len(mark):]
		changed = true
	}
	if !changed {
		return s
	}
	b.WriteString(rest)
	return b.String()
}

// opensAt reports whether mark at s[i:] may open a pair.
func opensAt(s string, i int, mark string) bool {
	if i > 0 {
		switch s[i-1] {
		case ' ', '(', '"', '\'', '[':
		default:
			if !strings.HasSuffix(s[:i], "“") && !strings.HasSuffix(s[:i], "‘") {
				return false
			}
		}
	}
	after := i + len(mark)
	return after < len(s) && s[after] != ' ' && s[after] != mark[0]
}

// closeOf returns where the mark closing a pair stands in s (the text
// after the opening mark), or -1.
func closeOf(s, mark string) int {
	from := 0
	for {
		j := strings.Index(s[from:], mark)
		if j < 0 {
			return -1
		}
		j += from
		after := j + len(mark)
		if j > 0 && s[j-1] != ' ' && (after == len(s) || closeFollow(s[after])) {
			// "**bold***": the longest run of marks closes at its end
			if after < len(s) && s[after] == mark[0] {
				from = after
				continue
			}
			return j
		}
		from = j + 1
		if from >= len(s) {
			return -1
		}
	}
}

// closeFollow reports whether c may follow a closing mark.
func closeFollow(c byte) bool {
	switch c {
	case ' ', '.', ',', ';', ':', '!', '?', ')', '"', '\'', ']', '-':
		return true
	}
	return c >= 0x80 // a closing quote or a dash
}

// linksOff turns "[text](address)" into "text" for addresses that are
// addresses: a scheme, a path or a fragment.
func linksOff(s string) string {
	if strings.Index(s, "](") < 0 {
		return s
	}
	var b strings.Builder
	rest := s
	for {
		m := strings.Index(rest, "](")
		if m < 0 {
			break
		}
		o := strings.LastIndexByte(rest[:m], '[')
		c := strings.IndexByte(rest[m+2:], ')')
		if o < 0 || c < 0 || strings.IndexByte(rest[o+1:m], ']') >= 0 || !linkAddress(rest[m+2:m+2+c]) {
			b.WriteString(rest[:m+2])
			rest = rest[m+2:]
			continue
		}
		b.WriteString(rest[:o])
		b.WriteString(rest[o+1 : m])
		rest = rest[m+2+c+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// linkAddress reports whether u looks like a link's target.
func linkAddress(u string) bool {
	if strings.IndexByte(u, ' ') >= 0 || u == "" {
		return false
	}
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "/") ||
		strings.HasPrefix(u, "#") || strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "www.")
}
