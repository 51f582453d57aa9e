package quotes

import (
	"sort"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// Pronoun resolution: "he" and "she" as the subject of a reporting verb
// refer to the most salient compatible person, not merely to the last
// one who spoke. Salience is read off the few units before the pronoun
// (Lappin–Leass style, much reduced):
//
//   - recency: the pronoun's own unit, then each unit further back, weigh
//     less (three units back at most; beyond that the last person who
//     spoke is taken, as before);
//   - grammatical role: the subject of a unit (its first person mention
//     outside quotes and prepositional phrases) outranks the others;
//   - speaking: the person who made a statement in that unit gains;
//   - quotes: a person named inside a quotation is rarely the antecedent;
//   - gender: when the text gives a person's gender (Mr./Mrs./Ms., a
//     gendered title such as "spokeswoman", "his"/"her" right after the
//     name, a common first name, a "he"/"she" already resolved to them),
//     a pronoun of the other gender never refers to them.
//
// All of this is generic: no name of a person is special-cased beyond a
// short list of common first names by gender.

// Salience weights. They are chosen so that the subject of the previous
// unit (100-20+40 = 120) outranks the subject and speaker two units back
// (100-60+40+30 = 110): "Ferrer said A. Okafor called B. 'C,' he said."
// is Okafor's, while a speaker followed by a unit without people keeps
// the pronoun ("Ferrer said A. The talks ended. 'C,' she said.").
const (
	salBase    = 100
	salPerUnit = 30 // lost per unit back (the first unit back loses 20)
	salSubject = 40
	salSpoke   = 30
	salQuoted  = -50
	salGender  = 10 // the gender is known and agrees
	salWindow  = 3  // units looked back
)

// Genders of actors, as far as the text tells.
const (
	genderUnknown byte = 0
	genderMale    byte = 'm'
	genderFemale  byte = 'f'
)

// spoken records that an actor spoke (was resolved as a speaker) in a unit.
type spoken struct {
	unit int
	id   actors.ID
}

// resolvePronoun finds the antecedent of a "he" or "she" (g is 'm' or
// 'f') at byte offset pos; -1 when no candidate lies in the window.
func (d *doc) resolvePronoun(pos int, g byte) actors.ID {
	if d.unitList == nil || d.ui < 0 || d.ui >= len(d.unitList) {
		return -1
	}
	d.initGender()
	if id := d.cataphora(pos, g); id >= 0 {
		return id
	}
	best, bestScore, bestPos := -1, -1<<30, -1
	// consider weighs candidate id, mentioned at pos, with score s before
	// the gender test; ties go to the later mention.
	consider := func(id actors.ID, s, pos int) {
		ag := d.gender[id]
		if ag != genderUnknown && ag != g {
			return
		}
		if ag == g {
			s += salGender
		}
		if s > bestScore || (s == bestScore && pos > bestPos) {
			best, bestScore, bestPos = id, s, pos
		}
	}
	for back := 0; back <= salWindow && d.ui-back >= 0; back++ {
		ui := d.ui - back
		u := d.unitList[ui]
		end := u.span[1]
		if back == 0 {
			end = pos
		}
		score0 := salBase
		if back > 0 {
			score0 -= 20 + (back-1)*salPerUnit
		}
		// Whoever spoke in the unit is the subject of its reporting
		// clause, even when named by a role noun or a pronoun.
		for k := len(d.spoke) - 1; k >= 0 && d.spoke[k].unit >= ui; k-- {
			sp := d.spoke[k]
			if sp.unit == ui && d.book.Kind(sp.id) == article.Person {
				consider(sp.id, score0+salSubject+salSpoke, d.book.LastSeenBefore(sp.id, end))
			}
		}
		// A heading (a unit without sentence-final punctuation, "BORROWING
		// Back") names no antecedent, nor does a label before a colon.
		if back > 0 && d.heading(u) {
			continue
		}
		subj := d.subjectOf(u)
		// mentions whose start lies in [u.span[0], end)
		i := sort.Search(len(d.found), func(i int) bool { return d.found[i].Span[0] >= u.span[0] })
		for ; i < len(d.found) && d.found[i].Span[0] < end; i++ {
			f := d.found[i]
			if f.ID < 0 || f.Type != article.Person {
				continue
			}
			if f.Tok1 < len(d.toks) && d.word(f.Tok1) == ":" {
				continue
			}
			s := score0
			if i == subj {
				s += salSubject
			}
			if d.spokeIn(ui, f.ID) {
				s += salSpoke
			}
			if f.Tok0 < len(d.inQ) && d.inQ[f.Tok0] {
				s += salQuoted
			}
			consider(f.ID, s, f.Span[0])
		}
	}
	if best >= 0 && d.gender[best] == genderUnknown {
		// "a pronoun used earlier for that person" tells the gender.
		d.gender[best] = g
	}
	return best
}

// spokeIn reports whether actor id was resolved as a speaker in unit ui.
func (d *doc) spokeIn(ui int, id actors.ID) bool {
	for k := len(d.spoke) - 1; k >= 0 && d.spoke[k].unit >= ui; k-- {
		if d.spoke[k].unit == ui && d.spoke[k].id == id {
			return true
		}
	}
	return false
}

// subjectOf returns the index in d.found of the unit's subject: its first
// person mention outside quotes that is not the object of a preposition
// ("met with Okafor") nor a possessive modifier ("Okafor's aides"); -1
// when the unit names no person that way. Only the unit's opening stretch
// (before its first reporting or finite verb is unknown to us, so the
// first twelve words outside quotes) is searched: a subject comes early.
func (d *doc) subjectOf(u unit) int {
	i := sort.Search(len(d.found), func(i int) bool { return d.found[i].Span[0] >= u.span[0] })
	for ; i < len(d.found) && d.found[i].Span[0] < u.span[1]; i++ {
		f := d.found[i]
		if f.Tok0 >= len(d.toks) || d.inQ[f.Tok0] {
			continue
		}
		if f.Type != article.Person || f.ID < 0 {
			// A country or body opening the unit is its subject: a
			// person later in it is not ("Canada rejected …, Dubois
			// said" is handled by the speaker bonus).
			if f.ID >= 0 && f.Tok0-u.t0 <= 2 {
				return -1
			}
			continue
		}
		if f.Tok0 > u.t0 && d.toks[f.Tok0-1].Kind == text.Word && subjectBlockers[d.lower(f.Tok0-1)] {
			continue
		}
		if f.Tok1 < len(d.toks) && d.toks[f.Tok1].Kind == text.Possessive {
			continue
		}
		if d.objectApposition(u, f.Tok0, f.Tok1) {
			continue
		}
		return i
	}
	return -1
}

// objectApposition reports whether the name at token t stands in
// apposition to the object of a preposition or a verb of meeting: "during
// his meeting with the envoy of the Union, Moussa Diallo" names no
// subject. The prepositions of a role ("the envoy of", "a spokesman
// for", "the ambassador to") do not count: "The envoy of the Union,
// Moussa Diallo, met …" is the subject; so is a name after an opening
// phrase ("In an interview with the host, Ham made it clear"): an
// apposition ends at a comma or the end of the sentence.
func (d *doc) objectApposition(u unit, t, t1 int) bool {
	if t <= u.t0 || d.word(t-1) != "," {
		return false
	}
	if t1 < u.t1 && d.word(t1) != "," && d.word(t1) != "." && d.word(t1) != ";" {
		return false
	}
	for j := t - 2; j >= u.t0 && t-j < 16; j-- {
		w := d.lower(j)
		if w == "," || d.inQ[j] {
			return false
		}
		switch w {
		case "of", "for", "at", "from", "to", "on":
			continue
		}
		if subjectBlockers[w] || w == "during" {
			return true
		}
	}
	return false
}

// subjectBlockers before a name make it an object or a modifier, not the
// subject: prepositions and the conjunctions of a subordinate clause.
var subjectBlockers = map[string]bool{
	"with": true, "to": true, "by": true, "for": true, "from": true, "of": true, "at": true,
	"on": true, "about": true, "against": true, "after": true, "before": true, "than": true,
	"like": true, "unlike": true, "between": true, "among": true, "toward": true, "towards": true,
	"met": true, "meet": true, "meeting": true, "told": true, "asked": true, "thanked": true,
}

// initGender reads the genders the text gives its people, once per
// article.
func (d *doc) initGender() {
	if d.gender != nil {
		return
	}
	d.gender = make(map[actors.ID]byte, 8)
	for _, f := range d.found {
		if f.ID < 0 || f.Type != article.Person {
			continue
		}
		if g := d.mentionGender(f); g != genderUnknown {
			if old, ok := d.gender[f.ID]; ok && old != g {
				continue // contradictory cues: keep the first
			}
			d.gender[f.ID] = g
		}
	}
}

// mentionGender reads a gender off one mention: an honorific or gendered
// title word before the name, a common first name, or "his"/"her" in
// apposition right after it ("Roe, her voice breaking", "Doe and his
// aides").
func (d *doc) mentionGender(f actors.Found) byte {
	// Honorifics and title words from the mention's start (the title is
	// part of the run) and the word just before it.
	lo := f.Tok0
	if lo > 0 {
		lo--
	}
	for t := lo; t < f.NameTok0 || t == lo; t++ {
		if t >= len(d.toks) || d.toks[t].Kind != text.Word {
			if t >= f.NameTok0 {
				break
			}
			continue
		}
		if g, ok := genderedWords[d.lower(t)]; ok {
			return g
		}
		if t >= f.NameTok0 {
			break
		}
	}
	if f.NameTok0 < f.Tok1-1 {
		// a name of two or more words: its first word may be a first name
		if g, ok := firstNames[d.lower(f.NameTok0)]; ok {
			return g
		}
	}
	// "Roe, her …", "Doe and his …"
	t := f.Tok1
	if t+1 < len(d.toks) && (d.word(t) == "," || d.lower(t) == "and") && !d.inQ[t] {
		switch d.lower(t + 1) {
		case "his":
			return genderMale
		case "her":
			return genderFemale
		}
	}
	return genderUnknown
}

// genderedWords are honorifics and titles that give the gender of the
// name they precede. Compared lower-case, without a final dot.
var genderedWords = map[string]byte{
	"mr": genderMale, "sir": genderMale, "lord": genderMale, "king": genderMale, "prince": genderMale,
	"spokesman": genderMale, "chairman": genderMale, "congressman": genderMale, "father": genderMale,
	"brother": genderMale, "duke": genderMale, "sheikh": genderMale,
	"mrs": genderFemale, "ms": genderFemale, "miss": genderFemale, "madam": genderFemale,
	"madame": genderFemale, "dame": genderFemale, "lady": genderFemale, "queen": genderFemale,
	"princess": genderFemale, "spokeswoman": genderFemale, "chairwoman": genderFemale,
	"congresswoman": genderFemale, "sister": genderFemale, "duchess": genderFemale,
}

// firstNames is a short list of common given names with a clear gender
// in news prose (English and a few international ones). It is generic
// world knowledge, kept modest: an unlisted name just leaves the gender
// unknown, which costs nothing.
var firstNames = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range []string{
		"james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
		"charles", "christopher", "daniel", "matthew", "anthony", "antony", "mark", "donald", "steven",
		"paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
		"edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
		"stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
		"frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "peter",
		"henry", "carl", "arthur", "ted", "bernie", "mike", "bill", "joe", "tom", "jim", "bob",
		"vladimir", "sergei", "sergey", "dmitry", "dmitri", "alexei", "alexey", "nikolai", "ivan",
		"igor", "boris", "mikhail", "yuri", "andrei", "viktor", "volodymyr", "emmanuel", "olaf",
		"pierre", "jacques", "francois", "hans", "karl", "klaus", "jens", "luis", "carlos",
		"jose", "juan", "miguel", "pedro", "ahmed", "mohammed", "muhammad", "ali", "hassan",
		"xi", "narendra", "recep", "rishi", "keir", "barack",
	} {
		m[n] = genderMale
	}
	for _, n := range []string{
		"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
		"sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
		"emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie",
		"rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "angela", "anna", "helen",
		"emma", "olivia", "sophia", "julia", "maria", "lucia", "elena", "olga", "natalia",
		"tatiana", "irina", "svetlana", "yulia", "marie", "sophie", "claire", "catherine",
		"ursula", "kamala", "nikki", "theresa", "liz", "jane", "janet", "joan", "ann",
		"anne", "alice", "grace", "rachel", "hannah", "victoria", "christine", "kristalina",
		"hillary",
	} {
		m[n] = genderFemale
	}
	return m
}()

