package timex

import (
	"strconv"

	"github.com/parley-news/parley/internal/article"
)

// The pattern functions. Each looks at the tokens from i and returns the
// end of what it recognised (cand.end == 0: nothing). They never read past
// the token slice: every access goes through the bounds-checked helpers.

var podCodes = [...]string{"", "TMO", "TAF", "TEV", "TNI", "T12:00", "T24:00"}

// countNouns after a four-digit number make it a count, not a year:
// "1998 people", "2000 troops".
var countNouns = map[string]bool{"people": true, "persons": true, "troops": true, "soldiers": true,
	"men": true, "women": true, "children": true, "km": true, "kilometers": true, "kilometres": true,
	"miles": true, "meters": true, "metres": true, "feet": true, "dollars": true, "euros": true,
	"rubles": true, "roubles": true, "yuan": true, "tons": true, "tonnes": true, "votes": true,
	"points": true, "barrels": true, "cars": true, "units": true, "jobs": true, "workers": true,
	"deaths": true, "cases": true, "residents": true, "refugees": true, "members": true,
	"delegates": true, "seats": true, "pages": true, "hours": true, "students": true,
	"police": true, "officers": true, "prisoners": true, "pounds": true, "acres": true,
	"homes": true, "houses": true, "families": true, "civilians": true, "tanks": true}

// prepsForMonth may stand before a bare month name that could also be a
// word or a first name (May, March, April, June, August): "in May",
// "since March", "late June". Without one of these the name is skipped.
var prepsForMonth = map[string]bool{"in": true, "since": true, "until": true, "till": true,
	"by": true, "early": true, "late": true, "mid": true, "last": true, "next": true, "this": true,
	"from": true, "through": true, "during": true, "before": true, "after": true, "between": true,
	"throughout": true, "until-": true, "of": true, "and": true, "or": true, "to": true,
	"that": true, "following": true, "previous": true, "coming": true, "end": true}

func (m *matcher) lowerWord(i int) string {
	w := m.word(i)
	if len(w) > 14 {
		return ""
	}
	// Most words are lower case already: return them as they are, without
	// a copy.
	upper := false
	for k := 0; k < len(w); k++ {
		if 'A' <= w[k] && w[k] <= 'Z' {
			upper = true
			break
		}
	}
	if !upper {
		return w
	}
	var buf [14]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return string(buf[:len(w)])
}

// ---- numbers: dates, clock times, years ----

