// Package bench builds synthetic corpora and measures Parley on them:
// ingest speed, database bytes per article and page latencies at a given
// corpus size (`parley bench`, docs/performance.md).
//
// The articles are generated, not taken from any data set: short wire
// reports about the invented 2031 steel-and-dairy quota negotiation of
// examples/, each with a dateline, a publication date, direct and indirect
// statements by named officials (some from examples/actors.yaml, most made
// up from name lists), dated events and stance cues of the example dossier.
// Every article is distinct: its numbers, names, days and sentence choices
// come from a generator seeded with the article's index, and its source
// names the index.
package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	firstNames = []string{"Ana", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
		"Kemal", "Laura", "Marek", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tanya",
		"Ulrich", "Vera", "Walter", "Ximena", "Yusuf", "Zofia", "Aaron", "Beatriz", "Carlos", "Dana"}
	lastNames = []string{"Abbott", "Brennan", "Castillo", "Dietrich", "Esposito", "Fontaine", "Gallagher", "Haddad",
		"Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quiroga",
		"Rasmussen", "Sandoval", "Takahashi", "Uribe", "Valdez", "Whitfield", "Xavier", "Yilmaz", "Zamora",
		"Albright", "Bergmann", "Cardoso", "Delacroix", "Eriksen", "Ferreira", "Grimaldi", "Holloway"}
	roles = []struct{ title, party string }{
		{"Trade Minister", "Canada"}, {"Agriculture Minister", "Canada"}, {"Finance Minister", "Canada"},
		{"Economy Minister", "Mexico"}, {"deputy trade minister", "Mexico"}, {"chief negotiator", "Mexico"},
		{"Trade Representative", "United States"}, {"Commerce Secretary", "United States"},
		{"deputy trade representative", "United States"}, {"chief negotiator", "Canada"},
	}
	known = []struct{ name, title, party string }{
		{"Helen Marchetti", "Trade Minister", "Canada"}, {"Daniel Okafor", "Trade Representative", "United States"},
		{"Lucia Ferrer", "Economy Minister", "Mexico"}, {"Paul Dubois", "Agriculture Minister", "Canada"},
	}
	cities   = []string{"OTTAWA", "MEXICO CITY", "WASHINGTON", "TORONTO", "MONTERREY", "CHICAGO", "GENEVA", "QUEBEC CITY"}
	agencies = []string{"Reuters", "AP", "AFP", "Bloomberg", "Canadian Press", "EFE"}
	outlets  = []string{"The Daily Ledger", "Northern Wire", "Gulf Coast Herald", "Capital Dispatch", "Prairie Times", "Harbour Post"}
	stances  = []string{
		"a deal on steel quotas is within reach",
		"the United States should lift steel tariffs as soon as the quotas are settled",
		"Washington would keep the tariffs until every clause was agreed",
		"Canada could accept a larger quota for dairy imports spread over several years",
		"dairy farmers cannot be traded away for steel",
		"the phase-out of the tariffs must take no longer than two years",
		"a ceiling on exports of %d tonnes a month was acceptable",
		"the quota agreement would be signed before the end of %s",
	}
	directs = []string{
		"We are %d or %d numbers away from an agreement.",
		"Nobody leaves this room until the dairy chapter is closed.",
		"Our steel workers have waited %d months for an answer, and they will not wait much longer.",
		"The tariffs come off the day the quotas are agreed, not a day later.",
		"We have made our offer on aluminium; the ball is in their court.",
		"A larger quota is possible, but not at the price of our farmers.",
		"This round was more productive than the last %d put together.",
	}
	events = []string{
		"Negotiators from the three countries met in %s on %s to review the draft text.",
		"The delegations exchanged revised offers on aluminium on %s.",
		"%s walked out of the afternoon session on %s, officials said.",
		"Talks were suspended on %s after a dispute over dairy licences.",
		"Both sides agreed on %s to extend the talks by %d days.",
	}
	sayVerbs = []string{"said", "told reporters", "said in a statement", "told a news conference", "wrote on social media"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Article is one generated article in Parley's JSON Lines input form.
type Article struct {
	Source    string `json:"source"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// Corpus is a synthetic corpus. Seed picks its articles. PerDay > 0 dates
// them in their order, PerDay articles a weekday from Monday 3 February
// 2031, as news arrives from a crawler or a feed; 0 dates each at random
// over 300 days from 1 February 2031, as an archive back-filled in no
// order (new rows then land anywhere in the store's date indexes: the
// harder case for ingest into a large store). The dates aside, both give
// the same texts.
type Corpus struct {
	Seed   uint64
	PerDay int
}

// Generate returns article i of the synthetic corpus with the given seed,
// randomly dated. The same (seed, i) always gives the same article.
func Generate(seed uint64, i int) Article { return Corpus{Seed: seed}.Article(i) }

// Article returns article i of c; the same (c, i) always gives the same
// article.
func (c Corpus) Article(i int) Article {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	day := time.Date(2031, 2, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDate(0, 0, 1)
	}
	if c.PerDay > 0 {
		// The k-th weekday from a Monday (the random draw above is still
		// made, so that the rest of the article is the same).
		k := i / c.PerDay
		day = time.Date(2031, 2, 3, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k/5*7+k%5)
	}
	wd := day.Weekday().String()
	prev := day.AddDate(0, 0, -1-r.IntN(3))
	person := func() (name, title, party string) {
		if r.IntN(3) == 0 {
			k := known[r.IntN(len(known))]
			return k.name, k.title, k.party
		}
		ro := roles[r.IntN(len(roles))]
		return pick(firstNames) + " " + pick(lastNames), ro.title, ro.party
	}
	fill := func(s string) string {
		n := strings.Count(s, "%")
		args := make([]any, 0, n)
		for j := range n {
			switch {
			case strings.Contains(s, "%s") && j == 0 && strings.HasPrefix(s, "the quota agreement"):
				args = append(args, pick(months))
			default:
				args = append(args, 2+r.IntN(400))
			}
		}
		return fmt.Sprintf(s, args...)
	}

	var b strings.Builder
	name, title, party := person()
	last := name[strings.LastIndexByte(name, ' ')+1:]
	fmt.Fprintf(&b, "%s, %s %d (%s) — %s %s %s %s on %s that %s.\n\n",
		pick(cities), day.Month().String()[:3]+".", day.Day(), pick(agencies),
		party, title, name, pick(sayVerbs), wd, fill(pick(stances)))
	fmt.Fprintf(&b, "\"%s\" %s said. \"%s\"\n\n", fill(pick(directs)), last, fill(pick(directs)))
	paras := 3 + r.IntN(5)
	for range paras {
		switch r.IntN(3) {
		case 0:
			n2, t2, p2 := person()
			fmt.Fprintf(&b, "%s's %s, %s, %s that %s. \"%s\" %s added.\n\n",
				p2, t2, n2, pick(sayVerbs), fill(pick(stances)), fill(pick(directs)), n2[strings.LastIndexByte(n2, ' ')+1:])
		case 1:
			ev := pick(events)
			var s string
			switch strings.Count(ev, "%") {
			case 1:
				s = fmt.Sprintf(ev, prev.Weekday().String())
			default:
				if strings.HasPrefix(ev, "%s walked") {
					s = fmt.Sprintf(ev, name, pick(weekdays))
				} else if strings.HasPrefix(ev, "Both") {
					s = fmt.Sprintf(ev, prev.Format("January 2"), 2+r.IntN(12))
				} else {
					s = fmt.Sprintf(ev, strings.Title(strings.ToLower(pick(cities))), prev.Format("January 2, 2006")) //nolint:staticcheck // ASCII city names
				}
			}
			fmt.Fprintf(&b, "%s The next round is due to open on %s, according to a schedule seen by %s.\n\n",
				s, day.AddDate(0, 0, 7+r.IntN(30)).Format("January 2"), pick(agencies))
		default:
			fmt.Fprintf(&b, "Exports of steel to the United States reached %d,%03d tonnes in %s, %d percent more than a year earlier, "+
				"according to figures released on %s by the statistics office in %s. Talks resume next %s.\n\n",
				10+r.IntN(900), r.IntN(1000), pick(months), 1+r.IntN(40), wd, strings.Title(strings.ToLower(pick(cities))), pick(weekdays)) //nolint:staticcheck // ASCII city names
		}
	}
	fmt.Fprintf(&b, "(Report %d by %s; editing by %s %s)", i, pick(lastNames), pick(firstNames), pick(lastNames))

	headline := fmt.Sprintf("%s says %s", last, strings.TrimSuffix(fill(pick(stances)), "."))
	return Article{
		Source:    fmt.Sprintf("synthetic-%08d", i),
		Title:     strings.ToUpper(headline[:1]) + headline[1:],
		Outlet:    pick(outlets),
		Published: day.Format("2006-01-02"),
		Text:      b.String(),
	}
}

// WriteCorpus writes articles [from, from+n) of the randomly dated corpus
// of seed as JSON Lines and returns the bytes written.
func WriteCorpus(w io.Writer, seed uint64, from, n int) (int64, error) {
	return Corpus{Seed: seed}.Write(w, from, n)
}

// Write writes articles [from, from+n) of c as JSON Lines and returns the
// bytes written.
func (c Corpus) Write(w io.Writer, from, n int) (int64, error) {
	cw := &countWriter{w: w}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for i := from; i < from+n; i++ {
		if err := enc.Encode(c.Article(i)); err != nil {
			return cw.n, fmt.Errorf("bench: write corpus: %w", err)
		}
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// TextBytes returns the bytes of text (title and body) of articles
// [from, from+n) of the corpus: what the database is measured against.
func TextBytes(seed uint64, from, n int) int64 { return Corpus{Seed: seed}.TextBytes(from, n) }

// TextBytes is the bytes of text of articles [from, from+n) of c.
func (c Corpus) TextBytes(from, n int) int64 {
	var t int64
	for i := from; i < from+n; i++ {
		a := c.Article(i)
		t += int64(len(a.Title) + len(a.Text))
	}
	return t
}
