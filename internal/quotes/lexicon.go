package quotes

import (
	"strings"

	"github.com/parley-news/parley/internal/text"
)

// cueClass says how strong a reporting cue is.
type cueClass uint8

const (
	speech  cueClass = iota + 1 // verbs of saying: said, told, added, stressed
	opinion                     // verbs of thinking, finding, asking: believes, found, called for
)

// verbEntry is one reporting verb of the lexicon: its base form, an
// optional particle that must follow ("point out", "call for"), its class,
// and whether its base and -s forms are also common nouns ("states",
// "claims", "notes") so that they count only in a verb-like context.
type verbEntry struct {
	base, particle string
	class          cueClass
	nounish        bool
	forms          []string // irregular forms; empty: generated
	// quoted: the verb reports only with a quotation after it ("called
	// him a \"nasty guy\"", "dubbed it \"a disaster\"").
	quoted bool
	// clausal: the verb reports only when a clause, a quote or the end
	// of the sentence follows ("he continued: …", "responded that …"),
	// not with an object ("continue their attacks", "responded with
	// logic").
	clausal bool
}

// reportingVerbs is the lexicon of reporting verbs and phrases. It is data:
// each entry catches the verb in all its forms (say, says, said, saying).
// Speech verbs are the reporting verbs of wire copy; opinion verbs report
// beliefs, findings and demands, which attribution corpora count as
// attributions too.
var reportingVerbs = []verbEntry{
	{base: "say", class: speech, forms: []string{"say", "says", "said", "saying"}},
	{base: "tell", class: speech, forms: []string{"tell", "tells", "told", "telling"}},
	{base: "add", class: speech},
	{base: "note", class: speech, nounish: true},
	{base: "stress", class: speech, nounish: true},
	{base: "point", particle: "out", class: speech},
	{base: "point", particle: "to", class: opinion},
	{base: "warn", class: speech},
	{base: "emphasize", class: speech},
	{base: "emphasise", class: speech},
	{base: "indicate", class: speech},
	{base: "state", class: speech, nounish: true},
	{base: "explain", class: speech},
	{base: "insist", class: speech},
	{base: "claim", class: speech, nounish: true},
	{base: "argue", class: speech},
	{base: "announce", class: speech},
	{base: "declare", class: speech},
	{base: "assert", class: speech},
	{base: "acknowledge", class: speech},
	{base: "admit", class: speech, forms: []string{"admit", "admits", "admitted", "admitting"}},
	{base: "suggest", class: speech},
	{base: "remark", class: speech, nounish: true},
	{base: "recall", class: speech},
	{base: "predict", class: speech},
	{base: "promise", class: speech, nounish: true},
	{base: "vow", class: speech, nounish: true},
	{base: "pledge", class: speech, nounish: true},
	{base: "urge", class: speech},
	{base: "exhort", class: speech},
	{base: "reply", class: speech, clausal: true, forms: []string{"reply", "replies", "replied", "replying"}},
	{base: "respond", class: speech, clausal: true},
	{base: "answer", class: speech, clausal: true, nounish: true},
	{base: "continue", class: speech, clausal: true},
	{base: "conclude", class: speech},
	{base: "confirm", class: speech},
	{base: "deny", class: speech, forms: []string{"deny", "denies", "denied", "denying"}},
	{base: "report", class: speech, nounish: true},
	{base: "write", class: speech, forms: []string{"write", "writes", "wrote", "writing"}},
	{base: "tweet", class: speech, nounish: true},
	// "posted on Telegram that …": only with a clause or a quote after it
	// (a company posts profits, an army posts troops).
	{base: "post", class: speech, nounish: true, clausal: true},
	{base: "complain", class: speech},
	{base: "comment", class: speech, nounish: true},
	{base: "observe", class: speech},
	{base: "mention", class: speech},
	{base: "reiterate", class: speech},
	{base: "repeat", class: speech, clausal: true},
	{base: "underline", class: speech},
	{base: "underscore", class: speech},
	{base: "specify", class: speech, clausal: true, forms: []string{"specify", "specifies", "specified", "specifying"}}, // not "did not specify the date"
	{base: "clarify", class: speech, forms: []string{"clarify", "clarifies", "clarified", "clarifying"}},
	{base: "caution", class: speech},
	{base: "contend", class: speech},
	{base: "reason", class: speech, clausal: true, forms: []string{"reasoned"}},
	// the tabloid's verbs of saying: "'It's disgusting,' she fumed",
	// "Derek Moss raged: '…'" (only with a quote, a clause or the end
	// of the sentence after them)
	{base: "fume", class: speech, clausal: true, forms: []string{"fumed", "fumes", "fuming"}},
	{base: "rage", class: speech, clausal: true, forms: []string{"raged"}},
	{base: "seethe", class: speech, clausal: true, forms: []string{"seethed"}},
	{base: "gush", class: speech, clausal: true, forms: []string{"gushed"}},
	{base: "rant", class: speech, clausal: true, forms: []string{"ranted"}},
	{base: "sob", class: speech, clausal: true, forms: []string{"sobbed"}},
	{base: "maintain", class: speech, clausal: true},
	// "affirmed the Kingdom's support for the talks", "reaffirmed that
	// …": the official news agencies' verbs of saying
	{base: "affirm", class: speech},
	{base: "reaffirm", class: speech},
	{base: "retort", class: speech, clausal: true},
	{base: "counter", class: speech, clausal: true},
	{base: "hint", class: speech, clausal: true},
	{base: "proclaim", class: speech},
	{base: "recount", class: speech, clausal: true},
	{base: "speculate", class: opinion},
	{base: "reckon", class: opinion, clausal: true},
	{base: "muse", class: speech, clausal: true, forms: []string{"mused"}},
	{base: "scoff", class: speech, clausal: true, forms: []string{"scoffed"}},
	{base: "snap", class: speech, clausal: true, forms: []string{"snapped"}},
	{base: "grumble", class: speech, clausal: true, forms: []string{"grumbled"}},
	{base: "whisper", class: speech, clausal: true},
	{base: "interject", class: speech, clausal: true, forms: []string{"interjected"}},
	// South Asian and West African house styles: "opined that", "informed
	// that", "averred", "intimated that", "submitted that"
	{base: "opine", class: speech},
	{base: "inform", class: speech, clausal: true},
	{base: "aver", class: speech, forms: []string{"aver", "avers", "averred", "averring"}},
	{base: "intimate", class: speech, clausal: true},
	{base: "posit", class: speech, clausal: true},
	{base: "submit", class: speech, clausal: true, forms: []string{"submitted"}},
	{base: "bemoan", class: opinion},
	{base: "decry", class: opinion, forms: []string{"decry", "decries", "decried", "decrying"}},
	{base: "commend", class: opinion},
	// translated Spanish and Portuguese copy: "regretted that …",
	// "detailed that …" (with a clause only: "regretted the decision"
	// is an act; "considered that" is left out: "What Trump considers
	// “smart”" reports no one)
	{base: "regret", class: opinion, clausal: true, forms: []string{"regretted", "regrets"}},
	{base: "detail", class: speech, clausal: true, forms: []string{"detailed"}},
	{base: "denounce", class: opinion},
	// "the court ruled that …": a finding, only with a clause after it
	// ("ruled out", "ruled the country" report nothing)
	{base: "rule", class: opinion, clausal: true, forms: []string{"ruled"}},
	{base: "concede", class: speech, clausal: true}, // "conceded the race" reports nothing
	{base: "boast", class: speech},
	{base: "joke", class: speech, nounish: true},
	{base: "quip", class: speech, forms: []string{"quip", "quips", "quipped", "quipping"}},
	{base: "ask", class: speech},
	{base: "call", particle: "for", class: speech},
	{base: "call", particle: "on", class: speech},
	{base: "demand", class: speech, nounish: true},
	{base: "propose", class: speech},
	{base: "reveal", class: speech},
	{base: "disclose", class: speech},
	{base: "testify", class: speech, forms: []string{"testify", "testifies", "testified", "testifying"}},
	{base: "assure", class: speech},
	{base: "highlight", class: speech},
	{base: "lament", class: speech},
	{base: "accuse", class: speech},
	{base: "allege", class: speech},
	{base: "charge", class: speech, nounish: true},
	{base: "estimate", class: opinion, nounish: true},
	{base: "believe", class: opinion},
	{base: "think", class: opinion, forms: []string{"think", "thinks", "thought", "thinking"}},
	{base: "find", class: opinion, forms: []string{"finds", "found"}},
	{base: "show", class: opinion, nounish: true, clausal: true, forms: []string{"show", "shows", "showed", "shown", "showing"}},
	{base: "express", class: speech},
	{base: "describe", class: opinion},
	{base: "criticize", class: opinion},
	{base: "criticise", class: opinion},
	{base: "question", class: opinion, nounish: true},
	{base: "wonder", class: opinion},
	{base: "agree", class: opinion},
	{base: "hope", class: opinion, nounish: true},
	{base: "fear", class: opinion, nounish: true},
	{base: "expect", class: opinion},
	{base: "want", class: opinion, nounish: true},
	{base: "cite", class: opinion},
	{base: "blast", class: opinion, nounish: true},
	{base: "attack", class: opinion, nounish: true},
	{base: "condemn", class: opinion},
	{base: "slam", class: opinion, forms: []string{"slams", "slammed", "slamming"}},
	{base: "praise", class: opinion, nounish: true},
	{base: "mock", class: opinion},
	{base: "encourage", class: opinion},
	{base: "recommend", class: opinion},
	{base: "signal", class: opinion, nounish: true},
	{base: "call", class: speech, quoted: true},
	{base: "dub", class: speech, quoted: true, forms: []string{"dub", "dubs", "dubbed", "dubbing"}},
	{base: "label", class: speech, quoted: true, forms: []string{"label", "labels", "labeled", "labelled", "labeling"}},
	{base: "brand", class: speech, quoted: true},
	{base: "term", class: speech, quoted: true},
	{base: "characterize", class: speech, quoted: true},
	{base: "rate", class: opinion, quoted: true},
	{base: "read", class: speech, clausal: true, forms: []string{"read", "reads"}},
	{base: "characterise", class: speech, quoted: true},
	{base: "shout", class: speech, clausal: true},
	{base: "yell", class: speech},
	{base: "exclaim", class: speech},
	{base: "scream", class: speech},
	{base: "put", particle: "it", class: speech, forms: []string{"put", "puts", "putting"}},
	// "made clear that …", "made it clear the quota stays": diplomacy's
	// firm statement
	{base: "make", particle: "clear", class: speech, clausal: true, forms: []string{"make", "makes", "made", "making"}},
	{base: "make", particle: "it clear", class: speech, clausal: true, forms: []string{"make", "makes", "made", "making"}},
}

