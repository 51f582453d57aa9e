// Package pipeline is Parley's orchestrator: one function, Analyze, takes a
// document as it arrived and returns the analysed article, calling each
// stage in order. To change what a stage does, go to its package; to change
// the order or what flows between stages, read Analyze top to bottom.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/clean"
	"github.com/parley-news/parley/internal/events"
	"github.com/parley-news/parley/internal/gazetteer"
	"github.com/parley-news/parley/internal/htmlpage"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/layout"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/quotes"
	"github.com/parley-news/parley/internal/text"
	"github.com/parley-news/parley/internal/timex"
)

// Version is the version of the analyses. Bump it whenever a stage's output
// changes: stored articles analysed by another version are redone by
// `parley reanalyze`.
const Version = "0.4.0"

// ErrNoArticle means the input held no article text.
var ErrNoArticle = errors.New("no article text")

// ErrInternal marks a document whose analysis hit a bug (a panic in a
// stage): the document is refused with this error, the stack is logged,
// and the run goes on with the next one.
var ErrInternal = errors.New("internal error while analysing")

// Config holds what the user told the pipeline.
type Config struct {
	// Published dates every input that has no date of its own (--published).
	Published time.Time
	// Year is the year for datelines that give none (--year).
	Year int
	// Actors is the curated actors file (--actors), nil for none: known
	// people with aliases and dated roles, which win over what the text says.
	Actors *actors.Registry
}

// Pipeline runs the stages. It is immutable after New and safe for
// concurrent use.
type Pipeline struct {
	cfg    Config
	log    *slog.Logger
	html   *htmlpage.Extractor
	timex  *timex.Tagger
	quotes *quotes.Analyzer
	events *events.Extractor
	// prepared pools the *text.Prepared that statements and events share
	// (one tokenisation and sentence split per article).
	prepared sync.Pool
}

// New builds the stages once: rules compiled, lexicons and curated files loaded.
func New(cfg Config, log *slog.Logger) (*Pipeline, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	q, err := quotes.New(cfg.Actors, log)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	ev, err := events.New(log)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return &Pipeline{cfg: cfg, log: log, html: htmlpage.New(log), timex: timex.New(), quotes: q, events: ev}, nil
}

// Result is an analysed article with what the orchestrator may still need
// to decide about it.
type Result struct {
	Article *article.Article
	// Date is how the publication date was decided; Date.NeedsYear asks the
	// caller for the year (see meta.ResolveYear) and a second Analyze with
	// Options.Year set.
	Date meta.Decision
	// Removed is the furniture taken out of a text dump, for --explain.
	Removed []clean.Removed

	// lead is the dateline search over the body's first paragraphs, done
	// once by Prepare for pages and records and read again by Analyze's
	// analyses (nil when Prepare did not search).
	lead *leadDateline
	// read is the body as the analyses read it (see reanalyze), when
	// Prepare made it ("" when not).
	read string
}

// Options change one Analyze call.
type Options struct {
	// Year overrides the year of a dateline that gives none, for this document.
	Year int
}

// Analyze turns one document into an analysed article.
func (p *Pipeline) Analyze(ctx context.Context, doc ingest.Document, opt Options) (*Result, error) {
	res, err := p.Prepare(ctx, doc, opt)
	if err != nil {
		return nil, err
	}
	// 3. The analyses: they read only the body, the headline and the
	//    publication date, so stored articles can be analysed again.
	if err := p.reanalyze(ctx, res.Article, res.lead, res.read); err != nil {
		return nil, err
	}
	return res, nil
}

