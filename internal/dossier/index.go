package dossier

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// linkVersion names how statements are linked (the classifier, the
// speakers' sides, the date rules, the Order key). Bump it whenever they
// change: it is part of the index hash, so stored links made the old way
// are never used (the dossier is indexed again).
const linkVersion = "links-1"

// DefaultEvidence is how many of a cell's latest statements the indexed
// positions show (plus the statement of each change of its history).
const DefaultEvidence = 20

// IndexHash identifies a dossier's index: a hash of its name and of what
// decides the links (its parties, issues and date range), and of
// linkVersion. Editing the file (a new alias, a phrase) gives a new hash,
// hence a new index.
func (d *Dossier) IndexHash() string {
	b, _ := json.Marshal(struct {
		Version, Name, Negotiation, From, To string
		Parties                              []Party
		Issues                               []Issue
	}{linkVersion, d.Name(), d.Negotiation, d.From, d.To, d.Parties, d.Issues})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// IndexSource is a store that keeps dossier indexes (every store.Store).
type IndexSource interface {
	Source
	store.DossierIndex
}

// IndexStats says what Index did.
type IndexStats struct {
	// Built: this call made (or finished) the first full pass.
	Built bool `json:"built"`
	// Statements read and articles re-linked.
	Statements int `json:"statements"`
	Articles   int `json:"articles"`
	// Relinked names whose side changed (their statements were linked again).
	Relinked []string           `json:"relinked,omitempty"`
	Elapsed  string             `json:"elapsed"`
	State    store.DossierState `json:"state"`
}

// indexPage is how many statements a step of the full pass reads and
// writes in one transaction; indexArticles how many changed articles a
// catch-up step relinks in one.
const (
	indexPage     = 5000
	indexArticles = 500
)

// Index registers d in the store if it is new and brings its links up to
// date: the first time, a full pass over every current statement (in
// steps, each committed with how far it went, so an interrupted pass
// resumes); afterwards, the articles logged as changed since the dossier's
// watermark, plus every article of a speaker whose side changed (a person
// seen with a second party, or a first one). Concurrent indexers are safe:
// each step is a compare-and-set on the dossier's state, the loser starts
// again from the winner's state.
func Index(ctx context.Context, src IndexSource, d *Dossier, log *slog.Logger) (IndexStats, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	var stats IndexStats
	state, err := src.RegisterDossier(ctx, d.IndexHash(), d.Name())
	if err != nil {
		return stats, fmt.Errorf("dossier: index: %w", err)
	}
	ix := &indexer{src: src, d: d, c: NewClassifier(d, log), log: log, stats: &stats}
	id := state.ID
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		if state.Building {
			stats.Built = true
			state, err = ix.build(ctx, state)
		} else {
			state, err = ix.catchUp(ctx, state)
		}
		if errors.Is(err, store.ErrConflict) && attempt < 100 {
			// Someone else indexed meanwhile: go on from their state.
			if state, err = src.DossierState(ctx, id); err != nil {
				return stats, fmt.Errorf("dossier: index: %w", err)
			}
			continue
		}
		if err != nil {
			return stats, fmt.Errorf("dossier: index %s: %w", d.Name(), err)
		}
		if !state.Building {
			break
		}
	}
	stats.State = state
	stats.Elapsed = time.Since(start).Round(time.Millisecond).String()
	if stats.Built {
		log.Info("dossier indexed", "dossier", d.Name(), "links", state.Links, "statements", stats.Statements, "elapsed", stats.Elapsed)
	}
	return stats, nil
}

type indexer struct {
	src   IndexSource
	d     *Dossier
	c     *Classifier
	log   *slog.Logger
	stats *IndexStats
}

// known is the speakers' sides (speakerParties) with, for each name, the
// actors whose statements gave it.
type known struct {
	Parties map[string]string `json:"parties"`
	actors  map[string][]int64
}

// speakers reads every speaker form of the store (their number grows with
// the distinct ways speakers are named, not with the statements).
func (ix *indexer) speakers(ctx context.Context) (known, error) {
	var forms []article.Actor
	byName := map[string][]int64{}
	aq := store.ActorQuery{Speaking: true, Detail: true, Limit: 1000}
	for {
		page, err := ix.src.Actors(ctx, aq)
		if err != nil {
			return known{}, fmt.Errorf("actors: %w", err)
		}
		for _, a := range page {
			for _, f := range a.Forms {
				forms = append(forms, article.Actor{Name: f.Name, Title: f.Title, Affiliation: f.Affiliation, Kind: f.Kind})
				if l := byName[f.Name]; len(l) == 0 || l[len(l)-1] != a.ID {
					byName[f.Name] = append(l, a.ID)
				}
			}
		}
		if len(page) < aq.Limit {
			break
		}
		aq.After = page[len(page)-1].Cursor()
	}
	return known{Parties: speakerParties(ix.d, slices.Values(forms)), actors: byName}, nil
}