// cue is what a lexicon word maps to.
type cue struct {
	particle string
	class    cueClass
	ambig    bool // nounish base or -s form: needs a verb-like context
	past     bool
	quoted   bool
	clausal  bool
}

// verbForms maps each inflected form to its lexicon entries.
var verbForms = func() map[string][]cue {
	m := map[string][]cue{}
	for _, e := range reportingVerbs {
		forms := e.forms
		if len(forms) == 0 {
			forms = inflect(e.base)
		}
		for _, f := range forms {
			ambig := e.nounish && (f == e.base || f == e.base+"s" || f == e.base+"es")
			past := strings.HasSuffix(f, "ed") || f == "said" || f == "told" || f == "wrote" || f == "thought" || f == "found" || f == "showed"
			m[f] = append(m[f], cue{particle: e.particle, class: e.class, ambig: ambig, past: past, quoted: e.quoted, clausal: e.clausal})
		}
	}
	return m
}()

// inflect makes the regular forms of an English verb.
func inflect(base string) []string {
	s, ed, ing := base+"s", base+"ed", base+"ing"
	switch {
	case strings.HasSuffix(base, "e"):
		ed, ing = base+"d", base[:len(base)-1]+"ing"
	case strings.HasSuffix(base, "ss") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		s = base + "es"
	}
	if n := len(base); n >= 4 && base[n-1] == 'l' && strings.IndexByte("aeiou", base[n-2]) >= 0 && strings.IndexByte("aeiou", base[n-3]) < 0 {
		// British spelling doubles the l: "signalled", "signalling"
		return []string{base, s, ed, ing, base + "led", base + "ling"}
	}
	return []string{base, s, ed, ing}
}

