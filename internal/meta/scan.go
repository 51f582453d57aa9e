package meta

import (
	"github.com/parley-news/parley/internal/actors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// scanner reads a dateline by hand: the forms are few and regular, and a
// scanner is two orders of magnitude faster than the equivalent regular
// expressions, which matters because every paragraph near the top of every
// article is tried.
type scanner struct {
	s string
	i int
}

func (sc *scanner) peek() rune {
	if sc.i >= len(sc.s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(sc.s[sc.i:])
	return r
}

func (sc *scanner) peekAt(i int) rune {
	if i >= len(sc.s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(sc.s[i:])
	return r
}

func (sc *scanner) next() rune {
	r, n := utf8.DecodeRuneInString(sc.s[sc.i:])
	sc.i += n
	return r
}

// spaces skips white space and reports how many bytes it skipped.
func (sc *scanner) spaces() int {
	start := sc.i
	for sc.i < len(sc.s) {
		r := sc.peek()
		if r != ' ' && r != '\t' && r != '\u00A0' {
			break
		}
		sc.next()
	}
	return sc.i - start
}

// word reads a capitalised word of a place name: "Moscow", "NEW", "St.",
// "Stratford-upon-Avon", "N.J.", "O’Hare". It returns "" (and moves
// nowhere) when no such word starts here.
func (sc *scanner) word() string {
	start := sc.i
	if !unicode.IsUpper(sc.peek()) {
		return ""
	}
	sc.next()
	for sc.i < len(sc.s) {
		r := sc.peek()
		switch {
		case unicode.IsLetter(r) || r == '\'' || r == '’':
			sc.next()
		case r == '-' || r == '.':
			// Inside a word when a letter follows ("Upon-Avon", "U.S.");
			// a full stop also ends an abbreviation ("St. Louis", "Calif.,").
			after := sc.peekAt(sc.i + 1)
			if unicode.IsLetter(after) {
				sc.next()
				continue
			}
			// Keep the stop of an abbreviation: "St.", "Calif.", "W.Va.".
			if r == '.' && sc.i-start <= 5 && (after == ' ' || after == ',' || after == 0) && !isMonthWord(sc.s[start:sc.i]) {
				sc.next()
			}
			return sc.s[start:sc.i]
		default:
			return sc.s[start:sc.i]
		}
	}
	return sc.s[start:sc.i]
}

func isMonthWord(w string) bool { return MonthByName(w) != 0 }

// place reads up to five words of a place name, with lowercase particles
// between them ("Rio de Janeiro").
func (sc *scanner) place() string {
	start := sc.i
	w := sc.word()
	if w == "" || MonthByName(w) != 0 && len(w) > 3 {
		sc.i = start
		return ""
	}
	end := sc.i
	for n := 1; n < 5; n++ {
		save := sc.i
		if sc.peek() != ' ' {
			break
		}
		sc.next()
		if p := sc.particle(); p != "" {
			if sc.peek() != ' ' {
				sc.i = save
				break
			}
			sc.next()
		}
		if w := sc.word(); w == "" || isMonthWord(strings.TrimSuffix(w, ".")) {
			sc.i = save
			break
		}
		end = sc.i
	}
	sc.i = end
	return sc.s[start:end]
}

// particle reads a lowercase particle of a place name.
func (sc *scanner) particle() string {
	start := sc.i
	for sc.i < len(sc.s) && sc.s[sc.i] >= 'a' && sc.s[sc.i] <= 'z' {
		sc.i++
	}
	if placeParticles[sc.s[start:sc.i]] {
		return sc.s[start:sc.i]
	}
	sc.i = start
	return ""
}

// number reads up to max ASCII digits.
func (sc *scanner) number(max int) (int, bool) {
	start := sc.i
	n := 0
	for sc.i < len(sc.s) && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' && sc.i-start < max {
		n = n*10 + int(sc.s[sc.i]-'0')
		sc.i++
	}
	if sc.i < len(sc.s) && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' {
		sc.i = start
		return 0, false
	}
	return n, sc.i > start
}

// date reads " January 26", " Jan. 13", " 26 January", each with an
// optional ", 2022" or " 2022". It moves nowhere when there is none.
func (sc *scanner) date(d *Dateline) bool {
	start := sc.i
	sc.spaces()
	fail := func() bool { sc.i = start; return false }
	var mo int
	var day int
	if n, ok := sc.number(2); ok {
		day = n
		if sc.spaces() == 0 {
			return fail()
		}
		w := sc.monthWord()
		if w == 0 {
			return fail()
		}
		mo = w
	} else {
		w := sc.monthWord()
		if w == 0 || sc.spaces() == 0 {
			return fail()
		}
		mo = w
		n, ok := sc.number(2)
		if !ok {
			return fail()
		}
		day = n
	}
	if day < 1 || day > 31 {
		return fail()
	}
	d.Month, d.Day = monthOf(mo), day
	// An optional year.
	save := sc.i
	if sc.peek() == ',' {
		sc.next()
	}
	if sc.spaces() > 0 {
		if y, ok := sc.number(4); ok && y >= 1900 && y <= 2200 {
			d.Year = y
			return true
		}
	}
	sc.i = save
	return true
}

// monthWord reads a month name or abbreviation ("Jan", "Jan.", "January").
func (sc *scanner) monthWord() int {
	start := sc.i
	for sc.i < len(sc.s) && unicode.IsLetter(sc.peek()) {
		sc.next()
	}
	m := MonthByName(sc.s[start:sc.i])
	if m == 0 {
		sc.i = start
		return 0
	}
	if sc.peek() == '.' {
		sc.next()
	}
	return int(m)
}

// dashes reads a run of dashes (hyphen, en and em dash, and the old AP
// underscore when under is true) and reports how many it read.
func (sc *scanner) dashes(under bool) int {
	n := 0
	for sc.i < len(sc.s) {
		r := sc.peek()
		if r == '-' || r == '\u2013' || r == '\u2014' || (under && r == '_') {
			sc.next()
			n++
			continue
		}
		break
	}
	return n
}

// bracketService reads a known service in brackets and the dash after it
// ("(Reuters) - ", "(AP) _ ") from a "(" and returns its canonical name;
// where it stops reading when it is none is of no use to the caller.
func (sc *scanner) bracketService() (string, bool) {
	if sc.peek() != '(' {
		return "", false
	}
	sc.next()
	name, ok := sc.outletUntil(')')
	if !ok {
		return "", false
	}
	c, known := KnownOutlet(name)
	if !known {
		return "", false
	}
	sc.spaces()
	if n := sc.dashes(true); n > 0 && n <= 2 && sc.spaces() > 0 {
		return c, true
	}
	return "", false
}

// dotBeforeDash moves past a full stop that a dash follows: the old
// papers' "July 10.--" and EFE's "(EFE).-". It reports whether it did.
func (sc *scanner) dotBeforeDash() bool {
	if sc.peek() != '.' || sc.i+1 >= len(sc.s) {
		return false
	}
	switch r := sc.peekAt(sc.i + 1); r {
	case '-', '\u2013', '\u2014':
		sc.next()
		return true
	}
	return false
}

// outletUntil reads an outlet's name up to the closing byte c: 1 to 41
// characters, starting with a letter.
func (sc *scanner) outletUntil(c byte) (string, bool) {
	end := strings.IndexByte(sc.s[sc.i:], c)
	if end <= 0 || end > 42 {
		return "", false
	}
	name := sc.s[sc.i : sc.i+end]
	if !unicode.IsLetter(firstRune(name)) || strings.ContainsAny(name, "()/\n") {
		return "", false
	}
	sc.i += end + 1
	return name, true
}

// scanDateline parses the dateline forms. Each is one house style seen on
// the wires, anchored at the start of a paragraph, so that a sentence that
// merely mentions a city never matches:
//
//   - TASS and Interfax: "MOSCOW, January 26. /TASS/." — the outlet between
//     slashes closes the dateline.
//   - Agencies: "LONDON (Reuters) -", "NAIROBI, Kenya (AP) _", "BRUSSELS,
//     Jan 13 (Reuters) -", "Washington (AFP) –": the outlet in brackets,
//     then a dash (or the old AP underscore) or a colon. A party-and-state
//     tag ("Rep. Jane Doe (D-Mass.) -") is not an outlet.
//   - Small outlets: "Moscow-." — a place glued to a dash and a full stop.
//   - American: "WASHINGTON —", "KYIV, Ukraine --". The place must be in
//     capitals: a title-case word before a dash is too often a sentence
//     ("Moscow — and Washington — disagree").
func scanDateline(s string) (Dateline, bool) {
	sc := &scanner{s: s}
	var d Dateline
	// A known service in brackets with no place: "(CNN) -", "(AP) —".
	if sc.peek() == '(' {
		if c, ok := sc.bracketService(); ok {
			return Dateline{Outlet: c, Len: sc.i}, true
		}
		return d, false
	}
	// Reuters' business wire names no place: "Nov 14 (Reuters) - Oil
	// prices rose …". A date, then a known service in brackets.
	if sc.monthWord() != 0 {
		sc.i = 0
		if sc.date(&d) {
			sc.spaces()
			if c, ok := sc.bracketService(); ok {
				d.Outlet, d.Len = c, sc.i
				return d, true
			}
		}
		return Dateline{}, false
	}
	place := sc.place()
	if place == "" {
		return d, false
	}
	d.Place = normPlace(place)
	// Reuters' joint datelines, "LONDON/DUBAI, Oct 2 (Reuters) -": the
	// first place is the dateline's, the others are read over. Not
	// "MOSCOW/TASS/": a word closed by a slash is an outlet.
	for sc.peek() == '/' && sc.i+1 < len(sc.s) && unicode.IsUpper(rune(sc.s[sc.i+1])) {
		save := sc.i
		sc.next()
		if sc.place() == "" || sc.peek() == '/' && !unicode.IsUpper(sc.peekAt(sc.i+1)) {
			sc.i = save
			break
		}
	}
	afterPlace := sc.i

	// "Moscow-." — a dash glued to a full stop right after the place.
	{
		sc.spaces()
		if sc.dashes(false) > 0 {
			sc.spaces()
			if sc.peek() == '.' {
				sc.next()
				sc.spaces()
				return Dateline{Place: d.Place, Len: sc.i}, true
			}
		}
		sc.i = afterPlace
	}

	// A region after the place (", Kenya", ", Calif."), unless it is a date.
	if sc.peek() == ',' {
		save := sc.i
		sc.next()
		sc.spaces()
		if sc.monthWord() != 0 || !unicode.IsUpper(sc.peek()) {
			sc.i = save
		} else {
			region := sc.place()
			if region == "" {
				sc.i = save
			} else {
				d.Region = normPlace(region)
			}
		}
	}
	// A date: ", January 26", " Jan 13", ", 26 January 2022".
	{
		save := sc.i
		if sc.peek() == ',' {
			sc.next()
		}
		if !sc.date(&d) {
			sc.i = save
		}
	}
	beforeClose := sc.i

	// TASS style: ". /TASS/." — the outlet between slashes.
	if sc.peek() == '.' {
		sc.next()
	}
	sc.spaces()
	if sc.peek() == '/' {
		sc.next()
		if name, ok := sc.outletUntil('/'); ok {
			sc.spaces()
			for sc.i < len(sc.s) && strings.ContainsRune(".:-–—", sc.peek()) {
				sc.next()
			}
			sc.spaces()
			d.Outlet = CanonicalOutlet(name)
			d.Len = sc.i
			return d, true
		}
	}
	sc.i = beforeClose

	// Agency style: " (Reuters) -", " (AP) _", " (AFP) –", " (dpa):".
	sc.spaces()
	if sc.peek() == '(' {
		sc.next()
		// The name is a known service ("(dpa)") or opens with a capital:
		// "ORLOV (through translator): …" is a transcript's label.
		if name, ok := sc.outletUntil(')'); ok && !partyStateTag(name) && bracketOutlet(name) {
			sc.spaces()
			sc.dotBeforeDash() // EFE's "(EFE).- "
			n := sc.dashes(true)
			if n == 0 && sc.peek() == ':' {
				sc.next()
				n = 1
			}
			if n > 0 {
				sc.spaces()
				d.Outlet = CanonicalOutlet(strings.TrimSpace(name))
				d.Len = sc.i
				return d, true
			}
			// Indian agencies close the dateline with the bracket alone:
			// "New Delhi, Mar 3 (PTI) External Affairs Minister …". Only
			// a known service, and a capital after it.
			if c, known := KnownOutlet(name); known && sc.i < len(sc.s) && unicode.IsUpper(sc.peek()) && sc.s[sc.i-1] == ' ' {
				d.Outlet = c
				d.Len = sc.i
				return d, true
			}
		}
		return Dateline{}, false
	}
	sc.i = beforeClose

	// A wire service named without brackets: "TOKYO, Feb. 24 Kyodo -",
	// "SEOUL, March 3 Yonhap --", "Riyadh, January 12, 2023, SPA --".
	// Only a known service, so that a sentence with a dash after its
	// first words is never read as a dateline.
	sc.spaces()
	if sc.peek() == ',' && d.HasDate() {
		sc.next()
		sc.spaces()
	}
	if name, ok := sc.bareOutlet(); ok {
		sc.spaces()
		if n := sc.dashes(false); n > 0 && n <= 2 && sc.spaces() > 0 {
			d.Outlet = name
			d.Len = sc.i
			return d, true
		}
	}
	sc.i = beforeClose

	// A place and its date alone on their line, as Indian and European
	// sites print them above the report: "NEW DELHI, OCTOBER 13, 2021",
	// "Moscow, 26 January 2022." The line holds nothing else.
	if d.HasDate() && (isCaps(place) || plausibleTitlePlace(d)) {
		sc.spaces()
		if sc.peek() == '.' {
			sc.next()
		}
		sc.spaces()
		if sc.i == len(sc.s) {
			d.Len = sc.i
			return d, true
		}
		sc.i = beforeClose
	}

	// A known place in capitals alone on its line, above the report, as
	// Anadolu and other agencies print it: "ANKARA".
	if isCaps(place) && d.Region == "" && !d.HasDate() && knownPlace(d.Place) {
		sc.spaces()
		if sc.i == len(sc.s) {
			d.Len = sc.i
			return d, true
		}
		sc.i = beforeClose
	}

	// Plain American style: "WASHINGTON —", "KYIV, Ukraine --"; and the
	// colon of South Asian papers, "NEW DELHI: …", "ISLAMABAD, Oct 13: …".
	// Only with the place in capitals (see capsDateline), or in title case
	// when the words cannot open a sentence: a city and its country
	// ("Doha, Qatar - ", "Kabul, Afghanistan — ") or a capital alone
	// ("Doha - "); never a country alone ("Russia - which …").
	if !isCaps(place) && !titleDateline(d) {
		return Dateline{}, false
	}
	sc.spaces()
	dotted := sc.dotBeforeDash() // "PARIS, July 10.--Foreign Minister …"
	dashAt := sc.i
	n := sc.dashes(false)
	// the old papers' "GENEVA, May 20--Premier …": a double hyphen (or a
	// dash) glued to the report
	glued := dotted || n == 2 && sc.s[dashAt] == '-' || n == 1 && sc.s[dashAt] != '-'
	if n == 0 && sc.peek() == ':' {
		// A capitalised word and a colon is as often a label ("BREAKING:",
		// a transcript's "PRICE:"): the place must be a known country or
		// capital, or carry a date.
		if !d.HasDate() && d.Region == "" && !knownPlace(d.Place) {
			return Dateline{}, false
		}
		sc.next()
		n = 1
	}
	sp := sc.spaces()
	if n > 0 && n <= 2 && sc.i == len(sc.s) && (d.HasDate() || d.Region != "" || knownPlace(d.Place)) {
		// "DOHA, May 6 —" alone on its line (a page's dateline paragraph
		// above the report)
		d.Len = sc.i
		return d, true
	}
	if n == 0 || n > 2 || sp == 0 && !(glued && isCaps(place) && unicode.IsUpper(sc.peek())) {
		return Dateline{}, false
	}
	// In title case the report must open with a capital after the dash:
	// "Moscow — and Washington — disagree" is a sentence.
	if !isCaps(place) && !unicode.IsUpper(sc.peek()) {
		return Dateline{}, false
	}
	d.Len = sc.i
	return d, true
}

// titleDateline reports whether a place written in title case is a
// dateline's: a known city with its country or state, or a known capital
// (not a country, whose name may open a sentence).
func titleDateline(d Dateline) bool {
	if d.Region != "" {
		_, kind, ok := actors.Place(d.Region)
		return ok && kind == "GPE" && !actors.IsDemonym(d.Region) || actors.IsRegion(d.Region)
	}
	c, _, ok := actors.Place(d.Place)
	return ok && knownPlace(d.Place) && (c != d.Place || d.HasDate())
}

// plausibleTitlePlace reports whether a place in title case before a date
// alone on its line may be a dateline's: a known place, or one or two
// words that name no body or office. "Department Press Briefing, March 9"
// and "Statement by the President, May 2" head a transcript; they name
// no place.
func plausibleTitlePlace(d Dateline) bool {
	if knownPlace(d.Place) || actors.IsRegion(d.Place) {
		return true
	}
	ws := strings.Fields(d.Place)
	if len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if actors.IsOrgHead(w) || actors.IsTitleWord(w) {
			return false
		}
	}
	return true
}

