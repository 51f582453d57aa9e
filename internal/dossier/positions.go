package dossier

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// Evidence is one statement behind a cell.
type Evidence struct {
	// Source is the article's URL, or its source key when it has none.
	Source string `json:"source"`
	// Span is the statement's byte offsets in that article's body.
	Span article.Span `json:"span"`
	// Match is the issue phrase's byte offsets in the body, when known.
	Match *article.Span `json:"match,omitempty"`
	Text  string        `json:"text"`
	// Speaker is the holder-side speaker, nil when the statement reports
	// another side's stance.
	Speaker *string `json:"speaker"`
	// ReportedBy is the speaker when the holder is not the speaker's side.
	ReportedBy *string `json:"reported_by"`
	Date       *string `json:"date"`
	Stance     Stance  `json:"stance"`
	Phrase     string  `json:"phrase"`
	Cue        string  `json:"cue"`
	ArticleID  int64   `json:"article_id,omitempty"`
	Outlet     string  `json:"outlet,omitempty"`
}

// Change is one step of a cell's history: from Date on, the stance was Stance.
type Change struct {
	Date   *string `json:"date"`
	Stance Stance  `json:"stance"`
	// Evidence indexes the cell's evidence that made the change.
	Evidence int `json:"evidence"`
}

// Position is one cell of the issue × party matrix.
type Position struct {
	Issue  string `json:"issue"`
	Party  string `json:"party"`
	Stance Stance `json:"stance"`
	// Since is the date the current stance was first held (nil: unknown).
	Since *string `json:"since"`
	// Reported: every statement behind the cell is another side's account
	// of this party's stance; none is the party's own.
	Reported bool       `json:"reported"`
	History  []Change   `json:"history"`
	Evidence []Evidence `json:"evidence"`
	// Count is how many links the cell rests on: len(Evidence) when every
	// statement is shown, more when only the latest are (Options.Evidence).
	Count int `json:"-"`
	// Override is set when an analyst set the cell's stance by hand
	// (Stance is then theirs); nil otherwise.
	Override *Override `json:"override,omitempty"`
}