// Prepare does the first, cheap part of Analyze: the page or text cleaned,
// the metadata and the publication date decided, the content hash; no
// analyses. A job queue uses it to settle the years of datelines that give
// none across a whole run before the documents are analysed apart.
func (p *Pipeline) Prepare(ctx context.Context, doc ingest.Document, opt Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &article.Article{Source: doc.Source, URL: doc.URL, Title: doc.Title, Pipeline: Version}
	ev := meta.Evidence{YearHint: p.cfg.Year}
	if opt.Year != 0 {
		ev.YearHint = opt.Year
	}
	res := &Result{Article: a}

	// 1. The page: an HTML page goes through the page extractor; a text dump
	//    through the furniture cleaner; a record's text is kept as given.
	switch {
	case doc.Format == ingest.FormatHTML:
		page, err := p.html.Extract(ctx, doc.HTML, doc.URL)
		if err != nil {
			if errors.Is(err, htmlpage.ErrNoArticle) {
				return nil, fmt.Errorf("%w: %w", ErrNoArticle, err)
			}
			return nil, err
		}
		a.Body, a.Standfirst, a.Language = page.Body, page.Standfirst, page.Language
		if a.Title == "" {
			a.Title = page.Title
		}
		// Text damaged by a wrong decoding ("FranÃ§ois", "â€œ") is read
		// as it was written (clean.RepairMojibake); the body is the
		// page's text as extracted, so its offsets still hold.
		a.Body, _ = clean.RepairMojibake(a.Body)
		a.Title, _ = clean.RepairMojibake(a.Title)
		if a.URL == "" {
			a.URL = page.URL
		}
		a.Outlet = meta.CanonicalOutlet(page.Outlet)
		if !page.Published.IsZero() {
			ev.Given, ev.GivenTime, ev.GivenBasis = page.Published, page.PublishedHasTime, article.BasisHTMLMeta
		}
		// Pages often print the standfirst or a kicker above the dateline.
		res.lead = findLead(a.Body)
		ev.Dateline = res.lead.within(3)
	case doc.Verbatim:
		// A record's text is kept as given, so that offsets into it hold;
		// it is read with its hard-wrapped lines joined (see reanalyze).
		a.Body = strings.TrimSpace(doc.Text)
		res.read = layout.Soften(a.Body)
		res.lead = findLead(res.read)
		ev.Dateline = res.lead.within(1)
		// A record whose text repeats its title above the report: the
		// dateline opens the paragraph after it.
		if ev.Dateline == nil && res.lead.found && res.lead.para == 1 && doc.Title != "" && strings.HasPrefix(res.read, strings.TrimSpace(doc.Title)) {
			ev.Dateline = res.lead.within(2)
		}
	default:
		repaired, _ := clean.RepairMojibake(doc.Text)
		c := clean.Text(repaired)
		a.Body, a.Standfirst = c.Body, c.Standfirst
		if a.Title == "" {
			a.Title = c.Headline
		}
		ev.Dateline, ev.Stamps = c.Dateline, c.Stamps
		res.Removed = c.Removed
		// A sign-off names the agency that filed the story; a dateline's
		// agency, at the top, still wins.
		a.Outlet = c.Signoff
	}
	if strings.TrimSpace(a.Body) == "" {
		return nil, ErrNoArticle
	}

	// 2. Metadata: place and outlet from the dateline, the publication date
	//    from the most direct evidence, the language from the words.
	if dl := ev.Dateline; dl != nil {
		a.Place = dl.Place
		if dl.Outlet != "" {
			a.Outlet = dl.Outlet
		}
	}
	if a.Outlet == "" && doc.Outlet != "" {
		a.Outlet = meta.CanonicalOutlet(doc.Outlet)
	}
	if !doc.Published.IsZero() {
		ev.Given, ev.GivenTime, ev.GivenBasis = doc.Published, doc.PublishedHasTime, doc.PublishedBasis
	} else if ev.Given.IsZero() && !p.cfg.Published.IsZero() {
		ev.Given, ev.GivenBasis = p.cfg.Published, article.BasisInput
	}
	if ev.Given.IsZero() && ev.Dateline != nil && ev.Dateline.HasDate() && ev.Dateline.Year == 0 {
		ev.TextDates = meta.TextDates(a.Body)
	}
	res.Date = meta.Decide(ev)
	a.Published, a.PublishedBasis = res.Date.Published, res.Date.Basis
	if a.Language == "" {
		a.Language = meta.Language(a.Body)
	}
	a.ContentHash = ContentHash(a.Title, a.Body)
	return res, nil
}

