package quotes

import (
	"strings"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// cueHit is a reporting cue found in a unit.
type cueHit struct {
	t0, t1 int // token range of the cue
	kind   byte // 'v' verb, 'a' according to, 'w' in his words/opinion, 'q' quoted X as saying
	class  cueClass
	subj   [2]int // for 'a','w','q': the speaker tokens
}

// findCues lists the cues of a unit outside quotes, in order.
func (d *doc) findCues(u unit) []cueHit {
	var hits []cueHit
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
		case "quoted":
			// "the ministry's statement quoted X as saying".
			for k := i + 1; k+1 < u.t1 && k < i+10; k++ {
				if d.lower(k) == "as" && d.lower(k+1) == "saying" {
					if k > i+1 {
						hits = append(hits, cueHit{t0: i, t1: k + 2, kind: 'q', class: speech, subj: [2]int{i + 1, k}})
					}
					break
				}
			}
			continue
		}
		cs, ok := verbForms[w]
		if !ok || isCap(d.word(i)) {
			// Reporting verbs are lower case mid-sentence; "United
			// States" is not a verb.
			continue
		}
		// After a possessive the word is a noun or an adjective: "the
		// West's written response", "Trump's claims".
		if i > u.t0 && d.toks[i-1].Kind == text.Possessive {
			continue
		}
		for _, c := range cs {
			t1 := i + 1
			if c.particle != "" {
				if i+1 >= u.t1 || d.lower(i+1) != c.particle {
					continue
				}
				t1 = i + 2
			}
			if c.class == opinion && !d.a.opinion {
				continue
			}
			if c.ambig && !d.verbContext(u, i, t1) {
				continue
			}
			// A verb right after a determiner is a noun: "the report".
			if i > u.t0 && determiners[d.lower(i-1)] {
				continue
			}
			hits = append(hits, cueHit{t0: i, t1: t1, kind: 'v', class: c.class})
			break
		}
	}
	return hits
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
		if d.mention[t0-1] >= 0 {
			return true
		}
	}
	return false
}

// analyzeUnit finds at most a few statements in one unit.
func (d *doc) analyzeUnit(u unit) {
	hits := d.findCues(u)
	if len(hits) == 0 {
		d.quoteNoCue(u)
		return
	}
	// Try speech cues first, then opinion cues, in text order.
	for pass := 0; pass < 2; pass++ {
		for _, h := range hits {
			if (pass == 0) != (h.class == speech) {
				continue
			}
			if d.tryCue(u, h, hits) {
				d.secondClause(u, h, hits)
				return
			}
		}
	}
	d.quoteNoCue(u)
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
		if !d.hasMention(s, k+1) {
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
		last := &d.out[n-1]
		ct := trimContent(d.body, text.TrimSpan(d.body, article.Span{last.TextSpan[0], cut}))
		if ct[1]-ct[0] >= 8 {
			last.TextSpan = ct
			last.Text = d.body[ct[0]:ct[1]]
			last.Kind = kindOf(last.Text)
		}
		return
	}
}

func (d *doc) hasMention(a, b int) bool {
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			return true
		}
	}
	return false
}

