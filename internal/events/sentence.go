package events

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// trig is a trigger found in a sentence.
type trig struct {
	tok   int // head token
	entry int
	with  int // token of the With word, -1
}

// sentence finds the events of tokens [s0, s1).
func (d *doc) sentence(s0, s1 int) {
	lex := d.x.lex
	var cands []trig
	consumed := d.consumed[:0]
	for i := s0; i < s1; i++ {
		consumed = append(consumed, false)
	}
	d.consumed = consumed
	for i := s0; i < s1; i++ {
		if d.tk[i].Kind != text.Word || d.inQuote[i] || consumed[i-s0] {
			continue
		}
		if d.flags[i]&fTrigger == 0 {
			continue
		}
		if i > s0 && d.body[d.tk[i].Span[0]] >= 'A' && d.body[d.tk[i].Span[0]] <= 'Z' && d.tk[i-1].Kind != text.Quote {
			// Capitalised inside a sentence: part of a name or a
			// headline ("Mr. Ban", "the Security Council"), not a verb.
			continue
		}
		if i == s0 && d.low[i] == "asked" {
			// "Asked about the French position, Vieira said …": a
			// reporter's question, no request between the parties.
			continue
		}
		ids, _ := lex.forms.Get(d.low[i])
		for _, id := range ids {
			if w, ok := d.matches(id, i, s0, s1); ok {
				if lex.set[id].Skip {
					break
				}
				cands = append(cands, trig{i, id, w})
				if ws := lex.word[id]; ws != nil {
					// "lifted the curfew": the object is part of this
					// trigger, not a trigger of its own.
					for j := i + 1; j < s1 && j <= i+near; j++ {
						if ws.Has(d.low[j]) {
							consumed[j-s0] = true
						}
					}
				}
				break
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	d.sentFrom = len(d.out)
	suppressed, govTok := false, 0
	for _, c := range cands {
		if suppressed {
			// An independent clause ("; ", "while", "but") or a coordinated
			// past-tense verb ("accused X of Y and deployed troops") is not
			// the governed complement.
			if !d.independentBetween(govTok, c.tok) && !(d.low[c.tok-1] == "and" && strings.HasSuffix(d.low[c.tok], "ed")) {
				continue
			}
			suppressed = false
		}
		e := lex.set[c.entry]
		typ, mode := e.Type, e.Mode
		// A hypothetical is no event: "if NATO deploys troops, …", "in
		// case talks fail". (What the speaker demands or threatens in
		// the main clause is.)
		if d.inCondition(c.tok, s0) {
			continue
		}
		// A warning is a threat only when something is threatened: an
		// act the warner would take, or a condition. "Warned that the
		// document did not contain …" is a statement, not THREATEN.
		if mode == "warn" && !d.threatAhead(c.tok, s1) {
			continue
		}
		neg, fut, intent := d.modality(c.tok, s0)
		if e.Noun {
			// "the next round will be held": intent announced after the noun.
			for j := c.tok + 1; j < s1 && j <= c.tok+3; j++ {
				if d.low[j] == "will" || d.low[j] == "would" || d.low[j] == "shall" {
					intent = true
				}
			}
		}
		tense := 0
		switch {
		case intent:
			tense = 1
		case !e.Noun && pastForm(d.low[c.tok]):
			tense = -1
		default:
			tense = d.clauseTense(c.tok, s0)
		}
		govern := e.Govern
		switch {
		case neg && cooperative(typ) && fut:
			typ, mode, govern = Reject, "refuse", true
		case neg:
			if govern {
				suppressed, govTok = true, c.tok
			}
			continue
		case intent && typ != Agree && cooperative(typ):
			mode = strings.ToLower(typ)
			typ, govern = Agree, true
		case intent && hostile(typ):
			mode = strings.ToLower(typ)
			typ, govern = Threaten, true
		}
		if govern {
			suppressed, govTok = true, c.tok
		}
		d.emit(c, e, typ, mode, tense, s0, s1)
	}
}

func (d *doc) independentBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if d.flags[i]&fIndependent != 0 {
			return true
		}
	}
	return false
}

// matches checks an entry's conditions at token i; it returns the token of
// the With word (or -1).
func (d *doc) matches(id, i, s0, s1 int) (int, bool) {
	lex := d.x.lex
	e := lex.set[id]
	if p := lex.prev[id]; p != nil {
		if i == s0 || !p.Has(d.low[i-1]) {
			return -1, false
		}
	}
	if nx := lex.next[id]; nx != nil {
		ok := false
		for j := i + 1; j < s1 && j <= i+2; j++ {
			if nx.Has(d.low[j]) {
				ok = true
				break
			}
		}
		if !ok {
			return -1, false
		}
	}
	with := -1
	if ws := lex.word[id]; ws != nil {
		// Nearest first, after the head before before it.
		for k := 1; k <= near && with < 0; k++ {
			if j := i + k; j < s1 && ws.Has(d.low[j]) {
				with = j
			} else if j := i - k; j >= s0 && ws.Has(d.low[j]) {
				with = j
			}
		}
		if with < 0 {
			return -1, false
		}
		if with < i && !e.Noun && !e.Subj && !d.objectBefore(with, i, s0) {
			// "The talks ended": a word before a verb is its subject, not
			// the object that decides its sense.
			return -1, false
		}
	}
	if !e.Noun && e.Prev == "" && i > s0 && ((d.flags[i-1]&fDeterminers != 0) || d.tk[i-1].Kind == text.Possessive) {
		return -1, false // a noun use of a verb form: "the offer", "Russia's demands"
	}
	if !e.Noun && e.Prev == "" && i > s0 && d.flags[i-1]&fSubjectPreps != 0 && d.low[i-1] != "to" {
		// After a preposition a verb form is a noun or a gerund of
		// manner: "in protest", "upon request", "in offering analysis".
		return -1, false
	}
	if !e.Noun && e.Prev == "" && i+1 < s1 && (d.flags[i+1]&fAuxFollow != 0) && d.tk[i+1].Kind == text.Word && !strings.HasSuffix(d.low[i], "ed") {
		return -1, false // "the core demands were": a noun
	}
	if i > s0 && d.low[i-1] == "to" && !e.Noun {
		// After "to" only the base form is a verb: "to requests", "to
		// talks" are nouns.
		if w := d.low[i]; strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) {
			return -1, false
		}
	}
	if i-2 >= s0 && (d.low[i-1] == "be" && d.low[i-2] == "to" || i-3 >= s0 && d.low[i-2] == "be" && d.low[i-3] == "to" && strings.HasSuffix(d.low[i-1], "ly")) {
		return -1, false // "to be (brutally) attacked": a hypothetical passive
	}
	if i-2 >= s0 && d.low[i-1] == "to" && (d.flags[i-2]&fPurpose != 0) {
		return -1, false // "in order to de-escalate": a purpose, not an act
	}
	if e.Noun && !d.nounEvent(i, s0, s1) {
		return -1, false
	}
	return with, true
}

