package timex

// The lexicon: every English word the tagger reacts to, with what it means.
// Words not in the lexicon (and not numbers) are skipped with one map miss,
// which is what keeps the scanner fast. All tables here are built once at
// package initialisation and never written afterwards.

import "github.com/parley-news/parley/internal/text"

// Unit codes for durations and anchored offsets.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uMonth
	uYear
	uDecade
	uCentury
	uQuarter
	uWeekend
	uNight
)

// Modifier codes (the "last" in "last week").
const (
	mNone = iota
	mLast
	mNext
	mThis
	mComing
	mPast
	mPrevious
	mFollowing
	mRecent
	mEarly
	mLate
	mMid
	mEarlier
	mLater
	mThe
	mThat
	mEvery
	mEach
	mSame
	mCurrent
	mUpcoming
)

// Relative-word codes ("today", "now").
const (
	rNone = iota
	rToday
	rTonight
	rYesterday
	rTomorrow
	rNow
	rCurrently
	rCurrent
	rFuture
	rNowadays
)

// Part-of-day codes.
const (
	pNone = iota
	pMorning
	pAfternoon
	pEvening
	pNight
	pNoon
	pMidnight
)

// Set adverbs ("daily").
const (
	sNone = iota
	sDaily
	sWeekly
	sMonthly
	sAnnually
	sHourly
	sNightly
	sQuarterly
	sBiweekly
)

// Approximators that TimeML keeps inside the extent ("more than two weeks").
const (
	aNone  = iota
	aMore  // more (than)
	aLess  // less/fewer (than)
	aAt    // at (least/most)
	aAbout // about, nearly, almost, around, roughly, approximately, some, over, under, just, only
	aUp    // up (to)
)

// Tense cues: which way a bare weekday or month points.
const (
	tNone    = 0
	tPast    = -1
	tFuture  = 1
	tPresent = 2 // "is", "are": stops the search, points nowhere
)

type lex struct {
	month   int8 // 1..12 for month names
	abbr    bool // month/weekday abbreviation: needs a dot or a number after it
	wd      int8 // 1..7 = Monday..Sunday (ISO numbering)
	unit    int8 // uXxx
	plural  bool // the unit in the plural ("days")
	num     int  // number word value (0 = not a number word)
	ord     int8 // ordinal: first=1 ... fourth=4; last = -1
	mod     int8 // mXxx
	rel     int8 // rXxx
	pod     int8 // pXxx
	set     int8 // sXxx
	season  int8 // 1 SP, 2 SU, 3 FA, 4 WI
	approx  int8 // aXxx
	tense   int8 // tPast / tFuture cue
	vague   bool // "several", "few", "many": an unspecified quantity
	tz      bool // time-zone abbreviation (GMT, EST...)
	decadeW int  // "nineties" -> 90
	hol     bool // first word of a holiday name
	qcode   bool // "Q" or "H" of "Q3", "H1 2022"
	trigger bool // some pattern can start at this word (set by buildShape)
}