func (m *matcher) numberStart(i int) cand {
	tk := m.toks[i]
	// ISO date: 2022-01-26
	if tk.nd == 4 && m.adj(i) && m.isP(i+1, '-') && m.adj(i+1) && m.isNum(i+2) && m.toks[i+2].nd == 2 &&
		m.adj(i+2) && m.isP(i+3, '-') && m.adj(i+3) && m.isNum(i+4) && m.toks[i+4].nd == 2 {
		c := civil{tk.num, m.toks[i+2].num, m.toks[i+4].num}
		if c.y >= 1000 && validDate(c.y, c.m, c.d) {
			return cand{end: i + 5, typ: article.Date, val: fmtDate(c)}
		}
	}
	// 26.01.2022 (day first, the European and Russian style) and
	// 1/26/2022 (month first, the US style; day first when the first part
	// cannot be a month)
	if tk.nd <= 2 && m.adj(i) && (m.isP(i+1, '.') || m.isP(i+1, '/')) && m.adj(i+1) && m.isNum(i+2) &&
		m.toks[i+2].nd <= 2 && m.adj(i+2) && m.isP(i+3, m.toks[i+1].ch) && m.adj(i+3) && m.isNum(i+4) &&
		(m.toks[i+4].nd == 4 || m.toks[i+4].nd == 2 && m.toks[i+1].ch == '/') && !(m.adj(i+4) && m.isNum(i+6)) {
		a, b, y := tk.num, m.toks[i+2].num, m.toks[i+4].num
		if m.toks[i+4].nd == 2 {
			if y < 50 {
				y += 2000
			} else {
				y += 1900
			}
		}
		d, mo := a, b
		if m.toks[i+1].ch == '/' {
			d, mo = b, a
			// Both parts could be the month ("10/03/2022"): the US reads
			// the month first, Britain and most of the world the day.
			// News cites days near its own, so the reading nearer the
			// publication date wins; without one, the month comes first.
			if a != b && a <= 12 && b <= 12 && m.hasAnchor && validDate(y, a, b) && validDate(y, b, a) {
				us, world := civil{y, a, b}, civil{y, b, a}
				if daysApart(world, m.anchor) < daysApart(us, m.anchor) {
					d, mo = a, b
				}
			}
		}
		if mo > 12 {
			d, mo = mo, d
		}
		if y >= 1000 && validDate(y, mo, d) {
			return cand{end: i + 5, typ: article.Date, val: fmtDate(civil{y, mo, d})}
		}
	}
	if c := m.clockTime(i); c.end > 0 {
		return c
	}
	if tk.nd == 4 {
		if c := m.yearStart(i); c.end > 0 {
			return c
		}
	}
	// "the 20th century", "21st-century": TimeML writes the century's
	// first two digits ("19", "20")
	if tk.nd <= 2 && tk.num >= 1 && tk.num <= 30 && m.adj(i) && (m.isW(i+1, "th") || m.isW(i+1, "st") ||
		m.isW(i+1, "nd") || m.isW(i+1, "rd")) {
		k := i + 2
		if m.isP(k, '-') && m.adj(k-1) && m.adj(k) {
			k++
		}
		if m.isW(k, "century") {
			return cand{end: k + 1, typ: article.Date, val: string(pad(nil, tk.num-1, 2))}
		}
	}
	// the second day of a range: "April 24 and 25", "March 12-14"
	if d, j, ok := m.dayNum(i); ok && (m.isW(i-1, "and") || m.isW(i-1, "to") || m.isW(i-1, "through") ||
		m.isP(i-1, '-') && m.adj(i-2) && m.adj(i-1)) && m.isNum(i-2) && m.sameSent(i-2, i) {
		k := i - 3
		if m.isP(k, '.') {
			k--
		}
		if l := m.lx(k); l != nil && l.month > 0 {
			if c := m.monthStart(k); c.end == i-1 && len(c.val) == 10 {
				if !allDigits(c.val[:4]) { // no anchor: "XXXX-04-24"
					return cand{end: j, typ: article.Date, val: c.val[:8] + string(pad(nil, d, 2))}
				}
				y, _ := strconv.Atoi(c.val[:4])
				if validDate(y, int(l.month), d) {
					return cand{end: j, typ: article.Date, val: fmtDate(civil{y, int(l.month), d})}
				}
			}
		}
	}
	// day first: "17 December 2021", "the 17th of December"
	if d, j, ok := m.dayNum(i); ok {
		if m.isW(j, "of") {
			j++
		}
		if l := m.lx(j); l != nil && l.month > 0 && m.cap(j) {
			mo := int(l.month)
			k := j + 1
			if l.abbr && m.isP(k, '.') && m.adj(j) {
				k++ // "17 Dec."; a full name's dot ends the sentence
			}
			k2 := k
			if m.isP(k2, ',') {
				k2++
			}
			if y, ok := m.yearNum(k2); ok && validDate(y, mo, d) {
				return cand{end: k2 + 1, typ: article.Date, val: fmtDate(civil{y, mo, d})}
			}
			if v := m.monthDayVal(mo, d, m.direction(i, k)); v != "" {
				return cand{end: k, typ: article.Date, val: v}
			}
		}
	}
	return cand{}
}

// yearStart reads a year or a decade at i: "1998", "1990s", "1990's".
func (m *matcher) yearStart(i int) cand {
	y, ok := m.yearNum(i)
	if !ok {
		return cand{}
	}
	// money, counts and numbering: "$1998", "#2000", "1,998"
	if m.isP(i-1, '$') || m.isP(i-1, '#') || m.isP(i-1, 1) && m.adj(i-1) ||
		(m.isP(i-1, ',') || m.isP(i-1, '.')) && m.adj(i-1) && m.isNum(i-2) && m.adj(i-2) {
		return cand{}
	}
	if m.isP(i+1, '%') || countNouns[m.lowerWord(i+1)] {
		return cand{}
	}
	// 1800s, 1900s: a century (TimeML "18", "19"); 2000s reads as the decade
	if y%100 == 0 && y < 2000 && m.adj(i) && m.isW(i+1, "s") {
		return cand{end: i + 2, typ: article.Date, val: strconv.Itoa(y / 100)}
	}
	// 1990s, 1990's: a decade
	if y%10 == 0 {
		if m.adj(i) && m.isW(i+1, "s") {
			return cand{end: i + 2, typ: article.Date, val: strconv.Itoa(y / 10)[:3] + "X"}
		}
		if m.adj(i) && m.isP(i+1, '\'') && m.adj(i+1) && m.isW(i+2, "s") && m.isW(i-1, "the") {
			return cand{end: i + 3, typ: article.Date, val: strconv.Itoa(y / 10)[:3] + "X"}
		}
	}
	if y < 1600 {
		return cand{} // a bare number in that range is far more often a count
	}
	// "fiscal 1998", "fiscal year 1998": the fiscal year
	if m.isW(i-1, "fiscal") || m.isW(i-1, "year") && m.isW(i-2, "fiscal") {
		return cand{end: i + 1, typ: article.Date, val: "FY" + strconv.Itoa(y)}
	}
	return cand{end: i + 1, typ: article.Date, val: strconv.Itoa(y)}
}