// objectBefore reports whether the word at j, before the verb at i, can be
// its object: the verb is passive ("sanctions were imposed") or j heads a
// relative clause the verb is in ("the draft documents that X handed
// over").
func (d *doc) objectBefore(j, i, s0 int) bool {
	for k := i - 1; k >= s0 && k >= i-2; k-- {
		if d.flags[k]&fPassiveAux != 0 {
			return true
		}
	}
	for k := j + 1; k < i; k++ {
		switch d.low[k] {
		case "that", "which", "whom":
			return true
		}
	}
	return false
}

// nounEvent reports whether the noun at i reports an act: a light verb
// before it ("held talks"), a date beside it ("Friday's summit", "talks on
// Monday"), its participants after it ("a meeting of the council") or a
// progressive auxiliary ("is meeting with").
func (d *doc) nounEvent(i, s0, s1 int) bool {
	for j := i - 1; j >= s0 && j >= i-5; j-- {
		if d.isBoundary(j) {
			break
		}
		if d.flags[j]&fLightVerbs != 0 {
			return true
		}
		if j == i-1 && (d.flags[j]&fPassiveAux != 0) && d.low[i] == "meeting" {
			return true
		}
	}
	for j := i + 1; j < s1 && j <= i+3; j++ {
		if d.isBoundary(j) {
			break
		}
		if heldAfter[d.low[j]] {
			return true
		}
	}
	start, end := d.tk[i].Span[0], d.tk[i].Span[1]
	// Only dates that start near the trigger can touch it: from the
	// longest date's length before it to five bytes after it.
	for _, t := range d.dates[d.dateFrom(start-4-d.longestDate):] {
		if t.span[0] > end+5 {
			break
		}
		if t.span[1] <= start && start-t.span[1] <= 4 {
			return true // "Wednesday's meeting"
		}
		if t.span[0] >= end && t.span[0]-end <= 5 {
			return true // "talks on Monday"
		}
	}
	if i+1 < s1 {
		switch d.low[i+1] {
		case "between":
			if m := d.mentionIn(d.tk[i+1].Span[1], d.tk[min(i+4, s1-1)].Span[1]); m >= 0 {
				return true
			}
		}
	}
	return false
}

