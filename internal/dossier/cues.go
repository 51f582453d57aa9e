package dossier

import "strings"

// family is a kind of stance cue: what the words before an issue phrase
// say about the holder's attitude to it.
type family uint8

const (
	famNone family = iota
	// famSay introduces reported content (said, stressed, noted): it does
	// not take a stance itself; its subject is who the content belongs to.
	famSay
	// famDemand asks for something (demand, insist, need, call on, urge):
	// the holder is for what follows.
	famDemand
	// famModal is a deontic modal (should, must, necessary): the speaker
	// asks it of whoever is the subject, so the holder is the speaker's side.
	famModal
	// famSupport accepts or backs what follows (support, agree, welcome).
	famSupport
	// famReject turns down what follows (reject, unacceptable, will not allow).
	famReject
	// famEvade: the holder dodges what follows (ignore, evade, avoid). The
	// holder is against it; whoever reports the dodging wants it.
	famEvade
	// famEvadeNeg are verbs that report evasion only when denied
	// ("did not contain a positive reaction", "are not mentioned").
	famEvadeNeg
	// famOffer puts something on the table (propose, offer, ready to).
	famOffer
	// famCommit states what the holder goes on doing (will continue to, keep).
	famCommit
)

func (f family) String() string {
	return [...]string{"none", "say", "demand", "modal", "support", "reject", "evade", "evade", "offer", "commit"}[f]
}

// cueEntry is one cue: a sequence of words (lower case) and its family.
type cueEntry struct {
	words []string
	fam   family
}

// cueSpecs are the cue lexicon. "a|b c" means a or b, then c. Every entry
// is a reporting or attitude expression of news English; each is safe as a
// cue because it is only consulted in the clause that holds an issue phrase,
// and only the first non-reporting cue of that clause decides the frame.
var cueSpecs = []struct {
	spec string
	fam  family
}{
	// Reporting verbs: who says the content, no stance of their own.
	{"say|says|said|saying", famSay},
	{"state|states|stated|stating", famSay},
	{"stress|stresses|stressed|stressing", famSay},
	{"emphasize|emphasizes|emphasized|emphasizing|emphasise|emphasises|emphasised|emphasising", famSay},
	{"note|notes|noted|noting", famSay},
	{"add|adds|added|adding", famSay},
	{"warn|warns|warned|warning", famSay},
	{"tell|tells|told|telling", famSay},
	{"point|points|pointed|pointing out", famSay},
	{"claim|claims|claimed|claiming", famSay},
	{"argue|argues|argued|arguing", famSay},
	{"believe|believes|believed", famSay},
	{"think|thinks|thought", famSay},
	{"indicate|indicates|indicated|indicating", famSay},
	{"explain|explains|explained", famSay},
	{"announce|announces|announced", famSay},
	{"declare|declares|declared", famSay},
	{"confirm|confirms|confirmed", famSay},
	{"reiterate|reiterates|reiterated", famSay},
	{"assert|asserts|asserted", famSay},
	{"specify|specifies|specified", famSay},
	{"report|reports|reported", famSay},
	{"recall|recalls|recalled", famSay},
	{"according", famSay},

	// Demands: the holder wants what follows to happen.
	{"demand|demands|demanded|demanding", famDemand},
	{"insist|insists|insisted|insisting", famDemand},
	{"need|needs|needed", famDemand},
	{"require|requires|required|requirement|requirements", famDemand},
	{"call|calls|called|calling on|upon|for", famDemand},
	{"urge|urges|urged|urging", famDemand},
	{"want|wants|wanted|wanting", famDemand},
	{"seek|seeks|sought|seeking", famDemand},
	{"request|requests|requested|requesting", famDemand},
	{"expect|expects|expected|expecting", famDemand},
	{"insistence", famDemand},
	{"press|presses|pressed|pressing for", famDemand},

	// Deontic modals: the speaker asks it of the subject.
	{"should", famModal},
	{"must", famModal},
	{"ought", famModal},
	{"necessary", famModal},
	{"necessity", famModal},
	{"has|have|had to", famModal},

	// Support.
	{"support|supports|supported|supporting", famSupport},
	{"back|backs|backed|backing", famSupport},
	{"favour|favours|favoured|favor|favors|favored", famSupport},
	{"agree|agrees|agreed|agreeing", famSupport},
	{"accept|accepts|accepted|accepting", famSupport},
	{"welcome|welcomes|welcomed|welcoming", famSupport},
	{"endorse|endorses|endorsed", famSupport},
	{"committed to", famSupport},

	// Rejection.
	{"reject|rejects|rejected|rejecting|rejection", famReject},
	{"oppose|opposes|opposed|opposing|opposition", famReject},
	{"refuse|refuses|refused|refusal", famReject},
	{"unacceptable", famReject},
	{"not|never|cannot accept|accepting", famReject},
	{"not|never|cannot allow|tolerate|agree|support", famReject},
	{"rule|rules|ruled|ruling out", famReject},
	{"dismiss|dismisses|dismissed|dismissing", famReject},
	{"resist|resists|resisted", famReject},

	// Evasion.
	{"ignore|ignores|ignored|ignoring", famEvade},
	{"evade|evades|evaded|evading", famEvade},
	{"avoid|avoids|avoided|avoiding", famEvade},
	{"sidestep|sidesteps|sidestepped|sidestepping", famEvade},
	{"dodge|dodges|dodged|dodging", famEvade},
	{"disregard|disregards|disregarded|disregarding", famEvade},
	// Evasion only when denied: "did not contain a positive reaction",
	// "are not mentioned", "gave no answer to".
	{"contain|contained|include|included|mention|mentioned|address|addressed|respond|responded|answer|answered|reply|replied|react|reacted|reaction|response", famEvadeNeg},

	// Offers.
	{"propose|proposes|proposed|proposing", famOffer},
	{"offer|offers|offered|offering", famOffer},
	{"suggest|suggests|suggested|suggesting", famOffer},
	{"ready", famOffer},
	{"prepared", famOffer},
	{"willing", famOffer},
	{"consider|considers|considering", famOffer},
	{"open to", famOffer},

	// Commitments.
	{"continue|continues|continued|continuing", famCommit},
	{"keep|keeps|kept|keeping", famCommit},
	{"maintain|maintains|maintained|maintaining", famCommit},
}