// Words that may stand between a subject and its reporting verb:
// auxiliaries, negation and adverbs ("has also said", "later told",
// "once again stressed"). Skipped when looking for the subject.
var betweenSubjVerb = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "then": true,
	"previously": true, "earlier": true, "once": true, "again": true, "recently": true,
	"repeatedly": true, "publicly": true, "is": true, "was": true, "are": true, "were": true,
	"would": true, "will": true, "did": true, "does": true, "do": true, "not": true, "never": true,
	"further": true, "firmly": true, "flatly": true, "clearly": true, "openly": true, "privately": true,
	"reportedly": true, "frequently": true, "often": true, "now": true, "still": true, "already": true,
	"just": true, "only": true, "even": true, "has been": true, "been": true, "in": true, "turn": true,
	"may": true, "might": true, "could": true, "should": true, "can": true, "must": true,
	"explicitly": true, "specifically": true, "angrily": true, "bluntly": true, "quickly": true,
	"immediately": true, "subsequently": true, "first": true, "separately": true, "herself": true,
	"himself": true, "themselves": true, "itself": true, "yesterday": true, "today": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "last": true, "week": true, "night": true, "tonight": true,
	"initially": true, "originally": true, "once-again": true, "long": true, "consistently": true,
	// "Officials here said" ("there" opens a clause: "said there is …")
	"here": true,
	"”":    false,
}

