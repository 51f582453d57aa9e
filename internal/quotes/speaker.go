package quotes

import (
	"sort"
	"strings"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

func (d *doc) hasMention(a, b int) bool {
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			return true
		}
	}
	return false
}

// namelike reports whether tokens [a,b) after an inverted verb can be its
// subject: no possessives, no clause words, a name or a speaker noun.
func (d *doc) namelike(a, b int) bool {
	for t := a; t < b; t++ {
		// "NBC's Dante Chinni" is a name; "Trump's plan" is not; "the
		// group's chair", "the ministry's spokesman" name a role.
		if d.toks[t].Kind == text.Possessive && !(t+1 < b && isCap(d.word(t+1)) && isCap(d.word(b-1))) && !personHead(d.lower(b-1)) {
			return false
		}
	}
	return d.plausibleSpeaker([2]int{a, b})
}

// hasPersonHead is hasPerson without the names in the possessive: in
// "Volk's spokesman" Volk modifies the head, the spokesman is no one
// named.
func (d *doc) hasPersonHead(a, b int) bool {
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].Type == article.Person {
			if e := d.found[m].Tok1; e < len(d.toks) && d.toks[e].Kind == text.Possessive {
				t = e
				continue
			}
			return true
		}
	}
	return false
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
	// "A woman near the border", "Farmers outside the building": where
	// the speaker stood is no part of who they are.
	for t := a + 1; t+1 < b && b-a >= 4; t++ {
		if locatives[d.lower(t)] && d.toks[t].Kind == text.Word && personNoun(d.lower(t-1)) {
			b = t
			break
		}
	}
	// "The energy ministers of Norland and Kestrel": people of two
	// parties speak together; the group is the speaker, neither party
	// alone.
	for t := a + 1; t+2 < b; t++ {
		if d.lower(t) != "of" || !isPluralSpeakerNoun(d.lower(t-1)) {
			continue
		}
		for j := t + 2; j < b; j++ {
			if d.lower(j) == "and" && d.mention[j-1] >= 0 && d.mention[j+1] >= 0 && d.mention[j-1] != d.mention[j+1] {
				name := d.body[d.toks[a].Span[0]:d.toks[b-1].Span[1]]
				return article.Actor{Name: name}, strings.ToLower(name), ""
			}
		}
		break
	}
	// "The EU and UK negotiating teams", "the G77 and China bloc": two
	// parties named before the noun of a group speak together.
	if b-a >= 4 && groupHead(d.lower(b-1)) {
		for t := a + 1; t+1 < b-1; t++ {
			if d.lower(t) == "and" && d.namedBody(t-1) && d.namedBody(t+1) && d.mention[t-1] != d.mention[t+1] {
				name := d.body[d.toks[a].Span[0]:d.toks[b-1].Span[1]]
				return article.Actor{Name: name}, strings.ToLower(name), ""
			}
		}
	}
	// A name in the phrase: the last mention that ends the phrase or is
	// followed only by lower-case role words after a comma.
	best := -1
	ownWords := false // "Berg's remarks": the person's own words
	paren := 0
	for t := b - 1; t >= a; t-- {
		// "Del. Jane Roe (D-Virgin Islands)": a parenthesis qualifies
		// the name before it; it does not name the speaker.
		switch d.word(t) {
		case ")":
			paren++
			continue
		case "(":
			if paren > 0 {
				paren--
			}
			continue
		}
		if paren > 0 {
			continue
		}
		if m := d.mention[t]; m >= 0 {
			f := d.found[m]
			if f.ID < 0 {
				continue
			}
			// "Trump's campaign manager": a possessive name modifies the
			// head; it is not the speaker. ("Berg's remarks suggested
			// …", "Berg's statement said …": a person's words are theirs.)
			if f.Tok1 < b && d.toks[f.Tok1].Kind == text.Possessive {
				if f.Type == article.Person && f.Tok1+2 == b && (docNouns[d.lower(b-1)] || remarkNouns[d.lower(b-1)]) {
					best, ownWords = m, true
					break
				}
				continue
			}
			// "Harbourline Energy, Inc.": the suffix alone names no one
			if f.Tok1-f.Tok0 == 1 && companySuffixes[strings.TrimSuffix(d.lower(f.Tok0), ".")] {
				continue
			}
			best = m
			break
		}
	}
	if best >= 0 {
		// "the statistics office in Quebec City", "the central bank in
		// Mexico City": a place after "in" or "at" locates the body the
		// phrase names by a common noun; that body speaks, not the place
		// (nor, for a capital, its country).
		t := d.found[best].Tok0 - 1
		if t > a && d.lower(t) == "the" {
			t--
		}
		if t > a && (d.lower(t) == "in" || d.lower(t) == "at") && d.mention[t-1] < 0 && actors.IsOrgHead(d.lower(t-1)) {
			best = -1
		}
		// "Analysts in Tokyo", "Farmers in Ireland and Poland",
		// "Negotiators in Cairo": people named by their trade where they
		// are speak for themselves, not for the place.
		// ("Analysts at Capital Partners", "Researchers at Kestrel
		// University", "an economist at the bank": their own view, not the
		// body's.)
		if best >= 0 && (d.found[best].Type == article.GPE || d.found[best].Type == article.Org) {
			p := d.found[best].Tok0 - 1
			if p > a && d.lower(p) == "the" {
				p--
			}
			for p > a && d.lower(p) == "and" && d.mention[p-1] >= 0 {
				p = d.found[d.mention[p-1]].Tok0 - 1
			}
			if p > a {
				if w := d.lower(p); (w == "in" || w == "at" || w == "from") && d.mention[p-1] < 0 && (peopleNoun(d.lower(p-1)) || tradeGroups[d.lower(p-1)] || tradeNouns[d.lower(p-1)]) {
					best = -1
				}
			}
		}
		// "a study published Wednesday in the journal BMJ": where a
		// document appeared is not who wrote it
		// ("a report in the Argus Leader" is the paper's)
		if best >= 0 && a+2 < b && (docNouns[d.lower(a+1)] || dataNouns[d.lower(a+1)]) && inLex(determinersLex, d.lower(a)) {
			switch d.lower(a + 2) {
			case "published", "appeared", "released", "posted":
				for k := d.found[best].Tok0 - 1; k > a && k >= d.found[best].Tok0-3; k-- {
					if w := d.lower(k); w == "in" || w == "on" {
						best = -1
						break
					}
					if isCap(d.word(k)) {
						break
					}
				}
			}
		}
		// "the U.N. envoy for Yemen", "the ambassador to Kenya": the
		// place a role is charged with does not speak.
		if best >= 0 && t > a && (d.lower(t) == "for" || d.lower(t) == "to") && d.found[best].Type == article.GPE && d.mention[t-1] < 0 && actors.IsRoleNoun(d.word(t-1)) {
			best = -1
		}
	}
	if best >= 0 {
		// "Jane Roe of the Virgin Islands", "Tom Lee at Acme
		// Securities": a person named before a prepositional phrase is
		// the speaker; the place or body after it says whom they speak
		// for.
		t := d.found[best].Tok0 - 1
		if t > a && d.lower(t) == "the" {
			t--
		}
		// ("the U.S. Attorney's Office for the Western District of New
		// York": the office speaks, for the district it serves.)
		if t > a && invertedPP[d.lower(t)] {
			if m := d.mention[t-1]; m >= 0 && d.found[m].ID >= 0 && (d.found[m].Type == article.Person || d.lower(t) == "for" && d.found[m].Type == article.Org) && d.found[m].Tok0 >= a {
				f := d.found[m]
				d.remember(f.ID)
				act := d.book.Actor(f.ID)
				return act, act.Name, d.body[d.toks[f.NameTok0].Span[0]:f.Span[1]]
			}
		}
	}
	if best >= 0 {
		f := d.found[best]
		// The phrase must end with the name, or with a title apposition,
		// or with one document noun after a body's name ("the IMF report
		// stated": the report speaks for the IMF).
		docOf := f.Tok1 == b-1 && f.Type != article.Person && docNouns[d.lower(b-1)]
		if f.Tok1 >= b || !d.lowerTail(f.Tok1, b) || docOf || ownWords || f.Type == article.Person && d.regionTail(f.Tok1, b) || f.Type == article.Org && d.servedTail(f.Tok1, b) {
			id := f.ID
			d.remember(id)
			act := d.book.Actor(id)
			surf := d.body[d.toks[f.NameTok0].Span[0]:f.Span[1]]
			if f.Tok1 < b && (ownWords || f.Type == article.Person && d.regionTail(f.Tok1, b)) {
				// the name as the report writes it, with the state:
				// "Charles B. Rangel of New York"
				surf = d.body[d.toks[f.NameTok0].Span[0]:d.toks[b-1].Span[1]]
			}
			return act, act.Name, surf
		}
	}
	// "A statement from the company read", "a letter by the ministry
	// said": a document speaks for whoever issued it, when the text
	// names who that is.
	if k := a; b-a >= 3 {
		if inLex(determinersLex, d.lower(k)) {
			k++
		}
		if k+2 < b && docNouns[d.lower(k)] {
			if p := d.lower(k + 1); p == "from" || p == "by" || p == "of" {
				if act, key, surf := d.resolve([2]int{k + 2, b}, u); act.Kind != "" {
					return act, key, surf
				}
			}
			// "a readout released by the Japanese side"
			if p := d.lower(k + 1); k+3 < b && (p == "released" || p == "issued" || p == "published" || p == "posted") && d.lower(k+2) == "by" {
				if act, key, surf := d.resolve([2]int{k + 3, b}, u); act.Kind != "" || act.Affiliation != "" {
					return act, key, surf
				}
			}
		}
	}
	// "According to the statement, …", "the letter said": the speaker
	// of the latest statement reported as made in such a document ("X
	// said in a statement", "a statement from X"), a few paragraphs back
	// at most.
	if b-a == 2 && d.lower(a) == "the" && docNouns[d.lower(a+1)] {
		if sp, ok := d.documentSpeaker(d.lower(a + 1)); ok {
			return sp, strings.ToLower(sp.Name), ""
		}
	}
	// "the 46-year-old added": an age stands for the person the report
	// is about, the last person who spoke (else the last one named).
	if d.ageDescriptor(a, b) {
		id := d.lastSpeaker
		if id < 0 || d.book.Kind(id) != article.Person {
			id = d.lastPerson
		}
		if id < 0 {
			id = d.recent(pos, article.Person)
		}
		if id >= 0 {
			return d.pronounActor(id, pos, article.Person, "")
		}
	}
	words := make([]string, 0, b-a)
	for t := a; t < b; t++ {
		if k := d.toks[t].Kind; k == text.Word || (k == text.Number && t > a && t < b-1) {
			words = append(words, d.word(t))
		}
	}
	if len(words) == 0 {
		return article.Actor{}, "", ""
	}
	var lw string
	if last := b - 1; b-a == len(words) && d.toks[last].Case != text.CaseOther && !strings.HasSuffix(words[len(words)-1], ".") {
		// An ASCII word without a final dot: d.lower is strings.ToLower
		// of it, without the copy.
		lw = d.lower(last)
	} else {
		lw = strings.ToLower(words[len(words)-1])
	}
	// "the head of the Russian state": the role is the noun before "of".
	for i, w := range words {
		if i > 0 && strings.EqualFold(w, "of") { // as ToLower(w) == "of": no special folds for o, f
			if actors.IsRoleNoun(words[i-1]) {
				lw = strings.ToLower(words[i-1])
			}
			break
		}
	}
	// "one of them said", "some of them said": a member of the group
	// named before speaks; the phrase names them, the group's side is
	// theirs.
	if n := len(words); n >= 3 && strings.EqualFold(words[n-2], "of") && (lw == "them" || lw == "us") && quantifiers[strings.ToLower(words[0])] {
		phrase := strings.Join(words, " ")
		sp := article.Actor{Name: phrase}
		if grp, _, _ := d.pluralPronoun(pos, words[n-1]); grp.Kind == article.GPE || grp.Kind == article.Org {
			sp.Affiliation = grp.Name
		} else {
			sp.Affiliation = grp.Affiliation
		}
		return sp, strings.ToLower(phrase), ""
	}
	if len(words) == 1 {
		switch pronouns[lw] {
		case "m", "f":
			// "A police officer said the road was closed. 'Nobody may
			// pass,' he said.": the unnamed person who spoke last, when
			// no one has been named since.
			if sp, ok := d.roleSpeakerBefore(pos, pronouns[lw][0]); ok {
				return sp, sp.Name, ""
			}
			// the most salient person of that gender, else the last
			// person who spoke, else the last person named
			id := d.resolvePronoun(pos, pronouns[lw][0])
			if id < 0 {
				id = d.lastPerson
			}
			if id < 0 {
				// No person named yet: "A company spokesman said …. He
				// said …" — the unnamed speaker of the statement before.
				if sp, ok := d.unnamedSpeakerBefore(); ok && !otherGender(sp, pronouns[lw][0]) {
					return sp, sp.Name, ""
				}
			}
			return d.pronounActor(id, pos, article.Person, words[0])
		case "p":
			return d.pluralPronoun(pos, words[0])
		case "n":
			return d.itPronoun(pos, words[0])
		case "w":
			return d.pronounActor(d.lastSpeaker, pos, "", words[0])
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
	// An indefinite phrase ("a senior official", "an envoy") introduces
	// someone new: it never refers back to a named holder of the role.
	indef := false
	// EqualFold is ToLower(w) == x here, without the copy: none of these
	// letters has a non-ASCII case fold (as K and S do).
	if w := words[0]; strings.EqualFold(w, "a") || strings.EqualFold(w, "an") || strings.EqualFold(w, "one") || strings.EqualFold(w, "another") {
		indef = true
	}
	if actors.IsRoleNoun(lw) && !indef && !d.unnamedSource(b) && !d.ownedByOther(a, b) {
		if id, ok := d.book.ByRole(words, pos); ok {
			d.remember(id)
			a := d.book.Actor(id)
			return a, a.Name, ""
		}
		// "Karimi pointed out …. The spokesman further stated …": no one
		// holds the role by name, and the person who spoke in the last
		// paragraphs has no title: the spokesman is them (a spokesman is
		// named by the briefing he gives; other roles are not guessed).
		if len(words) == 2 && strings.EqualFold(words[0], "the") && strings.HasPrefix(lw, "spokes") && len(d.out) > 0 {
			last := d.out[len(d.out)-1]
			if last.Speaker.Kind == article.Person && last.Speaker.Title == "" && d.unitOf(last.Span[0]) >= d.ui-2 {
				sp := last.Speaker
				sp.Aliases = append([]string(nil), sp.Aliases...)
				return sp, strings.ToLower(sp.Name), ""
			}
		}
	}
	// "the ministry", "the alliance": the latest organisation whose name
	// has that head.
	if len(words) <= 3 && (lw == "company" || lw == "firm" || lw == "bank") {
		// "the company said": the latest company named
		if id, ok := d.speaksFor(lw, pos); ok {
			d.remember(id)
			ac := d.book.Actor(id)
			return ac, ac.Name, strings.Join(words, " ")
		}
	}
	if len(words) <= 4 && (actors.IsOrgHead(lw) || lw == "alliance" || lw == "bloc") {
		// (among the last few hundred mentions before pos: see speaksFor)
		end := d.foundBefore(pos)
		for i := end - 1; i >= 0 && i >= end-300; i-- {
			f := d.found[i]
			if f.ID < 0 || d.book.Kind(f.ID) == article.Person {
				continue
			}
			n := strings.ToLower(d.book.Name(f.ID))
			if strings.Contains(n, lw) || ((lw == "alliance" || lw == "bloc") && n == "nato") {
				d.remember(f.ID)
				a := d.book.Actor(f.ID)
				return a, a.Name, ""
			}
		}
	}
	// "a company spokesman", "a ministry official", "a government
	// source": someone speaking for the organisation the text is about —
	// the latest one named with that kind of name (the latest country for
	// "government").
	if len(words) >= 2 && len(words) <= 4 && (actors.IsRoleNoun(lw) || speakerNouns[lw] || isPluralSpeakerNoun(lw)) {
		if id, ok := d.speaksFor(words[len(words)-2], pos); ok {
			d.remember(id)
			ac := d.book.Actor(id)
			surf := strings.Join(words, " ")
			return ac, ac.Name, surf
		}
	}
	name, key := joinWords(d, a, b, words)
	return article.Actor{Name: name}, key, ""
}

// unnamedSpeakerBefore returns the speaker of the latest statement when it
// was introduced by a role phrase for a person ("a company spokesman", "a
// senior official") in this unit or the one before.
func (d *doc) unnamedSpeakerBefore() (article.Actor, bool) {
	if len(d.out) == 0 || d.ui < 0 {
		return article.Actor{}, false
	}
	last := d.out[len(d.out)-1]
	if d.unitOf(last.Span[0]) < d.ui-1 {
		return article.Actor{}, false
	}
	phrase := introPhrase(last.Speaker)
	sp := strings.LastIndexByte(phrase, ' ')
	if sp < 0 {
		// "Andriessen told a news conference …. He said …": a lone
		// capitalised name the text never introduced is a surname.
		if last.Speaker.Kind == "" && isCap(phrase) && !actors.IsCapStop(phrase) && !acronym(phrase) {
			if _, _, place := actors.Place(phrase); !place {
				who := last.Speaker
				who.Aliases = append([]string(nil), who.Aliases...)
				return who, true
			}
		}
		return article.Actor{}, false
	}
	head := strings.ToLower(phrase[sp+1:])
	if !actors.IsRoleNoun(head) && head != "spokesman" && head != "spokeswoman" && head != "official" && head != "source" {
		return article.Actor{}, false
	}
	who := last.Speaker
	who.Aliases = append([]string(nil), who.Aliases...)
	return who, true
}

// roleSpeakerBefore returns the speaker of the latest statement when it
// was named by a phrase headed by a noun for a person and no name ("a
// spokesman for the ministry", "the representative of France", "a police
// officer"), in this unit or the one before, no person has been named
// outside quotes since it, and its head noun's gender, if any, agrees
// with g: a "he" or "she" after it is the same speaker. The actor
// returned is the statement's own (the ministry, France, "A police
// officer").
func (d *doc) roleSpeakerBefore(pos int, g byte) (article.Actor, bool) {
	if len(d.out) == 0 || d.ui < 0 {
		return article.Actor{}, false
	}
	last := d.out[len(d.out)-1]
	ss := last.SpeakerSpan
	if ss[1] <= ss[0] || ss[1] > len(d.body) || last.Span[1] > pos || d.unitOf(last.Span[0]) < d.ui-1 {
		return article.Actor{}, false
	}
	words := strings.Fields(d.body[ss[0]:ss[1]])
	if len(words) < 2 || len(words) > 8 {
		return article.Actor{}, false
	}
	switch strings.ToLower(words[0]) {
	case "a", "an", "the", "one", "another":
	default:
		return article.Actor{}, false
	}
	head := ""
	for i := 1; i < len(words); i++ {
		w := strings.ToLower(strings.TrimRight(words[i], ",.;:"))
		if i > 1 && (w == "of" || w == "for" || w == "at" || w == "from" || w == "with") {
			break
		}
		head = w
	}
	if !personHead(head) {
		return article.Actor{}, false
	}
	if hg, ok := genderedWords[head]; ok && hg != g {
		return article.Actor{}, false
	}
	// a person named in the speaker's phrase or since the statement
	// (the mentions are sorted by where they start)
	i := sort.Search(len(d.found), func(i int) bool { return d.found[i].Span[0] >= ss[0] })
	for _, f := range d.found[i:] {
		if f.Span[0] >= pos {
			break
		}
		if f.Type == article.Person && (f.Span[0] < ss[1] || f.Span[0] >= last.Span[1]) && !d.inQ[f.Tok0] {
			return article.Actor{}, false
		}
	}
	who := last.Speaker
	who.Aliases = append([]string(nil), who.Aliases...)
	return who, true
}

// personHead reports whether a speaker phrase's head noun names one
// person: a role ("minister", "representative") or a person who speaks
// ("spokesman", "official", "officer", "source").
func personHead(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "official", "officer", "source", "aide",
		"lawyer", "attorney", "witness", "resident", "analyst", "economist", "diplomat", "negotiator":
		return true
	}
	return actors.IsRoleNoun(w)
}

