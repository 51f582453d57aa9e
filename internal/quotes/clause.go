package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// clause is the parse of one reporting clause.
type clause struct {
	subj    [2]int       // speaker tokens
	content article.Span // content bytes
	rep     [2]int       // token range of the reporting clause (for dating)
	// content2 is a second part of the content after an interrupting
	// reporting clause ("A, he said, B"); zero when none.
	content2 article.Span
	// trusted: the subject is a speaker by construction ("an architect
	// who said"), whatever its head noun.
	trusted bool
	// around is a token range near the subject that may say whom the
	// speaker works for: "said Tom Lee at Acme Securities", "Tom Lee, an
	// analyst at Acme Securities, said".
	around [2]int
	// relative is the token range of a relative clause in apposition to
	// the subject ("X, who met her French counterpart on Tuesday, said"):
	// what it tells happened apart from the saying, so its time
	// expressions do not date the statement.
	relative [2]int
	// around2: the reporting clause stands inside the content ("Hawaii, as
	// one adviser pointed out, does not get …"), whose first part may be
	// a single word.
	around2 bool
}

// trimContent drops a leading "that", colon or comma and trailing commas.
func trimContent(body string, sp article.Span) article.Span {
	if sp[0] < 0 || sp[1] > len(body) || sp[0] >= sp[1] {
		return article.Span{0, 0}
	}
	for {
		s := body[sp[0]:sp[1]]
		switch {
		case strings.HasPrefix(s, "that "):
			sp[0] += 5
		case strings.HasPrefix(s, ":") || strings.HasPrefix(s, ",") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "-") ||
			strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "•"):
			// (a list bullet too: "* Ukraine proposes …, negotiator says")
			switch {
			case strings.HasPrefix(s, "—"):
				sp[0] += len("—")
			case strings.HasPrefix(s, "•"):
				sp[0] += len("•")
			default:
				sp[0]++
			}
		case strings.HasSuffix(s, ",") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";"):
			sp[1]--
		default:
			return text.TrimSpan(body, sp)
		}
		sp = text.TrimSpan(body, sp)
		if sp[1] <= sp[0] {
			return sp
		}
	}
}

// reticence are the coordinated predicates that tell how a speaker
// stopped short, not what they said: "said it had new proposals, but gave
// no details". They belong to the reporting clause.
var reticence = []string{
	", but gave no ", ", but gave few ", ", but did not ", ", but didn't ", ", but declined ", ", but refused ",
	", but offered no ", ", but provided no ", ", but would not ", ", but wouldn't ", ", without giving ",
	", without elaborating", ", without providing ", ", without offering ", ", without specifying ",
	" but gave no details", " but did not elaborate", " but declined to elaborate",
}

// trimReticence ends content before a reticent coordinated predicate
// (see reticence); the content keeps at least 20 bytes.
func trimReticence(body string, sp article.Span) article.Span {
	s := body[sp[0]:sp[1]]
	// every pattern holds " but " or "without ": most contents have
	// neither, and two scans settle it
	if !strings.Contains(s, " but ") && !strings.Contains(s, "without ") {
		return sp
	}
	cut := len(s)
	for _, r := range reticence {
		if i := strings.Index(s, r); i >= 20 && i < cut {
			cut = i
		}
	}
	if cut == len(s) || openQuote(s[:cut]) {
		return sp
	}
	return text.TrimSpan(body, article.Span{sp[0], sp[0] + cut})
}

// openQuote reports whether s leaves a quotation open (a cut after it
// would fall inside the quotation).
func openQuote(s string) bool {
	return strings.Count(s, "\"")%2 == 1 || strings.Count(s, "“") != strings.Count(s, "”")
}

// trimContrast ends content before a contrasting clause about someone
// else: "said the deal “sells out our communities,” while its Kestrel
// counterpart welcomed it" (the counterpart's welcome is no part of what
// was said). A participle after "while" is the speaker's own ("…, while
// adding that …"); a cut inside a quotation is none.
func trimContrast(body string, sp article.Span) article.Span {
	s := body[sp[0]:sp[1]]
	if !strings.Contains(s, " while ") && !strings.Contains(s, " whereas ") {
		return sp
	}
	for _, m := range [...]string{", while ", ", whereas ", ",\" while ", ",” while "} {
		i := strings.Index(s, m)
		if i < 20 {
			continue
		}
		next := s[i+len(m):]
		if j := strings.IndexByte(next, ' '); j > 0 && strings.HasSuffix(next[:j], "ing") {
			continue
		}
		cut := i
		if m[1] != ' ' {
			cut = i + len(m) - len(" while ") // after the closing mark
		}
		if openQuote(s[:cut]) {
			continue
		}
		// Only another side's stance ("…, while the Cuban government
		// maintains …", "…, while its counterpart welcomed it"): a clause
		// of facts ("…, while the lower 95 percent would face little or no
		// increase") is the speaker's own content.
		if !stanceClause(next) {
			continue
		}
		return text.TrimSpan(body, article.Span{sp[0], sp[0] + cut})
	}
	return sp
}

// stanceVerbs take a side without being verbs of saying.
var stanceVerbs = map[string]bool{
	"welcomed": true, "welcomes": true, "opposed": true, "opposes": true, "rejected": true, "rejects": true,
	"backed": true, "backs": true, "supported": true, "supports": true, "accepted": true, "accepts": true,
	"dismissed": true, "dismisses": true, "hailed": true, "hails": true, "objected": true, "objects": true,
}

// stanceClause reports whether the clause opening s (up to its first
// stop) holds a verb of saying or of taking a stand.
func stanceClause(s string) bool {
	if i := strings.IndexAny(s, ".;:"); i >= 0 {
		s = s[:i]
	}
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, ",\"“”'’"))
		if len(w) > 3 && (cuesOf(w) != nil || stanceVerbs[w]) {
			return true
		}
	}
	return false
}

// parsePhrase handles "according to X, …", "…, according to X", "in his
// words, …".
func (d *doc) parsePhrase(u unit, h cueHit) (clause, bool) {
	c := clause{subj: h.subj}
	// "according to figures released on Monday by the statistics office",
	// "according to a report by the planning ministry in Lima": the
	// figures and the report do not speak; whoever released them does.
	// The source is what follows "by" (a name after it may only qualify
	// its head: resolve), and it may run past the cue's ten words.
	// "according to a draft seen by Reuters", "a document obtained by
	// the newspaper": whoever saw or obtained the document only reports
	// it; the document is the source.
	seen := false
	if h.kind == 'a' {
		for t := h.subj[0] + 1; t+1 < h.subj[1]; t++ {
			if seenVerbs[d.lower(t)] && d.lower(t+1) == "by" {
				c.subj[1], seen = t, true
				break
			}
		}
	}
	by, dataSource := -1, false
	if h.kind == 'a' && !seen {
		by, dataSource = d.dataBy(h.subj)
	}
	if dataSource {
		e := h.subj[1]
		for e < u.t1 && e-by <= 8 && !d.inQ[e] && d.toks[e].Kind != text.Punct && d.toks[e].Kind != text.Quote {
			if lw := d.lower(e); lw == "that" || lw == "which" || lw == "who" {
				break
			}
			e++
		}
		h.subj[1] = e
		c.subj = [2]int{by + 1, e}
	}
	start := d.toks[h.t0].Span[0]
	end := d.toks[h.subj[1]-1].Span[1]
	if h.t1 > h.subj[1] {
		end = d.toks[h.t1-1].Span[1]
	}
	before := text.TrimSpan(d.body, article.Span{u.span[0], start})
	after := text.TrimSpan(d.body, article.Span{end, u.span[1]})
	if after.Len() >= before.Len() {
		c.content = after
	} else {
		c.content = before
	}
	// "…, according to the Tax Foundation, more than …", "…, according
	// to an analysis by X, a former aide …": a clause before a medial
	// "according to" is the content; what follows the source describes
	// the source or goes on with the same clause.
	if h.kind == 'a' && h.t0 > u.t0 && d.word(h.t0-1) == "," && d.words(before) >= 4 && !d.inQ[h.t0-1] {
		c.content = before
	}
	// "The talks, according to two diplomats, have stalled …": the
	// subject before the phrase and the clause after it are one content,
	// read whole (the phrase inside it).
	if h.kind == 'a' && h.t0 > u.t0 && d.word(h.t0-1) == "," && d.words(before) >= 1 && d.words(before) < 4 && !d.inQ[h.t0-1] &&
		inLex(determinersLex, d.lower(u.t0)) && d.words(after) >= 3 {
		c.content = text.TrimSpan(d.body, u.span)
	}
	c.rep = [2]int{h.t0, h.subj[1]}
	if dataSource || seen {
		return c, true
	}
	// "according to a speech Mrs. Clinton delivered", "according to a
	// report by the agency": the document's author speaks.
	if h.kind == 'a' && h.subj[1]-h.subj[0] >= 3 && docNouns[d.lower(h.subj[0]+1)] && inLex(determinersLex, d.lower(h.subj[0])) {
		for t := h.subj[0] + 2; t < h.subj[1]; t++ {
			// ("a study published in the journal BMJ": the journal is
			// where, not who)
			if w := d.lower(t); w == "in" || w == "at" || w == "on" {
				break
			}
			if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 && d.found[m].Tok0 == t {
				f := d.found[m]
				c.subj = [2]int{f.Tok0, min(f.Tok1, h.subj[1])}
				break
			}
		}
	}
	return c, true
}

// dataNouns are what an "according to" source may be besides a document
// (docNouns): figures and the studies that give them.
var dataNouns = map[string]bool{
	"figures": true, "data": true, "statistics": true, "numbers": true, "estimates": true, "estimate": true,
	"survey": true, "poll": true, "study": true, "analysis": true, "count": true, "tally": true,
	"forecast": true, "forecasts": true, "calculations": true, "reports": true, "documents": true,
}

// dataBy finds, in an "according to" source, "by" after a data or
// document noun that opens it (after at most a determiner and one
// modifier: "the latest figures", "a new report"): "figures released on
// Monday by X" gives the token of "by". The agent must follow it.
func (d *doc) dataBy(subj [2]int) (int, bool) {
	a, b := subj[0], subj[1]
	head := -1
	for t := a; t < min(a+3, b); t++ {
		if w := d.lower(t); dataNouns[w] || docNouns[w] {
			head = t
			break
		}
	}
	if head < 0 {
		return 0, false
	}
	// the words before the noun: a determiner or a modifier, not a name
	// ("Eurostat figures published by …" are Eurostat's)
	for t := a; t < head; t++ {
		if d.toks[t].Kind != text.Word || d.mention[t] >= 0 {
			return 0, false
		}
	}
	for t := head + 1; t < b-1; t++ {
		if d.inQ[t] || d.toks[t].Kind == text.Punct {
			return 0, false
		}
		if d.lower(t) == "by" {
			return t, true
		}
	}
	return 0, false
}

