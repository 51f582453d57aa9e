package timex

import (
	"strconv"

	"github.com/parley-news/parley/internal/article"
)

// Expressions that start with a modifier: "last week", "the past three
// weeks", "early next year", "every Monday", "that day".

func (m *matcher) modStart(i int) cand {
	l := m.lx(i)
	switch l.mod {
	case mThe:
		// "the day before yesterday", "the day after tomorrow"
		if m.isW(i+1, "day") && (m.isW(i+2, "before") && m.isW(i+3, "yesterday") || m.isW(i+2, "after") && m.isW(i+3, "tomorrow")) {
			off := -2
			if m.isW(i+2, "after") {
				off = 2
			}
			return cand{end: i + 4, typ: article.Date, val: m.dayVal(off)}
		}
		return m.theStart(i)
	case mEarly, mLate, mMid, mEarlier, mLater:
		return m.fuzzyStart(i)
	case mEvery, mEach:
		return m.everyStart(i)
	case mThat, mSame:
		if m.isW(i, "those") {
			return m.relUnitStart(i, false) // "those days"
		}
		return m.thatStart(i, i)
	}
	return m.relUnitStart(i, false)
}

// relUnitStart reads last/next/this/coming/past/previous/following/recent
// + weekday, month, season, holiday, unit or quantity. withThe says a "the"
// came before ("the past week" is a duration, "last week" a date).
func (m *matcher) relUnitStart(i int, withThe bool) cand {
	l := m.lx(i)
	if l == nil || l.mod == mNone {
		return cand{}
	}
	// "this past weekend", "this past Monday": the last one
	if l.mod == mThis && m.isW(i+1, "past") && m.sameSent(i, i+2) {
		if c := m.relUnitMod(i+1, mLast, false); c.end > 0 && c.typ == article.Date {
			return c
		}
	}
	return m.relUnitMod(i, int(l.mod), withThe)
}

