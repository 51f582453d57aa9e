// Package quotes finds statements in an article: who said what, and when.
//
// Analyze splits the body into sentences (merging those that one quote runs
// over), finds reporting cues from a lexicon of verbs and phrases, reads the
// speaker from the cue's subject (before the verb, after it in inverted
// clauses, in "according to" phrases), resolves pronouns and role nouns to
// the article's actors, and dates each statement by the time expression
// that governs its reporting verb.
//
// "He" and "she" go to the most salient person of the units before them
// (the subject of the previous sentence, who spoke there, recency, the
// gender the text gives: see pronouns.go), not merely to the last
// speaker. A reporting clause closing a sentence ("…, a senior official
// said.") is tried before the cues inside its content, and a nominal cue
// ("a U.S. demand to …") is no verb.
//
// Dating, in order:
//  1. a time expression in the reporting clause, or within three tokens
//     after the verb, governs it: "told journalists on Wednesday", "said
//     last month that …" — its value cut to YYYY-MM-DD, YYYY-MM or YYYY;
//  2. "earlier", "previously" and the like in the reporting clause mean
//     the statement is not of the day: no date;
//  3. a speaker's later statements without a time expression inherit the
//     date of that speaker's previous dated statement (a continuing
//     quote, "he added");
//  4. otherwise the report is taken to be of the day: the first day-exact
//     date in the lead paragraph that lies within the week before
//     publication (a report of Wednesday's talks published on Thursday),
//     else the publication date, else no date.
//
// A statement found in the headline (Input.Title) is not in the body: its
// spans are all zero, and it is undated (a headline gives no day; the
// body's report of the same speech act is dated by the rules above).
package quotes

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// Input is one article to analyse.
type Input struct {
	Title, Body string
	Published   time.Time // zero when unknown
	// SameDay says the report is dated by its dateline ("MOSCOW, January
	// 26."): filed the day it reports, so a statement with no time word
	// was made that day.
	SameDay bool
	// Filed is the day the dateline gives when it is one to three days
	// before Published ("GENEVA, March 14" on a record stamped March 15:
	// filed the evening before, or in another time zone): a same-day
	// report's statements were made that day. Zero otherwise.
	Filed time.Time
	// Lead is the offset in Body where the report begins after its
	// dateline ("MOSCOW, January 26. /TASS/. "); 0 when there is none. The
	// dateline is never part of a statement.
	Lead    int
	Timexes []article.Timex // from internal/timex, spans into Body
	// Text, when not nil and prepared for Body, is the body's tokens,
	// paragraphs and sentences, shared with the other stages; nil (or
	// prepared for another text) makes Analyze scan the body itself.
	Text *text.Prepared
}

// Output is what Analyze finds.
type Output struct {
	Statements []article.Statement
	Mentions   []article.Mention
	Actors     []article.Actor // the article's actor registry after resolution
}

// Analyzer finds statements. It is immutable after New and safe for
// concurrent use.
type Analyzer struct {
	reg *actors.Registry
	log *slog.Logger
	// Opinion makes verbs of thinking and finding (believes, found) cues
	// too; attribution corpora count them.
	opinion bool
	// scratch holds per-call buffers (tokens and their annotations),
	// reused across calls; nothing in an Output points into them.
	scratch sync.Pool
}

type scratch struct {
	toks    []text.Token
	inQ     []bool
	mention []int
	found   []actors.Found
	out     []article.Statement
	outKey  []string
	// book and hbook are the body's and the headline's actor books,
	// Reset for each article.
	book, hbook *actors.Book
	timexes     []article.Timex
	units       []unit
	htoks       []text.Token // the headline's tokens
	doc         doc          // the body's working state
	lastDate    map[string]dated
	// the headline's working state, reused as the body's is
	hdoc      doc
	hinQ      []bool
	hmention  []int
	hfound    []actors.Found
	hout      []article.Statement
	houtKey   []string
	hhits     []cueHit
	hlastDate map[string]dated
}