// parseQuoted handles "the ministry's statement quoted X as saying": X is
// the speaker; the content is the rest of the unit.
func (d *doc) parseQuoted(u unit, h cueHit) (clause, bool) {
	c := clause{subj: h.subj}
	// the clause runs from the subject of "quoted" to the end of the cue
	s := h.t0
	for s > u.t0 && !d.inQ[s-1] && d.toks[s-1].Kind != text.Punct {
		s--
	}
	before := text.TrimSpan(d.body, article.Span{u.span[0], d.toks[s].Span[0]})
	after := text.TrimSpan(d.body, article.Span{d.toks[h.t1-1].Span[1], u.span[1]})
	if after.Len() > before.Len() {
		c.content = after
	} else {
		c.content = before
	}
	c.rep = [2]int{s, h.t1}
	return c, true
}

// sourceAdjectives describe an anonymous source by what it knows: "familiar
// with", "close to", "involved in", "briefed on".
var sourceAdjectives = map[string]bool{"familiar": true, "close": true, "involved": true, "briefed": true, "knowledgeable": true}

// agentNoun reports whether w names a person by what they do: "narrator",
// "analyst", "economist", "spokesman", a role noun.
func agentNoun(w string) bool {
	if actors.IsRoleNoun(w) {
		return true
	}
	for _, suf := range [...]string{"or", "er", "ist", "ian", "man", "woman"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// ingNouns are words in -ing that are no participles.
var ingNouns = map[string]bool{"nothing": true, "something": true, "everything": true, "anything": true, "during": true,
	"morning": true, "evening": true, "meeting": true, "building": true, "ceiling": true, "spring": true, "funding": true,
	"beijing": true, "including": true, "according": true}

// numeralDeterminer: the numbers and quantifiers that follow an article
// ("the two sides", "the few critics").
func numeralDeterminer(w string) bool {
	switch w {
	case "two", "three", "one", "both", "few", "many", "other", "several":
		return true
	}
	return false
}

// personNoun reports whether w names people by what they are or do: a
// role, a trade, "woman", "residents".
func personNoun(w string) bool {
	pw := strings.TrimSuffix(w, "s")
	return speakerNouns[w] || speakerNouns[pw] || agentNoun(pw) || peopleNoun(w) || personHead(pw) || groupNouns[w]
}

// groupNouns are people in numbers that the suffixes of agentNoun and
// peopleNoun miss.
var groupNouns = map[string]bool{
	"troops": true, "police": true, "witnesses": true, "refugees": true, "families": true, "relatives": true,
	"crowd": true, "crowds": true, "children": true, "youths": true, "survivors": true, "locals": true,
}

// addresseeVerb reports whether a verb of saying takes the person
// addressed as its object: "told reporters", "asked the minister".
func addresseeVerb(w string) bool {
	switch w {
	case "told", "tell", "tells", "telling", "asked", "asks", "ask", "informed", "assured", "urged", "warned":
		return true
	}
	return false
}

// clauseLike reports whether tokens [a,b) after a verb of saying read as
// the start of a clause, not an inverted subject: a subject pronoun
// followed by more words ("said he cannot comment"), or an auxiliary or
// modal among them.
func (d *doc) clauseLike(a, b int) bool {
	if b-a > 1 {
		switch d.lower(a) {
		case "he", "she", "they", "it", "we", "i", "you", "there", "this", "that":
			return true
		}
	}
	for t := a; t < b; t++ {
		if inLex(auxVerbsLex, d.lower(t)) {
			return true
		}
		switch d.lower(t) {
		case "cannot", "can't", "won't", "would", "could", "should", "will", "must", "might", "may":
			return true
		}
		// "Tokyo supported a cut": a name followed by a past tense
		if t > a && d.toks[t].Case == text.CaseLower && len(d.lower(t)) > 4 && strings.HasSuffix(d.lower(t), "ed") &&
			d.toks[t-1].Kind == text.Word && isCap(d.word(t-1)) && (t+1 >= b || d.lower(t+1) != "by") {
			return true
		}
	}
	return false
}

// opensAdverbial reports whether the unit opens with an adverbial clause:
// a subordinator ("When asked", "While", "After") or a participle, bare or
// after a preposition ("In announcing", "Commenting on").
func (d *doc) opensAdverbial(t int) bool {
	if t >= len(d.toks) || d.inQ[t] {
		return false
	}
	w := d.lower(t)
	switch w {
	case "when", "while", "after", "before", "although", "though", "as", "since", "because", "once", "asked", "responding", "speaking", "commenting", "asked,":
		return true
	case "during", "under", "despite", "following", "amid", "without", "at":
		// "During the talks, X said …": a prepositional opener
		return true
	case "in", "on", "upon", "by":
		if t+1 < len(d.toks) {
			n := d.lower(t + 1)
			// "In announcing …", "In a statement, …", "On Monday, …",
			// "In remarks to reporters, …", "In comments broadcast …"
			return (len(n) > 5 && strings.HasSuffix(n, "ing")) || inLex(determinersLex, n) || d.timexAt(d.toks[t+1].Span[0]) ||
				mediumNouns[n] || n == "comments" || n == "interviews" || n == "statements"
		}
	}
	return len(w) > 5 && strings.HasSuffix(w, "ing") && cuesOf(w) != nil
}

// skipBack skips auxiliaries and adverbs before a verb.
func (d *doc) skipBack(u unit, k int) int {
	for k >= u.t0 && !d.inQ[k] {
		t := d.toks[k]
		if t.Kind == text.Punct && (d.word(k) == ")" || d.word(k) == ">") {
			if j := d.skipParen(u, k); j != k {
				k = j
				continue
			}
		}
		// "X on Thursday said", "X late on Wednesday told": a day with
		// its preposition between subject and verb (the time tagger's
		// extent is the day alone).
		if t.Kind == text.Word && d.timexAt(t.Span[0]) && k-1 >= u.t0 && d.lower(k-1) == "on" {
			k -= 2
			if k >= u.t0 && (d.lower(k) == "late" || d.lower(k) == "early") {
				k--
			}
			continue
		}
		if t.Kind == text.Word && (inLex(betweenSubjVerbLex, d.lower(k)) || isAdverb(d.word(k)) || isNegAux(d.lower(k))) {
			k--
			continue
		}
		// "Berg and Hill both said", "the ministers all said": a
		// quantifier floated after the subject
		if t.Kind == text.Word && d.floatingQuantifier(u, k) {
			k--
			continue
		}
		// "X wrote on Twitter", "X said in a statement": a short
		// prepositional phrase between subject and verb is skipped.
		if t.Kind == text.Word && k-1 >= u.t0 {
			if p := d.lower(k - 1); (p == "on" || p == "via") && isCap(d.word(k)) {
				k -= 2
				continue
			}
		}
		if t.Kind == text.Possessive && d.word(k) != "’" && d.word(k) != "'" {
			// "He's claiming": the 's is "is".
			k--
			continue
		}
		if d.timexAt(t.Span[0]) {
			k--
			continue
		}
		// "who in 2010 said": a year phrase.
		if t.Kind == text.Number && k-1 >= u.t0 && (d.lower(k-1) == "in" || d.lower(k-1) == "since") {
			k -= 2
			continue
		}
		break
	}
	return k
}

// npBack reads a noun phrase backwards ending at token k; returns its first
// token, or k+1 when there is none.
func (d *doc) npBack(u unit, k int) int {
	j := k
	n := 0
	for j >= u.t0 && n < 12 {
		t := d.toks[j]
		if d.inQ[j] {
			break
		}
		switch t.Kind {
		case text.Word:
			w := d.lower(j)
			capped := isCap(d.word(j))
			// "attorneys for the family", "experts on North Korea": a
			// speaker noun with its complement.
			// "diplomats familiar with the talks", "sources close to the
			// ministry", "officials involved in the negotiations"
			if (w == "with" || w == "to" || w == "in" || w == "on") && j > u.t0 && j < k && sourceAdjectives[d.lower(j-1)] {
				j -= 2
				n += 2
				continue
			}
			if (w == "for" || w == "on" || w == "at" || w == "from" || w == "in" || w == "with") && j > u.t0 && d.toks[j-1].Kind == text.Word && j < k {
				pw := strings.TrimSuffix(d.lower(j-1), "s")
				if speakerNouns[pw] || speakerNouns[d.lower(j-1)] || agentNoun(pw) {
					j--
					n++
					continue
				}
			}
			// "the energy ministers of Norland and Kestrel": two parties
			// after the "of" of a plural noun for people
			if w == "and" && j > u.t0+2 && j < k && d.mention[j-1] >= 0 && d.mention[j+1] >= 0 && d.mention[j-1] != d.mention[j+1] {
				o := d.found[d.mention[j-1]].Tok0 - 1
				if o > u.t0 && d.lower(o) == "the" {
					o--
				}
				if o > u.t0 && o < j && d.lower(o) == "of" && isPluralSpeakerNoun(d.lower(o-1)) {
					n += j - o + 1
					j = o - 1
					continue
				}
			}
			// "Commerce and Industry Minister Piyush Rao": "and" inside a
			// title, between two capitalised words that name no one
			if w == "and" && j > u.t0 && j < k && isCap(d.word(j-1)) && isCap(d.word(j+1)) && d.mention[j-1] < 0 && d.mention[j+1] < 0 && !d.inQ[j-1] {
				j--
				n++
				continue
			}
			// "U.S. and Russian negotiators", "French and German
			// diplomats": two sides' names or demonyms before the noun
			if w == "and" && j > u.t0 && j+1 < k && d.sideWord(j-1) && d.sideWord(j+1) {
				j--
				n++
				continue
			}
			// "The G77 and China bloc", "the EU and UK negotiating
			// teams": two named bodies before the noun of a group
			if w == "and" && j > u.t0 && j+1 < k && groupHead(d.lower(k)) && d.namedBody(j-1) && d.namedBody(j+1) {
				j--
				n++
				continue
			}
			if inLex(npStopLex, w) && !(capped && d.mention[j] >= 0) {
				return j + 1
			}
			if inLex(determinersLex, w) {
				// "the head of the Russian state": go on across "of".
				if j-2 >= u.t0 && d.lower(j-1) == "of" && d.toks[j-2].Kind == text.Word && !inLex(npStopLex, d.lower(j-2)) && !d.inQ[j-2] {
					j -= 2
					n += 2
					continue
				}
				// "diplomats familiar with the talks"
				if j-3 >= u.t0 && j < k && !d.inQ[j-2] && sourceAdjectives[d.lower(j-2)] {
					switch d.lower(j - 1) {
					case "with", "to", "in", "on":
						j -= 3
						n += 3
						continue
					}
				}
				// "A woman near the border said", "Farmers outside the
				// building said": where the speaker stood (resolve leaves
				// it out of the name).
				if j-2 >= u.t0 && j < k && locatives[d.lower(j-1)] && d.toks[j-2].Kind == text.Word && !d.inQ[j-2] && personNoun(d.lower(j-2)) {
					j -= 2
					n += 2
					continue
				}
				// "a narrator in the Clinton ad", "a spokesman for the
				// ministry": a person noun with its complement.
				if j-2 >= u.t0 && j < k && d.toks[j-2].Kind == text.Word && !d.inQ[j-2] {
					switch d.lower(j - 1) {
					case "in", "for", "at", "with", "from", "on":
						if pw := strings.TrimSuffix(d.lower(j-2), "s"); speakerNouns[pw] || agentNoun(pw) {
							j -= 2
							n += 2
							continue
						}
					}
				}
				// "the two governments", "the three countries": a
				// numeral after an article is the article's phrase
				if j > u.t0 && (numeralDeterminer(w)) && inLex(determinersLex, d.lower(j-1)) && !numeralDeterminer(d.lower(j-1)) {
					return j - 1
				}
				return j
			}
		case text.Possessive, text.Number:
		case text.Punct:
			w := d.word(j)
			// "Foreign Office (FO) spokesperson X", "the Ministry of
			// External Affairs (MEA)": an acronym in brackets after a
			// body's name is part of the phrase
			if w == ")" && j-2 > u.t0 && d.word(j-2) == "(" && d.toks[j-1].Kind == text.Word && shortAcronym(d.word(j-1)) &&
				d.toks[j-3].Kind == text.Word && isCap(d.word(j-3)) {
				j -= 3 // (the brackets count for no word of the phrase)
				n++
				continue
			}
			// a hyphen inside a name joins ("Rolls - Royce" is rare); one
			// with a space before it is a dash ("10:32 GMT - Zelenskyy
			// says")
			if w != "-" && w != "&" || w == "-" && (t.Space || j > u.t0 && d.word(j-1) == "-") {
				return j + 1
			}
		default:
			return j + 1
		}
		j--
		n++
	}
	return j + 1
}

// npForward reads a noun phrase starting at token k (after an inverted
// verb: "said Ryabkov", "says the ministry"); returns its end.
func (d *doc) npForward(u unit, k int) int {
	j := k
	for j < u.t1 && j-k < 10 {
		t := d.toks[j]
		if d.inQ[j] {
			break
		}
		if t.Kind == text.Punct && d.word(j) != "-" && d.word(j) != "/" {
			break
		}
		if t.Kind == text.Quote {
			break
		}
		if t.Kind == text.Word {
			w := d.lower(j)
			if j > k && (inLex(npStopLex, w) || w == "that") && !(isCap(d.word(j)) && d.mention[j] >= 0) {
				break
			}
			if d.timexAt(t.Span[0]) {
				break
			}
			// "said Amnesty International on Tuesday": the day's
			// preposition ends the name
			if j > k && (w == "on" || w == "late" || w == "early") && j+1 < u.t1 && d.timexAt(d.toks[j+1].Span[0]) {
				break
			}
		}
		j++
	}
	return j
}

// parseVerb finds the subject and content of a reporting verb.
func (d *doc) parseVerb(u unit, h cueHit) (clause, bool) {
	var c clause
	k := d.skipBack(u, h.t0-1)
	// content after the cue: skip "that", the object of "told", and
	// time expressions right after the verb.
	afterStart := h.t1
	w0 := d.lower(h.t0)
	if w0 == "told" || w0 == "tell" || w0 == "tells" || w0 == "telling" || w0 == "asked" || w0 == "urged" || w0 == "assured" {
		// the person told: "told reporters", "told CNN", "told the
		// Associated Press", "told him"
		for afterStart < u.t1 && !d.inQ[afterStart] && afterStart-h.t1 < 5 {
			// "told the BBC's Today programme": a possessive inside the
			// name of the person or programme told
			if d.toks[afterStart].Kind == text.Possessive && afterStart > h.t1 && afterStart+1 < u.t1 && isCap(d.word(afterStart+1)) {
				afterStart++
				continue
			}
			// "told CNN's “State of the Union” on Sunday that …": a
			// programme's quoted title after the possessive
			if d.toks[afterStart].Kind == text.Possessive && afterStart > h.t1 && afterStart+1 < u.t1 && d.toks[afterStart+1].Kind == text.Quote {
				if e := d.quotedTitleEnd(u, afterStart+1); e > 0 {
					afterStart = d.skipTime(e, u.t1)
					break
				}
			}
			if d.toks[afterStart].Kind != text.Word || !(toldObjects[d.lower(afterStart)] || isCap(d.word(afterStart)) || objectPronoun(d.lower(afterStart)) || d.mediaAdjective(afterStart, u)) {
				break
			}
			// "told reporters she was tired": a subject pronoun after the
			// person told opens the content
			if afterStart > h.t1 && clausePronoun(d.lower(afterStart)) {
				break
			}
			// "told his advisers to …", "told their radio audience that
			// …": the nouns after a possessive are the person told
			if possessiveDeterminer(d.lower(afterStart)) && afterStart > h.t1 && !objectPronoun(d.lower(afterStart-1)) && d.toks[afterStart-1].Kind == text.Word && !inLex(determinersLex, d.lower(afterStart-1)) {
				// "told the council his department would …": once the
				// person told is read, a possessive opens the content
				break
			}
			if possessiveDeterminer(d.lower(afterStart)) {
				e := afterStart + 1
				for e < u.t1 && e <= afterStart+2 && d.toks[e].Kind == text.Word && !d.inQ[e] && !isCap(d.word(e)) &&
					!ppWords[d.lower(e)] && d.lower(e) != "to" && d.lower(e) != "that" && !inLex(auxVerbsLex, d.lower(e)) &&
					!isAdverb(d.word(e)) && d.lower(e) != "never" && d.lower(e) != "not" {
					e++
				}
				if e > afterStart+1 {
					afterStart = e
					break
				}
			}
			// "told reporters the bill would pass": once the person told
			// is read, a determiner opens the content.
			if afterStart > h.t1 && inLex(determinersLex, d.lower(afterStart)) {
				break
			}
			afterStart++
		}
		// "told national radio stations that …": any short object
		// closed by "that".
		afterStart = d.thatAfterObject(u, h, afterStart)
	}
	// "warned Moscow that …", "reminded the allies that …": the person
	// warned is skipped only when "that" closes it ("warned Russia would
	// pay" has no object: Russia is the content's subject).
	switch w0 {
	case "warned", "warn", "warns", "warning", "informed", "reminded", "remind", "reminds", "reminding":
		afterStart = d.thatAfterObject(u, h, afterStart)
		// "warned the West it would pay a price": the person warned, then
		// a clause opened by its subject pronoun
		if afterStart == h.t1 {
			for t := h.t1 + 1; t < u.t1 && t <= h.t1+3 && !d.inQ[t] && d.toks[t-1].Kind == text.Word; t++ {
				if clausePronoun(d.lower(t)) && (isCap(d.word(t-1)) || d.mention[t-1] >= 0) {
					afterStart = t
					break
				}
			}
		}
	}
	// Words after the cue up to the next comma outside quotes ("…,"
	// Grushko said, adding that …): few means the content came before.
	restTokens := 0
	for t := h.t1; t < u.t1; t++ {
		if d.word(t) == "," && !d.inQ[t] {
			break
		}
		if d.toks[t].Kind != text.Punct && !d.timexAt(d.toks[t].Span[0]) {
			restTokens++
		}
	}
	// Time expressions right after the verb belong to the reporting
	// clause: "said on Friday that …".
	afterStart = d.skipTime(afterStart, u.t1)
	// So do an adverb of time and the place of saying: "said later the
	// President would not travel", "said in Moscow yesterday his country
	// was ready".
	for n := 0; n < 2 && afterStart+1 < u.t1 && !d.inQ[afterStart]; n++ {
		if reportAdverbs[d.lower(afterStart)] && d.toks[afterStart+1].Kind == text.Word {
			afterStart = d.skipTime(afterStart+1, u.t1)
			continue
		}
		if w := d.lower(afterStart); w == "in" || w == "at" || w == "from" {
			if m := d.mention[afterStart+1]; m >= 0 && d.found[m].Type == article.GPE && d.found[m].Tok0 == afterStart+1 &&
				d.found[m].Tok1 < u.t1 && d.toks[d.found[m].Tok1].Kind == text.Word && !conjunctions[d.lower(d.found[m].Tok1)] {
				afterStart = d.skipTime(d.found[m].Tok1, u.t1)
				continue
			}
		}
		break
	}
	// "said earlier that", "said in a statement that", "told reporters
	// after the meeting that": adverbs and a short prepositional phrase
	// before "that" belong to the reporting clause.
	// ("said in an interview with the Morning Post that": up to ten
	// tokens when no comma stands between)
	sawComma := false
	for t := afterStart; t < u.t1 && (t < afterStart+7 || !sawComma && t < afterStart+10); t++ {
		if d.inQ[t] || d.toks[t].Kind == text.Quote || (d.toks[t].Kind == text.Punct && d.word(t) != ",") {
			break
		}
		if d.word(t) == "," && !(t+1 < u.t1 && (d.lower(t+1) == "that" || d.mention[t+1] >= 0 && d.found[d.mention[t+1]].Type == article.GPE)) {
			sawComma = true // ", Ohio, that" is a place's
		}
		// "said at a news conference announcing that …": the "that"
		// belongs to the participle, not to the verb of saying.
		if t > afterStart && strings.HasSuffix(d.lower(t), "ing") && cuesOf(d.lower(t)) != nil {
			break
		}
		if d.lower(t) == "that" {
			// "the meeting that was held": a relative "that" (a verb
			// follows) does not open the content.
			relative := t+1 < u.t1 && (inLex(auxVerbsLex, d.lower(t+1)) || strings.HasSuffix(d.lower(t+1), "ed"))
			if t == afterStart || (!relative && (inLex(betweenSubjVerbLex, d.lower(afterStart)) || ppWords[d.lower(afterStart)] || isAdverb(d.word(afterStart)) || d.word(afterStart) == ",")) {
				afterStart = t
			}
			break
		}
	}
	if afterStart < u.t1 && d.lower(afterStart) == "that" {
		afterStart++
	}
	// "said in a statement it expected …", "said at a news conference
	// the talks …": without "that", the medium or the occasion is still
	// part of the reporting clause, not of what was said.
	if t := d.skipMedium(afterStart, u.t1); t > afterStart {
		afterStart = d.skipTime(t, u.t1) // "in a statement on Friday"
		// "in a statement posted on its website that …": the statement's
		// own participle phrase is still the reporting clause.
		if afterStart < u.t1 && mediumParticiples[d.lower(afterStart)] {
			for k := afterStart + 1; k < u.t1 && k <= afterStart+8 && !d.inQ[k] && d.toks[k].Kind != text.Punct && d.toks[k].Kind != text.Quote; k++ {
				if d.lower(k) == "that" {
					afterStart = k
					break
				}
			}
		}
		if afterStart < u.t1 && d.lower(afterStart) == "that" {
			afterStart++
		}
	}
	// Verbs whose content is their object, not a clause ("expressed its
	// dissatisfaction", "called on NATO to …"): the content keeps the verb
	// and the auxiliaries before it.
	if npObjectVerbs[w0] && d.lower(h.t1-1) != "saying" && afterStart < u.t1 && d.lower(afterStart) != "that" && d.toks[afterStart].Kind != text.Quote {
		// ("Zhao on Thursday urged …": the day is no part of it)
		afterStart = d.skipTime(k+1, h.t0)
	}
	after := func() article.Span {
		if afterStart >= u.t1 {
			return article.Span{u.span[1], u.span[1]}
		}
		return article.Span{d.toks[afterStart].Span[0], u.span[1]}
	}
	// withContent completes a clause whose reporting clause is the cue
	// alone, its subject found elsewhere in the sentence.
	withContent := func(subj [2]int) clause {
		c.subj = subj
		c.content = after()
		c.rep = [2]int{h.t0, h.t1}
		return c
	}
	// sides decides where the content is once the subject is known to
	// start at token s.
	sides := func(s int) {
		c.content = after()
		// "Commerce and Industry Minister Piyush Rao": the title's
		// first words before its "and" are the subject's too
		for s-2 >= u.t0 && d.lower(s-1) == "and" && isCap(d.word(s-2)) && d.mention[s-2] < 0 && !d.inQ[s-2] && d.toks[s-2].Kind == text.Word {
			s -= 2
		}
		if s <= u.t0 {
			return
		}
		if d.asClause(u, h, s, &c) {
			return
		}
		p := d.toks[s-1]
		pw := p.Text(d.body)
		if !(pw == "," || p.Kind == text.Quote || pw == "—" || pw == ":") {
			if d.words(c.content) == 0 {
				c.content = article.Span{u.span[0], d.toks[s-1].Span[1]}
			}
			return
		}
		before := article.Span{u.span[0], p.Span[0]}
		if p.Kind == text.Quote {
			before[1] = p.Span[1]
		}
		a := after()
		// "A," he said, "B." / "A, he said, B": both sides.
		beforeQuoted := p.Kind == text.Quote || (s-2 >= u.t0 && d.toks[s-2].Kind == text.Quote)
		// The reporting clause may carry a short modifier before its
		// closing comma: "Stumpf explained earlier in the hearing, were
		// …", "Trump said during a rally in Ohio, “but …”".
		// (After "told" the scan starts past the person told.)
		cm := -1
		c0 := h.t1
		if afterStart > h.t1 && afterStart < u.t1 && !(afterStart > 0 && d.lower(afterStart-1) == "that") {
			c0 = afterStart
		}
		for t := c0; t < u.t1 && t < c0+10; t++ {
			if d.inQ[t] || d.toks[t].Kind == text.Quote {
				break
			}
			if d.word(t) == "," {
				cm = t
				break
			}
			// "“A,” he said — “B.”", "-- “B”": a dash before the
			// quote's second part stands for the comma
			if isDash(d.word(t)) {
				e := t
				if e+1 < u.t1 && d.word(e+1) == "-" {
					e++
				}
				if e+1 < u.t1 && d.toks[e+1].Kind == text.Quote {
					cm = e
				}
				break
			}
			if t > c0 && !ppWords[d.lower(c0)] && !d.timexAt(d.toks[c0].Span[0]) {
				break
			}
		}
		if cm >= 0 && cm+1 < u.t1 {
			b := article.Span{d.toks[cm+1].Span[0], u.span[1]}
			bq := false
			for t := cm + 1; t < u.t1 && t < cm+4; t++ {
				if d.toks[t].Kind == text.Quote {
					bq = true
				}
			}
			// "“A,” Tester said, referring to the excuse, “B.”": an
			// aside between the clause and the quote's second part.
			if !bq && beforeQuoted {
				for t := cm + 2; t < u.t1 && t < cm+16; t++ {
					if d.inQ[t] && d.toks[t].Kind != text.Quote {
						break
					}
					if d.toks[t].Kind == text.Quote && d.word(t-1) == "," {
						b[0] = d.toks[t].Span[0]
						bq = true
						break
					}
				}
			}
			nt := cm + 1
			// "…, an official said Tuesday, speaking on condition of
			// anonymity": a participle after the clause tells how the
			// speaker spoke (or, for "adding", is a statement of its own),
			// never the rest of the content
			// (a quotation after such an aside goes on: "“A,” Tester
			// said, referring to the excuse, “B.”")
			participle := strings.HasSuffix(d.lower(nt), "ing") && (cuesOf(d.lower(nt)) != nil || !bq && len(d.lower(nt)) > 5 && !ingNouns[d.lower(nt)])
			if (d.words(b) >= 3 || bq && d.words(b) >= 1 || d.words(b) >= 2 && d.words(before)+d.words(b) >= 4) && !participle && (bq || !beforeQuoted) && (beforeQuoted || !d.opensAdverbial(u.t0)) {
				c.content = before
				c.content2 = b
				c.rep[1] = cm
				return
			}
		}
		ppAfter := afterStart < u.t1 && ppWords[d.lower(afterStart)]
		// "hopes to offset": "to" before a verb is no preposition.
		if ppAfter && d.lower(afterStart) == "to" && afterStart+1 < u.t1 {
			nw := d.lower(afterStart + 1)
			ppAfter = inLex(determinersLex, nw) || isCap(d.word(afterStart+1)) || pronouns[nw] != ""
		}
		// One or two words before the subject are an adverb
		// ("Ultimately, Clarke hopes …"), not content.
		if d.words(before) < 3 && !beforeQuoted {
			return
		}
		// "In announcing the tariffs, the president said they would
		// stay", "When asked about it, he said …": an opening adverbial
		// clause is no content; the content follows the cue.
		if !beforeQuoted && d.words(a) >= 2 && d.opensAdverbial(u.t0) {
			return
		}
		if restTokens <= 4 || ppAfter || (beforeQuoted && d.words(before) >= 2*d.words(a)) {
			c.content = before
			c.rep[1] = u.t1
		}
	}
	// withSubject completes the clause once its subject is known: the
	// reporting clause runs from the phrase's start s0 to the cue.
	withSubject := func(subj [2]int, s0 int) (clause, bool) {
		c.subj = subj
		c.rep = [2]int{s0, h.t1}
		sides(s0)
		return c, true
	}
	// A participle without an auxiliary ("…, saying that …", "Speaking
	// to reporters, X said") reports for the main clause's subject: the
	// first name or pronoun of the unit.
	pk := h.t0 - 1
	for pk >= u.t0 && d.toks[pk].Kind == text.Word && (isAdverb(d.word(pk)) || d.lower(pk) == "also" || d.lower(pk) == "now" || d.lower(pk) == "still" || d.lower(pk) == "not") {
		pk--
	}
	progressive := pk >= u.t0 && (d.toks[pk].Kind == text.Possessive || (d.toks[pk].Kind == text.Word && progAux[d.lower(pk)]))
	// "…, with Tehran insisting that …", "with both sides warning that
	// …": the noun phrase after "with" speaks, not the main clause's
	// subject.
	if strings.HasSuffix(w0, "ing") && !progressive && k >= u.t0 && !d.inQ[k] {
		if s := d.npBack(u, k); s <= k && s-1 >= u.t0 && d.lower(s-1) == "with" && d.plausibleSpeaker([2]int{s, k + 1}) {
			return withSubject([2]int{s, k + 1}, s)
		}
	}
	if strings.HasSuffix(w0, "ing") && !progressive {
		// "…, saying that …" reports for the main subject; so does "a
		// statement calling it …", "a letter saying …" (the document's
		// author is the clause's subject).
		// "… was criticised for saying that …", "… after telling
		// reporters …": a gerund after a preposition reports for the
		// subject too.
		afterPrep := k >= u.t0 && gerundPrep[d.lower(k)] && d.gerundReport(u, h)
		if k < u.t0 || (d.word(k) != "," && !docNouns[d.lower(k)] && !afterPrep) {
			return c, false
		}
		// "Norway's fisheries minister defended the deal, saying …", "The
		// minister on Tuesday defended the deal, telling lawmakers …": the
		// noun phrase opening the sentence is the main subject.
		if d.word(k) == "," && d.speechVerb(u, h) {
			if subj, ok := d.leadSubject(u, k); ok {
				return withContent(subj), true
			}
		}
		for t := u.t0; t < k; t++ {
			if d.inQ[t] {
				continue
			}
			if d.mention[t] >= 0 && d.found[d.mention[t]].ID >= 0 && !shouted(d.found[d.mention[t]].Text) {
				f := d.found[d.headPerson(d.mention[t], k)]
				return withContent([2]int{f.Tok0, f.Tok1}), true
			}
			if _, ok := pronouns[d.lower(t)]; ok && d.toks[t].Kind == text.Word {
				return withContent([2]int{t, t + 1}), true
			}
		}
		return c, false
	}
	if k < u.t0 {
		// Verb first: "Said Ellis: …", "Says diplomat".
		if h.t0 == u.t0 && isCap(d.word(h.t0)) {
			e := d.npForward(u, h.t1)
			if e > h.t1 && e < u.t1 && (d.word(e) == ":" || d.word(e) == ",") {
				c.subj = [2]int{h.t1, e}
				c.content = article.Span{d.toks[e].Span[1], u.span[1]}
				c.rep = [2]int{h.t0, e}
				return c, true
			}
		}
		return c, false
	}
	kt := d.toks[k]
	// "Cruz exhorted Republicans … and said he was …": a verb
	// coordinated with an earlier one shares its subject, the first name
	// or pronoun of the unit.
	if kt.Kind == text.Word && (d.lower(k) == "and" || d.lower(k) == "but") && !d.inQ[k] {
		// (after the dateline: "OSLO, Feb 6 (Reuters) - Norway's central
		// bank kept … but said …")
		t0 := u.t0
		for t0 < k && d.toks[t0].Span[0] < d.lead {
			t0++
		}
		for t := t0; t < k && t < t0+8; t++ {
			if d.inQ[t] {
				continue
			}
			if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 && d.found[m].Type != article.Other {
				f := d.found[m]
				if f.Tok1 < u.t1 && d.toks[f.Tok1].Kind == text.Possessive {
					// "Norway's central bank kept …": the noun phrase
					// after the possessive
					if subj, ok := d.leadSubject(u, k); ok && t == t0 {
						return withContent(subj), true
					}
					break
				}
				return withContent([2]int{f.Tok0, f.Tok1}), true
			}
			if _, ok := pronouns[d.lower(t)]; ok && t == u.t0 {
				return withContent([2]int{t, t + 1}), true
			}
		}
		// "The Republican nominee also outlined … and vowed …", "The
		// central bank kept its rate unchanged but said …"
		// ("Lawyers … and said they …": a bare plural, when the verb
		// reports speech, not "Reporters … and found broken glass")
		if subj, ok := d.leadSubject(u, k); ok && (inLex(determinersLex, d.lower(subj[0])) || d.speechVerb(u, h)) {
			return withContent(subj), true
		}
		return c, false
	}
	// "an architect who said …": the relative pronoun's antecedent is
	// the speaker.
	if kt.Kind == text.Word && (d.lower(k) == "who" || d.lower(k) == "which") && k-1 >= u.t0 && !d.inQ[k-1] {
		ak := k - 1
		if d.word(ak) == "," {
			ak--
		}
		ak = d.skipParen(u, ak)
		if ak >= u.t0 && d.toks[ak].Kind == text.Word {
			s := d.npBack(u, ak)
			if s <= ak {
				c.subj = [2]int{s, ak + 1}
				c.rep = [2]int{k, h.t1}
				c.content = after()
				c.trusted = d.lower(k) == "who" && !npObjectVerbs[w0]
				return c, true
			}
		}
		return c, false
	}
	// "Kall -- co-editor of the book -- said": a dash apposition.
	if kt.Kind == text.Punct && isDash(d.word(k)) {
		e := k
		for e > u.t0 && isDash(d.word(e-1)) {
			e--
		}
		m := e - 1
		for m >= u.t0 && !d.inQ[m] && !isDash(d.word(m)) && e-m < 40 {
			m--
		}
		if m > u.t0 && isDash(d.word(m)) {
			for m > u.t0 && isDash(d.word(m-1)) {
				m--
			}
			hk := m - 1
			if hk >= u.t0 && d.toks[hk].Kind == text.Word {
				hs := d.npBack(u, hk)
				if hs <= hk {
					// "John Dickey, the chief executive of Ora Media --
					// the production company … -- told me": the person
					// that opens the comma chain.
					if !d.hasPerson(hs, hk+1) && hs-1 >= u.t0 && d.word(hs-1) == "," {
						if f, ok := d.chainPerson(u, hs-1); ok {
							return withSubject([2]int{f.Tok0, f.Tok1}, f.Tok0)
						}
					}
					return withSubject([2]int{hs, hk + 1}, hs)
				}
			}
		}
		return c, false
	}
	// "all the experts I interviewed said": a reduced relative clause
	// (pronoun + past verb) between the noun and its verb.
	if kt.Kind == text.Word && strings.HasSuffix(d.lower(k), "ed") && k-2 >= u.t0 && d.toks[k-2].Kind == text.Word {
		switch d.lower(k - 1) {
		case "i", "we", "he", "she", "they", "you":
			k -= 2
			kt = d.toks[k]
		}
	}
	switch {
	case kt.Kind == text.Word && !d.inQ[k]:
		s := d.npBack(u, k)
		// A pronoun is a whole subject: "the target it pledged".
		if _, ok := pronouns[d.lower(k)]; ok && d.lower(k) != "her" && d.lower(k) != "his" && d.lower(k) != "its" && d.lower(k) != "their" && !(s == k-2 && d.lower(k-1) == "of") {
			s = k // (but "one of them": see npBack)
		}
		// So is "another" opening the sentence ("Another said …"; see
		// plausibleSpeaker).
		if k == u.t0 && d.lower(k) == "another" {
			s = k
		}
		if s > k {
			return c, false
		}
		// "A diplomat who attended the meeting said": a restrictive
		// relative clause between the subject and the verb; the noun it
		// follows speaks, not the clause's object.
		if a, ok := d.relativeAntecedent(u, s); ok {
			c.relative = [2]int{a[1], k + 1}
			return withSubject(a, a[0])
		}
		// "Harbourline Energy, Inc. (NYSE: HBLE) announced": the
		// company's suffix after a comma belongs to its name
		if s == k && companySuffixes[strings.TrimSuffix(d.lower(k), ".")] && s-2 >= u.t0 && d.word(s-1) == "," && d.toks[s-2].Kind == text.Word {
			if s2 := d.npBack(u, s-2); s2 <= s-2 {
				s = s2
			}
		}
		return withSubject([2]int{s, k + 1}, s)
	case kt.Kind == text.Quote || kt.Text(d.body) == "," || (kt.Kind == text.Word && d.inQ[k]):
		// Inverted: "…,” said Ryabkov." / "…, says the diplomat." Never
		// after a verb whose object is the addressee ("told The
		// Huffington Post"), nor a phrase that opens with a preposition
		// ("said on Twitter").
		// Verbs whose content is their object ("praised the governor",
		// "urged restraint") never put their subject after them.
		if h.t1 < u.t1 && !addresseeVerb(w0) && !ppWords[d.lower(h.t1)] && !(npObjectVerbs[w0] && !invertingVerbs[w0]) {
			e := d.npForward(u, h.t1)
			e0 := e // the noun phrase alone
			// "said Bolden to the crowd", "said the minister at a news
			// conference", "said Berg in a statement": a phrase of
			// addressee or occasion after the speaker is no part of the
			// name; the clause ends after it.
			occasion := false
			if e > h.t1 && e < u.t1 && d.toks[e].Kind == text.Word && invertingVerbs[w0] && d.occasionPP(e, u.t1) {
				if f := d.phraseEnd(u, e); f >= u.t1 || d.toks[f].Kind == text.Punct {
					e, occasion = f, true
				}
			}
			// "said Amnesty International on Tuesday, November 19": the
			// day of saying closes the clause, outside the name.
			if !occasion && e > h.t1 && e+1 < u.t1 && (d.lower(e) == "on" || d.lower(e) == "late" || d.lower(e) == "early") && d.timexAt(d.toks[e+1].Span[0]) {
				if f := d.phraseEnd(u, e); f >= u.t1 || d.toks[f].Kind == text.Punct {
					e, occasion = f, true
				}
			}
			// "said one source on the panel", "said analyst Tom Lee at
			// Acme Securities in Seoul": trailing prepositional phrases up
			// to the end of the clause.
			if !occasion && e > h.t1 && e < u.t1 && d.toks[e].Kind == text.Word && invertedPP[d.lower(e)] {
				if f := d.phraseEnd(u, e); f >= u.t1 || d.toks[f].Kind == text.Punct {
					e = f
				}
			}
			if e > h.t1 && e0-h.t1 <= 7 && (e >= u.t1 || d.toks[e].Kind == text.Punct) && d.namelike(h.t1, e0) && !d.clauseLike(h.t1, e0) {
				c.subj = [2]int{h.t1, e}
				if occasion {
					c.subj = [2]int{h.t1, e0}
				} else if e0 > h.t1 && d.hasPerson(h.t1, e0) {
					// the person is the speaker; the phrase after says
					// where they work
					c.subj = [2]int{h.t1, e0}
					c.around = [2]int{e0, e}
				}
				// "…,” said the chief negotiator, Assistant Secretary
				// James Whitlock.": a name in apposition to a role is the
				// speaker; the role says what they are.
				if !occasion && e == e0 && e+1 < u.t1 && d.word(e) == "," && !d.hasPerson(h.t1, e0) && isCap(d.word(e+1)) {
					f := e + 1
					for f < u.t1 && !d.inQ[f] && d.toks[f].Kind != text.Quote && d.toks[f].Kind != text.Punct {
						f++
					}
					if f-(e+1) <= 8 && (f >= u.t1 || d.word(f) == "," || d.word(f) == ".") && d.hasPerson(e+1, f) {
						c.subj = [2]int{e + 1, f}
						c.around = [2]int{h.t1, e0}
						c.content = article.Span{u.span[0], kt.Span[1]}
						if kt.Text(d.body) == "," {
							c.content[1] = kt.Span[0]
						}
						c.rep = [2]int{k, u.t1}
						return c, true
					}
				}
				if c.around[1] <= c.around[0] && e+1 < u.t1 && d.word(e) == "," && inLex(determinersLex, d.lower(e+1)) {
					// "…,” said Lars Holm, the Danish negotiator.": the
					// apposition says whom they speak for
					c.around = [2]int{e + 1, u.t1}
				}
				c.content = article.Span{u.span[0], kt.Span[1]}
				if kt.Text(d.body) == "," {
					c.content[1] = kt.Span[0]
				}
				c.rep = [2]int{k, u.t1}
				return c, true
			}
		}
		// Apposition: "Dmitry Peskov, the spokesman, said …", "Russia's
		// presidential spokesman, Dmitry Peskov, said …", "Jane Doe, 25,
		// said", "X, who studies …, said".
		if kt.Text(d.body) == "," {
			m := k - 1
			for m >= u.t0 && !d.inQ[m] && d.word(m) != "," && k-m < 60 {
				m--
			}
			if m >= u.t0 && !d.inQ[m] && d.word(m) == "," {
				app0, app1 := m+1, k
				hk := d.skipParen(u, m-1)
				// "Rep. Dale Hutto, D-Fla., chairman of the committee,
				// said": the party-and-state tag between commas (the US
				// wire style) stands between the name and its apposition.
				if m2, ok := d.partyTagBefore(u, m); ok {
					hk = d.skipParen(u, m2-1)
				}
				hs := d.npBack(u, hk)
				if hs <= hk {
					subj := [2]int{hs, hk + 1}
					// Prefer the part that names a person; a relative
					// clause ("which represents …") never does.
					rel := d.lower(app0) == "who" || d.lower(app0) == "which" || d.lower(app0) == "whose"
					c.around = [2]int{app0, app1}
					if rel {
						c.relative = [2]int{app0, app1}
						// "who heads the Russian delegation" says whom the
						// speaker works for; "who met her French
						// counterpart" does not.
						v := app0 + 1
						for v < app1 && relativeAux[d.lower(v)] {
							v++ // "who has served on the committee"
						}
						if v >= app1 || !roleVerbs[d.lower(v)] {
							c.around = [2]int{}
						}
					}
					// "a military source, speaking to Al Jazeera on
					// condition of anonymity, said": a participle
					// phrase says how the source spoke, it does not name
					// them.
					participle := strings.HasSuffix(d.lower(app0), "ing") && d.toks[app0].Case == text.CaseLower
					if participle {
						c.around = [2]int{}
					}
					// "Kelly Harrington, 38, from Dudley, West Midlands,
					// said": a person opening the chain before it is the
					// speaker, whatever the last group is.
					if f, ok := d.chainPerson(u, k); ok && !rel && !participle && f.Tok1 <= hs && d.hasPerson(app0, app1) {
						return withSubject([2]int{f.Tok0, f.Tok1}, f.Tok0)
					}
					if !rel && !participle && d.hasPerson(app0, app1) && !d.hasPersonHead(hs, hk+1) {
						subj = [2]int{app0, app1}
						// "The Russian ambassador to the UK, Andrei Kelin":
						// the phrase before the name runs over its
						// prepositional phrases, so that its side is read
						// from the start ("Russian"), not from the place
						// the ambassador serves in.
						as := hs
						for as >= u.t0+2 && rolePreps[d.lower(as-1)] && d.toks[as-2].Kind == text.Word && !d.inQ[as-2] {
							h2 := d.npBack(u, as-2)
							if h2 > as-2 || h2 < u.t0 {
								break
							}
							as = h2
						}
						c.around = [2]int{as, hk + 1}
					}
					// Several appositions: "Jane Roe, the attorney
					// general of X, one of the states suing, said": the
					// person that opens the chain of comma groups.
					if !d.hasPerson(subj[0], subj[1]) {
						if f, ok := d.chainPerson(u, k); ok {
							subj = [2]int{f.Tok0, f.Tok1}
							hs = f.Tok0
						}
					}
					return withSubject(subj, hs)
				}
			}
		}
	}
	return c, false
}

// relativeAntecedent finds the subject before a restrictive relative
// clause that ends just before the cue: "A diplomat who attended the
// meeting said", "Officials who briefed reporters said". s is where the
// noun phrase before the cue starts. The antecedent must open the unit
// (or follow a comma, as after an opening phrase) and be a plausible
// speaker; the clause holds no comma or quote.
func (d *doc) relativeAntecedent(u unit, s int) ([2]int, bool) {
	for w := s - 1; w > u.t0 && s-w < 12; w-- {
		if d.inQ[w] || d.toks[w].Kind != text.Word {
			return [2]int{}, false
		}
		lw := d.lower(w)
		if lw != "who" && lw != "that" {
			continue
		}
		if w+1 >= s || d.toks[w-1].Kind != text.Word {
			return [2]int{}, false
		}
		a := d.npBack(u, w-1)
		if a > w-1 || (a > u.t0 && d.word(a-1) != ",") {
			return [2]int{}, false
		}
		subj := [2]int{a, w}
		// "that": only after a noun for people ("officials that
		// attended"), never a clause's "that" ("said that the man").
		if lw == "that" && !d.hasPerson(a, w) && !personHead(d.lower(w-1)) && !isPluralSpeakerNoun(d.lower(w-1)) {
			return [2]int{}, false
		}
		if !d.plausibleSpeaker(subj) {
			return [2]int{}, false
		}
		return subj, true
	}
	return [2]int{}, false
}

// quotedTitleEnd returns the token after a short quoted title of
// capitalised words opening at quote token q ("“State of the Union”",
// "“Meet the Press”"), 0 when there is none.
func (d *doc) quotedTitleEnd(u unit, q int) int {
	for t := q + 1; t < u.t1 && t <= q+7; t++ {
		if d.toks[t].Kind == text.Quote {
			if t > q+1 {
				return t + 1
			}
			return 0
		}
		if d.toks[t].Kind != text.Word || !isCap(d.word(t)) && !capStopInTitle[d.lower(t)] {
			return 0
		}
	}
	return 0
}

// capStopInTitle are the small words of a title in title case ("Meet
// the Press", "State of the Union").
var capStopInTitle = map[string]bool{"of": true, "the": true, "and": true, "a": true, "in": true, "on": true, "for": true, "to": true}

// partyTagBefore reports whether the group between the comma at m and
// the comma before it is a US party-and-state tag ("D-Fla.", "R-N.Y.",
// "I-Vt."), and returns that earlier comma.
func (d *doc) partyTagBefore(u unit, m int) (int, bool) {
	j := m - 1
	for j >= u.t0 && m-j <= 6 && d.word(j) != "," {
		j--
	}
	if j < u.t0 || d.word(j) != "," || j+1 >= m {
		return 0, false
	}
	return j, isPartyTag(d.body[d.toks[j+1].Span[0]:d.toks[m-1].Span[1]])
}

// isPartyTag: a party's initial, a hyphen and a state's abbreviation or
// short name, "D-Fla.", "R-N.Y.", "R-Ohio".
func isPartyTag(s string) bool {
	if len(s) < 4 || len(s) > 9 || (s[0] != 'D' && s[0] != 'R' && s[0] != 'I') || s[1] != '-' || s[2] < 'A' || s[2] > 'Z' {
		return false
	}
	for i := 3; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	return true
}

// skipParen steps back over a parenthesised group ending at k: "Sen.
// David Perdue (R-Ga.) said".
// A stock ticker in angle brackets ("Acme Corp <ACME.T> said", the old
// wire style) is stepped over the same way.
func (d *doc) skipParen(u unit, k int) int {
	if k < u.t0 {
		return k
	}
	open := ""
	switch d.word(k) {
	case ")":
		open = "("
	case ">":
		open = "<"
	default:
		return k
	}
	for j := k - 1; j >= u.t0 && k-j < 12; j-- {
		if d.word(j) == open {
			return j - 1
		}
	}
	return k
}

// words counts the words in a span.
func (d *doc) words(sp article.Span) int {
	if sp[1] <= sp[0] {
		return 0
	}
	// count the starts of runs of non-space runes, as strings.Fields
	// would, without building the fields
	n, in := 0, false
	for i := sp[0]; i < sp[1]; {
		c := d.body[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(d.body[i:sp[1]])
			space = unicode.IsSpace(r)
		}
		if !space && !in {
			n++
		}
		in = !space
		i += size
	}
	return n
}

func isDash(w string) bool { return w == "-" || w == "—" || w == "–" || w == "--" }

// auxVerbs open a verb phrase; after "that" they mark a relative clause.
var auxVerbs = map[string]bool{
	"was": true, "is": true, "were": true, "are": true, "has": true, "had": true, "have": true,
	"will": true, "would": true, "could": true, "can": true, "should": true, "may": true,
	"might": true, "must": true, "did": true, "does": true,
}

// docNouns are documents that say things through a participle: "issued a
// statement calling …", "sent a letter saying …".
// seenVerbs, before "by", name who saw a document, not who wrote it.
var seenVerbs = map[string]bool{"seen": true, "obtained": true, "reviewed": true, "viewed": true, "acquired": true}

var docNouns = map[string]bool{
	"statement": true, "letter": true, "tweet": true, "post": true, "memo": true, "release": true,
	"message": true, "email": true, "e-mail": true, "note": true, "op-ed": true, "essay": true,
	"column": true, "video": true, "ad": true, "advertisement": true, "speech": true, "report": true,
	"readout": true, "transcript": true, "communique": true, "communiqué": true, "declaration": true,
}

// gerundPrep are prepositions a speech gerund may follow and still report
// for the clause's subject: "criticised for saying that …", "after
// telling reporters …", "by arguing that …".
var gerundPrep = map[string]bool{"for": true, "after": true, "by": true, "without": true, "before": true, "upon": true}

// gerundReport reports whether the gerund cue h reports speech by itself:
// a verb of saying followed by "that" or a quotation ("saying that …",
// "telling reporters that …"), not "for admitting new members", "by
// asking prosecutors to charge …".
func (d *doc) gerundReport(u unit, h cueHit) bool {
	switch d.lower(h.t0) {
	case "saying", "telling", "claiming", "arguing", "insisting", "stating", "suggesting", "warning", "declaring":
	default:
		return false
	}
	for t := h.t1; t < u.t1 && t < h.t1+4; t++ {
		if d.lower(t) == "that" || d.toks[t].Kind == text.Quote || d.word(t) == ":" {
			return true
		}
	}
	// "by saying his refusal was …": "saying" takes a clause without
	// "that"; not "saying goodbye", "saying nothing".
	if d.lower(h.t0) == "saying" && h.t1+2 < u.t1 && d.toks[h.t1].Kind == text.Word {
		switch d.lower(h.t1) {
		case "goodbye", "hello", "no", "yes", "so", "grace", "nothing", "little", "much", "anything",
			"something", "thanks", "sorry", "a", "an", "the", "his", "her", "their", "its":
			// "saying the words", "saying his prayers" are no clause; a
			// determiner may open one ("saying the deal was fair"):
			// then a verb must follow within a few words.
			return d.verbSoon(h.t1+1, u.t1)
		}
		return true
	}
	return false
}

// verbSoon reports whether a finite verb of a clause ("was", "is",
// "would", a past tense) comes within five tokens from t.
func (d *doc) verbSoon(t, end int) bool {
	for k := t; k < end && k < t+5; k++ {
		switch d.lower(k) {
		case "was", "were", "is", "are", "would", "will", "could", "should", "had", "has", "have", "can", "must", "did", "does":
			return true
		}
		if d.toks[k].Kind == text.Punct {
			return false
		}
	}
	return false
}

// shouted reports whether a mention is several words in capitals: a
// kicker or heading run into the sentence ("CONGRESS HAS INVESTIGATED
// HIM — Oz's advice …"), not the subject.
func shouted(s string) bool {
	return strings.IndexByte(s, ' ') > 0 && text.IsUpper(s) && !text.IsLower(s)
}

// invertingVerbs are the reporting verbs that put their subject after
// them ("…,” said Berg to reporters).
var invertingVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "asked": true, "asks": true, "wrote": true,
	"writes": true, "continued": true, "explained": true, "noted": true, "recalled": true, "insisted": true,
	"warned": true, "declared": true, "replied": true, "answered": true, "stated": true, "remarked": true,
	"acknowledged": true, "admitted": true, "argued": true, "concluded": true, "observed": true,
	"suggested": true, "conceded": true, "announced": true, "claimed": true, "countered": true,
	"cautioned": true, "told": true, "tells": true, "say": true,
}

// roleVerbs open a relative clause that tells a speaker's office: "who
// heads the delegation", "who is the bank's chief economist".
var roleVerbs = map[string]bool{
	"heads": true, "headed": true, "leads": true, "led": true, "represents": true, "represented": true,
	"chairs": true, "chaired": true, "is": true, "was": true, "serves": true, "served": true,
	"works": true, "worked": true, "runs": true, "ran": true, "directs": true, "directed": true,
	"oversees": true, "oversaw": true, "speaks": true, "spoke": true, "advises": true, "advised": true,
	"studies": true, "teaches": true, "taught": true, "researches": true, "covers": true, "manages": true,
	"owns": true, "founded": true, "belongs": true, "been": true, "sits": true, "sat": true,
}

// relativeAux are the auxiliaries and adverbs between "who" and its verb.
var relativeAux = map[string]bool{
	"has": true, "had": true, "have": true, "also": true, "now": true, "currently": true, "previously": true,
	"once": true, "still": true, "long": true,
}

// reportAdverbs stand between a verb of saying and its content: "said
// later the talks had failed".
var reportAdverbs = map[string]bool{
	"later": true, "earlier": true, "separately": true, "afterwards": true, "afterward": true,
	"again": true, "also": true, "repeatedly": true, "previously": true, "privately": true, "publicly": true,
}

var conjunctions = map[string]bool{"and": true, "or": true, "but": true, "nor": true}

// companySuffixes close a company's name, sometimes after a comma.
var companySuffixes = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "llc": true, "plc": true, "co": true, "ag": true, "sa": true,
	"s.a": true, "n.v": true, "nv": true, "se": true, "gmbh": true, "l.p": true, "lp": true,
}

