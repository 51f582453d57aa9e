package events

import (
	"errors"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/text"
)

// ErrLexicon is wrapped by every validation error of the trigger lexicon.
var ErrLexicon = errors.New("invalid event lexicon")

// PLOVER event categories (PLOVER 2021), plus Parley's one extension.
const (
	Agree     = "AGREE"
	Consult   = "CONSULT"
	Support   = "SUPPORT"
	Concede   = "CONCEDE"
	Cooperate = "COOPERATE"
	Aid       = "AID"
	Retreat   = "RETREAT"
	Request   = "REQUEST"
	Accuse    = "ACCUSE"
	Reject    = "REJECT"
	Threaten  = "THREATEN"
	Protest   = "PROTEST"
	Sanction  = "SANCTION"
	Mobilize  = "MOBILIZE"
	Coerce    = "COERCE"
	Assault   = "ASSAULT"
	// Publish is Parley's extension: a party makes a negotiating text
	// public (a draft treaty, a proposal, its answer). It is unilateral and
	// addressed to the public, so none of the PLOVER categories fits; see
	// docs/events.md.
	Publish = "PUBLISH"
)

// types lists the event types Extract emits, PLOVER first.
var types = []string{Agree, Consult, Support, Concede, Cooperate, Aid, Retreat, Request,
	Accuse, Reject, Threaten, Protest, Sanction, Mobilize, Coerce, Assault, Publish}

// cooperative reports whether t is a cooperative (or neutral) category:
// announced intent to do it is AGREE, a refusal of it is REJECT.
func cooperative(t string) bool {
	switch t {
	case Agree, Consult, Support, Cooperate, Aid, Concede, Retreat, Publish:
		return true
	}
	return false
}

// hostile reports whether t is a material conflict category: announced
// intent to do it is THREATEN (PLOVER's rule for threats).
func hostile(t string) bool {
	switch t {
	case Sanction, Coerce, Assault, Mobilize, Protest:
		return true
	}
	return false
}

// entry is one trigger of the lexicon.
//
// Forms are the head's surface forms, space separated; a form written
// "+base" stands for the regular inflections of a verb (base, -s, -ed,
// -ing with the usual spelling rules). An entry whose With, Next or Prev
// is set fires only when those words are there, and is tried before the
// entries of the same head without conditions.
type entry struct {
	Forms string
	Type  string
	Mode  string
	// Noun marks a nominal trigger ("talks", "sanctions"): it reports an
	// event only next to a light verb ("held talks"), a date ("Friday's
	// meeting") or its participants ("a meeting of the council").
	Noun bool
	// With: one of these words must occur within near tokens of the head,
	// on either side, in the same sentence (the object that decides the
	// sense: "lift sanctions" vs "lift a curfew").
	With string
	// Next: one of these words must follow within two tokens ("call for",
	// "hand over").
	Next string
	// Prev: one of these words must come right before ("in writing",
	// "hunger strike").
	Prev string
	// Govern: the trigger takes a complement that is its content ("agreed
	// to cooperate", "threatened to impose sanctions"): later triggers of
	// the sentence are not events of their own.
	Govern bool
	// Speaker: the actor is the sentence's reporting subject, not the
	// subject of the trigger ("X said Y must withdraw": X demands).
	Speaker bool
	// Subj: the With word may be the head's subject, before it ("US troops
	// arrived"); otherwise a With word before a verb counts only in a
	// passive or a relative clause.
	Subj bool
	// Skip: a matching entry means the head reports no event ("released a
	// statement"); it blocks the entries after it.
	Skip bool
}

// near is how far (in tokens) a With word may be from the head.
const near = 10