// modality reads the words before the trigger in its clause: negation,
// whether the negation is a refusal (a future or modal: "will not"), and
// announced intent ("will", "plans to", "ready to").
func (d *doc) modality(i, s0 int) (neg, fut, intent bool) {
	for j := i - 1; j >= s0 && j >= i-7; j-- {
		if d.isBoundary(j) || d.tk[j].Kind == text.Punct {
			break
		}
		f := d.flags[j]
		switch {
		case f&(fNegators|fPastNeg) != 0 || strings.HasSuffix(d.low[j], "n't") || strings.HasSuffix(d.low[j], "n’t"):
			neg = true
			if f&fFutureNeg != 0 {
				fut = true
			}
		case f&fFutureNeg != 0 && neg:
			fut = true
		case f&fIntentWords != 0:
			intent = true
			if f&fFutureNeg != 0 {
				fut = true
			}
		}
		if f&fTrigger != 0 && d.low[j] != "must" {
			break // "agreed not to attack": the negation belongs to the inner verb
		}
	}
	return
}

func (d *doc) isBoundary(j int) bool { return d.flags[j]&fBoundaries != 0 }

// inCondition reports whether the trigger at i stands in a conditional
// clause: "if", "unless" or "in case" opens its clause before it, with no
// comma or clause boundary between.
func (d *doc) inCondition(i, s0 int) bool {
	for j := i - 1; j >= s0 && j >= i-12; j-- {
		if d.tk[j].Kind == text.Punct || d.tk[j].Kind == text.Quote {
			return false
		}
		switch d.low[j] {
		case "if", "unless", "whether":
			// ("It was not clear whether the two sides would meet
			// again": an open question is no event)
			return true
		case "case":
			if j > s0 && d.low[j-1] == "in" {
				return true
			}
		case "when", "how", "why", "where":
			// "declined to say when an agreement might be signed"
			if j > s0 {
				switch d.low[j-1] {
				case "say", "specify", "confirm", "disclose", "know", "unclear", "clear":
					return true
				}
			}
		}
		if d.isBoundary(j) {
			return false
		}
	}
	return false
}

// threatAhead reports whether the complement of a warning holds a
// threatened act: a future or conditional ("would respond", "will take
// measures", "if", "unless") or consequences and measures named.
func (d *doc) threatAhead(i, s1 int) bool {
	for j := i + 1; j < s1; j++ {
		switch d.low[j] {
		case "would", "will", "could", "might", "if", "unless", "otherwise", "consequences",
			"measures", "retaliation", "retaliate", "response", "respond", "force", "against", "of":
			return true
		}
	}
	return false
}

// clause returns the token range [cs, ce) of the clause around i. A
// reporting verb before the trigger also starts its clause: "Stoltenberg
// said the alliance would not compromise" — the alliance, not the speaker,
// is the subject.
func (d *doc) clause(i, s0, s1 int) (int, int) {
	cs := i
	for cs > s0 && !d.isBoundary(cs-1) && (cs-1 == i || d.flags[cs-1]&fReporting == 0) {
		cs--
	}
	ce := i + 1
	for ce < s1 && !d.isBoundary(ce) {
		ce++
	}
	return cs, ce
}

// mentionIn returns the index of the first mention starting in [a, b), -1.
func (d *doc) mentionIn(a, b int) int {
	k := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span[0] >= a })
	if k < len(d.ments) && d.ments[k].span[0] < b {
		return k
	}
	return -1
}

// prevFlags returns the class bits of the token before byte position pos.
func (d *doc) prevFlags(pos int) uint32 {
	if k := d.tokenAt(pos); k > 0 {
		return d.flags[k-1]
	}
	return 0
}

// prevWord returns the lower-cased word before byte position pos, or "".
func (d *doc) prevWord(pos int) string {
	k := d.tokenAt(pos)
	if k > 0 {
		return d.low[k-1]
	}
	return ""
}

// subject finds the subject mention of a clause: the leftmost mention in
// [a, b) that is not the object of a preposition.
func (d *doc) subject(a, b int) int {
	k := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span[0] >= a })
	for ; k < len(d.ments) && d.ments[k].span[1] <= b; k++ {
		if d.prevFlags(d.ments[k].span[0])&fSubjectPreps == 0 {
			return d.named(k, b)
		}
	}
	return -1
}

// named prefers the person named in apposition to a country or body that
// only qualifies a title: "The US ambassador to Russia, John Sullivan,
// delivered" and "Russia's foreign minister Sergey Lavrov said" are done
// by the person.
func (d *doc) named(k, b int) int {
	if d.ments[k].actor.Kind == article.Person {
		return k
	}
	t := d.tokenAt(d.ments[k].span[1])
	if t >= len(d.tk) || (d.flags[t]&fRoleNouns == 0 && d.tk[t].Kind != text.Possessive && !(t+1 < len(d.tk) && d.flags[t+1]&fRoleNouns != 0)) {
		return k
	}
	for j := k + 1; j < len(d.ments) && d.ments[j].span[1] <= b; j++ {
		if d.ments[j].actor.Kind == article.Person {
			return j
		}
	}
	return k
}