// subjectBeforeVerb returns where a subject noun phrase starting at token
// a ends: at the first word that is most likely a verb ("kept", "cut",
// "outlined"), before token k; a when none is found within five words.
func (d *doc) subjectBeforeVerb(a, k int) int {
	for t := a; t < k && t < a+5; t++ {
		if d.toks[t].Kind != text.Word || d.inQ[t] {
			return a
		}
		if d.pastVerb(t) {
			return t
		}
	}
	return a
}

// pastVerb reports whether token t is a verb in the past tense (past
// forms only: "report" or "statement" may be nouns).
func (d *doc) pastVerb(t int) bool {
	w := d.lower(t)
	return (len(w) > 4 && strings.HasSuffix(w, "ed")) || pastForms[w] || isPastCue(w)
}

// pastForms are irregular past forms that open a predicate ("The bank
// kept its rate unchanged but said …").
var pastForms = map[string]bool{
	"kept": true, "cut": true, "set": true, "met": true, "left": true, "took": true, "got": true,
	"sent": true, "found": true, "put": true, "won": true, "lost": true, "sold": true,
	"bought": true, "rose": true, "fell": true, "hit": true, "ran": true, "began": true, "became": true,
	"brought": true, "built": true, "chose": true, "drew": true, "fought": true, "grew": true,
	"paid": true, "spent": true, "struck": true, "threw": true, "wrote": true,
}

