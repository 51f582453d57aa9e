package meta

import (
	"regexp"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// Evidence is everything known about when an article was published.
type Evidence struct {
	// Given is a date that came with the input (a JSON Lines field, a feed
	// item, page metadata, a --published flag); GivenBasis says which.
	Given      time.Time
	GivenTime  bool // Given carries a time of day
	GivenBasis string
	// Dateline is the report's dateline, if any.
	Dateline *Dateline
	// Stamps are site date stamps ("20.02.2022") seen in the page furniture
	// before the body started, in page order.
	Stamps []time.Time
	// TextDates are full dates (day, month, year) written in the body.
	TextDates []time.Time
	// YearHint is a year given by the user (--year) for datelines without one.
	YearHint int
}

// Decision is the publication date and how it was decided.
type Decision struct {
	Published string // "2006-01-02", "2006-01-02T15:04:05Z07:00", or "" when unknown
	Basis     string // one of the article.Basis* constants, "" when unknown
	// NeedsYear is true when the dateline gave a day and month but nothing
	// told the year: the caller may decide it from the rest of the corpus
	// (ResolveYear) and run the analysis again.
	NeedsYear bool
	Month     time.Month
	Day       int
}

// Decide picks the publication date from the evidence, most direct first.
// It never guesses silently: when nothing dates the article, Published is
// empty; every inference is named in Basis.
func Decide(ev Evidence) Decision {
	// The input's own date wins: it is what the publisher or the user said.
	if !ev.Given.IsZero() {
		if ev.GivenTime {
			return Decision{Published: ev.Given.Format(time.RFC3339), Basis: ev.GivenBasis}
		}
		return Decision{Published: ev.Given.Format("2006-01-02"), Basis: ev.GivenBasis}
	}
	if dl := ev.Dateline; dl != nil && dl.HasDate() {
		if dl.Year != 0 {
			return dated(dl.Year, dl.Month, dl.Day, article.BasisDateline)
		}
		// A dateline without a year: "MOSCOW, January 26." Wire services omit
		// the year because the reader knows it; recover it from what else the
		// page says, in order of reliability.
		if ev.YearHint != 0 {
			return dated(ev.YearHint, dl.Month, dl.Day, article.BasisDatelineYear+"-hint")
		}
		// A site stamp on the same day and month names the year outright.
		for _, s := range ev.Stamps {
			if s.Month() == dl.Month && s.Day() == dl.Day {
				return dated(s.Year(), dl.Month, dl.Day, article.BasisDatelineYear+"-stamp")
			}
		}
		// Reports look back: the report's date is on or after every full date
		// it mentions, and a wire story rarely looks back more than a year. So
		// the year is the first one that puts the dateline on or after the
		// latest date written in the text.
		if latest, ok := latestBefore(ev.TextDates, time.Time{}); ok {
			y := latest.Year()
			if time.Date(y, dl.Month, dl.Day, 0, 0, 0, 0, time.UTC).Before(latest) {
				y++
			}
			return dated(y, dl.Month, dl.Day, article.BasisDatelineYear+"-text")
		}
		return Decision{NeedsYear: true, Month: dl.Month, Day: dl.Day}
	}
	// No dated dateline: the latest site stamp shown above the article is
	// its publication stamp (earlier ones date the section it belongs to;
	// stamps below the body date related articles and are not collected).
	if latest, ok := latestBefore(ev.Stamps, time.Time{}); ok {
		return Decision{Published: latest.Format("2006-01-02"), Basis: article.BasisDateStamp}
	}
	return Decision{}
}

// ResolveYear finishes a decision that NeedsYear with the year that puts
// the day and month closest to the dates of the other articles of the same
// corpus (a run of `parley extract`, or the store). ok is false when the
// corpus has no dated article.
func ResolveYear(d Decision, corpus []time.Time) (Decision, bool) {
	if !d.NeedsYear || len(corpus) == 0 {
		return d, false
	}
	best, bestDist := 0, time.Duration(1<<62)
	for _, c := range corpus {
		for _, y := range []int{c.Year() - 1, c.Year(), c.Year() + 1} {
			t := time.Date(y, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
			dist := t.Sub(c)
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = y, dist
			}
		}
	}
	return dated(best, d.Month, d.Day, article.BasisDatelineYear+"-corpus"), true
}

func dated(y int, m time.Month, d int, basis string) Decision {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m { // 31 February and the like: not a date
		return Decision{}
	}
	return Decision{Published: t.Format("2006-01-02"), Basis: basis}
}

func latestBefore(ts []time.Time, limit time.Time) (time.Time, bool) {
	var best time.Time
	for _, t := range ts {
		if !limit.IsZero() && t.After(limit) {
			continue
		}
		if t.After(best) {
			best = t
		}
	}
	return best, !best.IsZero()
}

// stampRe finds site date stamps: "20.02.2022" (day first, as European sites
// print them) and ISO "2022-02-20".
var stampRe = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\b|T)`)

// DateStamps returns the dates stamped in a furniture line.
func DateStamps(line string) []time.Time {
	var out []time.Time
	for _, m := range stampRe.FindAllStringSubmatch(line, -1) {
		var y, mo, d int
		if m[3] != "" {
			d, mo, y = atoi(m[1]), atoi(m[2]), atoi(m[3])
			if strings.Contains(m[0], "/") {
				// "14/11/2023" is day first, "11/14/2023" (American)
				// month first; "03/04/2023" could be either: no stamp.
				switch {
				case d > 12 && mo <= 12:
				case mo > 12 && d <= 12:
					d, mo = mo, d
				default:
					continue
				}
			}
		} else {
			y, mo, d = atoi(m[4]), atoi(m[5]), atoi(m[6])
		}
		if t, ok := validDate(y, mo, d); ok {
			out = append(out, t)
		}
	}
	return out
}

// fullDateRe finds dates written out with their year: "December 17, 2021",
// "Dec. 17, 2021", "17 December 2021".
var fullDateRe = regexp.MustCompile(`\b` + reMonth + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + reMonth + `,?\s+((?:19|20)\d\d)\b`)

// TextDates returns the full dates (with day, month and year) written in text.
// The pattern runs only on the few bytes before each four-digit year, found
// by a plain scan: most of a text has no year in it.
func TextDates(text string) []time.Time {
	var out []time.Time
	last := 0
	for i := 0; i+4 <= len(text); i++ {
		c := text[i]
		if (c != '1' && c != '2') || (i > 0 && isDigit(text[i-1])) || !isDigit(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) || (i+4 < len(text) && isDigit(text[i+4])) {
			continue
		}
		from := max(i-24, last)
		for _, m := range fullDateRe.FindAllStringSubmatch(text[from:i+4], -1) {
			out = appendDate(out, m)
		}
		last = i + 4
		i += 3
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func appendDate(out []time.Time, m []string) []time.Time {
	var mo time.Month
	var d, y int
	if m[1] != "" {
		mo, d, y = MonthByName(m[1]), atoi(m[2]), atoi(m[3])
	} else {
		d, mo, y = atoi(m[4]), MonthByName(m[5]), atoi(m[6])
	}
	if t, ok := validDate(y, int(mo), d); ok {
		out = append(out, t)
	}
	return out
}

func validDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// AssumedAnchor is the date relative time expressions are read against
// when an article's publication date is unknown: the Sunday that ends the
// week of the latest date the text names. Wire reports name the days of the
// week they cover; reading "on Friday" against the end of the latest named
// week keeps it in that week, where such reports place it. The year of a day
// named without one ("On January 26") comes from the full dates before it
// ("December 17, 2021"): the first year that does not put it before them.
// ok is false when the text names no full date: then nothing is assumed.
func AssumedAnchor(text string) (time.Time, bool) {
	full := TextDates(text)
	if len(full) == 0 {
		return time.Time{}, false
	}
	latest := full[0]
	for _, t := range full {
		if t.After(latest) {
			latest = t
		}
	}
	base := latest
	for i := 0; i < len(text); {
		mo, d, end, found := nextMonthDay(text, i)
		if !found {
			break
		}
		i = end
		t, ok := validDate(base.Year(), int(mo), d)
		if !ok {
			continue
		}
		if t.Before(base) {
			if t, ok = validDate(base.Year()+1, int(mo), d); !ok {
				continue
			}
			// A day more than a year past every full date is no reading of
			// this text: skip it.
			if t.Sub(base) > 366*24*time.Hour {
				continue
			}
		}
		if t.After(latest) {
			latest = t
		}
	}
	wd := int(latest.Weekday()) // Sunday = 0
	return latest.AddDate(0, 0, (7-wd)%7), true
}
