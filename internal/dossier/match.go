package dossier

import (
	"slices"
	"sort"
)

// Side is which way an issue phrase points.
type Side uint8

// Sides of a phrase.
const (
	SideFor     Side = iota + 1 // states the proposition
	SideAgainst                 // states its opposite
	SideRelated                 // names the issue without a side
)

func (s Side) String() string {
	switch s {
	case SideFor:
		return "for"
	case SideAgainst:
		return "against"
	case SideRelated:
		return "related"
	}
	return "none"
}

// phrase is one compiled issue phrase: the matching forms of its content words.
type phrase struct {
	issue int
	side  Side
	text  string
	words []string
}

// partyPhrase is a party's name, alias or member as words.
type partyPhrase struct {
	party int
	words []token
}

// maxGap is how many extra content words may stand between two words of a
// phrase: "stopping NATO's expansion" matches "non-expansion", "not advance
// eastward" matches "not advance further eastward". One word keeps phrases
// from matching across unrelated stretches of a sentence.
const maxGap = 1

// compile builds the lookup tables of a validated dossier.
func (d *Dossier) compile() {
	d.names = map[string]int{}
	d.partyPhrases = d.partyPhrases[:0]
	for i, p := range d.Parties {
		for _, n := range append(append([]string{p.Name}, p.Aliases...), p.Members...) {
			d.names[normName(n)] = i
			toks := tokenize(n, nil)
			if len(toks) > 0 {
				d.partyPhrases = append(d.partyPhrases, partyPhrase{party: i, words: toks})
			}
		}
	}
	sort.SliceStable(d.partyPhrases, func(a, b int) bool {
		return len(d.partyPhrases[a].words) > len(d.partyPhrases[b].words)
	})
	d.partyFirst = map[string][]partyPhrase{}
	for _, pp := range d.partyPhrases {
		d.partyFirst[pp.words[0].low] = append(d.partyFirst[pp.words[0].low], pp)
	}
	d.index = map[string][]phrase{}
	for i, is := range d.Issues {
		add := func(list []string, side Side) {
			for _, text := range list {
				var words []string
				content := false
				for _, t := range tokenize(text, nil) {
					if t.fn {
						continue
					}
					words = append(words, t.norm)
					if t.norm != "not" {
						content = true
					}
				}
				if !content {
					continue // a phrase of function words or bare negation matches anything
				}
				ph := phrase{issue: i, side: side, text: text, words: words}
				k := bucket(words[0])
				d.index[k] = append(d.index[k], ph)
			}
		}
		add(is.For, SideFor)
		add(is.Against, SideAgainst)
		add(is.Related, SideRelated)
	}
}

// phraseMatch is one issue phrase found in a text: tokens [from, to).
type phraseMatch struct {
	issue    int
	side     Side
	phrase   string
	from, to int
}

// findPhrases returns every issue phrase in toks, in text order; for each
// issue the earliest match comes first.
func (d *Dossier) findPhrases(toks []token, dst []phraseMatch) []phraseMatch {
	dst = dst[:0]
	for i := range toks {
		if toks[i].fn {
			continue
		}
		cands := d.index[bucket(toks[i].norm)]
		for _, ph := range cands {
			if !stemMatch(ph.words[0], toks[i].norm) {
				continue
			}
			if end, ok := matchFrom(toks, i, ph.words); ok {
				dst = append(dst, phraseMatch{issue: ph.issue, side: ph.side, phrase: ph.text, from: i, to: end})
			}
		}
	}
	slices.SortStableFunc(dst, func(a, b phraseMatch) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return (b.to - b.from) - (a.to - a.from)
	})
	return dst
}

// matchFrom matches words against toks from i (toks[i] already matches
// words[0]); function words are skipped, up to maxGap other words may stand
// between two phrase words, and a match never crosses a sentence end.
func matchFrom(toks []token, i int, words []string) (int, bool) {
	j := i + 1
	for k := 1; k < len(words); k++ {
		gap := 0
		for {
			if j >= len(toks) || toks[j].punct == '.' {
				return 0, false
			}
			if toks[j].fn {
				j++
				continue
			}
			if stemMatch(words[k], toks[j].norm) {
				j++
				break
			}
			if gap >= maxGap {
				return 0, false
			}
			gap++
			j++
		}
	}
	return j, true
}

// findParty returns the party named at toks[i] and the index after the
// name, or -1. An alias written all in capitals ("US") only matches a word
// that starts with a capital, so the pronoun "us" is not the United States.
// A demonym ("Russian") names its country when the country is a party.
func (d *Dossier) findParty(toks []token, i int) (int, int) {
	for _, pp := range d.partyFirst[toks[i].low] {
		if i+len(pp.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range pp.words {
			t := toks[i+k]
			if t.low != w.low || (w.allUpper && !t.upper) || (k > 0 && t.punct != 0 && t.punct != '"') {
				ok = false
				break
			}
		}
		if ok {
			return pp.party, i + len(pp.words)
		}
	}
	if toks[i].upper {
		if c, ok := demonyms[toks[i].low]; ok {
			if p := d.PartyIndex(c); p >= 0 {
				return p, i + 1
			}
		}
		if i+1 < len(toks) && toks[i+1].upper {
			if c, ok := demonyms[toks[i].low+" "+toks[i+1].low]; ok {
				if p := d.PartyIndex(c); p >= 0 {
					return p, i + 2
				}
			}
		}
	}
	return -1, i
}

// PartyOf returns the party a speaker belongs to: their affiliation, their
// name (a country or body that is a party, alias or member), or a party
// named inside the name or title ("Russian Defense Ministry"); -1 if none.
func (d *Dossier) PartyOf(name, title, affiliation string) int {
	if d == nil {
		return -1
	}
	for _, s := range []string{affiliation, name} {
		if s == "" {
			continue
		}
		if p := d.PartyIndex(s); p >= 0 {
			return p
		}
	}
	for _, s := range []string{affiliation, name, title} {
		if s == "" {
			continue
		}
		toks := tokenize(s, nil)
		for i := range toks {
			if p, _ := d.findParty(toks, i); p >= 0 {
				return p
			}
		}
	}
	return -1
}