// cueIndex maps a first word to the entries that start with it, longest first.
var cueIndex = buildCueIndex()

func buildCueIndex() map[string][]cueEntry {
	idx := map[string][]cueEntry{}
	for _, cs := range cueSpecs {
		slots := strings.Fields(cs.spec)
		alts := make([][]string, len(slots))
		for i, s := range slots {
			alts[i] = strings.Split(s, "|")
		}
		// Expand the alternatives of every slot.
		var expand func(i int, acc []string)
		expand = func(i int, acc []string) {
			if i == len(alts) {
				w := append([]string(nil), acc...)
				idx[w[0]] = append(idx[w[0]], cueEntry{words: w, fam: cs.fam})
				return
			}
			for _, a := range alts[i] {
				expand(i+1, append(acc, a))
			}
		}
		expand(0, nil)
	}
	for k, es := range idx {
		// Longest entries first so "not accept" wins over "not".
		for i := 1; i < len(es); i++ {
			for j := i; j > 0 && len(es[j].words) > len(es[j-1].words); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
		idx[k] = es
	}
	return idx
}

// matchCue returns the cue starting at toks[i] and the index after it.
// Function words in the text are skipped between the entry's words
// ("could not accept", "ready to"), never before the first.
func matchCue(toks []token, i int) (family, int) {
	// A capitalised word inside a sentence is part of a name ("Lake
	// Support", "United States"), not a cue.
	if toks[i].upper && i > 0 && toks[i].punct != '.' && toks[i].punct != '"' {
		return famNone, i
	}
	es, ok := cueIndex[toks[i].low]
	if !ok {
		return famNone, i
	}
	for _, e := range es {
		j := i + 1
		k := 1
		for k < len(e.words) && j < len(toks) {
			if toks[j].punct == '.' {
				break
			}
			if toks[j].low == e.words[k] {
				k++
				j++
				continue
			}
			if toks[j].fn && !functionWords[e.words[k]] && j-i < 4 {
				j++
				continue
			}
			break
		}
		if k == len(e.words) {
			return e.fam, j
		}
	}
	return famNone, i
}

// conditionMarkers make an offer or support conditional: "provided that",
// "on condition", "if", "as long as", "unless", "in exchange for". They are
// only read in the sentence that holds the issue phrase.
var conditionMarkers = [][]string{
	{"provided"}, {"providing", "that"}, {"on", "condition"}, {"if"}, {"as", "long", "as"},
	{"unless"}, {"in", "exchange", "for"}, {"in", "return", "for"}, {"subject", "to"},
	{"on", "the", "condition"}, {"once"}, {"only", "when"},
}

// reversers are verbs of giving something up: just before a phrase they
// turn it around like a negator ("refused to give up its open door policy"
// is for the open door; "abandoned its open door policy" against it).
// "give up" is handled by givesUp.
var reversers = map[string]bool{
	"abandon": true, "abandons": true, "abandoned": true, "abandoning": true,
	"renounce": true, "renounces": true, "renounced": true, "renouncing": true,
	"scrap": true, "scraps": true, "scrapped": true, "scrapping": true,
	"drop": true, "drops": true, "dropped": true, "dropping": true,
	"relinquish": true, "relinquished": true, "forgo": true, "forgoes": true,
	"close": true, "closes": true, "closed": true, "closing": true, "shut": true, "shuts": true,
	"ends": true, "ended": true, "ending": true, "terminate": true, "terminated": true,
}

// hedges make a statement about a phrase uncertain: a question ("asked
// whether"), a modal of possibility ("may", "might", "could"), an
// estimate ("unlikely", "perhaps"). Right before the phrase's clause they
// turn a stance into unclear (or, for an offer, conditional).
var hedges = map[string]bool{
	"whether": true, "may": true, "might": true, "could": true, "unlikely": true, "likely": true,
	"perhaps": true, "possibly": true, "maybe": true, "probably": true, "considering": true,
	"weighing": true, "mulling": true, "doubtful": true, "uncertain": true, "unclear": true,
}

// condFirst holds the first words of conditionMarkers.
var condFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, cm := range conditionMarkers {
		m[cm[0]] = true
	}
	return m
}()