// startsIncrease reports whether the timexes start at strictly increasing
// offsets, so that sorting them by start would leave them as they are.
func startsIncrease(ts []article.Timex) bool {
	for i := 1; i < len(ts); i++ {
		if ts[i].Span[0] <= ts[i-1].Span[0] {
			return false
		}
	}
	return true
}

// New makes an Analyzer. reg, the curated actor registry, may be nil; so
// may log.
func New(reg *actors.Registry, log *slog.Logger) (*Analyzer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Analyzer{reg: reg, log: log, opinion: true}, nil
}

// doc is the per-article working state.
type doc struct {
	a    *Analyzer
	body string
	toks []text.Token
	// low is the body with its ASCII capitals lowered (the body itself
	// when it has none): the same offsets, so a token's lower-cased text
	// is a substring of it. lowOther holds the lower-cased texts of the
	// tokens with other capitals (Token.Case CaseOther), by token index.
	low      string
	lowOther map[int]string
	inQ      []bool // token lies inside a double quote
	mention  []int  // token → index into found, -1
	found    []actors.Found
	book     *actors.Book
	timexes  []article.Timex
	pub      time.Time
	pubDay   string // pub as YYYY-MM-DD, made once per document

	colonNext *unit // the unit after one ending in a colon, if quoted
	nextUnit  unit  // storage for colonNext
	hitBuf    []cueHit
	// subCut is the comma closing an opening subordinate clause at which
	// the last statement's content was cut ("While X acknowledged …, Y
	// noted …"), -1 when none: the main clause after it is read too.
	subCut    int
	colonUsed bool // the statement took colonNext as its content
	turnEnd   int  // a transcript turn took the units up to this one
	// interviewee is who answers an interview's "A:" turns (see
	// interviewee), -2 until looked for.
	interviewee actors.ID
	qa          int8 // 0 not looked for, 1 the text is a Q&A interview, -1 it is not
	// hansard is the speaker of the last parliamentary-record turn and
	// hansardPara its paragraph (-1: none): the paragraphs after it, with
	// no label of their own, are the same speech.
	hansard     article.Actor
	hansardKey  string
	hansardPara int
	// clauseAfter: the cue being tried is followed by "that", a colon
	// or a quote.
	clauseAfter bool
	// saidClause: the cue is "said" or "says" and a pronoun or a
	// determiner opens what follows ("said they had …")
	saidClause bool
	cueAmbig   bool // the cue is also a common noun ("claims")
	title      bool // analysing a headline: title-case verbs count

	lastSpeaker, lastPerson actors.ID
	// units of the body and the one being analysed (-1: none, as in a
	// headline); spoke lists who spoke in which unit, in order; gender
	// holds what the text tells of its people's genders (pronouns.go).
	unitList    []unit
	ui          int
	spoke       []spoken
	gender      map[actors.ID]byte
	lastDate    map[string]dated // speaker name → last date
	defaultDate dated
	// filedDay is the day the dateline says the report was filed
	// ("2006-01-02"; "" when it says none), which a later publication
	// stamp may follow (see Input.Filed).
	filedDay string
	lead     int // where the report begins after its dateline
	out      []article.Statement
	outKey   []string // speaker key per statement
}

// unit is a sentence, or several when a quote runs over them.
type unit struct {
	span   article.Span
	t0, t1 int // token range
	para   int
}