// documentSpeaker returns the speaker of the latest statement, within
// the last four units, whose reporting clause names the document noun
// ("said in a statement", "a statement from the company read").
func (d *doc) documentSpeaker(noun string) (article.Actor, bool) {
	for i := len(d.out) - 1; i >= 0 && i >= len(d.out)-6; i-- {
		st := d.out[i]
		if d.ui >= 0 && d.unitOf(st.Span[0]) < d.ui-4 {
			break
		}
		if st.Speaker.Name == "" || containsFold(st.Speaker.Name, noun) {
			continue
		}
		for _, r := range [2]article.Span{{st.Span[0], st.TextSpan[0]}, {st.TextSpan[1], st.Span[1]}} {
			if r[0] < r[1] && r[1] <= len(d.body) && containsFold(d.body[r[0]:r[1]], noun) {
				sp := st.Speaker
				sp.Aliases = append([]string(nil), sp.Aliases...)
				return sp, true
			}
		}
	}
	return article.Actor{}, false
}

// containsFold reports whether s holds word w (lower case, ASCII) in any
// case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// unitOf returns the index of the unit holding byte offset p, -1 if none.
func (d *doc) unitOf(p int) int {
	for i, u := range d.unitList {
		if u.span[0] <= p && p < u.span[1] {
			return i
		}
	}
	return -1
}

