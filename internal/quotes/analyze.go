package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/text"
)

// analyzeUnit finds at most a few statements in one unit.
func (d *doc) analyzeUnit(u unit) {
	if d.transcript(u) {
		return
	}
	if d.tweetSignature(u) {
		return
	}
	if d.verdictOf(u) {
		return
	}
	if d.putIt(u) || d.allSaid(u) || d.passiveAs(u) {
		return
	}
	hits := d.findCues(u)
	if len(hits) == 0 {
		if d.statementIntro(u) {
			return
		}
		d.quoteNoCue(u)
		return
	}
	// A reporting clause closing the unit ("…, a senior official said.")
	// governs everything before it: a cue inside that content ("The
	// United States demanded that …") is reported speech, tried only as
	// a nested statement.
	if fh, ok := d.finalClause(u, hits); ok {
		n, ls, lp, ns := len(d.out), d.lastSpeaker, d.lastPerson, len(d.spoke)
		if d.tryCue(u, fh, hits) && len(d.out) > n && d.out[n].TextSpan[1] <= d.toks[fh.t0].Span[0] {
			d.nestedBefore(u, fh, hits)
			return
		}
		// Not a closing clause after all: undo, and go on as usual.
		d.out, d.outKey = d.out[:n], d.outKey[:n]
		d.lastSpeaker, d.lastPerson, d.spoke = ls, lp, d.spoke[:ns]
	}
	// Try speech cues first, then opinion cues, in text order.
	for pass := 0; pass < 2; pass++ {
		for _, h := range hits {
			if (pass == 0) != (h.class == speech) {
				continue
			}
			// "Iran condemned the bombing, and expressed sympathy …": a
			// speech verb coordinated after an opinion verb is the second
			// act; the first is tried first and takes it along.
			if pass == 0 && d.coordinatedAfterOpinion(u, h, hits) {
				continue
			}
			d.subCut = -1
			if d.tryCue(u, h, hits) {
				if cm := d.subCut; cm >= 0 {
					// the main clause after the subordinate one
					for _, m := range hits {
						if m.t0 > cm && (m.class == speech || m.class == h.class) && d.tryCue(u, m, hits) {
							break
						}
					}
					return
				}
				n := len(d.out)
				d.openingParticiple(u, h, hits)
				d.coordinated(u, h, hits)
				d.secondClause(u, h, hits)
				if len(d.out) == n {
					d.nested(u, h, hits)
				}
				return
			}
		}
	}
	d.quoteNoCue(u)
}

// coordinatedAfterOpinion reports whether speech cue h follows "and" or
// "but" (an adverb may stand between) after an earlier opinion verb of
// the unit whose content is its object, outside quotes.
func (d *doc) coordinatedAfterOpinion(u unit, h cueHit, hits []cueHit) bool {
	if h.kind != 'v' || d.inQ[h.t0] {
		return false
	}
	p := h.t0 - 1
	for p > u.t0 && d.toks[p].Kind == text.Word && (isAdverb(d.word(p)) || d.lower(p) == "also") {
		p--
	}
	if p <= u.t0 || (d.lower(p) != "and" && d.lower(p) != "but") {
		return false
	}
	// both in the past, the first one's content its object ("condemned
	// the bombing"), as coordinated() takes the second along
	if cs := cuesOf(d.lower(h.t0)); len(cs) == 0 || !cs[0].past {
		return false
	}
	for _, e := range hits {
		if e.t0 < h.t0 && e.kind == 'v' && e.class == opinion && !d.inQ[e.t0] && npObjectVerbs[d.lower(e.t0)] {
			if cs := cuesOf(d.lower(e.t0)); len(cs) > 0 && cs[0].past {
				return true
			}
		}
	}
	return false
}

// tweetSignature reads the line an embedded post closes with, "— Jane
// Roe (@janeroe) March 3, 2021": the paragraph before it is that
// person's words, posted on that day (a direct statement, "stated").
func (d *doc) tweetSignature(u unit) bool {
	t := u.t0
	if t+4 >= u.t1 || !isDash(d.word(t)) {
		return false
	}
	if d.word(t+1) == "-" {
		t++ // "--"
	}
	n0 := t + 1
	n1 := n0
	for n1 < u.t1 && n1-n0 < 5 && d.toks[n1].Kind == text.Word && isCap(d.word(n1)) {
		n1++
	}
	if n1 == n0 || n1+2 >= u.t1 || d.word(n1) != "(" || d.word(n1+1) != "@" {
		return false
	}
	c := n1 + 2
	for c < u.t1 && c < n1+6 && d.word(c) != ")" {
		c++
	}
	if c >= u.t1 || d.word(c) != ")" || c+1 >= u.t1 {
		return false
	}
	// the day it was posted closes the line
	date := ""
	for _, tx := range d.timexes {
		if tx.Span[0] >= d.toks[c+1].Span[0] && tx.Span[1] <= u.span[1] {
			date = cutValue(tx.Value)
			break
		}
	}
	if date == "" || d.ui <= 0 {
		return false
	}
	// the paragraph before: its units, none of them a statement's
	prev := d.unitList[d.ui-1]
	span := prev.span
	for k := d.ui - 2; k >= 0 && d.unitList[k].para == prev.para; k-- {
		span[0] = d.unitList[k].span[0]
	}
	if prev.para != u.para-1 || (len(d.out) > 0 && d.out[len(d.out)-1].Span[1] > span[0]) {
		return false
	}
	sp, key, surf := d.resolve([2]int{n0, n1}, u)
	if sp.Name == "" {
		return false
	}
	if surf != "" && surf != sp.Name {
		sp.Aliases = append(sp.Aliases, surf)
	}
	n := len(d.out)
	d.emit(u, sp, key, span, d.toks[u.t0].Span, [2]int{n0, n1})
	if len(d.out) > n {
		st := &d.out[n]
		st.Kind = article.Direct
		st.Span = article.Span{span[0], u.span[1]}
		st.Date, st.DateBasis = date, article.DateStated
	}
	return true
}

// verdictNouns name what a quotation was when a phrase after it says
// whose: "That was the message from X", "…,” was the verdict of X".
var verdictNouns = map[string]bool{
	"message": true, "verdict": true, "view": true, "warning": true, "response": true, "reaction": true,
	"word": true, "words": true, "assessment": true, "answer": true, "advice": true, "plea": true,
	"promise": true, "pledge": true, "reply": true, "retort": true, "conclusion": true,
}

// verdictOf reads a quotation whose speaker a phrase after it names:
// "“We are ready to sign.” That was the message from Ana Costa on
// Monday." (the quotation just before is hers) and "“Nothing is
// agreed,” was the verdict of one veteran diplomat." (the unit's own).
func (d *doc) verdictOf(u unit) bool {
	// the shortest is six tokens: "That was the message from X"
	if u.t1-u.t0 < 6 {
		return false
	}
	t := u.t0
	own := false
	if d.toks[t].Kind == text.Quote && d.inQ[t+1] {
		// the unit opens with its quotation: the phrase follows it
		q := t + 1
		for q < u.t1 && d.toks[q].Kind != text.Quote {
			q++
		}
		if q+2 >= u.t1 {
			return false
		}
		t, own = q+1, true
		if d.word(t) == "," {
			t++ // "…,” was the verdict"
		}
	} else {
		switch d.lower(t) {
		case "that", "this", "such":
			t++
		default:
			return false
		}
	}
	switch d.lower(t) {
	case "was", "were", "is", "came":
		t++
	default:
		return false
	}
	if t < u.t1 && (d.lower(t) == "the" || d.lower(t) == "a") {
		t++
	}
	for t < u.t1 && t-u.t0 < 40 && d.toks[t].Kind == text.Word && !verdictNouns[d.lower(t)] && !isCap(d.word(t)) {
		t++ // "the blunt message", "the stark warning"
	}
	if t+2 >= u.t1 || !verdictNouns[d.lower(t)] || (d.lower(t+1) != "from" && d.lower(t+1) != "of") {
		return false
	}
	s0 := t + 2
	s1 := d.npForward(u, s0)
	if s1 <= s0 {
		return false
	}
	sp, key, ok := d.phraseSpeaker(u, s0, s1)
	if !ok {
		return false
	}
	cue := article.Span{d.toks[t].Span[0], d.toks[t+1].Span[1]}
	if own {
		n := len(d.out)
		d.emit(u, sp, key, article.Span{u.span[0], d.toks[u.t0].Span[0]}, cue, [2]int{s0, s1})
		if len(d.out) == n {
			// the quotation is the content: from its opening mark to its close
			q := u.t0 + 1
			for q < u.t1 && d.toks[q].Kind != text.Quote {
				q++
			}
			d.emit(u, sp, key, article.Span{d.toks[u.t0].Span[0], d.toks[q].Span[1]}, cue, [2]int{s0, s1})
		}
		if len(d.out) > n {
			d.out[n].Kind = article.Direct
		}
		return len(d.out) > n
	}
	// the quotation just before, in the unit before: its speaker is this one
	if len(d.out) == 0 || d.ui < 1 {
		return false
	}
	last := &d.out[len(d.out)-1]
	prev := d.unitList[d.ui-1]
	if last.Span[0] < prev.span[0] || last.Span[1] > u.span[0] || last.Kind != article.Direct {
		return false
	}
	last.Speaker, last.Cue, last.CueSpan = sp, d.body[cue[0]:cue[1]], cue
	last.SpeakerSpan = article.Span{d.toks[s0].Span[0], d.toks[s1-1].Span[1]}
	last.Span[1] = u.span[1]
	d.outKey[len(d.outKey)-1] = key
	return true
}

// phraseSpeaker resolves the speaker a phrase after a quotation names
// (tokens [s0, s1)): a named actor, or a phrase headed by a noun for a
// person ("one veteran diplomat"), with the words as written among its
// aliases.
func (d *doc) phraseSpeaker(u unit, s0, s1 int) (article.Actor, string, bool) {
	sp, key, ok := d.labelSpeaker(u, [2]int{s0, s1})
	if !ok || sp.Kind == "" && !personHead(d.lower(s1-1)) && !speakerNouns[d.lower(s1-1)] {
		return article.Actor{}, "", false
	}
	return sp, key, true
}

// labelSpeaker resolves the speaker that tokens r name outside a clause
// (a transcript's label, a phrase after a quotation), with the words as
// written among the aliases; false when they name no one.
func (d *doc) labelSpeaker(u unit, r [2]int) (article.Actor, string, bool) {
	sp, key, surf := d.resolve(r, u)
	if sp.Name == "" {
		return article.Actor{}, "", false
	}
	if surf != "" && surf != sp.Name {
		sp.Aliases = append(sp.Aliases, surf)
	}
	return sp, key, true
}

