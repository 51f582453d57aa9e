package dossier

import (
	"context"
	"log/slog"
	"slices"
	"sync"

	"github.com/parley-news/parley/internal/article"
)

// Stance is a party's attitude to an issue's proposition.
type Stance string

// Stances.
const (
	For         Stance = "for"
	Against     Stance = "against"
	Counter     Stance = "counter"     // a different offer on the same issue
	Conditional Stance = "conditional" // for, on a condition
	Unclear     Stance = "unclear"
)

// Utterance is what Classify reads of a statement.
type Utterance struct {
	Text        string
	Speaker     string
	Title       string
	Affiliation string
	// Party is the speaker's party when it is known from elsewhere (the
	// same person's other statements); used when the fields above name none.
	Party string
}

// Link is one issue a statement speaks to and the stance it gives to one
// holder. The holder is not always the speaker: "Lavrov said the US had
// avoided discussing X" gives the United States' stance (against X),
// reported by Lavrov, whose side (Russia) is for X — two links.
type Link struct {
	// Issue is the issue id.
	Issue string `json:"issue"`
	// Party is the holder's party (a dossier party name).
	Party  string `json:"party"`
	Stance Stance `json:"stance"`
	// Reported is true when the holder is not the speaker's side: the
	// speaker reports someone else's stance.
	Reported bool `json:"reported,omitempty"`
	// Derived is true when the stance is inferred for the speaker's side
	// from what it reports of another ("they ignored our proposal to X").
	Derived bool `json:"derived,omitempty"`
	// Phrase is the dossier phrase found, Side its side.
	Phrase string `json:"phrase"`
	Side   string `json:"side"`
	// Cue is the family of the words that decided the stance.
	Cue string `json:"cue"`
	// Span locates the phrase in Utterance.Text (byte offsets, half-open).
	Span article.Span `json:"span"`
}

// Classifier links statements to a dossier's issues.
// It is safe for concurrent use.
type Classifier struct {
	d   *Dossier
	log *slog.Logger
}

// NewClassifier returns a classifier for d; log may be nil.
func NewClassifier(d *Dossier, log *slog.Logger) *Classifier {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Classifier{d: d, log: log}
}

// speakerSide stands for "the speaker's side" until the speaker's party is known.
const speakerSide = -3

// subject kinds.
const (
	subjEmpty   = iota // no content words before the cue
	subjParty          // a party is named
	subjPronoun        // a pronoun or "his country": the speaker's side
	subjUnknown        // a noun phrase that is no party ("the West", "the plan")
)

// Classify returns the links of one statement: for each issue it speaks to
// (the earliest phrase of the issue), the holder's stance and, when the
// statement reports another side dodging the issue, the stance of the
// speaker's side. Links whose holder is no party are left out.
func (c *Classifier) Classify(u Utterance) []Link {
	if c == nil || c.d == nil || len(c.d.Issues) == 0 || u.Text == "" {
		return nil
	}
	d := c.d
	buf := bufPool.Get().(*buffers)
	defer bufPool.Put(buf)
	buf.toks = tokenize(u.Text, buf.toks)
	buf.matches = d.findPhrases(buf.toks, buf.matches)
	toks, matches := buf.toks, buf.matches
	if len(matches) == 0 {
		return nil
	}
	speaker := d.PartyOf(u.Speaker, u.Title, u.Affiliation)
	if speaker < 0 && u.Party != "" {
		speaker = d.PartyIndex(u.Party)
	}
	// Every phrase is read; per issue and holder the earliest decides.
	var links []Link
	for mi := range matches {
		links = c.classifyMatch(toks, matches, mi, speaker, links)
	}
	out := make([]Link, 0, len(links))
	for i, l := range links {
		dup := false
		for _, o := range links[:i] {
			if o.Issue == l.Issue && o.Party == l.Party {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, l)
		}
	}
	return out
}

// buffers are the scratch slices of one Classify call, pooled.
type buffers struct {
	toks    []token
	matches []phraseMatch
}

var bufPool = sync.Pool{New: func() any { return &buffers{toks: make([]token, 0, 128)} }}

