package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// Found is a mention with the actor it resolved to and its token range.
type Found struct {
	article.Mention
	ID         ID  // actor in the Book; -1 for OTHER and LOC
	Tok0, Tok1 int // token range [Tok0, Tok1) of the mention
	// NameTok0 is the first token of the name proper, after any title.
	NameTok0 int
	Title    string
}

func isCap(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameParticles are the lower-case words inside family names: "von der
// Leyen", "bin Salman", "van den Berg", "da Silva", "al-Assad" (written
// apart).
var nameParticles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "di": true, "da": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "bin": true,
	"ibn": true, "bint": true, "al": true, "el": true, "ter": true, "ten": true, "zu": true}

// connectors may sit inside a capitalised name when a capital follows:
// "Secretary of State", "Commission on Presidential Debates", "bin Salman".
var connectors = set("of", "on", "for", "de", "da", "del", "della", "van", "von", "der", "bin", "al", "la", "le", "du", "the")

// Find scans the tokens of body for mentions of people, organisations and
// places, records them in book and returns them in text order.
//
// A mention is a run of capitalised words (with inner connectors such as
// "of"). Leading function words ("The", "But") are dropped. The run is then
// classified: the gazetteer (countries, capitals, demonyms, bodies) first;
// then title + name ("Deputy Foreign Minister Alexander Grushko": the name
// is the trailing words that are not title words); then organisation heads
// ("Ministry", "Post"); a single word is a person when the book already
// knows it as a surname or an honorific precedes it.
func Find(body string, toks []text.Token, book *Book) []Found {
	return AppendFind(make([]Found, 0, len(toks)/10+4), body, toks, book)
}

// AppendFind is Find appending to dst, so that a caller may reuse one
// buffer across articles.
func AppendFind(dst []Found, body string, toks []text.Token, book *Book) []Found {
	out := dst
	n := len(toks)
	// Lines in capitals (subheadings such as "WHAT THE TREATY SAYS", a
	// headline kept in a record's text) give no sign of where a name
	// starts: every word is capitalised, and the whole line would read as
	// one organisation. They are passed over, as a headline is. A text
	// mostly in capitals (old teletype copy) keeps them: without them it
	// would have no names at all.
	caps := capsLines(body, toks)
	for i := 0; i < n; {
		if len(caps) > 0 && i >= caps[0][0] {
			if i < caps[0][1] {
				i = caps[0][1]
			}
			caps = caps[1:]
			continue
		}
		t := &toks[i]
		if t.Kind != text.Word || !isCap(body[t.Span[0]:t.Span[1]]) && !knownArticleName(body[t.Span[0]:t.Span[1]], book) {
			i++
			continue
		}
		// An American legislator's party and state after the name
		// ("Sen. Lindsey Graham, R-S.C.,", "(D-Calif.)") name no body:
		// the tag and its dotted state are passed over.
		if i > 0 && (body[toks[i-1].Span[0]] == ',' || body[toks[i-1].Span[0]] == '(') && partyTag(t.Text(body)) {
			i++
			for i < n && !toks[i].Space && (toks[i].Kind == text.Punct && body[toks[i].Span[0]] == '.' || toks[i].Kind == text.Word && len(toks[i].Text(body)) <= 3) {
				i++
			}
			continue
		}
		// A stock ticker in angle brackets after a company's name
		// ("Acme Corp <ACME.T>") is a code, not another organisation.
		if t.Span[0] > 0 && body[t.Span[0]-1] == '<' {
			i++
			continue
		}
		// Extend the run.
		j := i + 1
		for j < n {
			tj := toks[j]
			if tj.Kind == text.Possessive && possessiveName(body, toks, i, j, book) {
				j++
				continue
			}
			if tj.Break || !tj.Space {
				break
			}
			wj := tj.Text(body)
			// "President Bill Clinton Thursday condemned": a weekday after
			// a name is the day, not a name word (the American wire
			// style puts it there)
			if tj.Kind == text.Word && isCap(wj) && !isWeekday(wj) {
				j++
				continue
			}
			// "Abdel Fattah al-Sisi", "Ali el-Masri": the article joined to
			// a family name by a hyphen
			if tj.Kind == text.Word && j > i && articleName(wj) {
				j++
				continue
			}
			// "and" joins the words of one body when an organisation
			// head follows: "Citizenship and Immigration Services",
			// "Securities and Exchange Commission".
			if tj.Kind == text.Word && wj == "and" && j > i && j+1 < n && isCap(toks[j+1].Text(body)) && toks[j+1].Space && !toks[j+1].Break {
				org := false
				for x := j + 1; x < n && x < j+5 && toks[x].Kind == text.Word && isCap(toks[x].Text(body)) && !toks[x].Break; x++ {
					if IsOrgHead(toks[x].Text(body)) {
						org = true
						break
					}
				}
				if org {
					j++
					continue
				}
			}
			// Name particles join a person's name, one or two of them
			// before a capitalised word: "Ursula von der Leyen",
			// "Mohammed bin Salman", "Ruud van den Berg". Only after a
			// word that is no title, body or place, so that "Minister of
			// …" stays a connector's business.
			if tj.Kind == text.Word && nameParticles[wj] && j > i && isCap(toks[j-1].Text(body)) && !IsTitleWord(toks[j-1].Text(body)) && !IsOrgHead(toks[j-1].Text(body)) {
				k := j + 1
				if k < n && toks[k].Kind == text.Word && nameParticles[toks[k].Text(body)] && toks[k].Space && !toks[k].Break {
					k++
				}
				if k < n && toks[k].Kind == text.Word && toks[k].Space && !toks[k].Break && isCap(toks[k].Text(body)) && !IsCapStop(toks[k].Text(body)) {
					j = k + 1
					continue
				}
			}
			// A connector joins only name words: "Commission on
			// Presidential Debates", not "Times on Saturday".
			// "Permanent Representative to the UN", "Ambassador to
			// Ukraine": "to" joins a title and a place.
			if tj.Kind == text.Word && wj == "to" && j+1 < n && IsTitleWord(toks[j-1].Text(body)) && toks[j+1].Space && !toks[j+1].Break {
				if nj := j + 1; toks[nj].Kind == text.Word && (isCap(toks[nj].Text(body)) || (toks[nj].Text(body) == "the" && nj+1 < n && isCap(toks[nj+1].Text(body)))) {
					j += 2
					continue
				}
			}
			if tj.Kind == text.Word && isConnector(wj) && j+1 < n && toks[j+1].Kind == text.Word &&
				isCap(toks[j+1].Text(body)) && toks[j+1].Space && !toks[j+1].Break && !IsCapStop(toks[j+1].Text(body)) &&
				!(wj != "the" && personBefore(body, toks, i, j)) {
				j += 2
				continue
			}
			break
		}
		// Drop leading function words.
		a := i
		var wa wordInfo // what the lexicons say of toks[a]
		for a < j {
			wa = infoOf(toks[a].Text(body))
			if wa.flags&wCapStop == 0 || wa.flags&wHonorific != 0 {
				break
			}
			// "minister, Per Aune, said": the preposition is never
			// capitalised inside a sentence; there it is a first name
			if a+1 < j && toks[a].Text(body) == "Per" && !sentenceStart(body, toks, a) {
				break
			}
			a++
		}
		// Drop trailing connectors.
		b := j
		for b > a && isConnector(toks[b-1].Text(body)) {
			b--
		}
		// A transcript's label in capitals: "MR. PRICE:", "SECRETARY
		// BLINKEN:", "QUESTION:" (see capsLabel).
		if a < b && b < n && toks[b].Kind == text.Punct && body[toks[b].Span[0]] == ':' && sentenceStart(body, toks, i) {
			if f, handled := capsLabel(body, toks, a, b, book); handled {
				if f.Type != "" {
					out = append(out, f)
				}
				i = j
				continue
			}
		}
		if a < b {
			if f, ok := classify(body, toks, a, b, book, wa); ok {
				out = append(out, f)
				// "Charles B. Rangel of New York": classify named the
				// person before the preposition; the place after it is
				// read on its own.
				if f.Tok1 < b {
					j = f.Tok1 + 1
				}
			}
		}
		i = j
	}
	return out
}

