package events

// Small closed word classes the extractor consults around a trigger. They
// are generic English, compared lower-case.

// lightVerbs make a nominal trigger an event: "held talks", "staged a
// protest", "launched an offensive", "imposed sanctions". Safe because a
// bare noun ("the threat of sanctions") reports no act.
var lightVerbs = wordSet("hold holds held holding have has had having begin began begun begins start started starts " +
	"stage staged stages launch launched launches launching conduct conducted conducts carry carried carries mount mounted " +
	"open opened opens continue continued continues resume resumed resumes attend attended attends organize organized " +
	"organise organised make made makes issue issued issues reach reached declare declared declares impose imposed imposes " +
	"introduce introduced announce announced announces go went joined join host hosted hosts receive received receives " +
	"give gave gives deliver delivered sent send submit submitted handed hand pay paid paying end ended renewed renew " +
	"undertook undertake reimposed extended extend sign signed unleashed waged wage completed complete " +
	"speeded sped accelerated")

// heldAfter after a nominal trigger make it an event too: "talks were
// held", "the meeting took place", "the summit began".
var heldAfter = wordSet("held took begin began begins opened started ended concluded resumed lasted")

// irregularPast are past forms of trigger verbs that do not end in -ed.
var irregularPast = wordSet("met held sent gave given took taken spoke spoken made told began begun sought struck fought " +
	"froze frozen broke broken withdrew withdrawn forgave forgiven paid shot beaten led put set cut blew blown went")

// negators turn a trigger off: "did not meet" is not a meeting.
var negators = wordSet("not never no neither nor cannot didn't don't doesn't won't wouldn't can't couldn't hasn't haven't hadn't isn't aren't wasn't weren't shouldn't mustn't")

// pastNeg are verbs of not doing: "avoided discussing", "refrained from
// attacking", "failed to attend".
var pastNeg = wordSet("avoid avoids avoided avoiding refrain refrains refrained fail fails failed failing")

// determiners before a verb form make it a noun ("the offer", "Russia's
// demands", "their support"): the verb entry does not apply.
var determiners = wordSet("the a an its their his her our your my this these those such any some all every each another")

// auxFollow after a verb form make it a noun: "the core demands were".
var auxFollow = wordSet("is are was were has have had will would can could should may might must")

// bodyHeads after a demonym make a country's organ: "the Russian side",
// "Ukrainian forces".
var bodyHeads = wordSet("side government ministry officials authorities diplomats leaders leadership forces troops army " +
	"delegation military navy president administration parliament police negotiators")

// purpose words before "to" make the trigger a purpose, not an act: "in
// order to de-escalate", "so as to avoid".
var purpose = wordSet("order as")

// futureNeg are negated modals that make a refusal: "will not withdraw" is
// a rejection, "did not withdraw" is only a non-event.
var futureNeg = wordSet("will would won't wouldn't cannot can't shall refuse refused refuses")

// intent marks announced intent: "will visit", "plans to impose", "ready to
// host". PLOVER codes intent to cooperate as AGREE and intent to use force
// or sanctions as THREATEN.
var intentWords = wordSet("will would shall may might could 'll plans plan planned planning intends intend intended " +
	"ready willing prepared going vowed vows vow sworn swore swears threatens prepares preparing " +
	"he'll she'll it'll they'll we'll i'll he’ll she’ll it’ll they’ll we’ll i’ll he'd she'd they'd we'd he’d she’d they’d we’d")

// boundaries end a clause: relative pronouns and subordinators. A clause
// is where the trigger's subject and governing date are looked for.
var boundaries = wordSet("that which who whom whose while whereas because although though unless whether after before since until when once")

// independent words start a clause that a governing trigger does not
// govern: "Baku agreed to talks, while Yerevan refused".
var independent = wordSet("; while whereas but although though")

// subjectPreps before a mention mean it is not the subject ("in Moscow",
// "according to TASS").
var subjectPreps = wordSet("in at on from to with by for of after before during against according about into over under near between toward towards across via than like since until")