// Analyze finds the statements, mentions and actors of one article. It
// never panics; a cancelled context stops it early with what it has.
func (a *Analyzer) Analyze(ctx context.Context, in Input) Output {
	// Invalid UTF-8 is scanned byte by byte as U+FFFD: spans still index
	// the given body.
	body := in.Body
	sc, _ := a.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{lastDate: map[string]dated{}}
	}
	// The working state lives in the scratch: set whole, as a new doc
	// would be, with the emptied map of the last article.
	clear(sc.lastDate)
	d := &sc.doc
	*d = doc{a: a, body: body, pub: in.Published, pubDay: in.Published.Format(time.DateOnly), lastSpeaker: -1, lastPerson: -1, ui: -1, lastDate: sc.lastDate, interviewee: -2, hansardPara: -1}
	defer func() {
		if cap(sc.toks) <= 1<<16 {
			// The buffers keep references into this article until the
			// next call overwrites them; they are not cleared (clearing
			// strings costs write barriers on every article), which is
			// safe because a sync.Pool drops its items at garbage
			// collection: no article is kept alive for long.
			sc.found, sc.out, sc.outKey = d.found[:0], d.out[:0], d.outKey[:0]
			a.scratch.Put(sc)
		}
	}()
	var paras, sents []article.Span
	if in.Text.For(body) {
		d.toks, paras, sents = in.Text.Tokens, in.Text.Paragraphs, in.Text.Sentences
	} else {
		sc.toks = text.Tokenize(sc.toks[:0], body, article.Span{0, len(body)})
		d.toks = sc.toks
		paras = text.Paragraphs(body)
		sents = text.SentencesIn(body, paras)
	}
	n := len(d.toks)
	if cap(sc.inQ) < n {
		sc.inQ = make([]bool, n)
		sc.mention = make([]int, n)
	}
	lower := ""
	if in.Text.For(body) {
		lower = in.Text.Lower
	}
	d.lowerTokens(lower)
	qs := text.QuoteSpans(body, paras)
	d.inQ = sc.inQ[:n]
	if sc.book == nil {
		sc.book = actors.NewBook(a.reg, in.Published)
	} else {
		sc.book.Reset(a.reg, in.Published)
	}
	d.book = sc.book
	sc.found = actors.AppendFind(sc.found[:0], body, d.toks, d.book)
	d.found = sc.found
	d.mention = sc.mention[:n]
	d.index(qs)
	d.appositionTitles()
	d.timexes = in.Timexes
	if !startsIncrease(in.Timexes) {
		// Sorted on a copy; strictly increasing starts (the tagger's
		// order) are already what sorting would give.
		d.timexes = append(sc.timexes[:0], in.Timexes...)
		sc.timexes = d.timexes
		sort.Slice(d.timexes, func(i, j int) bool { return d.timexes[i].Span[0] < d.timexes[j].Span[0] })
	}
	d.defaultDate = d.leadDate(paras, in.SameDay)
	d.filedDay = ""
	if !in.Filed.IsZero() {
		d.filedDay = in.Filed.Format(time.DateOnly)
	}
	if d.defaultDate.basis == article.DatePublication && !in.Filed.IsZero() {
		d.defaultDate.v = in.Filed.Format(time.DateOnly)
	}
	if in.Lead > 0 && in.Lead < len(body) {
		d.lead = in.Lead
	}
	// Statements are gathered in a reused buffer and copied out once.
	d.out, d.outKey = sc.out[:0], sc.outKey[:0]

	units := d.units(sc.units[:0], paras, sents, qs)
	sc.units = units
	d.unitList = units
	prevStmtUnit := -1
	skip := -1
	for ui, u := range units {
		if ctx.Err() != nil {
			break
		}
		if ui <= skip {
			continue
		}
		d.ui = ui
		n := len(d.out)
		// "He said:" closing a paragraph introduces the quotation that
		// follows.
		// The content is the whole next paragraph.
		d.colonNext = nil
		next := &d.nextUnit
		if u.t1 > u.t0 && d.word(u.t1-1) == ":" && ui+1 < len(units) && units[ui+1].para != u.para {
			*next = units[ui+1]
			for k := ui + 2; k < len(units) && units[k].para == next.para; k++ {
				next.span[1], next.t1 = units[k].span[1], units[k].t1
			}
			d.colonNext = next
		}
		d.analyzeUnit(u)
		if d.turnEnd > ui {
			skip = d.turnEnd
			d.turnEnd = 0
		}
		if d.colonUsed {
			d.colonUsed = false
			skip = ui + 1
			for skip+1 < len(units) && units[skip+1].para == next.para {
				skip++
			}
		}
		if len(d.out) > n {
			prevStmtUnit = ui
			continue
		}
		// A unit that is all quote, right after a statement: the quote
		// goes on (interrupted or multi-sentence quote). In the same
		// paragraph it extends that statement; in the next it is a new
		// direct statement of the same speaker.
		if prevStmtUnit >= 0 && prevStmtUnit == ui-1 && d.quoteOnly(u) && len(d.out) > 0 {
			last := &d.out[len(d.out)-1]
			if units[prevStmtUnit].para == u.para {
				last.Span[1] = u.span[1]
				if last.TextSpan[1] >= last.Span[0] && last.TextSpan[0] < last.TextSpan[1] {
					if last.CueSpan[1] > last.CueSpan[0] && last.TextSpan[1] <= last.CueSpan[0] {
						// "“A,” Ashby said. “B.”": the two quoted parts,
						// without the reporting clause between them
						last.Text = last.Text + " " + strings.TrimSpace(body[u.span[0]:u.span[1]])
					} else {
						last.Text = body[last.TextSpan[0]:u.span[1]]
					}
					last.TextSpan[1] = u.span[1]
					if last.Kind == article.Indirect {
						last.Kind = article.Mixed
					}
				}
				prevStmtUnit = ui
				continue
			}
			st := article.Statement{
				Speaker:   last.Speaker,
				Kind:      article.Direct,
				Span:      u.span,
				TextSpan:  u.span,
				Text:      body[u.span[0]:u.span[1]],
				Cue:       "",
				Date:      last.Date,
				DateBasis: last.DateBasis,
			}
			d.out = append(d.out, st)
			d.outKey = append(d.outKey, d.outKey[len(d.outKey)-1])
			prevStmtUnit = ui
		}
	}
	d.laterNamedRoles()
	mentions := make([]article.Mention, len(d.found))
	for i, f := range d.found {
		mentions[i] = f.Mention
		if f.ID >= 0 {
			mentions[i].Actor = d.book.Name(f.ID)
		}
	}
	// (The book was filled by Find over the whole text before any
	// statement was made, so speakers already carry their final names.)
	var stmts []article.Statement
	if in.Title != "" && ctx.Err() == nil {
		stmts = a.headline(in, d.book, sc, d.pubDay, d.out)
	}
	if len(d.out) > 0 {
		stmts = append(make([]article.Statement, 0, len(stmts)+len(d.out)), stmts...)
		stmts = append(stmts, d.out...)
	}
	if stmts == nil {
		stmts = []article.Statement{} // an empty list, not null, in JSON
	}
	return Output{Statements: stmts, Mentions: mentions, Actors: d.book.Actors()}
}

