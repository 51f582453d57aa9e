package dossier

import (
	"cmp"
	"context"
	"encoding/json"
	"math/rand"
	"slices"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// stmt builds a stored statement whose text sits at offset 100 of its body.
func stmt(art int64, seq int, date, speaker, aff, text string) store.StoredStatement {
	return store.StoredStatement{
		ArticleID: art, Seq: seq, EffectiveDate: date,
		Statement: article.Statement{
			Speaker: article.Actor{Name: speaker, Affiliation: aff, Kind: article.Person},
			Text:    text, Span: article.Span{80, 100 + len(text)}, TextSpan: article.Span{100, 100 + len(text)},
		},
		Source: "src-" + string(rune('a'+art)), Outlet: "Test Wire",
	}
}

func testStatements() []store.StoredStatement {
	return []store.StoredStatement{
		stmt(1, 0, "2040-03-01", "Ana Ruiz", "Sylvania", "Sylvania demands that Freedonia halt the dam."),
		stmt(1, 1, "2040-03-01", "Jon Berg", "Freedonia", "Freedonia rejected an equal share of the water."),
		stmt(2, 0, "2040-03-05", "Jon Berg", "Freedonia", "Fredville is prepared to discuss half of the flow, provided that Sylvania shares its river data."),
		stmt(3, 0, "2040-03-09", "Jon Berg", "", "Fredville would offer half of the flow."),
		stmt(3, 1, "2040-03-09", "Ana Ruiz", "Sylvania", "Freedonia has ignored the joint commission we proposed."),
		stmt(4, 0, "2039-05-01", "Ana Ruiz", "Sylvania", "Sylvania wants joint monitoring."),           // before the dossier's from
		stmt(5, 0, "", "Ana Ruiz", "Sylvania", "we need an equal share of the water."),                 // undated
		stmt(6, 0, "2040-03-10", "a farmer", "", "the dam must be finished."),                          // no party
		stmt(7, 0, "2040-03-11", "Jon Berg", "Freedonia", "The council rejected a membership freeze."), // only another side's account
	}
}

func findCell(ps []Position, issue, party string) *Position {
	for i := range ps {
		if ps[i].Issue == issue && ps[i].Party == party {
			return &ps[i]
		}
	}
	return nil
}

func TestPositions(t *testing.T) {
	d := testDossier(t)
	ps := Positions(d, testStatements(), Options{})

	// A stance that changes: against, then conditional, then for.
	c := findCell(ps, "water-share", "Freedonia")
	if c == nil {
		t.Fatalf("no water-share/Freedonia cell in %+v", ps)
	}
	if c.Stance != For || c.Since == nil || *c.Since != "2040-03-09" {
		t.Errorf("water-share/Freedonia = %s since %v, want for since 2040-03-09", c.Stance, c.Since)
	}
	var hist []string
	for _, h := range c.History {
		hist = append(hist, *h.Date+" "+string(h.Stance))
	}
	if want := `["2040-03-01 against","2040-03-05 conditional","2040-03-09 for"]`; jsonish(hist) != want {
		t.Errorf("history = %v, want %s", hist, want)
	}
	if len(c.Evidence) != 3 || c.Evidence[0].Source != "src-b" || c.Evidence[0].Speaker == nil || *c.Evidence[0].Speaker != "Jon Berg" {
		t.Errorf("evidence = %+v", c.Evidence)
	}
	// Jon Berg's party comes from his other statements when one lacks it.
	if c.Evidence[2].ReportedBy != nil {
		t.Errorf("Jon Berg reported his own side: %+v", c.Evidence[2])
	}
	// The phrase is located in the body.
	if m := c.Evidence[0].Match; m == nil || m.Start() < 100 || m.End() > 100+len(c.Evidence[0].Text) {
		t.Errorf("match = %v", m)
	}

	// Holder ≠ speaker: Freedonia's evasion, reported by a Sylvanian. One
	// second-hand report does not flip what Freedonia said itself; it
	// stands in the evidence.
	c = findCell(ps, "joint-monitoring", "Freedonia")
	if c == nil || c.Stance != For || c.Reported || len(c.History) != 1 {
		t.Fatalf("joint-monitoring/Freedonia = %+v", c)
	}
	// A cell that rests only on another side's account is reported.
	if c := findCell(ps, "membership-freeze", "Basin Council"); c == nil || c.Stance != Against || !c.Reported {
		t.Errorf("membership-freeze/Basin Council = %+v", c)
	}
	if e := c.Evidence[len(c.Evidence)-1]; e.Speaker != nil || e.ReportedBy == nil || *e.ReportedBy != "Ana Ruiz" {
		t.Errorf("evidence speaker/reported_by = %v/%v, want null/Ana Ruiz", e.Speaker, e.ReportedBy)
	}
	// ... and the reporter's own side is for; the 2039 statement is out of range.
	c = findCell(ps, "joint-monitoring", "Sylvania")
	if c == nil || c.Stance != For || len(c.Evidence) != 1 || *c.Evidence[0].Speaker != "Ana Ruiz" {
		t.Errorf("joint-monitoring/Sylvania = %+v", c)
	}

	// Undated statements count but have no date.
	c = findCell(ps, "water-share", "Sylvania")
	if c == nil || c.Stance != For || c.Since != nil || c.History[0].Date != nil {
		t.Errorf("water-share/Sylvania = %+v", c)
	}
	// Cells come in dossier order: issues, then parties.
	var order []string
	for _, p := range ps {
		order = append(order, p.Issue+"/"+p.Party)
	}
	want := `["dam-halt/Sylvania","water-share/Freedonia","water-share/Sylvania","joint-monitoring/Freedonia","joint-monitoring/Sylvania","membership-freeze/Basin Council"]`
	if jsonish(order) != want {
		t.Errorf("cells = %s, want %s", jsonish(order), want)
	}
}

func jsonish(v []string) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestPositionsDeterministic: the statements' order does not matter.
func TestPositionsDeterministic(t *testing.T) {
	d := testDossier(t)
	ss := testStatements()
	first, _ := json.Marshal(Positions(d, ss, Options{}))
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		r.Shuffle(len(ss), func(a, b int) { ss[a], ss[b] = ss[b], ss[a] })
		got, _ := json.Marshal(Positions(d, ss, Options{}))
		if string(got) != string(first) {
			t.Fatalf("order %d changed the result:\n%s\n%s", i, got, first)
		}
	}
	if Positions(nil, ss, Options{}) != nil || len(Positions(d, nil, Options{})) != 0 {
		t.Error("nil dossier or no statements must give no cells")
	}
}