// phraseEnd returns where a prepositional phrase starting at token e ends:
// at the first punctuation mark (not a hyphen or ampersand) or quote mark,
// the unit's end, or 12 tokens on.
func (d *doc) phraseEnd(u unit, e int) int {
	f := e
	for f < u.t1 && d.toks[f].Kind != text.Quote && f-e < 12 &&
		(d.toks[f].Kind != text.Punct || d.word(f) == "-" || d.word(f) == "&") {
		f++
	}
	return f
}

// occasionPP reports whether token t opens a phrase naming whom a speaker
// addressed or the occasion ("to reporters", "during the visit", "in a
// statement", "at a news conference", "on Twitter").
func (d *doc) occasionPP(t, end int) bool {
	if locatives[d.lower(t)] {
		return true
	}
	switch d.lower(t) {
	case "to", "during", "after", "before", "via", "following":
		return true
	case "in", "at", "on":
	default:
		return false
	}
	k := t + 1
	if k < end && platforms[d.lower(k)] {
		return true
	}
	if k >= end || !inLex(determinersLex, d.lower(k)) {
		return false
	}
	k++
	for m := 0; m < 2 && k < end && mediumModifiers[d.lower(k)]; m++ {
		k++
	}
	return k < end && (mediumNouns[d.lower(k)] || occasionNouns[d.lower(k)])
}

