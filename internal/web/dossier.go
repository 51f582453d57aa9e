package web

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// DossierInfo names the loaded dossier on the overview.
type DossierInfo struct {
	Name      string `json:"negotiation"`
	Issues    int    `json:"issues"`
	Parties   int    `json:"parties"`
	Positions int    `json:"positions"`
}

// dossierReady reports whether the matrix has a dossier to show.
func (s *Server) dossierReady() bool { return s.dossiers.current("") != nil }

// dossierOf returns the dossier a request asks for (?dossier=NAME) or the
// active one; nil when there is none (or it has errors).
func (s *Server) dossierOf(r *http.Request) *dossier.Dossier {
	return s.dossiers.current(r.URL.Query().Get("dossier"))
}

// syncPositions: up to this many statements, the overview waits for the
// positions to be folded (well under a second); above, it does not.
const syncPositions = 100_000

// dossierInfos describes the active dossier; its number of cells is -1
// until they are computed (the overview never waits for them).
func (s *Server) dossierInfos(ctx context.Context, stats store.Stats) []DossierInfo {
	d := s.dossiers.current("")
	if d == nil {
		return nil
	}
	n := -1
	if cells, ok := s.positions.cached(d); ok {
		n = len(cells)
		_, _ = s.positions.get(ctx, d) // recomputed in the background if the store changed
	} else if stats.Statements <= syncPositions {
		if cells, err := s.positions.get(ctx, d); err == nil {
			n = len(cells)
		}
	} else {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), recomputeTimeout)
			defer cancel()
			if _, err := s.positions.get(ctx, d); err != nil {
				s.log.Warn("positions", "err", err)
			}
		}()
	}
	return []DossierInfo{{Name: d.Negotiation, Issues: len(d.Issues), Parties: len(d.Parties), Positions: n}}
}

// stanceClass is the CSS class of a stance: the known stances by name,
// anything else "other" (a stance string never reaches a class attribute).
func stanceClass(st dossier.Stance) string {
	switch st {
	case dossier.For, dossier.Against, dossier.Counter, dossier.Conditional, dossier.Unclear:
		return "s-" + string(st)
	}
	return "s-other"
}

// evidenceLink opens the article with the statement highlighted and the
// issue phrase, when known, marked inside it.
func evidenceLink(e dossier.Evidence) string {
	if e.ArticleID <= 0 {
		return ""
	}
	u := "/articles/" + strconv.FormatInt(e.ArticleID, 10) + "?hl=" + spanParam(e.Span)
	if e.Match != nil && e.Match.Len() > 0 {
		u += "&m=" + spanParam(*e.Match)
	}
	return u + "#hl"
}