func (k known) encode() string {
	b, _ := json.Marshal(k.Parties)
	return string(b)
}

func decodeKnown(s string) (map[string]string, error) {
	m := map[string]string{}
	if s == "" {
		return m, nil
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("stored speakers' sides: %w", err)
	}
	return m, nil
}

// passCursor is where the full pass stands: after this statement, in the
// store's order (By "store"). The pass once went newest first; a pass
// begun so (a cursor without By) starts again from the first statement,
// which rewrites nothing (links already written are kept as they are).
type passCursor struct {
	By string `json:"by"`
	store.StatementCursor
}

// build does one step of the full pass: a page of statements in the
// store's order (article, then place in it; keyset) linked and written
// with the cursor after it. In that order the links, keyed by article,
// are appended: newest first, they landed all over the table and left
// its pages half full (333 MB for 1.1 M links of 300k articles against
// 200 MB).
func (ix *indexer) build(ctx context.Context, state store.DossierState) (store.DossierState, error) {
	var k map[string]string
	var cur *store.StatementCursor
	var pc passCursor
	if state.Cursor != "" {
		if err := json.Unmarshal([]byte(state.Cursor), &pc); err != nil {
			return state, fmt.Errorf("stored cursor: %w", err)
		}
	}
	if pc.By != "store" {
		// The pass starts (or starts again, see passCursor): the sides
		// are those of the store now; any change after is in the log
		// (the watermark is older).
		kn, err := ix.speakers(ctx)
		if err != nil {
			return state, err
		}
		k, state.Known = kn.Parties, kn.encode()
	} else {
		var err error
		if k, err = decodeKnown(state.Known); err != nil {
			return state, err
		}
		cur = &pc.StatementCursor
	}
	q := store.StatementQuery{Limit: indexPage, After: cur, Order: store.StoreOrder}
	page, err := ix.src.Statements(ctx, q)
	if err != nil {
		return state, fmt.Errorf("statements: %w", err)
	}
	l := ix.linker(k)
	var links []store.StanceLink
	for i := range page {
		links = l.link(&page[i], links)
	}
	ix.stats.Statements += len(page)
	w := store.LinkWrite{Dossier: state.ID, Expect: state.Rev, Links: links,
		Watermark: state.Watermark, Building: len(page) == q.Limit, Known: state.Known}
	if w.Building {
		b, _ := json.Marshal(passCursor{By: "store", StatementCursor: *page[len(page)-1].Cursor()})
		w.Cursor = string(b)
	}
	return ix.src.WriteLinks(ctx, w)
}

