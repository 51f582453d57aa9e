// Package timex finds English time expressions in news text and gives each a
// TIMEX3 type and value (TimeML conventions, as in TempEval-3).
//
// The tagger is a hand-written scanner: the text is cut into tokens once,
// words are looked up in a fixed lexicon, and a small set of pattern
// functions (one per kind of expression: month dates, weekdays, clock
// times, "last week", "three days", "every Monday", holidays ...) try to
// match at each token that can start a time expression. The longest match
// wins. Relative expressions are resolved against the anchor (the
// publication date), using the tense of the nearest verb cue to decide
// whether a bare "Friday" or "March" points back or ahead.
//
// Value conventions follow the TempEval-3 (TimeBank/AQUAINT) gold where it
// is consistent:
//   - ISO weeks without zero padding: "2000-W7" (DateOf reads both forms);
//   - a weekday or "today" with a part of day ("Friday night", "this
//     morning", "tonight") is the day alone, typed DATE; clock times keep
//     their hour ("1998-08-07T10:35", "...T16:08Z" for UTC/GMT);
//   - "late 2021", "mid-1999", "the end of the year" take the inner value
//     (TimeML's MOD attribute is not kept);
//   - decades are "199X", centuries "19"; quarters "1998-Q1", halves
//     "1998-H2", seasons "1998-FA", fiscal years "FY1998";
//   - ages ("a 44-year-old man") are not time expressions;
//   - "the past three weeks", "recent years" are DURATIONs ("P3W", "PXY");
//     "last week", "three days ago" are DATEs.
//
// A bare weekday resolves to the latest such day on or before the anchor
// unless a future cue ("will", "is scheduled", "as soon as") is nearer to
// it than any past cue in the same sentence and quotation. A month and day
// without a year take the occurrence nearest the anchor, a bare month the
// anchor's year unless the tense or the distance says otherwise.
package timex

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// Tagger finds time expressions. It is immutable after New and safe for
// concurrent use; its only state is a pool of scratch buffers.
type Tagger struct {
	pool sync.Pool
}

// New returns a Tagger.
func New() *Tagger {
	t := &Tagger{}
	t.pool.New = func() any { return &scratch{toks: make([]token, 0, 1024)} }
	return t
}

// Tag finds every time expression in text and gives each a TIMEX3 type and
// value. anchor is the document creation time; when it is zero, relative
// expressions get underspecified values ("XXXX-XX-XX", "XXXX-WXX-3") or
// PAST_REF / FUTURE_REF. Spans are byte offsets into text.
func (t *Tagger) Tag(text string, anchor time.Time) []article.Timex {
	sc := t.pool.Get().(*scratch)
	toks := tokenize(text, sc.toks[:0])
	m := matcher{text: text, toks: toks, out: sc.out[:0], outTok: sc.outTok[:0], outRef: sc.outRef[:0]}
	if !anchor.IsZero() {
		m.anchor = civilOf(anchor)
		m.hasAnchor = true
	}
	m.run()
	// The expressions are gathered in the pooled slice and copied out
	// once at their final number (growing the returned slice as they
	// came was a tenth of the pipeline's allocated bytes).
	out := make([]article.Timex, len(m.out))
	copy(out, m.out)
	clear(m.out) // the pool keeps no article's strings
	if cap(toks) <= 1<<16 {
		sc.toks, sc.out, sc.outTok, sc.outRef = toks[:0], m.out[:0], m.outTok[:0], m.outRef[:0]
		t.pool.Put(sc)
	}
	return out
}

// scratch is the pooled working state of Tag: the tokens and the
// per-output bookkeeping of the matcher, none of which leaves Tag.
type scratch struct {
	toks   []token
	out    []article.Timex
	outTok [][2]int
	outRef []refDay
}

// cand is a candidate match: tokens [start, end), type and value. A
// suppress candidate swallows its tokens without emitting anything (ages
// such as "a 44-year-old man", which TempEval does not annotate).
type cand struct {
	end      int
	typ, val string
	suppress bool
}

// refDay is a reference day, when there is one.
type refDay struct {
	c  civil
	ok bool
}