// frame is what governs one phrase: the cue, its position and its holder.
type frame struct {
	fam         family
	at, end     int // the cue's tokens
	after       bool
	holder      int
	also        []int // further holders coordinated with holder
	subjectKind int
	sayHolder   int
}

func (c *Classifier) classifyMatch(toks []token, matches []phraseMatch, mi int, speaker int, links []Link) []Link {
	d := c.d
	m := matches[mi]
	s0 := m.from
	for s0 > 0 && toks[s0].punct != '.' {
		s0--
	}
	s1 := m.to
	for s1 < len(toks) && toks[s1].punct != '.' {
		s1++
	}
	f := c.findFrame(toks, s0, s1, m, speaker)
	side := 0
	switch m.side {
	case SideFor:
		side = 1
	case SideAgainst:
		side = -1
	}
	// A plain negator just before the phrase turns it ("would not lift the
	// tariffs"); the cue's own negation is part of the cue.
	lo := m.from - 3
	if f.fam != famNone && !f.after && lo < f.end {
		lo = f.end
	}
	if lo < s0 {
		lo = s0
	}
	if f.after {
		lo = m.from // the negation belongs to the cue after ("neither X nor Y is mentioned")
	}
	for k := lo; k < m.from; k++ {
		if fam, e := matchCue(toks, k); fam != famNone && e > k+1 {
			// The negation of an embedded cue ("it will not allow its
			// open door ...") is the cue's, not the phrase's.
			k = e - 1
			continue
		}
		if plainNegators[toks[k].low] || reversers[toks[k].low] || givesUp(toks, k) {
			side = -side
		}
	}
	// A reversing passive after the phrase: "its open door policy to be
	// slammed shut", "the dam should be scrapped".
	if postReversed(toks, m.to, s1) {
		side = -side
	}
	// A denied cue ("does not want", "did not propose").
	if f.fam != famNone && !f.after && f.fam != famReject && f.fam != famEvade {
		for k := f.at - 2; k < f.at; k++ {
			if k >= s0 && plainNegators[toks[k].low] {
				side = -side
			}
		}
	}
	cond := hasCondition(toks, s0, s1)
	// A phrase inside the condition ("provided that Washington lifted the
	// tariffs") is what the holder asks for, not what it offers.
	condFrom := s0
	if f.fam != famNone && !f.after {
		condFrom = f.end
	}
	inCond := hasCondition(toks, condFrom, m.from)
	holder := f.holder
	if holder == speakerSide {
		holder = speaker
	}
	if f.fam == famNone && speaker >= 0 && holder >= 0 && holder != speaker {
		// No cue, another party as subject: a report of what it did
		// ("Freedonia has built monitoring stations"), not a stance.
		holder = -1
	}
	var st Stance
	derived := Unclear
	switch f.fam {
	case famReject:
		st = sign(-side, Against)
		if side > 0 && between(toks, f.end, m.from, versionNouns) {
			// "could not accept NATO's approach to the principle": the
			// holder disputes a reading, not the principle.
			st = For
		}
		if !f.after && rejectAfter(toks, m.to, s1) {
			// "Freedonia's refusal to halt the dam is unacceptable": the
			// refusal is the owner's, the speaker's side rejects it.
			derived = sign(side, Unclear)
		}
	case famEvade:
		switch {
		case side > 0:
			st = Against
		case side < 0:
			st = Unclear
		default:
			st = Against
		}
		if side > 0 {
			// Only a dodged proposition is wanted by whoever reports the
			// dodging; a dodged counter-position says nothing of the reporter.
			derived = For
		}
	case famOffer, famSupport, famCommit:
		if inCond {
			st = sign(side, For)
			break
		}
		if f.fam != famOffer {
			st = sign(side, unclearUnless(f.fam == famSupport))
			if cond && st == For {
				st = Conditional
			}
			break
		}
		st = sign(side, For)
		if st == For && (between(toks, s0, s1, counterMarkers) || otherIssueFirst(matches, mi, s0)) {
			st = Counter
		}
		if cond && st == For {
			st = Conditional
		}
	case famDemand, famModal:
		st = sign(side, For)
	default:
		st = sign(side, Unclear)
		if inCond {
			st = sign(side, For)
		} else if cond && st == For {
			// "we will extend the deal if our demands are met"
			st = Conditional
		}
	}
	// "will not extend the deal unless ...": a refusal with a way out is a
	// conditional yes.
	if st == Against && side < 0 && m.side == SideFor && !inCond && hasWord(toks, m.to, s1, "unless") {
		st = Conditional
	}
	// Hedged: "may halt the dam", "asked whether Freedonia would halt
	// the dam", "it is unlikely that …", a question. An offer that may be
	// made is conditional; anything else says no firm stance.
	if (st == For || st == Against) && hedged(toks, s0, m.from) {
		if f.fam == famOffer || f.fam == famSupport {
			st = Conditional
		} else {
			st = Unclear
		}
	}
	span := article.Span{toks[m.from].start, toks[m.to-1].end}
	cue := f.fam.String()
	if holder >= 0 {
		for _, h := range append([]int{holder}, f.also...) {
			links = append(links, Link{
				Issue: d.Issues[m.issue].ID, Party: d.Parties[h].Name, Stance: st,
				Reported: h != speaker, Phrase: m.phrase, Side: m.side.String(), Cue: cue, Span: span,
			})
		}
	}
	// The side that reports another dodging an issue wants it on the table;
	// the side that rejects another's rejection is for what was rejected.
	if derived != Unclear {
		rep := speaker
		if f.sayHolder >= 0 {
			rep = f.sayHolder
		}
		if rep >= 0 && rep != holder && !slices.Contains(f.also, rep) {
			links = append(links, Link{
				Issue: d.Issues[m.issue].ID, Party: d.Parties[rep].Name, Stance: derived,
				Reported: rep != speaker, Derived: true, Phrase: m.phrase, Side: m.side.String(), Cue: cue, Span: span,
			})
		}
	}
	if c.log.Enabled(context.Background(), slog.LevelDebug) {
		c.log.Debug("stance", "issue", d.Issues[m.issue].ID, "phrase", m.phrase, "cue", cue, "holder", holder, "stance", st)
	}
	return links
}

