package web

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// ActorSummary is one speaker as the statements show it.
type ActorSummary struct {
	ID          int64    `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	// Titles are the titles the speaker was given, in the order first seen,
	// with the dates they were seen between.
	Titles     []TitleSpan `json:"titles"`
	Statements int         `json:"statements"`
	Outlets    []string    `json:"outlets"`
	First      string      `json:"first,omitempty"`
	Last       string      `json:"last,omitempty"`
}

// TitleSpan is a title an actor held in the coverage, and when.
type TitleSpan struct {
	Title string `json:"title"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Count int    `json:"count"`
}

// actorIndex derives the actor list and the outlet list from the stored
// statements (the store has no actor listing of its own). When the
// store's counts change (an ingest by the CLI on the same database, say) it
// is rebuilt in the background while the previous snapshot goes on serving:
// no request waits for a rebuild, except the very first ones (there is
// nothing to serve yet) and an ingest by this server, which rebuilds it
// before answering so that its user sees what was added.
type actorIndex struct {
	st store.Store
	// keep: hold the statements in the snapshot for dossiers' positions.
	keep bool
	log  *slog.Logger
	cur  atomic.Pointer[indexed]
	// first serialises the first build; building is set while a
	// background rebuild runs (at most one at a time).
	first    sync.Mutex
	building atomic.Bool
	// rebuilds counts the builds made (tests).
	rebuilds atomic.Int64
}

// indexed is a snapshot with the counts it was built at.
type indexed struct {
	snap *snapshot
	key  store.Stats
	// fix is the newest correction's id when it was built: a correction
	// changes no count.
	fix int64
}

// lastCorrection returns the id of the newest correction (0: none).
func (x *actorIndex) lastCorrection(ctx context.Context) int64 {
	cs, err := x.st.Corrections(ctx, store.CorrectionQuery{Limit: 1})
	if err != nil || len(cs) == 0 {
		return 0
	}
	return cs[0].ID
}

// cellCorrections reads every stance cell correction.
func cellCorrections(ctx context.Context, st store.Store) ([]store.Correction, error) {
	var out []store.Correction
	q := store.CorrectionQuery{Kind: store.CorrectCell, Limit: store.MaxLimit}
	for {
		page, err := st.Corrections(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < q.Limit {
			return out, nil
		}
		q.After = page[len(page)-1].ID
	}
}

// rebuildTimeout bounds a background rebuild.
const rebuildTimeout = 2 * time.Minute

// snapshot is what the index derived from one state of the store.
type snapshot struct {
	actors  []ActorSummary // most statements first
	by      map[int64]int  // actor id -> index in actors
	outlets []string
	// stmts are the statements read (kept for dossiers only).
	stmts []store.StoredStatement
	// statements counts the statements read.
	statements int

	// cells are the stance cell corrections, applied to positions.
	cells []store.Correction
	// pos caches each dossier's cells over this state of the store.
	pmu sync.Mutex
	pos map[*dossier.Dossier][]dossier.Position
	log *slog.Logger
}

// positions folds the snapshot's statements into d's matrix, once per
// dossier and snapshot.
func (sn *snapshot) positions(d *dossier.Dossier) []dossier.Position {
	if d == nil {
		return nil
	}
	sn.pmu.Lock()
	defer sn.pmu.Unlock()
	if p, ok := sn.pos[d]; ok {
		return p
	}
	if sn.pos == nil || len(sn.pos) > 16 { // replaced dossiers: start over
		sn.pos = map[*dossier.Dossier][]dossier.Position{}
	}
	p := dossier.Positions(d, sn.stmts, dossier.Options{Logger: sn.log, Corrections: sn.cells})
	sn.pos[d] = p
	return p
}

func newActorIndex(st store.Store, keep bool, log *slog.Logger) *actorIndex {
	return &actorIndex{st: st, keep: keep, log: log}
}

// maxIndexed bounds the statements read to build the index.
const maxIndexed = 200_000

// sameCounts reports whether two Stats describe the same state as far as
// anyone can tell cheaply: an ingest adds rows, a reanalysis changes the
// pipeline counts (or the numbers of analyses).
func sameCounts(a, b store.Stats) bool {
	if a.Articles != b.Articles || a.Versions != b.Versions || a.Statements != b.Statements ||
		a.Mentions != b.Mentions || a.Timexes != b.Timexes || a.Actors != b.Actors || a.Aliases != b.Aliases ||
		a.FirstPublished != b.FirstPublished || a.LastPublished != b.LastPublished || len(a.Pipelines) != len(b.Pipelines) {
		return false
	}
	for k, v := range a.Pipelines {
		if b.Pipelines[k] != v {
			return false
		}
	}
	return true
}

// get returns the latest snapshot, starting a background rebuild when the
// store's counts changed since it was built.
func (x *actorIndex) get(ctx context.Context) (*snapshot, error) {
	stats, err := x.st.Stats(ctx) // cheap: the store caches its counts
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if cur := x.cur.Load(); cur != nil {
		if !sameCounts(cur.key, stats) || cur.fix != x.lastCorrection(ctx) {
			x.rebuildAsync()
		}
		return cur.snap, nil
	}
	x.first.Lock()
	defer x.first.Unlock()
	if cur := x.cur.Load(); cur != nil {
		return cur.snap, nil
	}
	return x.refresh(ctx)
}

// rebuildAsync starts a background rebuild unless one is running.
func (x *actorIndex) rebuildAsync() {
	if !x.building.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer x.building.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), rebuildTimeout)
		defer cancel()
		if _, err := x.refresh(ctx); err != nil {
			x.log.Warn("actor index rebuild failed; the previous one still serves", "err", err)
		}
	}()
}