type matcher struct {
	text      string
	toks      []token
	anchor    civil
	hasAnchor bool
	ref       civil // the last fully specified date mentioned, for "that day"
	hasRef    bool
	refYear   int // the last year mentioned, for "that year"
	out       []article.Timex
	outTok    [][2]int // token range of each output, for the time-of-day pass
	outRef    []refDay // the reference day when each output was found
	// The last day written by day(), kept: an article counts most of its
	// relative days from one or two dates.
	memoDay civil
	memoVal string
}

// day is fmtDate(c), remembering the last answer.
func (m *matcher) day(c civil) string {
	if m.memoVal == "" || c != m.memoDay {
		m.memoDay, m.memoVal = c, fmtDate(c)
	}
	return m.memoVal
}

func (m *matcher) run() {
	n := len(m.toks)
	for i := 0; i < n; {
		tk := &m.toks[i]
		if tk.kind == kPunct || (tk.kind == kWord && (tk.lx < 0 || !lexicon[tk.lx].trigger)) {
			i++
			continue
		}
		c := m.matchAt(i)
		if c.end <= i {
			i++
			continue
		}
		if !c.suppress && c.val != "" {
			m.emit(i, c)
		}
		i = c.end
	}
	m.attachDates()
}

func (m *matcher) emit(i int, c cand) {
	s, e := m.toks[i].s, m.toks[c.end-1].e
	m.out = append(m.out, article.Timex{Text: m.text[s:e], Type: c.typ, Value: c.val, Span: article.Span{s, e}})
	m.outTok = append(m.outTok, [2]int{i, c.end})
	m.outRef = append(m.outRef, refDay{m.ref, m.hasRef})
	if d, ok := parseDay(c.val); ok {
		m.ref, m.hasRef = d, true
	}
	if c.typ == article.Date && len(c.val) >= 4 && allDigits(c.val[:4]) && (len(c.val) == 4 || c.val[4] == '-') {
		m.refYear, _ = strconv.Atoi(c.val[:4])
	}
}

// matchAt tries every pattern that can start at token i and keeps the longest.
func (m *matcher) matchAt(i int) cand {
	var best cand
	try := func(c cand) {
		if c.end > best.end {
			best = c
		}
	}
	tk := &m.toks[i]
	if tk.kind == kNum {
		try(m.numberStart(i))
		try(m.quantityStart(i, i))
		return best
	}
	l := &lexicon[tk.lx]
	if l.month > 0 {
		try(m.monthStart(i))
	}
	if l.wd > 0 {
		try(m.weekdayStart(i))
	}
	if l.mod > 0 {
		try(m.modStart(i))
	}
	if l.num > 0 || l.vague || m.isW(i, "half") {
		try(m.quantityStart(i, i))
	}
	if l.approx > 0 {
		try(m.approxStart(i))
	}
	if l.rel > 0 {
		try(m.relStart(i))
	}
	if l.set > 0 {
		try(m.setStart(i))
	}
	if l.unit > 0 && l.plural {
		try(m.barePlural(i))
	}
	if l.unit > 0 && !l.plural {
		try(m.unitLong(i))
	}
	if l.pod == pNoon || l.pod == pMidnight {
		try(m.noonStart(i))
	}
	if l.season > 0 {
		try(m.seasonStart(i))
	}
	if l.hol {
		try(m.holidayStart(i, tNone))
	}
	if l.qcode {
		try(m.quarterCode(i))
	}
	if l.ord > 0 && m.isP(i+1, '-') {
		try(m.partOfYear(i, i))
	}
	return best
}

// ---- token helpers (all bounds-checked) ----

func (m *matcher) lx(i int) *lex {
	if i < 0 || i >= len(m.toks) || m.toks[i].lx < 0 {
		return nil
	}
	return &lexicon[m.toks[i].lx]
}

func (m *matcher) word(i int) string {
	if i < 0 || i >= len(m.toks) || m.toks[i].kind != kWord {
		return ""
	}
	return m.text[m.toks[i].s:m.toks[i].e]
}

// isW reports whether token i is the word w (w lowercase, ASCII).
func (m *matcher) isW(i int, w string) bool {
	s := m.word(i)
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

func (m *matcher) isP(i int, c byte) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].kind == kPunct && m.toks[i].ch == c
}

// adj reports whether tokens i and i+1 touch (no space between them).
func (m *matcher) adj(i int) bool {
	return i >= 0 && i+1 < len(m.toks) && m.toks[i].e == m.toks[i+1].s
}