// relUnitMod is relUnitStart for modifier mod at token i.
func (m *matcher) relUnitMod(i, mod int, withThe bool) cand {
	j := i + 1
	lj := m.lx(j)
	if lj == nil && !m.isNum(j) {
		return cand{}
	}
	if !m.sameSent(i, j) {
		return cand{}
	}
	if lj != nil {
		switch {
		case lj.wd > 0 && m.cap(j) && mod != mRecent && mod != mPast && (!lj.abbr || m.isP(j+1, '.')):
			return m.weekdayWith(i, j+1, int(lj.wd), mod)
		case lj.month > 0 && !lj.abbr && m.cap(j) && mod != mRecent:
			k := j + 1
			if y, ok := m.yearNum(k); ok {
				return cand{end: k + 1, typ: article.Date, val: fmtMonth(y, int(lj.month))}
			}
			if !m.hasAnchor {
				return cand{end: k, typ: article.Date, val: "XXXX-" + string(pad(nil, int(lj.month), 2))}
			}
			return cand{end: k, typ: article.Date, val: fmtMonth(m.yearForMonth(int(lj.month), mod, m.direction(i, k)), int(lj.month))}
		case lj.season > 0 && mod != mRecent:
			return cand{end: j + 1, typ: article.Date, val: m.seasonVal(int(lj.season), mod, m.direction(i, j+1))}
		case lj.hol:
			if c := m.holidayStart(j, mod); c.end > 0 {
				return c
			}
		case lj.pod >= pMorning && lj.pod <= pNight && (mod == mThis || mod == mLast && lj.pod == pNight):
			off := 0
			if mod == mLast {
				off = -1
			}
			return cand{end: j + 1, typ: article.Date, val: m.dayVal(off)}
		}
	}
	// "the past three weeks", "next two years", "the last few days"
	durMod := mod == mPast || mod == mLast || mod == mNext || mod == mComing || mod == mPrevious ||
		mod == mFollowing || mod == mRecent || mod == mUpcoming || mod == mThis
	if durMod {
		if n, k, art, ok := m.quantity(j); ok && !art {
			if u := m.lx(k); u != nil && u.unit > uNone && u.unit != uQuarter && u.unit != uWeekend && m.sameSent(j, k) {
				return cand{end: k + 1, typ: article.Duration, val: durationValue(n, u.unit)}
			}
		}
	}
	if lj == nil || lj.unit == uNone {
		return cand{}
	}
	unit := lj.unit
	end := j + 1
	if lj.plural {
		// "these days" is now; "those days" is then
		if unit == uDay && m.isW(i, "these") {
			return cand{end: end, typ: article.Date, val: "PRESENT_REF"}
		}
		if unit == uDay && m.isW(i, "those") {
			return cand{end: end, typ: article.Date, val: "PAST_REF"}
		}
		// "recent weeks", "the coming days", "the past years"
		if durMod && unit != uWeekend && unit != uQuarter && unit != uNight {
			return cand{end: end, typ: article.Duration, val: durationValue(-1, vagueUnit(unit))}
		}
		return cand{}
	}
	// singular unit: "past decade", "the past week" are durations
	if mod == mPast || mod == mRecent || withThe && (mod == mLast || mod == mNext || mod == mComing) && unit != uWeekend {
		if unit == uQuarter || unit == uNight {
			return cand{}
		}
		return cand{end: end, typ: article.Duration, val: durationValue(1, unit)}
	}
	off := 0
	switch mod {
	case mLast, mPrevious:
		off = -1
	case mNext, mComing, mFollowing, mUpcoming:
		off = 1
	case mThis, mCurrent: // "the current quarter" = this quarter
		off = 0
	default:
		return cand{}
	}
	// "the following year", "the previous month": counted from the time
	// the story is narrating (the last date mentioned), not from the anchor
	if mod == mFollowing || mod == mPrevious {
		switch {
		case unit == uYear && m.refYear > 0:
			return cand{end: end, typ: article.Date, val: fmtYear(m.refYear + off)}
		case unit == uMonth && m.hasRef:
			y, mo := addMonths(m.ref.y, m.ref.m, off)
			return cand{end: end, typ: article.Date, val: fmtMonth(y, mo)}
		case unit == uWeek && m.hasRef:
			return cand{end: end, typ: article.Date, val: fmtWeek(m.ref.addDays(7 * off))}
		}
	}
	switch unit {
	case uDay:
		if mod == mThis {
			return cand{}
		}
		// "the next day", "the previous day": from the last date mentioned
		ref := m.refDay()
		if ref == "" {
			return cand{}
		}
		d, _ := parseDay(ref)
		return cand{end: end, typ: article.Date, val: fmtDate(d.addDays(off))}
	case uWeek:
		return cand{end: end, typ: article.Date, val: m.weekVal(off)}
	case uWeekend:
		return cand{end: end, typ: article.Date, val: m.weekendVal(off, tNone)}
	case uMonth:
		return cand{end: end, typ: article.Date, val: m.monthVal(off)}
	case uYear:
		return cand{end: end, typ: article.Date, val: m.yearVal(off)}
	case uQuarter:
		return cand{end: end, typ: article.Date, val: m.quarterVal(off)}
	case uDecade:
		if !m.hasAnchor {
			return cand{end: end, typ: article.Date, val: "XXXX"}
		}
		return cand{end: end, typ: article.Date, val: strconv.Itoa((m.anchor.y+10*off)/10) + "X"}
	case uCentury:
		if !m.hasAnchor {
			return cand{end: end, typ: article.Date, val: "XX"}
		}
		return cand{end: end, typ: article.Date, val: strconv.Itoa((m.anchor.y + 100*off) / 100)}
	case uNight:
		if mod == mLast {
			return cand{end: end, typ: article.Date, val: m.dayVal(-1)}
		}
	}
	return cand{}
}