// decadeAt reads "1990s", "'90s", "90s", "nineties" at j.
func (m *matcher) decadeAt(j int) (string, int) {
	// Four digits with a leading zero ("0010s") are no decade: the value
	// below needs a year of four significant digits.
	if m.isNum(j) && m.toks[j].nd == 4 && m.toks[j].num >= 1000 && m.adj(j) && m.isW(j+1, "s") {
		y := m.toks[j].num
		if y%100 == 0 && y < 2000 {
			return strconv.Itoa(y / 100), j + 2 // "the 1800s": a century
		}
		if y%10 == 0 {
			return strconv.Itoa(y / 10)[:3] + "X", j + 2
		}
	}
	k := j
	if m.isP(k, '\'') && m.adj(k) {
		k++
	}
	if m.isNum(k) && m.toks[k].nd == 2 && m.toks[k].num%10 == 0 && m.adj(k) && m.isW(k+1, "s") {
		return "19" + strconv.Itoa(m.toks[k].num/10) + "X", k + 2
	}
	if l := m.lx(j); l != nil && l.decadeW > 0 {
		return "19" + strconv.Itoa(l.decadeW/10) + "X", j + 1
	}
	return "", 0
}

// ampmAt reads "a.m.", "p.m", "am", "pm" at j: 0 none, 1 am, 2 pm.
func (m *matcher) ampmAt(j int) (int, int) {
	w := m.lowerWord(j)
	switch w {
	case "am":
		return 1, j + 1
	case "pm":
		return 2, j + 1
	case "a", "p":
		if m.adj(j) && m.isP(j+1, '.') && m.adj(j+1) && m.isW(j+2, "m") {
			k := j + 3
			if m.adj(j+2) && m.isP(k, '.') {
				k++
			}
			if w == "a" {
				return 1, k
			}
			return 2, k
		}
	}
	return 0, j
}

// clockTime reads "10:35 a.m.", "6 p.m.", "10 o'clock", "0735 GMT",
// "15:00 Moscow time", optionally followed by a day ("9 a.m. EST Tuesday").
func (m *matcher) clockTime(i int) cand {
	tk := m.toks[i]
	h, mins := tk.num, 0
	j := i + 1
	hasMin := false
	if tk.nd <= 2 && m.adj(i) && (m.isP(j, ':') || m.isP(j, '.')) && m.adj(j) && m.isNum(j+1) && m.toks[j+1].nd == 2 &&
		!(m.adj(j+1) && (m.isP(j+2, ':') || m.isP(j+2, '.')) && m.isNum(j+3) && m.adj(j+2)) {
		mins = m.toks[j+1].num
		hasMin = true
		j += 2
	}
	ap, k := m.ampmAt(j)
	ok := false
	if ap > 0 && tk.nd <= 2 {
		if h < 1 || h > 12 {
			return cand{}
		}
		if ap == 2 && h < 12 {
			h += 12
		} else if ap == 1 && h == 12 {
			h = 0
		}
		j = k
		ok = true
	} else if hasMin && (m.isP(j-2, ':') || m.nextIsTZ(j) > 0) {
		// "10:35" with a colon (a dot needs am/pm: "10.35" is a decimal)
		ok = h <= 24
	} else if tk.nd <= 2 && m.isW(j, "o") && m.isP(j+1, '\'') && m.isW(j+2, "clock") {
		j += 3
		ok = h >= 1 && h <= 12
	} else if tk.nd <= 2 && h >= 1 && h <= 12 && m.isW(j, "in") && m.isW(j+1, "the") && m.lx(j+2) != nil &&
		m.lx(j+2).pod >= pMorning && m.lx(j+2).pod <= pNight {
		ok = true // "4 in the morning": the part of day is read below
	} else if tk.nd == 4 && m.nextIsTZ(j) > 0 {
		h, mins = tk.num/100, tk.num%100
		ok = h <= 24
	}
	if !ok || mins > 59 {
		return cand{}
	}
	zulu := ""
	if e := m.nextIsTZ(j); e > 0 {
		if m.isW(j, "utc") || m.isW(j, "gmt") {
			zulu = "Z" // TimeML writes UTC clock times with a Z
		}
		j = e
	}
	if ap == 0 && m.isW(j, "in") && m.isW(j+1, "the") {
		if l := m.lx(j + 2); l != nil && l.pod >= pMorning && l.pod <= pNight {
			if l.pod != pMorning && h < 12 {
				h += 12
			}
			j += 3
		}
	}
	val := "T" + string(pad(nil, h, 2)) + ":" + string(pad(nil, mins, 2)) + zulu
	// a day right after: "9 a.m. Tuesday", "10 p.m. yesterday"
	if dv, e := m.dayAt(j); e > 0 {
		return cand{end: e, typ: article.Time, val: dv + val}
	}
	return cand{end: j, typ: article.Time, val: val}
}