// speaksFor finds the organisation a "company", "ministry" or
// "government" modifier before a role noun stands for: the latest
// organisation named before pos whose name has a head of that kind, or the
// latest country for "government".
func (d *doc) speaksFor(mod string, pos int) (actors.ID, bool) {
	if len(mod) < 4 || len(mod) > 14 {
		return -1, false
	}
	var buf [14]byte
	for i := 0; i < len(mod); i++ {
		c := mod[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	var heads []string
	kind := article.Org
	company := false
	switch string(buf[:len(mod)]) {
	case "company", "firm", "corporate":
		heads = []string{"corp", "corporation", "inc", "company", "co", "ltd", "plc", "group", "holdings", "industries", "llc", "gmbh", "bank", "airlines", "motors"}
		company = true // or a name ending in a company's head (actors.IsCompanyHead)
	case "bank":
		heads = []string{"bank", "bancorp"}
	case "ministry", "department", "agency", "embassy", "commission", "committee", "party", "union":
		heads = []string{string(buf[:len(mod)])}
	case "government", "administration":
		kind = article.GPE
	default:
		return -1, false
	}
	// "A senior Administration official": English-language news calls the
	// American executive "the Administration" without naming it; when
	// the report names the United States at all, that is the one meant,
	// whichever country was named last (often the other side). When it
	// does not, the official speaks for no country named: the country
	// named last is as often the other side.
	admin := string(buf[:len(mod)]) == "administration"
	// The latest body of the kind named before pos; for a company, the
	// latest one that has spoken comes first, then the one named most
	// often: "the company" is the one the report is about, not the
	// broker whose analyst it quoted or the fund that bid for it.
	best, bestN := actors.ID(-1), 0
	var spoke map[actors.ID]bool // who has spoken; made on the first company seen
	var named map[actors.ID]int  // how often each was named before pos
	// The body meant is among the last few hundred mentions before pos:
	// a long transcript would otherwise make every "the company" read
	// all of them, and count them all.
	end := d.foundBefore(pos)
	lo := max(0, end-300)
	if admin {
		for i := end - 1; i >= lo; i-- {
			if f := d.found[i]; f.ID >= 0 && d.book.Kind(f.ID) == article.GPE && d.book.Name(f.ID) == "United States" {
				return f.ID, true
			}
		}
		return -1, false
	}
	for i := end - 1; i >= lo; i-- {
		f := d.found[i]
		if f.ID < 0 || d.book.Kind(f.ID) != kind {
			continue
		}
		if kind == article.GPE {
			if d.venue(f) {
				continue
			}
			return f.ID, true
		}
		if !d.companyNamed(f.ID, heads, company) {
			continue
		}
		if !company {
			return f.ID, true
		}
		if spoke == nil {
			spoke, named = make(map[actors.ID]bool, len(d.spoke)), make(map[actors.ID]int, 8)
			for _, sp := range d.spoke {
				spoke[sp.id] = true
			}
			for _, g := range d.found[lo : i+1] {
				if g.ID >= 0 && g.Span[0] < pos {
					named[g.ID]++
				}
			}
		}
		if spoke[f.ID] {
			return f.ID, true
		}
		if n := named[f.ID]; n > bestN {
			best, bestN = f.ID, n
		}
	}
	return best, best >= 0
}

// companyNamed reports whether the name of body id holds one of heads
// ("Nordic Steel Holdings"), or, when company is set, ends in a
// company's head ("Northline Rail").
func (d *doc) companyNamed(id actors.ID, heads []string, company bool) bool {
	ws := strings.Fields(strings.ToLower(d.book.Name(id)))
	if company && len(ws) > 1 && actors.IsCompanyHead(strings.TrimSuffix(ws[len(ws)-1], ".")) {
		return true
	}
	for _, w := range ws {
		for _, h := range heads {
			if strings.TrimSuffix(w, ".") == h {
				return true
			}
		}
	}
	return false
}

// pronounActor returns actor id as the speaker a pronoun stands for;
// when id is -1, the latest actor of the kind ("" any) named before pos;
// failing that, the pronoun itself as the name.
func (d *doc) pronounActor(id actors.ID, pos int, kind, pronoun string) (article.Actor, string, string) {
	if id < 0 {
		id = d.recent(pos, kind)
	}
	if id < 0 {
		return article.Actor{Name: pronoun}, "", ""
	}
	d.remember(id)
	a := d.book.Actor(id)
	return a, a.Name, ""
}

// itPronoun resolves "it" as a speaker: an organisation or a country,
// never a person — the last one that spoke, else the last one named.
func (d *doc) itPronoun(pos int, pronoun string) (article.Actor, string, string) {
	// "The Norland foreign ministry said …. It added …": a body the text
	// names by a common noun, which spoke last, in this unit or the one
	// before.
	if sp, ok := d.unnamedBodyBefore(); ok {
		return sp, sp.Name, ""
	}
	if id := d.lastSpeaker; id >= 0 && d.book.Kind(id) != article.Person {
		return d.pronounActor(id, pos, "", pronoun)
	}
	for _, kind := range [...]string{article.Org, article.GPE} {
		if id := d.recent(pos, kind); id >= 0 {
			return d.pronounActor(id, pos, kind, pronoun)
		}
	}
	return article.Actor{Name: pronoun}, "", ""
}

// pluralPronoun resolves "they" as a speaker: never one person. A body
// that spoke last (a ministry, a government, a company) may be "they";
// else a plural group named in this unit or the two before ("union
// leaders", "officials of both countries"); else the last organisation or
// country named; else "they" stays unresolved.
func (d *doc) pluralPronoun(pos int, pronoun string) (article.Actor, string, string) {
	// "Officials said …. They added …": the group that spoke last, in this
	// paragraph or the one before, before any body named earlier.
	if sp, ok := d.pluralSpeakerBefore(); ok {
		return sp, sp.Name, ""
	}
	if id := d.lastSpeaker; id >= 0 && d.book.Kind(id) != article.Person {
		return d.pronounActor(id, pos, "", pronoun)
	}
	if name, ok := d.pluralGroup(pos); ok {
		return article.Actor{Name: name}, "", ""
	}
	for _, kind := range [...]string{article.Org, article.GPE} {
		if id := d.recent(pos, kind); id >= 0 {
			return d.pronounActor(id, pos, kind, pronoun)
		}
	}
	return article.Actor{Name: pronoun}, "", ""
}

// pluralSpeakerBefore returns the speaker of the latest statement when it
// is an unnamed group ("officials", "Western diplomats") in this unit or
// the one before.
func (d *doc) pluralSpeakerBefore() (article.Actor, bool) {
	sp, head, ok := d.unnamedSpeakerHead()
	if !ok {
		return article.Actor{}, false
	}
	// ("The rebels said …. They also demanded …": a plural noun after
	// "the" is a group too)
	name := sp.Name
	plural := len(head) > 3 && head[len(head)-1] == 's' && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") &&
		!strings.HasSuffix(head, "is") && len(name) > 4 && strings.EqualFold(name[:4], "the ")
	if !isPluralSpeakerNoun(head) && !plural {
		return article.Actor{}, false
	}
	return sp, true
}

// unnamedSpeakerHead returns the speaker of the latest statement, in this
// unit or the one before, when the text names them by a phrase and no
// name ("officials", "the ministry"), with the phrase's last word in lower
// case.
func (d *doc) unnamedSpeakerHead() (article.Actor, string, bool) {
	if len(d.out) == 0 || d.ui < 0 {
		return article.Actor{}, "", false
	}
	last := d.out[len(d.out)-1]
	if last.Speaker.Kind != "" || d.unitOf(last.Span[0]) < d.ui-1 {
		return article.Actor{}, "", false
	}
	name := last.Speaker.Name
	return last.Speaker, strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:]), true
}