// weekendVal gives the ISO week of a weekend: off weeks from the anchor's;
// for "the weekend" (off 0) a past tense on a weekday means the one before.
func (m *matcher) weekendVal(off, dir int) string {
	if !m.hasAnchor {
		return "XXXX-WXX-WE"
	}
	a := m.anchor
	if off == 0 && dir == tPast && a.weekday() < 6 {
		off = -1
	}
	return fmtWeek(a.addDays(7*off)) + "-WE"
}

// refDay is the last fully specified day mentioned, else the anchor's.
func (m *matcher) refDay() string {
	if m.hasRef {
		return m.day(m.ref)
	}
	if m.hasAnchor {
		return m.day(m.anchor)
	}
	return ""
}

// theStart reads expressions that begin with "the".
func (m *matcher) theStart(i int) cand {
	j := i + 1
	if !m.sameSent(i, j) {
		return cand{}
	}
	var best cand
	try := func(c cand) {
		if c.end > best.end {
			best = c
		}
	}
	lj := m.lx(j)
	if lj == nil && !m.isNum(j) && !m.isP(j, '\'') {
		return cand{}
	}
	if v, e := m.decadeAt(j); e > 0 {
		try(cand{end: e, typ: article.Date, val: v})
	}
	try(m.theOrdinalDay(i, j))
	if lj == nil {
		return best
	}
	w := m.lowerWord(j)
	switch {
	case lj.rel == rFuture:
		try(cand{end: j + 1, typ: article.Date, val: "FUTURE_REF"})
	case w == "past" || w == "present":
		// "in the past," as a noun: nothing countable follows
		nx := m.lowerWord(j + 1)
		if m.toks[j].e == len(m.text) || j+1 >= len(m.toks) || m.toks[j+1].kind == kPunct ||
			nx == "and" || nx == "or" || nx == "but" || nx == "when" || nx == "that" || nx == "to" || nx == "as" {
			v := "PAST_REF"
			if w == "present" {
				v = "PRESENT_REF"
			}
			try(cand{end: j + 1, typ: article.Date, val: v})
		}
	case w == "time" && m.isW(j+1, "being") && m.isW(i-1, "for"):
		// "for the time being": for now
		try(cand{end: j + 2, typ: article.Date, val: "PRESENT_REF"})
	case lj.unit == uWeekend && !lj.plural:
		try(cand{end: j + 1, typ: article.Date, val: m.weekendVal(0, m.direction(i, j+1))})
	case lj.ord != 0:
		// "the first quarter [of 1998]", "the second half of the year",
		// "the final quarter of 2009"
		try(m.partOfYear(i, j))
	case lj.season > 0:
		// "in the spring", "the fall of 1998"; not "the fall of the Berlin Wall"
		if c := m.seasonStart(j); c.end > 0 {
			try(c)
		} else if !m.isW(j+1, "of") {
			switch m.lowerWord(i - 1) {
			case "in", "during", "by", "until", "since", "through", "over", "for":
				try(cand{end: j + 1, typ: article.Date, val: m.seasonVal(int(lj.season), mNone, m.direction(i, j+1))})
			}
		}
	case w == "week" && m.isW(j+1, "of"):
		// "the week of March 6"
		if lm := m.lx(j + 2); lm != nil && lm.month > 0 {
			if c := m.monthStart(j + 2); c.end > 0 && len(c.val) == 10 {
				if d, ok := parseDay(c.val); ok {
					try(cand{end: c.end, typ: article.Date, val: fmtWeek(d)})
				}
			}
		}
	}
	if w == "end" || w == "beginning" || w == "start" || w == "middle" || w == "turn" {
		try(m.boundaryOf(i, j))
	}
	if lj.mod == mSame || lj.mod == mNext || lj.mod == mFollowing || lj.mod == mPrevious ||
		w == "day" || w == "night" {
		try(m.thatStart(i, j))
	}
	if lj.mod == mSame {
		try(m.sameAgo(i, j))
	}
	if lj.mod > mNone && lj.mod != mThe && lj.mod != mThat {
		switch lj.mod {
		case mEarly, mLate, mMid:
			try(m.fuzzyStart(j))
		default:
			try(m.relUnitStart(j, true))
		}
	}
	return best
}

