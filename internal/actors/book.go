package actors

import (
	dictionary "github.com/parley-news/parley/internal/gazetteer"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// Book is the actor registry of one article, built from its text: every
// person, organisation and country named, with the titles and
// affiliations the text gives them. It is not safe for concurrent use; make
// one per article with NewBook.
type Book struct {
	reg     *Registry
	at      time.Time
	entries []*entry
	// spare holds entries made for earlier articles, taken again (with
	// their slices' storage) after Reset: a new entry per actor per
	// article was a tenth of the pipeline's allocated bytes.
	spare []*entry
	byKey map[string]int    // Key(full name) → entry
	keys  map[string]string // cache of Key
	// byLast and byFirst index the people by the Key of their last and
	// first name tokens (ids in increasing order), so that a surname is
	// found without scanning every entry.
	byLast, byFirst map[string][]ID
	// byInner indexes the people by the Key of the inner words of names
	// of three words or more ("Lula" of "Luiz Inacio Lula da Silva").
	byInner map[string][]ID
	// orgs are the organisations' entries in the order made.
	orgs []ID
}

// better reports whether entry i beats the current best (-1: none): the
// later mentioned, and on a tie the earlier entry, as a scan in id order
// would choose.
func (b *Book) better(i, best ID) bool {
	if best < 0 {
		return true
	}
	li, lb := b.entries[i].lastSeen, b.entries[best].lastSeen
	return li > lb || (li == lb && i < best)
}

// indexFirst records that person id has the first-name key k.
func (b *Book) indexFirst(id ID, k string) {
	if k == "" {
		return
	}
	if b.byFirst == nil {
		b.byFirst = make(map[string][]ID, 8)
	}
	b.byFirst[k] = append(b.byFirst[k], id)
}

// key is Key with a per-article cache: names recur.
func (b *Book) key(s string) string {
	if k, ok := b.keys[s]; ok {
		return k
	}
	k := Key(s)
	b.keys[s] = k
	return k
}

type entry struct {
	actor    article.Actor
	first    string // Key of the first name token ("" for one-token names)
	last     string // Key of the last name token
	lastSeen int    // byte offset of the latest mention
	roleSeen int    // byte offset of the first mention with a title
	seen     []int  // byte offsets of all mentions, in order
	// titleLC caches strings.ToLower(titleOf): ByRole compares titles
	// lower-case for every role phrase.
	titleOf, titleLC string
	// known: the user's actors file knows the person
	known bool
}

// lowerTitle returns the actor's title lower-cased.
func (e *entry) lowerTitle() string {
	if e.titleOf != e.actor.Title || (e.titleLC == "" && e.actor.Title != "") {
		e.titleOf, e.titleLC = e.actor.Title, strings.ToLower(e.actor.Title)
	}
	return e.titleLC
}

// seenBefore returns the latest mention before pos, or -1.
func (e *entry) seenBefore(pos int) int {
	best := -1
	for _, p := range e.seen {
		if p < pos && p > best {
			best = p
		}
	}
	return best
}

// NewBook starts the registry of an article published at t (zero when
// unknown); reg, the curated registry, may be nil.
func NewBook(reg *Registry, t time.Time) *Book {
	return &Book{reg: reg, at: t, byKey: make(map[string]int, 16), keys: make(map[string]string, 32)}
}

// Reset empties b for another article published at t, keeping the storage
// of its tables (and the cache of Key), so that a caller may reuse one Book across articles (a
// new Book allocates its tables afresh). What b returned before (actors,
// names) stays valid: Actor and Actors copy, and entries are taken again
// only through newEntry, which clears them.
func (b *Book) Reset(reg *Registry, t time.Time) {
	b.reg, b.at = reg, t
	if len(b.spare) < 1024 { // bounded, as the cache of Key is
		b.spare = append(b.spare, b.entries...)
	}
	clear(b.entries)
	b.entries = b.entries[:0]
	if b.byKey == nil {
		b.byKey = make(map[string]int, 16)
	}
	if b.keys == nil {
		b.keys = make(map[string]string, 32)
	}
	clear(b.byKey)
	// The cache of Key (a pure function of the string) carries over: names
	// recur from one article to the next. It is bounded, and the Book's
	// owner pools it in a sync.Pool, so no old article is kept for long.
	if len(b.keys) > 4096 {
		clear(b.keys)
	}
	clear(b.byLast)
	clear(b.byFirst)
	clear(b.byInner)
	b.orgs = b.orgs[:0]
}

// newEntry returns a cleared entry for actor a, a spare one when there is.
func (b *Book) newEntry(a article.Actor) *entry {
	n := len(b.spare)
	if n == 0 {
		return &entry{actor: a, roleSeen: -1}
	}
	e := b.spare[n-1]
	b.spare[n-1] = nil
	b.spare = b.spare[:n-1]
	seen := e.seen[:0]
	*e = entry{actor: a, roleSeen: -1, seen: seen}
	return e
}

// ID identifies an actor in a Book; -1 is none.
type ID = int

// noEntry stands for an unknown id: an actor with every field empty.
var noEntry = &entry{}

// get returns the entry of id, or noEntry (never to be modified).
func (b *Book) get(id ID) *entry {
	if id < 0 || id >= len(b.entries) {
		return noEntry
	}
	return b.entries[id]
}

// Actor returns the actor with the given id.
func (b *Book) Actor(id ID) article.Actor {
	a := b.get(id).actor
	a.Aliases = append([]string(nil), a.Aliases...)
	return a
}

// Name returns the canonical name of an actor.
func (b *Book) Name(id ID) string { return b.get(id).actor.Name }

// Actors returns all actors of the article in order of first mention.
func (b *Book) Actors() []article.Actor {
	out := make([]article.Actor, len(b.entries))
	n := 0
	for _, e := range b.entries {
		n += len(e.actor.Aliases)
	}
	// The aliases of all actors in one array, each actor's a capped piece
	// of it (as Actor's own copy would be).
	aliases := make([]string, 0, n)
	for i, e := range b.entries {
		out[i] = e.actor
		out[i].Aliases = nil
		if len(e.actor.Aliases) > 0 {
			k := len(aliases)
			aliases = append(aliases, e.actor.Aliases...)
			out[i].Aliases = aliases[k:len(aliases):len(aliases)]
		}
	}
	return out
}

// Kind returns the kind (PERSON, ORG, GPE) of an actor.
func (b *Book) Kind(id ID) string { return b.get(id).actor.Kind }

func (b *Book) addAlias(e *entry, s string) {
	if s == "" || s == e.actor.Name {
		return
	}
	for _, a := range e.actor.Aliases {
		if a == s {
			return
		}
	}
	e.actor.Aliases = append(e.actor.Aliases, s)
}

// Person records a mention of a person named name (one or more tokens)
// at byte offset pos, with the title and affiliation given there (may be
// empty), and returns the actor. Mentions of one person by full name,
// surname or a variant spelling ("Sergei"/"Sergey") share one actor.
func (b *Book) Person(name, title, affiliation string, pos int) ID {
	return b.person(name, title, affiliation, pos, title != "")
}

// person is Person; addressed says the name was given with a title or an
// honorific ("Prime Minister Srettha", "Dr Tedros"), so that a given name
// alone may be the person who has it first in their full name.
func (b *Book) person(name, title, affiliation string, pos int, addressed bool) ID {
	name = strings.TrimSpace(name)
	if name == "" {
		return -1
	}
	firstW, lastW, multi := nameEnds(name)
	lastK := b.key(articleOff(lastW))
	firstK := ""
	if multi && !nameParticles[strings.ToLower(firstW)] {
		// ("Von der Leyen": a family name with its particles, no first
		// name; it joins any known Leyen.)
		firstK = b.key(firstW)
	}
	id := -1
	nameK := lastK // a one-word name is its last word
	if multi {
		nameK = b.key(name)
	}
	if i, ok := b.byKey[nameK]; ok && b.entries[i].actor.Kind == article.Person {
		id = i
	} else {
		// Same surname, compatible first name; prefer the latest mentioned.
		best := -1
		for _, i := range b.byLast[lastK] {
			e := b.entries[i]
			if e.actor.Kind != article.Person || e.last != lastK {
				continue
			}
			// "Lopez Obrador" after "Andres Manuel Lopez Obrador": the
			// family names alone
			if firstK != "" && e.first != "" && e.first != firstK && !wordSuffix(e.actor.Name, name) {
				continue
			}
			if b.better(i, best) {
				best = i
			}
		}
		if best < 0 && !multi {
			// "Lula" after "Luiz Inacio Lula da Silva" (see Surname)
			best = b.only(b.byInner[lastK], func(*entry) bool { return true })
		}
		if best < 0 && !multi && royalHonorific(title) {
			// "Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al
			// Thani": a ruler's honorific before the given name.
			best = b.only(b.byFirst[lastK], func(e *entry) bool { return e.first == lastK })
		}
		if best < 0 && !multi && familyFirst[strings.ToLower(lastW)] {
			// A Chinese or Korean family name is written first and used
			// alone: "Wang" after "Wang Wenbin", "Ban" after "Ban Ki-moon".
			// (A Western first name used alone is left apart: in a report
			// that calls one Gonzalez by his first name, "Gonzalez" alone
			// is another member of the family.)
			for _, i := range b.byFirst[lastK] {
				if e := b.entries[i]; e.actor.Kind == article.Person && e.first == lastK && b.better(i, best) {
					best = i
				}
			}
			// Hong Kong names put an English given name first: "John Lee
			// Ka-chiu" … "Lee said".
			if best < 0 {
				for i, e := range b.entries {
					if e.actor.Kind == article.Person && englishFirstFamily(e.actor.Name, lastW) && b.better(i, best) {
						best = i
					}
				}
			}
		}
		if best < 0 && !multi {
			// "Dr Tedros" after "Tedros Adhanom Ghebreyesus", "Srettha"
			// after "Prime Minister Srettha Thavisin", "Hillary" after
			// "Hillary Clinton": a given name alone is the one person of
			// the report who has it (no one has it as a family name: that
			// case was read above), as Ethiopian, Thai and Indonesian
			// names are used, and as Surname already reads it.
			// Only for a name given here with a title ("Dr Tedros",
			// "Prime Minister Srettha") or a person the user's actors file
			// knows: two capitalised words are as often a company and its
			// product ("Google Stadia", read as a person), and the
			// company's name alone is the company's.
			best = b.only(b.byFirst[lastK], func(e *entry) bool {
				return e.first == lastK && (e.known || addressed)
			})
		}
		id = best
	}
	if id < 0 {
		e := b.newEntry(article.Actor{Name: name, Kind: article.Person})
		e.first, e.last = firstK, lastK
		if k, ok := b.reg.Lookup(name); ok && k.Kind == article.Person {
			e.known = true
			e.actor.Name = k.Name
			if name != k.Name {
				e.actor.Aliases = append(e.actor.Aliases, name)
			}
			if r, ok := k.RoleAt(b.at); ok {
				e.actor.Title, e.actor.Affiliation = r.Title, r.Affiliation
			}
			if kt := strings.Fields(k.Name); len(kt) > 1 {
				e.first = Key(kt[0])
			}
		}
		b.entries = append(b.entries, e)
		id = len(b.entries) - 1
		if b.byLast == nil {
			b.byLast = make(map[string][]ID, 8)
		}
		b.byLast[e.last] = append(b.byLast[e.last], id)
		b.indexFirst(id, e.first)
	}
	e := b.entries[id]
	if strings.Count(name, " ") >= 2 {
		if ws := strings.Fields(name); len(ws) >= 3 {
			b.indexInner(id, ws)
		}
	}
	if multi && e.first == "" {
		// The first full name seen becomes the canonical one.
		b.addAlias(e, e.actor.Name)
		e.actor.Name = name
		e.first = firstK
		b.indexFirst(id, e.first)
	} else {
		b.addAlias(e, name)
	}
	b.addAlias(e, lastW)
	b.byKey[nameK] = id
	if title != "" {
		if e.actor.Title == "" || e.roleSeen < 0 || pos < e.roleSeen {
			e.actor.Title = title
		}
		if e.roleSeen < 0 || pos < e.roleSeen {
			e.roleSeen = pos
		}
	}
	if affiliation != "" {
		e.actor.Affiliation = affiliation
	}
	if pos > e.lastSeen {
		e.lastSeen = pos
	}
	e.seen = append(e.seen, pos)
	return id
}

// nameEnds returns the first and last words of a trimmed name and
// whether it has more than one word, without splitting it: names from
// the text are words joined by single spaces; anything else (tabs, runs
// of spaces) goes through strings.Fields.
func nameEnds(name string) (first, last string, multi bool) {
	// "Martin Luther King Jr.", "John Smith III": the family name is the
	// word before a generational suffix
	if k := strings.LastIndexByte(name, ' '); k > 0 && nameSuffix(name[k+1:]) {
		if f, l, m := nameEnds(strings.TrimRight(name[:k], " ,")); m || strings.IndexByte(name[:k], ' ') < 0 {
			return f, l, true
		}
	}
	i, j, plain := -1, -1, true
	for k := 0; k < len(name); k++ {
		switch c := name[k]; {
		case c == ' ':
			if j == k-1 && j >= 0 {
				plain = false // a run of spaces
			}
			if i < 0 {
				i = k
			}
			j = k
		case c < ' ' || c >= 0x80:
			plain = false // other white space, possibly
		}
	}
	if plain && i < 0 {
		return name, name, false
	}
	if plain {
		return name[:i], name[j+1:], true
	}
	f := strings.Fields(name)
	return f[0], f[len(f)-1], len(f) > 1
}

// nameSuffix reports a generational suffix after a name: "Jr.", "Sr.",
// "II", "III", "IV".
func nameSuffix(w string) bool {
	switch w {
	case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "jr.", "sr.":
		return true
	}
	return false
}

// Body records a mention of an organisation or country (kind ORG or GPE)
// under its canonical name and returns the actor.
func (b *Book) Body(name, kind, affiliation, surface string, pos int) ID {
	if name == "" {
		return -1
	}
	name = eraState(name, surface, b.at)
	k := b.key(name)
	id, ok := b.byKey[k]
	if !ok && kind == article.Org {
		// "Defense Ministry" and "Russian Defense Ministry" are one body:
		// a name that is another's without its leading demonym.
		if i, ok2 := b.orgVariant(name); ok2 {
			id, ok = i, true
			e := b.entries[i]
			if len(name) > len(e.actor.Name) {
				b.addAlias(e, e.actor.Name)
				e.actor.Name = name
				if affiliation != "" {
					e.actor.Affiliation = affiliation
				}
			}
			b.byKey[k] = i
		}
	}
	if !ok || b.entries[id].actor.Kind == article.Person {
		b.entries = append(b.entries, b.newEntry(article.Actor{Name: name, Kind: kind, Affiliation: affiliation}))
		id = len(b.entries) - 1
		b.byKey[k] = id
		if kind == article.Org {
			b.orgs = append(b.orgs, id)
		}
	}
	e := b.entries[id]
	if surface != "" && surface != name {
		b.addAlias(e, surface)
	}
	if pos > e.lastSeen {
		e.lastSeen = pos
	}
	e.seen = append(e.seen, pos)
	return id
}

// Touch marks actor id as mentioned at pos (for recency).
func (b *Book) Touch(id ID, pos int) {
	if id >= 0 && id < len(b.entries) && pos > b.entries[id].lastSeen {
		b.entries[id].lastSeen = pos
	}
}

// LastSeenBefore returns the byte offset of actor id's latest mention
// before pos, or -1.
func (b *Book) LastSeenBefore(id ID, pos int) int { return b.get(id).seenBefore(pos) }

// Surname finds a person already known by this one-token name.
func (b *Book) Surname(tok string) (ID, bool) {
	k := b.key(articleOff(tok)) // "al-Ansari" is filed under "ansari"
	best := -1
	for _, ids := range [2][]ID{b.byLast[k], b.byFirst[k]} {
		for _, i := range ids {
			e := b.entries[i]
			if e.actor.Kind != article.Person || !(e.last == k || (e.first == k && e.first != "")) {
				continue
			}
			if b.better(i, best) {
				best = i
			}
		}
	}
	if best < 0 {
		// "Lula" after "Luiz Inacio Lula da Silva": a word inside one
		// person's long name.
		best = b.only(b.byInner[k], func(*entry) bool { return true })
	}
	if best < 0 {
		// "Lee" after "John Lee Ka-chiu"
		if _, ff := text.LookupLower(familyFirst, tok); ff {
			for i, e := range b.entries {
				if e.actor.Kind == article.Person && englishFirstFamily(e.actor.Name, tok) && b.better(i, best) {
					best = i
				}
			}
		}
	}
	return best, best >= 0
}

// indexInner records the inner words of person id's name ws (not its
// first or last word, nor a particle or a lower-case word).
func (b *Book) indexInner(id ID, ws []string) {
	for _, w := range ws[1 : len(ws)-1] {
		if nameParticles[strings.ToLower(w)] || !isCap(w) || strings.HasSuffix(w, ".") || len(w) < 3 {
			continue
		}
		if b.byInner == nil {
			b.byInner = make(map[string][]ID, 8)
		}
		k := b.key(articleOff(w))
		if l := b.byInner[k]; len(l) == 0 || l[len(l)-1] != id {
			b.byInner[k] = append(l, id)
		}
	}
}

// only returns the one person among ids that ok accepts; -1 when none or
// several.
func (b *Book) only(ids []ID, ok func(*entry) bool) ID {
	one := ID(-1)
	for _, i := range ids {
		if e := b.entries[i]; e.actor.Kind == article.Person && ok(e) && i != one {
			if one >= 0 {
				return -1
			}
			one = i
		}
	}
	return one
}

// IsHonorificTitle reports whether title is only a ruler's or noble's
// honorific ("Prince", "Sheikh"), not an office.
func IsHonorificTitle(title string) bool {
	return !strings.Contains(title, " ") && royalHonorific(title)
}

// royalHonorific reports whether title ends in an honorific of rulers
// and their families, before which the Gulf press writes the given name
// alone ("Sheikh Mohammed", "Prince Faisal").
func royalHonorific(title string) bool {
	i := strings.LastIndexByte(title, ' ')
	switch strings.ToLower(title[i+1:]) {
	case "sheikh", "sheikha", "prince", "princess", "emir", "sultan", "king", "queen":
		return true
	}
	return false
}

// englishFirstFamily reports whether name is written "Given Family
// Gi-ven" (an English given name, the family name, a hyphenated Chinese
// given name: "John Lee Ka-chiu") with family name fam.
func englishFirstFamily(name, fam string) bool {
	f := strings.Fields(name)
	if len(f) != 3 || !strings.EqualFold(f[1], fam) {
		return false
	}
	h := strings.IndexByte(f[2], '-')
	return h > 0 && h+1 < len(f[2]) && f[2][h+1] >= 'a' && f[2][h+1] <= 'z'
}

// GiveTitle records the title an apposition gives person id ("Anna Berg,
// the fund's chief executive, said") at byte offset pos, when the text gave
// them none before: later role phrases ("the chief executive added") then
// find them.
func (b *Book) GiveTitle(id ID, title string, pos int) {
	if id < 0 || id >= len(b.entries) || title == "" {
		return
	}
	e := b.entries[id]
	// (a ruler's honorific alone, "Prince", gives way to the office the
	// apposition names: "Prince Faisal, Minister of Foreign Affairs")
	if e.actor.Kind != article.Person || e.actor.Title != "" && !IsHonorificTitle(e.actor.Title) {
		return
	}
	e.actor.Title = title
	if e.roleSeen < 0 || pos < e.roleSeen {
		e.roleSeen = pos
	}
}

// GiveSide records the side an apposition names for person id ("the
// Soviet party leader"), when the text gave them none.
func (b *Book) GiveSide(id ID, side string) {
	if id < 0 || id >= len(b.entries) || side == "" {
		return
	}
	if e := b.entries[id]; e.actor.Kind == article.Person && e.actor.Affiliation == "" {
		e.actor.Affiliation = side
	}
}

// roleHeads maps role nouns used without a name ("the minister", "the
// senior diplomat") to title words that an actor's title must contain for
// the noun to refer to that actor. A diplomat is anyone in foreign
// affairs; the other nouns name their own title.
var roleHeads = map[string][]string{
	"diplomat":       {"foreign", "ambassador", "envoy", "diplomat", "secretary of state", "representative"},
	"official":       {""},
	"minister":       {"minister"},
	"spokesman":      {"spokes", "press secretary"},
	"spokeswoman":    {"spokes", "press secretary"},
	"spokesperson":   {"spokes", "press secretary"},
	"secretary":      {"secretary"},
	"president":      {"president"},
	"ambassador":     {"ambassador"},
	"envoy":          {"envoy", "ambassador", "representative"},
	"representative": {"representative", "envoy", "ambassador"},
	"chief":          {"chief", "head"},
	"head":           {"head", "chief", "director"},
	"leader":         {"leader", "president", "prime minister", "premier", "chancellor", "general secretary", "first secretary", "emir", "king"},
	"premier":        {"premier", "prime minister"},
	"chancellor":     {"chancellor"},
	"senator":        {"senator", "sen."},
	"governor":       {"governor", "gov."},
	"general":        {"general", "gen."},
	"nominee":        {"nominee", "candidate"},
	"candidate":      {"candidate", "nominee"},
	"chairman":       {"chair"},
	"chairwoman":     {"chair"},
	"chair":          {"chair"},
	"director":       {"director"},
	"mayor":          {"mayor"},
	"negotiator":     {"negotiator", "envoy"},
	"judge":          {"judge", "justice"},
	"taoiseach":      {"taoiseach"},
	"executive":      {"executive", "ceo", "chief"},
	"commissioner":   {"commissioner"},
	"prosecutor":     {"prosecutor", "attorney"},
	"economist":      {"economist"},
	"analyst":        {"analyst"},
	"mediator":       {"mediator", "envoy"},
	"adviser":        {"adviser", "advisor"},
	"advisor":        {"adviser", "advisor"},
}

// IsRoleNoun reports whether w is a role noun that can stand for a
// person named elsewhere in the text ("the minister").
func IsRoleNoun(w string) bool { _, ok := text.LookupLower(roleHeads, w); return ok }

// ByRole resolves a role phrase without a name ("the senior Russian
// diplomat", "the Russian Foreign Minister") to the person who holds that
// role in the text, the most recently mentioned first; failing that, to the
// curated registry's holder of the title at the article's date. head is the
// phrase's last word, words all of its words, pos where it occurs.
func (b *Book) ByRole(words []string, pos int) (ID, bool) {
	if len(words) == 0 {
		return -1, false
	}
	head, needs, affil, tw, ok := roleQuery(words)
	if !ok {
		return -1, false
	}
	return b.byRole(head, needs, affil, tw, pos)
}

// ByRoleAfter resolves a role phrase that names its side ("Turkey's
// foreign minister", "the Turkish foreign minister") to the one person
// the text introduces after pos with that title and side ("… Foreign
// Minister Mevlut Cavusoglu told reporters"): a report may give the role
// first and the name later. None when no one, or more than one, fits.
func (b *Book) ByRoleAfter(words []string, side string, pos int) (ID, bool) {
	if len(words) == 0 {
		return -1, false
	}
	_, needs, affil, tw, ok := roleQuery(words)
	if !ok {
		return -1, false
	}
	if affil == "" {
		affil = side
	}
	if affil == "" {
		return -1, false
	}
	phrase := strings.Join(tw, " ")
	found := ID(-1)
	for i, e := range b.entries {
		if e.actor.Kind != article.Person || e.actor.Title == "" || e.roleSeen <= pos {
			continue
		}
		if e.actor.Affiliation != affil && !(e.actor.Affiliation == "" && dictionarySide(e.actor.Name, b.at) == affil) {
			continue
		}
		t := e.lowerTitle()
		fits := phrase != "" && strings.Contains(t, phrase)
		for _, n := range needs {
			if n != "" && strings.Contains(t, n) && phrase == "" {
				fits = true
			}
		}
		if !fits {
			continue
		}
		if found >= 0 {
			return -1, false
		}
		found = i
	}
	return found, found >= 0
}

// portfolioClash reports whether the role words name a portfolio the
// title lacks while it names another ("defence" for a "foreign
// minister"; a title "minister" alone clashes with none).
func portfolioClash(words []string, title string) bool {
	missing := false // a portfolio of the phrase the title lacks
	for _, w := range words {
		if portfolios[w] && !strings.Contains(title, w) {
			missing = true
			break
		}
	}
	if !missing {
		return false
	}
	// the title names a portfolio of its own ("minister" alone names none)
	for _, w := range strings.Fields(title) {
		if portfolios[w] {
			return true
		}
	}
	return false
}

// portfolios are the words that say which ministry a minister heads.
var portfolios = map[string]bool{
	"foreign": true, "defence": true, "defense": true, "finance": true, "trade": true, "interior": true,
	"justice": true, "health": true, "energy": true, "economy": true, "agriculture": true, "fisheries": true,
	"education": true, "transport": true, "environment": true, "labour": true, "labor": true, "culture": true,
	"commerce": true, "treasury": true, "home": true, "industry": true, "tourism": true, "oil": true, "petroleum": true,
}

// roleQuery reads a role phrase: its head noun, the title words that
// head may stand for, the side a people's adjective in it names, and its
// other words lower-cased (articles and grading words dropped).
func roleQuery(words []string) (head string, needs []string, affil string, tw []string, ok bool) {
	head = strings.ToLower(words[len(words)-1])
	// "the head of the Russian state": the role is the noun before "of".
	for i, w := range words {
		// EqualFold is ToLower(x) == y here: no letter of "of" or "head"
		// has a non-ASCII case fold.
		if strings.EqualFold(w, "of") && i > 0 {
			if head == "state" && strings.EqualFold(words[i-1], "head") {
				head = "president"
			} else {
				head = strings.ToLower(words[i-1])
			}
			words = words[:i]
			break
		}
	}
	needs, ok = roleHeads[head]
	if !ok {
		return head, nil, "", nil, false
	}
	for _, w := range words {
		if c, ok := Demonym(w); ok {
			affil = c
			continue
		}
		lw := strings.ToLower(w)
		switch lw {
		case "the", "a", "an", "senior", "top", "high-ranking", "former", "veteran", "chief", "his", "her", "their", "its":
			continue
		}
		tw = append(tw, lw)
	}
	return head, needs, affil, tw, true
}

// byRole is ByRole's search once the phrase is read.
func (b *Book) byRole(head string, needs []string, affil string, tw []string, pos int) (ID, bool) {
	phrase := strings.Join(tw, " ")
	best, bestScore, bestSeen := -1, -1, -1
	for i, e := range b.entries {
		if e.actor.Kind != article.Person || e.actor.Title == "" || e.roleSeen < 0 || e.roleSeen >= pos {
			continue
		}
		seen := e.seenBefore(pos)
		if seen < 0 {
			continue
		}
		if affil != "" && e.actor.Affiliation != "" && e.actor.Affiliation != affil {
			continue
		}
		t := e.lowerTitle()
		score := -1
		for _, n := range needs {
			if n == "" || strings.Contains(t, n) {
				score = 1
				break
			}
		}
		if score < 0 {
			continue
		}
		if phrase != "" && strings.Contains(t, phrase) {
			score = 2
		} else if portfolioClash(tw, t) {
			// "the defence minister" is not the foreign minister
			continue
		}
		// "the Soviet leader": one known to be Soviet before one whose
		// side is unknown
		if affil != "" && e.actor.Affiliation == affil {
			score += 2
		}
		if score > bestScore || (score == bestScore && seen > bestSeen) {
			best, bestScore, bestSeen = i, score, seen
		}
	}
	if best >= 0 {
		return best, true
	}
	// Curated registry: "the Russian Foreign Minister" on the article's date.
	if b.reg != nil && len(tw) > 0 {
		title := strings.Join(tw, " ")
		if k, r, ok := b.reg.Holder(title, affil, b.at); ok {
			// A role phrase resolves to one person: remember the mention.
			id := b.Person(k.Name, r.Title, r.Affiliation, pos)
			return id, true
		}
	}
	// "Putin told the conference …. 'We are ready,' the Russian president
	// said": a leader well enough known to be named without a title is
	// varied by role right after. The person named last before the phrase
	// answers it when the text gave them no title and the same country.
	// Only leaders' roles: "the Kremlin spokesman" after "Putin said" is
	// someone else.
	if affil != "" && (head == "president" || head == "leader" || head == "premier" || head == "chancellor" ||
		(head == "minister" && strings.Contains(phrase, "prime"))) {
		last, lastSeen := -1, -1
		for i, e := range b.entries {
			if e.actor.Kind != article.Person {
				continue
			}
			if s := e.seenBefore(pos); s > lastSeen {
				last, lastSeen = i, s
			}
		}
		if last >= 0 {
			if e := b.entries[last]; e.actor.Title == "" && (e.actor.Affiliation == affil || (e.actor.Affiliation == "" && dictionarySide(e.actor.Name, b.at) == affil)) {
				return last, true
			}
		}
	}
	return -1, false
}

// orgVariant finds an organisation whose name equals name once a leading
// demonym or country is dropped from either of them.
func (b *Book) orgVariant(name string) (ID, bool) {
	strip := func(n string) string {
		if i := strings.IndexByte(n, ' '); i > 0 {
			if _, ok := Demonym(n[:i]); ok {
				return n[i+1:]
			}
		}
		return n
	}
	sn := strip(name)
	// (the last two hundred organisations named: a long report naming
	// thousands would otherwise compare each new one with all of them)
	for _, i := range b.orgs[max(0, len(b.orgs)-200):] {
		e := b.entries[i]
		if e.actor.Kind != article.Org {
			continue
		}
		en := e.actor.Name
		if en == name {
			continue
		}
		if (strip(en) == name && sn == name) || (sn != name && en == sn) {
			return i, true
		}
	}
	return -1, false
}

// dictionarySide is whom the actor dictionary says the person named name
// speaks for on day at (the text may name a leader without the office);
// "" when the dictionary is unavailable or does not know them by their full
// name.
func dictionarySide(name string, at time.Time) string {
	if !strings.Contains(name, " ") {
		return ""
	}
	g, err := dictionary.Load()
	if err != nil {
		return ""
	}
	p, ok := g.Person(name, at)
	if !ok || p.Partial {
		return ""
	}
	return p.Role.Side()
}

// dictionaryPlace looks up a name run that the gazetteer table of this
// package does not hold in the actor dictionary's countries: a country's
// own name ("Mauritania", "Hong Kong", "Burkina Faso") is a party; a
// name of several words that the dictionary lists under a country ("Tel
// Aviv", "Sao Paulo", "New York City", "Puerto Rico") is a place in it
// but no party (a city does not speak for its country). A name the
// dictionary also knows as a person's is left to the person rules, and
// so are the names kept out of the table for that reason ("Jordan").
func dictionaryPlace(surface string) (country string, party, ok bool) {
	var e dictPlace
	if plainASCII(surface) {
		e, ok = dictPlaces().GetLower(surface)
	} else {
		e, ok = dictPlaces().Get(dictionary.Normalize(surface))
	}
	if !ok || unindexedNames[e.country] {
		return "", false, false
	}
	if e.own {
		return e.country, true, true
	}
	if g, err := dictionary.Load(); err == nil {
		if _, isPerson := g.Person(surface, time.Time{}); isPerson {
			return "", false, false
		}
	}
	return e.country, false, true
}

// dictionaryOrg looks up a name run in the actor dictionary's bodies and
// returns the body's display name.
func dictionaryOrg(surface string) (string, bool) {
	g, err := dictionary.Load()
	if err != nil {
		return "", false
	}
	o, ok := g.Org(surface)
	if !ok || o.Name == "" || !bodySectors[o.Role.Sector] {
		return "", false
	}
	// the text's own spelling of the same name ("U.S. Trade
	// Representative", not the dictionary's "Us Trade Representative")
	ns, nn := dictionary.Normalize(surface), dictionary.Normalize(o.Name)
	if ns == nn {
		return surface, true
	}
	// The dictionary files bodies under coarse names: "Bundestag" under
	// "Bundesrat", "CIA" under "US Intelligence Community". The text's
	// name is kept; only a spelling variant of the dictionary's name
	// ("Hizbollah" for "Hezbollah") takes it.
	if !spellingVariant(ns, nn) {
		return surface, true
	}
	return o.Name, true
}

// spellingVariant reports whether two normalised names of five letters
// or more differ by at most one edit (two from ten letters on).
func spellingVariant(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || len(a)-len(b) > 2 || len(b)-len(a) > 2 || len(a) > 64 || len(b) > 64 {
		return false
	}
	d := text.EditDistance(a, b)
	// ("Bundestag" and "Bundesrat" are two edits apart: short names
	// allow one)
	if len(a) < 10 {
		return d <= 1
	}
	return d <= 2
}

// bodySectors are the dictionary's sectors of bodies; the others under
// its bodies are territories ("Greenland", "Gibraltar") and persons known
// by one name.
var bodySectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "SPY": true,
	"MED": true, "EDU": true, "BUS": true, "LAB": true, "LEG": true, "NGO": true, "IGO": true, "MNC": true,
	"NGM": true, "IMG": true, "SEP": true, "RAD": true, "UAF": true, "INS": true, "AGR": true, "ENV": true,
	"HLH": true, "REF": true, "CRM": true,
}