// index fills d.inQ (a token lies inside one of the quote spans qs,
// which are sorted and disjoint) and d.mention (token → its mention in
// d.found, -1) for the tokens of d; both slices are sized by the caller.
func (d *doc) index(qs []article.Span) {
	qi := 0
	for i, t := range d.toks {
		for qi < len(qs) && qs[qi][1] <= t.Span[0] {
			qi++
		}
		d.inQ[i] = qi < len(qs) && qs[qi][0] <= t.Span[0] && t.Span[1] <= qs[qi][1]
	}
	for i := range d.mention {
		d.mention[i] = -1
	}
	for fi, f := range d.found {
		for t := f.Tok0; t < f.Tok1 && t < len(d.mention); t++ {
			d.mention[t] = fi
		}
	}
}

// appositionTitles gives a person named with a role in apposition
// anywhere ("President Nixon and Leonid I. Brezhnev, the Soviet Communist
// party leader, signed …") that role and its side, so that a later role
// phrase ("the Soviet leader said") finds them; a statement's own subject
// is not needed.
func (d *doc) appositionTitles() {
	for _, f := range d.found {
		if f.Type != article.Person || f.ID < 0 || f.Tok1+3 >= len(d.toks) || d.word(f.Tok1) != "," || d.inQ[f.Tok1] {
			continue
		}
		a := f.Tok1 + 1
		switch d.lower(a) {
		case "the", "a", "an":
		default:
			continue
		}
		b := a + 1
		for b < len(d.toks) && b < a+7 && d.toks[b].Kind == text.Word && !d.inQ[b] {
			b++
		}
		if b >= len(d.toks) || (d.word(b) != "," && d.word(b) != ".") || !actors.IsRoleNoun(d.word(b-1)) {
			continue
		}
		t := a + 1
		for t < b-1 {
			if _, ok := actors.Demonym(d.word(t)); !ok {
				break
			}
			t++
		}
		// a possessive or a preposition makes it someone else's role
		// ("the minister's adviser" is told by appositionTitle)
		plain := true
		for k := t; k < b; k++ {
			if w := d.lower(k); w == "of" || w == "for" || w == "at" || d.toks[k].Kind != text.Word {
				plain = false
			}
		}
		if !plain {
			continue
		}
		d.book.GiveTitle(f.ID, d.body[d.toks[t].Span[0]:d.toks[b-1].Span[1]], d.toks[a].Span[0])
		if side := d.phraseSide([2]int{a, b}); side != "" {
			d.book.GiveSide(f.ID, side)
		}
	}
}

