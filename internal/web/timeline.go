package web

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/errtext"
	"github.com/parley-news/parley/internal/facts"
	"github.com/parley-news/parley/internal/meta"
	"github.com/parley-news/parley/internal/store"
)

// The timeline of facts: events and statements in date order, each fact
// once with every outlet that reported it (internal/facts merges the
// reports). A fact's date has a precision, and the timeline draws it:
// a day is a dot; a month or a year is a bar over it; an undated fact sits
// at its time anchor — the publication day of its first report, or, when
// the article has no date either, the article's time anchor (the end of
// the week of the latest date it mentions) — with a whisker over the
// week before the anchor, since what is reported was said or done in the
// days before. Nothing is ever put at the start of the axis for want of a
// date; a fact with no anchor at all is listed apart and not drawn.

// TimelineFact is one fact as the timeline shows it.
type TimelineFact struct {
	facts.Fact
	// Earliest and Latest bound when it happened: equal for a dated day,
	// a month or year for a coarser date, the anchor's week when undated;
	// empty when nothing places it.
	Earliest string `json:"earliest,omitempty"`
	Latest   string `json:"latest,omitempty"`
	// Anchor is the day an undated fact is placed at, and AnchorBasis says
	// why, in plain words.
	Anchor      string `json:"anchor,omitempty"`
	AnchorBasis string `json:"anchor_basis,omitempty"`
	// Issues are the dossier issues whose evidence includes a report of it.
	Issues []string `json:"issues,omitempty"`

	// Drawing, in SVG units.
	Y, X, X0, X1 float64 `json:"-"`
	Exact        bool    `json:"-"` // a day: a dot, no bar
	// CutLeft and CutRight: the bar goes on past the axis (no cap there).
	CutLeft, CutRight bool   `json:"-"`
	Link              string `json:"-"`
}

// TimelineResponse is GET /api/v1/timeline.
type TimelineResponse struct {
	Items      []TimelineFact `json:"items"`
	Total      int            `json:"total"`
	Limit      int            `json:"limit"`
	Offset     int            `json:"offset"`
	NextOffset *int           `json:"next_offset"`
	// From and To span every fact of the query (not only this page).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Earlier is set when the store holds more than the timeline's window
	// (the newest timelineWindow events and statements): the items are
	// the facts dated after it, and the query with to=Earlier lists the
	// earlier ones.
	Earlier string `json:"earlier,omitempty"`
}

// timelineWindow is how many events and how many statements, the newest,
// a timeline request reads: enough for months of close coverage, few
// enough that merging and the syndication check take a fraction of a
// second on any store. Older facts are a click ("Earlier") away.
const timelineWindow = 2000

func (s *Server) windowSize() int {
	if s.window > 0 {
		return s.window
	}
	return timelineWindow
}

// timelineFilter is what a timeline request asks for.
type timelineFilter struct {
	Actor, Issue, Outlet, Kind, From, To string
}