// dictPlace is a name of dictPlaces: its country and whether it is the
// country's own name.
type dictPlace struct {
	country string
	own     bool
}

// dictPlaces holds the actor dictionary's country names and its other
// names of several words for a country (a single word may be a demonym:
// "Mauritanian"), normalised; built on first use.
var dictPlaces = sync.OnceValue(func() *text.Lexicon[dictPlace] {
	m := map[string]dictPlace{}
	if g, err := dictionary.Load(); err == nil {
		g.CountryKeys(func(k string, c dictionary.Country, own bool) {
			if own || strings.Contains(k, " ") {
				m[k] = dictPlace{c.Name, own}
			}
		})
	}
	return text.NewLexicon(m)
})

// plainASCII reports whether s has only ASCII letters and spaces (so that
// lower-casing it is its normal form).
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ') {
			return false
		}
	}
	return true
}

// capitalEras are capitals that stood for another state before a day:
// "Moscow said" in 1985 is the Soviet Union's word, "Prague" in 1980
// Czechoslovakia's. The state the gazetteer gives the capital today is
// replaced by the one of the article's day.
var capitalEras = []struct {
	capital, today, then string
	until                time.Time // the first day of today's state
}{
	{"Moscow", "Russia", "Soviet Union", time.Date(1991, 12, 26, 0, 0, 0, 0, time.UTC)},
	{"Kremlin", "Russia", "Soviet Union", time.Date(1991, 12, 26, 0, 0, 0, 0, time.UTC)},
	{"Hanoi", "Vietnam", "North Vietnam", time.Date(1976, 7, 2, 0, 0, 0, 0, time.UTC)},
	{"Prague", "Czech Republic", "Czechoslovakia", time.Date(1993, 1, 1, 0, 0, 0, 0, time.UTC)},
	{"Belgrade", "Serbia", "Yugoslavia", time.Date(1992, 4, 27, 0, 0, 0, 0, time.UTC)},
	{"Kinshasa", "Democratic Republic of the Congo", "Zaire", time.Date(1997, 5, 17, 0, 0, 0, 0, time.UTC)},
}

// eraState returns the state a capital named by surface stood for on day
// at, when it differs from name (today's).
func eraState(name, surface string, at time.Time) string {
	if at.IsZero() || surface == "" {
		return name
	}
	for _, e := range capitalEras {
		if name == e.today && at.Before(e.until) && strings.EqualFold(surface, e.capital) {
			return e.then
		}
	}
	return name
}

// articleOff drops the Arabic article of a family name, "al-Sisi" →
// "Sisi": the name is used alone without it.
func articleOff(w string) string {
	if articleName(w) {
		return w[strings.IndexByte(w, '-')+1:]
	}
	return w
}

// wordSuffix reports whether name ends with the words of part: "Lopez
// Obrador" of "Andres Manuel Lopez Obrador".
func wordSuffix(name, part string) bool {
	return len(part) < len(name) && strings.HasSuffix(name, part) && name[len(name)-len(part)-1] == ' '
}