// catchUp relinks the articles changed since the watermark.
func (ix *indexer) catchUp(ctx context.Context, state store.DossierState) (store.DossierState, error) {
	head, err := ix.src.LinkHead(ctx)
	if err != nil {
		return state, err
	}
	if head <= state.Watermark {
		return state, nil
	}
	ids, err := ix.src.LinkChanges(ctx, state.Watermark, head)
	if err != nil {
		return state, err
	}
	// Only a change of statements can change a speaker's side.
	old, err := decodeKnown(state.Known)
	if err != nil {
		return state, err
	}
	kn, err := ix.speakers(ctx)
	if err != nil {
		return state, err
	}
	dirty := map[int64]bool{}
	for _, id := range ids {
		dirty[id] = true
	}
	var changed []string
	for name := range maps.Keys(old) {
		if kn.Parties[name] != old[name] {
			changed = append(changed, name)
		}
	}
	for name := range maps.Keys(kn.Parties) {
		if _, ok := old[name]; !ok {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	for _, name := range changed {
		// Every statement of a speaker of that name (their actors'
		// statements; a statement whose own fields give a side is linked
		// again the same way, which is harmless).
		for _, actor := range kn.actors[name] {
			q := store.StatementQuery{ActorID: actor, Limit: store.MaxLimit}
			for {
				page, err := ix.src.Statements(ctx, q)
				if err != nil {
					return state, fmt.Errorf("statements of %s: %w", name, err)
				}
				for _, st := range page {
					if st.Speaker.Name == name {
						dirty[st.ArticleID] = true
					}
				}
				if len(page) < q.Limit {
					break
				}
				q.After = page[len(page)-1].Cursor()
			}
		}
	}
	ix.stats.Relinked = append(ix.stats.Relinked, changed...)
	all := slices.Sorted(maps.Keys(dirty))
	l := ix.linker(kn.Parties)
	enc := kn.encode()
	for i := 0; i < len(all) || i == 0; i += indexArticles {
		part := all[i:min(i+indexArticles, len(all))]
		var links []store.StanceLink
		for _, id := range part {
			// Current statements only: a retired or deleted article
			// keeps no link.
			sts, err := ix.src.Statements(ctx, store.StatementQuery{ArticleID: id, Limit: store.MaxLimit})
			if err != nil {
				return state, fmt.Errorf("statements of article %d: %w", id, err)
			}
			ix.stats.Statements += len(sts)
			for j := range sts {
				links = l.link(&sts[j], links)
			}
		}
		ix.stats.Articles += len(part)
		last := i+indexArticles >= len(all)
		w := store.LinkWrite{Dossier: state.ID, Expect: state.Rev, Replace: part, Links: links,
			Watermark: state.Watermark, Known: state.Known}
		if last {
			// The new sides and the watermark only with the last step:
			// an interrupted catch-up starts again from the old ones.
			w.Watermark, w.Known = head, enc
		}
		if state, err = ix.src.WriteLinks(ctx, w); err != nil {
			return state, err
		}
	}
	return state, nil
}

// linker links statements the way folder.add does.
type linker struct {
	d     *Dossier
	c     *Classifier
	known map[string]string
	memo  map[string]string
}

func (ix *indexer) linker(k map[string]string) *linker {
	return &linker{d: ix.d, c: ix.c, known: k, memo: map[string]string{}}
}

// link appends st's links to out.
func (l *linker) link(st *store.StoredStatement, out []store.StanceLink) []store.StanceLink {
	date, ok := statementDay(l.d, st)
	if !ok {
		return out
	}
	party := sideOf(l.d, l.known, l.memo, st.Speaker)
	for n, lk := range l.c.Classify(Utterance{Text: st.Text, Party: party}) {
		w := 2
		if lk.Reported || lk.Derived {
			w = 1
		}
		out = append(out, store.StanceLink{ArticleID: st.ArticleID, Seq: st.Seq, N: n,
			Issue: lk.Issue, Party: lk.Party, Day: date, Stance: string(lk.Stance), Weight: w,
			Reported: lk.Reported, Derived: lk.Derived, Phrase: lk.Phrase, Cue: lk.Cue, Span: lk.Span,
			Order: orderKey(st, lk.Derived, n)})
	}
	return out
}

// orderKey sorts the links of one day as fold does: by publication, then
// article (URL, else source), then article id and place in it, then
// first-hand before derived, then the link's place among its statement's.
// Strings compare bytewise; fields are separated by \x01 (below every
// printable byte, so a shorter field that is a prefix of a longer one
// sorts first, as in Go) and numbers are zero-padded.
func orderKey(st *store.StoredStatement, derived bool, n int) string {
	d := 0
	if derived {
		d = 1
	}
	return fmt.Sprintf("%s\x01%s\x01%019d\x01%010d\x01%d\x01%04d", st.Published, articleKey(st), st.ArticleID, st.Seq, d, n)
}

// positionsIndexed folds d's cells from the store's per-day summaries and
// reads only the evidence shown: each change's statement and the cell's
// latest opt.Evidence statements.
func positionsIndexed(ctx context.Context, src IndexSource, d *Dossier, state store.DossierState, opt Options) ([]Position, error) {
	days, err := src.DossierDays(ctx, state.ID)
	if err != nil {
		return nil, err
	}
	cells := map[cellKey][]store.CellDay{}
	for _, c := range days {
		k := cellKey{c.Issue, c.Party}
		cells[k] = append(cells[k], c)
	}
	limit := opt.Evidence
	if limit == 0 {
		limit = DefaultEvidence
	}
	var out []Position
	ev := evidenceReader{src: src, cache: map[int64]map[int]*store.StoredStatement{}}
	for _, is := range d.Issues {
		for _, p := range d.Parties {
			rows := cells[cellKey{is.ID, p.Name}]
			if len(rows) == 0 {
				continue
			}
			pos, changes := foldDays(is.ID, p.Name, rows)
			if pos.Stance == Unclear && !opt.KeepUnclear {
				continue
			}
			n := limit
			if n < 0 {
				n = store.MaxLimit * 100
			}
			links, err := src.DossierLinks(ctx, state.ID, is.ID, p.Name, n)
			if err != nil {
				return nil, err
			}
			for _, ch := range changes {
				l, err := src.DossierLink(ctx, state.ID, is.ID, p.Name, ch.day, string(ch.stance), ch.first)
				if err != nil {
					return nil, err
				}
				links = append(links, l)
			}
			slices.SortFunc(links, func(a, b store.StanceLink) int {
				if c := strings.Compare(a.Day, b.Day); c != 0 {
					return c
				}
				return strings.Compare(a.Order, b.Order)
			})
			links = slices.CompactFunc(links, func(a, b store.StanceLink) bool { return a.Day == b.Day && a.Order == b.Order })
			for _, l := range links {
				e, err := ev.evidence(ctx, l)
				if err != nil {
					return nil, err
				}
				pos.Evidence = append(pos.Evidence, e)
			}
			for i, ch := range changes {
				pos.History[i].Evidence, _ = slices.BinarySearchFunc(links, ch, func(l store.StanceLink, c dayChange) int {
					if x := strings.Compare(l.Day, c.day); x != 0 {
						return x
					}
					return strings.Compare(l.Order, c.first)
				})
			}
			out = append(out, pos)
		}
	}
	return applyOverrides(d, out, opt.Corrections), nil
}

// dayChange is where a change of a cell's history comes from: its day and
// the Order of its first statement of the new stance.
type dayChange struct {
	day, first string
	stance     Stance
}

// foldDays is fold over a cell's per-day sums (rows sorted by day): the
// same votes, the same rule for a change to hold, the same Since and
// Reported. History's Evidence is left to the caller (changes say which
// links they are).
func foldDays(issue, party string, rows []store.CellDay) (Position, []dayChange) {
	pos := Position{Issue: issue, Party: party, History: []Change{}, Evidence: []Evidence{}}
	var changes []dayChange
	// Suffix sums of each stance's weight from each day on.
	type day struct {
		date   string
		counts map[Stance]int
		first  map[Stance]string
	}
	var ds []day
	own := 0
	for _, r := range rows {
		if len(ds) == 0 || ds[len(ds)-1].date != r.Day {
			ds = append(ds, day{date: r.Day, counts: map[Stance]int{}, first: map[Stance]string{}})
		}
		x := &ds[len(ds)-1]
		x.counts[Stance(r.Stance)] += r.Weight
		x.first[Stance(r.Stance)] = r.First
		own += r.Own
		pos.Count += r.Count
	}
	suffix := make([]map[Stance]int, len(ds)+1)
	suffix[len(ds)] = map[Stance]int{}
	for i := len(ds) - 1; i >= 0; i-- {
		m := maps.Clone(suffix[i+1])
		for s, n := range ds[i].counts {
			m[s] += n
		}
		suffix[i] = m
	}
	cur := Stance("")
	last := -1
	for i, x := range ds {
		best := Stance("")
		for s, n := range x.counts {
			if best == "" || n > x.counts[best] || (n == x.counts[best] && stancePriority(s) < stancePriority(best)) {
				best = s
			}
		}
		if best == Unclear && cur != "" {
			continue
		}
		if best != cur && cur != "" && cur != Unclear {
			wNew, wOld := suffix[i][best], suffix[i][cur]
			if wNew < 2 || wNew < wOld {
				continue
			}
		}
		if best != cur {
			pos.History = append(pos.History, Change{Date: nullable(x.date), Stance: best})
			changes = append(changes, dayChange{day: x.date, first: x.first[best], stance: best})
			cur = best
			last = i
		}
	}
	pos.Reported = own == 0
	pos.Stance = cur
	if last >= 0 {
		// The first dated day from the last change on.
		for _, x := range ds[last:] {
			if x.date != "" {
				pos.Since = nullable(x.date)
				break
			}
		}
	}
	return pos, changes
}

// evidenceReader reads the statements behind links, an article at a time.
type evidenceReader struct {
	src   IndexSource
	cache map[int64]map[int]*store.StoredStatement
}

func (r *evidenceReader) evidence(ctx context.Context, l store.StanceLink) (Evidence, error) {
	m, ok := r.cache[l.ArticleID]
	if !ok {
		sts, err := r.src.Statements(ctx, store.StatementQuery{ArticleID: l.ArticleID, Limit: store.MaxLimit})
		if err != nil {
			return Evidence{}, fmt.Errorf("dossier: evidence: %w", err)
		}
		m = map[int]*store.StoredStatement{}
		for i := range sts {
			m[sts[i].Seq] = &sts[i]
		}
		r.cache[l.ArticleID] = m
	}
	lk := Link{Issue: l.Issue, Party: l.Party, Stance: Stance(l.Stance), Reported: l.Reported, Derived: l.Derived,
		Phrase: l.Phrase, Cue: l.Cue, Span: l.Span}
	st := m[l.Seq]
	if st == nil {
		// Changed since the links were read (the next catch-up relinks
		// it): what the link itself says.
		st = &store.StoredStatement{ArticleID: l.ArticleID, Seq: l.Seq}
	}
	return evidenceOf(observation{link: lk, date: l.Day, st: st}), nil
}