// Override is a cell's stance set by an analyst (a store.CorrectCell
// correction), with what the statements alone say.
type Override struct {
	// Computed is the stance the statements give ("" when none does).
	Computed   Stance    `json:"computed"`
	Note       string    `json:"note"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
	Correction int64     `json:"correction"`
}

// Stances lists the stances a cell can hold, for checking input.
var Stances = []Stance{For, Against, Counter, Conditional, Unclear}

// ValidStance reports whether s is one of Stances.
func ValidStance(s string) bool {
	for _, x := range Stances {
		if string(x) == s {
			return true
		}
	}
	return false
}

// Name is the dossier's name as cell corrections record it: its
// negotiation, else its file's base name.
func (d *Dossier) Name() string {
	if d == nil {
		return ""
	}
	if n := strings.TrimSpace(d.Negotiation); n != "" {
		return n
	}
	return strings.TrimSuffix(filepath.Base(d.File), filepath.Ext(d.File))
}

// applyOverrides sets the cells the corrections name (the newest for a
// cell wins); a cell without evidence is added for it.
func applyOverrides(d *Dossier, out []Position, cs []store.Correction) []Position {
	type key struct{ issue, party string }
	latest := map[key]*store.Correction{}
	for i := range cs {
		c := &cs[i]
		if c.Kind != store.CorrectCell || c.Cell == nil || !store.SameName(c.Cell.Dossier, d.Name()) {
			continue
		}
		p := d.PartyIndex(c.Cell.Party)
		if p < 0 {
			continue
		}
		k := key{c.Cell.Issue, d.Parties[p].Name}
		if prev := latest[k]; prev == nil || c.ID > prev.ID {
			latest[k] = c
		}
	}
	if len(latest) == 0 {
		return out
	}
	have := map[key]int{}
	for i, p := range out {
		have[key{p.Issue, p.Party}] = i
	}
	var merged []Position
	for _, is := range d.Issues {
		for _, p := range d.Parties {
			k := key{is.ID, p.Name}
			i, ok := have[k]
			c := latest[k]
			switch {
			case c != nil && ok:
				pos := out[i]
				pos.Override = &Override{Computed: pos.Stance, Note: c.Note, By: c.By, At: c.At, Correction: c.ID}
				pos.Stance = Stance(c.Cell.Stance)
				merged = append(merged, pos)
			case c != nil:
				merged = append(merged, Position{Issue: is.ID, Party: p.Name, Stance: Stance(c.Cell.Stance),
					History: []Change{}, Evidence: []Evidence{},
					Override: &Override{Note: c.Note, By: c.By, At: c.At, Correction: c.ID}})
			case ok:
				merged = append(merged, out[i])
			}
		}
	}
	return merged
}

// Options tune Positions.
type Options struct {
	Logger *slog.Logger
	// KeepUnclear keeps cells whose every statement is unclear (a topic
	// named without a stance); by default they are left out.
	KeepUnclear bool
	// PageSize is how many statements PositionsFrom reads at a time
	// (<= 0: store.MaxLimit).
	PageSize int
	// Corrections are analysts' corrections; the cell ones (store.CorrectCell)
	// of this dossier set their cells' stances (Position.Override).
	Corrections []store.Correction
	// Evidence is how many of each cell's latest statements PositionsFrom
	// shows (besides the statement of each change of the history), folded
	// from the index or streamed: 0 means DefaultEvidence, < 0 all.
	// Positions shows all.
	Evidence int
	// Stream makes PositionsFrom classify every statement (the way before
	// the index; for comparing, and for stores that keep no index).
	Stream bool
}

// observation is one link with where and when it was made.
type observation struct {
	link Link
	date string
	st   *store.StoredStatement
	ord  int // input order, to break ties deterministically
}

// Positions classifies every statement against d and folds the links into
// the issue × party matrix: each cell's stance is the latest one, Since
// when it was first held in its current value, History every change and
// Evidence every statement behind it (oldest first). Statements outside the
// dossier's from..to are left out (undated ones are kept). Cells come in
// the dossier's issue order, then party order. The result does not depend
// on the order of stmts.
func Positions(d *Dossier, stmts []store.StoredStatement, opt Options) []Position {
	if d == nil {
		return nil
	}
	known := speakerParties(d, func(yield func(article.Actor) bool) {
		for i := range stmts {
			if !yield(stmts[i].Speaker) {
				return
			}
		}
	})
	f := newFolder(d, known, opt, false)
	for i := range stmts {
		f.add(&stmts[i])
	}
	return f.positions()
}

// Source is where PositionsFrom reads the record: a store.Store.
type Source interface {
	Statements(ctx context.Context, q store.StatementQuery) ([]store.StoredStatement, error)
	Actors(ctx context.Context, q store.ActorQuery) ([]store.StoredActor, error)
}

// PositionsFrom is Positions over every current statement of a store,
// streamed: the statements are read a page at a time (keyset paging, so
// each page costs the same), and only those that link to an issue are
// kept, as the cells' evidence. The speakers' sides come from the store's
// per-actor speaker forms (every name, title and affiliation the statements
// gave each actor), so no statement is read twice.
//
// A store that keeps dossier indexes (store.DossierIndex, both stores do)
// is not streamed: d is registered and indexed (Index: the first time a
// full pass, then only what changed since), and the cells are folded from
// the per-day sums of the links, reading only the statements shown as
// evidence (opt.Evidence). A read-only database that cannot be indexed is
// streamed.
func PositionsFrom(ctx context.Context, src Source, d *Dossier, opt Options) ([]Position, error) {
	if d == nil {
		return nil, nil
	}
	if ix, ok := src.(IndexSource); ok && !opt.Stream {
		stats, err := Index(ctx, ix, d, opt.Logger)
		if err == nil {
			ps, err := positionsIndexed(ctx, ix, d, stats.State, opt)
			if err != nil {
				return nil, fmt.Errorf("dossier: positions: %w", err)
			}
			return ps, nil
		}
		if !errors.Is(err, store.ErrReadOnly) {
			return nil, err
		}
		if opt.Logger != nil {
			opt.Logger.Warn("read-only database: positions computed from every statement", "dossier", d.Name())
		}
	}
	ps, err := positionsStream(ctx, src, d, opt)
	if err != nil {
		return nil, err
	}
	return trimEvidence(ps, opt.Evidence), nil
}

// trimEvidence keeps, as the index does, each cell's latest n statements
// (0: DefaultEvidence, < 0: all) and the statement of each change.
func trimEvidence(ps []Position, n int) []Position {
	if n < 0 {
		return ps
	}
	if n == 0 {
		n = DefaultEvidence
	}
	for i := range ps {
		p := &ps[i]
		if len(p.Evidence) <= n {
			continue
		}
		keep := make([]bool, len(p.Evidence))
		for k := len(p.Evidence) - n; k < len(p.Evidence); k++ {
			keep[k] = true
		}
		for _, h := range p.History {
			keep[h.Evidence] = true
		}
		at := make([]int, len(p.Evidence))
		var ev []Evidence
		for k, e := range p.Evidence {
			at[k] = len(ev)
			if keep[k] {
				ev = append(ev, e)
			}
		}
		for k := range p.History {
			p.History[k].Evidence = at[p.History[k].Evidence]
		}
		p.Evidence = ev
	}
	return ps
}

// positionsStream classifies every statement of src.
func positionsStream(ctx context.Context, src Source, d *Dossier, opt Options) ([]Position, error) {
	var forms []article.Actor
	aq := store.ActorQuery{Speaking: true, Detail: true, Limit: 1000}
	for {
		page, err := src.Actors(ctx, aq)
		if err != nil {
			return nil, fmt.Errorf("dossier: positions: actors: %w", err)
		}
		for _, a := range page {
			for _, f := range a.Forms {
				forms = append(forms, article.Actor{Name: f.Name, Title: f.Title, Affiliation: f.Affiliation, Kind: f.Kind})
			}
		}
		if len(page) < aq.Limit {
			break
		}
		aq.After = page[len(page)-1].Cursor()
	}
	known := speakerParties(d, slices.Values(forms))
	f := newFolder(d, known, opt, true)
	q := store.StatementQuery{Limit: store.ClampLimit(opt.PageSize)}
	if opt.PageSize <= 0 {
		q.Limit = store.MaxLimit
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := src.Statements(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("dossier: positions: statements: %w", err)
		}
		for i := range page {
			f.add(&page[i])
		}
		if len(page) < q.Limit {
			break
		}
		q.After = page[len(page)-1].Cursor()
	}
	return f.positions(), nil
}

// folder classifies statements one at a time and keeps the observations.
type folder struct {
	d     *Dossier
	opt   Options
	c     *Classifier
	known map[string]string
	memo  map[string]string
	cells map[cellKey][]observation
	// copy: the caller reuses its statements, keep copies of linked ones.
	copy bool
	n    int
}

type cellKey struct{ issue, party string }

func newFolder(d *Dossier, known map[string]string, opt Options, copy bool) *folder {
	return &folder{d: d, opt: opt, c: NewClassifier(d, opt.Logger), known: known,
		memo: map[string]string{}, cells: map[cellKey][]observation{}, copy: copy}
}

// statementDay is the day a statement counts on in d: its effective date
// (the publication day when the text gives none) — but when the text gives
// no day the statement's time is unknown, so it is its own (possibly
// empty) date and never overrides a dated stance. ok is false when the
// day is outside d's range.
func statementDay(d *Dossier, st *store.StoredStatement) (string, bool) {
	date := st.EffectiveDate
	if date == "" || st.DateBasis == article.DateNone {
		date = st.Date
	}
	return date, date == "" || inRange(date, d.From, d.To)
}

// sideOf is a speaker's party in d: the one its name, title or affiliation
// gives, else the side the person has elsewhere (known), resolved once
// per distinct speaker form (memo).
func sideOf(d *Dossier, known, memo map[string]string, sp article.Actor) string {
	mk := sp.Name + "\x00" + sp.Title + "\x00" + sp.Affiliation
	party, ok := memo[mk]
	if !ok {
		if p := d.PartyOf(sp.Name, sp.Title, sp.Affiliation); p >= 0 {
			party = d.Parties[p].Name
		} else {
			party = known[sp.Name]
		}
		memo[mk] = party
	}
	return party
}

func (f *folder) add(st *store.StoredStatement) {
	i := f.n
	f.n++
	date, ok := statementDay(f.d, st)
	if !ok {
		return
	}
	party := sideOf(f.d, f.known, f.memo, st.Speaker)
	links := f.c.Classify(Utterance{Text: st.Text, Party: party})
	if len(links) == 0 {
		return
	}
	if f.copy {
		x := *st
		st = &x
	}
	for _, l := range links {
		k := cellKey{l.Issue, l.Party}
		f.cells[k] = append(f.cells[k], observation{link: l, date: date, st: st, ord: i})
	}
}

func (f *folder) positions() []Position {
	var out []Position
	for _, is := range f.d.Issues {
		for _, p := range f.d.Parties {
			obs := f.cells[cellKey{is.ID, p.Name}]
			if len(obs) == 0 {
				continue
			}
			pos := fold(is.ID, p.Name, obs)
			if pos.Stance == Unclear && !f.opt.KeepUnclear {
				continue
			}
			out = append(out, pos)
		}
	}
	return applyOverrides(f.d, out, f.opt.Corrections)
}

// speakerParties maps each named person to the one party their statements
// give them (by affiliation, name or title), so that a statement whose
// speaker lost the affiliation ("the minister said") still has a side.
// People given two parties are left out. The result depends only on the
// set of speakers, not on their order or how often each comes.
func speakerParties(d *Dossier, speakers iter.Seq[article.Actor]) map[string]string {
	out := map[string]string{}
	conflict := map[string]bool{}
	for sp := range speakers {
		if sp.Name == "" || conflict[sp.Name] || !personName(sp) {
			continue
		}
		p := d.PartyOf(sp.Name, sp.Title, sp.Affiliation)
		if p < 0 {
			continue
		}
		name := d.Parties[p].Name
		if prev, ok := out[sp.Name]; ok && prev != name {
			conflict[sp.Name] = true
			delete(out, sp.Name)
			continue
		}
		out[sp.Name] = name
	}
	return out
}

// personName reports whether a speaker is a named person ("Paul Dubois"),
// not a group ("officials") whose side may change from one story to another.
func personName(a article.Actor) bool {
	if a.Kind != "" {
		return a.Kind == article.Person
	}
	return len(a.Name) > 0 && a.Name[0] >= 'A' && a.Name[0] <= 'Z' && strings.IndexByte(a.Name, ' ') > 0
}

// inRange reports whether a date (YYYY, YYYY-MM, YYYY-MM-DD) overlaps from..to.
func inRange(date, from, to string) bool {
	if from != "" && date < from && !hasPrefix(from, date) {
		return false
	}
	if to != "" && date > to && !hasPrefix(date, to) {
		return false
	}
	return true
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// stancePriority breaks ties between stances of one day: the more specific
// first.
func stancePriority(s Stance) int {
	switch s {
	case Conditional:
		return 0
	case Counter:
		return 1
	case Against:
		return 2
	case For:
		return 3
	}
	return 4
}

func fold(issue, party string, obs []observation) Position {
	// Oldest first; undated statements before dated ones (their time is
	// unknown, so they never override a dated stance); then by article
	// (publication, then source: never the store's row ids, which depend
	// on the order articles were stored in), position in it, and input
	// order.
	sort.SliceStable(obs, func(a, b int) bool {
		oa, ob := obs[a], obs[b]
		if oa.date != ob.date {
			return oa.date < ob.date
		}
		if oa.st.Published != ob.st.Published {
			return oa.st.Published < ob.st.Published
		}
		if ka, kb := articleKey(oa.st), articleKey(ob.st); ka != kb {
			return ka < kb
		}
		if oa.st.ArticleID != ob.st.ArticleID {
			return oa.st.ArticleID < ob.st.ArticleID
		}
		if oa.st.Seq != ob.st.Seq {
			return oa.st.Seq < ob.st.Seq
		}
		if oa.link.Derived != ob.link.Derived {
			return !oa.link.Derived
		}
		return oa.ord < ob.ord
	})
	pos := Position{Issue: issue, Party: party, History: []Change{}, Evidence: []Evidence{}}
	for _, o := range obs {
		pos.Evidence = append(pos.Evidence, evidenceOf(o))
	}
	pos.Count = len(obs)
	// The stance over time. Each day's statements vote: a first-hand
	// statement (the holder's own side speaking) weighs 2, a second-hand
	// one (another side's account, or derived from it) 1. A different clear
	// stance replaces the current one only when it weighs at least 2 from
	// that day on and at least as much as the current stance does then: one
	// second-hand report, or one stray statement followed by evidence of
	// the old stance, does not flip the cell; the history shows each
	// change. An unclear stance never replaces a clear one.
	cur := Stance("")
	for i := 0; i < len(obs); {
		j := i
		counts := map[Stance]int{}
		for j < len(obs) && obs[j].date == obs[i].date {
			counts[obs[j].link.Stance] += weight(obs[j])
			j++
		}
		best := Stance("")
		for s, n := range counts {
			if best == "" || n > counts[best] || (n == counts[best] && stancePriority(s) < stancePriority(best)) {
				best = s
			}
		}
		if best == Unclear && cur != "" {
			i = j
			continue
		}
		if best != cur && cur != "" && cur != Unclear {
			// from this day on: does the new stance hold?
			wNew, wOld := 0, 0
			for k := i; k < len(obs); k++ {
				switch obs[k].link.Stance {
				case best:
					wNew += weight(obs[k])
				case cur:
					wOld += weight(obs[k])
				}
			}
			if wNew < 2 || wNew < wOld {
				i = j
				continue
			}
		}
		if best != cur {
			first := i
			for k := i; k < j; k++ {
				if obs[k].link.Stance == best {
					first = k
					break
				}
			}
			pos.History = append(pos.History, Change{Date: nullable(obs[i].date), Stance: best, Evidence: first})
			cur = best
		}
		i = j
	}
	// A cell that rests only on other sides' accounts says so.
	pos.Reported = true
	for _, o := range obs {
		if !o.link.Reported && !o.link.Derived {
			pos.Reported = false
			break
		}
	}
	pos.Stance = cur
	if n := len(pos.History); n > 0 {
		// Since: the first dated statement of the current run (a run may
		// start with undated ones, whose time is unknown).
		for k := pos.History[n-1].Evidence; k < len(obs); k++ {
			if obs[k].date != "" {
				pos.Since = nullable(obs[k].date)
				break
			}
		}
	}
	return pos
}

// weight is how much one statement counts toward a cell's stance: the
// holder's own side speaking counts double.
func weight(o observation) int {
	if o.link.Reported || o.link.Derived {
		return 1
	}
	return 2
}

func evidenceOf(o observation) Evidence {
	st := o.st
	src := st.URL
	if src == "" {
		src = st.Source
	}
	ev := Evidence{
		Source: src, Span: st.Span, Text: st.Text, Date: nullable(o.date),
		Stance: o.link.Stance, Phrase: o.link.Phrase, Cue: o.link.Cue,
		ArticleID: st.ArticleID, Outlet: st.Outlet,
	}
	name := st.Speaker.Name
	if o.link.Reported {
		if name != "" {
			ev.ReportedBy = &name
		}
	} else if name != "" {
		ev.Speaker = &name
	}
	// The phrase's place in the body, when the statement text is the
	// body's bytes at TextSpan.
	if ts := st.TextSpan; ts.Len() == len(st.Text) && ts.Len() > 0 && o.link.Span.End() <= len(st.Text) {
		m := article.Span{ts.Start() + o.link.Span.Start(), ts.Start() + o.link.Span.End()}
		ev.Match = &m
	}
	return ev
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// articleKey names a statement's article the same way in every store: its
// URL, else its source.
func articleKey(st *store.StoredStatement) string {
	if st.URL != "" {
		return st.URL
	}
	return st.Source
}