func (m *matcher) isNum(i int) bool { return i >= 0 && i < len(m.toks) && m.toks[i].kind == kNum }

func (m *matcher) cap(i int) bool { return i >= 0 && i < len(m.toks) && m.toks[i].cap }

func (m *matcher) sameSent(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(m.toks) && j < len(m.toks) && m.toks[i].sent == m.toks[j].sent
}

// dayNum reads a day of month at i ("7", "7th"), returning the day and the next token.
func (m *matcher) dayNum(i int) (int, int, bool) {
	if !m.isNum(i) || m.toks[i].nd > 2 {
		return 0, 0, false
	}
	d := m.toks[i].num
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	j := i + 1
	if m.adj(i) && (m.isW(j, "th") || m.isW(j, "st") || m.isW(j, "nd") || m.isW(j, "rd")) {
		j++
	}
	// "7:30", "7.5", "7,000", "7-year": not a day
	if m.adj(j-1) && m.isNum(j+1) && m.adj(j) && (m.isP(j, ':') || m.isP(j, '.') || m.isP(j, ',')) {
		return 0, 0, false
	}
	if m.adj(j-1) && m.isP(j, '-') && m.word(j+1) != "" && m.lx(j+1) != nil && m.lx(j+1).unit > 0 {
		return 0, 0, false
	}
	return d, j, true
}

// yearNum reads a four-digit year at i.
func (m *matcher) yearNum(i int) (int, bool) {
	if !m.isNum(i) || m.toks[i].nd != 4 {
		return 0, false
	}
	y := m.toks[i].num
	if y < 1000 || y > 2099 {
		return 0, false
	}
	// "1998.5", "1998,000", "1998:30" continue a number, not a year
	if m.adj(i) && m.isNum(i+2) && m.adj(i+1) && (m.isP(i+1, '.') || m.isP(i+1, ',') || m.isP(i+1, ':')) {
		return 0, false
	}
	return y, true
}

// ---- anchor-relative value builders ----

func (m *matcher) dayVal(off int) string {
	if !m.hasAnchor {
		return "XXXX-XX-XX"
	}
	return fmtDate(m.anchor.addDays(off))
}

func (m *matcher) weekVal(off int) string {
	if !m.hasAnchor {
		return "XXXX-WXX"
	}
	return fmtWeek(m.anchor.addDays(7 * off))
}

func (m *matcher) monthVal(off int) string {
	if !m.hasAnchor {
		return "XXXX-XX"
	}
	y, mo := addMonths(m.anchor.y, m.anchor.m, off)
	return fmtMonth(y, mo)
}

func (m *matcher) yearVal(off int) string {
	if !m.hasAnchor {
		return "XXXX"
	}
	return fmtYear(m.anchor.y + off)
}

func (m *matcher) quarterVal(off int) string {
	if !m.hasAnchor {
		return "XXXX-QX"
	}
	q := (m.anchor.m-1)/3 + off
	y := m.anchor.y
	for q < 0 {
		q += 4
		y--
	}
	y += q / 4
	return fmtYear(y) + "-Q" + strconv.Itoa(q%4+1)
}

// ---- tense ----