// hedged reports whether a hedge stands in the sentence before the phrase
// at from (within six words of it). A demand's own "could" ("could you
// halt the dam") is rare in news text; an "if" is a condition, handled
// apart.
func hedged(toks []token, s0, from int) bool {
	lo := from - 6
	if lo < s0 {
		lo = s0
	}
	for k := lo; k < from; k++ {
		if hedges[toks[k].low] {
			return true
		}
	}
	return false
}

func unclearUnless(b bool) Stance {
	if b {
		return For
	}
	return Unclear
}

// sign maps a phrase side to a stance; zero (a related phrase) gives zero.
func sign(side int, zero Stance) Stance {
	switch {
	case side > 0:
		return For
	case side < 0:
		return Against
	}
	return zero
}

// findFrame finds the cue that governs the phrase m in the sentence
// [s0, s1): the first cue before the phrase that is not a reporting verb
// (reporting verbs only tell whose content follows), or, in a passive or
// fronted sentence, a rejection or evasion after it ("X is unacceptable",
// "neither X nor Y is mentioned").
func (c *Classifier) findFrame(toks []token, s0, s1 int, m phraseMatch, speaker int) frame {
	f := frame{holder: -1, sayHolder: -1, at: -1, end: -1}
	clause := s0
	// open: the current clause has no frame yet. A later clause ("...,
	// but Sylvania rejected X") brings its own frame; a list continued
	// with ", and" but no cue of its own keeps the one before.
	open := true
	for i := s0; i < m.from; i++ {
		t := toks[i]
		if i > s0 && (t.punct == ';' || (t.punct == ',' && (t.low == "but" || t.low == "and" || t.low == "while" || t.low == "whereas"))) {
			clause = i
			open = true
		}
		// A fronted condition ("if Freedonia wants peace, it should ...")
		// is not the frame: go on after its comma.
		if condStarts[t.low] {
			k := i + 1
			for k < m.from && toks[k].punct != ',' && toks[k].punct != ';' {
				k++
			}
			if k < m.from {
				clause = k
				i = k - 1
				continue
			}
		}
		// Party names are not cues ("the United States" is not "states").
		if _, e := c.d.findParty(toks, i); e > i {
			i = e - 1
			continue
		}
		if !open {
			continue
		}
		fam, j := matchCue(toks, i)
		if fam == famNone || j > m.from {
			continue
		}
		if fam == famEvadeNeg {
			if !negatedBefore(toks, i, s0) {
				continue
			}
			fam = famEvade
		}
		if fam == famSay {
			if p, kind, _ := c.subject(toks, clause, i, speaker); kind == subjParty {
				f.sayHolder = p
			}
			clause = j
			i = j - 1
			continue
		}
		f.fam, f.at, f.end = fam, i, j
		f.holder, f.subjectKind, f.also = c.holderFor(toks, clause, i, fam, f.sayHolder, speaker)
		open = false
		i = j - 1
	}
	if f.fam != famNone {
		return f
	}
	// Nothing before: a rejection or evasion after the phrase, its agent
	// after "by" ("are not mentioned by our partners").
	for i := m.to; i < s1; i++ {
		fam, j := matchCue(toks, i)
		if fam == famEvadeNeg {
			if !negatedBefore(toks, i, s0) {
				continue
			}
			fam = famEvade
		}
		if fam != famReject && fam != famEvade {
			continue
		}
		f.fam, f.at, f.end, f.after = fam, i, j, true
		f.holder = -1
		for k := j; k+1 < s1; k++ {
			if toks[k].low == "by" {
				if p, _ := c.d.findParty(toks, k+1); p >= 0 {
					f.holder = p
				}
				break
			}
		}
		if f.holder < 0 && fam == famReject {
			f.holder = speakerSide
		}
		return f
	}
	// No cue: the clause's own subject, or the speaker.
	p, kind, also := c.subject(toks, clause, m.from, speaker)
	f.subjectKind = kind
	switch kind {
	case subjParty:
		f.holder, f.also = p, also
	default:
		f.holder = speakerSide
	}
	if f.holder == speakerSide && f.sayHolder >= 0 {
		f.holder = f.sayHolder
	}
	return f
}