// skipMedium returns the token after a phrase naming the medium or the
// occasion of saying that starts at t ("in a statement", "in a written
// statement", "at a news conference", "in an interview", "on Twitter"),
// or t when there is none.
func (d *doc) skipMedium(t, end int) int {
	if t+1 >= end {
		return t
	}
	switch d.lower(t) {
	case "in", "at", "during", "on":
	default:
		return t
	}
	k := t + 1
	if platforms[d.lower(k)] {
		if d.lower(k) == "social" && d.lower(k+1) == "media" {
			return k + 2
		}
		return k + 1
	}
	switch d.lower(k) {
	case "a", "an", "the", "its", "his", "her", "their":
		k++
	default:
		return t
	}
	for m := 0; m < 2 && k < end && mediumModifiers[d.lower(k)]; m++ {
		k++
	}
	if k+1 < end && mediumNouns[d.lower(k)] && d.toks[k+1].Kind == text.Word {
		// "in an interview published Sunday", "in a video posted on
		// Monday": when and where the medium appeared
		switch d.lower(k + 1) {
		case "published", "aired", "broadcast", "released", "posted", "televised", "carried", "shown":
			if e := d.skipTime(k+2, end); e > k+2 {
				return e
			}
		}
		return k + 1
	}
	return t
}

// thatAfterObject returns the "that" that closes a short object after cue
// h ("told national radio stations that …", "warned Moscow that …"),
// from token t on; t itself when there is none.
func (d *doc) thatAfterObject(u unit, h cueHit, t int) int {
	for k := t; k < u.t1 && k < h.t1+6; k++ {
		if d.inQ[k] || d.toks[k].Kind != text.Word || ppWords[d.lower(k)] {
			break
		}
		if d.lower(k) == "that" {
			return k
		}
	}
	return t
}