// passiveAs reads an evaluation reported in the passive: "The plan was
// criticised by opposition leader Tom Hill as “a surrender”", "The offer
// was dismissed by Moscow as unacceptable". The agent after "by" is the
// speaker; what was said is the subject and the "as" phrase, without the
// reporting clause between them ("The plan as “a surrender”").
func (d *doc) passiveAs(u unit) bool {
	for t := u.t0 + 1; t+3 < u.t1 && t < u.t0+25; t++ {
		if d.inQ[t] || !passiveNaming[d.lower(t)] || d.lower(t+1) != "by" {
			continue
		}
		switch d.lower(t - 1) {
		case "was", "were", "is", "are", "been", "being":
		default:
			return false
		}
		// the agent: up to "as", within ten words, outside quotations
		as := -1
		for k := t + 2; k < u.t1 && k < t+12; k++ {
			if d.inQ[k] || d.toks[k].Kind == text.Quote || d.word(k) == "," && d.lower(k+1) != "the" {
				break
			}
			if d.lower(k) == "as" {
				as = k
				break
			}
		}
		if as < 0 || as == t+2 || as+1 >= u.t1 {
			return false
		}
		subj0 := u.t0
		aux := t - 1
		for aux-1 > subj0 && (d.lower(aux-1) == "has" || d.lower(aux-1) == "have" || d.lower(aux-1) == "had" || isAdverb(d.word(aux-1))) {
			aux--
		}
		if aux <= subj0 || aux-subj0 > 12 {
			return false
		}
		sp, key, ok := d.phraseSpeaker(u, t+2, as)
		if !ok {
			return false
		}
		cue := article.Span{d.toks[aux].Span[0], d.toks[t+1].Span[1]}
		n := len(d.out)
		d.emit(u, sp, key, article.Span{d.toks[subj0].Span[0], d.toks[aux-1].Span[1]}, cue, [2]int{t + 2, as})
		if len(d.out) == n {
			return false
		}
		st := &d.out[n]
		rest := trimContent(d.body, text.TrimSpan(d.body, article.Span{d.toks[as].Span[0], u.span[1]}))
		st.Text += " " + d.body[rest[0]:rest[1]]
		st.TextSpan[1] = rest[1]
		st.Kind = kindOf(st.Text)
		return true
	}
	return false
}

// passiveNaming are participles of verbs that name or judge, reported in
// the passive with "by" and "as".
var passiveNaming = map[string]bool{
	"criticised": true, "criticized": true, "described": true, "dismissed": true, "branded": true,
	"labelled": true, "labeled": true, "hailed": true, "praised": true, "condemned": true, "denounced": true,
	"derided": true, "characterised": true, "characterized": true, "welcomed": true, "slammed": true,
	"rejected": true,
}

// allSaid reads a quotation followed by "was all X would say": "“We will
// see,” was all the minister would say." The quotation is the speaker's,
// said that day.
func (d *doc) allSaid(u unit) bool {
	if u.t1-u.t0 < 7 || d.toks[u.t0].Kind != text.Quote {
		return false
	}
	q := u.t0 + 1
	for q < u.t1 && d.toks[q].Kind != text.Quote {
		q++
	}
	t := q + 1
	if t < u.t1 && d.word(t) == "," {
		t++
	}
	if t+3 >= u.t1 || (d.lower(t) != "was" && d.lower(t) != "is") || d.lower(t+1) != "all" {
		return false
	}
	s0 := t + 2
	k := s0
	for k < u.t1 && k < s0+10 && d.toks[k].Kind != text.Punct {
		switch d.lower(k) {
		case "would", "could", "will", "can", "said", "says":
		default:
			k++
			continue
		}
		break
	}
	s1 := k
	if d.lower(k) == "would" || d.lower(k) == "could" || d.lower(k) == "will" || d.lower(k) == "can" {
		k++
	}
	if k >= u.t1 || s1 == s0 {
		return false
	}
	switch d.lower(k) {
	case "say", "said", "says", "offer", "offered":
	default:
		return false
	}
	sp, key, ok := d.phraseSpeaker(u, s0, s1)
	if !ok {
		return false
	}
	cue := article.Span{d.toks[t].Span[0], d.toks[k].Span[1]}
	n := len(d.out)
	d.emit(u, sp, key, article.Span{d.toks[u.t0].Span[0], d.toks[q].Span[1]}, cue, [2]int{s0, s1})
	if len(d.out) == n {
		return false
	}
	d.out[n].Kind = article.Direct
	return true
}

// putIt reads "That is how X put it" after a quotation standing alone:
// "“We will not back down.” That is how union leader Maria Costa put it
// on Thursday …" (the quotation is hers, said that day).
func (d *doc) putIt(u unit) bool {
	t := u.t0
	if u.t1-t < 5 || d.ui < 1 {
		return false
	}
	switch d.lower(t) {
	case "that", "this":
	default:
		return false
	}
	t++
	if d.toks[t].Kind == text.Possessive || d.lower(t) == "is" || d.lower(t) == "was" {
		t++ // "That's how", "That is how", "That was how"
	}
	if t >= u.t1 || d.lower(t) != "how" {
		return false
	}
	s0 := t + 1
	k := s0
	for k < u.t1 && k < s0+12 && d.toks[k].Kind == text.Word && !d.inQ[k] {
		w := d.lower(k)
		if (w == "put" || w == "described" || w == "summed" || w == "phrased") && k+1 < u.t1 && d.lower(k+1) == "it" {
			break
		}
		k++
	}
	if k == s0 || k+1 >= u.t1 || d.lower(k+1) != "it" {
		return false
	}
	sp, key, ok := d.phraseSpeaker(u, s0, k)
	if !ok {
		return false
	}
	// the unit before is one quotation
	prev := d.unitList[d.ui-1]
	if prev.para+1 < u.para || d.toks[prev.t0].Kind != text.Quote {
		return false
	}
	q := prev.t0 + 1
	for q < prev.t1 && d.toks[q].Kind != text.Quote {
		q++
	}
	if q < prev.t1-2 || q >= prev.t1 {
		return false
	}
	cue := article.Span{d.toks[k].Span[0], d.toks[k+1].Span[1]}
	h := cueHit{t0: k, t1: k + 2, kind: 'v'}
	c := clause{subj: [2]int{s0, k}, rep: [2]int{u.t0, u.t1}, content: prev.span}
	dt := d.date(u, h, c, key)
	if n := len(d.out); n > 0 && d.out[n-1].Span[0] >= prev.span[0] && d.out[n-1].Span[1] <= u.span[0] {
		last := &d.out[n-1]
		last.Speaker, last.Cue, last.CueSpan = sp, d.body[cue[0]:cue[1]], cue
		last.SpeakerSpan = article.Span{d.toks[s0].Span[0], d.toks[k-1].Span[1]}
		last.Span[1] = u.span[1]
		last.Date, last.DateBasis = dt.v, dt.basis
		d.outKey[n-1] = key
		return true
	}
	n := len(d.out)
	d.emit(prev, sp, key, article.Span{d.toks[prev.t0].Span[0], d.toks[q].Span[1]}, cue, [2]int{s0, k})
	if len(d.out) == n {
		return false
	}
	d.out[n].Kind = article.Direct
	d.out[n].Span[1] = u.span[1]
	d.out[n].Date, d.out[n].DateBasis = dt.v, dt.basis
	return true
}

// inAskedOpening reports whether token t lies in an opening "Asked
// whether …," or "When asked about …," phrase: the question put to the
// speaker ("Asked whether she would call for protests, Holm said: …")
// reports no one's speech; the verbs in it are the question's.
func (d *doc) inAskedOpening(u unit, t int) bool {
	a := u.t0
	for a < u.t1 && d.toks[a].Kind == text.Quote {
		a++
	}
	if a < u.t1 && (d.lower(a) == "when" || d.lower(a) == "if" || d.lower(a) == "once") {
		a++
	}
	if a >= u.t1 || d.lower(a) != "asked" || t <= a {
		return false
	}
	for j := a + 1; j < t; j++ {
		if d.word(j) == "," || d.toks[j].Kind == text.Quote {
			return false
		}
	}
	return true
}

// coordinated finds the further speech acts of the same speaker in one
// sentence: "X denied A but said B and acknowledged C", "X rejected the
// plan, but added: “…”". A verb cue in the past tense, outside quotes,
// right after "and" or "but" (an adverb such as "also" may stand between)
// shares the first statement's subject; the previous content stops at the
// conjunction. A cue inside a quotation, or one whose tense differs ("said
// he would resign and acknowledge it"), belongs to the reported content.
func (d *doc) coordinated(u unit, first cueHit, hits []cueHit) {
	if len(d.out) == 0 || first.kind != 'v' || !isPastCue(d.lower(first.t0)) {
		return
	}
	last := first.t1 // end of the latest cue taken
	for _, h := range hits {
		// ("…, before adding that …", "…, after noting that …": a
		// gerund after a comma and a preposition of time is a further
		// statement too)
		gerund := strings.HasSuffix(d.lower(h.t0), "ing")
		if h.t0 <= first.t1 || h.kind != 'v' || d.inQ[h.t0] || !isPastCue(d.lower(h.t0)) && !gerund {
			continue
		}
		k := h.t0 - 1
		for k > first.t1 && (isAdverb(d.word(k)) || d.lower(k) == "also" || d.lower(k) == "then" || d.lower(k) == "later") {
			k--
		}
		if gerund {
			if k <= first.t1+1 || d.inQ[k] || (d.lower(k) != "before" && d.lower(k) != "after") || d.word(k-1) != "," {
				continue
			}
		} else if k <= first.t1 || (d.lower(k) != "and" && d.lower(k) != "but") || d.inQ[k] {
			continue
		}
		// "and added" only ever continues the reporting clause; so does a
		// verb after a comma that opens its own clause or quotation
		// ("conceded that progress had been made, but denied that a deal
		// was close").
		if d.lower(h.t0) != "added" && !d.commaClause(k, h, u) && d.innerVerb(last, k) {
			continue
		}
		prev := &d.out[len(d.out)-1]
		cut := d.toks[k].Span[0]
		if k-1 > first.t1 && d.word(k-1) == "," {
			cut = d.toks[k-1].Span[0]
		}
		if !(prev.TextSpan[0] < cut && prev.TextSpan[1] > cut) {
			continue
		}
		// the content after the cue: to the end of the unit, or to the
		// next coordinated cue (cut when that one is found)
		from := h.t1
		if from < u.t1 && d.word(from) == ":" {
			from++
		}
		if npObjectVerbs[d.lower(h.t0)] && from < u.t1 && d.lower(from) != "that" && d.toks[from].Kind != text.Quote {
			from = h.t0 // "and expressed sympathy for …": the verb is the content's, as alone
		}
		if from >= u.t1 {
			continue
		}
		ct := trimContent(d.body, text.TrimSpan(d.body, article.Span{d.toks[from].Span[0], u.span[1]}))
		if ct[1]-ct[0] < 8 {
			continue
		}
		d.cutContent(prev, cut)
		st := *prev
		st.Speaker.Aliases = append([]string(nil), prev.Speaker.Aliases...)
		st.Cue = d.body[d.toks[h.t0].Span[0]:d.toks[h.t1-1].Span[1]]
		st.CueSpan = article.Span{d.toks[h.t0].Span[0], d.toks[h.t1-1].Span[1]}
		st.TextSpan = ct
		st.Text = d.body[ct[0]:ct[1]]
		st.Kind = kindOf(st.Text)
		d.out = append(d.out, st)
		d.outKey = append(d.outKey, d.outKey[len(d.outKey)-1])
		last = h.t1
	}
}