// heading reports whether a unit lacks sentence-final punctuation (a
// quote or bracket may close it): a subhead or a label.
func (d *doc) heading(u unit) bool {
	for t := u.t1 - 1; t >= u.t0; t-- {
		switch d.toks[t].Kind {
		case text.Quote:
			continue
		case text.Punct:
			switch d.word(t) {
			case ")", "]":
				continue
			case ".", "!", "?", "…", ":":
				return false
			}
			return true
		case text.Word:
			// "U.S." and other abbreviations keep their dot
			w := d.word(t)
			return w[len(w)-1] != '.'
		}
		return true
	}
	return true
}

// cataphora resolves a pronoun in a fronted subordinate clause to the
// subject of the main clause that follows it: "When he wrote his book,
// Mr. McKinley said …", "After she met the envoy, Marsh told reporters
// …". The pronoun must follow a subordinating conjunction with no comma
// or quote between them, and the person must open the main clause right
// after the clause's comma (titles allowed); -1 otherwise.
func (d *doc) cataphora(pos int, g byte) actors.ID {
	u := d.unitList[d.ui]
	p := d.tokAt(pos)
	if p < u.t0 || p >= u.t1 {
		return -1
	}
	sub := false
	for t := p - 1; t >= u.t0 && p-t <= 12; t-- {
		if d.inQ[t] || d.toks[t].Kind == text.Quote || d.word(t) == "," {
			break
		}
		if subordinators[d.lower(t)] {
			sub = true
			break
		}
	}
	if !sub {
		return -1
	}
	for t := p + 1; t < u.t1 && t-p <= 25; t++ {
		if d.inQ[t] || d.toks[t].Kind == text.Quote {
			return -1
		}
		if d.word(t) != "," {
			continue
		}
		if t+1 >= u.t1 {
			return -1
		}
		m := d.mention[t+1]
		if m < 0 || d.found[m].Tok0 != t+1 || d.found[m].Type != article.Person || d.found[m].ID < 0 {
			return -1
		}
		id := d.found[m].ID
		if ag := d.gender[id]; ag != genderUnknown && ag != g {
			return -1
		}
		return id
	}
	return -1
}

// subordinators open a fronted adverbial clause whose pronoun may point
// forward to the main clause's subject.
var subordinators = map[string]bool{
	"when": true, "while": true, "after": true, "before": true, "as": true, "although": true,
	"though": true, "if": true, "since": true, "because": true, "once": true, "until": true,
	"whenever": true, "unless": true,
}
