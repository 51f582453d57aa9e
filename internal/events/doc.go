// Package events finds events in an article: who did what to whom, when.
//
// Extract reads the body sentence by sentence and looks up triggers in a
// lexicon (lexicon.go: a Go table validated at New, each entry commented).
// A trigger is a verb ("met", "rejected", "imposed sanctions"), a fixed
// phrase ("in writing", "called on", "handed over") or a noun that reports
// an act only beside a light verb, a date or its participants ("held talks",
// "Wednesday's meeting", "talks between A and B"). Around each trigger it
// reads:
//
//   - modality: negation drops the event ("did not meet"), except a refusal
//     of a cooperative act ("will not accept") which is REJECT; announced
//     intent ("will visit", "plans to impose") is AGREE for cooperative acts
//     and THREATEN for hostile ones, PLOVER's rule;
//   - governance: triggers that take a complement ("agreed to", "threatened
//     to", "demanded that", "refused to") swallow the triggers of their
//     complement, so "threatened to impose sanctions" is one THREATEN;
//   - the actor: the subject mention of the trigger's clause, resolved like
//     statement speakers (mentions and the article's actors from
//     internal/actors; a capital or seat stands for its country), or the
//     agent after "by" in a passive, or the antecedent of "who", or the last
//     fitting actor for a pronoun or role noun ("he", "the ministry");
//     A pronoun in a reported clause is the reporting subject ("Baku said it
//     was ready"), else the actor of the last event ("They agreed");
//   - the target: the first actor named after the trigger in its clause;
//   - the date: the governing time expression of the clause (before the
//     trigger first: "On December 17, 2021, X published"; then after it),
//     never one introduced by "since", "until" or "by", nor the date of a
//     reporting verb for the events it reports. Values come from
//     internal/timex; a day without a year is anchored on the publication
//     date or, without one, on the latest full date in the text; an inferred
//     year or week is corrected by the tense ("handed over in December" is
//     not after the publication date, "will be held on Wednesday" not before).
//
// Types are the PLOVER 2021 categories (AGREE, CONSULT, SUPPORT, CONCEDE,
// COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST,
// SANCTION, MOBILIZE, COERCE, ASSAULT) with PLOVER modes in Event.Mode
// ("visit", "written", "deliver", "troops", ...), plus one extension,
// PUBLISH: a party makes a negotiating text public ("published draft
// agreements"). Written answers and documents handed between parties are
// CONSULT with mode "written" or "deliver". See docs/events.md.
//
// Quoted speech is not read for events: a quotation is a statement (see
// internal/quotes), and what it announces is not a reported act.
package events