// nextIsTZ reads a time zone at j: "GMT", "EST", "local time", "Moscow time";
// it returns the token after it, or 0.
func (m *matcher) nextIsTZ(j int) int {
	if l := m.lx(j); l != nil && l.tz && m.cap(j) {
		return j + 1
	}
	if (m.isW(j, "local") || m.cap(j)) && m.isW(j+1, "time") && m.sameSent(j, j+1) {
		return j + 2
	}
	return 0
}

// dayAt reads a day reference right at j for a clock time: a weekday,
// today/yesterday/tomorrow, or a month and day.
func (m *matcher) dayAt(j int) (string, int) {
	l := m.lx(j)
	if l == nil {
		return "", 0
	}
	var c cand
	switch {
	case l.wd > 0:
		c = m.weekdayStart(j)
	case l.rel == rToday || l.rel == rYesterday || l.rel == rTomorrow:
		c = m.relStart(j)
	case l.month > 0:
		c = m.monthStart(j)
	}
	if c.end > 0 && len(c.val) == 10 {
		if _, ok := parseDay(c.val); ok || c.val[:4] == "XXXX" {
			return c.val, c.end // "XXXX-XX-XX" without an anchor
		}
	}
	return "", 0
}

// ---- month names ----

func (m *matcher) monthStart(i int) cand {
	l := m.lx(i)
	if l == nil || l.month == 0 || !m.cap(i) {
		return cand{}
	}
	mo := int(l.month)
	j := i + 1
	dotted := false
	if l.abbr && m.isP(j, '.') && m.adj(i) {
		j++ // the abbreviation's dot; a full name's dot ends the sentence
		dotted = true
	}
	if l.abbr && !dotted && !m.isNum(j) {
		return cand{} // "Jan Kavan", "Mar" as a verb
	}
	// Month Day [,] [Year]
	if d, k, ok := m.dayNum(j); ok && m.sameSent(i, k-1) {
		k2 := k
		if m.isP(k2, ',') {
			k2++
		}
		if y, ok := m.yearNum(k2); ok && validDate(y, mo, d) {
			return cand{end: k2 + 1, typ: article.Date, val: fmtDate(civil{y, mo, d})}
		}
		if v := m.monthDayVal(mo, d, m.direction(i, k)); v != "" {
			return cand{end: k, typ: article.Date, val: v}
		}
		return cand{}
	}
	// "October of next year", "March of this year"
	if m.isW(j, "of") {
		if l2 := m.lx(j + 1); l2 != nil && (l2.mod == mThis || l2.mod == mNext || l2.mod == mLast) && m.isW(j+2, "year") {
			off := modOffset(l2.mod)
			if !m.hasAnchor {
				return cand{end: j + 3, typ: article.Date, val: "XXXX-" + string(pad(nil, mo, 2))}
			}
			return cand{end: j + 3, typ: article.Date, val: fmtMonth(m.anchor.y+off, mo)}
		}
	}
	// Month [,] Year; Month of Year
	k := j
	if m.isP(k, ',') || m.isW(k, "of") {
		k++
	}
	if y, ok := m.yearNum(k); ok && !countNouns[m.lowerWord(k+1)] {
		return cand{end: k + 1, typ: article.Date, val: fmtMonth(y, mo)}
	}
	// a bare month name
	prev := m.lowerWord(i - 1)
	if prev == "" && m.isP(i-1, '-') && m.adj(i-1) {
		prev = m.lowerWord(i - 2)
	}
	prevOK := prepsForMonth[prev] && m.sameSent(i-1, i)
	ambiguous := mo == 3 || mo == 4 || mo == 5 || mo == 6 || mo == 8 || l.abbr
	if !prevOK {
		if ambiguous {
			return cand{}
		}
		// "November Group": a name, not a month
		if m.cap(j) && m.sameSent(i, j) && !dotted {
			return cand{}
		}
	}
	return cand{end: j, typ: article.Date, val: m.bareMonthVal(mo, mNone, m.direction(i, j))}
}

// ---- weekdays ----

func (m *matcher) weekdayStart(i int) cand {
	l := m.lx(i)
	if l == nil || l.wd == 0 || !m.cap(i) {
		return cand{}
	}
	j := i + 1
	if l.abbr {
		if !m.isP(j, '.') || !m.adj(i) {
			return cand{} // "Wed" the verb, "Sat" the verb
		}
		j++
	}
	// "Monday, Oct. 26", "Friday 17 December"
	k := j
	if m.isP(k, ',') {
		k++
	}
	if lm := m.lx(k); lm != nil && lm.month > 0 && m.sameSent(i, k) {
		if c := m.monthStart(k); c.end > 0 && len(c.val) == 10 {
			return c
		}
	}
	if m.isNum(k) && m.sameSent(i, k) {
		if c := m.numberStart(k); c.end > 0 && len(c.val) == 10 && c.typ == article.Date {
			return c
		}
	}
	return m.weekdayWith(i, j, int(l.wd), mNone)
}

