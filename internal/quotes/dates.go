package quotes

import (
	"sort"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// timexAt reports whether byte offset p lies in a time expression.
func (d *doc) timexAt(p int) bool {
	if len(d.timexes) == 0 {
		return false
	}
	// timexes are sorted by start and do not overlap: the candidate is
	// the last one starting at or before p.
	i := sort.Search(len(d.timexes), func(i int) bool { return d.timexes[i].Span[0] > p }) - 1
	return i >= 0 && p < d.timexes[i].Span[1]
}

// dated is a statement's date and how it was found (article.Date*).
type dated struct {
	v, basis string
}

var undated = dated{basis: article.DateNone}

// date decides the statement's date (see the package documentation):
//   - a time expression that governs the cue: in the reporting clause, or
//     just after the cue before any complement ("announced the curbs on
//     June 3", "told reporters in Geneva on Monday"); a date inside the
//     reported content is not the date of saying;
//   - "earlier", "previously", "has repeatedly said": no day;
//   - an opening "In announcing the tariffs, …": the day the text gives
//     for that announcement;
//   - the same speaker's last date in a dated article;
//   - a present-tense cue ("says"): the publication day;
//   - else the report's default (see leadDate; tryCue leaves an
//     organisation's statement undated when that default is an earlier
//     day's event it is not placed at).
func (d *doc) date(u unit, h cueHit, c clause, key string) dated {
	first := sort.Search(len(d.timexes), func(i int) bool { return d.timexes[i].Span[0] >= u.span[0] })
	var weekly dated
	for _, tx := range d.timexes[first:] {
		if tx.Span[0] >= u.span[1] {
			break
		}
		if tx.Span[1] > u.span[1] {
			continue
		}
		ti := d.tokAt(tx.Span[0])
		if ti < 0 || d.inQ[ti] || (ti >= c.relative[0] && ti < c.relative[1] && !d.speakingRelative(c.relative)) {
			continue
		}
		inContent := c.content.Contains(tx.Span)
		// "said Friday's meeting had gone well": the day of a noun of
		// the content
		if inContent && d.possessiveTimex(tx.Span) {
			continue
		}
		// "said the 2019 talks had failed": a date that modifies a noun
		// of the content is the content's ("said at a Nov. 6 event" is
		// the occasion of saying)
		// So does one in a phrase after the cue that is not the
		// occasion: "…," Karimi said, referring to the 2015 nuclear deal
		// (but "said in a 2015 interview").
		if (inContent || ti >= h.t1) && ti > 0 && d.toks[ti-1].Kind == text.Word && (inLex(determinersLex, d.lower(ti-1)) || pronouns[d.lower(ti-1)] != "") &&
			!(ti > 1 && (d.lower(ti-2) == "at" || d.lower(ti-2) == "during" || !inContent && d.lower(ti-2) == "in")) &&
			!(!inContent && d.occasionAfter(tx.Span[1])) {
			continue
		}
		nearCue := ti >= h.t1 && ti-h.t1 <= 3
		if !nearCue && ti >= h.t1 && ti-h.t1 <= 7 {
			nearCue = d.adjunctAfterCue(h.t1, ti)
		}
		inRep := !inContent && ((ti >= c.rep[0] && ti < c.rep[1]) || ti < c.subj[0])
		if !(nearCue || inRep) {
			continue
		}
		if v := cutValue(tx.Value); v != "" {
			dt := dated{v, timexBasis(tx.Text)}
			// "last week", "this weekend" date the saying only by their
			// month or year: a day that also governs the cue is better
			if isWeek(tx.Value) {
				if weekly.v == "" {
					weekly = dt
				}
				continue
			}
			if key != "" {
				d.lastDate[key] = dt
			}
			return dt
		}
	}
	if weekly.v != "" {
		if key != "" {
			d.lastDate[key] = weekly
		}
		return weekly
	}
	// "earlier", "previously", "repeatedly" before the cue or in the
	// reporting clause: not of the day.
	lo, hi := u.t0, c.rep[1]
	if h.t1+2 > hi {
		hi = h.t1 + 2
	}
	if hi > u.t1 {
		hi = u.t1
	}
	for t := lo; t < hi && t >= 0; t++ {
		if d.inQ[t] || (t >= h.t1 && d.toks[t].Span[0] >= c.content[0] && d.toks[t].Span[1] <= c.content[1]) ||
			(t >= c.relative[0] && t < c.relative[1]) {
			continue
		}
		if inLex(earlierWordsLex, d.lower(t)) {
			// and the speaker's continuing statements are undated too
			if key != "" {
				d.lastDate[key] = undated
			}
			return undated
		}
	}
	if dt, ok := d.eventTie(u); ok {
		return dt
	}
	if d.pub.IsZero() {
		// An undated article: only the statement's own time word dates it.
		return undated
	}
	if dt, ok := d.lastDate[key]; ok && key != "" {
		return dt
	}
	if h.kind == 'v' && isPresentCue(d.lower(h.t0)) {
		return dated{d.pubDay, article.DatePublication}
	}
	return d.defaultDate
}

// possessiveTimex reports whether the time expression at sp ends in a
// possessive or stands before one ("Friday's meeting").
func (d *doc) possessiveTimex(sp article.Span) bool {
	e := d.tokAt(sp[1] - 1)
	return e >= 0 && (d.toks[e].Kind == text.Possessive || e+1 < len(d.toks) && d.toks[e+1].Kind == text.Possessive)
}

// speakingRelative reports whether a relative clause about the speaker
// tells the occasion of saying: "Bako, who spoke with journalists in Abuja
// on Tuesday, said …" (its day is the statement's).
func (d *doc) speakingRelative(r [2]int) bool {
	if r[1]-r[0] < 2 || d.lower(r[0]) != "who" {
		return false
	}
	switch d.lower(r[0] + 1) {
	case "spoke", "addressed", "briefed", "told", "was", "appeared":
		// ("was speaking", "was addressing", "appeared on")
		if d.lower(r[0]+1) == "was" {
			return r[0]+2 < r[1] && (d.lower(r[0]+2) == "speaking" || d.lower(r[0]+2) == "addressing")
		}
		return true
	}
	return false
}

// occasionAfter reports whether the word after byte offset p names a
// document or an occasion of saying, which a date before it dates:
// "according to a 2018 survey", "an April 2nd report".
func (d *doc) occasionAfter(p int) bool {
	t := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Span[0] >= p })
	if t >= len(d.toks) || d.toks[t].Kind != text.Word {
		return false
	}
	w := d.lower(t)
	return docNouns[w] || w == "interview" || w == "survey" || w == "study" || w == "poll" || w == "remarks" || w == "briefing"
}

