// Package quotes finds statements in an article: who said what, and when.
//
// Analyze splits the body into sentences (merging those that one quote runs
// over), finds reporting cues from a lexicon of verbs and phrases, reads the
// speaker from the cue's subject (before the verb, after it in inverted
// clauses, in "according to" phrases), resolves pronouns and role nouns to
// the article's actors, and dates each statement by the time expression
// that governs its reporting verb.
package quotes

import (
	"context"
	"log/slog"
	"sort"
	"strings"
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
	Published   time.Time       // zero when unknown
	Timexes     []article.Timex // from internal/timex, spans into Body
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
	// quoteFallback attributes a quotation without a cue to the person
	// named beside it or to the latest speaker.
	quoteFallback bool
}

// New makes an Analyzer. reg, the curated actor registry, may be nil; so
// may log.
func New(reg *actors.Registry, log *slog.Logger) (*Analyzer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Analyzer{reg: reg, log: log, opinion: true, quoteFallback: false}, nil
}

// doc is the per-article working state.
type doc struct {
	a       *Analyzer
	body    string
	toks    []text.Token
	inQ     []bool // token lies inside a double quote
	mention []int  // token → index into found, -1
	found   []actors.Found
	book    *actors.Book
	timexes []article.Timex
	pub     time.Time

	lastSpeaker, lastPerson actors.ID
	lastDate                map[string]string // speaker name → last date
	defaultDate             string
	out                     []article.Statement
	outKey                  []string // speaker key per statement
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
	d := &doc{a: a, body: body, pub: in.Published, lastSpeaker: -1, lastPerson: -1, lastDate: map[string]string{}}
	d.toks = text.Tokenize(make([]text.Token, 0, len(body)/5+1), body, article.Span{0, len(body)})
	paras := text.Paragraphs(body)
	qs := text.QuoteSpans(body, paras)
	d.inQ = make([]bool, len(d.toks))
	qi := 0
	for i, t := range d.toks {
		for qi < len(qs) && qs[qi][1] <= t.Span[0] {
			qi++
		}
		if qi < len(qs) && qs[qi][0] <= t.Span[0] && t.Span[1] <= qs[qi][1] {
			d.inQ[i] = true
		}
	}
	d.book = actors.NewBook(a.reg, in.Published)
	d.found = actors.Find(body, d.toks, d.book)
	d.mention = make([]int, len(d.toks))
	for i := range d.mention {
		d.mention[i] = -1
	}
	for fi, f := range d.found {
		for t := f.Tok0; t < f.Tok1 && t < len(d.mention); t++ {
			d.mention[t] = fi
		}
	}
	d.timexes = append([]article.Timex(nil), in.Timexes...)
	sort.Slice(d.timexes, func(i, j int) bool { return d.timexes[i].Span[0] < d.timexes[j].Span[0] })
	d.defaultDate = d.leadDate(paras)

	units := d.units(paras, qs)
	prevStmtUnit := -1
	for ui, u := range units {
		if ctx.Err() != nil {
			break
		}
		n := len(d.out)
		d.analyzeUnit(u)
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
					last.TextSpan[1] = u.span[1]
					last.Text = body[last.TextSpan[0]:last.TextSpan[1]]
					if last.Kind == article.Indirect {
						last.Kind = article.Mixed
					}
				}
				prevStmtUnit = ui
				continue
			}
			st := article.Statement{
				Speaker:  last.Speaker,
				Kind:     article.Direct,
				Span:     u.span,
				TextSpan: u.span,
				Text:     body[u.span[0]:u.span[1]],
				Cue:      "",
				Date:     last.Date,
			}
			d.out = append(d.out, st)
			d.outKey = append(d.outKey, d.outKey[len(d.outKey)-1])
			prevStmtUnit = ui
		}
	}
	mentions := make([]article.Mention, len(d.found))
	for i, f := range d.found {
		mentions[i] = f.Mention
		if f.ID >= 0 {
			mentions[i].Actor = d.book.Actor(f.ID).Name
		}
	}
	// Speakers may have gained names and titles after their statements
	// were made: refresh them from the book.
	return Output{Statements: d.out, Mentions: mentions, Actors: d.book.Actors()}
}

// units groups sentences so that a quote never straddles two units.
func (d *doc) units(paras []article.Span, qs []article.Span) []unit {
	sents := text.Sentences(d.body)
	var out []unit
	qi := 0
	pi := 0
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
		t0 := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Span[0] >= sp[0] })
		t1 := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Span[0] >= sp[1] })
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

func (d *doc) word(i int) string { return d.toks[i].Text(d.body) }
func (d *doc) lower(i int) string {
	return strings.ToLower(strings.TrimSuffix(d.toks[i].Text(d.body), "."))
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