// weekdayWith resolves weekday wd whose name ends before token j, taking
// a part of day after it ("Friday night").
func (m *matcher) weekdayWith(start, j, wd, mod int) cand {
	if p := m.lx(j); p != nil && p.pod >= pMorning && p.pod <= pNight && m.sameSent(start, j) {
		// The TempEval-3 gold mostly gives "Friday night" the day alone
		// (and mixes up TEV/TNI when it does not), so the part of day is
		// kept in the extent but not in the value.
		return cand{end: j + 1, typ: article.Date, val: m.resolveWeekday(wd, mod, m.direction(start, j+1))}
	}
	dir := m.direction(start, j)
	// "Wednesday's ruling": the day names a determiner of a noun phrase,
	// which the clause's tense does not govern; news reports look back
	// unless the phrase looks ahead ("ahead of Friday's vote").
	if mod == mNone && m.isP(j, '\'') && m.isW(j+1, "s") {
		dir = tPast
		for k := start - 1; k >= 0 && k >= start-3 && m.sameSent(k, start); k-- {
			switch m.lowerWord(k) {
			case "ahead", "upcoming", "next", "before", "until", "till", "awaiting", "await":
				dir = tFuture
			}
		}
	}
	return cand{end: j, typ: article.Date, val: m.rangeEnd(start, m.resolveWeekday(wd, mod, dir))}
}

// rangeEnd keeps the second day of a range ("from Monday to Wednesday",
// "Monday through Friday") on or after the first: a day value that the
// tense put before the day just read moves a week on.
func (m *matcher) rangeEnd(start int, val string) string {
	if mod := start - 1; !(m.isW(mod, "to") || m.isW(mod, "through") || m.isW(mod, "until") || m.isW(mod, "till") || m.isP(mod, '-')) {
		return val
	}
	if len(m.out) == 0 || len(m.outTok) == 0 {
		return val
	}
	last := len(m.out) - 1
	if pe := m.outTok[last][1]; pe < start-2 || pe > start-1 || !m.sameSent(m.outTok[last][0], start) {
		return val
	}
	first, ok1 := parseDay(m.out[last].Value)
	d, ok2 := parseDay(val)
	if !ok1 || !ok2 || !d.before(first) {
		return val
	}
	return fmtDate(d.addDays(7))
}

// ---- "today", "now" ----

func (m *matcher) relStart(i int) cand {
	l := m.lx(i)
	j := i + 1
	off := 0
	switch l.rel {
	case rToday:
		if m.isP(j, '\'') && m.isW(j+1, "s") && !todaysEvent[m.lowerWord(j+2)] {
			return cand{} // "today's youth": generic; "today's vote" is today
		}
	case rYesterday:
		off = -1
	case rTomorrow:
		off = 1
	case rTonight:
		return cand{end: j, typ: article.Date, val: m.dayVal(0)} // as the gold: the day
	case rNow, rNowadays, rCurrently:
		if m.isP(j, '-') && m.adj(i) {
			return cand{} // "now-defunct": part of an adjective
		}
		return cand{end: j, typ: article.Date, val: "PRESENT_REF"}
	case rCurrent:
		// "current" as in "the current crisis"; not the noun or the finance term
		if m.word(i) != "current" || m.isW(j, "account") || m.isW(j, "accounts") || m.isW(j, "affairs") || m.word(j) == "" {
			return cand{}
		}
		return cand{end: j, typ: article.Date, val: "PRESENT_REF"}
	case rFuture:
		// "the future", "Elian's future", "future disasters" (the TempEval
		// gold tags the adjective too); not "a future in which ...", nor a
		// capitalised name ("Future Forum")
		p := m.lowerWord(i - 1)
		if p == "a" || p == "any" || p == "no" || m.cap(i) && m.sameSent(i-1, i) && m.toks[i-1].kind == kWord {
			return cand{}
		}
		return cand{end: j, typ: article.Date, val: "FUTURE_REF"}
	default:
		return cand{}
	}
	if p := m.lx(j); p != nil && p.pod >= pMorning && p.pod <= pNight && m.sameSent(i, j) {
		return cand{end: j + 1, typ: article.Date, val: m.dayVal(off)}
	}
	return cand{end: j, typ: article.Date, val: m.dayVal(off)}
}

