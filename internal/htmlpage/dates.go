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
	if t, hasTime, ok = parseWritten(s); ok {
		return t, hasTime, plausible(t)
	}
	return time.Time{}, false, false
}

// monthNames maps English month names and abbreviations to months.
var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// zoneOffsets are the zone abbreviations English-language sites print after
// a time, with their UTC offsets in minutes. Ambiguous ones (IST, CST in
// Asia) are read the way US/European news sites use them.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
	"msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
	"mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
	"jst": 540, "kst": 540, "aest": 600, "aedt": 660, "ist": 330, "sgt": 480, "hkt": 480,
	"et": -300, "pt": -480,
}

// parseWritten reads dates written out in English: "November 19, 2019,
// 07:47 PM EST", "19 Nov 2019 14:05 GMT", "Tuesday, Nov. 19, 2019 at 8:38
// a.m.". Weekday names and "at" are skipped; a zone abbreviation or
// numeric offset after the time sets the offset, else the time is UTC.
func parseWritten(s string) (time.Time, bool, bool) {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '\t' || r == '|'
	})
	var (
		month           time.Month
		day, year       = 0, 0
		hour, min       = -1, 0
		sec             = 0
		offMin          = 0
		hasZone, pm, am bool
	)
	for _, w := range f {
		w = strings.TrimSuffix(w, ".")
		switch {
		case w == "":
		case month == 0 && monthNames[w] != 0:
			month = monthNames[w]
		case strings.Contains(w, ":"):
			parts := strings.Split(w, ":")
			if len(parts) < 2 || len(parts) > 3 {
				return time.Time{}, false, false
			}
			h, ok1 := atoiSmall(parts[0])
			m, ok2 := atoiSmall(strings.TrimRight(parts[1], "apm."))
			if !ok1 || !ok2 || h > 23 || m > 59 {
				return time.Time{}, false, false
			}
			hour, min = h, m
			if len(parts) == 3 {
				if sec, ok1 = atoiSmall(parts[2]); !ok1 || sec > 59 {
					return time.Time{}, false, false
				}
			}
			if strings.HasSuffix(parts[1], "pm") {
				pm = true
			} else if strings.HasSuffix(parts[1], "am") {
				am = true
			}
		case w == "pm" || w == "p.m":
			pm = true
		case w == "am" || w == "a.m":
			am = true
		case (w[0] == '+' || w[0] == '-') && len(w) >= 3:
			sc := scanner{s: w[1:]}
			oh, ok := sc.digits(2)
			if !ok {
				return time.Time{}, false, false
			}
			sc.eat(':')
			om, _ := sc.digits(2)
			offMin = oh*60 + om
			if w[0] == '-' {
				offMin = -offMin
			}
			hasZone = true
		case isDigit(w[0]):
			n := 0
			for n < len(w) && isDigit(w[n]) {
				n++
			}
			v, _ := atoiSmall(w[:n])
			switch {
			case n == 4 && year == 0:
				year = v
			case n <= 2 && day == 0 && v >= 1 && v <= 31 && (n == len(w) || isOrdinal(w)):
				day = v
			default:
				return time.Time{}, false, false
			}
		default:
			if o, ok := zoneOffsets[w]; ok && hour >= 0 {
				offMin, hasZone = o, true
				continue
			}
			if w == "at" || w == "on" || dateWords[w] {
				continue // weekday names, "at", "published", "updated"
			}
			return time.Time{}, false, false
		}
	}
	if month == 0 || day == 0 || year == 0 {
		return time.Time{}, false, false
	}
	loc := time.UTC
	if hasZone && offMin != 0 {
		loc = time.FixedZone("", offMin*60)
	}
	if hour < 0 {
		t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		return t, false, t.Day() == day
	}
	if pm && hour < 12 {
		hour += 12
	} else if am && hour == 12 {
		hour = 0
	}
	t := time.Date(year, month, day, hour, min, sec, 0, loc)
	return t, true, t.Day() == day
}

// atoiSmall parses 1–4 ASCII digits.
func atoiSmall(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
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