// sameAgo reads "the same month a year ago", "the same period last
// year", "the same quarter a year earlier": the period of the last date
// written with that precision ("in January, compared to the same month a
// year ago" is January of the year before), a year back. Without a year
// back ("the same month") it is left to thatStart. i is "the", j "same".
func (m *matcher) sameAgo(i, j int) cand {
	k := j + 1
	var want func(v string) bool
	switch m.lowerWord(k) {
	case "month":
		want = func(v string) bool { return len(v) == 7 && v[4] == '-' && v[5] != 'Q' && v[5] != 'H' && v[5] != 'W' }
	case "quarter":
		want = func(v string) bool { return len(v) == 7 && v[4] == '-' && v[5] == 'Q' }
	case "period", "time":
		want = func(v string) bool { return len(v) >= 7 && v[4] == '-' }
	case "day", "date":
		want = func(v string) bool { return len(v) == 10 && v[4] == '-' && v[7] == '-' }
	default:
		return cand{}
	}
	end := m.yearBack(k + 1)
	if end == 0 || !m.sameSent(i, end-1) {
		return cand{}
	}
	for n := len(m.out) - 1; n >= 0; n-- {
		v := m.out[n].Value
		if m.out[n].Type != article.Date || len(v) < 7 || !allDigits(v[:4]) || !want(v) {
			continue
		}
		y, _ := strconv.Atoi(v[:4])
		return cand{end: end, typ: article.Date, val: fmtYear(y-1) + v[4:]}
	}
	return cand{}
}

// yearBack reads "a year ago", "a year earlier", "one year before", "last
// year", "of last year", "the previous year", "the year before" at i and
// returns its end, 0 when there is none.
func (m *matcher) yearBack(i int) int {
	if m.isW(i, "of") {
		i++
	}
	switch {
	case (m.isW(i, "a") || m.isW(i, "one")) && m.isW(i+1, "year") && (m.isW(i+2, "ago") || m.isW(i+2, "earlier") || m.isW(i+2, "before")):
		return i + 3
	case m.isW(i, "last") && m.isW(i+1, "year"):
		return i + 2
	case m.isW(i, "the") && (m.isW(i+1, "previous") || m.isW(i+1, "prior")) && m.isW(i+2, "year"):
		return i + 3
	case m.isW(i, "the") && m.isW(i+1, "year") && (m.isW(i+2, "before") || m.isW(i+2, "earlier")):
		return i + 3
	}
	return 0
}

// theOrdinalDay reads "on the 16th" after a date: the day of the month
// of the last full date mentioned ("spoke on March 14th, and she replied
// on the 16th"). Only after a preposition of time and before no noun, so
// that "the 16th floor" and "the 16th century" stay out; i is "the", j
// the number.
func (m *matcher) theOrdinalDay(i, j int) cand {
	if !m.hasRef || !m.isNum(j) || m.toks[j].nd > 2 || !m.adj(j) {
		return cand{}
	}
	switch m.lowerWord(j + 1) {
	case "th", "st", "nd", "rd":
	default:
		return cand{}
	}
	switch m.lowerWord(i - 1) {
	case "on", "by", "until", "till", "from", "since", "before", "after":
	default:
		return cand{}
	}
	if k := j + 2; k < len(m.toks) && m.sameSent(j, k) && m.toks[k].kind == kWord {
		switch m.lowerWord(k) {
		case "and", "or", "but", "when", "as", "at", "in", "to", "with":
		default:
			return cand{}
		}
	}
	d := m.toks[j].num
	if !validDate(m.ref.y, m.ref.m, d) {
		return cand{}
	}
	return cand{end: j + 2, typ: article.Date, val: fmtDate(civil{m.ref.y, m.ref.m, d})}
}