// commaClause reports whether the conjunction at k follows a comma and
// cue h opens a clause with "that", a colon or a quotation.
func (d *doc) commaClause(k int, h cueHit, u unit) bool {
	if k < 1 || d.word(k-1) != "," || h.t1 >= u.t1 {
		return false
	}
	return d.lower(h.t1) == "that" || d.word(h.t1) == ":" || d.toks[h.t1].Kind == text.Quote
}

// innerVerb reports whether the content between tokens a and b holds a
// finite verb of its own that a following "and …ed" could continue: a
// past tense ("said the union rejected the offer and demanded …") or a
// perfect ("had rejected … and demanded"). A bare verb after a modal
// ("he would resign and acknowledged …") cannot take a past tense along.
func (d *doc) innerVerb(a, b int) bool {
	for t := a; t < b; t++ {
		if d.inQ[t] || d.toks[t].Kind != text.Word {
			continue
		}
		w := d.lower(t)
		switch w {
		case "had", "has", "have", "was", "were", "took", "went", "came", "gave", "saw", "knew",
			"became", "left", "held", "met", "won", "lost", "sent", "spent", "paid", "kept", "got", "made":
			return true
		}
		if isPastCue(w) && t > a && !inLex(determinersLex, d.lower(t-1)) {
			return true
		}
	}
	return false
}

// openingParticiple adds the speech act of an opening participle clause
// to the main clause's speaker: "While acknowledging that prices had
// risen, officials said …" — the officials acknowledged. The clause runs
// from the participle to the first comma outside quotes; the main cue
// stands after that comma.
func (d *doc) openingParticiple(u unit, main cueHit, hits []cueHit) {
	if len(d.out) == 0 {
		return
	}
	for _, h := range hits {
		if h.t0 >= main.t0 || h.kind != 'v' || d.inQ[h.t0] || !strings.HasSuffix(d.lower(h.t0), "ing") {
			continue
		}
		// the participle opens the unit, or follows a subordinator
		if h.t0 != u.t0 {
			if h.t0 != u.t0+1 {
				continue
			}
			switch d.lower(u.t0) {
			case "while", "after", "when", "in", "by", "despite", "before", "though", "although":
			default:
				continue
			}
		}
		cm := -1
		for t := h.t1; t < main.t0; t++ {
			if d.word(t) == "," && !d.inQ[t] {
				cm = t
				break
			}
		}
		if cm < 0 {
			return
		}
		from := h.t1
		// "Commenting on the response, …" names a topic, not content.
		if from < cm && (ppWords[d.lower(from)] || d.words(article.Span{d.toks[from].Span[0], d.toks[cm].Span[0]}) < 3) {
			return
		}
		if from < cm && d.lower(from) == "that" {
			from++
		}
		if from >= cm {
			return
		}
		ct := trimContent(d.body, text.TrimSpan(d.body, article.Span{d.toks[from].Span[0], d.toks[cm].Span[0]}))
		if ct[1]-ct[0] < 8 {
			return
		}
		mainSt := d.out[len(d.out)-1]
		st := mainSt
		st.Speaker.Aliases = append([]string(nil), mainSt.Speaker.Aliases...)
		st.Cue = d.body[d.toks[h.t0].Span[0]:d.toks[h.t1-1].Span[1]]
		st.CueSpan = article.Span{d.toks[h.t0].Span[0], d.toks[h.t1-1].Span[1]}
		st.TextSpan = ct
		st.Text = d.body[ct[0]:ct[1]]
		st.Kind = kindOf(st.Text)
		// the participle's statement comes first in the text
		d.out = append(d.out, article.Statement{})
		copy(d.out[len(d.out)-1:], d.out[len(d.out)-2:len(d.out)-1])
		d.out[len(d.out)-2] = st
		d.outKey = append(d.outKey, d.outKey[len(d.outKey)-1])
		return
	}
}