// lastBefore returns the last mention ending before pos whose kind fits
// (persons when person is true, other actors otherwise).
func (d *doc) lastBefore(pos int, person bool) int {
	k := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span[1] > pos })
	for k--; k >= 0; k-- {
		isP := d.ments[k].actor.Kind == article.Person
		if isP != person {
			continue
		}
		switch d.prevWord(d.ments[k].span[0]) {
		case "in", "at", "near", "to", "from":
			continue // a place of the event ("met in Geneva"), not an actor
		}
		return k
	}
	return -1
}

// emit builds the event of trigger c.
func (d *doc) emit(c trig, e entry, typ, mode string, tense, s0, s1 int) {
	i := c.tok
	cs, ce := d.clause(i, s0, s1)
	head := d.tk[i].Span
	cStart, cEnd := d.tk[cs].Span[0], d.tk[ce-1].Span[1]

	actor, target := -1, -1
	var implicit *article.Actor // an actor carried over from the last event
	var carried *article.Actor  // and its target, for "they" and "the two sides"
	passive := false
	if i-1 >= cs && (d.flags[i-1]&fPassiveAux != 0) || i-2 >= cs && (d.flags[i-2]&fPassiveAux != 0) && d.tk[i-1].Kind == text.Word && strings.HasSuffix(d.low[i-1], "ly") {
		// "is proposing" is progressive, not passive.
		passive = !e.Noun && !strings.HasSuffix(d.low[i], "ing")
	}
	reduced := false
	if !passive && !e.Noun && i+1 < ce && d.low[i+1] == "by" && strings.HasSuffix(d.low[i], "ed") {
		// "the initiatives disclosed by the Russian side on December 17":
		// a reduced relative clause; its agent follows "by" and its date
		// follows the participle.
		reduced = true
	}
	switch {
	case reduced:
		actor = d.mentionIn(d.tk[i+1].Span[1], d.tk[min(i+6, ce-1)].Span[1])
		if actor < 0 {
			actor = d.demonymActor(i+2, min(i+6, ce))
		}
		cStart = head[0]
		for k := i - 1; k > cs && k >= i-4; k-- {
			if d.tk[k].Kind == text.Word && !(d.flags[k]&fDeterminers != 0) {
				cStart = d.tk[k].Span[0]
			} else {
				break
			}
		}
	case e.Speaker:
		// "X said Y must withdraw": the speaker of the statement around
		// the trigger, else the sentence's first actor.
		for k := range d.stmts {
			s := &d.stmts[k] // not copied: a long report has thousands
			if s.Span[0] <= head[0] && head[1] <= s.Span[1] && s.Speaker.Name != "" {
				a := s.Speaker
				a.Aliases = nil
				if sub := d.lastIn(cStart, head[0]); sub >= 0 && d.ments[sub].actor.Name != a.Name {
					target = sub
				}
				d.add(typ, mode, a, target, nil, d.tk[s0].Span[0], d.tk[s1-1].Span[1], head, tense, d.tk[s1-1].Span[1])
				return
			}
		}
		actor = d.subject(d.tk[s0].Span[0], head[0])
		if sub := d.lastIn(cStart, head[0]); sub >= 0 && sub != actor {
			target = sub
		}
		cStart, cEnd = d.tk[s0].Span[0], d.tk[s1-1].Span[1]
	case passive:
		target = d.subject(cStart, head[0])
		for j := i + 1; j < ce-1; j++ {
			if d.low[j] == "by" {
				actor = d.mentionIn(d.tk[j+1].Span[0], d.tk[min(j+5, ce-1)].Span[1])
				break
			}
		}
	default:
		actor = d.subject(cStart, head[0])
		if actor < 0 {
			actor = d.demonymActor(cs, i)
		}
		if actor < 0 {
			actor = d.capitalSubject(cs, i)
		}
		if actor < 0 {
			// "His Kestrel counterpart conceded …": the trigger is a
			// statement's cue, and the statement's speaker (resolved by
			// quotes: roles, pronouns, titles) did it.
			if st := d.cueStatement(head); st != nil {
				a := st.Speaker
				a.Aliases = nil
				implicit = &a
			}
		}
		if actor < 0 && implicit == nil {
			if a, group, ok := d.pronounActor(cs, i, s0, s1); ok {
				implicit = &a
				if group && d.lastTarget != nil {
					t := *d.lastTarget
					carried = &t
				}
			} else {
				actor = d.implicitSubject(cs, i, s0)
			}
		}
	}
	if e.Noun && actor < 0 && implicit == nil {
		// "a meeting of the council", "Russia's offensive".
		if i+1 < ce && (d.low[i+1] == "of" || d.low[i+1] == "between") {
			actor = d.mentionIn(d.tk[i+1].Span[1], d.tk[min(i+4, ce-1)].Span[1])
		}
	}
	if target < 0 && !passive && !reduced {
		end := ce
		if e.Govern {
			// "demanded that Mexico withdraw": the addressee may open the
			// complement clause.
			end = s1
		}
		name := ""
		if actor >= 0 {
			name = d.ments[actor].actor.Name
		} else if implicit != nil {
			name = implicit.Name
		}
		target = d.objectAfter(i, end, name, mode == "visit")
	}
	if target < 0 && actor >= 0 && !passive {
		// "Egypt and Israel signed": the second of coordinated subjects.
		target = d.conjunct(actor, head[0])
	}
	if actor >= 0 && target == actor {
		target = -1
	}
	var a article.Actor
	if actor >= 0 {
		a = d.ments[actor].actor
	} else if implicit != nil {
		a = *implicit
	}
	if target >= 0 && d.ments[target].actor.Name == a.Name {
		target = -1
	}

	if typ == Protest && mode == "" && a.Kind == article.GPE && strings.HasPrefix(d.low[i], "protest") {
		// A government's protest is a complaint, not street dissent.
		typ, mode = Accuse, "complain"
	}
	tEnd := cEnd
	if e.Govern {
		// The text of a governing trigger runs on over its complement
		// ("warned that such a step would lead to a rupture"), up to a
		// quotation or an independent clause.
		j := ce
		for j < s1 && d.tk[j].Kind != text.Quote && d.flags[j]&fIndependent == 0 {
			j++
		}
		if j > ce {
			tEnd = d.tk[j-1].Span[1]
		}
	}
	if d.add(typ, mode, a, target, carried, cStart, cEnd, head, tense, tEnd) && a.Name != "" {
		// Remember the parties for "they" in the next sentences.
		ev := &d.out[len(d.out)-1]
		d.last, d.lastPos, d.lastTarget = a, head[1], ev.Target
	}
}