// unnamedBodyBefore returns the speaker of the latest statement when it
// is a body named by a common noun ("the Norland foreign ministry", "the
// rebel command") in this unit or the one before.
func (d *doc) unnamedBodyBefore() (article.Actor, bool) {
	sp, head, ok := d.unnamedSpeakerHead()
	if !ok || !actors.IsOrgHead(head) && head != "government" && head != "administration" && head != "side" && head != "company" {
		return article.Actor{}, false
	}
	return sp, true
}

// pluralGroup finds the nearest plural group noun phrase before pos, in
// its unit or the two before, outside quotes: "union leaders",
// "officials", "the negotiators".
func (d *doc) pluralGroup(pos int) (string, bool) {
	ui := d.ui
	if ui < 0 || ui >= len(d.unitList) {
		return "", false
	}
	for back := 0; back <= 2 && ui-back >= 0; back++ {
		u := d.unitList[ui-back]
		for t := u.t1 - 1; t >= u.t0; t-- {
			if d.toks[t].Span[0] >= pos || d.inQ[t] || d.toks[t].Kind != text.Word || isCap(d.word(t)) {
				continue
			}
			if !isPluralSpeakerNoun(d.lower(t)) {
				continue
			}
			// the noun with up to two lower-case modifiers before it
			s := t
			for s > u.t0 && t-s < 2 && !d.inQ[s-1] && d.toks[s-1].Kind == text.Word && !isCap(d.word(s-1)) &&
				!inLex(npStopLex, d.lower(s-1)) && !inLex(determinersLex, d.lower(s-1)) && !verbLike(d.lower(s-1)) {
				s--
			}
			return d.body[d.toks[s].Span[0]:d.toks[t].Span[1]], true
		}
	}
	return "", false
}

