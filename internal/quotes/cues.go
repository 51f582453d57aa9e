package quotes

import (
	"strings"

	"github.com/parley-news/parley/internal/text"
)

// cueHit is a reporting cue found in a unit.
type cueHit struct {
	t0, t1 int  // token range of the cue
	kind   byte // 'v' verb, 'a' according to, 'w' in his words/opinion, 'q' quoted X as saying
	class  cueClass
	subj   [2]int // for 'a','w','q': the speaker tokens
}

// findCues lists the cues of a unit outside quotes, in order.
func (d *doc) findCues(u unit) []cueHit {
	// One buffer per article: the hits of a unit are used only while
	// that unit is analysed.
	hits := d.hitBuf[:0]
	defer func() { d.hitBuf = hits[:0] }()
	for i := u.t0; i < u.t1; i++ {
		if d.inQ[i] || d.toks[i].Kind != text.Word {
			continue
		}
		w := d.lower(i)
		switch w {
		case "according":
			// "according to X": X is the speaker.
			if i+1 < u.t1 && d.lower(i+1) == "to" {
				s0 := i + 2
				s1 := s0
				for s1 < u.t1 && !d.inQ[s1] && d.toks[s1].Kind != text.Punct && d.toks[s1].Kind != text.Quote && s1-s0 < 10 {
					if lw := d.lower(s1); lw == "that" || lw == "which" || lw == "who" {
						break
					}
					s1++
				}
				if s1 > s0 {
					hits = append(hits, cueHit{t0: i, t1: i + 2, kind: 'a', class: speech, subj: [2]int{s0, s1}})
				}
			}
			continue
		case "in":
			// "in his words", "in her opinion", "in the words of X".
			if i+2 < u.t1 {
				w1, w2 := d.lower(i+1), d.lower(i+2)
				if (w1 == "his" || w1 == "her" || w1 == "their" || w1 == "its") && (w2 == "words" || w2 == "opinion" || w2 == "view" || w2 == "estimation") {
					hits = append(hits, cueHit{t0: i, t1: i + 3, kind: 'w', class: speech, subj: [2]int{i + 1, i + 2}})
					continue
				}
				// "in Berg's words", "in the minister's view": the name
				// in the possessive is the speaker
				if p := i + 2; w1 != "the" && isCap(d.word(i+1)) {
					for p < u.t1 && p < i+5 && d.toks[p].Kind != text.Possessive {
						p++
					}
					if p+1 < u.t1 && d.toks[p].Kind == text.Possessive && (d.lower(p+1) == "words" || d.lower(p+1) == "view" || d.lower(p+1) == "opinion") {
						hits = append(hits, cueHit{t0: i, t1: p + 2, kind: 'a', class: speech, subj: [2]int{i + 1, p}})
						continue
					}
				}
				if w1 == "the" && w2 == "words" && i+3 < u.t1 && d.lower(i+3) == "of" {
					s0 := i + 4
					s1 := s0
					for s1 < u.t1 && d.toks[s1].Kind != text.Punct && d.toks[s1].Kind != text.Quote && s1-s0 < 8 {
						s1++
					}
					if s1 > s0 {
						hits = append(hits, cueHit{t0: i, t1: i + 4, kind: 'a', class: speech, subj: [2]int{s0, s1}})
						continue
					}
				}
			}
			continue
		case "reported", "understood", "said", "believed":
			// "The minister is reported to have said privately that …",
			// "was understood to have told": the subject spoke, by
			// hearsay; the infinitive's verb is the cue's end.
			if i > u.t0 && i+3 < u.t1 && beForms[d.lower(i-1)] && d.lower(i+1) == "to" && d.lower(i+2) == "have" {
				if cs := cuesOf(d.lower(i + 3)); len(cs) > 0 && cs[0].past {
					hits = append(hits, cueHit{t0: i, t1: i + 4, kind: 'v', class: speech})
					i += 3
					continue
				}
			}
			// "The minister was reported as saying …", as "was quoted as
			// saying": the subject spoke.
			if w == "reported" && i > u.t0 && i+2 < u.t1 && beForms[d.lower(i-1)] && d.lower(i+1) == "as" && d.lower(i+2) == "saying" {
				hits = append(hits, cueHit{t0: i, t1: i + 3, kind: 'v', class: speech})
				i += 2
				continue
			}
		case "quoted", "cited":
			// "the ministry's statement quoted X as saying", "was cited
			// by the paper as saying".
			found := false
			for k := i + 1; k+1 < u.t1 && k < i+10; k++ {
				if d.lower(k) == "as" && d.lower(k+1) == "saying" {
					// "The minister was quoted by Interfax as saying …":
					// the subject spoke; the agency after "by" reported it.
					if i > u.t0 {
						switch d.lower(i - 1) {
						case "was", "were", "is", "are", "been", "being", "be":
							hits = append(hits, cueHit{t0: i, t1: k + 2, kind: 'v', class: speech})
							found = true
							k = u.t1
							continue
						}
					}
					if k > i+1 {
						hits = append(hits, cueHit{t0: i, t1: k + 2, kind: 'q', class: speech, subj: [2]int{i + 1, k}})
					}
					found = true
					break
				}
			}
			if found || w == "quoted" {
				continue
			}
			// "cited the report": an ordinary verb of the lexicon
		}
		if !maybeVerbForm(w) {
			continue
		}
		cs, ok := verbFormsLex.Get(w)
		if !ok || (isCap(d.word(i)) && i != u.t0 && !d.title) {
			// Reporting verbs are lower case mid-sentence; "United
			// States" is not a verb.
			continue
		}
		// A participle after a form of "be" is passive ("was charged
		// with", "has been called a charlatan by", "is expected to"): the
		// subject did not speak. ("was quoted as saying" is read above.)
		if i-1 >= u.t0 && strings.HasSuffix(w, "ed") || w == "told" || w == "said" {
			for j := i - 1; j >= u.t0 && j >= i-2; j-- {
				pw := d.lower(j)
				if pw == "was" || pw == "were" || pw == "been" || pw == "being" || pw == "is" || pw == "are" || pw == "be" {
					w = ""
					break
				}
				if !isAdverb(d.word(j)) && pw != "not" && pw != "also" {
					break
				}
			}
			if w == "" {
				continue
			}
		}
		// After a determiner the word is a noun: "the real unemployment
		// rate", "a statement"; after "of", part of a name ("secretary of
		// state").
		if i > u.t0 && (inLex(determinersLex, d.lower(i-1)) && !d.anotherSubject(u, i) && !d.floatingQuantifier(u, i-1) || d.lower(i-1) == "of") {
			continue
		}
		// "a greater say in how …", "no say": the noun
		if w == "say" && i > u.t0 && sayAdjectives[d.lower(i-1)] {
			continue
		}
		// "Hiba Morgan, reporting from Khartoum, said": a participle
		// phrase between commas tells how the speaker spoke; the verb
		// after it reports.
		if strings.HasSuffix(w, "ing") && i > u.t0 && d.word(i-1) == "," && i+1 < u.t1 && ppWords[d.lower(i+1)] && d.finiteCueAfter(u, i) {
			continue
		}
		// "Florida state records show …": the noun after a name
		if w == "state" && i > u.t0 && isCap(d.word(i-1)) && d.toks[i-1].Kind == text.Word {
			continue
		}
		// "In a statement posted on Telegram, the group said …": the
		// participle describes the medium of the verb that follows.
		if strings.HasSuffix(w, "ed") && i-3 >= u.t0 && docNouns[d.lower(i-1)] && inLex(determinersLex, d.lower(i-2)) && (d.lower(i-3) == "in" || d.lower(i-3) == "through") {
			continue
		}
		// "The group attacked a convoy": an armed attack, not words.
		if strings.HasPrefix(w, "attack") && d.armedAttack(u, i) {
			continue
		}
		// "who asked not to be named", "requested anonymity": a source's
		// condition, not a speech act of its own.
		if (w == "asked" || w == "requested" || w == "asking" || w == "requesting") && i+1 < u.t1 &&
			(d.lower(i+1) == "not" || d.lower(i+1) == "anonymity") {
			continue
		}
		// After a possessive the word is a noun or an adjective: "the
		// West's written response", "Trump's claims".
		// (After a pronoun the 's is "is" or "has": "He's claiming".)
		if i > u.t0 && d.toks[i-1].Kind == text.Possessive && !(i-2 >= u.t0 && pronouns[d.lower(i-2)] != "") {
			continue
		}
		for _, c := range cs {
			t1 := i + 1
			if c.particle != "" {
				// one word ("pointed out") or two ("made it clear")
				p1, p2, two := strings.Cut(c.particle, " ")
				if i+1 >= u.t1 || d.lower(i+1) != p1 || two && (i+2 >= u.t1 || d.lower(i+2) != p2) {
					continue
				}
				t1 = i + 2
				if two {
					t1 = i + 3
				}
			}
			if c.class == opinion && !d.a.opinion {
				continue
			}
			if c.ambig && !d.verbContext(u, i, t1) {
				continue
			}
			if c.clausal && t1 < u.t1 {
				// "responded on Telegram that …": the channel stands
				// between the verb and its clause.
				t2 := d.skipMedium(t1, u.t1)
				if !d.clauseAt(t2, u.t1) {
					// "made it clear on Tuesday that …": the day too
					if t3 := d.skipTime(t2, u.t1); t3 == t2 || t3 >= u.t1 || !d.clauseAt(t3, u.t1) {
						continue
					}
				}
			}
			// A past participle followed by "by" is passive: "the laws
			// proposed by …" reports nothing.
			if t1 < u.t1 && d.lower(t1) == "by" && strings.HasSuffix(w, "ed") {
				continue
			}
			if c.quoted {
				q := false
				for t := t1; t < u.t1 && t < t1+12; t++ {
					if d.toks[t].Kind == text.Quote {
						q = true
						break
					}
				}
				if !q {
					continue
				}
			}
			// A verb right after a determiner is a noun: "the report".
			if i > u.t0 && inLex(determinersLex, d.lower(i-1)) && !d.anotherSubject(u, i) && !d.floatingQuantifier(u, i-1) {
				continue
			}
			hits = append(hits, cueHit{t0: i, t1: t1, kind: 'v', class: c.class})
			break
		}
	}
	return hits
}