// adjunctAfterCue reports whether the tokens between the cue's end and a
// time expression at ti are an object or an adverbial of the verb of
// saying ("announced the curbs on", "told reporters in Geneva on"), not
// the start of the reported content: no complementiser, quote, comma,
// modal or infinitive marker stands between.
func (d *doc) adjunctAfterCue(from, ti int) bool {
	for t := from; t < ti; t++ {
		if d.inQ[t] {
			return false
		}
		switch d.lower(t) {
		case "that", "to", "if", "whether", "would", "will", "could", "should", "can", "may", "might",
			"must", "was", "were", "is", "are", "be", "had", "has", "have", ",", ":", ";", "\"", "“", "”":
			return false
		}
	}
	return true
}

// eventTie dates a sentence that opens with the event its statement is
// tied to ("In announcing the tariffs, the President said …",
// "Commenting on the response, Putin said …"): the date an earlier
// sentence gives for the same act (a form of the same verb) or the same
// thing (a content word of the opening clause, in the three sentences
// before).
func (d *doc) eventTie(u unit) (dated, bool) {
	t := u.t0
	switch d.lower(t) {
	case "in", "while", "when", "after", "upon", "on":
		t++
	}
	if t >= u.t1 {
		return dated{}, false
	}
	verb := d.lower(t)
	if len(verb) < 7 || !strings.HasSuffix(verb, "ing") || d.inQ[t] {
		return dated{}, false
	}
	stem := verb[:len(verb)-3]
	if len(stem) > 5 {
		stem = stem[:len(stem)-1] // "announc", "comment": any form of the verb
	}
	// the content words of the opening clause, up to its comma
	var words []string
	for k := t + 1; k < u.t1 && k < t+10; k++ {
		w := d.lower(k)
		if w == "," {
			break
		}
		if len(w) >= 5 && !tieStop[w] {
			words = append(words, w)
		}
	}
	ui := d.ui // the unit being analysed
	if ui < 0 || ui >= len(d.unitList) || d.unitList[ui].span != u.span {
		ui = -1
		for i, x := range d.unitList {
			if x.span == u.span {
				ui = i
				break
			}
		}
	}
	for i := ui - 1; i >= 0; i-- {
		x := d.unitList[i]
		near := ui-i <= 3
		if ui-i > 40 {
			// an act tied to a sentence forty back is no tie: a long
			// transcript would make every statement read them all
			break
		}
		var best dated
		first := sort.Search(len(d.timexes), func(k int) bool { return d.timexes[k].Span[0] >= x.span[0] })
		for _, tx := range d.timexes[first:] {
			if tx.Span[0] >= x.span[1] {
				break
			}
			if tx.Span[1] > x.span[1] {
				continue
			}
			if ti := d.tokAt(tx.Span[0]); ti < 0 || d.inQ[ti] {
				continue
			}
			if v := cutValue(tx.Value); v != "" && best.v == "" {
				best = dated{v, article.DateEvent}
			}
		}
		if best.v == "" {
			continue
		}
		for k := x.t0; k < x.t1; k++ {
			if d.inQ[k] {
				continue
			}
			w := d.lower(k)
			if len(w) >= len(stem) && w[:len(stem)] == stem {
				return best, true
			}
			if near {
				for _, cw := range words {
					if w == cw {
						return best, true
					}
				}
			}
		}
	}
	return dated{}, false
}