// condStarts open a condition clause; a fronted one ends at its comma.
var condStarts = map[string]bool{"if": true, "unless": true, "provided": true, "once": true}

// counterMarkers mark an offer as a different offer on the same issue:
// "instead", "rather than", "an alternative", "a compromise", "a gradual
// phase-out", "a modest increase" — a smaller or different thing than asked.
var counterMarkers = map[string]bool{
	"instead": true, "rather": true, "alternative": true, "alternatives": true,
	"compromise": true, "partial": true, "gradual": true, "phased": true,
	"counterproposal": true, "counteroffer": true, "modest": true, "limited": true, "smaller": true,
}

// versionNouns name one side's reading of a principle: rejecting "NATO's
// approach to the principle" is not rejecting the principle.
var versionNouns = map[string]bool{
	"approach": true, "interpretation": true, "version": true, "understanding": true,
	"reading": true, "vision": true, "concept": true, "treatment": true, "definition": true,
}

// subjectPronouns refer back to the speaker (or to the subject of the
// reporting clause around them).
var subjectPronouns = map[string]bool{
	"we": true, "i": true, "he": true, "she": true, "it": true, "they": true,
	"our": true, "my": true, "his": true, "her": true, "us": true, "me": true,
}

// memberHeads follow a party name when the words name its members, not the
// party: "NATO countries", "EU member states", "alliance members".
var memberHeads = map[string]bool{
	"countries": true, "members": true, "member": true, "states": true, "nations": true,
	"allies": true, "partners": true, "governments": true,
}

// prepositions before a party name make it an object or a modifier, not
// the subject ("talks with Russia", "the position of the White House").
// "by" is not here: the agent of a passive is its subject.
var prepositions = map[string]bool{
	"to": true, "with": true, "of": true, "for": true, "from": true, "against": true,
	"on": true, "about": true, "into": true, "toward": true, "towards": true, "in": true,
	"at": true, "between": true, "among": true, "near": true, "over": true, "than": true,
}