// demonymActor finds "the Russian side", "Ukrainian forces" in tokens
// [a, b): a demonym before a word for a state organ stands for the country.
// The actor is added to the mentions (synthetic), and its index returned.
func (d *doc) demonymActor(a, b int) int {
	for j := a; j+1 < b; j++ {
		if d.tk[j].Kind != text.Word || !(d.flags[j+1]&fBodyHeads != 0) || !capitalised(d.body[d.tk[j].Span[0]:d.tk[j].Span[1]]) {
			continue
		}
		if j > a && (d.flags[j-1]&fSubjectPreps != 0) && d.low[j-1] != "by" {
			continue
		}
		c, ok := actors.Demonym(d.body[d.tk[j].Span[0]:d.tk[j].Span[1]])
		if !ok {
			continue
		}
		return d.insertMention(mention{article.Span{d.tk[j].Span[0], d.tk[j+1].Span[1]}, article.Actor{Name: c, Kind: article.GPE}})
	}
	return -1
}

// lastIn returns the last mention inside [a, b), -1.
func (d *doc) lastIn(a, b int) int {
	k := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span[1] > b }) - 1
	if k >= 0 && d.ments[k].span[0] >= a {
		return k
	}
	return -1
}

// conjunct returns the mention coordinated with mention m by "and" before
// pos ("Egypt and Israel"), -1.
func (d *doc) conjunct(m, pos int) int {
	if m+1 >= len(d.ments) || d.ments[m+1].span[1] > pos || d.ments[m+1].span[0] < d.ments[m].span[1] {
		return -1
	}
	between := strings.TrimSpace(d.body[d.ments[m].span[1]:d.ments[m+1].span[0]])
	if between != "and" && between != "and the" {
		return -1
	}
	if d.ments[m+1].actor.Name == d.ments[m].actor.Name {
		return -1
	}
	return m + 1
}

