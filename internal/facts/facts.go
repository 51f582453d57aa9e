// Package facts merges the reports of one speech act or one event across
// articles: several outlets carrying the same statement, a wire story and
// its syndicated copies, a paraphrase and a truncated quote. A Fact is said
// or done once, with every report of it listed; counts of "how many outlets
// carried it" come from here.
//
// Matching survives paraphrase and truncation because it compares content
// words as sets (the share of the shorter report's words found in the
// longer one), not strings; and it only compares reports that already agree
// on who (the same actor) and when (compatible dates), which keeps it fast
// and keeps two different sayings of one speaker apart.
package facts

import (
	"sort"
	"strings"
	"unicode"
)

// Kinds of items.
const (
	Statement = "statement"
	Event     = "event"
)

// Report is one article's report of a fact.
type Report struct {
	ArticleID int64  `json:"article_id"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Span      [2]int `json:"span"`
	Text      string `json:"text"`
	// Syndicated is true when the article is a near-copy of another
	// article's text (see Syndicated): it is listed, not counted.
	Syndicated bool `json:"syndicated,omitempty"`
}

// Item is one statement or event as one article reports it.
type Item struct {
	Kind  string // Statement or Event
	Date  string // YYYY-MM-DD, YYYY-MM, YYYY or ""
	Type  string // event type, or statement kind
	Actor string // speaker or actor, canonical name
	// Party is the country or body the actor belongs to (its affiliation),
	// or the actor itself when it is one: "Russian Foreign Ministry" → Russia.
	Party  string
	Target string
	Cue    string
	Text   string
	Report Report
}

// Fact is what was said or done, once, with every report of it.
type Fact struct {
	ID      int      `json:"id"`
	Kind    string   `json:"kind"`
	Date    string   `json:"date"`
	Type    string   `json:"type"`
	Actor   string   `json:"actor"`
	Target  string   `json:"target,omitempty"`
	Cue     string   `json:"cue,omitempty"`
	Text    string   `json:"text"`
	Reports []Report `json:"reports"`
	// Outlets are the distinct outlets that carried the fact, syndicated
	// copies left out.
	Outlets []string `json:"outlets"`
}

// Options tune matching.
type Options struct {
	// MinOverlap is the share of the shorter text's content words that must
	// be in the longer one (default 0.6).
	MinOverlap float64
}

// Merge groups items into facts. Items of one kind and actor whose dates are
// compatible and whose texts overlap enough are one fact. Facts come out in
// date order (undated last), then by actor; the result is deterministic.
func Merge(items []Item, opt Options) []Fact {
	if opt.MinOverlap <= 0 {
		opt.MinOverlap = 0.6
	}
	type member struct {
		item  Item
		words map[string]bool
	}
	// Bucket by kind and actor: only reports that agree on who are compared.
	buckets := map[string][]int{}
	members := make([]member, len(items))
	for i, it := range items {
		members[i] = member{it, contentWords(it.Text + " " + it.Cue)}
		buckets[bucketKey(it)] = append(buckets[bucketKey(it)], i)
	}
	parent := make([]int, len(items))
	// date is each cluster's most precise date, kept on its root, so that an
	// undated report cannot join two reports of different days.
	date := make([]string, len(items))
	for i := range parent {
		parent[i] = i
		date[i] = items[i].Date
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx := buckets[k]
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				x, y := members[idx[a]], members[idx[b]]
				if x.item.Report.ArticleID == y.item.Report.ArticleID && x.item.Report.ArticleID != 0 {
					continue // one article does not report one fact twice
				}
				if !compatibleDates(x.item.Date, y.item.Date) {
					continue
				}
				if x.item.Kind == Event && x.item.Type != y.item.Type {
					continue
				}
				if sameEvent(x.item, y.item) || overlap(x.words, y.words) >= opt.MinOverlap {
					ra, rb := find(idx[a]), find(idx[b])
					if ra != rb && compatibleDates(date[ra], date[rb]) {
						parent[rb] = ra
						if len(date[rb]) > len(date[ra]) {
							date[ra] = date[rb]
						}
					}
				}
			}
		}
	}
	groups := map[int][]int{}
	for i := range items {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	facts := make([]Fact, 0, len(groups))
	for _, g := range groups {
		f := Fact{}
		outlets := map[string]bool{}
		for _, i := range g {
			it := items[i]
			f.Reports = append(f.Reports, it.Report)
			if it.Report.Outlet != "" && !it.Report.Syndicated {
				outlets[it.Report.Outlet] = true
			}
			// The fact takes the most precise date, the longest text, and
			// the first non-empty of the other fields.
			if len(it.Date) > len(f.Date) {
				f.Date = it.Date
			}
			if len(it.Text) > len(f.Text) {
				f.Text, f.Cue = it.Text, it.Cue
			}
			if f.Kind == "" {
				f.Kind = it.Kind
			}
			if f.Type == "" {
				f.Type = it.Type
			}
			if f.Actor == "" || len(it.Actor) > len(f.Actor) {
				f.Actor = it.Actor
			}
			if f.Target == "" {
				f.Target = it.Target
			}
		}
		sort.Slice(f.Reports, func(a, b int) bool {
			ra, rb := f.Reports[a], f.Reports[b]
			if ra.Published != rb.Published {
				return ra.Published < rb.Published
			}
			if ra.ArticleID != rb.ArticleID {
				return ra.ArticleID < rb.ArticleID
			}
			return ra.Span[0] < rb.Span[0]
		})
		for o := range outlets {
			f.Outlets = append(f.Outlets, o)
		}
		sort.Strings(f.Outlets)
		facts = append(facts, f)
	}
	sort.Slice(facts, func(a, b int) bool {
		fa, fb := facts[a], facts[b]
		if (fa.Date == "") != (fb.Date == "") {
			return fb.Date == ""
		}
		if fa.Date != fb.Date {
			return fa.Date < fb.Date
		}
		if fa.Actor != fb.Actor {
			return fa.Actor < fb.Actor
		}
		if fa.Kind != fb.Kind {
			return fa.Kind < fb.Kind
		}
		ra, rb := fa.Reports[0], fb.Reports[0]
		if ra.ArticleID != rb.ArticleID {
			return ra.ArticleID < rb.ArticleID
		}
		return ra.Span[0] < rb.Span[0]
	})
	for i := range facts {
		facts[i].ID = i + 1
	}
	return facts
}

// bucketKey is what two items must share to be compared. Events dated to
// the day are compared by type and day (an outlet may name the ministry
// where another names the country); everything else by who.
func bucketKey(it Item) string {
	if it.Kind == Event && len(it.Date) == len("2006-01-02") {
		return it.Kind + "\x00" + it.Type + "\x00" + it.Date
	}
	return it.Kind + "\x00" + actorKey(it.Actor)
}

// sameEvent reports whether two events of one type on one day are one
// event: their actors are the same or belong to the same party. Two
// outlets rarely describe one event in the same words ("published draft
// agreements", "the initiatives disclosed by the Russian side"), so the
// words are not compared.
func sameEvent(x, y Item) bool {
	if x.Kind != Event || y.Kind != Event || len(x.Date) != len("2006-01-02") || x.Date != y.Date || x.Type != y.Type {
		return false
	}
	px, py := party(x), party(y)
	return px != "" && strings.EqualFold(px, py)
}

func party(it Item) string {
	if it.Party != "" {
		return it.Party
	}
	return it.Actor
}

// compatibleDates reports whether two dates can name the same day: equal,
// one a prefix of the other ("2022-01" and "2022-01-26"), or one unknown.
func compatibleDates(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// actorKey folds an actor's name for bucketing: lower case, and the last
// word only for people ("Sergei Lavrov" and "Sergey Lavrov", "Lavrov").
func actorKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// contentWords returns the words of s that carry content: lower case,
// stopwords and one-letter words left out, a plural "s" cut.
func contentWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 2 || stop[w] {
			continue
		}
		if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		words[w] = true
	}
	return words
}

// overlap is the share of the smaller set's words found in the larger one.
func overlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or but of to in on at for by with from as that this these those it its
		is are was were be been being has have had do does did will would shall should can could may might must
		he she they we you i his her their our your him them us me not no yes so than then there here also which who
		whom whose what when where why how all any some such only own same other into over under about after before
		said says say told tell according`) {
		stop[w] = true
	}
}