// rolePreps join a role noun and what it serves: "ambassador to the UK",
// "minister of defence", "envoy for Syria".
var rolePreps = map[string]bool{"to": true, "of": true, "for": true, "at": true, "in": true}

// mediumParticiples open the phrase that says where a statement appeared:
// "a statement posted on its website", "a letter published in the Times".
var mediumParticiples = map[string]bool{"posted": true, "published": true, "released": true, "issued": true,
	"carried": true, "sent": true, "distributed": true, "circulated": true, "read": true}

// platforms are channels named without an article: "on Twitter", "on
// Telegram", "on social media", "on television".
var platforms = map[string]bool{"twitter": true, "television": true, "radio": true, "telegram": true,
	"facebook": true, "instagram": true, "linkedin": true, "weibo": true, "wechat": true, "youtube": true,
	"tiktok": true, "vkontakte": true, "social": true, "x": true}

// mediumNouns name the medium or occasion of a statement; mediumModifiers
// may come before them.
var (
	mediumNouns = map[string]bool{
		"statement": true, "interview": true, "letter": true, "speech": true, "release": true,
		"briefing": true, "conference": true, "communique": true, "communiqué": true, "message": true,
		"tweet": true, "post": true, "broadcast": true, "address": true, "remarks": true, "report": true,
		"meeting": true, "session": true, "hearing": true, "rally": true, "memo": true, "note": true,
	}
	// occasionNouns name where a speaker spoke, not what the words were
	// written in: "said Berg at the ceremony" (but "said at the ceremony
	// marking …" is no medium before a content).
	occasionNouns = map[string]bool{
		"ceremony": true, "summit": true, "forum": true, "event": true, "reception": true, "gathering": true,
	}
	mediumModifiers = map[string]bool{
		"written": true, "separate": true, "brief": true, "news": true, "press": true, "televised": true,
		"television": true, "radio": true, "telephone": true, "joint": true, "later": true, "weekly": true,
		"regular": true, "late": true, "new": true, "rare": true, "private": true, "closed": true,
	}
)