// Words that end a subject noun phrase when read backwards from the verb:
// conjunctions, relative pronouns and verbs that open a clause. The phrase
// starts after them.
var npStop = map[string]bool{
	"that": true, "and": true, "but": true, "or": true, "which": true, "who": true, "whom": true,
	"when": true, "while": true, "as": true, "if": true, "because": true, "so": true, "although": true,
	"though": true, "where": true, "whether": true, "after": true, "before": true, "since": true,
	"until": true, "than": true, "what": true, "how": true, "why": true, "yet": true, "said": true,
	"says": true, "say": true, "told": true, "is": true, "was": true, "are": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "to": true, "with": true,
	"by": true, "at": true, "in": true, "on": true, "for": true, "from": true, "about": true,
	"into": true, "over": true, "under": true, "against": true, "during": true, "without": true,
	"through": true, "between": true, "among": true, "like": true, "unlike": true, "despite": true,
	"however": true, "meanwhile": true, "moreover": true, "also": true, "then": true, "not": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "do": true, "does": true, "did": true, "it": false,
	// where the speaker stood: "said a farmer outside the building"
	"outside": true, "inside": true, "near": true, "beside": true, "behind": true, "amid": true, "opposite": true,
}

// locatives place a speaker where they spoke: "a farmer outside the
// building", "a woman near the border", "protesters opposite parliament".
// They never belong to a speaker's name.
var locatives = map[string]bool{
	"outside": true, "inside": true, "near": true, "beside": true, "behind": true, "amid": true, "opposite": true,
}

// Determiners open a noun phrase: the backward scan includes them and stops.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": false, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true,
	"another": true, "some": true, "many": true, "most": true, "several": true, "both": true,
	"two": true, "three": true, "one": true, "other": true, "few": true, "all": true, "no": true,
}