// tenseAt is the tense cue of token k, if any.
func (m *matcher) tenseAt(k int) int {
	tk := &m.toks[k]
	if tk.kind != kWord {
		return tNone
	}
	if l := m.lx(k); l != nil && l.tense != tNone {
		switch {
		case m.isW(k, "ll") && !m.isP(k-1, '\''):
			return tNone
		case m.isW(k, "going") && !m.isW(k+1, "to"):
			return tNone
		case m.isW(k, "won") && m.isP(k+1, '\'') && m.isW(k+2, "t"):
			return tFuture
		case m.isW(k, "could") && (m.isW(k+1, "not") || m.isW(k+1, "n") || m.negatedBefore(k)):
			return tPast // "could not be reached for comment Friday", "neither … could be located Wednesday"
		case m.isW(k, "may") && tk.cap:
			return tNone // the month
		case (m.isW(k, "until") || m.isW(k, "till")) && !m.sameSent(k-1, k):
			return tPast // "Until Thursday, they had not ..."
		}
		// "could be held Friday": after "be" an irregular participle is
		// passive and the auxiliary before it carries the tense
		if l.tense == tPast && (m.isW(k-1, "be") || m.isW(k-1, "been") || m.isW(k-1, "being")) {
			return tNone
		}
		// "the ministers are to travel on Wednesday": a plan
		if (m.isW(k, "is") || m.isW(k, "are")) && m.isW(k+1, "to") {
			return tFuture
		}
		// "were planning", "was expected", "is scheduled": the participle decides
		if l.tense == tPast && (m.isW(k, "was") || m.isW(k, "were") || m.isW(k, "had")) {
			if n := m.lx(k + 1); n != nil && n.tense == tFuture {
				return tFuture
			}
		}
		return int(l.tense)
	}
	w := m.text[tk.s:tk.e]
	// "was likely to cut rates in June"
	if len(w) == 6 && w == "likely" && m.isW(k+1, "to") {
		return tFuture
	}
	// "is set to begin on Wednesday", "is due to arrive"
	if (w == "set" || w == "poised" || w == "bound" || w == "due") && m.isW(k+1, "to") {
		return tFuture
	}
	if len(w) >= 5 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && !tk.cap {
		// "planned to leave on Thursday", "agreed to meet Friday": an
		// intention looks ahead
		if m.isW(k+1, "to") && intentVerbs[w] {
			return tFuture
		}
		// after a form of "be" the participle is passive and the auxiliary
		// ("should be completed", "is expected") carries the tense
		switch m.lowerWord(k - 1) {
		case "be", "been", "being":
			return tNone
		}
		if !edStop[w] {
			return tPast
		}
	}
	return tNone
}

// negatedBefore reports a negative subject shortly before token k, in
// its sentence: "Neither he nor his lawyer could be located Wednesday",
// "nobody could".
func (m *matcher) negatedBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j <= 12 && m.sameSent(j, k); j-- {
		if m.isW(j, "neither") || m.isW(j, "nor") || m.isW(j, "nobody") || m.isW(j, "none") {
			return true
		}
	}
	return false
}

// intentVerbs are past forms that announce a plan when "to" follows.
var intentVerbs = map[string]bool{
	"planned": true, "intended": true, "hoped": true, "aimed": true, "agreed": true, "promised": true,
	"vowed": true, "pledged": true, "arranged": true, "prepared": true, "threatened": true,
}

// direction looks for the nearest tense cue around tokens [a, b) within
// the sentence and the same quotation: tPast, tFuture or tNone.
func (m *matcher) direction(a, b int) int {
	const reach = 35
	if a < 0 || a >= len(m.toks) {
		return tNone
	}
	sent := m.toks[a].sent
	best, dist := tNone, reach+1
	for k := a - 1; k >= 0 && a-k <= reach && m.toks[k].sent == sent && !m.quoteMark(k); k-- {
		if t := m.tenseAt(k); t != tNone {
			best, dist = t, a-k
			// "told reporters in Oslo on Tuesday the deal would …": a
			// day after a verb of saying and its adjuncts only (no
			// noun phrase of the content, no "that") is the day of
			// saying, whatever verb the content has.
			if t == tPast && sayingVerbs[m.lowerWord(k)] && m.adjunctsOnly(k+1, a) {
				return best
			}
			break
		}
	}
	for k := b; k < len(m.toks) && k-b+1 < dist && m.toks[k].sent == sent && !m.quoteMark(k); k++ {
		if t := m.tenseAt(k); t != tNone {
			// "on Wednesday threatened to blockade": after the day, an
			// intention is the verb's own past ("planned to leave on
			// Thursday" looks ahead only with the day after it)
			if t == tFuture && intentVerbs[m.text[m.toks[k].s:m.toks[k].e]] {
				t = tPast
			}
			best = t
			break
		}
	}
	if best == tPresent {
		return tNone
	}
	return best
}

// sayingVerbs are the past forms of the verbs of saying whose day is the
// day after them (see direction).
var sayingVerbs = map[string]bool{
	"said": true, "told": true, "announced": true, "added": true, "stated": true, "declared": true,
	"warned": true, "wrote": true, "insisted": true, "noted": true, "explained": true, "confirmed": true,
	"stressed": true, "reiterated": true, "argued": true, "acknowledged": true, "admitted": true,
}

