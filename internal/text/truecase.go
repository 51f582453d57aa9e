package text

import "strings"

// CaseCapsLines returns s with its lines written all in capitals cased the
// way the rest of s writes their words: a headline or a subheading kept in
// a record's text ("FLYNN SAYS TRUMP 'ABSOLUTELY RIGHT'") reads as "Flynn
// says Trump 'absolutely right'" when the report writes "Flynn", "says" and
// "Trump" so. Every stage takes a capitalised word for a name and a
// lower-case one for the rest, so a line in capitals would otherwise read
// as a run of names (or, word by word, as acronyms).
//
// A word the rest of s never writes is read in lower case (a name in a
// headline is named again in the report); a word written in capitals
// elsewhere ("NATO") stays so, one with a spelling of its own ("DuVernay")
// takes it; the first word of a line keeps its capital. Only ASCII letters change case, so offsets into the result are
// offsets into s. s itself is returned when it has no such line (at least
// four words and eight letters, none lower-case, and no dateline) or is mostly in
// capitals (a telex: nothing to learn the casing from).
func CaseCapsLines(s string) string {
	var lines [][2]int
	capsLetters := 0
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		// Most lines have a lower-case letter among their first bytes:
		// they are passed over at once.
		if !hasLowerASCII(line) {
			if up, _, words := lineLetters(line); up >= 8 && words >= 4 && !datelineLike(line) {
				lines = append(lines, [2]int{start, end})
				capsLetters += up
			}
		} else if start == 0 && titleCased(line) && !datelineLike(line) {
			if _, _, words := lineLetters(line); words >= 4 {
				// A headline in title case opening the text ("Clinton
				// Hid Health Problems, Former Doctor Says"): "Says" is
				// a verb.
				lines = append(lines, [2]int{start, end})
			}
		}
		start = end + 1
	}
	if len(lines) == 0 {
		return s
	}
	lower := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			lower++
		}
	}
	if capsLetters*2 > lower {
		return s
	}
	forms := wordFormsOf(s, lines)
	b := []byte(s)
	for _, ln := range lines {
		caseSpan(b, s, ln, forms)
	}
	return string(b)
}

// CaseLine returns line, written all in capitals, cased the way body
// writes its words (as CaseCapsLines does for the lines of a text): a
// headline in capitals read with its report ("KHRUSHCHEV WARNS WEST ON
// BERLIN" → "Khrushchev warns West on Berlin"). A line with a lower-case
// letter, of fewer than three words or eight letters, comes back as it is;
// so does any line when body is itself mostly in capitals.
func CaseLine(line, body string) string {
	if hasLowerASCII(line) {
		return line
	}
	if up, _, words := lineLetters(line); up < 8 || words < 3 {
		return line
	}
	up, lo, _ := lineLetters(body)
	if up > lo {
		return line
	}
	b := []byte(line)
	caseSpan(b, line, [2]int{0, len(line)}, wordFormsOf(body, nil))
	return string(b)
}

// wordFormsOf counts how s writes each ASCII word outside the spans skip:
// lower, Title, UPPER, or a mixed spelling ("DuVernay", "McCain").
func wordFormsOf(s string, skip [][2]int) map[string]*wordForms {
	forms := make(map[string]*wordForms, 256)
	li := 0
	for i := 0; i < len(s); {
		if li < len(skip) && i >= skip[li][0] {
			i = max(i, skip[li][1])
			li++
			continue
		}
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		k := strings.ToLower(s[i:j])
		c := forms[k]
		if c == nil {
			c = new(wordForms)
			forms[k] = c
		}
		if f := wordForm(s[i:j]); f >= 0 {
			c.n[f]++
		} else {
			c.n[3]++
			c.mixed = s[i:j]
		}
		i = j
	}
	return forms
}