// pronouns that may be the subject of a reporting verb, and what they can
// refer to.
var pronouns = map[string]string{
	"he": "m", "she": "f", "they": "p", "it": "n", "we": "w", "i": "i", "you": "y",
	"him": "m", "her": "f", "them": "p", "his": "m", "their": "p", "its": "n",
}

// Adverbs of past time in a reporting clause that mean the statement is
// not of the day: the date is unknown unless a time expression gives it.
var earlierWords = map[string]bool{
	"earlier": true, "previously": true, "formerly": true, "once": true, "repeatedly": true,
	"before": true, "long": true,
}

// Objects of "told": who was told; skipped to reach the content.
var toldObjects = map[string]bool{
	"journalists": true, "reporters": true, "press": true, "the": true, "a": true, "an": true,
	"media": true, "newsmen": true, "audience": true, "crowd": true, "supporters": true,
	// "told a House panel", "told the daily", "told a news conference"
	"panel": true, "committee": true, "subcommittee": true, "hearing": true, "group": true, "gathering": true,
	"conference": true, "news": true, "newspaper": true, "paper": true, "agency": true, "radio": true,
	"television": true, "station": true, "channel": true, "magazine": true, "daily": true, "weekly": true,
	"network": true, "broadcaster": true, "delegates": true, "lawmakers": true, "legislators": true,
	"students": true, "rally": true, "meeting": true, "forum": true, "investors": true, "analysts": true,
	"diplomats": true, "interviewer": true, "parliament": true, "visitors": true, "workers": true,
	"programme": true, "program": true, "show": true, "podcast": true,
	// "told the council his department would …"
	"council": true, "assembly": true, "senate": true, "chamber": true, "court": true, "jury": true,
	"board": true, "summit": true, "congress": true, "commission": true, "convention": true,
}

// npObjectVerbs report through their object rather than a clause:
// "expressed its dissatisfaction", "called on NATO to …", "clarified
// Russia's views". Their content keeps the verb.
var npObjectVerbs = map[string]bool{
	"expressed": true, "expresses": true, "express": true, "expressing": true,
	"called": true, "calls": true, "call": true, "calling": true,
	"clarified": true, "clarifies": true, "urged": true, "urges": true, "urge": true,
	"exhorted": true, "exhorts": true, "exhort": true, "exhorting": true,
	"demanded": true, "demands": true, "proposed": true, "proposes": true,
	"criticized": true, "criticised": true, "criticizes": true, "condemned": true, "condemns": true,
	"praised": true, "praises": true, "described": true, "describes": true, "questioned": true,
	"cited": true, "cites": true, "attacked": true, "blasted": true, "slammed": true, "mocked": true,
	"encouraged": true, "encourages": true, "recommended": true, "accused": true, "accuses": true,
	"announced": true, "announces": true, "pledged": true, "vowed": true, "promised": true,
	"affirmed": true, "affirms": true, "reaffirmed": true, "reaffirms": true,
	"bemoaned": true, "decried": true, "commended": true, "commends": true, "denounced": true,
	"denounces": true,
}

// The word sets the clause and speaker rules consult around every cue,
// and verbForms, as text.Lexicon tables: the lookups of the maps, faster.
// The maps stay the definitions.
var (
	verbFormsLex       = text.NewLexicon(verbForms)
	auxVerbsLex        = text.NewLexicon(auxVerbs)
	betweenSubjVerbLex = text.NewLexicon(betweenSubjVerb)
	npStopLex          = text.NewLexicon(npStop)
	determinersLex     = text.NewLexicon(determiners)
	earlierWordsLex    = text.NewLexicon(earlierWords)
)

// inLex is m[w] of x's map.
func inLex(x *text.Lexicon[bool], w string) bool { v, _ := x.Get(w); return v }

// cuesOf is verbForms[w].
func cuesOf(w string) []cue { cs, _ := verbFormsLex.Get(w); return cs }