// capsLabel reads a run in capitals before a colon at the start of a
// sentence: a transcript labels its turns so. "MR. PRICE", "SECRETARY
// BLINKEN" (an honorific or title, then one or two name words) name a
// person, written in ordinary case ("Price", title "Secretary"); a single
// word names the person the report introduced with that surname
// ("PRICE:"), and one longer than an acronym that names no place or
// known body is the transcript's own label ("QUESTION:", "MODERATOR:"),
// no mention. handled is false when the run is none of these (it is
// then classified as any other: "NEW DELHI:", "NATO:").
func capsLabel(body string, toks []text.Token, a, b int, book *Book) (f Found, handled bool) {
	for k := a; k < b; k++ {
		if toks[k].Kind != text.Word || !CapsWord(toks[k].Text(body)) {
			return f, false
		}
	}
	k := a
	for k < b && (IsHonorific(toks[k].Text(body)) || IsTitleWord(toks[k].Text(body))) {
		k++
	}
	span := article.Span{toks[k].Span[0], toks[b-1].Span[1]}
	if k < b {
		span[0] = toks[k].Span[0]
	}
	switch {
	case k > a && k < b && b-k <= 2:
		var title, name []string
		for x := a; x < b; x++ {
			w := CasedWord(toks[x].Text(body))
			if x >= k {
				name = append(name, w)
			} else if !courtesyTitle(w) {
				title = append(title, w)
			}
		}
		last := name[len(name)-1]
		id, ok := book.Surname(last)
		if !ok {
			id = book.Person(strings.Join(name, " "), strings.Join(title, " "), "", toks[a].Span[0])
		} else {
			book.Touch(id, toks[a].Span[0])
		}
		f = Found{Mention: article.Mention{Text: body[span[0]:span[1]], Span: span, Type: article.Person, Actor: book.Name(id)},
			ID: id, Tok0: a, Tok1: b, NameTok0: k, Title: strings.Join(title, " ")}
		return f, true
	case b-a == 1:
		w := toks[a].Text(body)
		if id, ok := book.Surname(CasedWord(w)); ok {
			book.Touch(id, toks[a].Span[0])
			f = Found{Mention: article.Mention{Text: w, Span: span, Type: article.Person, Actor: book.Name(id)},
				ID: id, Tok0: a, Tok1: b, NameTok0: a}
			return f, true
		}
		if len(w) > 5 && infoOf(w).flags&wPlace == 0 && !isDictionaryPlace(w) {
			if _, ok := dictionaryOrg(w); !ok {
				return f, true // a label, no mention
			}
		}
	}
	return f, false
}