// pronounActor resolves a pronoun subject to the actor of the last event
// when it was reported shortly before and fits: "Lavrov and Blinken met in
// Geneva. They agreed to continue" — they are the parties of the meeting,
// not the city.
//
// In a reported clause the pronoun is first the reporting subject: "Baku
// said it was ready" — it is Baku.
func (d *doc) pronounActor(cs, i, s0, s1 int) (article.Actor, bool, bool) {
	fits := func(a article.Actor, w string) bool {
		switch w {
		case "they", "we", "group":
			return true
		case "he", "she":
			return a.Kind == article.Person || a.Kind == "" && a.Name != ""
		case "it":
			return a.Kind != article.Person
		}
		return false
	}
	for j := cs; j < i; j++ {
		w := d.low[j]
		switch {
		case w == "they" || w == "we" || w == "he" || w == "she" || w == "it":
		case d.flags[j]&fPersonPronouns != 0 && len(w) > 3 && (strings.HasPrefix(w, "he") || strings.HasPrefix(w, "she")):
			w = "he" // "he'll", "she'd"
		case d.flags[j]&fBodyPronouns != 0 && len(w) > 4 && (strings.HasPrefix(w, "they") || strings.HasPrefix(w, "it")):
			w = "they"
		case groupNouns[w]:
			w = "group"
		case d.flags[j]&fBodyNouns != 0:
			// "Stoltenberg said the alliance would not": the body of the
			// reporting person.
			if cs > s0 {
				if k := d.subject(d.tk[s0].Span[0], d.tk[cs-1].Span[0]); k >= 0 && d.ments[k].actor.Kind == article.Person && d.ments[k].actor.Affiliation != "" {
					aff := d.ments[k].actor.Affiliation
					if c, kind, ok := actors.Place(aff); ok {
						return article.Actor{Name: c, Kind: kind}, false, true
					}
					return article.Actor{Name: aff, Kind: article.Org}, false, true
				}
			}
			return article.Actor{}, false, false
		default:
			continue
		}
		// "Hamas said in a statement it had accepted the proposal": the
		// pronoun opening a statement's content is its speaker.
		if w != "group" && w != "they" && w != "we" {
			if st := d.contentStatement(s0, s1, d.tk[j].Span[0], d.tk[i].Span); st != nil && fits(st.Speaker, w) {
				a := st.Speaker
				a.Aliases = nil
				return a, false, true
			}
		}
		if cs > s0 && w != "group" {
			if k := d.subject(d.tk[s0].Span[0], d.tk[cs-1].Span[0]); k >= 0 && fits(d.ments[k].actor, w) {
				return d.ments[k].actor, false, true
			}
		}
		if d.last.Name != "" && d.tk[cs].Span[0]-d.lastPos <= 400 && fits(d.last, w) {
			return d.last, w == "they" || w == "group", true
		}
		return article.Actor{}, false, false
	}
	return article.Actor{}, false, false
}

// cueStatement returns the statement, with a named speaker, whose cue
// starts at the trigger head; nil when there is none.
func (d *doc) cueStatement(head article.Span) *article.Statement {
	lo, _ := slices.BinarySearchFunc(d.cueStarts, head[0], func(c cuePos, p int) int { return cmp.Compare(c.pos, p) })
	for _, c := range d.cueStarts[lo:] {
		if c.pos > head[0] {
			break
		}
		if st := &d.stmts[c.i]; st.Speaker.Name != "" {
			return st
		}
	}
	return nil
}

// contentStatement returns a statement whose cue is in sentence [s0, s1)
// (tokens) and whose content opens at the pronoun at pos and holds the
// trigger head; nil when there is none.
func (d *doc) contentStatement(s0, s1, pos int, head article.Span) *article.Statement {
	a, b := d.tk[s0].Span[0], d.tk[s1-1].Span[1]
	lo, _ := slices.BinarySearchFunc(d.cueStarts, a, func(c cuePos, p int) int { return cmp.Compare(c.pos, p) })
	for _, c := range d.cueStarts[lo:] {
		if c.pos >= b {
			break
		}
		st := &d.stmts[c.i]
		if st.Speaker.Name == "" || head[1] > st.TextSpan[1] || pos < st.TextSpan[0] {
			continue
		}
		// the pronoun is the content's first word (after "that")
		lead := strings.TrimSpace(d.body[st.TextSpan[0]:pos])
		if lead == "" || lead == "that" {
			return st
		}
	}
	return nil
}

