package quotes

import (
	"sort"
	"time"

	"github.com/parley-news/parley/internal/article"
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

// date decides the statement's date (see the package documentation).
func (d *doc) date(u unit, h cueHit, c clause, key string) string {
	// A time expression in the reporting clause, or within three tokens
	// after the cue, governs the verb.
	first := sort.Search(len(d.timexes), func(i int) bool { return d.timexes[i].Span[0] >= u.span[0] })
	for _, tx := range d.timexes[first:] {
		if tx.Span[0] >= u.span[1] {
			break
		}
		if tx.Span[1] > u.span[1] {
			continue
		}
		ti := d.tokAt(tx.Span[0])
		if ti < 0 || d.inQ[ti] {
			continue
		}
		inContent := c.content.Contains(tx.Span)
		nearCue := ti >= h.t1 && ti-h.t1 <= 3
		inRep := !inContent && ((ti >= c.rep[0] && ti < c.rep[1]) || ti < c.subj[0])
		if !(nearCue || inRep) {
			continue
		}
		if v := cutValue(tx.Value); v != "" {
			if key != "" {
				d.lastDate[key] = v
			}
			return v
		}
	}
	// "earlier", "previously" in the reporting clause: not of the day.
	lo, hi := u.t0, c.rep[1]
	if h.t1+2 > hi {
		hi = h.t1 + 2
	}
	if hi > u.t1 {
		hi = u.t1
	}
	for t := lo; t < hi && t >= 0; t++ {
		if d.inQ[t] || d.toks[t].Span[0] >= c.content[0] && d.toks[t].Span[1] <= c.content[1] {
			continue
		}
		if earlierWords[d.lower(t)] {
			// and the speaker's continuing statements are undated too
			if key != "" {
				d.lastDate[key] = ""
			}
			return ""
		}
	}
	if v, ok := d.lastDate[key]; ok && key != "" {
		return v
	}
	return d.defaultDate
}

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
	}
	return ""
}

// leadDate is the date a same-day report's undated statements take: the
// first day-exact time expression of the lead paragraphs that lies within
// the week before publication (a report of Wednesday's talks published on
// Thursday), else the publication date, else none.
func (d *doc) leadDate(paras []article.Span) string {
	if d.pub.IsZero() {
		return ""
	}
	pub := d.pub.Format("2006-01-02")
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
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			continue
		}
		if !t.After(d.pub) && d.pub.Sub(t) <= 7*24*time.Hour {
			return v
		}
	}
	return pub
}