// timeZones are the zones news prints after a clock time.
var timeZones = map[string]bool{"GMT": true, "UTC": true, "BST": true, "CET": true, "CEST": true, "EET": true, "EEST": true,
	"EST": true, "EDT": true, "CST": true, "CDT": true, "MST": true, "MDT": true, "PST": true, "PDT": true, "MSK": true,
	"JST": true, "KST": true, "AEST": true, "AEDT": true, "SGT": true, "HKT": true}

// courtesyTitle reports the forms of address that are no office ("Mr.",
// "Ms", "Dr"): a person so labelled has no title.
func courtesyTitle(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame":
		return true
	}
	return false
}

// CapsWord reports whether w has letters and no lower-case one ("MR.",
// "O'NEILL").
func CapsWord(w string) bool { return capsLetters(w) > 0 }

// capsLetters counts w's letters, or is 0 when one is in lower case.
func capsLetters(w string) int {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return 0
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters
}

// CasedWord writes a word in capitals as a name is written: "PRICE" →
// "Price", "O'NEILL" → "O'Neill", "AL-SAUD" → "Al-Saud". A word in
// mixed case is returned as it is.
func CasedWord(w string) string {
	if !CapsWord(w) {
		return w
	}
	b := []rune(strings.ToLower(w))
	up := true
	for i, r := range b {
		if up && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
		}
		up = r == '\'' || r == '-' || r == '’'
	}
	return string(b)
}