func spanParam(sp article.Span) string {
	return strconv.Itoa(sp.Start()) + "-" + strconv.Itoa(sp.End())
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// EvidenceRow is one statement behind a matrix cell, ready to show.
type EvidenceRow struct {
	dossier.Evidence
	Who, When, Link, Class string
}

// MatrixCell is one issue × party cell.
type MatrixCell struct {
	Party  string
	Stance string
	Class  string
	Since  string
	Anchor string
	// Reported: the cell rests only on other sides' accounts.
	Reported bool
	// Evidence is the latest maxCellEvidence statements behind the cell,
	// oldest first; Total counts them all and Earlier those left out.
	Evidence []EvidenceRow
	Total    int
	Earlier  int
	History  []dossier.Change
	// Override is an analyst's stance for the cell; nil when none.
	Override *dossier.Override
}

// maxCellEvidence bounds the statements the matrix page shows per cell, so
// that the page stays the same size however much coverage there is.
const maxCellEvidence = 20

// MatrixRow is one issue with a cell per party.
type MatrixRow struct {
	Issue dossier.Issue
	Cells []MatrixCell
}

func matrix(d *dossier.Dossier, positions []dossier.Position) []MatrixRow {
	type key struct{ issue, party string }
	by := make(map[key]*dossier.Position, len(positions))
	for i := range positions {
		by[key{positions[i].Issue, positions[i].Party}] = &positions[i]
	}
	rows := make([]MatrixRow, 0, len(d.Issues))
	for i, is := range d.Issues {
		row := MatrixRow{Issue: is}
		for j, p := range d.Parties {
			c := MatrixCell{Party: p.Name, Class: "s-none"}
			if pos := by[key{is.ID, p.Name}]; pos != nil {
				c.Stance, c.Class, c.Since, c.History = string(pos.Stance), stanceClass(pos.Stance), deref(pos.Since), pos.History
				c.Anchor = fmt.Sprintf("ev-%d-%d", i, j)
				c.Reported, c.Override = pos.Reported, pos.Override
				// The positions hold the latest statements (and each
				// change's); Count says how many there are in all.
				shown := pos.Evidence[max(0, len(pos.Evidence)-maxCellEvidence):]
				c.Total = max(pos.Count, len(pos.Evidence))
				c.Earlier = c.Total - len(shown)
				for _, e := range shown {
					who := deref(e.Speaker)
					if who == "" && e.ReportedBy != nil {
						who = "reported by " + *e.ReportedBy
					}
					c.Evidence = append(c.Evidence, EvidenceRow{Evidence: e, Who: who, When: deref(e.Date), Link: evidenceLink(e), Class: stanceClass(e.Stance)})
				}
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	return rows
}

func (s *Server) pageMatrix(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "Positions", "matrix")
	if d := s.dossierOf(r); d != nil {
		cells, err := s.positions.get(r.Context(), d)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		p.Title = "Positions · " + d.Negotiation
		feed := ""
		if e, err := s.dossiers.get(r.URL.Query().Get("dossier")); err == nil {
			feed = "/dossiers/" + e.Name + "/feed.atom"
		}
		p.Data = struct {
			D       *dossier.Dossier
			Rows    []MatrixRow
			Stances []string
			Name    string
			Feed    string
		}{d, matrix(d, cells), []string{"for", "conditional", "counter", "against", "unclear"}, r.URL.Query().Get("dossier"), feed}
	}
	s.render(w, r, http.StatusOK, "matrix", p)
}

// Timeline geometry, in SVG user units.
const (
	tlWidth   = 960.0
	tlLabel   = 250.0 // the lane labels on the left
	tlRight   = 20.0
	tlTop     = 34.0 // the date axis
	tlLane    = 30.0
	tlBar     = 14.0
	tlPadDays = 2
)

// Lane is one cell's stance over time.
type Lane struct {
	Issue    string           `json:"issue"`
	Party    string           `json:"party"`
	Stance   string           `json:"stance"`
	Segments []Segbar         `json:"segments"`
	Dots     []Dot            `json:"evidence"`
	Y        float64          `json:"-"`
	LabelY   float64          `json:"-"`
	BarY     float64          `json:"-"`
	DotY     float64          `json:"-"`
	Changes  []dossier.Change `json:"-"`
}

// Segbar is a stretch of time with one stance.
type Segbar struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Stance string  `json:"stance"`
	Class  string  `json:"-"`
	X      float64 `json:"-"`
	W      float64 `json:"-"`
}

// Dot is one statement on a lane.
type Dot struct {
	Date      string       `json:"date"`
	Stance    string       `json:"stance"`
	ArticleID int64        `json:"article_id"`
	Span      article.Span `json:"span"`
	Text      string       `json:"text"`
	Class     string       `json:"-"`
	Link      string       `json:"-"`
	X         float64      `json:"-"`
}

// Tick is a date on the axis.
type Tick struct {
	X     float64
	Label string
	// Anchor is the label's text-anchor ("" is middle): the first and
	// last labels stay inside the picture.
	Anchor string
}

// Timeline is the whole picture.
type Timeline struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Lanes  []Lane  `json:"lanes"`
	Ticks  []Tick  `json:"-"`
	Width  float64 `json:"-"`
	Height float64 `json:"-"`
	Axis   float64 `json:"-"`
	Right  float64 `json:"-"`
	Label  float64 `json:"-"`
}

// day parses YYYY, YYYY-MM or YYYY-MM-DD (taking the first day).
func day(s string) (time.Time, bool) {
	switch {
	case len(s) >= 10:
		t, err := time.Parse("2006-01-02", s[:10])
		return t, err == nil
	case len(s) == 7:
		t, err := time.Parse("2006-01", s)
		return t, err == nil
	case len(s) == 4:
		t, err := time.Parse("2006", s)
		return t, err == nil
	}
	return time.Time{}, false
}

func timeline(positions []dossier.Position) Timeline {
	tl := Timeline{Width: tlWidth, Label: tlLabel, Right: tlWidth - tlRight, Axis: tlTop - 14, Lanes: []Lane{}}
	var lo, hi time.Time
	seen := func(s *string) {
		if s == nil {
			return
		}
		if t, ok := day(*s); ok {
			if lo.IsZero() || t.Before(lo) {
				lo = t
			}
			if t.After(hi) {
				hi = t
			}
		}
	}
	for _, p := range positions {
		for _, e := range p.Evidence {
			seen(e.Date)
		}
	}
	if lo.IsZero() { // nothing dated: an arbitrary week, so the lanes still draw
		lo = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		hi = lo
	}
	lo, hi = lo.AddDate(0, 0, -tlPadDays), hi.AddDate(0, 0, tlPadDays)
	tl.From, tl.To = lo.Format("2006-01-02"), hi.Format("2006-01-02")
	span := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 {
		return tlLabel + (tlWidth-tlLabel-tlRight)*t.Sub(lo).Hours()/span
	}
	xs := func(s *string, def time.Time) float64 {
		if s != nil {
			if t, ok := day(*s); ok {
				return x(t)
			}
		}
		return x(def)
	}
	// About six ticks on whole days.
	stepDays := max(1, int(span/24/6))
	for t := lo; !t.After(hi); t = t.AddDate(0, 0, stepDays) {
		tl.Ticks = append(tl.Ticks, Tick{X: x(t), Label: t.Format("2006-01-02")})
	}
	for i, p := range positions {
		y := tlTop + float64(i)*tlLane
		ln := Lane{Issue: p.Issue, Party: p.Party, Stance: string(p.Stance), Y: y, LabelY: y + tlLane/2 + 4, BarY: y + (tlLane-tlBar)/2, DotY: y + tlLane/2, Changes: p.History, Segments: []Segbar{}, Dots: []Dot{}}
		for k, c := range p.History {
			x0 := xs(c.Date, lo)
			x1 := x(hi)
			to := tl.To
			if k+1 < len(p.History) {
				x1 = xs(p.History[k+1].Date, hi)
				to = deref(p.History[k+1].Date)
			}
			from := deref(c.Date)
			if from == "" {
				from = tl.From
			}
			ln.Segments = append(ln.Segments, Segbar{From: from, To: to, Stance: string(c.Stance), Class: stanceClass(c.Stance), X: x0, W: max(2, x1-x0)})
		}
		for _, e := range p.Evidence {
			if e.Date == nil {
				continue
			}
			ln.Dots = append(ln.Dots, Dot{Date: *e.Date, Stance: string(e.Stance), ArticleID: e.ArticleID, Span: e.Span, Text: e.Text,
				Class: stanceClass(e.Stance), Link: evidenceLink(e), X: xs(e.Date, lo)})
		}
		tl.Lanes = append(tl.Lanes, ln)
	}
	tl.Height = tlTop + float64(len(positions))*tlLane + 10
	return tl
}

func (s *Server) pageStances(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "Stances over time", "matrix")
	if d := s.dossierOf(r); d != nil {
		cells, err := s.positions.get(r.Context(), d)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		p.Title = "Stances over time · " + d.Negotiation
		p.Data = struct {
			D  *dossier.Dossier
			TL Timeline
		}{d, timeline(cells)}
	}
	s.render(w, r, http.StatusOK, "stances", p)
}