// lexicon is the trigger table. Each entry says what it catches and why it
// is safe. Verbs of saying (said, told) are not triggers: they are
// statements, found by internal/quotes.
var lexicon = []entry{
	// ---- AGREE: agreement and announced intent to cooperate ----
	// "agreed to", "agree on": the core agreement verb; it governs its
	// complement ("agreed to resume talks" is one AGREE).
	{Forms: "+agree", Type: Agree, Govern: true},
	// "accepted the demands": giving in to demands is a concession.
	{Forms: "+accept", Type: Concede, Mode: "accede", With: "demands demand conditions ultimatum"},
	// "accepted the proposal": acceptance of an offer is agreement.
	{Forms: "+accept", Type: Agree, Mode: "accept", Govern: true},
	// "offered to mediate", "offered concessions".
	{Forms: "+offer", Type: Agree, Mode: "offer", Govern: true},
	// "proposed talks", "proposed to hold a summit": a proposal is intent
	// to cooperate (CAMEO 03).
	{Forms: "+propose", Type: Agree, Mode: "propose", Govern: true},
	// "put forward proposals / a plan".
	{Forms: "put puts putting", Type: Agree, Mode: "propose", Next: "forward"},
	// "promised", "pledged", "committed to": commitments.
	{Forms: "+promise +pledge", Type: Agree, Mode: "promise", Govern: true},
	{Forms: "committed", Type: Agree, Mode: "promise", Next: "to", Govern: true},
	// "consented", "assented".
	{Forms: "+consent", Type: Agree, Govern: true},
	// "reached an agreement / a deal / consensus": settled outcome.
	{Forms: "reach reaches reached reaching", Type: Agree, With: "agreement agreements deal accord consensus compromise understanding settlement", Govern: true},
	// "struck a deal": idiom for reaching agreement; guarded by "deal".
	{Forms: "strike strikes struck", Type: Agree, With: "deal bargain", Govern: true},
	// "draft agreements", "a draft treaty": a text under negotiation, not
	// an agreement reached.
	{Forms: "agreement agreements treaty treaties deal accord", Skip: true, Prev: "draft"},
	// "a ceasefire agreement was announced" — only with a light verb, see Noun.
	{Forms: "agreement agreements deal accord", Type: Agree, Noun: true},

	// ---- CONSULT: meetings, talks, visits, calls, written exchanges ----
	// "met", "meets with": meeting verbs. "meet" + demands/requirements is
	// a concession, handled below first.
	{Forms: "meet meets met", Type: Concede, Mode: "accede", With: "demands demand requirements conditions"},
	{Forms: "meet meets met", Type: Consult, Mode: "meet"},
	// "meeting" as the verb form "is meeting with" or the noun: both need
	// the noun guards, so it is a Noun trigger.
	{Forms: "meeting meetings", Type: Consult, Mode: "meet", Noun: true},
	// "negotiated", "consulted", "conferred", "discussed".
	{Forms: "+negotiate +consult +confer +discuss", Type: Consult},
	// "talked with / to": "talk" alone is too often the noun "talk of".
	// "talks" is left out: after a noun or "said" it is the noun.
	{Forms: "talk talked talking", Type: Consult, Next: "with to"},
	// Nouns of diplomacy: "held talks", "Friday's summit".
	{Forms: "talks negotiations consultations summit discussions", Type: Consult, Noun: true},
	// "visited Moscow", "paid a visit" (noun guarded by light verbs).
	{Forms: "+visit", Type: Consult, Mode: "visit"},
	{Forms: "visit visits trip", Type: Consult, Mode: "visit", Noun: true},
	// "hosted the delegation".
	{Forms: "+host", Type: Consult, Mode: "host"},
	// "US troops arrived in Poland": a deployment, not a visit.
	{Forms: "arrive arrives arrived arriving", Type: Mobilize, Mode: "troops", With: "troops soldiers forces units battalions warships", Subj: true},
	// "arrived in Paris for talks": arrival of a delegation.
	{Forms: "arrive arrives arrived arriving", Type: Consult, Mode: "visit", Next: "in at"},
	// "telephoned", "phoned", "spoke by phone".
	{Forms: "+telephone +phone", Type: Consult, Mode: "phone"},
	{Forms: "call calls", Type: Consult, Mode: "phone", Prev: "phone telephone video"},
	// "spoke by phone", "spoke with Biden": a conversation between parties.
	{Forms: "speak speaks spoke speaking", Type: Consult, Mode: "phone", Next: "by", With: "phone telephone"},
	{Forms: "speak speaks spoke speaking", Type: Consult, Next: "with"},
	// "held a telephone conversation", "a videoconference".
	{Forms: "conversation conversations videoconference", Type: Consult, Mode: "phone", Noun: true},
	{Forms: "conference conferences", Type: Consult, Mode: "phone", Prev: "video"},
	// "took part in the talks".
	{Forms: "take takes took taken taking", Type: Consult, Next: "part", With: "talks negotiations meeting meetings summit consultations conference"},
	// "mediated", "mediation" (launched mediation).
	{Forms: "+mediate", Type: Consult, Mode: "mediate"},
	{Forms: "mediation", Type: Consult, Mode: "mediate", Noun: true},
	// Written exchanges in negotiations: "replied in writing", "expressed
	// their views in writing". "in writing" is a fixed phrase.
	{Forms: "writing", Type: Consult, Mode: "written", Prev: "in"},
	// "a written response / reply / answer": the object of delivery.
	{Forms: "response responses reply replies answer answers", Type: Consult, Mode: "written", Prev: "written"},
	// "handed over / delivered / submitted the draft documents": a
	// negotiating text passes between parties. Guarded by a document word
	// so "handed over medicine" (aid) or "handed over the town" are not it.
	{Forms: "hand hands handed handing", Type: Consult, Mode: "deliver", Next: "over", With: "draft drafts document documents proposal proposals response responses reply replies answer answers letter letters note notes text texts treaty treaties"},
	// "handed its response to the ambassador" (without "over").
	{Forms: "+deliver +submit +present +transmit +send sent +pass hand hands handed handing", Type: Consult, Mode: "deliver", With: "draft drafts document documents proposal proposals response responses reply replies answer answers letter letters note notes text texts treaty treaties"},
	// "exchanged views / proposals / letters": a diplomatic exchange.
	{Forms: "+exchange", Type: Consult, With: "views opinions proposals documents letters messages drafts notes"},
	// "responded to the proposals", "replied to the demands": an answer in
	// the exchange. Guarded by its object, because "replied" alone is a
	// reporting verb of quotations.
	{Forms: "+respond +reply", Type: Consult, Mode: "written", With: "writing written"},
	{Forms: "+respond +reply", Type: Consult, Mode: "reply", With: "proposals proposal demands draft drafts initiatives initiative letter offer questions request"},
	// "received the written response / the proposals".
	{Forms: "receive receives received receiving", Type: Consult, Mode: "deliver", With: "draft drafts document documents proposal proposals response reply answer letter note"},

	// ---- PUBLISH (extension): negotiating texts made public ----
	// "published draft agreements", "released its proposals", "unveiled
	// a plan": guarded by a text word so a published report is not it.
	{Forms: "+publish +release +unveil +disclose", Type: Publish, With: "draft drafts proposal proposals plan treaty treaties agreement agreements document documents text texts initiative initiatives response responses reply answer answers"},
	// "made public the draft".
	{Forms: "make makes made making", Type: Publish, Next: "public"},

	// ---- SUPPORT: praise, endorsement, recognition, signing ----
	{Forms: "+praise +endorse +commend +applaud +hail +congratulate", Type: Support, Mode: "praise"},
	// "welcomed the decision": positive reaction.
	{Forms: "+welcome", Type: Support, Mode: "praise"},
	// "backed the plan": guard against "backed away/down" (retreat).
	{Forms: "back backs backed backing", Type: Retreat, Next: "down away off"},
	{Forms: "back backs backed", Type: Support},
	// "supported", "defended", "apologised", "forgave".
	{Forms: "+support +defend +apologize +apologise", Type: Support},
	{Forms: "forgive forgives forgave forgiven", Type: Support},
	// "recognised the independence", "established diplomatic ties".
	{Forms: "+recognize +recognise", Type: Support, Mode: "recognize"},
	{Forms: "+establish +restore +upgrade +normalize +normalise", Type: Support, Mode: "relations", With: "relations ties"},
	// "signed a treaty": CAMEO 057, PLOVER SUPPORT.
	{Forms: "sign signs signed signing", Type: Support, Mode: "sign", With: "treaty agreement agreements accord deal memorandum pact declaration protocol charter statement communique"},

	// ---- COOPERATE: material cooperation ----
	{Forms: "+cooperate +co-operate +collaborate", Type: Cooperate},
	// "shared intelligence / evidence": information cooperation.
	{Forms: "share shares shared sharing +exchange", Type: Cooperate, Mode: "intelligence", With: "intelligence information evidence data expertise"},
	// "extradited the suspect".
	{Forms: "+extradite", Type: Cooperate, Mode: "legal"},
	// "joint exercises": joint drills are cooperation; plain drills are
	// MOBILIZE (below, guarded the other way by Prev).
	{Forms: "exercises drills games", Type: Cooperate, Mode: "military", Prev: "joint war"},

	// ---- AID ----
	{Forms: "+donate", Type: Aid},
	// "provided / sent / supplied aid, weapons, loans": guarded by the
	// kind of aid, so "provided details" is not aid.
	{Forms: "+provide +supply +send sent +give gave given +deliver +grant +pledge", Type: Aid, With: "aid assistance humanitarian food medicine medicines loans loan funds funding grant grants dollars weapons arms ammunition supplies asylum"},
	// "contributed troops / funds" (to a peacekeeping force, a fund).
	{Forms: "+contribute", Type: Aid, With: "troops aid funds money dollars soldiers peacekeepers assistance"},
	// "handed over medicine / food".
	{Forms: "hand hands handed handing", Type: Aid, Next: "over", With: "aid medicine medicines food supplies blankets assistance"},
	// "granted asylum".
	{Forms: "granted", Type: Aid, Mode: "asylum", With: "asylum"},
	// "evacuated its diplomats / embassy staff": reducing relations.
	{Forms: "+evacuate", Type: Sanction, Mode: "withdraw", With: "diplomats embassy staff personnel ambassador"},
	// "evacuated the wounded".
	{Forms: "+evacuate", Type: Aid, Mode: "humanitarian"},

	// ---- CONCEDE: yielding on policy ----
	{Forms: "+concede +yield +accede +compromise", Type: Concede},
	// "lifted / eased the curfew, restrictions, state of emergency".
	{Forms: "lift lifts lifted lifting +ease +relax", Type: Retreat, Mode: "ease", With: "sanctions embargo embargoes blockade siege"},
	{Forms: "lift lifts lifted lifting +ease +relax +shorten +cancel cancelled cancelling +abolish +scrap +repeal +end", Type: Concede, With: "curfew restrictions ban emergency measures controls restriction curbs"},
	// "called off the strike".
	{Forms: "call calls called calling", Type: Concede, Next: "off"},
	// "allowed the rally": permission is a concession.
	// Guarded by what is allowed, so "the position allows one to be
	// confident" is not a concession.
	{Forms: "+allow +permit", Type: Concede, With: "rally rallies protest protests demonstration demonstrations access entry inspectors observers monitors return participation participate candidates opposition elections election aid refugees"},
	// "made concessions".
	{Forms: "concession concessions", Type: Concede, Noun: true},

	// ---- RETREAT: release, withdrawal, de-escalation ----
	// "withdrew from the treaty / talks" is SANCTION; "withdrew troops" is
	// RETREAT. The guarded SANCTION entry comes first.
	{Forms: "withdraw withdraws withdrew withdrawn withdrawing", Type: Sanction, Mode: "withdraw", With: "ambassador envoy diplomats treaty talks negotiations agreement membership recognition peacekeepers peacekeeping inspectors observers monitors"},
	{Forms: "withdraw withdraws withdrew withdrawn withdrawing", Type: Retreat, Mode: "withdraw"},
	{Forms: "withdrawal pullout", Type: Retreat, Mode: "withdraw", Noun: true},
	{Forms: "pull pulls pulled pulling", Type: Retreat, Mode: "withdraw", Next: "out back"},
	// "released / freed the prisoners".
	{Forms: "+release +free", Type: Retreat, Mode: "release", With: "prisoners prisoner hostages hostage detainees detainee captives soldiers crew journalist journalists activists members suspects civilians leader minister"},
	// "released a statement / a report / figures": publication, no event.
	{Forms: "+release", Skip: true, With: "statement statements report figures data video footage results communique album film details"},
	// "returned the weapons / the prisoners / the territory".
	{Forms: "+return", Type: Retreat, Mode: "release", With: "weapons prisoners hostages territory land property bodies equipment control"},
	// "received observers / inspectors": allowing international involvement.
	{Forms: "receive receives received receiving", Type: Retreat, Mode: "access", With: "observers inspectors monitors mission"},
	// "surrendered", "demobilized", "disarmed", "de-escalated".
	{Forms: "+surrender +demobilize +demobilise +disarm +de-escalate", Type: Retreat},
	// "resigned", "stepped down": leaders yielding office.
	{Forms: "+resign", Type: Retreat, Mode: "resign"},
	{Forms: "step steps stepped stepping", Type: Retreat, Mode: "resign", Next: "down aside"},
	// "declared a ceasefire / truce".
	{Forms: "ceasefire cease-fire truce armistice", Type: Retreat, Mode: "ceasefire", Noun: true},
	// "paid compensation".
	{Forms: "pay pays paid paying", Type: Retreat, With: "compensation reparations"},

	// ---- REQUEST: demands, appeals, calls ----
	// "asked not to be identified", "requested anonymity", "asked for
	// anonymity": a source's terms with the reporter, no demand.
	{Forms: "ask asks asked asking +request", Skip: true, Next: "not", With: "identified named quoted"},
	{Forms: "ask asks asked asking +request", Skip: true, Next: "anonymity for", With: "anonymity"},
	{Forms: "+demand +urge +request +insist +plead", Type: Request, Govern: true},
	{Forms: "appeal appeals appealed appealing", Type: Request, Next: "to for", Govern: true},
	// "called for", "called on X to": the appeal idiom.
	{Forms: "call calls called calling", Type: Request, Next: "for on upon", Govern: true},
	// "asked X to".
	{Forms: "ask asks asked asking", Type: Request, Govern: true},
	// "sought", "seeks".
	{Forms: "seek seeks sought seeking", Type: Request, Govern: true},
	// "pressed X to", "pushing for": pressure as demand.
	{Forms: "+press", Type: Request, Next: "for to", Govern: true},
	// "pressuring X to": pressure is always a demand.
	{Forms: "+pressure +pressurize +pressurise", Type: Request, Govern: true},
	{Forms: "push pushes pushed pushing", Type: Request, Next: "for hard", Govern: true},
	// "invited X to talks": a request to meet.
	{Forms: "+invite", Type: Request, Mode: "meet", Govern: true},
	// "X said Y must withdraw": reported obligation is the speaker's demand.
	{Forms: "must", Type: Request, Mode: "demand", Govern: true, Speaker: true},
	// "X said NATO should stop …": the same demand, softer.
	{Forms: "should ought", Type: Request, Mode: "demand", Govern: true, Speaker: true},
	// "an ultimatum": issued ultimatum is a threat (CAMEO 139).
	{Forms: "ultimatum", Type: Threaten, Mode: "ultimatum", Noun: true},

	// ---- ACCUSE: criticism, accusation, complaint, investigation ----
	{Forms: "+accuse +blame +criticize +criticise +condemn +denounce +deplore +decry +rebuke +reprimand +allege +slam +lambast +censure", Type: Accuse, Govern: true},
	// "complained to the UN", "lodged a protest" (by a government).
	{Forms: "+complain", Type: Accuse, Mode: "complain", Govern: true},
	{Forms: "protest", Type: Accuse, Mode: "complain", Prev: "official formal diplomatic"},
	// "summoned the ambassador": formal complaint.
	{Forms: "+summon", Type: Accuse, Mode: "complain"},
	// "sued", "indicted", "convicted".
	{Forms: "sue sues sued suing +indict +convict", Type: Accuse, Mode: "legal"},
	// "investigated", "launched a probe".
	{Forms: "+investigate +probe", Type: Accuse, Mode: "investigate"},
	{Forms: "investigation investigations inquiry probe hearing hearings", Type: Accuse, Mode: "investigate", Noun: true},
	// "dispatched inspectors / investigators": an inspection mission.
	{Forms: "+dispatch +send sent", Type: Accuse, Mode: "investigate", With: "inspectors investigators"},

	// ---- REJECT: refusals, vetoes, defiance ----
	// "declined to comment", "refused to elaborate", "declined to say
	// whether": no answer, no refusal of anything the other side asked.
	{Forms: "+decline +refuse", Skip: true, With: "comment elaborate say specify confirm speculate"},
	{Forms: "+reject +refuse +decline +dismiss +rebuff +spurn +veto +oppose +renege +repudiate", Type: Reject, Govern: true},
	// "denied access / the request".
	{Forms: "deny denies denied denying", Type: Reject, Govern: true},
	// "ruled out talks / a compromise".
	{Forms: "rule rules ruled ruling", Type: Reject, Next: "out", Govern: true},
	// "turned down".
	{Forms: "turn turns turned turning", Type: Reject, Next: "down", Govern: true},
	// "failed to reach agreement": CAMEO codes failure of agreement as reject.
	{Forms: "fail fails failed failing", Type: Reject, Next: "to", With: "agree agreement deal reach accord compromise", Govern: true},
	// "defied", "violated the ban"; violated ceasefire is an attack.
	{Forms: "+violate +breach", Type: Assault, Mode: "ceasefire", With: "ceasefire cease-fire truce"},
	{Forms: "+defy +violate +breach", Type: Reject, Mode: "defy"},
	// "out of the question": a flat refusal idiom.
	{Forms: "question", Type: Reject, Prev: "the", With: "out"},
	// "blocked the resolution": veto-like.
	{Forms: "block blocks blocked blocking", Type: Reject, Mode: "veto", With: "resolution bill proposal deal measure"},

	// ---- THREATEN ----
	{Forms: "+threaten", Type: Threaten, Govern: true},
	// "warned of / that / against": warnings are threats in CAMEO.
	{Forms: "warn warns warned warning", Type: Threaten, Mode: "warn", Govern: true},
	{Forms: "threat threats", Type: Threaten, Noun: true},

	// ---- PROTEST: dissent by crowds ----
	{Forms: "+demonstrate +riot +picket", Type: Protest},
	// "protested": by crowds; a government's protest becomes ACCUSE in
	// Extract (actor kind decides).
	{Forms: "protest protests protested protesting", Type: Protest},
	{Forms: "rally rallies rallied rallying", Type: Support, With: "support"},
	{Forms: "rally rallies rallied rallying", Type: Protest, Mode: "demo"},
	{Forms: "march marches marched marching", Type: Protest, Mode: "demo", Next: "on to through against in"},
	{Forms: "demonstration demonstrations protests rallies riots sit-in", Type: Protest, Mode: "demo", Noun: true},
	// "hunger strike", "general strike", "went on strike".
	{Forms: "strike strikes", Type: Protest, Mode: "strike", Prev: "hunger general"},
	// "air strikes", "missile strike": military.
	{Forms: "strike strikes", Type: Assault, Prev: "air missile drone"},
	// "went on strike", "an open-ended strike began".
	{Forms: "strike strikes", Type: Protest, Mode: "strike", Noun: true},
	// "stopped work", "walked out": labour protest.
	{Forms: "stop stops stopped stopping", Type: Protest, Mode: "strike", Next: "work"},
	// "collected signatures": a petition.
	{Forms: "+collect", Type: Protest, Mode: "petition", With: "signatures"},
	{Forms: "+boycott", Type: Protest, Mode: "boycott"},
	// "blocked roads": obstruction.
	{Forms: "block blocks blocked blocking +barricade", Type: Protest, Mode: "obstruct", With: "road roads highway highways street streets traffic bridge railway transport"},

	// ---- SANCTION: reducing relations ----
	// "imposed sanctions", "sanctioned".
	{Forms: "+sanction", Type: Sanction},
	{Forms: "impose imposes imposed imposing +slap +introduce", Type: Sanction, With: "sanctions embargo embargoes tariffs"},
	{Forms: "sanctions embargo", Type: Sanction, Noun: true},
	// "expelled diplomats", "recalled its ambassador".
	{Forms: "expel expels expelled expelling", Type: Sanction, Mode: "expel", With: "diplomats diplomat ambassador envoy inspectors observers monitors"},
	{Forms: "+recall", Type: Sanction, Mode: "withdraw", With: "ambassador envoy"},
	// "suspended / halted / cut aid, talks, ties".
	{Forms: "+suspend +halt +freeze froze frozen +cut +sever +reduce", Type: Sanction, With: "aid assistance talks negotiations ties relations cooperation links contacts membership funding assets supplies flights mediation mission missions"},
	// "closed its embassy / consulate".
	{Forms: "close closes closed closing", Type: Sanction, Mode: "withdraw", With: "embassy embassies consulate consulates mission"},
	{Forms: "break breaks broke broken breaking", Type: Sanction, With: "relations ties talks"},
	// "announced a suspension of links".
	{Forms: "suspension", Type: Sanction, Noun: true},
	// "ended mediation / talks": halting negotiations.
	{Forms: "+end", Type: Sanction, Mode: "withdraw", With: "mediation talks negotiations cooperation"},
	// "cancelled the visit".
	{Forms: "+cancel cancelled cancelling", Type: Sanction, With: "visit trip talks meeting summit"},
	// "denied entry", "banned entry".
	{Forms: "deny denies denied +ban banned banning +prohibit", Type: Sanction, Mode: "restrict", With: "entry visas visa aid assistance exports imports flights"},

	// ---- MOBILIZE: shows of force ----
	{Forms: "+mobilize +mobilise +deploy +mass", Type: Mobilize, Mode: "troops", With: "troops forces soldiers units army warships missiles tanks battalions"},
	{Forms: "+mobilize +mobilise", Type: Mobilize},
	{Forms: "send sends sent sending +move +station", Type: Mobilize, Mode: "troops", With: "troops forces soldiers warships units battalions"},
	{Forms: "+reinforce +strengthen +bolster", Type: Mobilize, Mode: "troops", With: "forces troops presence"},
	{Forms: "alert", Type: Mobilize, Mode: "alert", Prev: "on high"},
	{Forms: "exercises drills maneuvers manoeuvres buildup build-up deployment", Type: Mobilize, Noun: true},

	// ---- COERCE: repression and restriction ----
	{Forms: "+arrest +detain +jail +imprison", Type: Coerce, Mode: "arrest"},
	{Forms: "+deport", Type: Coerce, Mode: "deport"},
	{Forms: "expel expels expelled expelling", Type: Coerce, Mode: "deport"},
	{Forms: "+ban banned banning +outlaw +prohibit", Type: Coerce, Mode: "ban"},
	{Forms: "+censor", Type: Coerce, Mode: "censor"},
	{Forms: "+confiscate +seize", Type: Coerce, Mode: "seize"},
	{Forms: "+demolish +destroy", Type: Coerce, Mode: "destroy"},
	{Forms: "set sets setting", Type: Coerce, Mode: "destroy", Next: "fire ablaze"},
	{Forms: "blew blow blows blown", Type: Coerce, Mode: "destroy", Next: "up"},
	{Forms: "+occupy +annex", Type: Coerce, Mode: "seize"},
	{Forms: "+blockade", Type: Coerce, Mode: "restrict"},
	{Forms: "curfew blockade siege", Type: Coerce, Mode: "restrict", Noun: true},
	// "imposed a curfew / restrictions / martial law".
	{Forms: "impose imposes imposed imposing +reimpose +introduce +declare", Type: Coerce, Mode: "restrict", With: "curfew restrictions curbs law blockade siege emergency"},
	{Forms: "law", Type: Coerce, Mode: "martial-law", Prev: "martial"},
	{Forms: "emergency", Type: Coerce, Mode: "restrict", Prev: "of", With: "state declared declares declare imposed"},
	{Forms: "+prevent +suppress +disperse", Type: Coerce},
	{Forms: "crack cracks cracked cracking", Type: Coerce, Next: "down"},
	{Forms: "crackdown", Type: Coerce, Noun: true},
	{Forms: "+hack +deface +vandalize +vandalise", Type: Coerce, Mode: "cyber"},

	// ---- ASSAULT: violence ----
	{Forms: "+attack +assault +bomb +shell +bombard +invade +ambush +raid +storm", Type: Assault},
	{Forms: "kill kills killed killing", Type: Assault},
	{Forms: "+wound +injure", Type: Assault},
	{Forms: "shoot shoots shot shooting", Type: Assault, Mode: "firearms"},
	{Forms: "fire fires fired firing", Type: Assault, Mode: "heavy-weapons", With: "missiles missile rockets rocket shells artillery mortars"},
	{Forms: "fire", Type: Assault, Mode: "firearms", Prev: "open opened opening opens"},
	{Forms: "+capture +retake", Type: Assault, Mode: "seize"},
	{Forms: "retaken recaptured", Type: Assault, Mode: "seize"},
	{Forms: "fight fights fought fighting +clash", Type: Assault},
	{Forms: "+torture +abuse", Type: Assault, Mode: "beat"},
	// "beat" is also winning ("Clinton beats Trump"): only "beat up" or
	// beatings of people held or protesting.
	{Forms: "beat beats beaten beating", Type: Assault, Mode: "beat", Next: "up"},
	{Forms: "beat beats beaten beating", Type: Assault, Mode: "beat", With: "police protesters demonstrators detainees prisoners death batons"},
	{Forms: "+assassinate", Type: Assault, Mode: "assassinate"},
	{Forms: "+massacre", Type: Assault, Mode: "massacre"},
	{Forms: "+kidnap kidnapped kidnapping +abduct +hijack", Type: Assault, Mode: "abduct"},
	{Forms: "struck", Type: Assault},
	{Forms: "attack attacks offensive invasion bombing bombings shelling airstrike airstrikes assault fighting clashes", Type: Assault, Noun: true},
	{Forms: "cleansing", Type: Assault, Mode: "cleansing", Prev: "ethnic"},
	// "launched a military operation".
	{Forms: "operation operations", Type: Assault, Prev: "military", Noun: true},
}