// partyTag reports an American party-and-state tag: "R-S", "D-Calif",
// "I-Vt", "R-Texas".
func partyTag(w string) bool {
	return len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// sentenceStart reports whether token i opens a sentence or a quote.
func sentenceStart(body string, toks []text.Token, i int) bool {
	if i == 0 || toks[i].Break {
		return true
	}
	p := toks[i-1]
	if p.Kind == text.Quote {
		return true
	}
	if p.Kind == text.Punct {
		switch p.Text(body) {
		case ".", "!", "?", "…", ":", "(", "[", "—", "-", "–", ";":
			return true
		}
	}
	return false
}

// runInfo is what the lexicons say of a run of capitalised words, apart
// from its context: the same words always give the same runInfo.
type runInfo struct {
	inGaz bool     // the whole run is in the gazetteer
	e     gazEntry // its entry
	// The run split into title words and name words.
	nameStart, nWords, nNameWords int
	name, firstName               string // the name words joined; the first of them
	titleAffil                    string // the country or body a title word points to
	hasOrgHead, nameHasOrg        bool
	allCapsName, allCapsWords     bool
	realTitle                     bool // a title word that is no function word
	namePlace                     bool // the name words name a place
}

// analyzeRun computes the runInfo of tokens [a, b); wa is infoOf(toks[a]).
func analyzeRun(body string, toks []text.Token, a, b int, wa wordInfo, surface string, single bool) runInfo {
	var ri runInfo
	if single {
		ri.e, ri.inGaz = wa.place, wa.flags&wPlace != 0
	} else {
		ri.e, ri.inGaz = placeEntry(surface)
	}
	if ri.inGaz {
		return ri
	}
	var wbuf [12]string
	var ibuf [12]wordInfo
	words, infos := wbuf[:0], ibuf[:0]
	if b-a > len(wbuf) {
		words, infos = make([]string, 0, b-a), make([]wordInfo, 0, b-a)
	}
	for k := a; k < b; k++ {
		w := toks[k].Text(body)
		words = append(words, w)
		if k == a {
			infos = append(infos, wa)
			continue
		}
		infos = append(infos, infoOf(w))
	}
	// Split title words from the name: the name is the trailing run of
	// words that are neither title words nor demonyms nor countries.
	nameStart := len(words)
	for nameStart > 0 {
		wi := infos[nameStart-1]
		// A name particle between two name words belongs to the name
		// ("Ursula von der Leyen").
		if nameParticles[words[nameStart-1]] && nameStart >= 2 && nameStart < len(words) &&
			infos[nameStart-2].flags&wTitle == 0 && (nameParticles[words[nameStart-2]] || isCap(words[nameStart-2])) {
			nameStart--
			continue
		}
		// "Martin Luther King Jr.": a title word before a generational
		// suffix, or ending a run after two name words, is a family name
		// (at the end of a run only the titles that are also family names:
		// "Apple Computer CEO" is no person)
		if wi.flags&wTitle != 0 && nameStart >= 3 && (nameStart == len(words) && surnameTitles[strings.ToLower(words[nameStart-1])] || allSuffixes(words[nameStart:])) &&
			infos[nameStart-2].flags&wTitle == 0 && isCap(words[nameStart-2]) && (nameStart < len(words) ||
			infos[nameStart-3].flags&wTitle == 0 && isCap(words[nameStart-3])) {
			nameStart--
			continue
		}
		if wi.flags&wTitle != 0 || isConnector(words[nameStart-1]) {
			break
		}
		if _, ok := wi.demonymOf(); ok {
			break
		}
		// A place of two or three words ends the title: "Ambassador to
		// the United States Anatoly Antonov".
		if nameStart >= 2 && nameStart < len(words) && placeEndsAt(words, nameStart) {
			break
		}
		nameStart--
	}
	nameWords := words[nameStart:]
	titleWordsHere := words[:nameStart]
	ri.nameStart, ri.nWords, ri.nNameWords = nameStart, len(words), len(nameWords)
	for i, wi := range infos {
		if wi.flags&wOrgHead != 0 {
			ri.hasOrgHead = true
			if i >= nameStart {
				ri.nameHasOrg = true
			}
		}
	}
	for i, wi := range infos[:nameStart] {
		if i > 0 && isConnectorFold(words[i-1]) {
			continue // "Ambassador to the US": the host, not the affiliation
		}
		if c, ok := wi.affiliationOf(); ok && ri.titleAffil == "" {
			ri.titleAffil = c
		}
	}
	// "South Korean President Yoon": a people's adjective of two words
	// (neither word alone names a country).
	for i := 0; ri.titleAffil == "" && i+1 < nameStart; i++ {
		if c, ok := Demonym(words[i] + " " + words[i+1]); ok {
			ri.titleAffil = c
		}
	}
	for i, w := range titleWordsHere {
		if infos[i].flags&wTitle != 0 && infos[i].flags&wCapStop == 0 && !isConnectorFold(w) {
			ri.realTitle = true
		}
	}
	ri.allCapsName = allCaps(nameWords)
	ri.allCapsWords = allCaps(words)
	if len(nameWords) > 0 {
		ri.firstName = nameWords[0]
		ri.name = strings.Join(nameWords, " ")
		// A single word outside the gazetteer is no place (lexIndex holds
		// the one-word entries); a dotted or longer name is looked up.
		if !single {
			_, _, ri.namePlace = Place(body[toks[a+nameStart].Span[0]:toks[b-1].Span[1]])
		}
	}
	return ri
}

// classify decides what the run of tokens [a, b) names: what its words
// say (analyzeRun), then its context and the book. wa is infoOf(toks[a]),
// already looked up by the caller.
func classify(body string, toks []text.Token, a, b int, book *Book, wa wordInfo) (Found, bool) {
	span := article.Span{toks[a].Span[0], toks[b-1].Span[1]}
	surface := body[span[0]:span[1]]
	surface = strings.TrimSuffix(surface, ".")
	if strings.HasSuffix(body[span[0]:span[1]], ".") && !strings.HasSuffix(surface, ".") && len(surface) > 0 {
		// keep dotted acronyms like U.S. intact
		if strings.Count(surface, ".") > 0 {
			surface = body[span[0]:span[1]]
		} else {
			span[1]--
		}
	}
	// A name run over a joined line end ("Students\r\nFederation" read as
	// "Students  Federation", see layout.Soften) or typed with a double
	// space is one name: its white space is folded.
	surface = foldSpace(surface)
	f := Found{Mention: article.Mention{Text: surface, Span: span}, ID: -1, Tok0: a, Tok1: b, NameTok0: a}
	// A single word without dots is looked up once, in lexIndex (which
	// holds the one-word gazetteer entries).
	single := b-a == 1 && strings.IndexByte(toks[a].Text(body), '.') < 0
	ri := analyzeRun(body, toks, a, b, wa, surface, single)
	// Whole run in the gazetteer.
	if ri.inGaz {
		c, k := ri.e.canon, ri.e.kind
		if ri.e.role == 'd' {
			// A bare demonym is an adjective ("Russian officials"), not a
			// mention of the country; leave it to the title logic.
			return f, false
		}
		f.Type = k
		f.Actor = c
		f.ID = book.Body(c, k, "", surface, span[0])
		return f, true
	}
	// A state of the United States (or a province) is a place but no
	// party: typed, not entered in the book ("Gov. Earl Ray Tomblin of
	// West Virginia" names no person "West Virginia", and a senator
	// speaks for the country, not the state).
	if _, ok := text.LookupLower(regions, surface); ok {
		f.Type = article.GPE
		return f, true
	}
	// Countries and cities the table above does not hold, from the actor
	// dictionary (see dictionaryPlace); runs in capitals are acronyms.
	// (A run opening with a title names a person: "Minister Vera Sandoval".)
	if !ri.allCapsWords && !ri.allCapsName && b-a <= 4 && ri.nameStart == 0 && !ri.realTitle && isCap(surface) {
		if c, party, ok := dictionaryPlace(surface); ok {
			f.Type = article.GPE
			if party {
				f.Actor = c
				f.ID = book.Body(c, article.GPE, "", surface, span[0])
			}
			return f, true
		}
	}
	affil := ri.titleAffil
	if affil == "" && a > 0 && toks[a-1].Kind == text.Possessive && a >= 2 {
		// "Russia's presidential spokesman" style handled by callers; here
		// "Russia’s Foreign Ministry".
		if c, _, ok := Place(toks[a-2].Text(body)); ok {
			affil = c
		}
	}
	// "King said" after "Martin Luther King Jr.": a title word alone that
	// is the family name of a person named before.
	if ri.nNameWords == 0 && b-a == 1 && wa.flags&wTitle != 0 && isCap(surface) {
		if id, ok := book.Surname(surface); ok {
			f.Type = article.Person
			f.ID = id
			f.Actor = book.Name(id)
			book.Touch(id, span[0])
			return f, true
		}
	}
	// Person: title + name, or a name of two to four words.
	if ri.nNameWords > 0 && !ri.nameHasOrg && !ri.allCapsName {
		isPerson := false
		switch n := ri.nNameWords; {
		case ri.realTitle && (n <= 4 || n <= 6 && hasParticle(nameWordsOf(ri))):
			// "President Luiz Inacio Lula da Silva": a long name with a
			// particle after a title
			isPerson = true
		case n >= 2 && n <= 4 && !ri.hasOrgHead:
			isPerson = true
		case n == 1:
			if _, ok := book.Surname(ri.firstName); ok {
				isPerson = true
			} else if a > 0 && IsHonorific(toks[a-1].Text(body)) {
				isPerson = true
			} else if ri.nameStart > 0 && IsHonorific(toks[a+ri.nameStart-1].Text(body)) {
				// "Ms. Roe": the honorific opens the run
				isPerson = true
			}
		}
		if ri.namePlace && ri.nameStart == 0 {
			isPerson = false
		}
		// "the Western District of New York": a judicial or electoral
		// district is no person ("District Attorney Frank Clark" keeps
		// the word in his title)
		if isPerson && ri.nNameWords >= 2 && strings.EqualFold(toks[b-1].Text(body), "District") {
			isPerson = false
		}
		// "Republican of New York", "the Governor of Texas": a place after
		// the title's preposition is where the office is, not its holder's
		// name.
		if isPerson && ri.nameStart > 0 && isConnectorFold(toks[a+ri.nameStart-1].Text(body)) &&
			(ri.namePlace || IsRegion(ri.name) || isDictionaryPlace(ri.name)) {
			isPerson = false
			// "Representative Charles B. Rangel of New York": the person
			// is named before the preposition (the caller reads the place
			// after it on its own).
			if c := a + ri.nameStart - 1; c-a >= 2 && !IsTitleWord(toks[c-1].Text(body)) && isCap(toks[c-1].Text(body)) {
				if pf, ok := classify(body, toks, a, c, book, wa); ok && pf.Type == article.Person {
					return pf, true
				}
			}
		}
		// "a senior official at Cheong Wa Dae", "an economist at Capital
		// Partners": where a role works is a body, not a person.
		if isPerson && ri.nameStart == 0 && a >= 2 && toks[a-1].Text(body) == "at" && IsRoleNoun(toks[a-2].Text(body)) {
			isPerson = false
		}
		if isPerson {
			var tbuf [12]string
			tw := tbuf[:0]
			for k := a; k < a+ri.nameStart; k++ {
				tw = append(tw, toks[k].Text(body))
			}
			title := cleanTitle(tw)
			// Lowercase role words just before the run: "presidential
			// candidate Gary Johnson".
			if title == "" {
				title, affil = titleBefore(body, toks, a, affil)
			}
			f.Type = article.Person
			f.NameTok0 = a + ri.nameStart
			// The mention is the name; the title is kept in f.Title.
			f.Span = article.Span{toks[f.NameTok0].Span[0], span[1]}
			f.Text = foldSpace(body[f.Span[0]:f.Span[1]])
			f.Title = title
			addressed := title != "" || ri.nameStart > 0 && IsHonorific(toks[a+ri.nameStart-1].Text(body)) || a > 0 && IsHonorific(toks[a-1].Text(body))
			f.ID = book.person(ri.name, title, affil, span[0], addressed)
			f.Actor = book.Name(f.ID)
			return f, true
		}
	}
	if ri.hasOrgHead || ri.allCapsWords {
		// A month in capitals is a date's ("NEW DELHI, OCTOBER 13"), no
		// acronym.
		if single && ri.allCapsWords && fullMonth(surface) {
			return f, false
		}
		// A time zone after a clock time ("10:42 GMT", "9 a.m. EST") is
		// no body.
		if single && ri.allCapsWords && timeZones[surface] {
			return f, false
		}
		// A company's head word alone opening a sentence ("Energy prices
		// rose", "Shipping firms said") is a common noun, no name.
		if single && !ri.allCapsWords && IsCompanyHead(surface) && sentenceStart(body, toks, a) {
			return f, false
		}
		if affil == "" {
			for k := a; k < b; k++ {
				if c, ok := Demonym(toks[k].Text(body)); ok {
					affil = c
					break
				}
			}
		}
		f.Type = article.Org
		f.ID = book.Body(surface, article.Org, affil, surface, span[0])
		f.Actor = book.Name(f.ID)
		return f, true
	}
	if ri.nWords == 1 && sentenceStart(body, toks, a) {
		return f, false
	}
	// A body the actor dictionary knows by this name ("Hamas", "Knesset",
	// "Hezbollah"): an organisation. (A word opening a sentence was left
	// above: "Talks", "Exports" may be bodies' names too.)
	if !ri.allCapsName && b-a <= 5 {
		if name, ok := dictionaryOrg(surface); ok {
			f.Type = article.Org
			f.ID = book.Body(name, article.Org, "", surface, span[0])
			f.Actor = book.Name(f.ID)
			return f, true
		}
	}
	f.Type = article.Other
	return f, true
}

func allCaps(ws []string) bool {
	for _, w := range ws {
		if capsLetters(w) < 2 {
			return false
		}
	}
	return len(ws) > 0
}

// cleanTitle joins title words, dropping demonyms and countries (they go
// to the affiliation) and leading connectors.
func cleanTitle(ws []string) string {
	var keep []string
	skip := false
	for i, w := range ws {
		if skip {
			skip = false
			continue
		}
		// "Ambassador to the US", "Secretary of State": a place after a
		// connector is part of the title; elsewhere it is the
		// affiliation.
		if _, ok := Demonym(w); ok && !(i > 0 && isConnectorFold(ws[i-1])) {
			continue
		}
		// ("South Korean President": a people's adjective of two words)
		if i+1 < len(ws) && !(i > 0 && isConnectorFold(ws[i-1])) {
			if _, ok := Demonym(w + " " + ws[i+1]); ok {
				skip = true
				continue
			}
		}
		if len(keep) == 0 && (isConnector(w) || IsCapStop(w)) {
			continue
		}
		// "His Royal Highness Prince", "Her Majesty Queen": styles of
		// address, not the office
		if stylesOfAddress[strings.ToLower(w)] || strings.EqualFold(w, "royal") && i+1 < len(ws) && strings.EqualFold(ws[i+1], "highness") {
			continue
		}
		keep = append(keep, w)
	}
	for len(keep) > 0 && isConnector(keep[len(keep)-1]) {
		keep = keep[:len(keep)-1]
	}
	return strings.Join(keep, " ")
}

// roleModifiers are lower-case words that stand inside a role phrase
// without being titles themselves: "government spokesman", "foreign
// policy chief", "senior official".
var roleModifiers = map[string]bool{
	"government": true, "policy": true, "senior": true, "top": true, "movement": true, "group": true,
	"ministry": true, "office": true, "cabinet": true, "delegation": true, "mission": true,
	// portfolios: "chief nuclear negotiator", "lead climate negotiator"
	"nuclear": true, "climate": true, "peace": true, "lead": true, "special": true, "economic": true,
	"energy": true, "intelligence": true, "environment": true, "agriculture": true, "fisheries": true,
	"transport": true, "labour": true, "labor": true, "health": true, "education": true, "culture": true,
}

// stylesOfAddress are the honorifics of royalty, clergy and envoys that
// stand before a title ("His Highness Sheikh", "His Excellency").
var stylesOfAddress = map[string]bool{
	"highness": true, "majesty": true, "excellency": true, "eminence": true, "holiness": true, "beatitude": true,
}

// lowerRole reports whether ts are the words of a role in lower case
// ("spokesman", "campaign manager"), not a conjunction.
func lowerRole(body string, ts []text.Token) bool {
	for _, t := range ts {
		w := t.Text(body)
		if t.Kind != text.Word || isCap(w) || w == "and" || w == "or" {
			return false
		}
	}
	return true
}

// sideBefore returns the side named by the capitalised words ending at
// token k, before a lower-case role: a place or a people of one to three
// words ("White House", "Israeli"), else a single word naming a body or
// movement ("Hamas", "Taliban", "PLO"); "" when there is none.
func sideBefore(body string, toks []text.Token, k int) string {
	c0 := k
	for c0 > 0 && k-c0 < 2 && toks[c0-1].Kind == text.Word && isCap(toks[c0-1].Text(body)) && !IsCapStop(toks[c0-1].Text(body)) {
		c0--
	}
	for s := c0; s <= k; s++ {
		cand := body[toks[s].Span[0]:toks[k].Span[1]]
		if c, _, ok := Place(cand); ok {
			return c
		}
	}
	w := toks[k].Text(body)
	if c0 == k && len(w) >= 3 && !IsCapStop(w) && !IsTitleWord(w) && !IsOrgHead(w) && !strings.HasSuffix(w, ".") {
		return w
	}
	return ""
}

// titleBefore reads lower-case title words right before token a
// ("presidential spokesman, Dmitry Peskov": the comma is allowed) and a
// possessive country before them ("Russia's").
func titleBefore(body string, toks []text.Token, a int, affil string) (string, string) {
	k := a - 1
	if k >= 0 && toks[k].Text(body) == "," {
		k--
	}
	end := k + 1
	for k >= 0 && toks[k].Kind == text.Word && (IsTitleWord(toks[k].Text(body)) || k+1 < end && roleModifiers[toks[k].Text(body)]) && !isConnector(toks[k].Text(body)) {
		k--
	}
	// "Kremlin spokesman", "Hamas official", "White House national
	// security adviser", "Israeli government spokesman": a place, a
	// people or a body named right before the lower-case role is the side.
	// (Only before a role written in lower case: not across "and",
	// "Granollers and Feliciano Lopez", nor before "Mr.".)
	if affil == "" && k+1 < end && k >= 0 && toks[k].Kind == text.Word && isCap(toks[k].Text(body)) && lowerRole(body, toks[k+1:end]) {
		affil = sideBefore(body, toks, k)
	}
	// "China's Foreign Ministry spokeswoman", "the Foreign Ministry's
	// spokesman": the body the role belongs to, with its country.
	if k+1 < end {
		j := k
		if j >= 1 && toks[j].Kind == text.Possessive {
			j--
		}
		for j >= 0 && toks[j].Kind == text.Word && isCap(toks[j].Text(body)) && (IsOrgHead(toks[j].Text(body)) || IsTitleWord(toks[j].Text(body)) || isDemonym(toks[j].Text(body))) {
			j--
		}
		if j < k || (j == k-1 && toks[k].Kind == text.Possessive) {
			for x := j + 1; x <= k; x++ {
				if c, ok := Demonym(toks[x].Text(body)); ok && affil == "" {
					affil = c
				}
			}
			// "Washington's envoy", "the EU's coordinator": the place or
			// body before the possessive is the side.
			if toks[k].Kind == text.Possessive && k >= 1 && affil == "" {
				if c, _, ok := Place(toks[k-1].Text(body)); ok {
					affil = c
				}
			}
			k = j
		}
	}
	// "North Korean leader Kim": a people's adjective of two words
	// before the role (each word alone names no country).
	if affil == "" && k >= 1 && toks[k].Kind == text.Word && toks[k-1].Kind == text.Word && k+1 < end {
		if c, ok := Demonym(body[toks[k-1].Span[0]:toks[k].Span[1]]); ok && isCap(toks[k-1].Text(body)) {
			affil = c
		}
	}
	start := k + 1
	if start >= end {
		return "", affil
	}
	var ws []string
	for x := start; x < end; x++ {
		if toks[x].Kind == text.Word {
			ws = append(ws, toks[x].Text(body))
		}
	}
	if k >= 1 && toks[k].Kind == text.Possessive {
		if c, _, ok := Place(toks[k-1].Text(body)); ok && affil == "" {
			affil = c
		}
	}
	for _, w := range ws {
		if c, ok := Demonym(w); ok && affil == "" {
			affil = c
		}
	}
	// "Kremlin spokesman", "White House national security adviser": a
	// seat of government among the title words (not after a connector:
	// "ambassador to Moscow" names the host).
	for i := 0; affil == "" && i < len(ws); i++ {
		if i > 0 && isConnectorFold(ws[i-1]) || !isCap(ws[i]) {
			continue
		}
		if c, _, ok := Place(ws[i]); ok {
			affil = c
		} else if i+1 < len(ws) && isCap(ws[i+1]) {
			if c, _, ok := Place(ws[i] + " " + ws[i+1]); ok {
				affil = c
			}
		}
	}
	t := cleanTitle(ws)
	// A title must end in a role word, not an adjective.
	if t == "" {
		return "", affil
	}
	return t, affil
}

func isDemonym(w string) bool { _, ok := Demonym(w); return ok }

// isConnectorFold reports whether w, lower-cased, is a connector; a word
// with a final dot ("Del.") is an abbreviation, never a connector.
func isConnectorFold(w string) bool {
	return !strings.HasSuffix(w, ".") && inSet(connectorLex, w)
}

// personBefore reports whether toks[i:j] read as a person's bare name (two
// or three capitalised words, none a title, an organisation's head or a
// function word, and not a place), so that "of", "for" after it start
// where the person works ("Tom Lee of Acme Securities", "Anna Berg for
// Nordic Polls"), not one long organisation name ("Bank of America",
// "Secretary of State", "University of Oslo" have a head or a
// title word).
func personBefore(body string, toks []text.Token, i, j int) bool {
	// "Mayor Lina Varga of Kestrel", "Gov. Earl Ray Tomblin of West
	// Virginia", "President Xi of China": after a title, one to three name
	// words are a person too.
	titled, honorific := false, false
	for i < j && toks[i].Kind == text.Word {
		w := toks[i].Text(body)
		if IsCapStop(w) && !titled {
			i++ // "The"
			continue
		}
		if (!IsTitleWord(w) && !IsHonorific(w)) || isPlaceWord(w) {
			break
		}
		titled, honorific = true, IsHonorific(w)
		i++
	}
	if honorific && j-i == 1 {
		// one name word after a personal title: "President Xi of China"
		w := toks[i].Text(body)
		return toks[i].Kind == text.Word && !IsOrgHead(w) && !IsCapStop(w) && !IsTitleWord(w) && strings.IndexByte(w, '.') < 0 && !isPlaceWord(w)
	}
	if j-i < 2 || j-i > 3 {
		return false
	}
	var buf [64]byte
	name := buf[:0]
	for k := i; k < j; k++ {
		w := toks[k].Text(body)
		if toks[k].Kind != text.Word || IsTitleWord(w) || IsOrgHead(w) || IsCapStop(w) || IsHonorific(w) || strings.IndexByte(w, '.') >= 0 {
			return false
		}
		if k > i {
			name = append(name, ' ')
		}
		name = append(name, w...)
	}
	if _, _, ok := Place(string(name)); ok {
		return false
	}
	if _, _, ok := Place(toks[i].Text(body)); ok {
		return false
	}
	return true
}

// surnameTitles are titles that are also family names: "Martin Luther
// King", "Billie Jean King", "Rev. Amy Bishop".
var surnameTitles = map[string]bool{"king": true, "bishop": true, "judge": true, "prince": true, "major": true, "marshal": true}

// allSuffixes reports whether every word is a generational suffix
// ("Jr.", "III").
func allSuffixes(ws []string) bool {
	for _, w := range ws {
		if !nameSuffix(w) {
			return false
		}
	}
	return len(ws) > 0
}

// IsRegion reports whether name is a state or province ("Calif.",
// "Ontario"): a place that is no party.
func IsRegion(name string) bool { _, ok := text.LookupLower(regions, name); return ok }

// isDictionaryPlace reports whether the actor dictionary knows name as a
// country or city.
func isDictionaryPlace(name string) bool { _, _, ok := dictionaryPlace(name); return ok }

// regions are states and provinces: places that are not parties. Single
// words that are also a country or capital (Georgia, Washington) or common
// given names (Virginia) are left out.
var regions = set(
	"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
	"florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana",
	"maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana",
	"nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota",
	"ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
	"tennessee", "texas", "utah", "vermont", "west virginia", "wisconsin", "wyoming",
	"ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia",
	"new south wales", "queensland", "tasmania", "bavaria", "catalonia", "scotland", "wales",
)

func isPlaceWord(w string) bool {
	_, _, ok := Place(w)
	return ok
}

// foldSpace folds each run of ASCII white space in s to one space; s
// itself is returned when it has none to fold (nearly every name).
func foldSpace(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == ' ' && i+1 < len(s) && isASCIISpace(s[i+1]) {
			return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isASCIISpace(byte(r)) }), " ")
		}
	}
	return s
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// capsLines returns the token ranges [start, end) of the lines of at least
// four words written all in capitals (nine in ten of their words of two
// letters or more), when such lines hold less than half of the text's
// words; nil when there are none or when the text is mostly in capitals.
func capsLines(body string, toks []text.Token) [][2]int {
	var out [][2]int
	words, capsWords := 0, 0
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && !toks[j].Break {
			j++
		}
		// Only a line with a capital word can be in capitals: most lines
		// are passed with the count of their words.
		nw, nc := 0, 0
		for k := i; k < j; k++ {
			t := &toks[k]
			if t.Kind != text.Word || t.Span[1]-t.Span[0] < 2 {
				continue
			}
			nw++
			if t.Case != text.CaseLower && allUpper(body[t.Span[0]:t.Span[1]]) {
				nc++
			}
		}
		words += nw
		if nw >= 4 && nc*10 >= nw*9 {
			out = append(out, [2]int{i, j})
			capsWords += nw
		}
		i = j
	}
	if capsWords*2 >= words {
		return nil
	}
	return out
}