// timeSkip before a time expression mean it does not date the event:
// "since 2019", "until Friday", "by the end of January".
var timeSkip = wordSet("since until till by before after from through throughout within between")

// reporting verbs: a date right after them dates the statement, not the
// events it reports ("Russia sent troops, the ministry said on Friday").
var reporting = wordSet("said says say told tells stated states added adds noted notes stressed stresses explained " +
	"explains emphasized emphasised underlined remarked commented according wrote writes claimed claims insisted reported reports")

// passiveAux before a participle makes the clause passive: the actor
// follows "by".
var passiveAux = wordSet("was were been being is are be")

// pronouns that stand for a person and for a body.
var personPronouns = wordSet("he she his her him he'll she'll he’ll she’ll he'd she'd he’d she’d")
var bodyPronouns = wordSet("they it its their them they'll it'll they’ll it’ll they'd they’d")

// roleNouns stand for the last named person ("the minister said").
var roleNouns = wordSet("minister diplomat spokesman spokeswoman spokesperson president premier chancellor secretary " +
	"ambassador envoy official leader negotiator deputy chief head general commander")

// groupNouns stand for the parties of the last event, like "they": "the
// two diplomats met", "the sides agreed".
var groupNouns = wordSet("diplomats ministers leaders sides parties delegations negotiators counterparts presidents")

// bodyNouns stand for the last named country or organisation.
var bodyNouns = wordSet("ministry government side country state kremlin administration alliance bloc authorities " +
	"delegation parliament cabinet army military")

// quantifiers open a sentence without naming an actor: "Thousands
// demonstrated", "Several officials said".
var quantifiers = wordSet("thousands hundreds dozens millions tens scores some many several most both all few each every other others")

// collectives are geopolitical actors that the mention finder leaves
// untyped but news prose uses as subjects ("the West demanded").
var collectives = wordSet("West")

// Word-class bits: each token's classes are looked up once per article
// (one map access per word) and tested as bits on the hot paths.
const (
	fLightVerbs     uint32 = 1 << 0
	fNegators       uint32 = 1 << 1
	fFutureNeg      uint32 = 1 << 2
	fIntentWords    uint32 = 1 << 3
	fBoundaries     uint32 = 1 << 4
	fSubjectPreps   uint32 = 1 << 5
	fTimeSkip       uint32 = 1 << 6
	fReporting      uint32 = 1 << 7
	fPassiveAux     uint32 = 1 << 8
	fPersonPronouns uint32 = 1 << 9
	fBodyPronouns   uint32 = 1 << 10
	fRoleNouns      uint32 = 1 << 11
	fBodyNouns      uint32 = 1 << 12
	fPastNeg        uint32 = 1 << 13
	fDeterminers    uint32 = 1 << 14
	fPurpose        uint32 = 1 << 15
	fAuxFollow      uint32 = 1 << 16
	fBodyHeads      uint32 = 1 << 17
	fIndependent    uint32 = 1 << 18
	fQuantifiers    uint32 = 1 << 19
	fTrigger        uint32 = 1 << 30
)

// classes maps a lower-case word to its class bits; built once at init
// from the immutable sets above.
var classes = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, c := range []struct {
		set map[string]bool
		bit uint32
	}{
		{lightVerbs, fLightVerbs},
		{negators, fNegators},
		{futureNeg, fFutureNeg},
		{intentWords, fIntentWords},
		{boundaries, fBoundaries},
		{subjectPreps, fSubjectPreps},
		{timeSkip, fTimeSkip},
		{reporting, fReporting},
		{passiveAux, fPassiveAux},
		{personPronouns, fPersonPronouns},
		{bodyPronouns, fBodyPronouns},
		{roleNouns, fRoleNouns},
		{bodyNouns, fBodyNouns},
		{pastNeg, fPastNeg},
		{determiners, fDeterminers},
		{purpose, fPurpose},
		{auxFollow, fAuxFollow},
		{bodyHeads, fBodyHeads},
		{independent, fIndependent},
		{quantifiers, fQuantifiers},
	} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()