// todaysEvent are the nouns after "today's" that name the day's own event
// ("today's vote", "today's announcement"): the day, where "today's
// youth" is the present age.
var todaysEvent = map[string]bool{
	"announcement": true, "game": true, "meeting": true, "vote": true, "decision": true, "ruling": true,
	"session": true, "talks": true, "statement": true, "election": true, "match": true, "race": true,
	"rally": true, "speech": true, "hearing": true, "summit": true, "ceremony": true, "debate": true,
	"briefing": true, "attack": true, "strike": true, "deadline": true, "trading": true, "edition": true,
	"launch": true, "verdict": true, "visit": true, "protest": true, "march": true, "event": true,
	"news": true, "press": true, "final": true, "agreement": true, "deal": true, "report": true,
}

// ---- quantities and durations ----

// quantity reads a number at i: digits ("3", "2.5", "5 1/2"), number words
// ("three", "twenty-five", "a", "a couple of", "half a"), or a vague
// quantity ("several", "a few"). n < 0 means vague; art marks "a"/"an"/"one".
func (m *matcher) quantity(i int) (n float64, j int, art bool, ok bool) {
	if m.isNum(i) {
		tk := m.toks[i]
		if tk.num < 0 || m.isP(i-1, '$') || m.isP(i-1, 1) && m.adj(i-1) {
			return 0, 0, false, false
		}
		if (m.isP(i-1, ',') || m.isP(i-1, '.')) && m.adj(i-1) && m.isNum(i-2) && m.adj(i-2) {
			return 0, 0, false, false // the tail of "1,500"
		}
		n = float64(tk.num)
		j = i + 1
		if m.adj(i) && m.isP(j, ',') && m.isNum(j+1) && m.adj(j) && m.toks[j+1].nd == 3 {
			return 0, 0, false, false // "1,500" starts here: thousands are not durations
		}
		if m.adj(i) && m.isP(j, '.') && m.adj(j) && m.isNum(j+1) {
			f, _ := strconv.ParseFloat(m.text[tk.s:m.toks[j+1].e], 64)
			n, j = f, j+2
		}
		// "5 1/2"
		if m.isNum(j) && m.adj(j) && m.isP(j+1, '/') && m.adj(j+1) && m.isNum(j+2) && m.toks[j+2].num > 0 {
			n += float64(m.toks[j].num) / float64(m.toks[j+2].num)
			j += 3
		}
		return n, j, false, true
	}
	l := m.lx(i)
	if l == nil {
		return 0, 0, false, false
	}
	w := m.lowerWord(i)
	switch {
	case w == "half":
		if m.isW(i+1, "a") || m.isW(i+1, "an") {
			return 0.5, i + 2, false, true
		}
		return 0, 0, false, false
	case w == "a" || w == "an":
		switch {
		case m.isW(i+1, "few"):
			return -1, i + 2, false, true
		case m.isW(i+1, "couple") && m.isW(i+2, "of"):
			return 2, i + 3, false, true
		case m.isW(i+1, "dozen"):
			return 12, i + 2, false, true
		case m.isW(i+1, "half") && m.isW(i+2, "dozen"):
			return 6, i + 3, false, true
		}
		return 1, i + 1, true, true
	case l.vague:
		if m.isW(i+1, "of") {
			return 0, 0, false, false
		}
		return -1, i + 1, false, true
	case l.num > 0 && w != "couple" && w != "hundred" && w != "dozen":
		n = float64(l.num)
		j = i + 1
		if l.num >= 20 && l.num%10 == 0 {
			k := j
			if m.isP(k, '-') && m.adj(i) {
				k++
			}
			if u := m.lx(k); u != nil && u.num > 0 && u.num < 10 && m.word(k) != "a" && m.word(k) != "an" {
				n += float64(u.num)
				j = k + 1
			}
		}
		if m.isW(j, "hundred") {
			n *= 100
			j++
		}
		// "two and a half years"
		if m.isW(j, "and") && m.isW(j+1, "a") && m.isW(j+2, "half") {
			n += 0.5
			j += 3
		}
		return n, j, w == "one", true
	}
	return 0, 0, false, false
}