// isPastCue reports whether a verb cue is in the past tense: "said",
// "denied", "told", "added".
func isPastCue(w string) bool {
	switch w {
	case "said", "told", "wrote", "spoke", "thought", "felt", "held", "made", "gave", "put":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// secondClause finds a second reporting clause coordinated with the first
// ("Norway has expressed concern, and Moscow says the limits are
// unacceptable"): a later verb cue whose subject follows ", and", ", but"
// or a semicolon. The first statement's content then stops there.
func (d *doc) secondClause(u unit, first cueHit, hits []cueHit) {
	if len(d.out) == 0 {
		return
	}
	for _, h := range hits {
		if h.t0 <= first.t1 || h.kind != 'v' || d.inQ[h.t0] || h.class != speech {
			continue
		}
		k := d.skipBack(u, h.t0-1)
		if k < u.t0 || d.toks[k].Kind != text.Word {
			continue
		}
		s := d.npBack(u, k)
		if s > k || s < u.t0+2 {
			continue
		}
		conj := d.lower(s - 1)
		if !((conj == "and" || conj == "but" || conj == "while") && d.word(s-2) == ",") && d.word(s-1) != ";" {
			continue
		}
		if !d.hasMention(s, k+1) && !(s == k && subjectPronoun(d.lower(k))) {
			continue
		}
		cut := d.toks[s-1].Span[0]
		if d.word(s-1) != ";" {
			cut = d.toks[s-2].Span[0]
		}
		prev := d.out[len(d.out)-1]
		if !(prev.TextSpan[0] < cut && prev.TextSpan[1] > cut) {
			continue
		}
		n := len(d.out)
		sub := unit{span: article.Span{d.toks[s].Span[0], u.span[1]}, t0: s, t1: u.t1, para: u.para}
		if !d.tryCue(sub, h, hits) || len(d.out) == n {
			continue
		}
		d.cutContent(&d.out[n-1], cut)
		return
	}
}

// subjectPronoun reports whether w can be the whole subject of a
// coordinated reporting clause (", but he said that …").
func subjectPronoun(w string) bool {
	switch w {
	case "he", "she", "they":
		return true
	}
	return false
}

// quoteNoCue handles a unit with a quotation but no reporting cue: a quote
// signed with a dash ("“…” ― Jane Doe") is its signer's.
func (d *doc) quoteNoCue(u unit) {
	quoted := 0
	firstQ, lastQ := -1, -1
	for t := u.t0; t < u.t1; t++ {
		if d.toks[t].Kind == text.Quote {
			if firstQ < 0 {
				firstQ = t
			}
			lastQ = t
		}
		if d.toks[t].Kind == text.Word && d.inQ[t] {
			quoted++
		}
	}
	if firstQ < 0 || quoted < 3 {
		return
	}
	// Dash signature after the closing quote: a capitalised name ("The
	// network licenses “X” -- which was nominated … -- from Ora" is no
	// signature).
	if lastQ+2 < u.t1 {
		dash := d.word(lastQ + 1)
		s0 := lastQ + 2
		if dash == "-" && d.word(s0) == "-" {
			s0++ // "--"
		}
		if (dash == "―" || dash == "—" || dash == "–" || dash == "-") && s0 < u.t1 && isCap(d.word(s0)) {
			s1 := s0
			for s1 < u.t1 && (d.toks[s1].Kind == text.Word || d.word(s1) == "-") {
				s1++
			}
			// "“Talks resume” — Daily Courier, August 15, 2031": a title
			// cited with its outlet and date is no one's statement.
			if s1 > s0 && s1+1 < u.t1 && d.word(s1) == "," && (d.toks[s1+1].Kind == text.Number || d.timexAt(d.toks[s1+1].Span[0]) || meta.MonthByName(d.word(s1+1)) != 0) {
				return
			}
			// the name ends the unit, or a comma follows it ("― Jane
			// Roe, 42, a nurse"); "-- and Fred Goldberg, …" is no
			// signature (nor is a name in a running sentence)
			if s1 > s0 && (s1 >= u.t1-1 || d.word(s1) == ",") {
				sp, key, surf := d.resolve([2]int{s0, s1}, u)
				if sp.Name == "" {
					sp = article.Actor{Name: d.body[d.toks[s0].Span[0]:d.toks[s1-1].Span[1]]}
				}
				if surf != "" && surf != sp.Name {
					sp.Aliases = append(sp.Aliases, surf)
				}
				ct := article.Span{d.toks[u.t0].Span[0], d.toks[lastQ].Span[1]}
				d.emit(u, sp, key, ct, article.Span{d.toks[lastQ+1].Span[0], d.toks[lastQ+1].Span[1]}, [2]int{s0, s1})
				return
			}
		}
	}
	// "The minister defended the record: “We have cut the numbers.”": a
	// quotation that a colon opens after a clause, running to the end of
	// the unit, is the words of the clause's subject when the clause opens
	// with a named person or a personal pronoun.
	// (The colon may follow a scare quote in the clause: "promising a
	// “formal update”: “…”".)
	c := -1
	for t := lastQ - 1; t > u.t0+1; t-- {
		if d.toks[t].Kind == text.Quote && d.word(t-1) == ":" && !d.inQ[t-1] {
			c = t - 1
			break
		}
	}
	if c > u.t0+1 && u.t1-lastQ <= 2 {
		if subj, ok := d.openingSubject(u, c); ok {
			sp, key, surf := d.resolve(subj, u)
			if sp.Name != "" {
				if surf != "" && surf != sp.Name {
					sp.Aliases = append(sp.Aliases, surf)
				}
				ct := article.Span{d.toks[c+1].Span[0], d.toks[lastQ].Span[1]}
				d.emit(u, sp, key, ct, d.toks[c].Span, subj)
				return
			}
		}
	}
	// A quotation without a cue and without a signature is left alone:
	// attributing it to the latest speaker measured worse than not
	// attributing it (most such quotes are titles or scare quotes).
}

// sayingNouns name what someone said: "Her message was simple: “…”".
var sayingNouns = map[string]bool{
	"message": true, "reply": true, "response": true, "answer": true, "verdict": true, "view": true,
	"position": true, "point": true, "argument": true, "warning": true, "advice": true, "conclusion": true,
	"assessment": true, "words": true, "retort": true, "plea": true, "appeal": true, "demand": true,
}

// demonstrative reports whether content is only "this" or "these" and a
// short phrase of medium or time ("this in a statement on Sunday").
func (d *doc) demonstrative(content article.Span) bool {
	t := d.tokAt(content[0])
	if t < 0 || (d.lower(t) != "this" && d.lower(t) != "these") || d.words(content) > 8 {
		return false
	}
	// "this" alone or before a phrase of medium or time; "this was a
	// mistake" is a clause
	n := t + 1
	if n >= len(d.toks) || d.toks[n].Span[0] >= content[1] || d.word(n) == "." {
		return true
	}
	return ppWords[d.lower(n)] || d.timexAt(d.toks[n].Span[0])
}

// thisBack returns the paragraph before unit u as the content of a
// statement whose own content is only "this …" (see demonstrative), when
// no statement of the text covers that paragraph.
func (d *doc) thisBack(u unit, content article.Span) (article.Span, bool) {
	if !d.demonstrative(content) || d.ui <= 0 || d.ui >= len(d.unitList) {
		return article.Span{}, false
	}
	prev := d.unitList[d.ui-1]
	if prev.para == u.para {
		return article.Span{}, false
	}
	span := prev.span
	for k := d.ui - 2; k >= 0 && d.unitList[k].para == prev.para; k-- {
		span[0] = d.unitList[k].span[0]
	}
	if span[0] < d.lead {
		return article.Span{}, false
	}
	for _, st := range d.out {
		if st.Span[0] < span[1] && span[0] < st.Span[1] {
			return article.Span{}, false
		}
	}
	return text.TrimSpan(d.body, span), true
}

// statementIntro reads a paragraph that announces the next one as
// someone's statement: "U.S. Senator Anna Berg today released the
// following statement on the talks:" and a quotation after it, as press
// releases and reports quoting them put it. The subject is the last person
// or body named before the verb.
func (d *doc) statementIntro(u unit) bool {
	if d.colonNext == nil || u.t1-u.t0 < 4 || d.word(u.t1-1) != ":" || d.toks[d.colonNext.t0].Kind != text.Quote {
		return false
	}
	noun := -1
	for t := u.t1 - 2; t > u.t0 && t >= u.t1-10 && noun < 0; t-- {
		switch d.lower(t) {
		case "statement", "remarks", "comments", "comment", "message":
			noun = t
		}
	}
	verb := -1
	for t := noun - 1; noun > 0 && t >= u.t0 && t >= noun-5 && verb < 0; t-- {
		switch d.lower(t) {
		case "released", "issued", "made", "gave", "delivered", "sent", "posted", "shared",
			"releases", "issues", "makes", "gives", "delivers":
			verb = t
		}
	}
	if verb < 0 {
		return false
	}
	for t := verb - 1; t >= u.t0; t-- {
		m := d.mention[t]
		if m < 0 || d.found[m].ID < 0 {
			continue
		}
		f := d.found[m]
		if f.Type != article.Person && f.Type != article.Org && f.Type != article.GPE {
			continue
		}
		subj := [2]int{f.Tok0, f.Tok1}
		sp, key, surf := d.resolve(subj, u)
		if sp.Name == "" {
			return false
		}
		if surf != "" && surf != sp.Name {
			sp.Aliases = append(sp.Aliases, surf)
		}
		n := len(d.out)
		cue := article.Span{d.toks[verb].Span[0], d.toks[noun].Span[1]}
		d.emit(u, sp, key, d.colonNext.span, cue, subj)
		if len(d.out) == n {
			return false
		}
		d.out[n].Span[1] = d.colonNext.span[1]
		d.colonUsed = true
		return true
	}
	return false
}

// openingSubject returns the subject that opens unit u when it is a named
// person (after at most three capitalised title words: "Prime Minister
// Anna Berg") or "he"/"she", and nothing before token end is quoted.
func (d *doc) openingSubject(u unit, end int) ([2]int, bool) {
	if d.inQ[u.t0] || d.toks[u.t0].Kind == text.Quote {
		return [2]int{}, false
	}
	// "During Prime Minister's Questions on Wednesday, Sunak defended …":
	// an opening adverbial up to its comma.
	if ppWords[d.lower(u.t0)] || d.lower(u.t0) == "during" || d.lower(u.t0) == "after" {
		for t := u.t0 + 1; t < end && t < u.t0+12; t++ {
			if d.inQ[t] || d.toks[t].Kind == text.Quote {
				break
			}
			if d.word(t) == "," {
				u.t0 = t + 1
				break
			}
		}
	}
	if u.t0 >= end {
		return [2]int{}, false
	}
	switch d.lower(u.t0) {
	case "he", "she":
		return [2]int{u.t0, u.t0 + 1}, true
	case "his", "her":
		// "Her message was simple: “…”"
		if u.t0+1 < end && sayingNouns[d.lower(u.t0+1)] {
			return [2]int{u.t0, u.t0 + 1}, true
		}
		return [2]int{}, false
	case "the":
		// "The minister defended …:", "The Russian ambassador replied:"
		for t := u.t0 + 1; t < end-1 && t <= u.t0+3 && d.toks[t].Kind == text.Word; t++ {
			if actors.IsRoleNoun(d.lower(t)) {
				if d.toks[t+1].Kind == text.Word && !isCap(d.word(t+1)) {
					return [2]int{u.t0, t + 1}, true
				}
				break
			}
		}
		return [2]int{}, false
	}
	for t := u.t0; t < end && t < u.t0+4; t++ {
		if m := d.mention[t]; m >= 0 {
			f := d.found[m]
			if f.Type != article.Person || f.Tok1 >= end {
				return [2]int{}, false
			}
			// "Berg's reply was swift: “…”": what the person said,
			// named by a noun after the possessive
			if d.toks[f.Tok1].Kind == text.Possessive {
				if f.Tok1+1 < end && sayingNouns[d.lower(f.Tok1+1)] {
					return [2]int{u.t0, f.Tok1}, true
				}
				return [2]int{}, false
			}
			return [2]int{u.t0, f.Tok1}, true
		}
		if d.toks[t].Kind != text.Word || !isCap(d.word(t)) {
			return [2]int{}, false
		}
	}
	return [2]int{}, false
}

// phraseSide finds the country or organisation an unnamed speaker's phrase
// names: a demonym or a country ("Japanese", "U.S."), or an organisation
// ("Trade Ministry"); "" when it names none.
func (d *doc) phraseSide(subj [2]int) string {
	// "The EU and UK negotiating teams", "U.S. and Russian negotiators":
	// two sides named together speak for neither alone.
	// (Only two sides joined by the "and": "the U.S. operation in Iraq
	// and Syria" speaks for the United States.)
	first := d.phraseSideFrom(subj)
	for t := subj[0] + 1; first != "" && t+1 < subj[1] && t+1 < len(d.toks); t++ {
		if d.lower(t) == "and" && !d.inQ[t] && (d.sideWord(t-1) || d.namedBody(t-1)) && (d.sideWord(t+1) || d.namedBody(t+1)) {
			if a, b := d.phraseSideFrom([2]int{t - 1, t}), d.phraseSideFrom([2]int{t + 1, t + 2}); a == first && b != "" && a != b {
				return ""
			}
		}
	}
	return first
}

// tradeHead reports whether the phrase's last word names people by their
// trade ("Chinese experts", "a Russian analyst", "Western economists").
func (d *doc) tradeHead(subj [2]int) bool {
	if subj[1] <= subj[0] || subj[1] > len(d.toks) {
		return false
	}
	w := d.lower(subj[1] - 1)
	return tradeNouns[w] || tradeNouns[strings.TrimSuffix(w, "s")]
}

// phraseSideFrom is phraseSide's first side named in subj.
func (d *doc) phraseSideFrom(subj [2]int) string {
	for t := subj[0]; t < subj[1] && t < len(d.toks); t++ {
		// sides are named with capitals: "Japanese", "U.S.", "Trade Ministry"
		if d.inQ[t] || d.toks[t].Kind != text.Word || d.toks[t].Case == text.CaseLower {
			continue
		}
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			f := d.found[m]
			// a lone head word ("Union leaders" opening a sentence) is
			// no organisation's name
			lone := f.Tok1-f.Tok0 == 1 && actors.IsOrgHead(d.lower(f.Tok0))
			switch {
			case lone:
			case f.Type == article.GPE || f.Type == article.Org:
				return d.book.Name(f.ID)
			}
		}
		w := strings.TrimSuffix(d.word(t), "’s")
		if c, ok := actors.Demonym(w); ok {
			return c
		}
		if c, kind, ok := actors.Place(w); ok && kind == article.GPE {
			return c
		}
	}
	return ""
}

// employer finds whom a person speaks for in the words around their name:
// an organisation after "at", "of", "for", "with" or "from" ("analyst Tom
// Lee at Acme Securities", "Anna Berg, a spokeswoman for the Trade
// Ministry"). "" when none is named there.
func (d *doc) employer(ranges ...[2]int) string {
	for _, r := range ranges {
		for t := r[0]; t+1 < r[1] && t+1 < len(d.toks); t++ {
			if d.inQ[t] || d.toks[t].Kind != text.Word {
				continue
			}
			switch d.lower(t) {
			case "at", "of", "for", "with", "from":
			default:
				continue
			}
			n := t + 1
			if n < r[1] && inLex(determinersLex, d.lower(n)) {
				n++
			}
			if n >= r[1] {
				continue
			}
			if m := d.mention[n]; m >= 0 && d.found[m].ID >= 0 && d.found[m].Type == article.Org {
				return d.book.Name(d.found[m].ID)
			}
		}
	}
	return ""
}

// appositionTitle reads the title of an apposition that names a role
// ("the fund's chief executive", "the Danish foreign minister", "chief
// executive of Acme Holdings", "a spokeswoman for the ministry"): its words
// after the article, a possessive and a demonym, up to a preposition, when
// the last of them is a title word; "" for any other apposition.
func (d *doc) appositionTitle(r [2]int) string {
	t := r[0]
	if t < r[1] && (d.lower(t) == "the" || d.lower(t) == "a" || d.lower(t) == "an") {
		t++
	}
	// "the fund's", "the Republican nominee's eldest daughter": the title
	// is what follows the possessor
	for k := t; k < r[1] && k < t+6 && d.toks[k].Kind != text.Punct; k++ {
		if d.toks[k].Kind == text.Possessive {
			t = k + 1
			break
		}
	}
	for t < r[1] && d.toks[t].Kind == text.Word {
		if _, ok := actors.Demonym(d.word(t)); !ok {
			break
		}
		t++ // the side, not the title
	}
	start, end := t, t
	for t < r[1] && t-start < 4 && d.toks[t].Kind == text.Word && !d.inQ[t] {
		w := d.lower(t)
		if w == "of" || w == "for" || w == "at" || w == "with" || w == "from" || w == "to" {
			break
		}
		if !actors.IsTitleWord(w) && !actors.IsRoleNoun(w) {
			return ""
		}
		t++
		end = t
	}
	if end == start || (end < r[1] && d.toks[end].Kind == text.Word && !ppWords[d.lower(end)] && d.lower(end) != "to") {
		return ""
	}
	return d.body[d.toks[start].Span[0]:d.toks[end-1].Span[1]]
}

// personIn returns the person a mention in tokens [r[0], r[1]) names, or -1.
func (d *doc) personIn(r [2]int) actors.ID {
	for t := r[0]; t < r[1] && t < len(d.toks); t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].Type == article.Person && d.found[m].ID >= 0 {
			return d.found[m].ID
		}
	}
	return -1
}