// headline finds a statement in the headline ("Clinton Hid Health
// Problems, Former Doctor Says", "X says Y"). Headlines are title case,
// so a capitalised reporting verb counts; only verbs of saying do. The
// headline is not part of the body: the statement's spans are all zero.
// Speakers are matched to the body's actors by name or role; no date (a
// headline gives no day).
func (a *Analyzer) headline(in Input, book *actors.Book, sc *scratch, pubDay string, body []article.Statement) []article.Statement {
	title := strings.TrimSpace(in.Title)
	if len(title) < 12 || len(title) > 400 {
		return nil
	}
	// A headline in capitals is read cased as its report writes the
	// words (text.CaseLine): "HAMAS SAYS …" names the body the report
	// calls Hamas, "EU TRADE CHIEF SAYS …" a role, not an acronym's run.
	title = text.CaseLine(title, in.Body)
	// "Lavrov: Russia will respond to NATO expansion", "Moscow expects a
	// written response - diplomat": the wire's label of who said it.
	if st, ok := labelledHeadline(title, book, len(in.Body)+1, body); ok {
		return []article.Statement{st}
	}
	// "Hong Kong chaos: China deploys troops and warns …": a kicker of a
	// few words before a colon is the section's label, not the subject
	if i := strings.Index(title, ": "); i > 0 && i < 40 && !strings.ContainsAny(title[:i], "\"'“”‘’") &&
		strings.Count(title[:i], " ") < 4 && strings.Count(title[i+2:], " ") >= 3 {
		title = title[i+2:]
	}
	// Title-case reporting verbs are lower-cased (same bytes, same
	// offsets) so that "Moscow Says" is a place and a verb, not a name.
	toks := text.Tokenize(sc.htoks[:0], title, article.Span{0, len(title)})
	sc.htoks = toks
	// Only a headline with a word of headlineCues can give a statement
	// (the cue kept below must be one): without one, stop here.
	cue := false
	for _, t := range toks {
		if t.Kind == text.Word && inLower(headlineCueWords, t.Text(title)) {
			cue = true
			break
		}
	}
	if !cue {
		return nil
	}
	b := []byte(title)
	for _, t := range toks {
		w := t.Text(title)
		if t.Kind == text.Word && w[0] >= 'A' && w[0] <= 'Z' && inLower(headlineCues, w) {
			b[t.Span[0]] += 'a' - 'A'
		}
	}
	title = string(b)
	// The working state is the scratch's, as the body's: a headline with
	// a cue in it is common (a third of wire headlines).
	if sc.hlastDate == nil {
		sc.hlastDate = map[string]dated{}
	}
	clear(sc.hlastDate)
	h := &sc.hdoc
	*h = doc{a: a, body: title, pub: in.Published, pubDay: pubDay, lastSpeaker: -1, lastPerson: -1, ui: -1, lastDate: sc.hlastDate, title: true,
		out: sc.hout[:0], outKey: sc.houtKey[:0], hitBuf: sc.hhits[:0]}
	h.toks = toks
	h.lowerTokens("")
	h.inQ = grow(sc.hinQ, len(h.toks))
	clear(h.inQ)
	sc.hinQ = h.inQ
	paras := [1]article.Span{{0, len(title)}}
	if sc.hbook == nil {
		sc.hbook = actors.NewBook(a.reg, in.Published)
	} else {
		sc.hbook.Reset(a.reg, in.Published)
	}
	h.book = sc.hbook
	h.found = actors.AppendFind(sc.hfound[:0], title, h.toks, h.book)
	sc.hfound = h.found
	h.mention = grow(sc.hmention, len(h.toks))
	sc.hmention = h.mention
	h.index(text.QuoteSpans(title, paras[:]))
	u := unit{span: paras[0], t0: 0, t1: len(h.toks)}
	h.analyzeUnit(u)
	sc.hout, sc.houtKey, sc.hhits = h.out[:0], h.outKey[:0], h.hitBuf[:0]
	var out []article.Statement
	for _, st := range h.out {
		if st.Cue == "" || !inLower(headlineCues, st.Cue) {
			continue
		}
		// "Helix Said to Weigh Sale of Chip Unit": "said to" is hearsay
		// about the subject, who said nothing
		if len(st.Text) > 3 && strings.EqualFold(st.Text[:3], "to ") && strings.EqualFold(st.Cue, "said") {
			continue
		}
		// The body knows the speaker better: "Sanders" → "Bernie Sanders",
		// "senior diplomat" → the diplomat the body names.
		if id, ok := book.Surname(lastWord(st.Speaker.Name)); ok && strings.Count(st.Speaker.Name, " ") == 0 {
			surf := st.Speaker.Name
			st.Speaker = book.Actor(id)
			st.Speaker.Aliases = append(st.Speaker.Aliases, surf)
		} else if st.Speaker.Kind == "" || isRolePhrase(strings.Fields(st.Speaker.Name)) || shouted(st.Speaker.Name) {
			// (a headline in capitals reads "HONG KONG LEADER" as a body)
			if ws := strings.Fields(st.Speaker.Name); len(ws) > 0 && actors.IsRoleNoun(ws[len(ws)-1]) {
				if id, ok := book.ByRole(ws, len(in.Body)+1); ok {
					st.Speaker = book.Actor(id)
				}
			}
		}
		st.Span, st.TextSpan, st.CueSpan, st.SpeakerSpan = article.Span{}, article.Span{}, article.Span{}, article.Span{}
		// A headline gives no day of its own ("Talks Made No Progress,
		// Diplomat Says"): undated, as annotators read it; the body's
		// report of the same speech act carries the date.
		st.Date, st.DateBasis = undated.v, undated.basis
		out = append(out, st)
	}
	return out
}