// tieStop are words of an opening clause that name no particular act.
var tieStop = map[string]bool{
	"about": true, "their": true, "there": true, "these": true, "those": true, "which": true,
	"other": true, "where": true, "while": true, "after": true, "before": true, "during": true,
}

// isPresentCue reports whether a verb cue is in the present tense
// ("says", "tells", "warns"): the report speaks of its own day.
func isPresentCue(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	switch w {
	case "was", "has", "is", "thus", "does":
		return false
	}
	return true
}

// timexBasis tells a written date ("January 26", "2022-01-26", "Dec.
// 17") from a relative time word ("Wednesday", "yesterday", "today").
func timexBasis(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return article.DateStated
		}
	}
	// a word that opens with a month's first three letters
	for i := 0; i+3 <= len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		w := [3]byte{s[i] | 0x20, s[i+1] | 0x20, s[i+2] | 0x20}
		for _, m := range monthPrefixes {
			if string(w[:]) == m {
				return article.DateStated
			}
		}
	}
	return article.DateRelative
}

var monthPrefixes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

func (d *doc) tokAt(p int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].Span[1] <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.toks) && d.toks[lo].Span[0] <= p {
		return lo
	}
	return -1
}

// cutValue keeps YYYY-MM-DD, YYYY-MM or YYYY from a TIMEX3 value.
func cutValue(v string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	switch {
	case len(v) >= 10 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && v[7] == '-' && digits(v[8:10]):
		return v[:10]
	case len(v) >= 7 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && (len(v) == 7 || v[7] != 'W'):
		return v[:7]
	case len(v) == 4 && digits(v):
		return v
	case len(v) >= 7 && digits(v[:4]) && v[4] == '-' && v[5] == 'W':
		return weekValue(v)
	}
	return ""
}

// weekValue cuts an ISO week ("2023-W10", "2023-W10-WE": "last week",
// "this weekend") to the month all its days lie in, else to its year,
// else "": the contract dates a statement by day, month or year.
func weekValue(v string) string {
	y, w, rest := 0, 0, ""
	i := 6
	for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
		w = w*10 + int(v[i]-'0')
	}
	rest = v[i:]
	for k := 0; k < 4; k++ {
		y = y*10 + int(v[k]-'0')
	}
	if w < 1 || w > 53 || (rest != "" && rest != "-WE") {
		return ""
	}
	// Monday of ISO week 1 is the Monday on or before January 4.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
	first, last := mon, mon.AddDate(0, 0, 6)
	if rest == "-WE" {
		first = mon.AddDate(0, 0, 5)
	}
	switch {
	case first.Year() == last.Year() && first.Month() == last.Month():
		return first.Format("2006-01")
	case first.Year() == last.Year():
		return first.Format("2006")
	}
	return ""
}

// leadDate is the date a report's statements take when nothing else
// dates them: the first day-exact time expression of the lead paragraphs
// that lies within the week before publication (a report of Wednesday's
// talks published on Thursday: the event's day), else the publication day
// for a same-day report (its dateline dates it), else none: a report
// published later may quote what was said any day before.
func (d *doc) leadDate(paras []article.Span, sameDay bool) dated {
	if d.pub.IsZero() {
		return undated
	}
	pub := d.pubDay
	limit := len(d.body)
	if len(paras) > 0 {
		limit = paras[0][1]
		// the lead is the first paragraph with a full sentence
		for _, p := range paras {
			if p.Len() > 120 {
				limit = p[1]
				break
			}
		}
	}
	lead0 := 0
	for _, p := range paras {
		if p[1] == limit {
			lead0 = p[0]
		}
	}
	for _, tx := range d.timexes {
		if tx.Span[0] >= limit {
			break
		}
		// The dateline's own date ("MOSCOW, January 13.") is the
		// publication date, not the date of the event reported; and only
		// the lead's opening sentences speak of the day's event.
		if tx.Span[0] < lead0+40 {
			continue
		}
		if tx.Span[0] > lead0+400 {
			break
		}
		v := cutValue(tx.Value)
		if len(v) != 10 {
			continue
		}
		t, ok := article.ParseDay(v)
		if !ok {
			continue
		}
		if !t.After(d.pub) && d.pub.Sub(t) <= 7*24*time.Hour {
			return dated{v, article.DateEvent}
		}
	}
	if sameDay {
		return dated{pub, article.DatePublication}
	}
	return undated
}

// isWeek reports an ISO week value ("2023-W10", "2023-W10-WE").
func isWeek(v string) bool { return len(v) >= 7 && v[4] == '-' && v[5] == 'W' }