func BenchmarkPositions(b *testing.B) {
	d := testDossier(b)
	ss := testStatements()
	n := 0
	for _, s := range ss {
		n += len(s.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Positions(d, ss, Options{})
	}
}

func TestPositionsUnclear(t *testing.T) {
	d := testDossier(t)
	ss := []store.StoredStatement{stmt(1, 0, "2040-03-01", "Jon Berg", "Freedonia", "the river data was published on Monday.")}
	if ps := Positions(d, ss, Options{}); len(ps) != 0 {
		t.Errorf("unclear-only cell kept by default: %+v", ps)
	}
	ps := Positions(d, ss, Options{KeepUnclear: true})
	if len(ps) != 1 || ps[0].Stance != Unclear || ps[0].Party != "Freedonia" {
		t.Errorf("KeepUnclear: %+v", ps)
	}
}

func TestInRange(t *testing.T) {
	for _, tc := range []struct {
		date, from, to string
		want           bool
	}{
		{"2040-03-01", "2040-01", "", true},
		{"2039-12-31", "2040-01", "", false},
		{"2040-01", "2040-01-15", "", true}, // a month overlapping the start
		{"2040-02-10", "", "2040-02", true}, // inside the last month
		{"2040-03", "", "2040-02", false},
		{"2040", "2040-06", "2040-07", true},
	} {
		if got := inRange(tc.date, tc.from, tc.to); got != tc.want {
			t.Errorf("inRange(%q, %q, %q) = %v", tc.date, tc.from, tc.to, got)
		}
	}
}

// pagedSource serves statements newest first by keyset pages, as a store
// does, and one actor holding every speaker form.
type pagedSource struct {
	stmts []store.StoredStatement
	reads int
}

func (p *pagedSource) Statements(_ context.Context, q store.StatementQuery) ([]store.StoredStatement, error) {
	p.reads++
	ss := slices.Clone(p.stmts)
	slices.SortStableFunc(ss, func(a, b store.StoredStatement) int {
		if c := cmp.Compare(b.EffectiveDate, a.EffectiveDate); c != 0 {
			return c
		}
		if c := cmp.Compare(b.ArticleID, a.ArticleID); c != 0 {
			return c
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	var out []store.StoredStatement
	for _, s := range ss {
		if c := q.After; c != nil && !(s.EffectiveDate < c.Date || s.EffectiveDate == c.Date &&
			(s.ArticleID < c.ArticleID || s.ArticleID == c.ArticleID && s.Seq > c.Seq)) {
			continue
		}
		if len(out) == q.Limit {
			break
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *pagedSource) Actors(_ context.Context, q store.ActorQuery) ([]store.StoredActor, error) {
	if q.After != nil {
		return nil, nil
	}
	a := store.StoredActor{ID: 1}
	for _, s := range p.stmts {
		a.Forms = append(a.Forms, store.SpeakerForm{Name: s.Speaker.Name, Title: s.Speaker.Title,
			Affiliation: s.Speaker.Affiliation, Kind: s.Speaker.Kind, Statements: 1})
	}
	return []store.StoredActor{a}, nil
}

// TestPositionsFrom: streaming over a store by pages gives the cells of
// Positions over all the statements at once.
func TestPositionsFrom(t *testing.T) {
	d := testDossier(t)
	want, _ := json.Marshal(Positions(d, testStatements(), Options{}))
	for _, size := range []int{1, 2, 4, 100} {
		src := &pagedSource{stmts: testStatements()}
		ps, err := PositionsFrom(context.Background(), src, d, Options{PageSize: size})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(ps)
		if string(got) != string(want) {
			t.Errorf("page size %d:\n%s\nwant\n%s", size, got, want)
		}
		if min := len(src.stmts)/size + 1; src.reads < min {
			t.Errorf("page size %d: %d reads, want at least %d", size, src.reads, min)
		}
	}
}
