package meta

import "time"

// A day and month written without a year: "January 26", "Jan. 26",
// "26 January". nextMonthDay is a byte scanner that finds exactly what the
// regular expression
//
//	\b MONTH \s+ (\d{1,2}) \b | \b (\d{1,2}) \s+ MONTH \b
//
// (MONTH as reMonth, case-sensitive; \b, \s, \d in their ASCII sense) finds
// with FindAllStringSubmatch, match for match: AssumedAnchor ran that
// expression over the whole body, 10% of the text pipeline's time on
// undated reports. TestNextMonthDayMatchesRegexp and FuzzNextMonthDay
// hold the two equal.

// nextMonthDay returns the first day-and-month at or after byte from, and
// the byte after it, where the next search starts.
func nextMonthDay(text string, from int) (mo time.Month, day, end int, ok bool) {
	n := len(text)
	for i := from; i < n; {
		c := text[i]
		if !isWordByte(c) {
			i++
			continue
		}
		if i == 0 || !isWordByte(text[i-1]) { // \b before a word
			if isDigit(c) {
				if mo, day, end, ok = dayMonthAt(text, i); ok {
					return mo, day, end, true
				}
			} else if mo, day, end, ok = monthDayAt(text, i); ok {
				return mo, day, end, true
			}
		}
		// No match starts inside this word.
		for i++; i < n && isWordByte(text[i]); i++ {
		}
	}
	return 0, 0, n, false
}

// monthDayAt matches "MONTH \s+ \d{1,2} \b" at p.
func monthDayAt(text string, p int) (time.Month, int, int, bool) {
	j := letterRun(text, p)
	word := text[p:j]
	switch {
	case j < len(text) && text[j] == '.' && dotForm(word):
		j++
	case monthForm(word):
	default:
		return 0, 0, 0, false
	}
	k := spaceRun(text, j)
	if k == j {
		return 0, 0, 0, false
	}
	e := digitRun(text, k)
	if e == k || e-k > 2 || (e < len(text) && isWordByte(text[e])) {
		return 0, 0, 0, false
	}
	return MonthByName(text[p:j]), atoi(text[k:e]), e, true
}

// dayMonthAt matches "\d{1,2} \s+ MONTH \b" at p.
func dayMonthAt(text string, p int) (time.Month, int, int, bool) {
	e := digitRun(text, p)
	if e-p > 2 {
		return 0, 0, 0, false
	}
	q := spaceRun(text, e)
	if q == e {
		return 0, 0, 0, false
	}
	j := letterRun(text, q)
	word := text[q:j]
	end := -1
	switch {
	case longForm(word) && (j == len(text) || !isWordByte(text[j])):
		// The full name is tried first ("January" before "Jan.").
		end = j
	case j+1 < len(text) && text[j] == '.' && dotForm(word) && isWordByte(text[j+1]):
		// "Jan." is taken only where \b holds after the dot.
		end = j + 1
	case monthForm(word) && (j == len(text) || !isWordByte(text[j])):
		end = j
	}
	if end < 0 {
		return 0, 0, 0, false
	}
	return MonthByName(word), atoi(text[p:e]), end, true
}

// monthForm reports the spellings reMonth accepts without a dot.
func monthForm(w string) bool {
	return longForm(w) || shortForm(w)
}

// longForm reports the spellings reMonth accepts that are not the stem of a
// longer one.
func longForm(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December":
		return true
	}
	return false
}

func shortForm(w string) bool {
	switch w {
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// dotForm reports the abbreviations reMonth accepts with a dot ("Jan.").
func dotForm(w string) bool {
	switch w {
	case "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func letterRun(s string, i int) int {
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return i
}

func digitRun(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// spaceRun skips \s: space, tab, newline, form feed, carriage return.
func spaceRun(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}