// refresh builds a snapshot of the store as it is now and makes it the
// current one.
func (x *actorIndex) refresh(ctx context.Context) (*snapshot, error) {
	stats, err := x.st.Stats(ctx) // before reading: a write meanwhile means another rebuild
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	fix := x.lastCorrection(ctx)
	snap, err := x.build(ctx)
	if err != nil {
		return nil, err
	}
	if snap.cells, err = cellCorrections(ctx, x.st); err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	x.rebuilds.Add(1)
	x.cur.Store(&indexed{snap: snap, key: stats, fix: fix})
	return snap, nil
}

// build reads the statements (at most maxIndexed) into a snapshot.
func (x *actorIndex) build(ctx context.Context) (*snapshot, error) {
	var kept []store.StoredStatement // for the dossier
	type acc struct {
		ActorSummary
		aliases map[string]bool
		outlets map[string]bool
		titles  map[string]int // title -> index in Titles
	}
	accs := map[int64]*acc{}
	outlets := map[string]bool{}
	q := store.StatementQuery{Limit: store.MaxLimit}
	read := 0
	for read < maxIndexed {
		rows, err := x.st.Statements(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("statements: %w", err)
		}
		if x.keep {
			kept = append(kept, rows...)
		}
		// Rows come newest first; each title's date range is widened as
		// rows come, and the titles are put in date order at the end.
		for i := range rows {
			s := &rows[i]
			if s.Outlet != "" {
				outlets[s.Outlet] = true
			}
			if s.ActorID == 0 {
				continue
			}
			a := accs[s.ActorID]
			if a == nil {
				a = &acc{ActorSummary: ActorSummary{ID: s.ActorID, Name: s.Speaker.Name, Kind: s.Speaker.Kind, Affiliation: s.Speaker.Affiliation},
					aliases: map[string]bool{}, outlets: map[string]bool{}, titles: map[string]int{}}
				accs[s.ActorID] = a
			}
			a.Statements++
			if a.Affiliation == "" {
				a.Affiliation = s.Speaker.Affiliation
			}
			for _, al := range s.Speaker.Aliases {
				a.aliases[al] = true
			}
			if s.Speaker.Name != "" && s.Speaker.Name != a.Name {
				a.aliases[s.Speaker.Name] = true
			}
			if s.Outlet != "" {
				a.outlets[s.Outlet] = true
			}
			d := s.EffectiveDate
			if d != "" {
				if a.First == "" || d < a.First {
					a.First = d
				}
				if d > a.Last {
					a.Last = d
				}
			}
			if t := strings.TrimSpace(s.Speaker.Title); t != "" {
				k := strings.ToLower(t)
				j, seen := a.titles[k]
				if !seen {
					j = len(a.Titles)
					a.titles[k] = j
					a.Titles = append(a.Titles, TitleSpan{Title: t})
				}
				ts := &a.Titles[j]
				ts.Count++
				if d != "" {
					if ts.From == "" || d < ts.From {
						ts.From = d
					}
					if d > ts.To {
						ts.To = d
					}
				}
			}
		}
		read += len(rows)
		if len(rows) < q.Limit {
			break
		}
		q.After = rows[len(rows)-1].Cursor()
	}
	all := make([]ActorSummary, 0, len(accs))
	for _, a := range accs {
		for al := range a.aliases {
			a.Aliases = append(a.Aliases, al)
		}
		sort.Strings(a.Aliases)
		for o := range a.outlets {
			a.Outlets = append(a.Outlets, o)
		}
		sort.Strings(a.Outlets)
		// Titles over time: earliest first; undated last.
		sort.SliceStable(a.Titles, func(i, j int) bool {
			fi, fj := a.Titles[i].From, a.Titles[j].From
			if (fi == "") != (fj == "") {
				return fi != ""
			}
			return fi < fj
		})
		if a.Titles == nil {
			a.Titles = []TitleSpan{}
		}
		if a.Outlets == nil {
			a.Outlets = []string{}
		}
		all = append(all, a.ActorSummary)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Statements != all[j].Statements {
			return all[i].Statements > all[j].Statements
		}
		return all[i].Name < all[j].Name
	})
	by := make(map[int64]int, len(all))
	for i, a := range all {
		by[a.ID] = i
	}
	outs := make([]string, 0, len(outlets))
	for o := range outlets {
		outs = append(outs, o)
	}
	sort.Strings(outs)
	snap := &snapshot{actors: all, by: by, outlets: outs, statements: read, stmts: kept, log: x.log}
	return snap, nil
}