// rejectAfter reports whether a rejection cue stands in toks[lo:hi].
func rejectAfter(toks []token, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if fam, _ := matchCue(toks, i); fam == famReject {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a plain negator stands in the six words
// before toks[i] within the sentence.
func negatedBefore(toks []token, i, s0 int) bool {
	for k := i - 1; k >= s0 && k >= i-6; k-- {
		if plainNegators[toks[k].low] {
			return true
		}
	}
	return false
}

// holderFor decides the holder of a cue at toks[at] whose clause starts at
// clause; speakerSide stands for the speaker's side (resolved by the caller).
func (c *Classifier) holderFor(toks []token, clause, at int, fam family, sayHolder, speaker int) (int, int, []int) {
	own := speakerSide
	if sayHolder >= 0 {
		own = sayHolder
	}
	if fam == famModal {
		// The speaker asks it of the subject.
		return own, subjEmpty, nil
	}
	// A nominal cue ("the need for", "Russia's core demands") has no
	// subject; a possessive party just before it owns it.
	if at > clause && (nominalBefore[toks[at-1].low] || toks[at-1].poss) {
		for k := at - 1; k >= clause && k >= at-3; k-- {
			if toks[k].poss {
				if p := c.partyEndingAt(toks, clause, k); p >= 0 {
					return p, subjParty, nil
				}
			}
		}
		return own, subjEmpty, nil
	}
	p, kind, also := c.subject(toks, clause, at, speaker)
	switch kind {
	case subjParty:
		return p, kind, also
	case subjPronoun, subjEmpty:
		return own, kind, nil
	}
	if fam == famNone {
		return own, kind, nil
	}
	return -1, kind, nil
}

// partyEndingAt returns the party whose name ends at toks[k], or -1.
func (c *Classifier) partyEndingAt(toks []token, lo, k int) int {
	for s := k; s >= lo && s >= k-4; s-- {
		if p, e := c.d.findParty(toks, s); p >= 0 && e == k+1 {
			return p
		}
	}
	return -1
}

// subject resolves the words toks[lo:hi] before a cue: the first party
// named there that is not the object of a preposition nor the modifier of
// a members noun ("NATO countries", unless the speaker is of that party), a pronoun, nothing, or another noun
// phrase.
func (c *Classifier) subject(toks []token, lo, hi, speaker int) (int, int, []int) {
	// "stressed at the meeting that it ...": the subject follows the last
	// complementiser.
	for k := hi - 1; k > lo; k-- {
		if toks[k].low == "that" {
			lo = k + 1
			break
		}
	}
	content := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		p, e := c.d.findParty(toks, k)
		if p < 0 && !content && subjectPronouns[t.low] {
			return -1, subjPronoun, nil
		}
		if p >= 0 {
			prep := k > lo && prepositions[toks[k-1].low]
			// "NATO countries" said by the other side is a crowd, not
			// NATO; said by NATO's own speaker it is NATO speaking.
			member := e < len(toks) && e < hi && memberHeads[toks[e].low] && p != speaker
			poss := toks[e-1].poss && e+3 >= hi
			if (!prep || poss) && !member {
				return p, subjParty, c.coordinated(toks, e, hi, p, speaker)
			}
			k = e - 1
			content = true
			continue
		}
		if !t.fn {
			content = true
		}
	}
	if !content {
		return -1, subjEmpty, nil
	}
	return -1, subjUnknown, nil
}

// coordinated returns the parties joined to the subject's first one by
// "and" or commas ("Washington and NATO rejected ..."), each a holder too.
func (c *Classifier) coordinated(toks []token, e, hi, first, speaker int) []int {
	var out []int
	for e < hi {
		k := e
		switch {
		case toks[k].low == "and":
			k++
		case toks[k].punct == ',':
		default:
			return out
		}
		if k >= hi {
			return out
		}
		p, e2 := c.d.findParty(toks, k)
		if p < 0 && toks[k].low == "the" && k+1 < hi {
			p, e2 = c.d.findParty(toks, k+1)
		}
		if p < 0 || e2 > hi || (e2 < len(toks) && e2 < hi && memberHeads[toks[e2].low] && p != speaker) {
			return out
		}
		if p != first && !slices.Contains(out, p) {
			out = append(out, p)
		}
		e = e2
	}
	return out
}

// hasCondition reports whether a condition marker stands in [s0, s1).
func hasCondition(toks []token, s0, s1 int) bool {
	for i := s0; i < s1; i++ {
		if !condFirst[toks[i].low] {
			continue
		}
		for _, cm := range conditionMarkers {
			if toks[i].low != cm[0] || i+len(cm) > s1 {
				continue
			}
			ok := true
			for k := 1; k < len(cm); k++ {
				if toks[i+k].low != cm[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether w stands in toks[lo:hi].
func hasWord(toks []token, lo, hi int, w string) bool {
	for k := lo; k < hi && k < len(toks); k++ {
		if toks[k].low == w {
			return true
		}
	}
	return false
}

// between reports whether a word of set stands in toks[lo:hi].
func between(toks []token, lo, hi int, set map[string]bool) bool {
	if lo < 0 {
		lo = 0
	}
	for k := lo; k < hi && k < len(toks); k++ {
		if set[toks[k].low] {
			return true
		}
	}
	return false
}

// otherIssueFirst reports whether another issue's phrase comes before
// matches[mi] in its sentence: an offer whose object is another issue
// touches this one only as part of a different package.
func otherIssueFirst(matches []phraseMatch, mi, s0 int) bool {
	for k := 0; k < mi; k++ {
		if matches[k].from >= s0 && matches[k].issue != matches[mi].issue {
			return true
		}
	}
	return false
}
