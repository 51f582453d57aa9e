package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
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
	// cursor continues the ranking after this actor.
	cursor *store.ActorCursor
}

// TitleSpan is a title an actor held in the coverage, and when.
type TitleSpan struct {
	Title string `json:"title"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Count int    `json:"count"`
}

// actorSummaryOf renders a stored actor, with the aggregates the store keeps for
// it (every statement of every current article counted), as the pages show
// it: titles merged case-insensitively with the dates they were seen
// between, the names the statements gave it as aliases.
func actorSummaryOf(a store.StoredActor) ActorSummary {
	out := ActorSummary{ID: a.ID, Name: a.Name, Kind: a.Kind, Affiliation: a.Affiliation, Statements: a.Statements,
		Outlets: a.Outlets, First: a.First, Last: a.Last, Titles: []TitleSpan{}, cursor: a.Cursor()}
	if out.Outlets == nil {
		out.Outlets = []string{}
	}
	aliases := map[string]bool{}
	for _, al := range a.Aliases {
		aliases[al] = true
	}
	titles := map[string]int{}
	affs := map[string]int{}
	for _, f := range a.Forms {
		if f.Name != "" && f.Name != a.Name {
			aliases[f.Name] = true
		}
		if f.Affiliation != "" {
			affs[f.Affiliation] += f.Statements
		}
		t := strings.TrimSpace(f.Title)
		if t == "" {
			continue
		}
		k := strings.ToLower(t)
		j, seen := titles[k]
		if !seen {
			j = len(out.Titles)
			titles[k] = j
			out.Titles = append(out.Titles, TitleSpan{Title: t})
		}
		ts := &out.Titles[j]
		ts.Count += f.Statements
		if f.First != "" && (ts.From == "" || f.First < ts.From) {
			ts.From = f.First
		}
		if f.Last > ts.To {
			ts.To = f.Last
		}
	}
	if out.Affiliation == "" {
		best := 0
		for aff, n := range affs {
			if n > best || n == best && aff < out.Affiliation {
				out.Affiliation, best = aff, n
			}
		}
	}
	for al := range aliases {
		out.Aliases = append(out.Aliases, al)
	}
	sort.Strings(out.Aliases)
	// Titles over time: earliest first; undated last.
	sort.SliceStable(out.Titles, func(i, j int) bool {
		fi, fj := out.Titles[i].From, out.Titles[j].From
		if (fi == "") != (fj == "") {
			return fi != ""
		}
		return fi < fj
	})
	return out
}

// actors lists a page of speakers, most statements first, from the store.
func (s *Server) actors(ctx context.Context, q store.ActorQuery) ([]ActorSummary, error) {
	q.Speaking, q.Detail = true, true
	list, err := s.st.Actors(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	out := make([]ActorSummary, len(list))
	for i, a := range list {
		out[i] = actorSummaryOf(a)
	}
	return out, nil
}

// actor returns one speaker; store.ErrNotFound when there is none.
func (s *Server) actor(ctx context.Context, id int64) (ActorSummary, error) {
	list, err := s.actors(ctx, store.ActorQuery{ID: id, Limit: 1})
	if err != nil {
		return ActorSummary{}, err
	}
	if len(list) == 0 {
		return ActorSummary{}, fmt.Errorf("%w: actor %d", store.ErrNotFound, id)
	}
	return list[0], nil
}

// maxOutlets bounds the outlets offered in a filter's menu.
const maxOutlets = 500

// outlets lists the outlet names of current articles.
func (s *Server) outlets(ctx context.Context) ([]string, error) {
	list, err := s.st.Outlets(ctx, maxOutlets)
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	out := make([]string, len(list))
	for i, o := range list {
		out[i] = o.Name
	}
	return out, nil
}

// speakers returns the names of the n most quoted speakers (for the
// speaker box's suggestions).
func (s *Server) speakers(ctx context.Context, n int) ([]string, error) {
	list, err := s.st.Actors(ctx, store.ActorQuery{Speaking: true, Limit: n})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Name
	}
	return out, nil
}

// encodeCursor and decodeCursor turn a store cursor into the opaque "after"
// parameter of pages and API lists and back.
func encodeCursor(c any) string {
	b, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, c any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, c)
	}
	if err != nil {
		return fmt.Errorf("%w: after: not a cursor this server gave", errBadParam)
	}
	return nil
}

// positionCache keeps each dossier's cells, computed by streaming every
// statement of the store (dossier.PositionsFrom), with the store's counts
// they were computed at. When the counts change (an ingest, by this server
// or by the CLI on the same database) the cells are recomputed in the
// background while the previous ones go on serving: no request waits,
// except the very first one for a dossier and an ingest by this server,
// which recomputes before answering so that its user sees what was added.
type positionCache struct {
	st  store.Store
	log *slog.Logger
	mu  sync.Mutex
	m   map[*dossier.Dossier]*cachedPositions
	// builds counts the computations made (tests).
	builds atomic.Int64
}

type cachedPositions struct {
	first    sync.Mutex // serialises the first computation
	cur      atomic.Pointer[positionsAt]
	building atomic.Bool
}

type positionsAt struct {
	cells []dossier.Position
	key   store.Stats
	// fix is the newest correction's id when they were computed: a
	// correction changes no count.
	fix int64
}

// recomputeTimeout bounds a background recomputation.
const recomputeTimeout = 10 * time.Minute

func newPositionCache(st store.Store, log *slog.Logger) *positionCache {
	return &positionCache{st: st, log: log, m: map[*dossier.Dossier]*cachedPositions{}}
}

func (pc *positionCache) entry(d *dossier.Dossier) *cachedPositions {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	e := pc.m[d]
	if e == nil {
		if len(pc.m) > 16 { // replaced dossiers: start over
			pc.m = map[*dossier.Dossier]*cachedPositions{}
		}
		e = &cachedPositions{}
		pc.m[d] = e
	}
	return e
}

// get returns d's cells, starting a background recomputation when the
// store changed since they were computed.
func (pc *positionCache) get(ctx context.Context, d *dossier.Dossier) ([]dossier.Position, error) {
	if d == nil {
		return nil, nil
	}
	stats, err := pc.st.Stats(ctx) // cheap: counters
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	e := pc.entry(d)
	if cur := e.cur.Load(); cur != nil {
		if !sameCounts(cur.key, stats) || cur.fix != lastCorrection(ctx, pc.st) {
			pc.recomputeAsync(d, e)
		}
		return cur.cells, nil
	}
	e.first.Lock()
	defer e.first.Unlock()
	if cur := e.cur.Load(); cur != nil {
		return cur.cells, nil
	}
	return pc.compute(ctx, d, e)
}

// cached returns d's cells if they were computed, without computing.
func (pc *positionCache) cached(d *dossier.Dossier) ([]dossier.Position, bool) {
	if d == nil {
		return nil, false
	}
	if cur := pc.entry(d).cur.Load(); cur != nil {
		return cur.cells, true
	}
	return nil, false
}

// refresh recomputes the cells of every dossier computed so far.
func (pc *positionCache) refresh(ctx context.Context) error {
	pc.mu.Lock()
	ds := make([]*dossier.Dossier, 0, len(pc.m))
	for d := range pc.m {
		ds = append(ds, d)
	}
	pc.mu.Unlock()
	for _, d := range ds {
		if _, err := pc.compute(ctx, d, pc.entry(d)); err != nil {
			return err
		}
	}
	return nil
}

func (pc *positionCache) recomputeAsync(d *dossier.Dossier, e *cachedPositions) {
	if !e.building.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer e.building.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), recomputeTimeout)
		defer cancel()
		if _, err := pc.compute(ctx, d, e); err != nil {
			pc.log.Warn("positions recomputation failed; the previous ones still serve", "err", err)
		}
	}()
}

func (pc *positionCache) compute(ctx context.Context, d *dossier.Dossier, e *cachedPositions) ([]dossier.Position, error) {
	stats, err := pc.st.Stats(ctx) // before reading: a write meanwhile means another computation
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	fix := lastCorrection(ctx, pc.st)
	fixes, err := cellCorrections(ctx, pc.st)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	cells, err := dossier.PositionsFrom(ctx, pc.st, d, dossier.Options{Logger: pc.log, Corrections: fixes})
	if err != nil {
		return nil, err
	}
	pc.builds.Add(1)
	e.cur.Store(&positionsAt{cells: cells, key: stats, fix: fix})
	return cells, nil
}

// lastCorrection returns the id of the newest correction (0: none).
func lastCorrection(ctx context.Context, st store.Store) int64 {
	cs, err := st.Corrections(ctx, store.CorrectionQuery{Limit: 1})
	if err != nil || len(cs) == 0 {
		return 0
	}
	return cs[0].ID
}

// cellCorrections reads every stance cell correction.
func cellCorrections(ctx context.Context, st store.Store) ([]store.Correction, error) {
	return store.AllCorrections(ctx, st, store.CorrectionQuery{Kind: store.CorrectCell})
}

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