func readTimelineFilter(r *http.Request) (timelineFilter, error) {
	v := r.URL.Query()
	f := timelineFilter{
		Actor:  strings.TrimSpace(v.Get("actor")),
		Issue:  strings.TrimSpace(v.Get("issue")),
		Outlet: strings.TrimSpace(v.Get("outlet")),
		Kind:   strings.TrimSpace(v.Get("kind")),
		From:   strings.TrimSpace(v.Get("from")),
		To:     strings.TrimSpace(v.Get("to")),
	}
	if !validDate(f.From) || !validDate(f.To) {
		return f, badParam("from and to are dates: YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if f.Kind != "" && f.Kind != facts.Event && f.Kind != facts.Statement {
		return f, badParam("kind is event or statement")
	}
	return f, nil
}

// dayRange is the first and last day a date of any precision covers.
func dayRange(d string) (lo, hi time.Time, ok bool) {
	t, ok := day(d)
	if !ok {
		return t, t, false
	}
	switch len(d) {
	case 4:
		return t, t.AddDate(1, 0, -1), true
	case 7:
		return t, t.AddDate(0, 1, -1), true
	}
	return t, t, true
}

const isoDay = "2006-01-02"

// timelineFacts reads the facts of f, in date order, and places each; and
// where the earlier facts begin when the window does not hold them all.
func (s *Server) timelineFacts(ctx context.Context, f timelineFilter, d *dossier.Dossier) ([]TimelineFact, string, error) {
	base, earlier, err := s.placedFacts(ctx, facts.TimelineQuery{From: f.From, To: f.To, Actor: f.Actor, Kind: f.Kind,
		Undated: f.From == "" && f.To == "", Limit: s.windowSize()})
	if err != nil {
		return nil, "", err
	}
	// Issue links: the reports behind each issue's cells, by article.
	type rep struct {
		lo, hi int
		iss    string
	}
	evidence := map[int64][]rep{}
	if d != nil {
		// The positions first: they bring the dossier's index up to date.
		cells, err := s.positions.get(ctx, d)
		if err != nil {
			return nil, "", err
		}
		// Every linked statement of the window's articles, from the
		// index; where there is none (a read-only database, an index
		// still in its first pass), the cells' evidence, which is only
		// the latest statements of each cell.
		marks, err := s.indexedIssues(ctx, d, base)
		if err != nil {
			return nil, "", err
		}
		if marks != nil {
			for _, m := range marks {
				evidence[m.ArticleID] = append(evidence[m.ArticleID], rep{m.Span.Start(), m.Span.End(), m.Issue})
			}
		} else {
			for _, p := range cells {
				for _, e := range p.Evidence {
					evidence[e.ArticleID] = append(evidence[e.ArticleID], rep{e.Span.Start(), e.Span.End(), p.Issue})
				}
			}
		}
	}
	out := make([]TimelineFact, 0, len(base))
	for _, tf := range base {
		if f.Outlet != "" && !hasOutlet(tf.Reports, f.Outlet) {
			continue
		}
		var issues []string
		seen := map[string]bool{}
		for _, r := range tf.Reports {
			for _, e := range evidence[r.ArticleID] {
				if e.lo < r.Span[1] && r.Span[0] < e.hi && !seen[e.iss] {
					seen[e.iss] = true
					issues = append(issues, e.iss)
				}
			}
		}
		if f.Issue != "" && !seen[f.Issue] {
			continue
		}
		tf.Issues = issues // tf is a copy: the cached fact keeps none
		out = append(out, tf)
	}
	return out, earlier, nil
}

// indexedIssues returns the issues linked to the statements of the
// facts' articles in d's index, nil when the index cannot answer (a
// read-only store, a first pass not finished).
func (s *Server) indexedIssues(ctx context.Context, d *dossier.Dossier, list []TimelineFact) ([]store.StatementIssue, error) {
	state, err := s.st.RegisterDossier(ctx, d.IndexHash(), d.Name())
	if err != nil || state.Building {
		return nil, nil //nolint:nilerr // no index: the caller falls back to the evidence
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, f := range list {
		for _, r := range f.Reports {
			if !seen[r.ArticleID] {
				seen[r.ArticleID] = true
				ids = append(ids, r.ArticleID)
			}
		}
	}
	marks, err := s.st.ArticleIssues(ctx, state.ID, ids)
	if err != nil {
		return nil, err
	}
	return marks, nil
}

// factCache keeps the placed facts of recent queries while the store's
// counts stay the same (as the actor index does): merging reports and
// finding anchors reads every article involved, which a page view should
// not redo.
type factCache struct {
	mu    sync.Mutex
	key   store.Stats
	items map[facts.TimelineQuery]placed
}

type placed struct {
	facts   []TimelineFact
	earlier string
}

// placedFacts returns the facts of q with their windows and anchors, and
// where the earlier facts begin (facts.Window).
func (s *Server) placedFacts(ctx context.Context, q facts.TimelineQuery) ([]TimelineFact, string, error) {
	stats, err := s.st.Stats(ctx)
	if err != nil {
		return nil, "", err
	}
	c := &s.factCache
	c.mu.Lock()
	if c.items == nil || !sameCounts(c.key, stats) || len(c.items) > 32 {
		c.items, c.key = map[facts.TimelineQuery]placed{}, stats
	}
	if v, ok := c.items[q]; ok {
		c.mu.Unlock()
		return v.facts, v.earlier, nil
	}
	c.mu.Unlock()
	win, err := facts.TimelineWindow(ctx, s.st, q)
	if err != nil {
		return nil, "", err
	}
	list := win.Facts
	anchors := map[int64][2]string{} // article id → time anchor and its basis
	anchorOf := func(id int64) [2]string {
		if a, ok := anchors[id]; ok {
			return a
		}
		var a [2]string
		// The store does not keep the anchor: it is the pipeline's
		// (meta.AssumedAnchor), found again from the body.
		if arts, err := s.st.ArticleBodies(ctx, []int64{id}); err == nil && len(arts) == 1 && arts[0].Published == "" {
			if t, ok := meta.AssumedAnchor(arts[0].Body); ok {
				a[0] = t.Format(isoDay)
			}
		}
		anchors[id] = a
		return a
	}
	out := make([]TimelineFact, 0, len(list))
	for _, fc := range list {
		tf := TimelineFact{Fact: fc}
		if lo, hi, ok := dayRange(fc.Date); ok {
			tf.Earliest, tf.Latest = lo.Format(isoDay), hi.Format(isoDay)
		} else {
			tf.placeUndated(anchorOf)
		}
		if len(fc.Reports) > 0 {
			r := fc.Reports[0]
			tf.Link = "/articles/" + strconv.FormatInt(r.ArticleID, 10) + "?hl=" + strconv.Itoa(r.Span[0]) + "-" + strconv.Itoa(r.Span[1]) + "#hl"
		}
		out = append(out, tf)
	}
	c.mu.Lock()
	if sameCounts(c.key, stats) {
		c.items[q] = placed{out, win.Earlier}
	}
	c.mu.Unlock()
	return out, win.Earlier, nil
}

// placeUndated puts an undated fact at its first report's publication day,
// else at its article's time anchor, with the week before as its window.
func (tf *TimelineFact) placeUndated(anchorOf func(int64) [2]string) {
	for _, r := range tf.Reports {
		if t, ok := day(r.Published); ok && len(r.Published) >= 10 {
			tf.Anchor = t.Format(isoDay)
			outlet := r.Outlet
			if outlet == "" {
				outlet = "the report"
			}
			tf.AnchorBasis = "no date in the text: placed on the day " + outlet + " published it, and drawn over the week before"
			break
		}
	}
	if tf.Anchor == "" {
		for _, r := range tf.Reports {
			a := anchorOf(r.ArticleID)
			if t, ok := day(a[0]); ok && len(a[0]) >= 10 {
				tf.Anchor = t.Format(isoDay)
				tf.AnchorBasis = "neither the text nor the article is dated: placed at the end of the week of the latest date the article mentions (an assumption), and drawn over that week"
				break
			}
		}
	}
	if t, ok := day(tf.Anchor); ok {
		tf.Earliest, tf.Latest = t.AddDate(0, 0, -6).Format(isoDay), tf.Anchor
	}
}

func hasOutlet(reports []facts.Report, outlet string) bool {
	for _, r := range reports {
		if strings.EqualFold(r.Outlet, outlet) {
			return true
		}
	}
	return false
}

// factSpan returns the first and last day of the axis: the facts placed
// on a day (dated to the day, or undated at an anchor with its week). A
// month or a year would stretch the axis over time nobody spoke in, so
// coarse dates count only when nothing is finer; their bars are cut to
// the axis.
func factSpan(list []TimelineFact) (lo, hi time.Time) {
	for pass := 0; pass < 2 && lo.IsZero(); pass++ {
		for _, f := range list {
			if pass == 0 && f.Anchor == "" && len(f.Date) < 10 {
				continue
			}
			a, ok1 := day(f.Earliest)
			b, ok2 := day(f.Latest)
			if !ok1 || !ok2 {
				continue
			}
			if lo.IsZero() || a.Before(lo) {
				lo = a
			}
			if b.After(hi) {
				hi = b
			}
		}
	}
	return lo, hi
}

// Fact chart geometry, in SVG units.
const (
	fcWidth = 960.0
	fcLeft  = 20.0
	fcRight = 20.0
	fcTop   = 30.0
	fcRow   = 18.0
)

// FactChart is one page of facts drawn on the axis of all of them.
type FactChart struct {
	Width, Height, Left, Right, Axis float64
	Ticks                            []Tick
	Facts                            []TimelineFact
}

func factChart(page []TimelineFact, lo, hi time.Time) FactChart {
	c := FactChart{Width: fcWidth, Left: fcLeft, Right: fcWidth - fcRight, Axis: fcTop - 10}
	if lo.IsZero() {
		return c
	}
	lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
	spanH := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 { return fcLeft + (fcWidth-fcLeft-fcRight)*t.Sub(lo).Hours()/spanH }
	stepDays := max(1, int(spanH/24/6))
	for t := lo; !t.After(hi); t = t.AddDate(0, 0, stepDays) {
		tk := Tick{X: x(t), Label: t.Format(isoDay), Anchor: "middle"}
		switch {
		case tk.X < fcLeft+40:
			tk.Anchor = "start"
		case tk.X > fcWidth-fcRight-40:
			tk.Anchor = "end"
		}
		c.Ticks = append(c.Ticks, tk)
	}
	row := 0
	for _, f := range page {
		a, ok1 := day(f.Earliest)
		b, ok2 := day(f.Latest)
		if !ok1 || !ok2 {
			continue
		}
		f.Y = fcTop + float64(row)*fcRow + fcRow/2
		// Cut to the axis: a year-long bar shows as far as the axis goes;
		// one wholly outside it is listed, not drawn.
		if b.Before(lo) || a.After(hi) {
			continue
		}
		if a.Before(lo) {
			a, f.CutLeft = lo, true
		}
		if b.AddDate(0, 0, 1).After(hi) {
			b, f.CutRight = hi.AddDate(0, 0, -1), true
		}
		if b.Before(a) {
			b = a
		}
		f.X0, f.X1 = x(a), x(b.AddDate(0, 0, 1))
		f.Exact = f.Anchor == "" && len(f.Date) >= 10
		if f.Exact {
			f.X = x(a) + (f.X1-f.X0)/2
		} else if t, ok := day(f.Anchor); ok {
			f.X = x(t) + (f.X1-x(a))/14 // the middle of the anchor day
		} else {
			f.X = (f.X0 + f.X1) / 2
		}
		c.Facts = append(c.Facts, f)
		row++
	}
	c.Height = fcTop + float64(row)*fcRow + 10
	return c
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	f, err := readTimelineFilter(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	d := s.dossierOf(r)
	if f.Issue != "" && d == nil {
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, "issue needs a dossier: "+s.noDossierMsg(r))
		return
	}
	all, earlier, err := s.timelineFacts(r.Context(), f, d)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	l := listOf(window(all, limit, offset), limit, offset)
	resp := TimelineResponse{Items: l.Items, Total: len(all), Limit: l.Limit, Offset: l.Offset, NextOffset: l.NextOffset, Earlier: earlier}
	if lo, hi := factSpan(all); !lo.IsZero() {
		resp.From, resp.To = lo.Format(isoDay), hi.Format(isoDay)
	}
	s.json(w, http.StatusOK, resp)
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, ferr := readTimelineFilter(r)
	status, msg := http.StatusOK, ""
	d := s.dossierOf(r)
	var all []TimelineFact
	var earlier string
	if ferr != nil {
		status, msg = http.StatusBadRequest, errtext.Plain(ferr)
	} else {
		var err error
		if f.Issue != "" && d == nil {
			f.Issue = ""
		}
		if all, earlier, err = s.timelineFacts(ctx, f, d); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	outletNames, err := s.outlets(ctx)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	speakers, err := s.speakers(ctx, 300)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	offset := pageOffset(r)
	win := window(all, pageSize, offset)
	more := len(win) > pageSize
	if more {
		win = win[:pageSize]
	}
	lo, hi := factSpan(all)
	var unplaced []TimelineFact
	for _, f := range win {
		if f.Earliest == "" {
			unplaced = append(unplaced, f)
		}
	}
	outlets := []Option{{Value: "", Label: "any outlet"}}
	for _, o := range outletNames {
		outlets = append(outlets, Option{Value: o, Label: o, Selected: strings.EqualFold(o, f.Outlet)})
	}
	kinds := []Option{{Value: "", Label: "events and statements"}, {Value: facts.Event, Label: "events", Selected: f.Kind == facts.Event}, {Value: facts.Statement, Label: "statements", Selected: f.Kind == facts.Statement}}
	issues := []Option{{Value: "", Label: "any issue"}}
	if d != nil {
		for _, is := range d.Issues {
			issues = append(issues, Option{Value: is.ID, Label: is.ID, Selected: is.ID == f.Issue})
		}
	}
	p := s.newPage(w, r, "Timeline", "timeline")
	p.Data = struct {
		F        timelineFilter
		Chart    FactChart
		Facts    []TimelineFact
		Unplaced []TimelineFact
		Pager    Pager
		Total    int
		From, To string
		Outlets  []Option
		Kinds    []Option
		Issues   []Option
		Dossier  bool
		Error    string
		Speakers []string
		// Earlier: the window ends there (see TimelineResponse.Earlier);
		// EarlierURL lists the facts on and before it.
		Earlier, EarlierURL string
		Window              int
	}{f, factChart(win, lo, hi), win, unplaced, timelinePager(pager(r.URL.Query(), offset, len(win), more), len(all)), len(all),
		fmtDay(lo), fmtDay(hi), outlets, kinds, issues, d != nil, msg, speakers, earlier, earlierURL(r.URL.Query(), earlier), s.windowSize()}
	s.render(w, r, status, "timeline", p)
}

func fmtDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(isoDay)
}

// earlierURL is the timeline query q ending at earlier, from its first
// page; empty when there is nothing earlier.
func earlierURL(q url.Values, earlier string) string {
	if earlier == "" {
		return ""
	}
	q = maps.Clone(q)
	q.Set("to", earlier)
	q.Del("offset")
	return "/timeline?" + q.Encode()
}

func timelinePager(p Pager, total int) Pager {
	p = p.total(total)
	p.AtLeast = false
	p.Total = total
	p.PrevLabel, p.NextLabel = "← Earlier", "Later →"
	return p
}