// quantityStart reads "three days", "40 years", "a decade ago", "16-hour",
// "several weeks", and suppresses ages ("44-year-old"). start is where the
// extent begins (an approximator such as "more than" may precede i).
func (m *matcher) quantityStart(start, i int) cand {
	n, j, art, ok := m.quantity(i)
	if !ok {
		return cand{}
	}
	hyph := false
	if m.isP(j, '-') && m.adj(j-1) && m.adj(j) {
		j++
		hyph = true
	} else if n > 0 && !art {
		// "two more weeks", "six straight days", "two full years"
		switch m.lowerWord(j) {
		case "more", "additional", "further", "full", "straight", "consecutive", "successive", "extra":
			if u := m.lx(j + 1); u != nil && u.unit > uNone {
				j++
			}
		}
	}
	u := m.lx(j)
	if u == nil || u.unit == uNone || !m.sameSent(i, j) {
		return cand{}
	}
	// "60 Minutes", "Six Days War": a capitalised unit after a number is a name
	if m.cap(j) {
		return cand{}
	}
	unit := u.unit
	switch unit {
	case uQuarter, uWeekend:
		return cand{}
	case uSecond:
		if art || n < 0 {
			return cand{} // "a second": the ordinal
		}
	case uNight:
		if art {
			return cand{}
		}
	}
	j++
	// ages: "a 44-year-old man", "six-year-old", "50 years old", "the 50-year-old alliance"
	if m.isP(j, '-') && m.adj(j-1) && m.isW(j+1, "old") {
		return cand{end: j + 2, suppress: true}
	}
	if m.isW(j, "old") || m.isW(j, "of") && m.isW(j+1, "age") {
		return cand{end: j + 1, suppress: true}
	}
	if hyph && m.isP(j, '-') && m.adj(j-1) && m.isW(j+1, "long") {
		j += 2
	}
	// "a year and a half"
	if !hyph && m.isW(j, "and") && m.isW(j+1, "a") && m.isW(j+2, "half") && n > 0 {
		n += 0.5
		j += 3
	}
	if m.isW(j, "ago") || m.isW(j, "earlier") && m.isP(j+1, '.') {
		return cand{end: j + 1, typ: article.Date, val: m.agoVal(n, unit, -1)}
	}
	if m.isW(j, "from") && m.isW(j+1, "now") || m.isW(j, "hence") {
		e := j + 2
		if m.isW(j, "hence") {
			e = j + 1
		}
		return cand{end: e, typ: article.Date, val: m.agoVal(n, unit, 1)}
	}
	// "twice a day", "three times a year", "$5 a day", "24 hours a day": frequencies
	if art && !hyph && m.word(i) != "one" {
		p := m.lowerWord(start - 1)
		pl := m.lx(start - 1)
		if p == "times" || p == "twice" || p == "once" || p == "thrice" || m.isNum(start-1) ||
			pl != nil && pl.unit > uNone && pl.plural {
			return cand{end: j, typ: article.Set, val: durationValue(1, unit)}
		}
	}
	return cand{end: j, typ: article.Duration, val: durationValue(n, unit)}
}

// agoVal resolves "N units ago" (sign -1) or "N units from now" (+1).
func (m *matcher) agoVal(n float64, unit int8, sign int) string {
	ref := "PAST_REF"
	if sign > 0 {
		ref = "FUTURE_REF"
	}
	if n < 0 || !m.hasAnchor {
		return ref
	}
	k := int(n+0.5) * sign
	if float64(int(n)) != n && unit != uYear && unit != uDay {
		return ref
	}
	switch unit {
	case uDay, uNight:
		return m.dayVal(k)
	case uWeek:
		return m.weekVal(k)
	case uFortnight:
		return m.weekVal(2 * k)
	case uMonth:
		return m.monthVal(k)
	case uYear:
		return m.yearVal(k)
	case uDecade:
		return m.yearVal(10 * k)
	case uCentury:
		return m.yearVal(100 * k)
	}
	return ref
}

// approxStart reads "more than", "at least", "about", "nearly" ... before
// a duration, keeping them inside the extent as TimeML does.
func (m *matcher) approxStart(i int) cand {
	l := m.lx(i)
	j := i + 1
	switch l.approx {
	case aMore, aLess:
		if !m.isW(j, "than") {
			return cand{}
		}
		j++
	case aAt:
		if !m.isW(j, "least") && !m.isW(j, "most") {
			return cand{}
		}
		j++
	case aUp:
		if !m.isW(j, "to") {
			return cand{}
		}
		j++
	}
	if m.isNum(j) || m.lx(j) != nil {
		if c := m.quantityStart(i, j); c.end > 0 && !c.suppress {
			return c
		}
	}
	return cand{}
}

// barePlural reads unit plurals used as vague durations: "for years",
// "after weeks of talks", "in recent days" (the last via modStart).
func (m *matcher) barePlural(i int) cand {
	u := m.lx(i)
	switch u.unit {
	case uQuarter, uWeekend, uNight, uSecond:
		return cand{}
	}
	// "decades-long", "months-long"
	if m.adj(i) && m.isP(i+1, '-') && m.adj(i+1) && m.isW(i+2, "long") {
		return cand{end: i + 3, typ: article.Duration, val: durationValue(-1, vagueUnit(u.unit))}
	}
	p := m.lowerWord(i - 1)
	if p == "the" {
		// "over the years", "in the weeks that followed"
		switch m.lowerWord(i - 2) {
		case "over", "in", "through", "during", "throughout":
			return cand{end: i + 1, typ: article.Duration, val: durationValue(-1, vagueUnit(u.unit))}
		}
	}
	switch p {
	case "for", "after", "within", "over", "in", "recent", "coming", "past", "those", "these":
		if m.isW(i+1, "ago") {
			return cand{end: i + 2, typ: article.Date, val: "PAST_REF"}
		}
		return cand{end: i + 1, typ: article.Duration, val: durationValue(-1, vagueUnit(u.unit))}
	}
	return cand{}
}