var monthNames = [...]string{"", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

var weekdayNames = [...]string{"", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// lexicon maps lowercase words to their entries; lexIndex is the same keyed for tokens.
// lexTable is lexIdx as the table the tokeniser reads (text.Lexicon, a
// faster lookup than the map for every word of every text), built once
// the lexicon is complete.
var (
	lexicon  []lex
	lexIdx   map[string]int16
	lexTable *text.Lexicon[int16]
)

func addLex(word string, f func(*lex)) {
	i, ok := lexIdx[word]
	if !ok {
		lexicon = append(lexicon, lex{})
		i = int16(len(lexicon) - 1)
		lexIdx[word] = i
	}
	f(&lexicon[i])
}

func init() {
	lexIdx = make(map[string]int16, 512)
	for m := 1; m <= 12; m++ {
		mm := int8(m)
		addLex(monthNames[m], func(l *lex) { l.month = mm })
	}
	// Abbreviations; "may", "june", "july" have no shorter form in news style.
	// They only count when a dot or a day number follows (see matchMonth),
	// which keeps "Jan" the first name and "Mar" the verb out.
	for w, m := range map[string]int8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		mm := m
		addLex(w, func(l *lex) { l.month = mm; l.abbr = true })
	}
	for d := 1; d <= 7; d++ {
		dd := int8(d)
		addLex(weekdayNames[d], func(l *lex) { l.wd = dd })
	}
	// Weekday abbreviations of American wire copy ("on Tues."), with
	// their dot only; "Sun." is as often the newspaper.
	for w, d := range map[string]int8{"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
		"thurs": 4, "fri": 5, "sat": 6} {
		dd := d
		addLex(w, func(l *lex) { l.wd = dd; l.abbr = true })
	}
	units := []struct {
		s, p string
		u    int8
	}{
		{"second", "seconds", uSecond}, {"minute", "minutes", uMinute}, {"hour", "hours", uHour},
		{"day", "days", uDay}, {"week", "weeks", uWeek}, {"fortnight", "fortnights", uFortnight},
		{"month", "months", uMonth}, {"year", "years", uYear}, {"decade", "decades", uDecade},
		{"century", "centuries", uCentury}, {"quarter", "quarters", uQuarter},
		{"weekend", "weekends", uWeekend}, {"night", "nights", uNight},
		{"yr", "yrs", uYear}, {"min", "mins", uMinute}, {"hr", "hrs", uHour},
	}
	for _, u := range units {
		uu := u.u
		addLex(u.s, func(l *lex) { l.unit = uu })
		addLex(u.p, func(l *lex) { l.unit = uu; l.plural = true })
	}
	nums := map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
		"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
		"couple": 2}
	for w, n := range nums {
		nn := n
		addLex(w, func(l *lex) { l.num = nn })
	}
	for _, w := range []string{"several", "few", "many", "some", "numerous", "multiple"} {
		addLex(w, func(l *lex) { l.vague = true })
	}
	for w, o := range map[string]int8{"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1} {
		oo := o
		addLex(w, func(l *lex) { l.ord = oo })
	}
	for w, m := range map[string]int8{"last": mLast, "next": mNext, "this": mThis, "coming": mComing,
		"past": mPast, "previous": mPrevious, "following": mFollowing, "recent": mRecent,
		"early": mEarly, "late": mLate, "mid": mMid, "earlier": mEarlier, "later": mLater,
		"the": mThe, "that": mThat, "every": mEvery, "each": mEach, "same": mSame,
		"current": mCurrent, "upcoming": mUpcoming, "these": mThis, "those": mThat} {
		mm := m
		addLex(w, func(l *lex) { l.mod = mm })
	}
	for w, r := range map[string]int8{"today": rToday, "tonight": rTonight, "yesterday": rYesterday,
		"tomorrow": rTomorrow, "now": rNow, "currently": rCurrently, "future": rFuture,
		"nowadays": rNowadays, "current": rCurrent} {
		rr := r
		addLex(w, func(l *lex) { l.rel = rr })
	}
	for w, p := range map[string]int8{"morning": pMorning, "afternoon": pAfternoon, "evening": pEvening,
		"night": pNight, "noon": pNoon, "midnight": pMidnight, "midday": pNoon} {
		pp := p
		addLex(w, func(l *lex) { l.pod = pp })
	}
	for w, s := range map[string]int8{"daily": sDaily, "weekly": sWeekly, "monthly": sMonthly,
		"annually": sAnnually, "yearly": sAnnually, "annual": sAnnually, "hourly": sHourly,
		"nightly": sNightly, "quarterly": sQuarterly, "biweekly": sBiweekly} {
		ss := s
		addLex(w, func(l *lex) { l.set = ss })
	}
	for w, s := range map[string]int8{"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4} {
		ss := s
		addLex(w, func(l *lex) { l.season = ss })
	}
	for w, a := range map[string]int8{"more": aMore, "less": aLess, "fewer": aLess, "at": aAt,
		"about": aAbout, "nearly": aAbout, "almost": aAbout, "around": aAbout, "roughly": aAbout,
		"approximately": aAbout, "over": aAbout, "under": aAbout, "just": aAbout, "only": aAbout,
		"up": aUp, "some": aAbout} {
		aa := a
		addLex(w, func(l *lex) { l.approx = aa })
	}
	// boundary nouns read after "the" ("the end of the year"); no pattern
	// starts at them
	for _, w := range []string{"end", "beginning", "start", "middle", "turn", "time"} {
		addLex(w, func(*lex) {})
	}
	for _, w := range []string{"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
		"bst", "cet", "cest", "msk", "eet", "eest", "jst", "ist"} {
		addLex(w, func(l *lex) { l.tz = true })
	}
	for w, d := range map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
		"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90} {
		dd := d
		addLex(w, func(l *lex) { l.decadeW = dd })
	}
	// Tense cues. Future: modal and scheduling words that put a bare weekday or
	// month ahead of the publication date. Past: reporting verbs and common
	// irregular past forms; regular "-ed" forms are recognised by suffix.
	for _, w := range []string{"will", "shall", "ll", "scheduled", "schedule", "plans",
		"planning", "plan", "due", "upcoming", "expected", "expects", "intends", "going",
		"tomorrow", "hopes", "aims", "slated", "would", "might", "should", "soon",
		"could", "may", "can", "until", "till", "postponed", "delayed", "adjourned"} {
		addLex(w, func(l *lex) { l.tense = tFuture })
	}
	for _, w := range []string{"is", "are", "am", "says", "say"} {
		addLex(w, func(l *lex) { l.tense = tPresent })
	}
	for _, w := range []string{"said", "told", "was", "were", "had", "did", "ago", "last", "yesterday",
		"went", "came", "met", "took", "made", "gave", "left", "began", "found", "held", "fell",
		"rose", "lost", "saw", "got", "sent", "spent", "thought", "brought", "bought", "became",
		"ran", "struck", "shot", "broke", "wrote", "spoke", "led", "flew", "won", "paid", "kept",
		"knew", "felt", "put", "hit", "read", "heard", "stood", "sat", "earlier", "since", "already"} {
		addLex(w, func(l *lex) {
			if l.tense == tNone {
				l.tense = tPast
			}
		})
	}
}