// placeEndsAt reports whether words[k-2:k] or words[k-3:k] name a country
// or body of the gazetteer ("United States", "United Arab Emirates").
func placeEndsAt(words []string, k int) bool {
	for n := 2; n <= 3 && n <= k; n++ {
		if _, _, ok := Place(strings.Join(words[k-n:k], " ")); ok {
			return true
		}
	}
	return false
}

// isWeekday reports whether w is a weekday's name, capitalised.
func isWeekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// articleName reports an Arabic family name written with its article
// and a hyphen: "al-Sisi", "el-Masri", "ad-Din".
func articleName(w string) bool {
	// French elision inside a name: "Côte d'Ivoire", "Quai d'Orsay",
	// "Val d’Oise"
	if len(w) > 3 && (w[0] == 'd' || w[0] == 'l') {
		rest := w[1:]
		if strings.HasPrefix(rest, "'") {
			rest = rest[1:]
		} else if strings.HasPrefix(rest, "’") {
			rest = rest[len("’"):]
		} else {
			rest = ""
		}
		if rest != "" && isCap(rest) {
			return true
		}
	}
	i := strings.IndexByte(w, '-')
	if i < 2 || i > 3 || i+1 >= len(w) || w[i+1] < 'A' || w[i+1] > 'Z' {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "as", "at", "az", "an", "ar", "ash", "ibn":
		return true
	}
	return false
}