// capitalSubject is the last resort for a subject that the mention finder
// missed: the first run of capitalised words of the clause, before the
// trigger, not governed by a preposition, not a time expression, not a
// fronted adverb ("Earlier,") and not a function word ("The", "He").
// "Libya has agreed" → Libya; "Swiss doctors handed over" → Switzerland.
func (d *doc) capitalSubject(cs, i int) int {
	for j := cs; j < i; j++ {
		if d.tk[j].Kind != text.Word {
			continue
		}
		w := d.body[d.tk[j].Span[0]:d.tk[j].Span[1]]
		if !capitalised(w) {
			continue
		}
		if d.flags[j]&(fPersonPronouns|fBodyPronouns|fQuantifiers) != 0 {
			return -1 // "They", "Thousands": not a name
		}
		if (j > cs && d.flags[j-1]&fSubjectPreps != 0) || actors.IsCapStop(w) || d.flags[j]&^fRoleNouns != 0 || d.inTimex(d.tk[j].Span) {
			continue // "On", "February", "in Geneva"
		}
		k := j + 1
		for k < i && d.tk[k].Kind == text.Word && capitalised(d.body[d.tk[k].Span[0]:d.tk[k].Span[1]]) {
			k++
		}
		if k < len(d.tk) && d.body[d.tk[k].Span[0]] == ',' && k == j+1 && k+1 < i {
			continue // "Earlier, ...", "Meanwhile, ..."
		}
		sp := article.Span{d.tk[j].Span[0], d.tk[k-1].Span[1]}
		run := d.body[sp[0]:sp[1]]
		_, _, known := actors.Place(run)
		if _, ok := actors.Demonym(run); ok {
			known = true
		}
		if !known && k == j+1 && d.sentenceStart(j) && k < i && d.flags[k]&(fAuxFollow|fTrigger) == 0 &&
			d.tk[k].Kind != text.Possessive && !placeLike(d.low[j]) {
			// A lone capitalised word opening a sentence may be any word
			// ("People in other cities rallied"): a name when a verb or a
			// possessive follows it ("Libya has agreed", "Sudan's
			// government") or when it looks like a place or a demonym
			// ("Ugandan rebels", "Albania").
			return -1
		}
		a := article.Actor{Name: run}
		if c, kind, ok := actors.Place(run); ok {
			a = article.Actor{Name: c, Kind: kind}
		} else if c, ok := actors.Demonym(run); ok {
			a = article.Actor{Name: c, Kind: article.GPE}
			if k < i && d.tk[k].Kind == text.Word && d.flags[k]&fBodyHeads == 0 {
				// "Egyptian demonstrators", "Swiss doctors": people of a
				// country, not its government.
				sp[1] = d.tk[k].Span[1]
				a = article.Actor{Name: d.body[sp[0]:sp[1]]}
			}
		}
		return d.insertMention(mention{sp, a})
	}
	return -1
}