// skipTime returns the token after the time expressions starting at t,
// with their prepositions ("on Friday", "late on Monday").
func (d *doc) skipTime(t, end int) int {
	run := -1 // first token of the time expression being read
	for t < end {
		if d.timexAt(d.toks[t].Span[0]) {
			if run < 0 {
				run = t
			}
			// "said Friday's meeting had gone well": a day with a
			// possessive opens the content; it is not the day of saying
			if t+1 < end && d.toks[t+1].Kind == text.Possessive || d.toks[t].Kind == text.Possessive {
				return run
			}
			t++
			continue
		}
		run = -1
		if t+1 < end && (d.lower(t) == "on" || d.lower(t) == "in" || d.lower(t) == "at" || d.lower(t) == "over" || d.lower(t) == "during") && d.timexAt(d.toks[t+1].Span[0]) {
			t += 2 // ("said over the weekend that …")
			continue
		}
		// "said late on Sunday", "early Monday"
		if t+1 < end && (d.lower(t) == "late" || d.lower(t) == "early") && (d.timexAt(d.toks[t+1].Span[0]) ||
			t+2 < end && (d.lower(t+1) == "on" || d.lower(t+1) == "in") && d.timexAt(d.toks[t+2].Span[0])) {
			t++
			continue
		}
		break
	}
	return t
}