// possessiveName reports whether the possessive toks[j] lies inside the
// name of a body: "Scottish Fishermen's Federation", "Prime Minister's
// Office", "Workers' Party" (a common noun before it, capitalised words
// ending in an organisation's head after it), not "Russia's Foreign
// Ministry" or "Holm's Office" (a place or a person owns the body named
// after them).
func possessiveName(body string, toks []text.Token, i, j int, book *Book) bool {
	if j == i || j+1 >= len(toks) || !toks[j+1].Space || toks[j+1].Break || toks[j-1].Kind != text.Word {
		return false
	}
	owner := toks[j-1].Text(body)
	if !isCap(owner) || IsOrgHead(owner) {
		return false
	}
	if _, _, ok := Place(owner); ok {
		return false
	}
	if _, ok := book.Surname(owner); ok {
		return false
	}
	if infoOf(owner).flags&wCapStop != 0 {
		return false
	}
	// The owner must be a common noun: a title ("Minister") or a word
	// that is no name (plural nouns such as "Fishermen", "Workers").
	if !IsTitleWord(owner) && !IsRoleNoun(owner) && !pluralNoun(owner) {
		return false
	}
	for k := j + 1; k < len(toks) && k < j+4; k++ {
		w := toks[k].Text(body)
		if toks[k].Kind != text.Word || !isCap(w) || (k > j+1 && (!toks[k].Space || toks[k].Break)) {
			return false
		}
		if IsOrgHead(w) {
			return true
		}
	}
	return false
}

// pluralNoun reports whether a capitalised word looks like a plural
// common noun owning a body's name: "Fishermen", "Workers", "Veterans",
// "Children", "People", "Women".
func pluralNoun(w string) bool {
	switch w {
	case "People", "Children", "Women", "Men", "Fishermen", "Seamen", "Peoples":
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ers") || strings.HasSuffix(w, "ists") || strings.HasSuffix(w, "ans"))
}

// knownArticleName reports whether w is the family name with its article
// ("al-Ansari") of a person named before: after "Majed al-Ansari", a
// sentence's "al-Ansari said" names him though it starts in lower case.
func knownArticleName(w string, book *Book) bool {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' || !articleName(w) {
		return false
	}
	_, ok := book.Surname(w)
	return ok
}

// nameWordsOf returns the words of a run's name.
func nameWordsOf(ri runInfo) []string { return strings.Fields(ri.name) }

// hasParticle reports whether a name holds a particle ("da", "von", "bin").
func hasParticle(ws []string) bool {
	for _, w := range ws {
		if nameParticles[w] {
			return true
		}
	}
	return false
}