// placeLike reports whether a word ends like a country or a demonym:
// -ia, -land, -stan, -an, -ese, -ish, -i, -a, -sh.
func placeLike(w string) bool {
	for _, suf := range []string{"ia", "land", "stan", "an", "ese", "ish", "i", "a", "sh"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// inTimex reports whether sp overlaps a usable time expression.
func (d *doc) inTimex(sp article.Span) bool {
	for _, t := range d.dates[d.dateFrom(sp[0]-d.longestDate):] {
		if t.span[0] >= sp[1] {
			break
		}
		if t.span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// insertMention adds a synthetic mention in span order and returns its
// index.
func (d *doc) insertMention(m mention) int {
	k := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span[0] >= m.span[0] })
	d.ments = append(d.ments, mention{})
	copy(d.ments[k+1:], d.ments[k:])
	d.ments[k] = m
	return k
}

// implicitSubject resolves a clause without a named subject: a relative
// clause's antecedent ("Lavrov, who met"), a pronoun or role noun ("he",
// "the minister", "the ministry") to the last fitting actor.
func (d *doc) implicitSubject(cs, i, s0 int) int {
	if cs > s0 && (d.low[cs-1] == "who" || d.low[cs-1] == "which") {
		if k := d.lastBefore(d.tk[cs-1].Span[0], true); k >= 0 && d.ments[k].span[0] >= d.tk[s0].Span[0] {
			return k
		}
		if k := d.lastBefore(d.tk[cs-1].Span[0], false); k >= 0 && d.ments[k].span[0] >= d.tk[s0].Span[0] {
			return k
		}
	}
	for j := cs; j < i; j++ {
		switch f := d.flags[j]; {
		case f&(fPersonPronouns|fRoleNouns) != 0:
			return d.lastBefore(d.tk[j].Span[0], true)
		case f&(fBodyPronouns|fBodyNouns) != 0:
			return d.lastBefore(d.tk[j].Span[0], false)
		}
	}
	return -1
}

// objectAfter finds the target: the first actor named after the trigger in
// its clause, not a place of the event ("in Geneva").
func (d *doc) objectAfter(i, ce int, actor string, visit bool) int {
	end := d.tk[min(i+15, ce-1)].Span[1]
	k := sort.Search(len(d.ments), func(j int) bool { return d.ments[j].span[0] >= d.tk[i].Span[1] })
	for ; k < len(d.ments) && d.ments[k].span[1] <= end; k++ {
		switch d.prevWord(d.ments[k].span[0]) {
		case "in", "at":
			if !visit {
				continue // the place of the event; of a visit, its host
			}
		case "near", "during", "since", "according":
			continue
		}
		if d.ments[k].actor.Name == actor {
			continue
		}
		return k
	}
	return -1
}

// add appends an event, merging it into an earlier event of the same type
// and actor in the same sentence. The date is looked for in [cStart, cEnd); the text
// runs from cStart to tEnd.
func (d *doc) add(typ, mode string, a article.Actor, target int, carried *article.Actor, cStart, cEnd int, head article.Span, tense, tEnd int) bool {
	date := d.dateFor(cStart, cEnd, head, tense)
	for k := d.sentFrom; k < len(d.out); k++ {
		// One event per type and actor in a sentence: "met ... and held
		// talks" is one meeting; "Macron visited ..., and Scholz arrived"
		// are two visits.
		if o := d.out[k].Actor.Name; d.out[k].Type == typ && (o == a.Name || o == "" || a.Name == "") {
			if d.out[k].Date == "" {
				d.out[k].Date = date
			}
			if d.out[k].Actor.Name == "" {
				d.out[k].Actor = a
			}
			return false
		}
	}
	sp := text.TrimSpan(d.body, article.Span{cStart, max(cEnd, tEnd)})
	ev := article.Event{Date: date, Type: typ, Actor: a, Text: d.body[sp[0]:sp[1]], Span: sp}
	ev.Mode = mode
	if target >= 0 {
		t := d.ments[target].actor
		ev.Target = &t
	} else if carried != nil && carried.Name != a.Name {
		ev.Target = carried
	}
	d.out = append(d.out, ev)
	return true
}

// dateFor picks the date of an event: the nearest usable date before the
// trigger in its clause ("On Friday, X met"; "Wednesday's meeting"), else
// the nearest one after it ("met on Friday"). Dates of reporting verbs
// count only for a trigger that is that verb.
func (d *doc) dateFor(cStart, cEnd int, head article.Span, tense int) string {
	t, ok := d.governingDate(cStart, cEnd, head)
	if !ok {
		return ""
	}
	return d.byTense(t, tense)
}

// byTense corrects an inferred year or week by the tense of the event: a
// past act ("handed over in December") is not after the publication date,
// an announced one ("will be held on Wednesday") not before it. Only
// expressions without a written year are corrected, against the
// publication date or, without one, the latest date written with its year.
func (d *doc) byTense(t dated, tense int) string {
	v := t.value
	// After the publication date a past act is wrong by a day; after a
	// date merely written in the text, only by half a year (the article may
	// be later than any date it names).
	anchor, slack := d.pub, 1
	if anchor.IsZero() {
		anchor, slack = d.ref, 183
		if tense > 0 {
			return v
		}
	}
	if tense == 0 || !t.yearless || anchor.IsZero() {
		return v
	}
	pub := time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	switch len(v) {
	case 10:
		tt, ok := article.ParseDay(v)
		if !ok {
			return v
		}
		step := func(sign int) time.Time {
			if t.weekday {
				return tt.AddDate(0, 0, 7*sign)
			}
			return tt.AddDate(sign, 0, 0)
		}
		if tense < 0 && tt.After(pub.AddDate(0, 0, slack)) {
			return step(-1).Format("2006-01-02")
		}
		if tense > 0 && tt.Before(pub.AddDate(0, 0, -1)) {
			return step(1).Format("2006-01-02")
		}
	case 7:
		tt, err := time.Parse("2006-01", v)
		if err != nil {
			return v
		}
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		if tense < 0 && tt.After(first.AddDate(0, 0, slack-1)) {
			return tt.AddDate(-1, 0, 0).Format("2006-01")
		}
		if tense > 0 && tt.Before(first) {
			return tt.AddDate(1, 0, 0).Format("2006-01")
		}
	}
	return v
}

// governingDate finds the time expression that dates an event.
func (d *doc) governingDate(cStart, cEnd int, head article.Span) (dated, bool) {
	var best dated
	found := false
	// The dates are in text order: the search starts at the clause's
	// first, not at the report's (a long report's events each read all
	// its dates before).
	for _, t := range d.dates[d.dateFrom(cStart):] {
		if t.span[0] >= head[0] {
			break
		}
		if t.statement && !t.cue.Overlaps(head) {
			continue
		}
		best, found = t, true
	}
	if found {
		return best, true
	}
	for _, t := range d.dates[d.dateFrom(head[1]):] {
		if t.span[0] >= cEnd || t.span[0]-head[1] > 100 {
			break
		}
		if t.statement && !t.cue.Overlaps(head) {
			continue
		}
		return t, true
	}
	return dated{}, false
}

// clauseTense reads the tense of a trigger that has none of its own (a
// noun, a gerund) from the verb before it in its clause: "held a video
// conference", "signed decrees recognizing".
func (d *doc) clauseTense(i, s0 int) int {
	for j := i - 1; j >= s0 && j >= i-8; j-- {
		if d.isBoundary(j) {
			break
		}
		c := d.body[d.tk[j].Span[0]]
		if d.tk[j].Kind != text.Word || ('A' <= c && c <= 'Z') {
			continue
		}
		switch w := d.low[j]; {
		case w == "will" || w == "would" || w == "shall":
			return 1
		case pastForm(w):
			return -1
		}
	}
	return 0
}

// pastForm reports whether a trigger form is a past tense or participle.
func pastForm(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularPast[w]
}