// verbLike reports whether w is most likely a verb form: a past or
// present participle, or a common irregular past ("met", "told").
func verbLike(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || cuesOf(w) != nil {
		return true
	}
	switch w {
	case "met", "told", "said", "saw", "sent", "made", "held", "left", "took", "gave", "got", "found", "urged", "asked", "is", "are", "was", "were", "has", "have", "had":
		return true
	}
	return false
}

// isPluralSpeakerNoun reports whether w is a plural noun for people who
// speak as a group: "officials", "leaders", "spokesmen", "negotiators".
func isPluralSpeakerNoun(w string) bool {
	switch w {
	case "people", "police", "authorities", "men", "women", "spokesmen", "spokeswomen", "spokespeople", "staff":
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	sg := w[:len(w)-1]
	if speakerNouns[sg] || actors.IsRoleNoun(sg) {
		return true
	}
	// agent nouns: negotiators, analysts, diplomats, protesters
	for _, suf := range [...]string{"or", "er", "ist", "ian", "ant", "ent", "at"} {
		if strings.HasSuffix(sg, suf) && len(sg) > len(suf)+3 {
			return true
		}
	}
	return false
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
	if d.ui >= 0 {
		d.spoke = append(d.spoke, spoken{unit: d.ui, id: id})
	}
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

// speakerNouns are common nouns that can head the subject of a reporting
// verb: people, groups, institutions and documents that "say" things.
// A subject whose head is none of these (nor a name, pronoun, role or
// agent noun) is most likely a mis-parse: "this fall said" is not a speaker.
var speakerNouns = map[string]bool{
	// documents and media that "say" things
	"clip": true, "spot": true, "commercial": true, "headline": true, "release": true,
	"communique": true, "communiqué": true, "transcript": true, "petition": true, "resolution": true,
	"declaration": true, "bulletin": true, "newsletter": true, "editorial": true, "column": true,
	"note": true, "draft": true, "proposal": true, "treaty": true, "agreement": true, "text": true,
	"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true,
	"source": true, "expert": true, "critic": true, "people": true, "person": true, "man": true,
	"woman": true, "men": true, "women": true, "lawmaker": true, "leader": true, "member": true,
	"candidate": true, "nominee": true, "campaign": true, "poll": true, "survey": true, "study": true,
	"report": true, "statement": true, "readout": true, "letter": true, "document": true, "data": true, "research": true,
	"authorities": true, "police": true, "lawyer": true, "attorney": true, "judge": true, "court": true, "justice": true,
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
	"bank": true, "station": true, "magazine": true, "journal": true,
	"county": true, "district": true,
	"widow": true, "mom": true, "dad": true, "teacher": true, "worker": true, "resident": true, "voter": true,
}

// invertedPP may follow the subject of an inverted verb: "said one
// source on the panel", "said a spokesman for the ministry".
// laterNamedRoles names the speakers left as a role phrase that the report
// names later: "Turkey's foreign minister said on Monday …. Foreign
// Minister Mevlut Cavusoglu told reporters …" (the role first, the name
// after). Only a definite phrase with its side ("the Turkish foreign
// minister", "Turkey's foreign minister"), and only when one person
// introduced after it holds that title for that side.
func (d *doc) laterNamedRoles() {
	for i := range d.out {
		st := &d.out[i]
		sp := st.SpeakerSpan
		if st.Speaker.Kind != "" || sp[1] <= sp[0] {
			continue
		}
		a := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Span[0] >= sp[0] })
		b := a
		for b < len(d.toks) && d.toks[b].Span[1] <= sp[1] {
			b++
		}
		if b-a < 2 || b-a > 6 || !actors.IsRoleNoun(d.lower(b-1)) {
			continue
		}
		side := ""
		words := make([]string, 0, b-a)
		switch first := d.lower(a); {
		case first == "the":
		case b-a >= 3 && d.toks[a+1].Kind == text.Possessive:
			// "Turkey's foreign minister"
			if c, _, ok := actors.Place(d.word(a)); ok {
				side = c
			}
			a += 2
		default:
			continue
		}
		for k := a; k < b; k++ {
			if d.toks[k].Kind == text.Word {
				words = append(words, d.word(k))
			}
		}
		id, ok := d.book.ByRoleAfter(words, side, sp[0])
		if !ok {
			continue
		}
		surf := d.body[sp[0]:sp[1]]
		act := d.book.Actor(id)
		act.Aliases = append(append([]string(nil), act.Aliases...), surf)
		st.Speaker = act
		d.outKey[i] = act.Name
	}
}