// Reanalyze redoes the analyses of an article from its body, headline and
// publication date, replacing whatever analyses it had.
func (p *Pipeline) Reanalyze(ctx context.Context, a *article.Article) error {
	return p.reanalyze(ctx, a, nil, "")
}

// reanalyze is Reanalyze with the lead's dateline search already done
// (nil: search it here) and the body's reading copy already made ("":
// make it here).
func (p *Pipeline) reanalyze(ctx context.Context, a *article.Article, ld *leadDateline, read string) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	// A bug in a stage must cost one document, not the run: the panic
	// becomes this document's error (fuzzing keeps such bugs rare).
	defer func() {
		if r := recover(); r != nil {
			src := ""
			if a != nil {
				src = a.Source
			}
			p.log.Error("analysis panicked", "source", src, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	// The analyses read the body with the line breaks inside its
	// paragraphs turned into spaces, byte for byte (layout.Soften): a
	// text kept as given may be hard-wrapped (an archive's JSON Lines
	// record), and every stage takes a line break for the end of a
	// paragraph. Offsets into the copy are offsets into the body, and
	// every text the analyses quote is read from the copy, so a sentence
	// wrapped over three lines is quoted as one line. A body that needs
	// no joining (text dumps and pages come out of clean and htmlpage
	// with one paragraph a line) is its own copy.
	if read == "" || len(read) != len(a.Body) {
		read = layout.Soften(a.Body)
	}
	// A text that quotes with single marks ('We will not back down,' he
	// said), as British outlets do, is read with them swapped for double
	// ones, mark for mark (text.SingleQuoted); the texts quoted back come
	// from the body's own marks (see below).
	soft := read
	read = text.SingleQuoted(read)
	// A line in capitals (a headline or subheading kept in the text) is
	// read cased as the rest of the text writes its words
	// (text.CaseCapsLines): in capitals every word would read as a name.
	read = text.CaseCapsLines(read)
	// A text all in capitals (telex and teletype copy) is read cased from
	// an English word list (text.CaseTelex).
	read = text.CaseTelex(read)
	a.Pipeline = Version
	published, _ := a.PublishedTime()

	// Time expressions, anchored on the publication date. When it is
	// unknown, "on Friday" is read against the end of the latest week the
	// text dates (meta.AssumedAnchor), and the article says so; the
	// publication date stays unknown.
	anchor := published
	a.TimeAnchor, a.TimeAnchorBasis = "", ""
	if anchor.IsZero() {
		if t, ok := meta.AssumedAnchor(read); ok {
			anchor = t
			a.TimeAnchor, a.TimeAnchorBasis = t.Format("2006-01-02"), "assumed: end of the week of the latest date in the text"
		}
	}
	a.Timexes = nonNil(p.timex.Tag(read, anchor))

	// Statements, with their speakers resolved and dated, and the mentions
	// of people, organisations and places.
	prep, _ := p.prepared.Get().(*text.Prepared)
	prep = text.Prepare(prep, read)
	defer func() {
		// The pooled buffers hold offsets only: the strings are dropped so
		// that the pool keeps no article alive.
		if cap(prep.Tokens) <= 1<<16 {
			prep.Body, prep.Lower = "", ""
			p.prepared.Put(prep)
		}
	}()
	// A report whose dateline carries the day ("MOSCOW, January 26.") was
	// filed the day it reports: its statements without a time word were
	// made that day. Without such a dateline they are left undated.
	if ld == nil {
		ld = findLead(read)
	}
	dl, lead := ld.within(3), ld.off
	sameDay := dl != nil && dl.HasDate()
	// Statements found in the headline have no place in the body, so no
	// span to show them by, and the body's lead mostly reports the same
	// speech act: the record keeps the body's only. The extract contract
	// prints them too (attribution corpora annotate headlines), apart.
	out := p.quotes.Analyze(ctx, quotes.Input{Body: read, Published: published, SameDay: sameDay,
		Filed: filedDay(dl, published), Lead: lead, Timexes: a.Timexes, Text: prep, Title: a.Title})
	a.HeadlineStatements = inHeadline(out.Statements)
	a.Statements = nonNil(inBody(out.Statements, titleLine(read, a.Title)))
	a.Mentions = nonNil(out.Mentions)

	// Sides: a speaker the text names without saying whom they speak for
	// gets the country or organisation of their role on the day they
	// spoke, from the embedded actor dictionary (a president in office
	// speaks for the country; after leaving office, for nobody). What the
	// text or the user's actors file says wins.
	p.sides(a.Statements, published, a.Place, a.Mentions)

	// Events: who did what to whom, when, dated by their governing time
	// expression and with actors resolved like statement speakers.
	a.Events = nonNil(p.events.Extract(ctx, events.Input{Body: read, Published: published, Timexes: a.Timexes,
		Mentions: a.Mentions, Statements: a.Statements, Actors: out.Actors, Lead: lead, Text: prep}))
	if read != soft {
		// The quotation marks were swapped for reading: what is quoted
		// back keeps the marks the text has.
		for i := range a.Statements {
			st := &a.Statements[i]
			st.Text = asWritten(st.Text, st.TextSpan, read, soft)
		}
		for i := range a.Events {
			a.Events[i].Text = soft[a.Events[i].Span[0]:a.Events[i].Span[1]]
		}
		// Names and time expressions are quoted back as the text writes
		// them (a line in capitals was read cased).
		for i := range a.Mentions {
			m := &a.Mentions[i]
			if m.Text == foldWS(read[m.Span[0]:m.Span[1]]) {
				m.Text = foldWS(soft[m.Span[0]:m.Span[1]])
			}
		}
		for i := range a.Timexes {
			x := &a.Timexes[i]
			if x.Text == read[x.Span[0]:x.Span[1]] {
				x.Text = soft[x.Span[0]:x.Span[1]]
			}
		}
	}
	return ctx.Err()
}

// asWritten returns a statement's text t, read from the reading copy read
// at span sp, as the text soft writes it: the same slice of soft, or, for
// a quotation interrupted by its reporting clause ("A," he said, "B") and
// quoted as its two parts joined by a space, the same two slices.
func asWritten(t string, sp article.Span, read, soft string) string {
	if sp[0] < 0 || sp[1] > len(read) || sp[0] > sp[1] {
		return t
	}
	if t == read[sp[0]:sp[1]] {
		return soft[sp[0]:sp[1]]
	}
	for k := strings.IndexByte(t, ' '); k >= 0 && k < len(t); {
		m := len(t) - k - 1
		if k <= sp.Len() && m <= sp.Len() && t[:k] == read[sp[0]:sp[0]+k] && t[k+1:] == read[sp[1]-m:sp[1]] {
			return soft[sp[0]:sp[0]+k] + " " + soft[sp[1]-m:sp[1]]
		}
		n := strings.IndexByte(t[k+1:], ' ')
		if n < 0 {
			break
		}
		k += n + 1
	}
	return t
}

// foldWS folds runs of white space into one space, as names are quoted.
func foldWS(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\v\f") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// filedDay is the day a dateline gives when it is one to three days
// before the publication date ("GENEVA, March 14 (Reuters)" on a record
// stamped March 15); zero otherwise. A dateline without a year takes the
// publication's (the year before, for a December dateline on a January
// stamp).
func filedDay(dl *meta.Dateline, published time.Time) time.Time {
	if dl == nil || !dl.HasDate() || published.IsZero() {
		return time.Time{}
	}
	pub := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, time.UTC)
	y := dl.Year
	if y == 0 {
		y = pub.Year()
		if dl.Month > pub.Month() {
			y--
		}
	}
	d := time.Date(y, dl.Month, dl.Day, 0, 0, 0, 0, time.UTC)
	if d.Month() != dl.Month { // 31 April
		return time.Time{}
	}
	if days := pub.Sub(d).Hours() / 24; days >= 1 && days <= 3 {
		return d
	}
	return time.Time{}
}

// inHeadline returns a copy of the statements without a span (the
// headline's); nil when there are none.
func inHeadline(stmts []article.Statement) []article.Statement {
	var out []article.Statement
	for _, s := range stmts {
		if s.Span[1] <= s.Span[0] {
			out = append(out, s)
		}
	}
	return out
}

// inBody keeps the statements that lie in the body.
// inBody returns the statements with a span in the body, past the first
// skip bytes.
func inBody(stmts []article.Statement, skip int) []article.Statement {
	out := stmts[:0]
	for _, s := range stmts {
		if s.Span[1] > s.Span[0] && s.Span[0] >= skip {
			out = append(out, s)
		}
	}
	return out
}

// titleLine returns the end of the body's first line when that line is
// the title, else 0. A record's text often repeats its title above the
// report; the statements of that line are the headline's, which are
// read from the title already (they would be printed twice).
func titleLine(body, title string) int {
	title = strings.TrimSpace(title)
	if title == "" || !strings.HasPrefix(body, title) {
		return 0
	}
	rest := body[len(title):]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		return len(title) + i
	}
	return 0
}

// nonNil makes an empty analysis print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ContentHash identifies an article by its headline and body, white space
// folded: the same article from two scrapes hashes the same.
func ContentHash(title, body string) string {
	h := sha256.New()
	var buf [4096]byte
	out := buf[:0]
	// write appends s to the pending bytes, hashing them whenever the
	// buffer fills.
	write := func(s string) {
		for len(s) > 0 {
			if len(out) == len(buf) {
				h.Write(out)
				out = out[:0]
			}
			n := copy(buf[len(out):], s)
			out, s = out[:len(out)+n], s[n:]
		}
	}
	// writeFolded writes s with runs of ASCII white space folded to one
	// space and the ends trimmed, as strings.Join(strings.Fields(s), " ")
	// would for ASCII space, without building the folded copy. Most text
	// needs no folding but between paragraphs, so the stretches between
	// runs to fold are copied whole.
	writeFolded := func(s string) {
		i, j := 0, len(s)
		for i < j && asciiSpace[s[i]] {
			i++
		}
		for j > i && asciiSpace[s[j-1]] {
			j--
		}
		s = s[i:j]
		start := 0
		for k := 0; k < len(s); k++ {
			// Stretches with nothing to fold are passed seven bytes at
			// a time (foldFree7); most of a text is one.
			for k+8 <= len(s) && foldFree7(s[k:k+8]) {
				k += 7
			}
			if !asciiSpace[s[k]] {
				continue
			}
			// One plain space between two words stays as it is (s is
			// trimmed, so a space is never its last byte).
			if s[k] == ' ' && !asciiSpace[s[k+1]] {
				continue
			}
			write(s[start:k])
			write(" ")
			for k+1 < len(s) && asciiSpace[s[k+1]] {
				k++
			}
			start = k + 1
		}
		write(s[start:])
	}
	writeFolded(title)
	write("\x00")
	writeFolded(body)
	h.Write(out)
	return hex.EncodeToString(h.Sum(nil))
}

// asciiSpace marks the bytes ContentHash folds: ASCII white space.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// foldFree7 reports whether none of the first seven of the eight bytes of s
// starts a run of white space to fold: none is \t \n \v \f \r (0x09 to
// 0x0D), and no space is followed by white space (the eighth byte is read
// only as the seventh's follower). The byte tests run on the low seven
// bits, where adding a constant below 0x81 never carries into the next
// byte; bytes with the high bit set (in multi-byte runes) are neither.
func foldFree7(s string) bool {
	const hi, lo7 = 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	x := text.Load64(s, 0)
	t := x & lo7
	q := t ^ 0x2020202020202020
	sp := ^(q + lo7) &^ x & hi                                            // == 0x20
	ctl := (t + 0x7777777777777777) &^ (t + 0x7272727272727272) &^ x & hi // 0x09..0x0D
	bad := ctl | sp&((sp|ctl)>>8)
	return bad&0x0080808080808080 == 0
}

// leadDateline is what a search for a dateline at the start of the body's
// first three paragraphs found: the dateline, the paragraph it opens (0 to
// 2) and the offset in the body where its report begins.
type leadDateline struct {
	found bool
	dl    meta.Dateline
	para  int
	off   int // 0 when there is none
}

// findLead searches the first three paragraphs of body for a dateline. One
// search answers both questions the pipeline asks: is there one in the first
// n paragraphs (within), and where does the report after it begin.
func findLead(body string) *leadDateline {
	off := 0
	for i := 0; i < 3 && off < len(body); i++ {
		for off < len(body) && (body[off] == ' ' || body[off] == '\t' || body[off] == '\r' || body[off] == '\n') {
			off++
		}
		line := body[off:]
		next := len(body)
		if j := strings.IndexByte(line, '\n'); j >= 0 {
			line, next = line[:j], off+j+1
		}
		if d, ok := meta.ParseDateline(line); ok {
			return &leadDateline{found: true, dl: d, para: i, off: off + min(d.Len, len(line))}
		}
		off = next
	}
	return &leadDateline{}
}

// within returns a copy of the dateline when it opens one of the first n
// paragraphs (n at most 3), else nil.
func (l *leadDateline) within(n int) *meta.Dateline {
	if !l.found || l.para >= n {
		return nil
	}
	d := l.dl
	return &d
}

// sides fills in the affiliation of named speakers from the gazetteer; see
// Reanalyze. The dictionary is loaded on first use.
func (p *Pipeline) sides(stmts []article.Statement, published time.Time, place string, mentions []article.Mention) {
	var g *gazetteer.Gazetteer
	// The sides the article itself names: a dictionary role is taken only
	// when its country or body is one of them, so a common name ("John
	// Smith") is not given a stranger's office.
	named := map[string]bool{}
	for _, m := range mentions {
		if m.Actor != "" && (m.Type == article.GPE || m.Type == article.Org) {
			named[m.Actor] = true
		}
	}
	if c, kind, ok := actors.Place(place); ok && kind == article.GPE {
		named[c] = true
	}
	for i := range stmts {
		sp := &stmts[i].Speaker
		if sp.Affiliation != "" || (sp.Kind != article.Person && sp.Kind != article.Org) {
			continue
		}
		if g == nil {
			var err error
			if g, err = gazetteer.Load(); err != nil {
				p.log.Warn("actor dictionary unavailable", "err", err)
				return
			}
		}
		on := published
		if d := stmts[i].Date; len(d) == 10 {
			if t, ok := article.ParseDay(d); ok {
				on = t
			}
		}
		if side := sideOf(g, *sp, on); side != "" && named[side] {
			sp.Affiliation = side
		}
		if sp.Affiliation == "" && sp.Kind == article.Org && stateBody(sp.Name) {
			// "the Commerce Department" in a report datelined
			// Washington: a state body of the dateline's country.
			if c, kind, ok := actors.Place(place); ok && kind == article.GPE && !venueCities[strings.ToLower(place)] {
				sp.Affiliation = c
			}
		}
	}
}

// venueCities host international organisations and the talks held at
// them: a report datelined Geneva or Vienna is about the delegations
// there, so a "Foreign Ministry" in it is not the host country's.
var venueCities = map[string]bool{
	"geneva": true, "vienna": true, "new york": true, "brussels": true, "strasbourg": true,
	"the hague": true, "davos": true, "lausanne": true,
}

// stateBody reports whether an organisation's name is that of a state
// body without its country: "Commerce Department", "Trade Ministry".
func stateBody(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "ministry", "department", "agency", "bureau", "secretariat", "cabinet", "government", "treasury":
			return true
		}
	}
	return false
}

// sideOf is whom a person or body speaks for on a day: the country of a
// national role (government, military, legislature, party …), the body of
// an international one; "" for a notable person without office, a name
// the dictionary does not know, or one it knows only by a surname.
func sideOf(g *gazetteer.Gazetteer, a article.Actor, on time.Time) string {
	var r gazetteer.Role
	switch a.Kind {
	case article.Person:
		p, ok := g.Person(a.Name, on)
		if !ok || !p.Affiliated() || (p.Partial && !strings.Contains(strings.TrimSpace(a.Name), " ")) {
			return ""
		}
		r = p.Role
	case article.Org:
		o, ok := g.Org(a.Name)
		if !ok {
			return ""
		}
		r = o.Role
	default:
		return ""
	}
	return r.Side()
}