// knownPlace reports whether name is a country or a capital of the
// gazetteer (not a demonym: "RUSSIAN:" is no place).
func knownPlace(name string) bool {
	if _, _, ok := actors.Place(name); !ok {
		return false
	}
	_, demonym := actors.Demonym(name)
	return !demonym
}

// bareOutlet reads one to three words naming a known wire service
// ("Kyodo", "Associated Press") and returns its canonical name; it moves
// nowhere when there is none.
func (sc *scanner) bareOutlet() (string, bool) {
	start := sc.i
	end := -1
	name := ""
	for w := 0; w < 3; w++ {
		j := sc.i
		for j < len(sc.s) && (sc.s[j] >= 'A' && sc.s[j] <= 'Z' || sc.s[j] >= 'a' && sc.s[j] <= 'z' || sc.s[j] == '-') {
			j++
		}
		if j == sc.i || !(sc.s[sc.i] >= 'A' && sc.s[sc.i] <= 'Z') {
			break
		}
		sc.i = j
		if c, ok := KnownOutlet(sc.s[start:sc.i]); ok {
			name, end = c, sc.i
		}
		if sc.i < len(sc.s) && sc.s[sc.i] == ' ' {
			sc.i++
			continue
		}
		break
	}
	if end < 0 {
		sc.i = start
		return "", false
	}
	sc.i = end
	return name, true
}

// partyStateTag reports whether a bracketed name is an American party and
// state tag ("D-Mass.", "R-S.C."), not an outlet.
func partyStateTag(s string) bool {
	return len(s) >= 3 && (s[0] == 'D' || s[0] == 'R' || s[0] == 'I') && s[1] == '-' && s[2] >= 'A' && s[2] <= 'Z'
}

func monthOf(m int) time.Month { return time.Month(m) }

// bracketOutlet reports whether a bracketed name after a dateline's place
// can be an outlet: a known one, or a name opening with a capital.
func bracketOutlet(name string) bool {
	name = strings.TrimSpace(name)
	if _, ok := KnownOutlet(name); ok {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}