// quoteNoCue handles a unit with a quotation but no reporting cue: a quote
// signed with a dash ("“…” ― Jane Doe"), or a quotation in a sentence that
// names its speaker elsewhere, taken as the latest speaker's.
func (d *doc) quoteNoCue(u unit) {
	quoted, words := 0, 0
	firstQ, lastQ := -1, -1
	for t := u.t0; t < u.t1; t++ {
		if d.toks[t].Kind == text.Quote {
			if firstQ < 0 {
				firstQ = t
			}
			lastQ = t
		}
		if d.toks[t].Kind == text.Word {
			words++
			if d.inQ[t] {
				quoted++
			}
		}
	}
	if firstQ < 0 || quoted < 3 {
		return
	}
	// Dash signature after the closing quote.
	if lastQ+1 < u.t1 {
		dash := d.word(lastQ + 1)
		if dash == "―" || dash == "—" || dash == "–" || dash == "-" {
			s0 := lastQ + 2
			s1 := s0
			for s1 < u.t1 && (d.toks[s1].Kind == text.Word || d.word(s1) == "-") {
				s1++
			}
			if s1 > s0 {
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
	if !d.a.quoteFallback {
		return
	}
	// A substantial quotation: its speaker is a person named in the unit
	// outside the quote, else the latest speaker.
	id := actors.ID(-1)
	var subj [2]int
	for t := u.t0; t < u.t1; t++ {
		if d.inQ[t] {
			continue
		}
		if m := d.mention[t]; m >= 0 && d.found[m].Type == article.Person {
			id = d.found[m].ID
			subj = [2]int{d.found[m].Tok0, d.found[m].Tok1}
		}
	}
	if id < 0 {
		if quoted*10 < words*6 {
			return
		}
		id = d.lastSpeaker
	}
	if id < 0 {
		return
	}
	d.remember(id)
	sp := d.book.Actor(id)
	d.emit(u, sp, sp.Name, u.span, article.Span{}, subj)
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
	if v, ok := d.lastDate[key]; ok && key != "" {
		st.Date = v
	} else {
		st.Date = d.defaultDate
	}
	d.out = append(d.out, st)
	d.outKey = append(d.outKey, key)
}

// clause is the parse of one reporting clause.
type clause struct {
	subj    [2]int       // speaker tokens
	content article.Span // content bytes
	rep     [2]int       // token range of the reporting clause (for dating)
	// content2 is a second part of the content after an interrupting
	// reporting clause ("A, he said, B"); zero when none.
	content2 article.Span
}

func (d *doc) tryCue(u unit, h cueHit, hits []cueHit) bool {
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
	if c.content[0] < u.span[0] || c.content[1] > u.span[1] || c.content[0] >= c.content[1] {
		return false
	}
	c.content = text.TrimSpan(d.body, c.content)
	c.content = trimContent(d.body, c.content)
	if c.content[1]-c.content[0] < 8 {
		return false
	}
	if !d.plausibleSpeaker(c.subj) {
		return false
	}
	sp, key, surf := d.resolve(c.subj, u)
	if sp.Name == "" {
		return false
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
	st.Date = d.date(u, h, c, key)
	d.out = append(d.out, st)
	d.outKey = append(d.outKey, key)
	// "…, Grushko said, adding that …": a second statement of the same
	// speaker after a participle cue.
	for _, h2 := range hits {
		if h2.t0 <= h.t1 || h2.kind != 'v' || d.inQ[h2.t0] {
			continue
		}
		w := d.lower(h2.t0)
		if !strings.HasSuffix(w, "ing") || h2.t0 == 0 || d.word(h2.t0-1) != "," {
			continue
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
		st2.Cue = d.body[d.toks[h2.t0].Span[0]:d.toks[h2.t1-1].Span[1]]
		st2.CueSpan = article.Span{d.toks[h2.t0].Span[0], d.toks[h2.t1-1].Span[1]}
		st2.TextSpan = ct
		st2.Text = d.body[ct[0]:ct[1]]
		st2.Kind = kindOf(st2.Text)
		d.out = append(d.out, st2)
		d.outKey = append(d.outKey, key)
		// The first statement's content stops before the participle.
		if c.content[1] > d.toks[h2.t0].Span[0] {
			last := &d.out[len(d.out)-2]
			ct1 := trimContent(d.body, text.TrimSpan(d.body, article.Span{c.content[0], d.toks[h2.t0-1].Span[0]}))
			if ct1[1]-ct1[0] >= 8 {
				last.TextSpan = ct1
				last.Text = d.body[ct1[0]:ct1[1]]
				last.Kind = kindOf(last.Text)
			}
		}
		break
	}
	return true
}

// kindOf classifies content: all quoted → direct; some quoted → mixed.
func kindOf(s string) bool2 {
	q := strings.Count(s, "''")
	for _, r := range s {
		if text.IsDoubleQuote(r) {
			q++
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

type bool2 = string

func firstLast(s string) (rune, rune) {
	s = strings.TrimRight(s, ".,;: ")
	var f, l rune
	for _, r := range s {
		if f == 0 {
			f = r
		}
		l = r
	}
	return f, l
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
		case strings.HasPrefix(s, ":") || strings.HasPrefix(s, ",") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "-"):
			if strings.HasPrefix(s, "—") {
				sp[0] += len("—")
			} else {
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

// parsePhrase handles "according to X, …", "…, according to X", "in his
// words, …".
func (d *doc) parsePhrase(u unit, h cueHit) (clause, bool) {
	c := clause{subj: h.subj}
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
	c.rep = [2]int{h.t0, h.subj[1]}
	return c, true
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

// skipBack skips auxiliaries and adverbs before a verb.
func (d *doc) skipBack(u unit, k int) int {
	for k >= u.t0 && !d.inQ[k] {
		t := d.toks[k]
		if t.Kind == text.Punct && d.word(k) == ")" {
			if j := d.skipParen(u, k); j != k {
				k = j
				continue
			}
		}
		if t.Kind == text.Word && (betweenSubjVerb[d.lower(k)] || isAdverb(d.word(k)) || isNegAux(d.lower(k))) {
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
		break
	}
	return k
}

// timexAt reports whether byte offset p lies in a time expression.
func (d *doc) timexAt(p int) bool {
	for _, tx := range d.timexes {
		if tx.Span[0] > p {
			break
		}
		if p < tx.Span[1] {
			return true
		}
	}
	return false
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
			if (w == "for" || w == "on" || w == "at" || w == "from") && j > u.t0 && d.toks[j-1].Kind == text.Word && j < k {
				pw := strings.TrimSuffix(d.lower(j-1), "s")
				if speakerNouns[pw] || speakerNouns[d.lower(j-1)] {
					j--
					n++
					continue
				}
			}
			if npStop[w] && !(capped && d.mention[j] >= 0) {
				return j + 1
			}
			if determiners[w] {
				// "the head of the Russian state": go on across "of".
				if j-2 >= u.t0 && d.lower(j-1) == "of" && d.toks[j-2].Kind == text.Word && !npStop[d.lower(j-2)] && !d.inQ[j-2] {
					j -= 2
					n += 2
					continue
				}
				return j
			}
		case text.Possessive, text.Number:
		case text.Punct:
			w := d.word(j)
			if w != "-" && w != "&" {
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
			if j > k && (npStop[w] || w == "that") && !(isCap(d.word(j)) && d.mention[j] >= 0) {
				break
			}
			if d.timexAt(t.Span[0]) {
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
		for afterStart < u.t1 && !d.inQ[afterStart] && d.toks[afterStart].Kind == text.Word &&
			d.lower(afterStart) != "that" && afterStart-h.t1 < 6 {
			afterStart++
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
	for afterStart < u.t1 && d.timexAt(d.toks[afterStart].Span[0]) {
		afterStart++
	}
	if afterStart < u.t1 && d.lower(afterStart) == "that" {
		afterStart++
	}
	// Verbs whose content is their object, not a clause ("expressed its
	// dissatisfaction", "called on NATO to …"): the content keeps the verb
	// and the auxiliaries before it.
	if npObjectVerbs[w0] && afterStart < u.t1 && d.lower(afterStart) != "that" && d.toks[afterStart].Kind != text.Quote {
		afterStart = k + 1
	}
	after := func() article.Span {
		if afterStart >= u.t1 {
			return article.Span{u.span[1], u.span[1]}
		}
		return article.Span{d.toks[afterStart].Span[0], u.span[1]}
	}
	// sides decides where the content is once the subject is known to
	// start at token s.
	sides := func(s int) {
		c.content = after()
		if s <= u.t0 {
			return
		}
		p := d.toks[s-1]
		pw := p.Text(d.body)
		if !(pw == "," || p.Kind == text.Quote || pw == "—" || pw == ":") {
			if c.content.Len() == 0 {
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
		afterQuoted := afterStart+1 < u.t1 && (d.toks[afterStart].Kind == text.Quote || d.toks[afterStart+1].Kind == text.Quote)
		if h.t1 < u.t1 && d.word(h.t1) == "," && d.words(a) >= 3 && !(afterStart < u.t1 && ppWords[d.lower(afterStart)]) && (afterQuoted || !beforeQuoted) {
			nt := h.t1 + 1
			participle := nt < u.t1 && strings.HasSuffix(d.lower(nt), "ing") && verbForms[d.lower(nt)] != nil
			if !participle {
				c.content = before
				c.content2 = a
				c.rep[1] = h.t1
				return
			}
		}
		ppAfter := afterStart < u.t1 && ppWords[d.lower(afterStart)]
		if restTokens <= 4 || ppAfter || d.words(before) >= 2*d.words(a) {
			c.content = before
			c.rep[1] = u.t1
		}
	}
	// A participle without an auxiliary ("…, saying that …", "Speaking
	// to reporters, X said") reports for the main clause's subject: the
	// first name or pronoun of the unit.
	if strings.HasSuffix(w0, "ing") && !(k >= u.t0 && d.toks[k].Kind == text.Word && (d.lower(k) == "is" || d.lower(k) == "was" || d.lower(k) == "are" || d.lower(k) == "were" || d.lower(k) == "been")) &&
		!(k >= u.t0 && d.toks[k].Kind == text.Possessive) {
		if k < u.t0 || d.word(k) != "," {
			return c, false
		}
		s0 := -1
		for t := u.t0; t < k; t++ {
			if d.inQ[t] {
				continue
			}
			if d.mention[t] >= 0 && d.found[d.mention[t]].ID >= 0 {
				f := d.found[d.mention[t]]
				s0 = t
				c.subj = [2]int{f.Tok0, f.Tok1}
				break
			}
			if _, ok := pronouns[d.lower(t)]; ok && d.toks[t].Kind == text.Word {
				s0 = t
				c.subj = [2]int{t, t + 1}
				break
			}
		}
		if s0 < 0 {
			return c, false
		}
		c.content = after()
		c.rep = [2]int{h.t0, h.t1}
		return c, true
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
		for t := u.t0; t < k && t < u.t0+8; t++ {
			if d.inQ[t] {
				continue
			}
			if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 && d.found[m].Type != article.Other {
				f := d.found[m]
				if f.Tok1 < u.t1 && d.toks[f.Tok1].Kind == text.Possessive {
					break
				}
				c.subj = [2]int{f.Tok0, f.Tok1}
				c.content = after()
				c.rep = [2]int{h.t0, h.t1}
				return c, true
			}
			if _, ok := pronouns[d.lower(t)]; ok && t == u.t0 {
				c.subj = [2]int{t, t + 1}
				c.content = after()
				c.rep = [2]int{h.t0, h.t1}
				return c, true
			}
		}
		return c, false
	}
	switch {
	case kt.Kind == text.Word && !d.inQ[k]:
		s := d.npBack(u, k)
		// A pronoun is a whole subject: "the target it pledged".
		if _, ok := pronouns[d.lower(k)]; ok && d.lower(k) != "her" && d.lower(k) != "his" && d.lower(k) != "its" && d.lower(k) != "their" {
			s = k
		}
		if s > k {
			return c, false
		}
		c.subj = [2]int{s, k + 1}
		c.rep = [2]int{s, h.t1}
		sides(s)
		return c, true
	case kt.Kind == text.Quote || kt.Text(d.body) == "," || (kt.Kind == text.Word && d.inQ[k]):
		// Inverted: "…,” said Ryabkov." / "…, says the diplomat."
		if h.t1 < u.t1 {
			e := d.npForward(u, h.t1)
			// "said one source on the panel": a trailing prepositional
			// phrase up to the end of the clause.
			if e > h.t1 && e < u.t1 && d.toks[e].Kind == text.Word && invertedPP[d.lower(e)] {
				f := e
				for f < u.t1 && d.toks[f].Kind != text.Punct && d.toks[f].Kind != text.Quote && f-e < 8 {
					f++
				}
				if f >= u.t1 || d.toks[f].Kind == text.Punct {
					e = f
				}
			}
			if e > h.t1 && e-h.t1 <= 7 && (e >= u.t1 || d.toks[e].Kind == text.Punct) && d.namelike(h.t1, e) {
				c.subj = [2]int{h.t1, e}
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
			for m >= u.t0 && !d.inQ[m] && d.word(m) != "," && k-m < 25 {
				m--
			}
			if m >= u.t0 && !d.inQ[m] && d.word(m) == "," {
				app0, app1 := m+1, k
				hk := d.skipParen(u, m-1)
				hs := d.npBack(u, hk)
				if hs <= hk {
					subj := [2]int{hs, hk + 1}
					// Prefer the part that names a person.
					if d.hasPerson(app0, app1) && !d.hasPerson(hs, hk+1) {
						subj = [2]int{app0, app1}
					}
					c.subj = subj
					c.rep = [2]int{hs, h.t1}
					sides(hs)
					return c, true
				}
			}
		}
	}
	return c, false
}

// skipParen steps back over a parenthesised group ending at k: "Sen.
// David Perdue (R-Ga.) said".
func (d *doc) skipParen(u unit, k int) int {
	if k < u.t0 || d.word(k) != ")" {
		return k
	}
	for j := k - 1; j >= u.t0 && k-j < 12; j-- {
		if d.word(j) == "(" {
			return j - 1
		}
	}
	return k
}

// namelike reports whether tokens [a,b) after an inverted verb can be its
// subject: no possessives, no clause words, a name or a speaker noun.
func (d *doc) namelike(a, b int) bool {
	for t := a; t < b; t++ {
		if d.toks[t].Kind == text.Possessive {
			return false
		}
	}
	return d.plausibleSpeaker([2]int{a, b})
}

func (d *doc) hasPerson(a, b int) bool {
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].Type == article.Person {
			return true
		}
	}
	return false
}

// resolve turns subject tokens into a speaker. It returns the speaker, a
// key identifying it for dating, and the surface name used.
func (d *doc) resolve(subj [2]int, u unit) (article.Actor, string, string) {
	a, b := subj[0], subj[1]
	if b <= a {
		return article.Actor{}, "", ""
	}
	pos := d.toks[a].Span[0]
	// A name in the phrase: the last mention that ends the phrase or is
	// followed only by lower-case role words after a comma.
	best := -1
	for t := b - 1; t >= a; t-- {
		if m := d.mention[t]; m >= 0 {
			f := d.found[m]
			if f.ID < 0 {
				continue
			}
			// "Trump's campaign manager": a possessive name modifies the
			// head; it is not the speaker.
			if f.Tok1 < b && d.toks[f.Tok1].Kind == text.Possessive {
				continue
			}
			best = m
			break
		}
	}
	if best >= 0 {
		f := d.found[best]
		// The phrase must end with the name, or with a title apposition.
		if f.Tok1 >= b || !d.lowerTail(f.Tok1, b) {
			id := f.ID
			d.remember(id)
			act := d.book.Actor(id)
			surf := d.body[d.toks[f.NameTok0].Span[0]:f.Span[1]]
			return act, act.Name, surf
		}
	}
	words := make([]string, 0, b-a)
	for t := a; t < b; t++ {
		if d.toks[t].Kind == text.Word {
			words = append(words, d.word(t))
		}
	}
	if len(words) == 0 {
		return article.Actor{}, "", ""
	}
	lw := strings.ToLower(words[len(words)-1])
	if len(words) == 1 {
		switch pronouns[lw] {
		case "m", "f":
			id := d.lastPerson
			if id < 0 {
				id = d.recent(pos, article.Person)
			}
			if id >= 0 {
				d.remember(id)
				a := d.book.Actor(id)
				return a, a.Name, ""
			}
			return article.Actor{Name: words[0]}, "", ""
		case "p", "n", "w":
			id := d.lastSpeaker
			if id < 0 {
				id = d.recent(pos, "")
			}
			if id >= 0 {
				d.remember(id)
				a := d.book.Actor(id)
				return a, a.Name, ""
			}
			return article.Actor{Name: words[0]}, "", ""
		case "i", "y":
			return article.Actor{}, "", ""
		}
		// A capitalised single word: a place, a body or a surname.
		if c, k, ok := actors.Place(words[0]); ok {
			id := d.book.Body(c, k, "", words[0], pos)
			d.remember(id)
			return d.book.Actor(id), c, words[0]
		}
	}
	// Role nouns: "the senior diplomat", "the Russian deputy foreign
	// minister" → the actor holding that role.
	if actors.IsRoleNoun(lw) {
		if id, ok := d.book.ByRole(words, pos); ok {
			d.remember(id)
			a := d.book.Actor(id)
			return a, a.Name, ""
		}
	}
	// "the ministry", "the alliance": the latest organisation whose name
	// has that head.
	if len(words) <= 4 && (actors.IsOrgHead(lw) || lw == "alliance" || lw == "bloc") {
		for i := len(d.found) - 1; i >= 0; i-- {
			f := d.found[i]
			if f.Span[0] >= pos || f.ID < 0 || d.book.Kind(f.ID) == article.Person {
				continue
			}
			n := strings.ToLower(d.book.Actor(f.ID).Name)
			if strings.Contains(n, lw) || ((lw == "alliance" || lw == "bloc") && n == "nato") {
				d.remember(f.ID)
				a := d.book.Actor(f.ID)
				return a, a.Name, ""
			}
		}
	}
	name := strings.Join(words, " ")
	return article.Actor{Name: name}, strings.ToLower(name), ""
}

// lowerTail reports whether tokens [a,b) are all lower-case words (a
// role noun after a name would make the name a modifier).
func (d *doc) lowerTail(a, b int) bool {
	for t := a; t < b; t++ {
		if d.toks[t].Kind == text.Word && !isCap(d.word(t)) {
			return true
		}
	}
	return false
}

func (d *doc) remember(id actors.ID) {
	if id < 0 {
		return
	}
	d.lastSpeaker = id
	if d.book.Kind(id) == article.Person {
		d.lastPerson = id
	}
}

// recent returns the latest actor of a kind ("" any) mentioned before pos.
func (d *doc) recent(pos int, kind string) actors.ID {
	for i := len(d.found) - 1; i >= 0; i-- {
		f := d.found[i]
		if f.Span[0] >= pos || f.ID < 0 {
			continue
		}
		if kind == "" || d.book.Kind(f.ID) == kind {
			return f.ID
		}
	}
	return -1
}

// date decides the statement's date (see the package documentation).
func (d *doc) date(u unit, h cueHit, c clause, key string) string {
	// A time expression in the reporting clause, or within three tokens
	// after the cue, governs the verb.
	for _, tx := range d.timexes {
		if tx.Span[0] < u.span[0] || tx.Span[1] > u.span[1] {
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
		// publication date, not the date of the event reported.
		if tx.Span[0] < lead0+40 {
			continue
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
}

// words counts the words in a span.
func (d *doc) words(sp article.Span) int {
	if sp[1] <= sp[0] {
		return 0
	}
	return len(strings.Fields(d.body[sp[0]:sp[1]]))
}

// speakerNouns are common nouns that can head the subject of a reporting
// verb: people, groups, institutions and documents that "say" things.
// A subject whose head is none of these (nor a name, pronoun, role or
// agent noun) is most likely a mis-parse: "this fall said" is not a speaker.
var speakerNouns = map[string]bool{
	"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true,
	"source": true, "expert": true, "critic": true, "people": true, "person": true, "man": true,
	"woman": true, "men": true, "women": true, "lawmaker": true, "leader": true, "member": true,
	"candidate": true, "nominee": true, "campaign": true, "poll": true, "survey": true, "study": true,
	"report": true, "statement": true, "letter": true, "document": true, "data": true, "research": true,
	"authorities": true, "police": true, "lawyer": true, "attorney": true, "judge": true, "court": true,
	"group": true, "organization": true, "committee": true, "agency": true, "department": true,
	"administration": true, "government": true, "company": true, "firm": true, "ministry": true,
	"diplomat": true, "minister": true, "president": true, "chief": true, "head": true, "side": true,
	"democrats": true, "republicans": true, "democrat": true, "republican": true, "staff": true,
	"team": true, "analysis": true, "audit": true, "review": true, "memo": true, "filing": true,
	"lawsuit": true, "complaint": true, "ruling": true, "decision": true, "bill": true, "law": true,
	"article": true, "story": true, "post": true, "tweet": true, "ad": true, "video": true, "book": true,
	"website": true, "site": true, "paper": true, "newspaper": true, "outlet": true, "network": true,
	"media": true, "press": true, "friend": true, "family": true, "wife": true, "husband": true,
	"son": true, "daughter": true, "mother": true, "father": true, "child": true, "children": true,
	"student": true, "parent": true, "doctor": true, "physician": true, "nurse": true, "colleague": true,
	"ally": true, "allies": true, "opponent": true, "rival": true, "camp": true, "party": true,
	"alliance": true, "bloc": true, "country": true, "nation": true, "state": true, "city": true,
	"kremlin": true, "pentagon": true, "agencies": true, "guy": true, "folks": true, "everyone": true,
	"everybody": true, "someone": true, "somebody": true, "nobody": true, "others": true, "many": true,
	"some": true, "most": true, "both": true, "few": true, "all": true, "one": true, "two": true,
	"public": true, "americans": true, "citizens": true, "community": true, "union": true,
	"association": true, "foundation": true, "institute": true, "center": true, "council": true,
	"commission": true, "board": true, "office": true, "bureau": true, "service": true, "army": true,
	"military": true, "coalition": true, "movement": true, "church": true, "school": true,
	"university": true, "college": true, "panel": true, "jury": true, "fbi": true, "cia": true,
	"majority": true, "minority": true, "percent": true, "respondents": true, "participants": true,
	"victim": true, "witness": true, "neighbor": true, "owner": true, "executive": true, "ceo": true,
	"chairman": true, "chairwoman": true, "director": true, "secretary": true, "ambassador": true,
	"envoy": true, "governor": true, "senator": true, "mayor": true, "congressman": true,
	"congresswoman": true, "representative": true, "sheriff": true, "chancellor": true, "king": true,
	"queen": true, "prince": true, "general": true, "colonel": true, "officer": true, "soldier": true,
	"veteran": true, "activist": true, "protester": true, "organizer": true, "host": true, "anchor": true,
	"moderator": true, "correspondent": true, "columnist": true, "editor": true, "author": true,
	"writer": true, "scholar": true, "professor": true, "scientist": true, "economist": true,
	"historian": true, "analyst": true, "strategist": true, "consultant": true, "pollster": true,
	"adviser": true, "advisor": true, "counsel": true, "prosecutor": true, "investigator": true,
	"regulator": true, "economy": false, "numbers": true, "figures": true, "estimates": true,
	"projections": true, "findings": true, "results": true, "records": true, "documents": true,
	"emails": true, "e-mails": true, "messages": true, "tweets": true, "posts": true, "reports": true,
	"statements": true, "polls": true, "surveys": true, "studies": true, "campaigns": true,
	"slide": true, "chart": true, "graphic": true, "page": true, "map": true, "analyses": true,
	"widow": true, "mom": true, "dad": true, "teacher": true, "worker": true, "resident": true,
}

// invertedPP may follow the subject of an inverted verb: "said one
// source on the panel", "said a spokesman for the ministry".
var invertedPP = map[string]bool{
	"on": true, "for": true, "of": true, "at": true, "in": true, "with": true, "from": true,
}

// plausibleSpeaker accepts subjects that name someone: a name or other
// capitalised word, a pronoun, or a common noun that can head a speaker
// (see speakerNouns; plurals and agent nouns in -er, -or, -ist, -ian,
// -ant, -ent count too).
func (d *doc) plausibleSpeaker(subj [2]int) bool {
	a, b := subj[0], subj[1]
	if b <= a {
		return false
	}
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			return true
		}
	}
	// the head: last word of the phrase (before "of" if any)
	h := b - 1
	for t := a; t < b; t++ {
		if d.lower(t) == "of" && t > a {
			h = t - 1
			break
		}
	}
	for h > a && d.toks[h].Kind != text.Word {
		h--
	}
	w := d.word(h)
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if _, ok := pronouns[lw]; ok {
		return true
	}
	if isCap(w) {
		return true
	}
	if speakerNouns[lw] || actors.IsRoleNoun(lw) || actors.IsTitleWord(lw) {
		return true
	}
	sg := strings.TrimSuffix(lw, "s")
	if speakerNouns[sg] || actors.IsRoleNoun(sg) {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "ers", "ors", "ists", "ians", "ants", "ents", "ees"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+3 {
			return true
		}
	}
	return false
}