// nominalBefore are words that make the following cue a noun ("the need",
// "core demands"): a nominal cue has no subject of its own.
var nominalBefore = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "our": true, "their": true, "his": true,
	"her": true, "core": true, "key": true, "main": true, "principal": true, "central": true,
	"basic": true, "chief": true, "this": true, "that": true,
}

// demonyms map the adjective of a country to its name (generic world
// knowledge): "the Russian side", "a Canadian minister" name the party.
var demonyms = map[string]string{
	"russian": "russia", "american": "united states", "ukrainian": "ukraine",
	"canadian": "canada", "mexican": "mexico", "chinese": "china", "british": "united kingdom",
	"french": "france", "german": "germany", "italian": "italy", "spanish": "spain",
	"polish": "poland", "belarusian": "belarus", "georgian": "georgia", "turkish": "turkey",
	"iranian": "iran", "israeli": "israel", "palestinian": "palestine", "syrian": "syria",
	"japanese": "japan", "korean": "korea", "indian": "india", "pakistani": "pakistan",
	"brazilian": "brazil", "argentine": "argentina", "australian": "australia",
	"swedish": "sweden", "finnish": "finland", "norwegian": "norway", "danish": "denmark",
	"dutch": "netherlands", "belgian": "belgium", "swiss": "switzerland", "austrian": "austria",
	"hungarian": "hungary", "czech": "czech republic", "slovak": "slovakia", "romanian": "romania",
	"bulgarian": "bulgaria", "serbian": "serbia", "croatian": "croatia", "greek": "greece",
	"estonian": "estonia", "latvian": "latvia", "lithuanian": "lithuania", "moldovan": "moldova",
	"armenian": "armenia", "azerbaijani": "azerbaijan", "kazakh": "kazakhstan",
	"egyptian": "egypt", "saudi": "saudi arabia", "qatari": "qatar", "emirati": "united arab emirates",
	"iraqi": "iraq", "afghan": "afghanistan", "venezuelan": "venezuela", "colombian": "colombia",
	"cuban": "cuba", "chilean": "chile", "peruvian": "peru", "nigerian": "nigeria",
	"ethiopian": "ethiopia", "sudanese": "sudan", "south african": "south africa",
	"irish": "ireland", "portuguese": "portugal", "european": "european union",
	"vietnamese": "vietnam", "indonesian": "indonesia", "thai": "thailand", "filipino": "philippines",
	"taiwanese": "taiwan", "north korean": "north korea", "south korean": "south korea",
}

// givesUp reports whether toks[k] is the "up" of "give up".
func givesUp(toks []token, k int) bool {
	if k == 0 || toks[k].low != "up" {
		return false
	}
	switch toks[k-1].low {
	case "give", "gives", "gave", "giving", "given":
		return true
	}
	return false
}

// postReversers are participles that, after "be", say the thing before
// them is undone: "the open door policy to be slammed shut", "the quota
// must be scrapped". "lifted" is not here: lifting a sanction or a tariff
// is itself a thing dossiers name.
var postReversers = map[string]bool{
	"closed": true, "shut": true, "abandoned": true, "scrapped": true, "dropped": true,
	"ended": true, "halted": true, "stopped": true, "revoked": true, "reversed": true,
	"cancelled": true, "canceled": true, "suspended": true, "frozen": true, "removed": true,
	"withdrawn": true, "dismantled": true, "abolished": true, "rolled": true,
}

// postReversed reports whether "be" and a reversing participle (one word
// may stand between: "be slammed shut", "be quietly dropped") follow the
// phrase within six words of its end, in the same clause.
func postReversed(toks []token, lo, hi int) bool {
	for k := lo; k < hi && k < lo+6; k++ {
		if k > lo && (toks[k].punct == ',' || toks[k].punct == ';') {
			return false
		}
		switch toks[k].low {
		case "be", "being", "been", "is", "are", "was", "were", "get", "gets", "got":
			for j := k + 1; j < hi && j <= k+2; j++ {
				if postReversers[toks[j].low] {
					return true
				}
			}
		}
	}
	return false
}
