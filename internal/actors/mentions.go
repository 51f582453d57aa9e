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
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

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
	var out []Found
	n := len(toks)
	for i := 0; i < n; {
		t := toks[i]
		w := t.Text(body)
		if t.Kind != text.Word || !isCap(w) {
			i++
			continue
		}
		// Extend the run.
		j := i + 1
		for j < n {
			tj := toks[j]
			if tj.Break || !tj.Space {
				break
			}
			wj := tj.Text(body)
			if tj.Kind == text.Word && isCap(wj) {
				j++
				continue
			}
			if tj.Kind == text.Word && connectors[wj] && j+1 < n && toks[j+1].Kind == text.Word &&
				isCap(toks[j+1].Text(body)) && toks[j+1].Space && !toks[j+1].Break {
				j += 2
				continue
			}
			break
		}
		// Drop leading function words.
		a := i
		for a < j && IsCapStop(toks[a].Text(body)) && !IsHonorific(toks[a].Text(body)) {
			a++
		}
		// Drop trailing connectors.
		b := j
		for b > a && connectors[toks[b-1].Text(body)] {
			b--
		}
		if a < b {
			if f, ok := classify(body, toks, a, b, book); ok {
				out = append(out, f)
			}
		}
		i = j
	}
	return out
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

func classify(body string, toks []text.Token, a, b int, book *Book) (Found, bool) {
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
	f := Found{Mention: article.Mention{Text: surface, Span: span}, ID: -1, Tok0: a, Tok1: b, NameTok0: a}
	// Whole run in the gazetteer.
	if c, k, ok := Place(surface); ok {
		e := gazIndex[strings.ToLower(surface)]
		if e.role == 'd' {
			// A bare demonym is an adjective ("Russian officials"), not a
			// mention of the country; leave it to the title logic.
			return f, false
		}
		f.Type = k
		f.Actor = c
		f.ID = book.Body(c, k, "", surface, span[0])
		return f, true
	}
	words := make([]string, b-a)
	for k := a; k < b; k++ {
		words[k-a] = toks[k].Text(body)
	}
	// Split title words from the name: the name is the trailing run of
	// words that are neither title words nor demonyms nor countries.
	nameStart := len(words)
	for nameStart > 0 {
		w := words[nameStart-1]
		if IsTitleWord(w) || connectors[w] {
			break
		}
		if _, ok := Demonym(w); ok {
			break
		}
		nameStart--
	}
	nameWords := words[nameStart:]
	titleWordsHere := words[:nameStart]
	hasOrgHead := false
	for _, w := range words {
		if IsOrgHead(w) {
			hasOrgHead = true
			break
		}
	}
	nameHasOrg := false
	for _, w := range nameWords {
		if IsOrgHead(w) {
			nameHasOrg = true
		}
	}
	affil := ""
	for _, w := range titleWordsHere {
		if c, ok := Demonym(w); ok {
			affil = c
		}
	}
	if affil == "" && a > 0 && toks[a-1].Kind == text.Possessive && a >= 2 {
		// "Russia's presidential spokesman" style handled by callers; here
		// "Russia’s Foreign Ministry".
		if c, _, ok := Place(toks[a-2].Text(body)); ok {
			affil = c
		}
	}
	// Person: title + name, or a name of two to four words.
	if len(nameWords) > 0 && !nameHasOrg && !allCaps(nameWords) {
		isPerson := false
		realTitle := false
		for _, w := range titleWordsHere {
			if IsTitleWord(w) && !connectors[strings.ToLower(w)] && !IsCapStop(w) {
				realTitle = true
			}
		}
		switch {
		case realTitle && len(nameWords) <= 4:
			isPerson = true
		case len(nameWords) >= 2 && len(nameWords) <= 4 && !hasOrgHead:
			isPerson = true
		case len(nameWords) == 1:
			if _, ok := book.Surname(nameWords[0]); ok {
				isPerson = true
			} else if a > 0 && IsHonorific(toks[a-1].Text(body)) {
				isPerson = true
			}
		}
		if _, _, ok := Place(strings.Join(nameWords, " ")); ok && len(titleWordsHere) == 0 {
			isPerson = false
		}
		if isPerson {
			title := cleanTitle(titleWordsHere)
			// Lowercase role words just before the run: "presidential
			// candidate Gary Johnson".
			if title == "" {
				title, affil = titleBefore(body, toks, a, affil)
			}
			name := strings.Join(nameWords, " ")
			f.Type = article.Person
			f.NameTok0 = a + nameStart
			f.Title = title
			f.ID = book.Person(name, title, affil, span[0])
			f.Actor = book.Actor(f.ID).Name
			return f, true
		}
	}
	if hasOrgHead || allCaps(words) {
		name := surface
		if affil == "" {
			for _, w := range words {
				if c, ok := Demonym(w); ok {
					affil = c
					break
				}
			}
		}
		f.Type = article.Org
		f.ID = book.Body(name, article.Org, affil, surface, span[0])
		f.Actor = book.Actor(f.ID).Name
		return f, true
	}
	if len(words) == 1 && sentenceStart(body, toks, a) {
		return f, false
	}
	f.Type = article.Other
	return f, true
}

func allCaps(ws []string) bool {
	for _, w := range ws {
		letters := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 2 {
			return false
		}
	}
	return len(ws) > 0
}

// cleanTitle joins title words, dropping demonyms and countries (they go
// to the affiliation) and leading connectors.
func cleanTitle(ws []string) string {
	var keep []string
	for _, w := range ws {
		if _, ok := Demonym(w); ok {
			continue
		}
		if len(keep) == 0 && (connectors[w] || IsCapStop(w)) {
			continue
		}
		keep = append(keep, w)
	}
	for len(keep) > 0 && connectors[keep[len(keep)-1]] {
		keep = keep[:len(keep)-1]
	}
	return strings.Join(keep, " ")
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
	for k >= 0 && toks[k].Kind == text.Word && IsTitleWord(toks[k].Text(body)) && !connectors[toks[k].Text(body)] {
		k--
	}
	start := k + 1
	if start >= end {
		return "", affil
	}
	var ws []string
	for x := start; x < end; x++ {
		ws = append(ws, toks[x].Text(body))
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
	t := cleanTitle(ws)
	// A title must end in a role word, not an adjective.
	if t == "" {
		return "", affil
	}
	return t, affil
}