// caseSpan writes into b the cased letters of the words of s in span ln,
// each as forms says s writes it elsewhere; the first word keeps its
// capital.
func caseSpan(b []byte, s string, ln [2]int, forms map[string]*wordForms) {
	first := true
	for i := ln[0]; i < ln[1]; {
		if !isASCIILetter(s[i]) {
			if s[i] >= 0x80 {
				first = false // a word of other letters opened the line
			}
			i++
			continue
		}
		j := i
		for j < ln[1] && isASCIILetter(s[j]) {
			j++
		}
		form, mixed := capsWordCase(s[i:j], forms)
		// "TRUMP'S", "DON'T": the letters after an apostrophe
		if i > ln[0] && (s[i-1] == '\'' || i >= 3 && s[i-3:i] == "\u2019") && j-i <= 2 {
			form = 0
		}
		if first && form == 0 {
			form = 1
		}
		first = false
		for k := i; k < j; k++ {
			c := s[k]
			switch {
			case form == 3:
				c = mixed[k-i]
			case form == 2 || form == 1 && k == i:
				if c >= 'a' {
					c -= 'a' - 'A'
				}
			case c < 'a':
				c += 'a' - 'A'
			}
			b[k] = c
		}
		i = j
	}
}

// titleCased reports whether every word of four letters or more of line
// opens with a capital and the rest of each word is lower case (a
// headline's title case; "McCain" and "DuVernay" count too).
func titleCased(line string) bool {
	long := 0
	for i := 0; i < len(line); {
		if !isASCIILetter(line[i]) {
			if line[i] >= 0x80 && (i == 0 || !isASCIILetter(line[i-1])) {
				// a word of other letters: not in title case unless
				// nothing else says otherwise
			}
			i++
			continue
		}
		j := i
		for j < len(line) && isASCIILetter(line[j]) {
			j++
		}
		if j-i >= 4 {
			if line[i] >= 'a' {
				return false
			}
			long++
		}
		i = j
	}
	return long >= 3
}

func hasLowerASCII(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] >= 'a' && line[i] <= 'z' {
			return true
		}
	}
	return false
}

// datelineLike reports whether a line in capitals may be a dateline
// ("UNITED NATIONS (AP) _", "KYIV, Ukraine --"), which stays as written.
func datelineLike(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	return strings.ContainsAny(line, "(/") || strings.Contains(line, "--") || strings.HasSuffix(line, "_") ||
		strings.HasSuffix(line, "-") || strings.HasSuffix(line, "\u2014") || strings.HasSuffix(line, "\u2013")
}

// lineLetters counts the upper- and lower-case ASCII letters of a line and
// its words of two letters or more.
func lineLetters(line string) (up, lo, words int) {
	run := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && isASCIILetter(line[i]) {
			if line[i] >= 'a' {
				lo++
			} else {
				up++
			}
			run++
			continue
		}
		if run >= 2 {
			words++
		}
		run = 0
	}
	return up, lo, words
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// wordForm is 0 for a word in lower case, 1 for a capitalised one, 2 for
// one in capitals (two letters or more), -1 for a mixed one ("McCain").
func wordForm(w string) int {
	up := 0
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' {
			up++
		}
	}
	switch {
	case up == 0:
		return 0
	case up == len(w) && len(w) >= 2:
		return 2
	case up == 1 && w[0] < 'a':
		return 1
	}
	return -1
}

// wordForms counts how a text writes a word: lower, Title, UPPER, mixed
// (the last mixed spelling seen).
type wordForms struct {
	n     [4]int
	mixed string
}

// capsWordCase decides the form of word w of a line in capitals: the form
// the text writes it in most (lower before Title before UPPER before a
// mixed spelling on a tie), with that spelling when mixed; lower for a word
// the text never writes (a name of the headline is named again below it).
// calendarNames are the English months and weekdays.
var calendarNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

func capsWordCase(w string, forms map[string]*wordForms) (int, string) {
	c := forms[strings.ToLower(w)]
	if c == nil {
		// a month or a day the report never writes is still a name
		if calendarNames[strings.ToLower(w)] {
			return 1, ""
		}
		// an acronym the report never writes ("CHINESE FM URGES …",
		// "PM QUITS"): a known one, or two or three letters that make no
		// English word
		if lw := strings.ToLower(w); headlineAcronyms[lw] || telexAcronyms[lw] || len(w) >= 2 && len(w) <= 3 && !telexPlain[lw] && !IsWord(lw) {
			return 2, ""
		}
		return 0, ""
	}
	best := 0
	for f := 1; f < 4; f++ {
		if c.n[f] > c.n[best] {
			best = f
		}
	}
	return best, c.mixed
}

// headlineAcronyms are the acronyms of roles that headlines use and the
// word list also spells as words.
var headlineAcronyms = map[string]bool{"fm": true, "pm": true, "mp": true, "mps": true}