// quarterCode reads the business page's "Q3", "Q1 2024" and "H1 2022":
// a capital Q or H touching one digit. Without a year, a quarter is
// placed as "the third quarter" is.
func (m *matcher) quarterCode(i int) cand {
	w := m.word(i)
	if len(w) != 1 || !m.adj(i) || !m.isNum(i+1) || m.toks[i+1].nd != 1 {
		return cand{}
	}
	ord := m.toks[i+1].num
	half := w == "H"
	if w != "Q" && !half || ord < 1 || ord > 4 || half && ord > 2 {
		return cand{}
	}
	// "H1N1", "Q3-class": letters or digits touching the code
	if m.adj(i+1) && i+2 < len(m.toks) && (m.toks[i+2].kind != kPunct || m.isP(i+2, '-')) {
		return cand{}
	}
	if i > 0 && m.adj(i-1) && m.toks[i-1].kind != kPunct {
		return cand{}
	}
	end := i + 2
	year := ""
	k := end
	if m.isP(k, '/') && m.adj(k-1) && m.adj(k) {
		k++ // "Q3/2022"
	}
	if y, ok := m.yearNum(k); ok && m.sameSent(i, k) {
		year, end = fmtYear(y), k+1
	}
	if year == "" {
		// Alone, "H1" is as often a chip or a visa, and "Q3" after a
		// name a car ("Audi Q3"): a half needs its year, a quarter a
		// lower-case word or a sentence start before it.
		if !m.hasAnchor || half || i > 0 && m.sameSent(i-1, i) && (m.cap(i-1) || m.isP(i-1, '\'')) {
			return cand{}
		}
		year = m.yearVal(0)
		cur := (m.anchor.m-1)/3 + 1
		if half {
			cur = (m.anchor.m-1)/6 + 1
		}
		if (!half && ord >= cur+2 || half && ord > cur) && m.direction(i, end) != tFuture {
			year = m.yearVal(-1)
		}
	}
	code := "-Q"
	if half {
		code = "-H"
	}
	return cand{end: end, typ: article.Date, val: year + code + strconv.Itoa(ord)}
}

// boundaryOf reads "the end of the year", "the beginning of March", "the
// start of 2009", "the turn of the century" (j is "end"): the value is
// the inner period's, as TimeML keeps the boundary in a MOD attribute.
func (m *matcher) boundaryOf(i, j int) cand {
	if !m.isW(j+1, "of") || !m.sameSent(i, j+2) {
		return cand{}
	}
	k := j + 2
	if y, ok := m.yearNum(k); ok {
		return cand{end: k + 1, typ: article.Date, val: fmtYear(y)}
	}
	l := m.lx(k)
	if l == nil {
		return cand{}
	}
	var c cand
	switch {
	case l.month > 0:
		c = m.monthStart(k)
	case l.mod == mThe:
		// "the end of the year / month / week / decade / century"
		switch m.lowerWord(k + 1) {
		case "year":
			c = cand{end: k + 2, typ: article.Date, val: m.yearVal(0)}
		case "month":
			c = cand{end: k + 2, typ: article.Date, val: m.monthVal(0)}
		case "week":
			c = cand{end: k + 2, typ: article.Date, val: m.weekVal(0)}
		case "century":
			if m.hasAnchor {
				c = cand{end: k + 2, typ: article.Date, val: strconv.Itoa(m.anchor.y / 100)}
			}
		default:
			c = m.theStart(k)
		}
	case l.mod == mThis || l.mod == mNext || l.mod == mLast:
		c = m.relUnitStart(k, false)
	}
	if c.end > 0 && c.typ == article.Date && !c.suppress {
		return c
	}
	return cand{}
}