// regionTail reports whether tokens [t, b) are "of" or "from" and a
// place that is no party ("Charles B. Rangel of New York", "Ann Ray from
// Ohio"): the person before it is the speaker; a state or province named
// so says whom they represent, not who speaks.
func (d *doc) regionTail(t, b int) bool {
	if t+1 >= b || d.lower(t) != "of" && d.lower(t) != "from" {
		return false
	}
	m := d.mention[t+1]
	return m >= 0 && d.found[m].Type == article.GPE && d.found[m].ID < 0 && d.found[m].Tok1 == b
}

// remarkNouns are a person's spoken words.
var remarkNouns = map[string]bool{"remarks": true, "comments": true, "words": true, "testimony": true, "answer": true, "reply": true}

// servedTail reports whether tokens [t, b) are "for" and the name of what
// a body serves ("the U.S. Attorney's Office for the Western District of
// New York"): capitalised words and the joining words of names.
func (d *doc) servedTail(t, b int) bool {
	if t+1 >= b || d.lower(t) != "for" {
		return false
	}
	for k := t + 1; k < b; k++ {
		if d.toks[k].Kind != text.Word {
			return false
		}
		if w := d.lower(k); !isCap(d.word(k)) && w != "the" && w != "of" && w != "and" {
			return false
		}
	}
	return true
}

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
	// "No one claimed responsibility", "Nobody said …": no one spoke.
	if w := d.lower(a); w == "nobody" || w == "none" || w == "no" && a+1 < b && (d.lower(a+1) == "one" || d.lower(a+1) == "group") {
		return false
	}
	// "32% of Republican claims": a phrase opening with "of" or right
	// after it is a complement, not a subject.
	if d.lower(a) == "of" || (a > 0 && d.lower(a-1) == "of") {
		return false
	}
	for t := a; t < b; t++ {
		if m := d.mention[t]; m >= 0 && d.found[m].ID >= 0 {
			return true
		}
	}
	// "the 52-year-old said": an age stands for a person
	if d.ageDescriptor(a, b) {
		return true
	}
	// "One of the sources said …. Another said …": "another" after a
	// speaker counted as one of a group is one more of them.
	if b-a == 1 && d.lower(a) == "another" {
		for i := len(d.out) - 1; i >= 0 && i >= len(d.out)-3; i-- {
			if n := d.out[i].Speaker.Name; len(n) > 4 && strings.EqualFold(n[:4], "one ") {
				return true
			}
		}
		return false
	}
	// the head: last word of the phrase (before "of" if any)
	h := b - 1
	for t := a; t < b; t++ {
		// ("lawyers for the plaintiffs": the noun before "for")
		forSpeaker := d.lower(t) == "for" && t > a && (speakerNouns[strings.TrimSuffix(d.lower(t-1), "s")] || speakerNouns[d.lower(t-1)])
		if (d.lower(t) == "of" || sourceAdjectives[d.lower(t)] || d.lower(t) == "with" && t+1 < b && d.lower(t+1) == "knowledge" || forSpeaker || locatives[d.lower(t)]) && t > a {
			// "officials of …", "diplomats familiar with …"
			h = t - 1
			break
		}
	}
	if h < b-1 && quantifiers[d.lower(h)] {
		// "many of the voters", "eight of 10 voters", "most of
		// them": the head is after "of".
		h = b - 1
	}
	for h > a && d.toks[h].Kind != text.Word {
		h--
	}
	w := d.word(h)
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if _, ok := pronouns[lw]; ok {
		return true
	}
	if lw == "whom" || lw == "them" {
		// "many of whom say", "some of them said": a part of a group
		// named before
		return h > a
	}
	// A definite or indefinite noun phrase of two to four words ("the
	// bank", "a former aide") names someone when a clause follows the
	// verb ("the fund warned that …") and its head is no time word.
	if inLex(determinersLex, d.lower(a)) && b-a >= 2 && b-a <= 4 && !isCap(w) && !inLex(npStopLex, lw) && !timeNouns[lw] && d.clauseAfter && !d.cueAmbig {
		return true
	}
	// "The rebels said they had been excluded": a plural noun for people
	// after "the", before "said" and a clause, speaks as a group.
	if d.saidClause && d.lower(a) == "the" && b-a >= 2 && b-a <= 3 && !isCap(w) && peopleNoun(lw) && !inLex(npStopLex, lw) && !timeNouns[lw] {
		return true
	}
	if isCap(w) {
		// weekday and month names are not speakers ("Friday said")
		return !actors.IsCapStop(w)
	}
	if speakerNouns[lw] || actors.IsRoleNoun(lw) || actors.IsTitleWord(lw) {
		return true
	}
	// "the federation said it regretted …": a body's head noun (not a
	// trade word, "chemicals", "wireless", nor an event or a place,
	// "conference", "airport"), before a verb that is no noun
	if actors.IsOrgHead(lw) && !actors.IsCompanyHead(lw) && !eventHeads[lw] && !d.cueAmbig {
		return true
	}
	sg := strings.TrimSuffix(lw, "s")
	if strings.HasSuffix(lw, "ies") {
		sg = strings.TrimSuffix(lw, "ies") + "y"
	}
	if speakerNouns[sg] || actors.IsRoleNoun(sg) {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "man", "ers", "ors", "ists", "ians", "ants", "ents", "ees", "men"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+3 {
			return true
		}
	}
	return false
}