// PositionsResponse is GET /api/v1/positions: the dossier and a page of its cells.
type PositionsResponse struct {
	Negotiation string             `json:"negotiation"`
	Issues      []dossier.Issue    `json:"issues"`
	Parties     []dossier.Party    `json:"parties"`
	Items       []dossier.Position `json:"items"`
	Limit       int                `json:"limit"`
	Offset      int                `json:"offset"`
	NextOffset  *int               `json:"next_offset"`
}

const noDossier = "no dossier loaded (start the server with --dossier FILE, or add one at /dossiers)"

// noDossierMsg says why a request has no dossier: the one it named does
// not exist (or has errors), or none is loaded.
func (s *Server) noDossierMsg(r *http.Request) string {
	if n := r.URL.Query().Get("dossier"); n != "" {
		if e, err := s.dossiers.get(n); err == nil && e.D == nil {
			return "dossier " + quoteName(n) + " has errors; fix it at /dossiers/" + n
		}
		return "no dossier named " + quoteName(n)
	}
	return noDossier
}

func (s *Server) apiPositions(w http.ResponseWriter, r *http.Request) {
	d := s.dossierOf(r)
	if d == nil {
		s.fail(w, r, http.StatusNotFound, codeNotFound, s.noDossierMsg(r))
		return
	}
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	cells, err := s.positions.get(r.Context(), d)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	l := listOf(window(cells, limit, offset), limit, offset)
	s.json(w, http.StatusOK, PositionsResponse{Negotiation: d.Negotiation, Issues: d.Issues, Parties: d.Parties,
		Items: l.Items, Limit: l.Limit, Offset: l.Offset, NextOffset: l.NextOffset})
}

func (s *Server) apiStances(w http.ResponseWriter, r *http.Request) {
	d := s.dossierOf(r)
	if d == nil {
		s.fail(w, r, http.StatusNotFound, codeNotFound, s.noDossierMsg(r))
		return
	}
	cells, err := s.positions.get(r.Context(), d)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.json(w, http.StatusOK, timeline(cells))
}

func removeAll(dir string) { _ = os.RemoveAll(dir) }