// emit appends a statement without a verb cue.
func (d *doc) emit(u unit, sp article.Actor, key string, content, cueSpan article.Span, subj [2]int) {
	content = trimContent(d.body, text.TrimSpan(d.body, content))
	if content[1]-content[0] < 8 {
		return
	}
	st := article.Statement{
		Speaker:  sp,
		TextSpan: content,
		Text:     d.body[content[0]:content[1]],
		Span:     u.span,
		CueSpan:  cueSpan,
		Cue:      d.body[cueSpan[0]:cueSpan[1]],
	}
	if subj[1] > subj[0] {
		st.SpeakerSpan = article.Span{d.toks[subj[0]].Span[0], d.toks[subj[1]-1].Span[1]}
	}
	st.Kind = kindOf(st.Text)
	dt := d.defaultDate
	if v, ok := d.lastDate[key]; ok && key != "" && !d.pub.IsZero() {
		dt = v
	}
	st.Date, st.DateBasis = dt.v, dt.basis
	d.out = append(d.out, st)
	d.outKey = append(d.outKey, key)
}

// adjunctStart: words that open a phrase of time, place, topic or a new
// clause, not a reported clause ("what he said on Monday", "what she said
// when she resigned", "what they said about the plan").
func adjunctStart(w string) bool {
	switch w {
	case "on", "about", "at", "in", "to", "of", "for", "from", "with", "during", "after", "before", "since",
		"until", "over", "by", "when", "while", "as", "and", "but", "or", "because", "if", ",", ".", "?", "!", ";", ":":
		return true
	}
	return false
}

// subordinateEnd returns the comma that closes a subordinate clause
// opening unit u ("While he acknowledged …, Ham noted …"), -1 when the
// unit opens otherwise or no comma closes it within 40 tokens.
func (d *doc) subordinateEnd(u unit) int {
	switch d.lower(u.t0) {
	case "while", "although", "though", "whereas", "because", "since", "when", "if", "unless", "once", "even":
	default:
		return -1
	}
	for t := u.t0 + 1; t < u.t1 && t < u.t0+40; t++ {
		if d.inQ[t] || d.toks[t].Kind == text.Quote {
			continue
		}
		if d.word(t) == "," {
			return t
		}
	}
	return -1
}

// sectionLabel returns the byte offset after a short label that opens unit
// u and ends with a colon ("Why it matters:", "What's next:", "The other
// side:"), as explainers cut their text; -1 when there is none. A label
// naming someone ("Lavrov: …", "Spokesperson Lin Hao: …") is a speaker's,
// read elsewhere.
func (d *doc) sectionLabel(u unit) int {
	if u.t0 >= u.t1 || d.toks[u.t0].Kind != text.Word || !isCap(d.word(u.t0)) {
		return -1
	}
	for t := u.t0; t < u.t1 && t <= u.t0+6; t++ {
		if d.inQ[t] || d.toks[t].Kind == text.Quote {
			return -1
		}
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			return -1
		}
		if d.word(t) == ":" {
			if t == u.t0+1 && allCapsWord(d.word(u.t0)) {
				return -1 // "PENCE: …", "Q: …"
			}
			return d.toks[t].Span[1]
		}
		if d.toks[t].Kind == text.Punct && d.word(t) != "'" && d.word(t) != "’" && d.word(t) != "-" {
			return -1
		}
	}
	return -1
}

// unverified reports a negated verb of checking: "Reuters could not
// independently confirm the details", "the agency was unable to verify
// the claim". A reporter's note on what it could not check is no one's
// statement.
func (d *doc) unverified(u unit, h cueHit) bool {
	if h.kind != 'v' {
		return false
	}
	switch d.lower(h.t0) {
	case "confirm", "verify", "corroborate":
	default:
		return false
	}
	for t := h.t0 - 1; t >= u.t0 && t >= h.t0-4; t-- {
		switch w := d.lower(t); {
		case w == "not" || w == "unable" || w == "cannot" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"):
			return true
		case w == "to" || w == "independently" || w == "immediately" || w == "be" || w == "could" || w == "was" || w == "were" || w == "has" || w == "have" || w == "been":
		default:
			return false
		}
	}
	return false
}

