package htmlpage

import (
	"strings"
	"time"
)

// Plausible publication years. Pages claiming earlier dates carry template
// placeholders ("0001-01-01", "1970-01-01T00:00:00Z" from a zero Unix time).
const (
	minYear = 1971
	maxYear = 2100
)

// textDateLayouts are the non-ISO forms seen in publication-date meta tags
// (RFC 1123 from HTTP-style headers, US and UK written dates).
var textDateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC1123Z, true},
	{time.RFC1123, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{time.RFC850, true},
	{time.RubyDate, true},
	{time.UnixDate, true},
	{"January 2, 2006 3:04 PM", true},
	{"January 2, 2006 15:04", true},
	{"Jan 2, 2006 3:04 PM", true},
	{"January 2, 2006", false},
	{"Jan 2, 2006", false},
	{"2 January 2006", false},
	{"2 Jan 2006", false},
	{"Monday, January 2, 2006", false},
	{"Monday, 2 January 2006", false},
	{"02.01.2006 15:04", true},
	{"02.01.2006", false},
}

// parseDate reads a publication date as pages write it in metadata. ISO
// 8601 forms go through a hand-written scanner that keeps the UTC offset;
// a date-time without an offset is taken as UTC. hasTime is false when only
// the day is known. Years outside [minYear, maxYear] are rejected.
func parseDate(s string) (t time.Time, hasTime bool, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 64 {
		return time.Time{}, false, false
	}
	if t, hasTime, ok = parseISO(s); ok {
		return t, hasTime, plausible(t)
	}
	for _, l := range textDateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.hasTime, plausible(t)
		}
	}
	return time.Time{}, false, false
}

func plausible(t time.Time) bool {
	y := t.Year()
	return y >= minYear && y <= maxYear
}

// parseISO scans YYYY-MM-DD (or YYYY/MM/DD, YYYYMMDD), then optionally
// [T or space]hh:mm[:ss[.frac]], then optionally Z, ±hh:mm, ±hhmm, ±hh,
// " UTC" or " GMT".
func parseISO(s string) (time.Time, bool, bool) {
	sc := scanner{s: s}
	year, ok := sc.digits(4)
	if !ok {
		return time.Time{}, false, false
	}
	sep := sc.peek()
	if sep == '-' || sep == '/' || sep == '.' {
		sc.i++
	} else {
		sep = 0
	}
	month, ok := sc.digits(2)
	if !ok {
		return time.Time{}, false, false
	}
	if sep != 0 && !sc.eat(sep) {
		return time.Time{}, false, false
	}
	day, ok := sc.digits(2)
	if !ok || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false, false
	}
	date := func(h, mi, se, ns int, loc *time.Location) (time.Time, bool) {
		t := time.Date(year, time.Month(month), day, h, mi, se, ns, loc)
		// time.Date normalises 31 February into March; refuse it instead.
		return t, t.Day() == day
	}
	if sc.done() {
		t, ok := date(0, 0, 0, 0, time.UTC)
		return t, false, ok
	}
	if c := sc.peek(); c != 'T' && c != 't' && c != ' ' {
		return time.Time{}, false, false
	}
	sc.i++
	hour, ok1 := sc.digits(2)
	colon := sc.eat(':')
	minute, ok2 := sc.digits(2)
	if !ok1 || !ok2 || hour > 23 || minute > 59 {
		return time.Time{}, false, false
	}
	sec, nsec := 0, 0
	if (colon && sc.eat(':')) || (!colon && isDigit(sc.peek())) {
		var ok3 bool
		if sec, ok3 = sc.digits(2); !ok3 || sec > 60 {
			return time.Time{}, false, false
		}
		if sc.eat('.') || sc.eat(',') {
			scale := 100000000
			for isDigit(sc.peek()) {
				nsec += int(sc.s[sc.i]-'0') * scale
				scale /= 10
				sc.i++
			}
		}
	}
	if sec == 60 {
		sec = 59 // leap second: keep the minute
	}
	loc := time.UTC
	for sc.peek() == ' ' {
		sc.i++
	}
	switch c := sc.peek(); {
	case c == 'Z' || c == 'z':
		sc.i++
	case c == '+' || c == '-':
		sc.i++
		oh, ok := sc.digits(2)
		if !ok || oh > 14 {
			return time.Time{}, false, false
		}
		sc.eat(':')
		om := 0
		if isDigit(sc.peek()) {
			if om, ok = sc.digits(2); !ok || om > 59 {
				return time.Time{}, false, false
			}
		}
		off := oh*3600 + om*60
		if c == '-' {
			off = -off
		}
		if off != 0 {
			loc = time.FixedZone("", off)
		}
	case c == 'U' || c == 'G':
		if rest := sc.s[sc.i:]; strings.HasPrefix(rest, "UTC") || strings.HasPrefix(rest, "GMT") {
			sc.i += 3
		}
	}
	if !sc.done() {
		return time.Time{}, false, false
	}
	t, ok := date(hour, minute, sec, nsec, loc)
	return t, true, ok
}

type scanner struct {
	s string
	i int
}

func (sc *scanner) done() bool { return sc.i >= len(sc.s) }

func (sc *scanner) peek() byte {
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

func (sc *scanner) eat(c byte) bool {
	if sc.peek() == c && c != 0 {
		sc.i++
		return true
	}
	return false
}

// digits reads exactly n ASCII digits.
func (sc *scanner) digits(n int) (int, bool) {
	if sc.i+n > len(sc.s) {
		return 0, false
	}
	v := 0
	for k := 0; k < n; k++ {
		c := sc.s[sc.i+k]
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	sc.i += n
	return v, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