// labelledHeadline reads a headline that labels its speaker instead of
// using a verb: a person the report names before a colon ("Lavrov:
// Russia will respond to NATO expansion"; a place or a topic there is a
// kicker: "Ukraine war: …"), or a speaker after a closing dash, as TASS
// and Indian agencies write ("Moscow expects a written response -
// diplomat", "… — Peskov"). The speaker is the body's: the person of that
// family name, or the holder of that role.
func labelledHeadline(title string, book *actors.Book, pos int, body []article.Statement) (article.Statement, bool) {
	var who, what, cue string
	if i := strings.Index(title, ": "); i > 0 && i < 40 && !strings.ContainsAny(title[:i], "\"'“”‘’") &&
		strings.Count(title[:i], " ") < 3 && strings.Count(title[i+2:], " ") >= 3 {
		who, what, cue = title[:i], title[i+2:], ":"
	} else {
		for _, dash := range []string{" - ", " — ", " – "} {
			if i := strings.LastIndex(title, dash); i > 0 && len(title)-i-len(dash) < 30 && strings.Count(title[:i], " ") >= 3 {
				who, what, cue = title[i+len(dash):], title[:i], strings.TrimSpace(dash)
				break
			}
		}
	}
	who = strings.TrimSpace(who)
	if who == "" || strings.Count(who, " ") > 2 {
		return article.Statement{}, false
	}
	var sp article.Actor
	ws := strings.Fields(who)
	last := ws[len(ws)-1]
	switch {
	case isCap(last):
		id, ok := book.Surname(last)
		// (the family name as the report writes it: "Poll:" is no Paul;
		// and someone who speaks in the report: "Tennis Podcast:" is a
		// section, a reporter's name a byline)
		if !ok || book.Kind(id) != article.Person || !strings.EqualFold(lastWord(book.Name(id)), last) || !saysIn(body, book.Name(id), title[len(who):]) {
			return article.Statement{}, false
		}
		sp = book.Actor(id)
		if who != sp.Name {
			sp.Aliases = append(append([]string(nil), sp.Aliases...), who)
		}
	case cue != ":" && actors.IsRoleNoun(last):
		// "- diplomat", "- senior diplomat", "- Kremlin spokesman"
		if id, ok := book.ByRole(ws, pos); ok {
			sp = book.Actor(id)
			sp.Aliases = append(append([]string(nil), sp.Aliases...), who)
		} else {
			sp = article.Actor{Name: who}
		}
	default:
		return article.Statement{}, false
	}
	what = strings.TrimSpace(what)
	st := article.Statement{Speaker: sp, Text: what, Cue: cue, Kind: kindOf(what)}
	st.Date, st.DateBasis = undated.v, undated.basis
	return st, true
}