// liveStamp returns the byte offset after a live blog's time stamp that
// opens the text at i ("10:42 GMT - ", "9.15am: ", "14:05 – ", "1042 GMT:
// "), or -1 when there is none.
func liveStamp(s string, i int) int {
	j := i
	digits := func() int {
		n := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			n++
		}
		return n
	}
	n := digits()
	switch {
	case (n == 1 || n == 2) && j < len(s) && (s[j] == ':' || s[j] == '.'):
		j++
		if digits() != 2 {
			return -1
		}
	case n == 4: // "1042 GMT", with its zone (a year is no stamp)
	default:
		return -1
	}
	rest := s[j:]
	for _, z := range [...]string{"am", "pm", " am", " pm", " a.m.", " p.m."} {
		if strings.HasPrefix(rest, z) {
			j += len(z)
			break
		}
	}
	rest = s[j:]
	zone := false
	for _, z := range [...]string{" GMT", " UTC", " BST", " CET", " CEST", " EST", " EDT", " ET", " PT", " IST", " local time"} {
		if strings.HasPrefix(rest, z) {
			j += len(z)
			zone = true
			break
		}
	}
	if n == 4 && !zone {
		return -1
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	switch {
	case strings.HasPrefix(s[j:], "-"), strings.HasPrefix(s[j:], ":"):
		j++
	case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
		j += len("–")
	default:
		return -1
	}
	if j >= len(s) || s[j] != ' ' {
		return -1
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j
}

func whatWord(w string) bool { return w == "what" || w == "whatever" }

// namingVerb: verbs whose content is a name the speaker gives ("what he
// called a breach", "what she described as a surrender").
func namingVerb(w string) bool {
	switch w {
	case "call", "calls", "called", "calling", "described", "describes", "describe", "dubbed", "dubs",
		"termed", "terms", "labelled", "labeled", "branded", "brands":
		return true
	}
	return false
}

func (d *doc) tryCue(u unit, h cueHit, hits []cueHit) bool {
	if d.inAskedOpening(u, h.t0) || d.unverified(u, h) {
		return false
	}
	var c clause
	ok := false
	switch h.kind {
	case 'a', 'w':
		c, ok = d.parsePhrase(u, h)
	case 'q':
		c, ok = d.parseQuoted(u, h)
	default:
		c, ok = d.parseVerb(u, h)
	}
	if !ok {
		return false
	}
	// "This is what the minister said on Monday", "What leaders said on
	// day one": "what" is the object of the verb, so the words after it
	// are no content but its time and topic; the statement, if any, is
	// reported elsewhere. A clause after the verb is content still: "what
	// Trump says his tax plan would do". Verbs of naming keep their content: in
	// "condemned what he called a \"brazen breach\"" the name is his.
	// (A headline in capitals reads "WHAT LEADERS" as one name: the
	// "what" may open the subject.)
	if h.kind == 'v' && c.subj[1] > c.subj[0] && c.subj[1] <= h.t0 && !namingVerb(d.lower(h.t0)) && h.t1 < u.t1 && adjunctStart(d.lower(h.t1)) {
		if c.subj[0] > u.t0 && whatWord(d.lower(c.subj[0]-1)) || c.subj[1]-c.subj[0] > 1 && whatWord(d.lower(c.subj[0])) {
			return false
		}
	}
	// "He said:" at the end of its paragraph: the content is the quote
	// that follows.
	colon := false
	if d.colonNext != nil && h.t1+1 == u.t1 && d.word(h.t1) == ":" && c.subj[1] > c.subj[0] {
		c.content = d.colonNext.span
		colon = true
	}
	if !colon && (c.content[0] < u.span[0] || c.content[1] > u.span[1] || c.content[0] >= c.content[1]) {
		return false
	}
	c.content = text.TrimSpan(d.body, c.content)
	if c.content[0] == u.span[0] {
		// "What they're saying: “…,” Bessent said.": a section label
		// opening the paragraph is no part of what was said.
		if e := d.sectionLabel(u); e > c.content[0] && e < c.content[1] {
			c.content[0] = e
		}
		// "10:15 GMT - “We are not optimistic,” an official said": a
		// live blog's time stamp opening the entry.
		if e := liveStamp(d.body, c.content[0]); e > c.content[0] && e < c.content[1] {
			c.content[0] = e
		}
	}
	c.content = trimContent(d.body, c.content)
	if h.kind == 'v' && c.content2[1] == 0 {
		c.content = trimContrast(d.body, trimReticence(d.body, c.content))
		// "While he acknowledged funding was a reason, Ham noted …": a
		// cue inside an opening subordinate clause reports up to the
		// clause's comma, not into the main clause.
		if cm := d.subordinateEnd(u); cm > h.t1 && d.toks[cm].Span[0] > c.content[0] && d.toks[cm].Span[0] < c.content[1] {
			c.content[1] = d.toks[cm].Span[0]
			d.subCut = cm
		}
	}
	// "Olufemi Soneye, the company's spokesman, disclosed this in a
	// statement on Sunday": "this" is the paragraph before, when no one
	// else said it; the statement runs from it to the cue's sentence.
	var back article.Span
	if !colon && h.kind == 'v' {
		if p, ok := d.thisBack(u, c.content); ok {
			c.content, back = p, p
		} else if ok := d.demonstrative(c.content); ok {
			return false
		}
	}
	if c.content[1]-c.content[0] < 8 && !c.around2 {
		return false
	}
	d.clauseAfter = false
	d.saidClause = false
	d.cueAmbig = false
	if cs := cuesOf(d.lower(h.t0)); len(cs) > 0 && cs[0].ambig {
		d.cueAmbig = true
	}
	if h.t1 < u.t1 {
		nt := d.toks[h.t1]
		d.clauseAfter = nt.Kind == text.Quote || d.lower(h.t1) == "that" || d.word(h.t1) == ":"
		// "said they had …", "said the talks …": "said" and a clause
		switch d.lower(h.t0) {
		case "said", "says", "say":
			d.saidClause = nt.Kind == text.Word && (pronouns[d.lower(h.t1)] != "" || inLex(determinersLex, d.lower(h.t1)))
		}
	}
	if h.kind == 'v' && !c.trusted && !d.plausibleSpeaker(c.subj) {
		return false
	}
	sp, key, surf := d.resolve(c.subj, u)
	if sp.Name == "" {
		return false
	}
	if sp.Kind == article.Person && sp.Title == "" && c.around[1] > c.around[0] {
		// "Anna Berg, the fund's chief executive, said": the apposition
		// gives the title, for this statement and for the role phrases
		// that refer back to her.
		if title := d.appositionTitle(c.around); title != "" {
			if id := d.personIn(c.subj); id >= 0 {
				d.book.GiveTitle(id, title, d.toks[c.around[0]].Span[0])
				sp.Title = title
			}
		}
	}
	if sp.Kind == article.Person && sp.Affiliation == "" {
		sp.Affiliation = d.employer(c.subj, c.around)
	}
	if sp.Kind == article.Person && sp.Affiliation == "" {
		// "Bank of Japan Governor Satoshi Sumita", "OPEC President …":
		// the title names the body.
		sp.Affiliation = titleBody(sp.Title)
	}
	if sp.Affiliation == "" && c.around[1] > c.around[0] && sp.Kind != article.Org && sp.Kind != article.GPE {
		// "Peskov, the Kremlin spokesman, said": the apposition names
		// the side
		sp.Affiliation = d.phraseSide(c.around)
	}
	if sp.Kind == "" && sp.Affiliation == "" {
		// "the Japanese prime minister", "a U.S. negotiator", "a Trade
		// Ministry spokesman": the side the phrase names. ("Chinese
		// experts", "a Russian analyst" speak for themselves, not for
		// their country; "NASA's scientists" work for NASA.)
		side := d.phraseSide(c.subj)
		if _, kind, ok := actors.Place(side); ok && kind == article.GPE && d.tradeHead(c.subj) {
			side = ""
		}
		sp.Affiliation = side
	}
	if surf != "" && surf != sp.Name {
		has := false
		for _, a := range sp.Aliases {
			if a == surf {
				has = true
			}
		}
		if !has {
			sp.Aliases = append(sp.Aliases, surf)
		}
	}
	st := article.Statement{
		Speaker:  sp,
		Cue:      d.body[d.toks[h.t0].Span[0]:d.toks[h.t1-1].Span[1]],
		CueSpan:  article.Span{d.toks[h.t0].Span[0], d.toks[h.t1-1].Span[1]},
		TextSpan: c.content,
		Text:     d.body[c.content[0]:c.content[1]],
		Span:     u.span,
	}
	if colon {
		st.Span[1] = d.colonNext.span[1]
		d.colonUsed = true
	}
	if back[1] > back[0] {
		st.Span[0] = back[0]
	}
	if c.subj[1] > c.subj[0] {
		st.SpeakerSpan = article.Span{d.toks[c.subj[0]].Span[0], d.toks[c.subj[1]-1].Span[1]}
	}
	if c.content2[1] > c.content2[0] {
		c2 := trimContent(d.body, text.TrimSpan(d.body, c.content2))
		if c2[1]-c2[0] > 0 {
			st.Text += " " + d.body[c2[0]:c2[1]]
			st.TextSpan[1] = c2[1]
		}
	}
	st.Kind = kindOf(st.Text)
	dt := d.date(u, h, c, key)
	if dt == d.defaultDate && dt.basis == article.DateEvent && dt.v != d.pubDay && dt.v != d.filedDay &&
		(sp.Kind == article.Org || sp.Kind == article.GPE) && !d.atEvent(h, c) {
		// A report of an earlier day's event: the event's day dates what
		// the people at it said; a ministry's or a government's
		// statement, with no day of its own and not said "at the
		// meeting", may have been issued that day or the next.
		dt = undated
	}
	st.Date, st.DateBasis = dt.v, dt.basis
	d.out = append(d.out, st)
	d.outKey = append(d.outKey, key)
	// "…, Grushko said, adding that …": a second statement of the same
	// speaker after a participle cue; unless this cue is in a relative
	// clause ("… an architect who said he was unpaid, saying …"): the
	// participle then reports for the sentence's subject.
	first := len(d.out) - 1
	for _, h2 := range hits {
		if h2.t0 <= h.t1 || h2.kind != 'v' || d.inQ[h2.t0] {
			continue
		}
		w := d.lower(h2.t0)
		c0 := h2.t0 // where the participle phrase starts
		if h2.t0 >= 4 && d.lower(h2.t0-1) == "to" && d.lower(h2.t0-2) == "on" && d.lower(h2.t0-3) == "going" {
			// "…, going on to say that …": the participle is "going".
			c0, w = h2.t0-3, "going"
		}
		if !strings.HasSuffix(w, "ing") || c0 == 0 || d.word(c0-1) != "," {
			continue
		}
		if d.relativeCue(u, h) {
			if d.tryCue(u, h2, hits) && len(d.out) > first+1 && d.out[first].TextSpan[1] > d.toks[h2.t0].Span[0] {
				d.cutContent(&d.out[first], d.toks[h2.t0-1].Span[0])
			}
			break
		}
		cs := d.toks[h2.t1-1].Span[1]
		if h2.t1 < u.t1 && d.lower(h2.t1) == "that" {
			cs = d.toks[h2.t1].Span[1]
		}
		ct := trimContent(d.body, text.TrimSpan(d.body, article.Span{cs, u.span[1]}))
		if ct[1]-ct[0] < 8 {
			break
		}
		st2 := st
		st2.Cue = d.body[d.toks[c0].Span[0]:d.toks[h2.t1-1].Span[1]]
		st2.CueSpan = article.Span{d.toks[c0].Span[0], d.toks[h2.t1-1].Span[1]}
		st2.TextSpan = ct
		st2.Text = d.body[ct[0]:ct[1]]
		st2.Kind = kindOf(st2.Text)
		d.out = append(d.out, st2)
		d.outKey = append(d.outKey, key)
		// The first statement's content stops before the participle.
		if c.content[1] > d.toks[c0].Span[0] {
			d.cutContent(&d.out[len(d.out)-2], d.toks[c0-1].Span[0])
		}
		break
	}
	return true
}

// kindOf classifies content: all quoted → direct; some quoted → mixed.
func kindOf(s string) string {
	// double quote marks: " (ASCII) and “ ” « » „ (lead bytes E2, C2),
	// counted with the library's byte searches (a loop over every byte
	// of every statement was 2.6% of an analysis)
	q := strings.Count(s, "''") + strings.Count(s, "\"")
	for _, lead := range [...]byte{0xE2, 0xC2} {
		for i := strings.IndexByte(s, lead); i >= 0; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if text.IsDoubleQuote(r) {
				q++
			}
			j := strings.IndexByte(s[i+n:], lead)
			if j < 0 {
				break
			}
			i += n + j
		}
	}
	if strings.HasPrefix(s, "''") && strings.HasSuffix(strings.TrimRight(s, ".,;: "), "''") {
		return article.Direct
	}
	if q == 0 {
		return article.Indirect
	}
	r0, r1 := firstLast(s)
	if text.IsDoubleQuote(r0) && text.IsDoubleQuote(r1) && q <= 2 {
		return article.Direct
	}
	if text.IsDoubleQuote(r0) && text.IsDoubleQuote(r1) {
		return article.Direct
	}
	return article.Mixed
}

func firstLast(s string) (rune, rune) {
	s = strings.TrimRight(s, ".,;: ")
	if s == "" {
		return 0, 0
	}
	f, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return f, l
}