// partOfYear reads "the first quarter [of 1998 | of this/next/last year]"
// and "the second half [of ...]"; j is the ordinal.
func (m *matcher) partOfYear(i, j int) cand {
	l := m.lx(j)
	if l == nil || l.ord == 0 {
		return cand{}
	}
	ord := int(l.ord)
	u := j + 1
	if m.isP(u, '-') && m.adj(j) && m.adj(u) {
		u++ // "third-quarter results"
	}
	half := m.isW(u, "half")
	if !half && !m.isW(u, "quarter") || !m.sameSent(j, u) {
		return cand{}
	}
	end := u + 1
	if ord < 0 {
		// "the last quarter" alone is a duration-like phrase; "the last
		// quarter of 2009" is Q4
		if !m.isW(end, "of") {
			return cand{}
		}
		ord = 4
		if half {
			ord = 2
		}
	}
	if half && ord > 2 {
		return cand{}
	}
	year := ""
	if m.isW(end, "of") {
		k := end + 1
		if y, ok := m.yearNum(k); ok {
			year, end = fmtYear(y), k+1
		} else if m.isW(k, "the") && m.isW(k+1, "year") {
			year, end = m.yearVal(0), k+2
		} else if l := m.lx(k); l != nil && (l.mod == mThis || l.mod == mNext || l.mod == mLast) && m.isW(k+1, "year") {
			off := modOffset(l.mod)
			year, end = m.yearVal(off), k+2
		}
	}
	if year == "" && (half || m.isW(end, "of")) {
		// "the second half" (of a match), "the first quarter of the game":
		// a half needs its year, and "of" must name one
		return cand{}
	}
	if year == "" {
		year = m.yearVal(0)
		// a quarter two or more ahead of the anchor's, without a future
		// cue, is last year's ("rose in the fourth quarter", said in March);
		// the next quarter is this year's ("cuts during the fourth quarter",
		// said in August)
		if m.hasAnchor && !half && ord >= (m.anchor.m-1)/3+3 && m.direction(i, end) != tFuture {
			year = m.yearVal(-1)
		}
	}
	code := "-Q"
	if half {
		code = "-H"
	}
	return cand{end: end, typ: article.Date, val: year + code + strconv.Itoa(ord)}
}

// thatStart reads anaphoric days: "that day", "the same day", "that night",
// "the next day", "the day before", "that year", resolved from the last
// fully specified date mentioned (else the anchor). i is where the extent
// starts ("the"/"that"), j the first word after "the" (or i itself).
func (m *matcher) thatStart(i, j int) cand {
	k := j
	if m.isW(k, "that") || m.isW(k, "same") {
		k++
	}
	if m.isW(k, "same") {
		k++
	}
	off := 0
	if l := m.lx(k); l != nil && (l.mod == mNext || l.mod == mFollowing || l.mod == mPrevious) {
		if l.mod == mPrevious {
			off = -1
		} else {
			off = 1
		}
		k++
	}
	if k == j && !m.isW(j, "day") && !m.isW(j, "night") {
		return cand{}
	}
	if !m.hasRef && !m.hasAnchor { // no day to count from
		return cand{}
	}
	u := m.lx(k)
	if u == nil || !m.sameSent(i, k) {
		return cand{}
	}
	d, _ := parseDay(m.refDay())
	end := k + 1
	switch {
	case m.isW(k, "day"):
		// "the day before" / "the day after" are left alone: mostly they
		// head a clause ("the day before police raided ...") and the gold
		// does not tag them.
		if k == j {
			// "to end the day at ...": the day being narrated (market
			// reports). "later in the day", "the day of the attack", "the
			// day before police ..." are left alone, as the TempEval gold does.
			if m.isW(i, "the") && (m.isW(i-1, "end") || m.isW(i-1, "ended") || m.isW(i-1, "ending")) {
				return cand{end: end, typ: article.Date, val: fmtDate(d)}
			}
			return cand{}
		}
		return cand{end: end, typ: article.Date, val: fmtDate(d.addDays(off))}
	case u.pod >= pMorning && u.pod <= pNight:
		if k == j {
			return cand{}
		}
		return cand{end: end, typ: article.Date, val: fmtDate(d.addDays(off))}
	case off == 0 && k > j && (u.unit == uYear || u.unit == uMonth || u.unit == uWeek) && !u.plural:
		if !m.isW(i, "that") && !m.isW(j, "that") && !m.isW(k-1, "same") {
			return cand{}
		}
		switch u.unit {
		case uYear:
			if m.refYear > 0 {
				return cand{end: end, typ: article.Date, val: fmtYear(m.refYear)}
			}
			return cand{end: end, typ: article.Date, val: fmtYear(d.y)}
		case uMonth:
			return cand{end: end, typ: article.Date, val: fmtMonth(d.y, d.m)}
		default:
			return cand{end: end, typ: article.Date, val: fmtWeek(d)}
		}
	}
	return cand{}
}