// lexShape has a bit for every (first letter, last letter, length) of a
// lexicon word: most words fail it and skip the map lookup.
var lexShape [26 * 26 * 15]bool

func shapeIndex(first, last byte, n int) int {
	return (int((first|0x20)-'a')*26+int((last|0x20)-'a'))*15 + n
}

// buildShape runs once the lexicon is complete (end of the last init).
func buildShape() {
	for i := range lexicon {
		l := &lexicon[i]
		l.trigger = l.month > 0 || l.wd > 0 || l.mod > 0 || l.num > 0 || l.vague || l.approx > 0 ||
			l.rel > 0 || l.set > 0 || l.unit > 0 || l.pod == pNoon || l.pod == pMidnight ||
			l.season > 0 || l.hol || l.ord > 0 || l.qcode
	}
	addLex("half", func(l *lex) { l.trigger = true })
	lexTable = text.NewLexicon(lexIdx)
	for w := range lexIdx {
		if len(w) < 15 && isLetterByte(w[0]) && isLetterByte(w[len(w)-1]) {
			lexShape[shapeIndex(w[0], w[len(w)-1], len(w))] = true
		}
	}
}

// lookupLex returns the lexicon index of word (any case), or -1.
func lookupLex(word string) int16 {
	n := len(word)
	if n == 0 || n > 14 {
		return -1
	}
	if f, l := word[0], word[n-1]; isLetterByte(f) && isLetterByte(l) && !lexShape[shapeIndex(f, l, n)] {
		return -1
	}
	if i, ok := lexTable.GetASCIILower(word); ok {
		return i
	}
	return -1
}

// holidays are fixed or computed feasts newswire dates events by. Each
// entry is a lowercase token sequence (apostrophes and "s" as separate
// tokens) and a resolver giving month and day for a year.
type holiday struct {
	words []string
	date  func(y int) (m, d int)
}

var holidays = []holiday{
	{[]string{"thanksgiving", "day"}, func(y int) (int, int) { return 11, nthWeekday(y, 11, 4, 4) }},
	{[]string{"thanksgiving"}, func(y int) (int, int) { return 11, nthWeekday(y, 11, 4, 4) }},
	{[]string{"christmas", "eve"}, func(int) (int, int) { return 12, 24 }},
	{[]string{"christmas", "day"}, func(int) (int, int) { return 12, 25 }},
	{[]string{"christmas"}, func(int) (int, int) { return 12, 25 }},
	{[]string{"new", "year", "'", "s", "eve"}, func(int) (int, int) { return 12, 31 }},
	{[]string{"new", "year", "'", "s", "day"}, func(int) (int, int) { return 1, 1 }},
	{[]string{"new", "year", "'", "s"}, func(int) (int, int) { return 1, 1 }},
	{[]string{"new", "year", "day"}, func(int) (int, int) { return 1, 1 }},
	{[]string{"independence", "day"}, func(int) (int, int) { return 7, 4 }},
	{[]string{"labor", "day"}, func(y int) (int, int) { return 9, nthWeekday(y, 9, 1, 1) }},
	{[]string{"memorial", "day"}, func(y int) (int, int) { return 5, lastWeekday(y, 5, 1) }},
	{[]string{"election", "day"}, func(y int) (int, int) { return 11, nthWeekday(y, 11, 1, 1) + 1 }},
	{[]string{"easter", "sunday"}, easter},
	{[]string{"easter"}, easter},
	{[]string{"halloween"}, func(int) (int, int) { return 10, 31 }},
	{[]string{"valentine", "'", "s", "day"}, func(int) (int, int) { return 2, 14 }},
	{[]string{"veterans", "day"}, func(int) (int, int) { return 11, 11 }},
}

// The first word of each holiday is flagged in the lexicon so the scanner
// knows to try the table.
func init() {
	for _, h := range holidays {
		addLex(h.words[0], func(l *lex) { l.hol = true })
	}
	addLex("q", func(l *lex) { l.qcode = true })
	addLex("h", func(l *lex) { l.qcode = true })
	buildShape()
}

// edStop lists "-ed" words that are not past-tense cues: nouns and
// adjectives ("hundred", "united", "alleged") and participles that point
// ahead ("expected", "scheduled", "planned") or nowhere.
var edStop = map[string]bool{"need": true, "indeed": true, "speed": true, "hundred": true,
	"bed": true, "red": true, "seed": true, "feed": true, "breed": true, "shed": true, "greed": true,
	"sacred": true, "naked": true, "wicked": true, "united": true, "limited": true, "proposed": true,
	"alleged": true, "suspected": true, "armed": true, "expected": true, "scheduled": true,
	"planned": true}