// transcript handles a transcript line: a speaker label in capitals and a
// colon opening the unit ("PENCE: Well, the question …"). Labels that are
// page furniture (UPDATE:, RELATED:) are not speakers.
func (d *doc) transcript(u unit) bool {
	t := u.t0
	if t < u.t1 && d.toks[t].Kind == text.Quote {
		t++
	} else if t+1 < u.t1 && listBullet(d.word(t)) {
		// "- Kenyan President William Ruto: …": a list of reactions
		t++
	}
	s0 := t
	for t < u.t1 && t-s0 < 3 && d.toks[t].Kind == text.Word && isCap(d.word(t)) {
		t++
	}
	// A parliamentary record: "Mr Reid: I will give way.", "Mrs Fiona
	// Dunbar (North Harbour) (Con): Will the Minister give way?", "The
	// Minister for Marine Affairs (Mr Callum Reid): I beg to move …".
	if name, colon, ok := d.hansardLabel(u, s0); ok {
		sp, key, ok := d.labelSpeaker(u, name)
		if !ok {
			return false
		}
		if d.turn(u, sp, key, colon, [2]int{name[0], name[1]}) {
			d.hansard, d.hansardKey, d.hansardPara = sp, key, u.para
		}
		return true
	}
	// The paragraphs of a speech after its labelled first one.
	if d.hansardPara >= 0 && u.para == d.hansardPara+1 && (d.ui == 0 || d.unitList[d.ui-1].para != u.para) &&
		d.word(u.t0) != "[" && d.toks[u.t0].Kind != text.Quote && u.t1-u.t0 >= 5 && !d.labelled(u) {
		end, last := u.span[1], d.ui
		for k := d.ui + 1; k < len(d.unitList) && d.unitList[k].para == u.para; k++ {
			end, last = d.unitList[k].span[1], k
		}
		n := len(d.out)
		sp := d.hansard
		sp.Aliases = append([]string(nil), sp.Aliases...)
		d.emit(u, sp, d.hansardKey, article.Span{u.span[0], end}, article.Span{u.span[0], u.span[0]}, [2]int{})
		if len(d.out) > n {
			d.out[n].Kind = article.Direct
			d.out[n].Span[1] = max(d.out[n].Span[1], d.out[n].TextSpan[1])
			d.turnEnd = last
			d.hansardPara = u.para
			return true
		}
	}
	// An interview printed as questions and answers: "Q:" is the
	// interviewer's, "A:" the interviewee's.
	if t == s0+1 && t < u.t1 && d.word(t) == ":" && (d.word(s0) == "Q" || d.word(s0) == "A") && d.qaTurns() {
		if d.word(s0) == "Q" {
			return true
		}
		id := d.intervieweeID()
		if id < 0 {
			return true
		}
		d.remember(id)
		sp := d.book.Actor(id)
		return d.turn(u, sp, sp.Name, t, [2]int{s0, t})
	}
	// "Spokesperson Lin Hao: …", "Secretary Rusk: …": a briefing's
	// transcript labels its turns with a title and a name in mixed case.
	if name, colon, ok := d.titledLabel(u, s0); ok {
		sp, key, ok := d.labelSpeaker(u, name)
		if !ok {
			return false
		}
		n := len(d.out)
		d.turn(u, sp, key, colon, name)
		// "- Kenyan President William Ruto: rich nations must “pay what
		// they owe”": a list of reactions paraphrases with a quoted
		// fragment; a turn quoted whole or without marks stays direct.
		if len(d.out) > n && kindOf(d.out[n].Text) == article.Mixed {
			d.out[n].Kind = article.Mixed
		}
		return true
	}
	// "ORLOV (through translator):", "LEE (voice-over):": a note in
	// brackets between the label and its colon
	colon := t
	if t < u.t1 && d.word(t) == "(" {
		for j := t + 1; j < u.t1 && j < t+8; j++ {
			if d.word(j) == ")" {
				if j+1 < u.t1 && d.word(j+1) == ":" {
					colon = j + 1
				}
				break
			}
		}
	}
	if t == s0 || colon >= u.t1 || d.word(colon) != ":" || !allCapsWord(d.word(s0)) || furnitureLabels[d.lower(s0)] {
		return false
	}
	// "STEALTH OVER HEALTH: CLINTON WAS HEADED TO ER": a headline in
	// capitals, not a speaker's turn (a turn is spoken in mixed case).
	if capsAfter := d.capsWords(colon+1, u.t1, 6); capsAfter >= 3 {
		return false
	}
	// A reporter's question is no party's statement: the line is passed
	// over (and yields nothing else, having no reporting verb).
	if t == s0+1 && (d.lower(s0) == "question" || d.lower(s0) == "answer") {
		return true
	}
	var sp article.Actor
	var key, surf string
	// A surname in capitals names a person the report has introduced
	// ("State Department spokesman Ned Price" ... "PRICE: We have not
	// received a reply"); capitals alone would make it an acronym.
	if id, ok := d.book.Surname(d.word(t - 1)); ok && t == s0+1 {
		d.remember(id)
		sp = d.book.Actor(id)
		key, surf = sp.Name, d.word(s0)
	} else {
		sp, key, surf = d.resolve([2]int{s0, t}, u)
	}
	if sp.Name == "" {
		return false
	}
	if surf != "" && surf != sp.Name {
		sp.Aliases = append(sp.Aliases, surf)
	}
	return d.turn(u, sp, key, colon, [2]int{s0, t})
}

// turn emits a transcript turn of speaker sp whose label ends at token t
// (its colon): direct speech to the end of the paragraph (the sentences
// after the first are the same speaker's words, with no label of their
// own).
func (d *doc) turn(u unit, sp article.Actor, key string, t int, label [2]int) bool {
	end, last := u.span[1], d.ui
	for k := d.ui + 1; k < len(d.unitList) && d.unitList[k].para == u.para; k++ {
		end, last = d.unitList[k].span[1], k
	}
	ct := article.Span{d.toks[t].Span[1], end}
	n := len(d.out)
	d.emit(u, sp, key, ct, d.toks[t].Span, label)
	if len(d.out) > n {
		// A transcript gives the speaker's own words.
		d.out[n].Kind = article.Direct
		d.out[n].Span[1] = max(d.out[n].Span[1], d.out[n].TextSpan[1])
		d.turnEnd = last
	}
	return true
}

// capsWords counts the words in capitals among the first n words of
// tokens [a, b) and returns -1 when any of them is not in capitals.
func (d *doc) capsWords(a, b, n int) int {
	c := 0
	for t := a; t < b && n > 0; t++ {
		if d.toks[t].Kind != text.Word {
			continue
		}
		n--
		w := d.word(t)
		if !allCapsWord(w) {
			if len(w) >= 3 {
				return -1
			}
			continue
		}
		c++
	}
	return c
}

// labelled reports whether unit u opens with a label: a colon among its
// first four tokens ("EDITORS: Corrects …", "Q: …").
func (d *doc) labelled(u unit) bool {
	for t := u.t0; t < u.t1 && t < u.t0+4; t++ {
		if d.word(t) == ":" {
			return true
		}
	}
	return false
}

// hansardLabel reads a speaker's label opening a unit at token s0 in the
// style of parliamentary records: an honorific and a name ("Mr Reid",
// "Mrs Fiona Dunbar"), or an office with the name in brackets ("The
// Minister for Marine Affairs (Mr Callum Reid)"), then bracketed
// constituency and party tags, then a colon. It returns the name's tokens
// (honorific included) and the colon.
func (d *doc) hansardLabel(u unit, s0 int) ([2]int, int, bool) {
	if s0 >= u.t1 || (s0 > 0 && !d.toks[s0].Break && s0 != u.t0) {
		return [2]int{}, 0, false
	}
	var name [2]int
	depth := 0
	for t := s0; t < u.t1 && t < s0+20; t++ {
		w := d.word(t)
		switch {
		case w == "(":
			depth++
		case w == ")":
			depth--
		case w == ":" && depth == 0:
			if name[1] > name[0] && t > s0 {
				return name, t, true
			}
			return [2]int{}, 0, false
		case d.toks[t].Kind == text.Word:
			lw := strings.TrimSuffix(d.lower(t), ".")
			if name[1] == 0 && hansardHonorifics[lw] && t+1 < u.t1 && isCap(d.word(t+1)) && d.toks[t+1].Kind == text.Word {
				e := t + 1
				for e < u.t1 && e < t+5 && d.toks[e].Kind == text.Word && isCap(d.word(e)) {
					e++
				}
				name = [2]int{t, e}
				t = e - 1
				continue
			}
			if !isCap(w) && !connectorWords[lw] {
				return [2]int{}, 0, false
			}
		case d.toks[t].Kind == text.Punct && (w == "," || w == "-" || w == "."):
		default:
			return [2]int{}, 0, false
		}
	}
	return [2]int{}, 0, false
}

// titledLabel reads a turn's label that opens a paragraph: title words,
// then a name of one to three capitalised words, then a colon, then the
// words spoken in mixed case ("Spokesperson Lin Hao: We will release
// information in due course."). It returns the label's tokens and its
// colon. A headline's "Minister Quits: …" has no name after the title; a
// kicker in capitals is left to the capitals' rules.
func (d *doc) titledLabel(u unit, s0 int) ([2]int, int, bool) {
	if s0 != u.t0 && !(s0 == u.t0+1 && listBullet(d.word(u.t0))) || (d.ui > 0 && d.unitList[d.ui-1].para == u.para) || allCapsWord(d.word(s0)) {
		return [2]int{}, 0, false
	}
	colon := false // a colon among the first words, before any lookup
	for t := s0 + 1; t < u.t1 && t <= s0+6; t++ {
		if d.toks[t].Kind == text.Punct && d.word(t) == ":" {
			colon = true
			break
		}
	}
	if !colon {
		return [2]int{}, 0, false
	}
	t := s0
	// "Kenyan President William Ruto:": a people's adjective before the
	// title
	if t+1 < u.t1 && actors.IsDemonym(d.word(t)) {
		t++
	}
	t1 := t
	for t < u.t1 && t < t1+3 && d.toks[t].Kind == text.Word && (actors.IsTitleWord(d.word(t)) || actors.IsRoleNoun(d.word(t))) && isCap(d.word(t)) && !actors.IsCapStop(d.word(t)) {
		t++
	}
	if t == t1 {
		return [2]int{}, 0, false
	}
	n0 := t
	for t < u.t1 && t < n0+3 && d.toks[t].Kind == text.Word && isCap(d.word(t)) && !actors.IsTitleWord(d.word(t)) {
		t++
	}
	if t == n0 || t+3 >= u.t1 || d.word(t) != ":" || allCapsWord(d.word(n0)) && len(d.word(n0)) > 1 && d.capsWords(t+1, u.t1, 6) >= 3 {
		return [2]int{}, 0, false
	}
	// The name must be a person's: one the mentions found.
	if m := d.mention[n0]; m < 0 || d.found[m].Type != article.Person {
		return [2]int{}, 0, false
	}
	return [2]int{s0, t}, t, true
}

// listBullet: the marks that open an item of a list.
func listBullet(w string) bool {
	switch w {
	case "-", "*", "•", "–", "—", "·", "‣", "▪", "►":
		return true
	}
	return false
}

var hansardHonorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "baroness": true,
}

var connectorWords = map[string]bool{"for": true, "of": true, "the": true, "and": true, "hon": true}

// qaTurns reports whether the text is an interview printed as questions
// and answers: at least one paragraph opens with "Q:" and two with "A:".
func (d *doc) qaTurns() bool {
	if d.qa != 0 {
		return d.qa > 0
	}
	d.qa = -1
	q, a := 0, 0
	for _, u := range d.unitList {
		if u.t0+1 < u.t1 && d.word(u.t0+1) == ":" {
			switch d.word(u.t0) {
			case "Q":
				q++
			case "A":
				a++
			}
		}
	}
	if q >= 1 && a >= 2 {
		d.qa = 1
	}
	return d.qa > 0
}