// finiteCueAfter reports whether a comma closes the phrase opened at
// token i and a past verb of saying follows it in the unit ("…, reporting
// from Khartoum, said").
func (d *doc) finiteCueAfter(u unit, i int) bool {
	for t := i + 1; t < u.t1 && t < i+16; t++ {
		if d.inQ[t] {
			return false
		}
		if d.word(t) == "," {
			for k := t + 1; k < u.t1 && k < t+3; k++ {
				if isPastCue(d.lower(k)) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// sayAdjectives make "say" the noun: "a greater say", "the final say".
var sayAdjectives = map[string]bool{
	"greater": true, "bigger": true, "larger": true, "more": true, "final": true, "real": true,
	"little": true, "stronger": true, "equal": true, "direct": true, "fair": true, "no": true, "much": true,
}

// bareClause reports whether a clause without "that" starts at token t:
// a short subject and a finite auxiliary ("polls showed Clinton was
// ahead", "replied the plan would fail").
func (d *doc) bareClause(t, end int) bool {
	if t >= end || d.toks[t].Kind != text.Word || ppWords[d.lower(t)] || d.lower(t) == "to" {
		return false // "continue to negotiate and could …" is no clause
	}
	for k := t + 1; k < end && k < t+5; k++ {
		if d.toks[k].Kind != text.Word || d.inQ[k] {
			return false
		}
		switch d.lower(k) {
		case "to", "and", "or", "but":
			return false
		case "is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "can", "may", "might", "should":
			return true
		}
	}
	return false
}

// verbContext decides whether an ambiguous noun/verb form ("states",
// "claims", "notes") is used as a verb: a clause opener follows ("that",
// a colon, a quote, a comma) or a pronoun or name stands right before it.
func (d *doc) verbContext(u unit, t0, t1 int) bool {
	if t1 < u.t1 {
		nt := d.toks[t1]
		if nt.Kind == text.Quote {
			return true
		}
		switch d.lower(t1) {
		case "that", ":", ",":
			return true
		}
	}
	if t0 > u.t0 {
		p := d.lower(t0 - 1)
		if _, ok := pronouns[p]; ok {
			return true
		}
		if m := d.mention[t0-1]; m >= 0 {
			// "a U.S. demand", "the Kremlin's call": a name after a
			// determiner modifies the word, which is then a noun.
			if f0 := d.found[m].Tok0; f0 > u.t0 && inLex(determinersLex, d.lower(f0-1)) {
				return false
			}
			return true
		}
	}
	return false
}

// isAdverb reports whether w is a lower-case -ly adverb ("aggressively",
// "forcefully") that may stand between a subject and its verb; nouns and
// adjectives in -ly are excepted.
func isAdverb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ly") || isCap(w) {
		return false
	}
	return !notAdverbs[w]
}

var notAdverbs = map[string]bool{
	"family": true, "ally": true, "rally": true, "supply": true, "assembly": true, "reply": true,
	"anomaly": true, "monopoly": true, "italy": true, "july": true, "belly": true, "bully": true,
	"jolly": true, "holy": true, "lonely": true, "friendly": true, "elderly": true, "early": false,
}

// isNegAux reports whether w is a negated auxiliary: "didn't", "isn’t".
func isNegAux(w string) bool {
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || w == "cannot"
}

// ppWords open a prepositional phrase: after a reporting verb they modify
// it ("said in an interview"), so the content is elsewhere.
var ppWords = map[string]bool{
	"in": true, "at": true, "during": true, "on": true, "to": true, "after": true, "before": true,
	"while": true, "as": true, "when": true, "from": true, "with": true, "for": true, "of": true,
	"by": true, "via": true, "through": true, "earlier": true, "later": true, "last": true,
	"this": true, "yesterday": true, "today": true, "recently": true, "afterward": true, "again": true,
	// "said at a news conference following talks with …"
	"following": true, "ahead": true, "amid": true, "despite": true,
	// "told reporters outside the conference hall"
	"outside": true, "inside": true, "near": true, "aboard": true, "upon": true,
}

// progAux make an -ing form a finite verb: "is saying", "He’s claiming".
var progAux = map[string]bool{"is": true, "was": true, "are": true, "were": true, "been": true, "be": true, "am": true, "keeps": true, "kept": true,
	"isn't": true, "isn’t": true, "wasn't": true, "wasn’t": true, "aren't": true, "aren’t": true, "weren't": true, "weren’t": true, "not": true}

// verbShape holds, for each (first letter, last letter) pair of the
// forms in verbForms, a bit per length: most words fail this test and
// skip the map lookup. Every form is lower-case ASCII.
var verbShape, verbShapeOff = func() (t [26][26]uint32, off bool) {
	for f := range verbForms {
		a, z := f[0]-'a', f[len(f)-1]-'a'
		if len(f) < 2 || len(f) >= 32 || a >= 26 || z >= 26 {
			return t, true // a form the filter cannot encode: no filter
		}
		t[a][z] |= 1 << len(f)
	}
	return t, false
}()

// maybeVerbForm reports whether w may be a key of verbForms.
func maybeVerbForm(w string) bool {
	if verbShapeOff {
		return true
	}
	if len(w) < 2 || len(w) >= 32 {
		return false
	}
	a, z := w[0]-'a', w[len(w)-1]-'a'
	return a < 26 && z < 26 && verbShape[a][z]&(1<<len(w)) != 0
}

// beForms are the forms of "be" before a passive reporting verb.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "be": true, "being": true}

// anotherSubject reports whether the verb at token i has "Another"
// opening the sentence as its subject: "One of the sources said …. Another
// said …".
func (d *doc) anotherSubject(u unit, i int) bool {
	return i-1 == u.t0 && d.lower(i-1) == "another" && isPastCue(d.lower(i))
}

// armedAttack reports whether "attacked" at token i is an armed attack: an
// armed subject ("militants", "troops") before it or a physical target
// ("a convoy", "army positions") or weapons after it.
func (d *doc) armedAttack(u unit, i int) bool {
	for t := i - 1; t >= u.t0 && t >= i-5; t-- {
		if armedWords[strings.TrimSuffix(d.lower(t), "s")] {
			return true
		}
	}
	for t := i + 1; t < u.t1 && t <= i+6 && !d.inQ[t]; t++ {
		if w := d.lower(t); targetWords[strings.TrimSuffix(w, "s")] {
			return true
		}
		if d.word(t) == "," || d.lower(t) == "that" {
			break
		}
	}
	return false
}

// armedWords are who attacks with arms (singular forms).
var armedWords = map[string]bool{
	"militant": true, "rebel": true, "fighter": true, "gunman": true, "gunmen": true, "troop": true,
	"force": true, "army": true, "insurgent": true, "drone": true, "jet": true, "soldier": true,
	"militia": true, "terrorist": true, "warship": true, "bomber": true, "missile": true, "mob": true,
}

// targetWords are what an armed attack hits, or what it uses (singular
// forms).
var targetWords = map[string]bool{
	"convoy": true, "base": true, "town": true, "village": true, "position": true, "troop": true,
	"soldier": true, "vehicle": true, "ship": true, "tanker": true, "checkpoint": true, "camp": true,
	"patrol": true, "airport": true, "embassy": true, "hospital": true, "school": true, "building": true,
	"infrastructure": true, "pipeline": true, "facility": true, "compound": true, "outpost": true,
	"drone": true, "missile": true, "rocket": true, "artillery": true, "gunfire": true, "knife": true,
	"police": true, "station": true, "plant": true, "refinery": true, "port": true, "city": true,
	"civilian": true, "vessel": true, "barracks": true, "headquarter": true, "mosque": true, "church": true,
}

// clauseAt reports whether what follows a clausal verb at t can be its
// content: a quotation, "that", a punctuation mark that opens or ends
// it, a time expression, or a bare clause.
func (d *doc) clauseAt(t, end int) bool {
	nt := d.toks[t]
	nw := d.lower(t)
	if nt.Kind != text.Word {
		nw = d.word(t) // lower drops a final dot: "." would read ""
	}
	return nt.Kind == text.Quote || nw == "that" || nw == ":" || nw == "," || nw == "." || nw == ";" || nw == "—" || d.timexAt(nt.Span[0]) || d.bareClause(t, end)
}

// floatingQuantifier reports "both", "all" or "each" after the subject it
// quantifies ("Berg and Hill both said", "the ministers all said"), not
// before a noun ("both sides").
func (d *doc) floatingQuantifier(u unit, t int) bool {
	switch d.lower(t) {
	case "both", "all", "each":
	default:
		return false
	}
	return t-1 >= u.t0 && d.toks[t-1].Kind == text.Word && !d.inQ[t-1] && !inLex(determinersLex, d.lower(t-1)) && !inLex(npStopLex, d.lower(t-1))
}