// vagueUnit maps decades and centuries to years for "PXY".
func vagueUnit(u int8) int8 {
	if u == uDecade || u == uCentury {
		return uYear
	}
	return u
}

// unitLong reads "day-long", "year-long".
func (m *matcher) unitLong(i int) cand {
	u := m.lx(i)
	if m.adj(i) && m.isP(i+1, '-') && m.adj(i+1) && m.isW(i+2, "long") {
		return cand{end: i + 3, typ: article.Duration, val: durationValue(1, u.unit)}
	}
	return cand{}
}

// noonStart reads "noon", "midnight", "midday", with a day after it.
func (m *matcher) noonStart(i int) cand {
	l := m.lx(i)
	val := podCodes[l.pod]
	if dv, e := m.dayAt(i + 1); e > 0 {
		return cand{end: e, typ: article.Time, val: dv + val}
	}
	return cand{end: i + 1, typ: article.Time, val: val}
}

// seasonStart reads "fall 1998", "spring of 1999".
func (m *matcher) seasonStart(i int) cand {
	l := m.lx(i)
	k := i + 1
	if m.isW(k, "of") {
		k++
	}
	if y, ok := m.yearNum(k); ok {
		return cand{end: k + 1, typ: article.Date, val: fmtYear(y) + "-" + seasonCodes[l.season]}
	}
	return cand{}
}

// holidayStart reads holidays from the table, with an optional year.
func (m *matcher) holidayStart(i int, mod int) cand {
	if !m.cap(i) {
		return cand{}
	}
	for _, h := range holidays {
		j := i
		okw := true
		for _, w := range h.words {
			if w == "'" {
				if !m.isP(j, '\'') {
					okw = false
					break
				}
			} else if !m.isW(j, w) {
				okw = false
				break
			}
			j++
		}
		if !okw {
			continue
		}
		// "Easter Island", "Christmas Island": a name, not the feast
		if m.cap(j) && m.sameSent(i, j) && m.lx(j) == nil {
			return cand{}
		}
		k := j
		if m.isP(k, ',') {
			k++
		}
		if y, ok := m.yearNum(k); ok {
			mo, d := h.date(y)
			return cand{end: k + 1, typ: article.Date, val: fmtDate(civil{y, mo, d})}
		}
		if !m.hasAnchor {
			mo, d := h.date(2000)
			if h.words[0] == "christmas" || h.words[0] == "new" || h.words[0] == "halloween" ||
				h.words[0] == "independence" || h.words[0] == "valentine" || h.words[0] == "veterans" {
				return cand{end: j, typ: article.Date, val: "XXXX-" + string(pad(nil, mo, 2)) + "-" + string(pad(nil, d, 2))}
			}
			return cand{end: j, typ: article.Date, val: "XXXX-XX-XX"}
		}
		a := m.anchor
		at := func(y int) civil { mo, d := h.date(y); return civil{y, mo, d} }
		c := at(a.y)
		switch {
		case mod == mLast || mod == mPast || mod == mPrevious:
			if !c.before(a) {
				c = at(a.y - 1)
			}
		case mod == mNext || mod == mComing || mod == mUpcoming:
			if !a.before(c) {
				c = at(a.y + 1)
			}
		default:
			// like a month and day: the occurrence nearest the anchor
			diff := c.time().Sub(a.time()).Hours() / 24
			if diff > 183 {
				c = at(a.y - 1)
			} else if diff < -183 {
				c = at(a.y + 1)
			}
		}
		return cand{end: j, typ: article.Date, val: fmtDate(c)}
	}
	return cand{}
}

// setStart reads frequency adverbs: "daily", "weekly", "annually".
func (m *matcher) setStart(i int) cand {
	l := m.lx(i)
	// "Daily Nation", "Weekly Standard": a title mid-sentence (the gold
	// does tag the lowercase noun, "the party daily")
	if m.cap(i) && m.sameSent(i-1, i) && m.toks[i-1].kind == kWord {
		return cand{}
	}
	// "annual" only lowercase: "Annual Meeting", "the Annual Report" are titles
	if m.isW(i, "annual") && m.cap(i) {
		return cand{}
	}
	var val string
	switch l.set {
	case sDaily:
		val = "P1D"
	case sWeekly:
		val = "P1W"
	case sMonthly:
		val = "P1M"
	case sAnnually:
		val = "P1Y"
	case sHourly:
		val = "PT1H"
	case sNightly:
		val = "XXXX-XX-XXTNI"
	case sQuarterly:
		val = "P3M"
	case sBiweekly:
		val = "P2W"
	default:
		return cand{}
	}
	return cand{end: i + 1, typ: article.Set, val: val}
}