// compiled is the lexicon indexed by surface form.
type compiled struct {
	byForm map[string][]int // form → entry indexes, conditional entries first
	// forms is byForm as the table the sentence scan reads for every
	// trigger word (text.Lexicon: a faster lookup than the map).
	forms *text.Lexicon[[]int]
	set   []entry
	// Per entry: the With, Next and Prev words, nil for none. Looked up
	// around every trigger, so text.Lexicon too.
	word []*text.Lexicon[bool]
	next []*text.Lexicon[bool]
	prev []*text.Lexicon[bool]
}

// Types returns the event types Extract emits, PLOVER first, then the
// extension.
func Types() []string { return append([]string(nil), types...) }

var knownTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range types {
		m[t] = true
	}
	return m
}()

// inflect returns the regular inflections of a verb base.
func inflect(base string) []string {
	n := len(base)
	switch {
	case strings.HasSuffix(base, "e"):
		return []string{base, base + "s", base + "d", base[:n-1] + "ing"}
	case n > 1 && base[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(base[n-2])):
		return []string{base, base[:n-1] + "ies", base[:n-1] + "ied", base + "ing"}
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z"):
		return []string{base, base + "es", base + "ed", base + "ing"}
	}
	return []string{base, base + "s", base + "ed", base + "ing"}
}