// eventHeads end the names of events, documents and places, which
// organisation names share ("Munich Security Conference"): as a bare
// noun before a verb they name no speaker.
var eventHeads = map[string]bool{
	"agreement": true, "treaty": true, "accord": true, "convention": true, "protocol": true,
	"conference": true, "summit": true, "forum": true, "control": true, "hospital": true,
	"airport": true, "museum": true, "programme": true, "program": true, "campaign": true,
	"center": true, "centre": true, "exchange": true, "poll": true, "channel": true,
}

// chainPerson looks back from the comma at k across comma-separated
// groups (at most four, 40 tokens) to the start of the reporting clause —
// a quote, the unit start or a clause word — and returns a person named
// at the start of one of the groups, the earliest.
func (d *doc) chainPerson(u unit, k int) (actors.Found, bool) {
	commas := 0
	start := u.t0
	for j := k - 1; j >= u.t0 && k-j < 60; j-- {
		if d.inQ[j] || d.toks[j].Kind == text.Quote {
			start = j + 1
			break
		}
		if d.word(j) == "," {
			commas++
			if commas > 6 {
				start = j + 1
				break
			}
		}
		if j == u.t0 {
			start = u.t0
		}
	}
	for t := start; t < k; t++ {
		if d.inQ[t] {
			continue
		}
		m := d.mention[t]
		if m < 0 || d.found[m].Type != article.Person || d.found[m].Tok0 != t {
			continue
		}
		// the mention must open a group: after the start or a comma
		p := t - 1
		if t == start || (p >= u.t0 && d.word(p) == ",") || (p >= u.t0 && d.toks[p].Kind == text.Quote) {
			f := d.found[m]
			if f.Tok1 < u.t1 && d.toks[f.Tok1].Kind == text.Possessive {
				continue
			}
			return f, true
		}
	}
	return actors.Found{}, false
}

// timeNouns head phrases of time, never speakers: "this fall said".
var timeNouns = map[string]bool{
	"fall": true, "spring": true, "summer": true, "winter": true, "week": true, "month": true,
	"year": true, "day": true, "night": true, "morning": true, "evening": true, "afternoon": true,
	"time": true, "weekend": true, "decade": true, "century": true, "moment": true, "way": true,
	"same": true, "other": true, "most": false,
}

