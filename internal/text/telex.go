package text

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// CaseTelex returns s cased as a reader would write it when s is written
// all in capitals: old telex and teletype copy ("SECRETARY OF STATE GEORGE
// P. SHULTZ SAID TODAY THE UNITED STATES WOULD …"). Every stage takes a
// capitalised word for a name and a lower-case one for the rest, so in
// capitals the whole text would read as one long name. CaseCapsLines
// cases a line in capitals from the rest of the text; a telex has no rest
// to learn from, so the words are cased from an English word list
// (wordlist/PROVENANCE.md):
//
//   - a word the list has in lower case is lower case ("said", "talks");
//   - a word it does not have is a name ("Shultz", "Gromyko", "Geneva"),
//     or an acronym kept in capitals when it is a known one ("NATO");
//   - a word that is both ("bill" and "Bill", "china" and "China") is a
//     name next to another name or after a title ("Bill Clinton",
//     "President Carter"), else lower case;
//   - a title before a name is capitalised ("Secretary of State George P.
//     Shultz"), as are the news' common names of several plain words
//     ("White House", "United Nations") and a sentence's first word.
//
// Only ASCII letters change case, so offsets into the result are offsets
// into s. s itself is returned when it is not mostly in capitals (at
// least 60 letters, lower-case ones under a twentieth of them).
func CaseTelex(s string) string {
	up, lo := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			up++
		case c >= 'a' && c <= 'z':
			lo++
			// A telex is in capitals throughout: a text whose first few
			// hundred letters are mostly lower case is no telex (most
			// texts are told here, without reading them whole; a
			// headline in mixed case above a telex is shorter).
			if lo >= 200 && lo*20 > up {
				return s
			}
		}
	}
	if up < 60 || lo*20 > up {
		return s
	}
	lex := telexWords()
	if lex == nil {
		return s
	}
	ws := telexSplit(s)
	lw := make([]string, len(ws))
	for i, w := range ws {
		lw[i] = strings.ToLower(s[w.s:w.e])
	}
	// The case of each word: 0 lower, 1 capital, 2 all capitals.
	form := make([]uint8, len(ws))
	const (
		lower = iota
		capital
		allCaps
	)
	kind := make([]uint8, len(ws)) // the list's word: 0 unknown, 1 lower, 2 both
	for i := range ws {
		kind[i] = lex[lw[i]]
	}
	// Names and acronyms first.
	for i, w := range ws {
		switch {
		case telexAcronyms[lw[i]] && !(lw[i] == "us" && !usCountry(lw, i)):
			form[i] = allCaps
		case w.e-w.s == 1:
			// "A" is the article, "I" the pronoun; a letter before a full
			// stop and a name is an initial ("George P. Shultz").
			if lw[i] == "i" || w.e < len(s) && s[w.e] == '.' && lw[i] != "a" {
				form[i] = allCaps
			}
		case kind[i] == 0 && !w.afterApos:
			form[i] = capital
		}
	}
	// Names of several plain words ("White House"), and a month before
	// its day ("MAY 20").
	for i := range ws {
		for _, p := range telexPhrases {
			if i+len(p) <= len(ws) && telexMatch(lw[i:i+len(p)], p) {
				for k := i; k < i+len(p); k++ {
					if lw[k] != "of" && lw[k] != "the" && lw[k] != "and" {
						form[k] = capital
					}
				}
			}
		}
		if telexMonths[lw[i]] && ws[i].digits {
			form[i] = capital
		}
	}
	// A word that is also a name is one beside a name ("BILL CLINTON"),
	// after a title ("GEN. JOHN SMITH") or beside another such word; a
	// title before a name is capitalised ("PRESIDENT CARTER", "FOREIGN
	// MINISTER ANDREI GROMYKO", "SECRETARY OF STATE …"). Repeated until
	// nothing changes, so that runs are capitalised whole; then a word
	// found to be a name is one wherever the text writes it ("BUSH SAID").
	near := func(i, j int) bool { // words i < j are neighbours in one sentence
		return j < len(ws) && i >= 0 && ws[j].s-ws[i].e <= 3 && !ws[j].sentence
	}
	nameLike := func(i int) bool { return kind[i] == 2 && !telexPlain[lw[i]] }
	fromSurname := make([]bool, len(ws)) // capitalised as a family name before a verb of saying
	for changed, round := true, 0; changed && round < 6; round++ {
		changed = false
		for i := range ws {
			if form[i] != lower {
				continue
			}
			capNext := near(i, i+1) && form[i+1] == capital
			capPrev := near(i-1, i) && form[i-1] == capital && !ws[i-1].sentence
			titlePrev := near(i-1, i) && telexTitles[lw[i-1]]
			pair := near(i, i+1) && nameLike(i+1) || near(i-1, i) && nameLike(i-1)
			// "DEAN RUSK SAID": a plain word after a first name and before
			// a verb of saying is the family name ("rusk" is a biscuit)
			// (after a first name the list knows, "Dean", or after a title
			// and a name, "SPOKESWOMAN JESSICA DITTO SAID"; never a role
			// or an adverb: "CLINTON CAMP", "OBAMA OFTEN SAYS")
			surname := kind[i] == 1 && !telexPlain[lw[i]] && !telexTitles[lw[i]] && !strings.HasSuffix(lw[i], "ly") && !telexAdverbs[lw[i]] &&
				capPrev && !telexTitles[lw[i-1]] && near(i, i+1) && telexSaying[lw[i+1]] &&
				(kind[i-1] == 2 || i >= 2 && telexTitles[lw[i-2]] && near(i-2, i-1))
			switch {
			case nameLike(i) && (capNext || capPrev || titlePrev || pair), surname:
				form[i] = capital
				fromSurname[i] = surname
			case telexTitles[lw[i]] && (capNext || near(i, i+1) && nameLike(i+1)):
				form[i] = capital
			case telexTitles[lw[i]] && i+2 < len(ws) && lw[i+1] == "of" && near(i+1, i+2) && form[i+2] == capital:
				form[i] = capital // "Secretary of State"
			default:
				continue
			}
			changed = true
		}
	}
	// (only a word that ends its name, a family name: "Bill" of "Bill
	// Clinton" says nothing of "the bill"; "Rusk" once read a family name
	// is one again)
	named := map[string]bool{}
	for i := range ws {
		if form[i] == capital && (kind[i] == 2 || fromSurname[i]) && !ws[i].sentence && !(near(i, i+1) && form[i+1] == capital) {
			named[lw[i]] = true
		}
	}
	for i := range ws {
		if form[i] == lower && named[lw[i]] {
			form[i] = capital
		}
	}
	// A sentence's first word.
	for i, w := range ws {
		if w.sentence && form[i] == lower {
			form[i] = capital
		}
	}
	b := []byte(s)
	for i, w := range ws {
		for k := w.s; k < w.e; k++ {
			c := b[k]
			if c < 'A' || c > 'Z' {
				continue
			}
			if form[i] == allCaps || form[i] == capital && k == w.s {
				continue
			}
			b[k] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// telexWord is a run of ASCII letters of a telex.
type telexWord struct {
	s, e      int
	sentence  bool // the first word of a sentence or a paragraph
	afterApos bool // the letters after an apostrophe ("SHULTZ'S", "DON'T")
	digits    bool // a figure comes right after it ("MAY 20")
}

// telexSplit finds the words of s and whether each opens a sentence.
func telexSplit(s string) []telexWord {
	var ws []telexWord
	sentence := true
	for i := 0; i < len(s); {
		c := s[i]
		if !isASCIILetter(c) {
			switch c {
			case '.', '!', '?', '\n':
				// a full stop after an initial or an abbreviation
				// ("P.", "U.S.", "GEN.") does not end the sentence when a
				// lower-case-looking word might follow; a line break or
				// a full stop after a word of three letters or more does
				sentence = c != '.' || i < 2 || !isASCIILetter(s[i-1]) || (isASCIILetter(s[i-2]) && !abbrevBefore(s, i))
			case ':':
				sentence = true
			}
			if c >= '0' && c <= '9' && len(ws) > 0 && i-ws[len(ws)-1].e <= 2 {
				ws[len(ws)-1].digits = true
			}
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		w := telexWord{s: i, e: j, sentence: sentence}
		if i > 0 && (s[i-1] == '\'' || i >= 3 && s[i-3:i] == "\u2019") && j-i <= 2 {
			w.afterApos = true
		}
		ws = append(ws, w)
		sentence = false
		i = j
	}
	return ws
}

// abbrevBefore reports whether the word before the full stop at i is an
// abbreviation that does not end a sentence ("GEN.", "SEN.", "MR.").
func abbrevBefore(s string, i int) bool {
	j := i
	for j > 0 && isASCIILetter(s[j-1]) {
		j--
	}
	return telexAbbrevs[strings.ToLower(s[j:i])]
}

func telexMatch(ws, p []string) bool {
	for k := range p {
		if ws[k] != p[k] {
			return false
		}
	}
	return true
}

// usCountry tells "US" the country from "us" the pronoun: after "the", or
// before a noun of the state ("US OFFICIALS", "US FORCES").
func usCountry(lw []string, i int) bool {
	if i > 0 && lw[i-1] == "the" {
		return true
	}
	if i+1 < len(lw) {
		switch lw[i+1] {
		case "officials", "forces", "troops", "president", "government", "embassy", "envoy", "delegation",
			"administration", "military", "army", "navy", "ambassador", "secretary", "senator", "economy",
			"dollar", "side", "negotiators", "officials'", "state", "and", "congress", "senate", "policy":
			return true
		}
	}
	return false
}

var telexAcronyms = setOf("un", "eu", "us", "uk", "usa", "ussr", "nato", "opec", "iaea", "upi", "ap", "afp",
	"kgb", "cia", "fbi", "nsa", "gop", "imf", "wto", "icbm", "icbms", "abm", "mp", "mps", "tass", "bbc",
	"cnn", "nbc", "abc", "cbs", "ltd", "inc", "plc", "eec", "asean", "apec", "ira", "plo", "anc", "gdp",
	"dpa", "ec", "gatt", "oas", "oau", "seato", "cento", "mbfr", "inf", "npt", "ctbt", "unesco",
	"unicef", "unhcr", "ansa", "efe", "pti", "itar", "ria")

// ("who" the pronoun is far commoner than the organisation.)

// telexTitles are the titles capitalised before a name.
var telexTitles = setOf("president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep",
	"gov", "governor", "gen", "general", "premier", "chancellor", "ambassador", "foreign", "deputy",
	"chairman", "king", "queen", "prince", "pope", "mayor", "judge", "justice", "dr", "mr", "mrs", "ms",
	"adm", "admiral", "col", "colonel", "lt", "sgt", "capt", "state", "defense", "defence", "interior",
	"finance", "party", "leader", "chief", "spokesman", "spokeswoman", "envoy", "representative",
	"delegate", "negotiator", "commissioner", "director", "president-elect", "marshal", "sheikh",
	"emir", "sultan", "ayatollah", "cardinal", "bishop", "rev", "father", "sir", "lord", "lady",
	"assistant", "undersecretary", "attorney", "communist", "soviet")

// telexAdverbs are adverbs that stand between a name and its verb ("OBAMA
// OFTEN SAYS"), never a family name there.
var telexAdverbs = setOf("often", "also", "later", "again", "still", "never", "always", "then", "once", "today",
	"earlier", "first", "last", "too", "yet", "even", "tonight", "yesterday", "soon", "alone", "himself", "herself")

// telexSaying are the verbs of saying after which a telex names its
// speaker's family name.
var telexSaying = setOf("said", "says", "told", "added", "declared", "stated", "announced", "warned", "replied")

// telexPlain are words the list also writes as names ("In", "Will",
// "Bush") that are far more often plain words: never a name by being
// next to one ("IN GENEVA", "THE UNITED STATES WILL").
var telexPlain = setOf("a", "an", "as", "at", "be", "by", "he", "in", "is", "it", "me", "my", "no", "of",
	"on", "or", "so", "to", "up", "us", "we", "am", "do", "go", "if", "oh", "ok", "id", "all", "and", "are",
	"but", "can", "did", "for", "had", "has", "her", "his", "how", "its", "may", "not", "now", "our", "out",
	"say", "see", "she", "the", "was", "who", "why", "will", "with", "more", "most", "said", "says", "told",
	"than", "that", "then", "this", "they", "them", "when", "what", "also", "only", "some", "such", "even",
	"just", "over", "into", "from", "after", "before", "about", "against", "under", "would", "could",
	"should", "must", "might", "shall", "new", "left", "led", "long", "good", "best", "news", "day", "lot",
	"man", "red", "west", "east", "north", "south", "set", "sat", "tell", "lie", "ill", "head", "land",
	"case", "key", "job", "jobs", "post", "sun", "era", "fed", "feds", "gap", "lean", "born", "hung",
	"more", "ups", "re", "visa", "wed", "wake", "wise", "snow", "rush", "free", "act", "acts", "art")

var telexAbbrevs = setOf("gen", "sen", "rep", "gov", "mr", "mrs", "ms", "dr", "lt", "col", "capt", "sgt",
	"adm", "st", "jr", "sr", "rev", "maj", "cmdr", "corp", "co", "inc", "ltd", "no", "vs", "ft", "mt")

var telexMonths = setOf("may", "march", "august", "june", "july", "jan", "feb", "mar", "apr", "jun",
	"jul", "aug", "sep", "sept", "oct", "nov", "dec")

// telexPhrases are names made of words the list has in lower case.
var telexPhrases = [][]string{
	{"white", "house"}, {"united", "nations"}, {"united", "states"}, {"united", "kingdom"},
	{"state", "department"}, {"security", "council"}, {"general", "assembly"}, {"supreme", "court"},
	{"european", "union"}, {"soviet", "union"}, {"new", "york"}, {"new", "delhi"}, {"new", "zealand"},
	{"south", "africa"}, {"north", "korea"}, {"south", "korea"}, {"north", "vietnam"}, {"south", "vietnam"},
	{"middle", "east"}, {"west", "bank"}, {"east", "germany"}, {"west", "germany"}, {"red", "cross"},
	{"red", "army"}, {"cold", "war"}, {"foreign", "ministry"}, {"foreign", "office"},
	{"defense", "department"}, {"defense", "ministry"}, {"justice", "department"}, {"common", "market"},
	{"warsaw", "pact"}, {"european", "community"}, {"national", "security", "council"},
	{"house", "of", "representatives"}, {"house", "of", "commons"}, {"house", "of", "lords"},
	{"associated", "press"}, {"united", "press", "international"}, {"central", "committee"},
	{"politburo"}, {"kremlin"}, {"pentagon"}, {"congress"}, {"senate"}, {"parliament"},
	{"communist", "party"}, {"labor", "party"}, {"labour", "party"}, {"conservative", "party"},
	{"democratic", "party"}, {"republican", "party"}, {"democrats"}, {"republicans"},
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

//go:embed wordlist/words.txt.gz
var wordsGz []byte

//go:embed wordlist/names.txt.gz
var namesGz []byte

// IsWord reports whether the English word list (wordlist/PROVENANCE.md)
// has w in lower case ("reporters", "continue"); false when the list
// cannot be read. The list is loaded on the first call.
func IsWord(w string) bool {
	lex := telexWords()
	if lex == nil {
		return false
	}
	_, ok := lex[strings.ToLower(w)]
	return ok
}

// telexWords is the word list: 1 for a word written in lower case, 2 for
// one also written capitalised. Built on the first telex; nil if the
// embedded data is unreadable.
var telexWords = sync.OnceValue(func() map[string]uint8 {
	m := make(map[string]uint8, 65000)
	if !readGz(wordsGz, func(w string) { m[w] = 1 }) || !readGz(namesGz, func(w string) { m[w] = 2 }) {
		return nil
	}
	return m
})

func readGz(data []byte, add func(string)) bool {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := sc.Text(); w != "" {
			add(w)
		}
	}
	return sc.Err() == nil
}