// adjunctsOnly reports whether tokens [a, b) are at most six words of an
// addressee and a place ("reporters in Oslo on"), with no determiner that
// opens a noun phrase of the content and no "that".
func (m *matcher) adjunctsOnly(a, b int) bool {
	if b-a > 6 {
		return false
	}
	for k := a; k < b; k++ {
		if m.toks[k].kind != kWord {
			return false
		}
		switch m.lowerWord(k) {
		case "that":
			return false
		case "the", "a", "an", "his", "her", "its", "their", "this", "these", "those", "some", "any", "no":
			// a noun phrase right after the verb may be the content's
			// ("said the vote on Friday would …"); after a preposition it
			// is the medium or the place ("said in a blog post on
			// Tuesday")
			if k == a {
				return false
			}
			switch m.lowerWord(k - 1) {
			case "in", "at", "on", "during", "to", "with", "for", "from":
			default:
				return false
			}
		}
	}
	return true
}

// quoteMark reports a quotation boundary: a double quote, a backtick or
// two apostrophes in a row (the “...” of newswire). A reporting verb on
// the far side of one does not give the tense of what is quoted.
func (m *matcher) quoteMark(k int) bool {
	t := &m.toks[k]
	if t.kind != kPunct {
		return false
	}
	switch t.ch {
	case '"', '`':
		return true
	case '\'':
		return m.isP(k+1, '\'') && m.adj(k) || m.isP(k-1, '\'') && m.adj(k-1)
	}
	return false
}

// ---- resolution ----

// resolveWeekday picks the date of ISO weekday wd relative to the anchor.
// mod: mLast = strictly before, mNext = strictly after, otherwise the tense
// decides: future -> on or after the anchor, else on or before it.
// weekdayValues are the underspecified values of weekday numbers 0-7.
var weekdayValues = [...]string{"XXXX-WXX-0", "XXXX-WXX-1", "XXXX-WXX-2", "XXXX-WXX-3", "XXXX-WXX-4", "XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-7"}