// wordLex is wordSet as a text.Lexicon, nil for no words.
func wordLex(s string) *text.Lexicon[bool] {
	if s == "" {
		return nil
	}
	return text.NewLexicon(wordSet(s))
}

func wordSet(s string) map[string]bool {
	if s == "" {
		return nil
	}
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// compile validates and indexes a trigger table.
func compile(tab []entry) (*compiled, error) {
	c := &compiled{byForm: map[string][]int{}, set: tab}
	for i, e := range tab {
		if !knownTypes[e.Type] && !(e.Skip && e.Type == "") {
			return nil, fmt.Errorf("%w: entry %d (%q): unknown type %q", ErrLexicon, i, e.Forms, e.Type)
		}
		if strings.TrimSpace(e.Forms) == "" {
			return nil, fmt.Errorf("%w: entry %d: no forms", ErrLexicon, i)
		}
		if e.Mode != strings.ToLower(e.Mode) {
			return nil, fmt.Errorf("%w: entry %d (%q): mode %q not lower case", ErrLexicon, i, e.Forms, e.Mode)
		}
		c.word = append(c.word, wordLex(e.With))
		c.next = append(c.next, wordLex(e.Next))
		c.prev = append(c.prev, wordLex(e.Prev))
		for _, f := range strings.Fields(e.Forms) {
			forms := []string{f}
			if strings.HasPrefix(f, "+") {
				if len(f) < 3 {
					return nil, fmt.Errorf("%w: entry %d: bad base %q", ErrLexicon, i, f)
				}
				forms = inflect(f[1:])
			}
			for _, w := range forms {
				if w != strings.ToLower(w) {
					return nil, fmt.Errorf("%w: entry %d: form %q not lower case", ErrLexicon, i, w)
				}
				ids := c.byForm[w]
				dup := false
				for _, id := range ids {
					dup = dup || id == i
				}
				if !dup {
					c.byForm[w] = append(ids, i)
				}
			}
		}
	}
	// Conditional entries first, table order otherwise.
	for w, ids := range c.byForm {
		var cond, plain []int
		for _, id := range ids {
			e := tab[id]
			if e.With != "" || e.Next != "" || e.Prev != "" {
				cond = append(cond, id)
			} else {
				plain = append(plain, id)
			}
		}
		c.byForm[w] = append(cond, plain...)
	}
	c.forms = text.NewLexicon(c.byForm)
	return c, nil
}