// intervieweeID is who answers the "A:" turns: the person the text names
// most often before its first question (the interview's introduction),
// -1 when it names none.
func (d *doc) intervieweeID() actors.ID {
	if d.interviewee != -2 {
		return d.interviewee
	}
	d.interviewee = -1
	first := len(d.body)
	for _, u := range d.unitList {
		if u.t0+1 < u.t1 && d.word(u.t0) == "Q" && d.word(u.t0+1) == ":" {
			first = u.span[0]
			break
		}
	}
	count := map[actors.ID]int{}
	for _, f := range d.found {
		if f.Span[0] >= first || f.ID < 0 || f.Type != article.Person {
			continue
		}
		count[f.ID]++
		if c := count[f.ID]; d.interviewee < 0 || c > count[d.interviewee] {
			d.interviewee = f.ID
		}
	}
	return d.interviewee
}

func allCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r >= 0x80 && unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 3
}

var furnitureLabels = map[string]bool{
	"update": true, "related": true, "note": true, "editor": true, "watch": true, "read": true,
	"photo": true, "video": true, "correction": true, "clarification": true, "breaking": true,
	"more": true, "source": true, "sources": true, "credit": true, "caption": true, "via": true,
	"tags": true, "topics": true, "share": true, "advertisement": true, "listen": true, "see": true,
	"editors": true, "editor's": true, "attention": true, "contact": true, "media": true, "notes": true,
}

// nested adds the attribution inside another statement's content: "Bloomberg
// reports that the nominee has lost ground, according to the Roper
// Center" also reports what the Roper Center found. Only "according to"
// phrases and verb cues whose subject is a named person or body count.
func (d *doc) nested(u unit, first cueHit, hits []cueHit) {
	if len(d.out) == 0 {
		return
	}
	outer := d.out[len(d.out)-1]
	for _, h := range hits {
		if h.t0 <= first.t1 || d.inQ[h.t0] {
			continue
		}
		p0 := d.toks[h.t0].Span[0]
		if p0 < outer.TextSpan[0] || p0 >= outer.TextSpan[1] {
			continue
		}
		switch h.kind {
		case 'a':
			if !d.hasMention(h.subj[0], h.subj[1]) {
				continue
			}
		case 'v':
			if h.class != speech {
				continue
			}
			// only a person's saying: "…, Smith said" inside the
			// content; countries and bodies in reported speech are
			// mostly its topic ("Russia would respond …").
			if !d.personBefore(u, h) {
				continue
			}
			if w := d.lower(h.t0); w != "said" && w != "says" && w != "say" && w != "told" && w != "tells" && w != "wrote" && w != "writes" {
				continue
			}
		default:
			continue
		}
		// The inner clause is analysed on the outer content.
		t0 := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Span[0] >= outer.TextSpan[0] })
		sub := unit{span: outer.TextSpan, t0: t0, t1: u.t1, para: u.para}
		for sub.t1 > sub.t0 && d.toks[sub.t1-1].Span[1] > outer.TextSpan[1] {
			sub.t1--
		}
		n := len(d.out)
		if d.tryCue(sub, h, hits) && len(d.out) > n {
			d.out[len(d.out)-1].Span = u.span
		}
		return
	}
}

// finalClause finds a speech verb that closes the unit after a comma and
// its subject: "…, a senior official said.", "…, Dubois said on Friday."
// Only when another cue precedes it (otherwise the usual order finds it
// anyway).
func (d *doc) finalClause(u unit, hits []cueHit) (cueHit, bool) {
	if len(hits) < 2 {
		return cueHit{}, false
	}
	h := hits[len(hits)-1]
	if h.kind != 'v' || h.class != speech || d.inQ[h.t0] || strings.HasSuffix(d.lower(h.t0), "ing") {
		return cueHit{}, false
	}
	// "China urged …, said Chinese Foreign Ministry spokesperson Wang
	// Lin at a regular press briefing.": the inverted clause closing the
	// unit, a speaker and an occasion after the verb.
	if h.t0-1 > u.t0 && d.word(h.t0-1) == "," && !d.inQ[h.t0-1] && invertingVerbs[d.lower(h.t0)] && h.t1 < u.t1 &&
		(isCap(d.word(h.t1)) || inLex(determinersLex, d.lower(h.t1))) {
		n := 0
		for t := h.t1; t < u.t1; t++ {
			if d.inQ[t] || d.toks[t].Kind == text.Quote || d.lower(t) == "that" {
				return cueHit{}, false
			}
			if d.toks[t].Kind == text.Word {
				n++
			}
		}
		if n <= 14 {
			return h, true
		}
		return cueHit{}, false
	}
	// after the verb: at most a short time phrase, then the end
	words := 0
	for t := h.t1; t < u.t1; t++ {
		tk := d.toks[t]
		if tk.Kind == text.Quote || d.inQ[t] {
			return cueHit{}, false
		}
		if tk.Kind == text.Punct {
			if w := d.word(t); w != "." && w != "!" {
				return cueHit{}, false
			}
			continue
		}
		if !d.timexAt(tk.Span[0]) {
			words++
		}
	}
	if words > 2 {
		return cueHit{}, false
	}
	k := d.skipBack(u, h.t0-1)
	if k < u.t0 || d.toks[k].Kind != text.Word || d.inQ[k] {
		return cueHit{}, false
	}
	s := d.npBack(u, k)
	if s > k || s-1 <= u.t0 || d.word(s-1) != "," {
		return cueHit{}, false
	}
	return h, true
}

// nestedBefore adds, inside the content of a closing reporting clause's
// statement, the statement of a named person or body whose own verb cue
// opens that content: "Smith said A, an aide said." gives the aide's
// statement and Smith's. Countries and bodies do not count (their
// "demanded"/"called" in reported speech is the topic, not a statement
// the report attributes), nor do nominal cues ("a U.S. demand").
func (d *doc) nestedBefore(u unit, final cueHit, hits []cueHit) {
	outer := d.out[len(d.out)-1]
	for _, h := range hits {
		if h.t0 >= final.t0 || h.kind != 'v' || h.class != speech || d.inQ[h.t0] {
			continue
		}
		if !d.personBefore(u, h) {
			continue
		}
		t1 := u.t1
		for t1 > u.t0 && d.toks[t1-1].Span[1] > outer.TextSpan[1] {
			t1--
		}
		sub := unit{span: article.Span{u.span[0], outer.TextSpan[1]}, t0: u.t0, t1: t1, para: u.para}
		n := len(d.out)
		if d.tryCue(sub, h, hits) && len(d.out) > n {
			for j := n; j < len(d.out); j++ {
				d.out[j].Span = u.span
			}
		}
		return
	}
}

// personBefore reports whether a person's name ends right before the
// verb cue h (auxiliaries and adverbs skipped): "Smith said", "Smith has
// also said".
func (d *doc) personBefore(u unit, h cueHit) bool {
	k := d.skipBack(u, h.t0-1)
	return k >= u.t0 && d.toks[k].Kind == text.Word && d.mention[k] >= 0 && d.found[d.mention[k]].Type == article.Person
}

// cutContent ends a statement's content at byte cut (where a second
// reporting clause begins), unless too little would be left.
func (d *doc) cutContent(st *article.Statement, cut int) {
	ct := trimContent(d.body, text.TrimSpan(d.body, article.Span{st.TextSpan[0], cut}))
	if ct[1]-ct[0] >= 8 {
		st.TextSpan = ct
		st.Text = d.body[ct[0]:ct[1]]
		st.Kind = kindOf(st.Text)
	}
}

// atEvent reports whether the reporting clause places the saying at an
// event ("emphasized at the meeting that", "said during the talks"): then
// the event's day is the day of saying, whoever the speaker.
func (d *doc) atEvent(h cueHit, c clause) bool {
	lo, hi := c.rep[0], c.rep[1]
	if h.t1+4 > hi {
		hi = h.t1 + 4
	}
	if hi > len(d.toks) {
		hi = len(d.toks)
	}
	at := func(t int) bool {
		switch d.lower(t) {
		case "at", "during":
			switch d.lower(t + 1) {
			case "the", "this", "that", "a":
				return true
			}
		}
		return false
	}
	for t := lo; t+1 < hi; t++ {
		if t < 0 || d.inQ[t] || (d.toks[t].Span[0] >= c.content[0] && d.toks[t].Span[1] <= c.content[1]) {
			continue
		}
		if at(t) {
			return true
		}
	}
	if h.t0 >= 0 && h.t0 < len(d.toks) && d.lower(h.t0) == "according" {
		// "According to the ministry, Russia stressed at the meeting
		// that …": the content opens with its own reporting clause.
		t := d.tokAt(c.content[0])
		for end := t + 8; t >= 0 && t+1 < len(d.toks) && t < end && !d.inQ[t]; t++ {
			if w := d.lower(t); w == "that" || w == "," {
				break
			}
			if at(t) {
				return true
			}
		}
	}
	return false
}

// relativeCue reports whether cue h opens a relative clause: "who said",
// "which has said".
func (d *doc) relativeCue(u unit, h cueHit) bool {
	t := h.t0 - 1
	switch d.lower(t) {
	case "has", "had", "have", "also", "once", "later":
		if t > u.t0 {
			t--
		}
	}
	if t < u.t0 || d.inQ[t] {
		return false
	}
	switch d.lower(t) {
	case "who", "which":
		return true
	}
	return false
}

// titleBody returns the organisation a title names before its title
// words: "Bank of Japan Governor" → "Bank of Japan", "OPEC President" →
// "OPEC", "Acme Corp Chairman" → "Acme Corp"; "" when what is left is
// no organisation ("Commerce Secretary", "Finance Minister").
func titleBody(title string) string {
	ws := strings.Fields(title)
	n := len(ws)
	for n > 0 && (actors.IsTitleWord(strings.ToLower(strings.TrimSuffix(ws[n-1], "."))) || actors.IsRoleNoun(strings.ToLower(ws[n-1]))) {
		n--
	}
	if n == 0 || n == len(ws) {
		return ""
	}
	for i := 0; i < n; i++ {
		if strings.EqualFold(ws[i], "former") || strings.EqualFold(ws[i], "acting") || (actors.IsCapStop(ws[i]) && i == 0) || strings.HasSuffix(ws[i], ".") {
			// a former office names no side; "U.S. But Commerce": a
			// sentence boundary, not a title
			return ""
		}
	}
	rest := strings.Join(ws[:n], " ")
	if c, kind, ok := actors.Place(rest); ok {
		if kind == article.Org {
			return c
		}
		return ""
	}
	org := false
	for _, w := range ws[:n] {
		if actors.IsOrgHead(w) || acronym(w) {
			org = true
		}
	}
	if !org {
		return ""
	}
	return rest
}

// acronym reports whether w is three or more capital letters ("OPEC").
func acronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