func (m *matcher) resolveWeekday(wd, mod, dir int) string {
	if !m.hasAnchor {
		if wd >= 0 && wd < len(weekdayValues) {
			return weekdayValues[wd] // the same string, without building it
		}
		return "XXXX-WXX-" + strconv.Itoa(wd)
	}
	aw := m.anchor.weekday()
	switch mod {
	case mLast, mPast, mPrevious:
		back := (aw - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return m.day(m.anchor.addDays(-back))
	case mNext, mComing, mFollowing, mUpcoming:
		fwd := (wd - aw + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return m.day(m.anchor.addDays(fwd))
	case mThis:
		// "this Friday" points ahead unless the tense says it is over
		if dir != tPast {
			dir = tFuture
		}
	}
	if dir == tFuture {
		return m.day(m.anchor.addDays((wd - aw + 7) % 7))
	}
	return m.day(m.anchor.addDays(-((aw - wd + 7) % 7)))
}

// yearForMonthDay picks the year of a month-day without one: past tense
// allows at most two weeks after the anchor, future at most two weeks
// before; without a cue the nearest occurrence wins.
func (m *matcher) yearForMonthDay(mo, d, dir int) int {
	a := m.anchor
	y := a.y
	if !validDate(y, mo, d) { // Feb 29
		return y
	}
	c := civil{y, mo, d}
	// The tense only matters far from the anchor: a month and day in news
	// is nearly always the occurrence nearest the publication date.
	switch dir {
	case tPast:
		if a.addDays(92).before(c) {
			return y - 1
		}
		return y
	case tFuture:
		if c.before(a.addDays(-92)) {
			return y + 1
		}
		return y
	}
	// no cue: the nearest occurrence, leaning to the past as for months
	diff := c.time().Sub(a.time()).Hours() / 24
	if diff > 122 {
		return y - 1
	}
	if diff < -243 {
		return y + 1
	}
	return y
}

// yearForMonth picks the year of a bare month name.
func (m *matcher) yearForMonth(mo, mod, dir int) int {
	a := m.anchor
	switch mod {
	case mLast, mPast, mPrevious:
		if mo >= a.m {
			return a.y - 1
		}
		return a.y
	case mNext, mComing, mUpcoming, mFollowing:
		if mo <= a.m {
			return a.y + 1
		}
		return a.y
	case mThis:
		return a.y
	}
	// A month up to two ahead of the anchor's is this year's even after a
	// past-tense cue (news rarely reports last June in May), and likewise
	// two behind after a future cue.
	switch dir {
	case tPast:
		if mo > a.m+2 {
			return a.y - 1
		}
		return a.y
	case tFuture:
		if mo < a.m-2 {
			return a.y + 1
		}
		return a.y
	}
	// no cue: news mostly reports the past, so a month more than four
	// ahead is last year's, and only one more than nine behind (January in
	// November) is next year's
	if mo-a.m > 4 {
		return a.y - 1
	}
	if a.m-mo > 9 {
		return a.y + 1
	}
	return a.y
}

func (m *matcher) monthDayVal(mo, d, dir int) string {
	if !m.hasAnchor {
		b := append(make([]byte, 0, 10), "XXXX-"...)
		b = append(pad(b, mo, 2), '-')
		return string(pad(b, d, 2))
	}
	y := m.yearForMonthDay(mo, d, dir)
	if !validDate(y, mo, d) {
		return ""
	}
	return m.day(civil{y, mo, d})
}

func (m *matcher) bareMonthVal(mo, mod, dir int) string {
	if !m.hasAnchor {
		return "XXXX-" + string(pad(nil, mo, 2))
	}
	return fmtMonth(m.yearForMonth(mo, mod, dir), mo)
}

// seasonVal resolves "last fall", "this summer", "the spring".
func (m *matcher) seasonVal(se, mod, dir int) string {
	if !m.hasAnchor {
		return "XXXX-" + seasonCodes[se]
	}
	a := m.anchor
	cur := seasonOf(a.m)
	y := a.y
	if a.m <= 2 {
		// January and February belong to the winter that began last year;
		// the seasons after it are this year's
		cur = 0
	}
	switch mod {
	case mLast, mPast, mPrevious:
		if se >= cur {
			y--
		}
	case mNext, mComing, mUpcoming, mFollowing:
		if se <= cur {
			y++
		}
	case mThis:
		if cur == 0 && se == 4 {
			y--
		}
	default:
		if dir == tPast && se > cur {
			y--
		} else if dir == tFuture && se < cur {
			y++
		} else if cur == 0 && se == 4 {
			y--
		}
	}
	return fmtYear(y) + "-" + seasonCodes[se]
}

// ---- final pass: dates for clock times ----

// attachDates gives clock times written without a day ("10:35 a.m.") the
// nearest fully specified date in the same sentence, else the last day
// mentioned before them (the day the story is narrating), else the anchor.
func (m *matcher) attachDates() {
	for k := range m.out {
		v := m.out[k].Value
		if len(v) == 0 || v[0] != 'T' {
			continue
		}
		// the nearest dated neighbour in the sentence; outputs are in text
		// order, so look a few either side (bounded: no quadratic blow-up)
		day := ""
		best := 1 << 30
		if m.hasAnchor && m.liveStamp(k) {
			// "10:42 GMT - The ministry said talks would resume on
			// Tuesday": a live blog's stamp is the time of its entry, on
			// the day of the page, not of the day the entry reports.
			best = -1
			day = fmtDate(m.anchor)
		}
		for j := max(0, k-8); best >= 0 && j < len(m.out) && j <= k+8; j++ {
			if j == k || !m.sameSent(m.outTok[j][0], m.outTok[k][0]) {
				continue
			}
			if d, ok := parseDay(m.out[j].Value); ok {
				dist := m.outTok[j][0] - m.outTok[k][0]
				if dist < 0 {
					dist = -dist
				}
				if dist < best {
					best, day = dist, fmtDate(d)
				}
			}
		}
		if day == "" {
			if r := m.outRef[k]; r.ok {
				day = fmtDate(r.c)
			} else if m.hasAnchor {
				day = fmtDate(m.anchor)
			}
		}
		if day == "" {
			day = "XXXX-XX-XX"
		}
		m.out[k].Value = day + v
	}
}

// liveStamp reports whether output k opens its line and a dash or a
// colon follows it: a live blog's entry stamped with its time.
func (m *matcher) liveStamp(k int) bool {
	i0, i1 := m.outTok[k][0], m.outTok[k][1]
	if i0 < 0 || i1 >= len(m.toks) || i0 >= len(m.toks) {
		return false
	}
	if s := m.toks[i0].s; s > 0 && m.text[s-1] != '\n' {
		return false
	}
	return m.toks[i1].kind == kPunct && (m.toks[i1].ch == '-' || m.toks[i1].ch == ':')
}

// parseDay reads the date of a value that starts with YYYY-MM-DD.
func parseDay(v string) (civil, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return civil{}, false
	}
	if len(v) > 10 && v[10] != 'T' {
		return civil{}, false
	}
	if allDigits(v[:4]) && allDigits(v[5:7]) && allDigits(v[8:10]) {
		// The common case, without the error values strconv allocates
		// for the "XXXX" of underspecified values.
		y := int(v[0]-'0')*1000 + int(v[1]-'0')*100 + int(v[2]-'0')*10 + int(v[3]-'0')
		mo := int(v[5]-'0')*10 + int(v[6]-'0')
		d := int(v[8]-'0')*10 + int(v[9]-'0')
		if !validDate(y, mo, d) {
			return civil{}, false
		}
		return civil{y, mo, d}, true
	}
	if !atoiable(v[:4]) || !atoiable(v[5:7]) || !atoiable(v[8:10]) {
		return civil{}, false // strconv.Atoi would fail ("XXXX")
	}
	y, err1 := strconv.Atoi(v[:4])
	mo, err2 := strconv.Atoi(v[5:7])
	d, err3 := strconv.Atoi(v[8:10])
	if err1 != nil || err2 != nil || err3 != nil || !validDate(y, mo, d) {
		return civil{}, false
	}
	return civil{y, mo, d}, true
}

// DateOf cuts a TIMEX3 value to a calendar date usable as a statement date:
// YYYY-MM-DD, YYYY-MM or YYYY, or "" when the value names no calendar
// date. Times keep their day ("2022-01-26T10:00" -> "2022-01-26"); a week
// becomes its month when all its days share one, else its year; quarters,
// halves and seasons become their year; PRESENT_REF becomes the anchor's
// day. Durations, sets, PAST_REF/FUTURE_REF and values with unknown
// digits ("XXXX-12-25", "199X") give "" (or the known leading part, e.g.
// "1998-XX-XX" -> "1998").
func DateOf(value string, anchor time.Time) string {
	v := strings.TrimSpace(value)
	switch v {
	case "PRESENT_REF":
		if anchor.IsZero() {
			return ""
		}
		return fmtDate(civilOf(anchor))
	case "":
		return ""
	}
	if len(v) < 4 || !allDigits(v[:4]) {
		return ""
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if rest == "" {
		return v
	}
	if rest[0] != '-' {
		return ""
	}
	rest = rest[1:]
	switch {
	case len(rest) >= 2 && allDigits(rest[:2]):
		mo, _ := strconv.Atoi(rest[:2])
		if mo < 1 || mo > 12 {
			return ""
		}
		if len(rest) == 2 {
			return v[:7]
		}
		if len(rest) >= 5 && rest[2] == '-' && allDigits(rest[3:5]) {
			d, _ := strconv.Atoi(rest[3:5])
			if !validDate(y, mo, d) {
				return ""
			}
			if len(rest) == 5 || rest[5] == 'T' {
				return v[:10]
			}
			return ""
		}
		if len(rest) >= 3 && rest[2] == '-' {
			return v[:7] // "1998-10-XX"
		}
		return ""
	case len(rest) >= 2 && rest[0] == 'W' && allDigits(rest[1:]) && len(rest) <= 3:
		w, _ := strconv.Atoi(rest[1:])
		if w < 1 || w > 53 {
			return ""
		}
		// Monday of ISO week w: the week holding January 4th, shifted
		jan4 := civil{y, 1, 4}
		mon := jan4.addDays(-(jan4.weekday() - 1) + 7*(w-1))
		sun := mon.addDays(6)
		if mon.y == sun.y && mon.m == sun.m {
			return fmtMonth(mon.y, mon.m)
		}
		if mon.y == sun.y {
			return fmtYear(mon.y)
		}
		return ""
	case strings.HasPrefix(rest, "Q") || strings.HasPrefix(rest, "H") ||
		rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI" || strings.HasPrefix(rest, "XX"):
		return v[:4]
	}
	return ""
}

// atoiable reports whether strconv.Atoi accepts s: an optional sign, then
// digits (these strings are too short to overflow).
func atoiable(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}