// saysIn reports whether the person named name says in statements what
// the headline gives them: two words of four letters or more of what are
// in their statements ("Lavrov: Russia will respond to NATO expansion"
// after his "Russia will take measures in response to NATO's
// expansion"); a kicker naming the man a story is about says nothing he
// said.
func saysIn(stmts []article.Statement, name, what string) bool {
	var said strings.Builder
	for _, st := range stmts {
		if st.Speaker.Name == name {
			said.WriteString(strings.ToLower(st.Text))
			said.WriteByte(' ')
		}
	}
	if said.Len() == 0 {
		return false
	}
	text := said.String()
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(what), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 && strings.Contains(text, w) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// inLower is m[strings.ToLower(w)] without allocating for ASCII words
// (headline words are capitalised).
func inLower(m map[string]bool, w string) bool {
	v, _ := text.LookupLower(m, w)
	return v
}

// headlineCues are the verbs of saying a headline statement may use.
var headlineCues = map[string]bool{
	"says": true, "said": true, "say": true, "tells": true, "told": true, "warns": true,
	"insists": true, "claims": true, "according to": true, "writes": true, "declares": true,
	"urges": true, "vows": true, "calls for": true, "calls on": true, "accuses": true, "denies": true,
}

// headlineCueWords are the first words of the headlineCues: a cue kept
// in a headline starts with one of them.
var headlineCueWords = func() map[string]bool {
	m := make(map[string]bool, len(headlineCues))
	for c := range headlineCues {
		w, _, _ := strings.Cut(c, " ")
		m[w] = true
	}
	return m
}()

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// units groups sentences so that a quote never straddles two units.
func (d *doc) units(out []unit, paras, sents, qs []article.Span) []unit {
	qi := 0
	pi := 0
	ti := 0 // token cursor
	for i := 0; i < len(sents); i++ {
		sp := sents[i]
		for pi < len(paras) && paras[pi][1] < sp[0] {
			pi++
		}
		// Extend while a quote starts inside and ends beyond the unit.
		for {
			for qi < len(qs) && qs[qi][1] <= sp[0] {
				qi++
			}
			ext := false
			for k := qi; k < len(qs) && qs[k][0] < sp[1]; k++ {
				if qs[k][1] > sp[1] && i+1 < len(sents) {
					for i+1 < len(sents) && sents[i][1] < qs[k][1] {
						i++
					}
					sp[1] = sents[i][1]
					ext = true
					break
				}
			}
			if !ext {
				break
			}
		}
		// The dateline is no part of a statement.
		if d.lead > sp[0] {
			if d.lead >= sp[1] {
				continue
			}
			sp[0] = d.lead
		}
		// Units come in text order: the token cursor only moves forward
		// (the same tokens sort.Search would find).
		for ti < len(d.toks) && d.toks[ti].Span[0] < sp[0] {
			ti++
		}
		t0 := ti
		t1 := t0
		for t1 < len(d.toks) && d.toks[t1].Span[0] < sp[1] {
			t1++
		}
		ti = t1
		out = append(out, unit{span: sp, t0: t0, t1: t1, para: pi})
	}
	return out
}

// quoteOnly reports whether a unit is (almost) all inside quotes.
func (d *doc) quoteOnly(u unit) bool {
	if u.t1 <= u.t0 {
		return false
	}
	in := 0
	for t := u.t0; t < u.t1; t++ {
		if d.inQ[t] {
			in++
		}
	}
	return d.toks[u.t0].Kind == text.Quote && in*10 >= (u.t1-u.t0)*8
}

// lowerTokens prepares d.lower: one lowered copy of the body, made only
// when a token has an ASCII capital (no allocation per token), and
// strings.ToLower for the rare tokens with other capitals. lower, when
// not "", is that copy made already (text.Prepared.Lower).
func (d *doc) lowerTokens(lower string) {
	d.low = d.body
	upper := false
	for i := range d.toks {
		switch d.toks[i].Case {
		case text.CaseUpper:
			upper = true
		case text.CaseOther:
			if d.lowOther == nil {
				d.lowOther = make(map[int]string, 4)
			}
			d.lowOther[i] = strings.ToLower(trimDot(d.toks[i].Text(d.body)))
		}
	}
	if upper {
		if lower == "" {
			lower = text.ASCIILower(d.body)
		}
		d.low = lower
	}
}

// trimDot drops one final dot: "Mr." → "Mr", "." → "".
func trimDot(w string) string {
	if n := len(w); n > 0 && w[n-1] == '.' {
		return w[:n-1]
	}
	return w
}

func (d *doc) word(i int) string { return d.toks[i].Text(d.body) }

// lower returns token i lower-cased, without a final dot.
func (d *doc) lower(i int) string {
	t := &d.toks[i]
	if t.Case == text.CaseOther {
		return d.lowOther[i]
	}
	e := t.Span[1]
	if e > t.Span[0] && d.low[e-1] == '.' {
		e--
	}
	return d.low[t.Span[0]:e]
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isRolePhrase reports whether words name a role, not a person: "Senior
// Diplomat", "Russian Foreign Minister" (title-case in headlines).
func isRolePhrase(ws []string) bool {
	if len(ws) == 0 || !actors.IsRoleNoun(ws[len(ws)-1]) {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(w)
		if actors.IsTitleWord(w) || actors.IsRoleNoun(w) || lw == "senior" || lw == "top" || lw == "high-ranking" || lw == "veteran" {
			continue
		}
		if _, ok := actors.Demonym(w); ok {
			continue
		}
		return false
	}
	return true
}

// grow returns s resliced to n elements, reallocated when too short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