// fuzzyStart reads early/late/mid/earlier/later + a time: "late November",
// "mid-1999", "the early 1990s", "earlier this month", "early next week".
// The value is the inner expression's (TimeML's MOD attribute is not kept).
func (m *matcher) fuzzyStart(i int) cand {
	j := i + 1
	if m.isP(j, '-') && m.adj(i) && m.adj(j) {
		j++
	}
	if !m.sameSent(i, j) {
		return cand{}
	}
	if v, e := m.decadeAt(j); e > 0 {
		return cand{end: e, typ: article.Date, val: v}
	}
	if m.isNum(j) && m.toks[j].nd == 4 {
		if c := m.yearStart(j); c.end > 0 {
			return cand{end: c.end, typ: c.typ, val: c.val}
		}
		return cand{}
	}
	l := m.lx(j)
	if l == nil {
		return cand{}
	}
	var c cand
	switch {
	case l.month > 0:
		c = m.monthStart(j)
	case l.wd > 0:
		c = m.weekdayStart(j)
	case l.rel == rToday || l.rel == rYesterday || l.rel == rTomorrow:
		c = m.relStart(j)
	case l.mod == mThat:
		c = m.thatStart(j, j)
	case l.mod == mThis || l.mod == mNext || l.mod == mLast:
		c = m.relUnitStart(j, false)
	case l.season > 0:
		c = m.seasonStart(j)
		if c.end == 0 {
			c = cand{end: j + 1, typ: article.Date, val: m.seasonVal(int(l.season), mNone, m.direction(i, j+1))}
		}
	}
	if c.end > 0 && c.typ != article.Duration {
		return c
	}
	return cand{}
}

// everyStart reads frequencies: "every day", "each year", "every Monday",
// "every two weeks", "every other month".
func (m *matcher) everyStart(i int) cand {
	j := i + 1
	mult := 1.0
	if m.isW(j, "other") {
		mult = 2
		j++
	}
	if n, k, _, ok := m.quantity(j); ok && n > 0 && mult == 1 {
		if u := m.lx(k); u != nil && u.unit > uNone && u.unit != uQuarter {
			return cand{end: k + 1, typ: article.Set, val: durationValue(n, u.unit)}
		}
	}
	l := m.lx(j)
	if l == nil {
		return cand{}
	}
	switch {
	case l.unit > uNone && !l.plural && l.unit != uQuarter:
		if l.unit == uWeekend {
			return cand{end: j + 1, typ: article.Set, val: "XXXX-WXX-WE"}
		}
		if l.unit == uNight {
			return cand{end: j + 1, typ: article.Set, val: "XXXX-XX-XXTNI"}
		}
		return cand{end: j + 1, typ: article.Set, val: durationValue(mult, l.unit)}
	case l.wd > 0 && m.cap(j) && (!l.abbr || m.isP(j+1, '.')):
		return cand{end: j + 1, typ: article.Set, val: "XXXX-WXX-" + strconv.Itoa(int(l.wd))}
	case l.pod >= pMorning && l.pod <= pNight:
		return cand{end: j + 1, typ: article.Set, val: "XXXX-XX-XX" + podCodes[l.pod]}
	}
	return cand{}
}

// modOffset is the step of this/next/last: 0, +1, -1.
func modOffset(mod int8) int {
	switch mod {
	case mNext:
		return 1
	case mLast:
		return -1
	}
	return 0
}