// objectPronoun reports a pronoun that can be, or open, the person told:
// "told him", "told her", "told us", "told his advisers".
func objectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "us", "me", "you",
		"his", "their", "its", "our", "my", "your": // "told his advisers"
		return true
	}
	return false
}

// clausePronoun reports a subject pronoun, which opens a clause: "told
// reporters she was tired".
func clausePronoun(w string) bool {
	return subjectPronoun(w) || w == "we" || w == "i" || w == "it"
}

// possessiveDeterminer reports "his", "their" and the like, which open a
// noun phrase.
func possessiveDeterminer(w string) bool {
	switch w {
	case "his", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// sideWord reports whether token t names a side as an adjective or a
// name: a demonym ("Russian") or a country's mention ("U.S.").
func (d *doc) sideWord(t int) bool {
	if d.toks[t].Kind != text.Word || !isCap(d.word(t)) {
		return false
	}
	if _, ok := actors.Demonym(d.word(t)); ok {
		return true
	}
	m := d.mention[t]
	return m >= 0 && d.found[m].Type == article.GPE
}

// namedBody reports whether token t is in the mention of a country or an
// organisation.
func (d *doc) namedBody(t int) bool {
	m := d.mention[t]
	return m >= 0 && (d.found[m].Type == article.GPE || d.found[m].Type == article.Org)
}

// groupHead: the nouns of a group of parties speaking together.
func groupHead(w string) bool {
	switch w {
	case "bloc", "group", "alliance", "coalition", "teams", "delegations", "governments", "sides", "partners":
		return true
	}
	return false
}

// headPerson returns the mention a unit's first mention m modifies when
// a role and a person's name follow it in one noun phrase: "White House
// press secretary Karen Lowell declined …, telling …" is Lowell's, not
// the White House's. Otherwise m.
func (d *doc) headPerson(m, end int) int {
	f := d.found[m]
	if f.Type == article.Person {
		return m
	}
	role := false
	for t := f.Tok1; t < end && t < f.Tok1+6; t++ {
		if n := d.mention[t]; n >= 0 && n != m {
			if role && d.found[n].Type == article.Person && d.found[n].ID >= 0 {
				return n
			}
			return m
		}
		w := d.word(t)
		if d.toks[t].Kind != text.Word {
			return m
		}
		switch {
		case actors.IsRoleNoun(w) || actors.IsTitleWord(w):
			role = true
		case isCap(w):
			return m
		}
	}
	return m
}

// mediaAdjective reports whether token t qualifies the medium told: "told
// state television", "told local media", "told foreign journalists".
func (d *doc) mediaAdjective(t int, u unit) bool {
	switch d.lower(t) {
	case "state", "public", "national", "local", "foreign", "official", "private", "independent", "regional", "international":
		return t+1 < u.t1 && toldObjects[d.lower(t+1)] && !inLex(determinersLex, d.lower(t+1))
	}
	return false
}

// shortAcronym reports two to six capital letters: "FO", "MEA", "NATO".
func shortAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// asClause reads a reporting clause opened by "as": "As the minister
// pointed out on Monday, the two sides have not met", "The deal, as the
// minister said, is not dead". What the speaker said is the main clause
// around it, not the words after the verb: those run to the clause's
// comma and are its time, medium or manner ("noted in a report", "put it
// with a shrug"). The subject starts at token s; it reports whether it
// set c's content. Verbs of naming keep the name after them ("as the
// paper called them, “anchors”").
func (d *doc) asClause(u unit, h cueHit, s int, c *clause) bool {
	if s-1 < u.t0 || d.lower(s-1) != "as" || d.inQ[s-1] || namingVerb(d.lower(h.t0)) {
		return false
	}
	medial := s-1 > u.t0
	if medial && (d.word(s-2) != "," || d.inQ[s-2]) {
		return false
	}
	// "Yet, as Mr. Bown observed, …", "If, as I have suggested, …": a
	// conjunction or sentence adverb before the clause is no content.
	if medial && s-2 <= u.t0+2 {
		opener := true
		for t := u.t0; t < s-2; t++ {
			if !discourseOpeners[d.lower(t)] && !isAdverb(d.word(t)) {
				opener = false
			}
		}
		medial = !opener
	}
	// The clause ends at its comma; when a quote opens after a later
	// comma, that one ("as he wrote on his blog Think, Save, Retire,
	// “…”": commas inside a title).
	cm := -1
	for t := h.t1; t < u.t1 && t < h.t1+16; t++ {
		if d.toks[t].Kind == text.Quote {
			if t > h.t1 && d.word(t-1) == "," {
				cm = t - 1
			}
			break
		}
		if d.inQ[t] {
			break
		}
		if d.word(t) == "," && cm < 0 {
			cm = t
		}
		if d.toks[t].Kind == text.Punct && d.word(t) != "," && !isDash(d.word(t)) && d.word(t) != "(" && d.word(t) != ")" {
			break
		}
	}
	if cm < 0 || cm+1 >= u.t1 {
		return false
	}
	rest := article.Span{d.toks[cm+1].Span[0], u.span[1]}
	if d.words(rest) < 3 {
		return false
	}
	c.rep[1] = cm
	if !medial {
		c.content = rest
		return true
	}
	c.content = article.Span{u.span[0], d.toks[s-2].Span[0]}
	c.content2 = rest
	c.around2 = true
	return true
}

// discourseOpeners are words that open a sentence before a comma without
// being part of what is reported: "Yet, as he said, …".
var discourseOpeners = map[string]bool{
	"yet": true, "but": true, "and": true, "so": true, "however": true, "still": true, "indeed": true,
	"now": true, "then": true, "again": true, "also": true, "moreover": true, "instead": true,
	"meanwhile": true, "thus": true, "hence": true, "if": true, "and,": true, "or": true, "for": true,
	"example": true, "instance": true, "in": true, "fact": true, "of": true, "course": true, "after": true,
	"all": true, "besides": true, "though": true, "although": true, "because": true, "when": true,
}

// leadSubject finds the subject of a sentence's main clause when it is a
// noun phrase opening the sentence (after any dateline) and ending before
// token k: "Norway's central bank kept …", "The Republican nominee
// outlined …". A name alone is left to the callers.
func (d *doc) leadSubject(u unit, k int) ([2]int, bool) {
	t0 := u.t0
	for t0 < k && d.toks[t0].Span[0] < d.lead {
		t0++
	}
	if t0 >= k || d.inQ[t0] {
		return [2]int{}, false
	}
	if m := d.mention[t0]; m >= 0 {
		f := d.found[m]
		if f.ID < 0 || f.Type == article.Other || f.Tok0 != t0 || f.Tok1 >= u.t1 || d.toks[f.Tok1].Kind != text.Possessive {
			return [2]int{}, false
		}
		// ("Norway's fisheries minister on Tuesday defended …": the day
		// is no part of the subject)
		if e := d.subjectBeforeVerb(f.Tok1+1, k); e > f.Tok1+1 {
			if e = d.skipBack(u, e-1) + 1; e > f.Tok1+1 && d.plausibleSpeaker([2]int{f.Tok0, e}) {
				return [2]int{f.Tok0, e}, true
			}
		}
		return [2]int{}, false
	}
	if !inLex(determinersLex, d.lower(t0)) {
		// "Analysts in Tokyo were cautious, saying …", "Farmers' groups
		// in Ireland and Poland …, arguing …": a plural noun for people
		// opening the sentence, with the place they are in.
		e := d.npForward(u, t0)
		if v := d.subjectBeforeVerb(t0+1, k); v < e && d.pastVerb(v) {
			e = v // "Lawyers met the judge …"
		}
		if e <= t0 || e >= k || !isCap(d.word(t0)) || d.toks[e-1].Kind != text.Word {
			return [2]int{}, false
		}
		hw := d.lower(e - 1)
		if sg := strings.TrimSuffix(hw, "s"); sg == hw || !(peopleNoun(hw) || speakerNouns[sg]) {
			return [2]int{}, false
		}
		if w := d.lower(e); (w == "in" || w == "at" || w == "from") && e+1 < k {
			for m := d.mention[e+1]; m >= 0 && d.found[m].Tok0 == e+1 && d.found[m].Tok1 < k; m = d.mention[e+1] {
				e = d.found[m].Tok1
				if d.lower(e) != "and" || e+1 >= k {
					break
				}
			}
			if d.lower(e) == "and" {
				e-- // "… in Ireland and" with no place after it
			}
		}
		if d.plausibleSpeaker([2]int{t0, e}) {
			return [2]int{t0, e}, true
		}
		return [2]int{}, false
	}
	e := d.npForward(u, t0)
	if v := d.subjectBeforeVerb(t0+1, k); v > t0+1 && v < e {
		e = v
	}
	if e > t0+1 && e < k && d.plausibleSpeaker([2]int{t0, e}) {
		return [2]int{t0, e}, true
	}
	return [2]int{}, false
}

// speechVerb reports whether cue h reports speech whatever follows it:
// a clause or a quote follows ("…, adding that …"), or the verb reports
// with any object ("said the talks failed", "calling for calm"). "The
// alliance expanded, adding Greece" reports nothing.
func (d *doc) speechVerb(u unit, h cueHit) bool {
	if h.t1 < u.t1 && (d.lower(h.t1) == "that" || d.toks[h.t1].Kind == text.Quote) {
		return true
	}
	switch d.lower(h.t0) {
	case "said", "says", "told", "tells", "added", "adds", "argued", "insisted", "stressed", "noted", "warned", "explained", "claimed", "stated",
		"saying", "telling", "arguing", "insisting", "warning", "noting", "stressing", "explaining",
		"claiming", "stating", "asserting", "declaring", "maintaining", "acknowledging", "calling", "citing",
		"urging", "accusing", "decrying", "describing", "predicting", "promising", "vowing", "denying",
		"demanding", "suggesting", "asking", "pledging", "emphasizing", "emphasising", "complaining", "criticizing", "criticising":
		return true
	}
	return false
}