// joinWords returns strings.Join(words, " ") for the words of tokens
// [a, b), and strings.ToLower of it. When those tokens are all words one
// space apart, the join is the body's own text, taken without a copy; when
// they are ASCII too, the lower-cased join is d.low's.
func joinWords(d *doc, a, b int, words []string) (string, string) {
	if b-a != len(words) && len(words) > 0 && d.possessivePhrase(a, b) {
		// "Tehran's top negotiator", as written
		s, e := d.toks[a].Span[0], d.toks[b-1].Span[1]
		return d.body[s:e], strings.ToLower(d.body[s:e])
	}
	if b-a != len(words) || len(words) == 0 {
		name := strings.Join(words, " ")
		return name, strings.ToLower(name)
	}
	ascii := d.toks[a].Case != text.CaseOther
	for t := a + 1; t < b; t++ {
		if d.toks[t].Span[0] != d.toks[t-1].Span[1]+1 || d.body[d.toks[t-1].Span[1]] != ' ' {
			name := strings.Join(words, " ")
			return name, strings.ToLower(name)
		}
		ascii = ascii && d.toks[t].Case != text.CaseOther
	}
	s, e := d.toks[a].Span[0], d.toks[b-1].Span[1]
	if ascii {
		return d.body[s:e], d.low[s:e]
	}
	return d.body[s:e], strings.ToLower(d.body[s:e])
}

// possessivePhrase reports whether tokens [a, b) are words with
// possessive marks glued to them ("Tehran's top negotiator"), one space
// between words.
func (d *doc) possessivePhrase(a, b int) bool {
	poss := false
	for t := a; t < b; t++ {
		switch d.toks[t].Kind {
		case text.Word:
			if t > a && d.toks[t].Span[0] != d.toks[t-1].Span[1]+1 {
				return false
			}
		case text.Possessive:
			if t == a || d.toks[t].Span[0] != d.toks[t-1].Span[1] {
				return false
			}
			poss = true
		default:
			return false
		}
	}
	return poss
}

// quantifiers head a phrase whose real head follows "of": "many of the
// voters", "eight of 10 voters", "half of them".
var quantifiers = map[string]bool{
	"many": true, "most": true, "some": true, "few": true, "several": true, "all": true, "half": true,
	"none": true, "majority": true, "minority": true, "one": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "dozens": true,
	"hundreds": true, "thousands": true, "millions": true, "percent": true, "each": true, "both": true,
}

// unnamedSource reports whether the subject ending before token b is
// followed by a clause that withholds the name ("The official, who
// declined to be identified, said", "the diplomat, speaking on condition
// of anonymity, said"): the phrase then introduces an unnamed source; it
// does not refer back to the named holder of the role.
func (d *doc) unnamedSource(b int) bool {
	if b+2 >= len(d.toks) || d.word(b) != "," {
		return false
	}
	for t := b + 1; t < len(d.toks) && t < b+12 && d.word(t) != "," && !d.toks[t].Break; t++ {
		switch d.lower(t) {
		case "identified", "named", "anonymity", "anonymous", "identify":
			return true
		}
	}
	return false
}

// otherGender reports whether an unnamed speaker's role noun has the other
// gender than a pronoun's: "she" is not "a spokesman".
func otherGender(sp article.Actor, g byte) bool {
	phrase := introPhrase(sp)
	head := strings.ToLower(phrase[strings.LastIndexByte(phrase, ' ')+1:])
	rg, ok := genderedWords[head]
	return ok && rg != g
}

// ageDescriptor reports whether tokens [a, b) are "the 46-year-old" (with
// or without the article, the hyphens written or not).
func (d *doc) ageDescriptor(a, b int) bool {
	if a < b && d.lower(a) == "the" {
		a++
	}
	if a >= b || d.toks[a].Kind != text.Number {
		return false
	}
	var rest strings.Builder
	for t := a + 1; t < b; t++ {
		rest.WriteString(d.lower(t))
	}
	r := strings.ReplaceAll(rest.String(), "-", "")
	return r == "yearold"
}

// introPhrase is the phrase an unnamed speaker was last introduced by ("a
// company spokesman"): the latest alias, else the name.
func introPhrase(sp article.Actor) string {
	if n := len(sp.Aliases); n > 0 {
		return sp.Aliases[n-1]
	}
	return sp.Name
}

// foundBefore returns how many of the mentions start before byte offset
// pos (they are in text order).
func (d *doc) foundBefore(pos int) int {
	return sort.Search(len(d.found), func(i int) bool { return d.found[i].Span[0] >= pos })
}

// venue reports whether GPE mention f names a place acted on, not the
// state that acts: a city where something happens ("talks in Vienna", "a
// summit at Camp David"; a country's own name, "in Iran", still counts),
// or the target of a measure ("sanctions against Iran"). "A government
// official" after either is no official of that place.
func (d *doc) venue(f actors.Found) bool {
	if f.Tok0 <= 0 || f.Tok0 > len(d.toks) {
		return false
	}
	switch d.lower(f.Tok0 - 1) {
	case "in", "at":
		return f.Text != d.book.Name(f.ID)
	case "against":
		return true
	}
	return false
}

// ownedByOther reports whether the role phrase [a, b) names its owner
// with a possessive that is no country: "the Houthi movement's chief
// negotiator" is the movement's, whoever else negotiates in the report
// ("Russia's foreign minister" still finds the Russian minister).
func (d *doc) ownedByOther(a, b int) bool {
	for p := a + 1; p < b; p++ {
		if d.toks[p].Kind != text.Possessive {
			continue
		}
		for t := a; t < p; t++ {
			if _, _, ok := actors.Place(d.word(t)); ok {
				return false
			}
			if m := d.mention[t]; m >= 0 && d.found[m].Type == article.GPE {
				return false
			}
		}
		return true
	}
	return false
}

// peopleNoun reports a plural noun that looks like one for people:
// "rebels", "protesters", "activists", "residents", "negotiators",
// "civilians".
// tradeGroups are plural nouns for people or groups by what they do
// that peopleNoun's endings miss.
var tradeGroups = map[string]bool{
	"analysts": true, "experts": true, "groups": true, "unions": true, "associations": true,
	"economists": true, "witnesses": true, "locals": true, "families": true, "businesses": true,
}

// tradeNouns are people by a trade whose view is their own, not their
// employer's ("an analyst at the bank said"), unlike a spokesman's.
var tradeNouns = map[string]bool{
	"analyst": true, "economist": true, "researcher": true, "scientist": true, "expert": true,
	"strategist": true, "professor": true, "scholar": true, "fellow": true, "lecturer": true,
	"trader": true, "investor": true,
}

func peopleNoun(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range [...]string{"ers", "ists", "els", "ants", "ents", "ors", "ians"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
