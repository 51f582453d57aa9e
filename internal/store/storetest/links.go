package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// LinksDossier is a made-up negotiation (as in the dossier package's tests).
const LinksDossier = `negotiation: Freedonia–Sylvania river water talks
from: 2040-01
parties:
  - name: Freedonia
    aliases: [Fredville, Freedonian side]
    members: [Water Ministry]
  - name: Sylvania
    aliases: [Sylvan City, SYL]
  - name: Basin Council
    aliases: [the council]
issues:
  - id: dam-halt
    proposition: Freedonia stops building the upstream dam
    for: [halt the dam, stop building the dam, non-construction of the dam]
    against: [finish the dam, complete the dam]
  - id: water-share
    proposition: Sylvania receives half of the river's flow
    for: [half of the flow, equal share of the water]
    against: [historic allocation]
  - id: joint-monitoring
    proposition: A joint commission monitors the river
    for: [joint monitoring, joint commission, monitoring stations]
    related: [river data]
  - id: membership-freeze
    proposition: The basin council admits no new members
    for: [membership freeze]
    against: [open door]
`

// linkSentences link to the dossier above with various stances (and one
// links to nothing).
var linkSentences = []string{
	"Sylvania demands that Freedonia halt the dam.",
	"Freedonia rejected an equal share of the water.",
	"Fredville is prepared to discuss half of the flow, provided that Sylvania shares its river data.",
	"Fredville would offer half of the flow.",
	"Freedonia has ignored the joint commission we proposed.",
	"we need an equal share of the water.",
	"the dam must be finished.",
	"The council rejected a membership freeze.",
	"We will never accept an equal share of the water.",
	"Freedonia will not allow joint monitoring of its bank.",
	"we want half of the flow, no less.",
	"the river data was published on Monday.",
	"Sylvan City insisted on an equal share of the water.",
	"the council called on both sides to set up a joint commission.",
	"we must finish the dam this year.",
	"It rained on the delegates.",
}

// linkSpeakers: people with and without a side of their own; Eva Holm's
// side comes (and goes) with later articles.
var linkSpeakers = []article.Actor{
	{Name: "Ana Ruiz", Affiliation: "Sylvania", Kind: article.Person},
	{Name: "Jon Berg", Affiliation: "Freedonia", Kind: article.Person},
	{Name: "Jon Berg", Kind: article.Person},
	{Name: "Eva Holm", Kind: article.Person},
	{Name: "a farmer"},
	{Name: "Basin Council", Kind: article.Org},
	{Name: "Ola Dahl", Title: "spokesman", Affiliation: "Water Ministry", Kind: article.Person},
}

// LinkArticle makes a random article (number i, its version-th version)
// whose statements link to LinksDossier; extra speakers join the pool.
func LinkArticle(r *rand.Rand, i, version int, extra []article.Actor) *article.Article {
	days := []string{"2039-12-20", "2040-01-05", "2040-02-01", "2040-02-01", "2040-03-01", "2040-03-09", "2040-03", "2040-04-02"}
	a := &article.Article{
		Source: fmt.Sprintf("wire/%d", i), Outlet: []string{"Wire", "Post"}[r.IntN(2)],
		Published: days[r.IntN(len(days))], PublishedBasis: article.BasisInput, Language: "en", Pipeline: "test-1",
		Title: fmt.Sprintf("River talks %d", i),
	}
	if r.IntN(3) > 0 {
		a.URL = fmt.Sprintf("https://example.org/%d", i)
	}
	var body strings.Builder
	fmt.Fprintf(&body, "Report %d, version %d. ", i, version)
	speakers := append(append([]article.Actor{}, linkSpeakers...), extra...)
	for range 1 + r.IntN(5) {
		sp := speakers[r.IntN(len(speakers))]
		text := linkSentences[r.IntN(len(linkSentences))]
		start := body.Len()
		body.WriteString(sp.Name + " said: ")
		ts := body.Len()
		body.WriteString(text)
		st := article.Statement{Speaker: sp, Kind: article.Indirect, Cue: "said", Text: text,
			Span: article.Span{start, body.Len()}, TextSpan: article.Span{ts, body.Len()},
			SpeakerSpan: article.Span{start, start + len(sp.Name)}, CueSpan: article.Span{start + len(sp.Name) + 1, start + len(sp.Name) + 5}}
		switch r.IntN(6) {
		case 0:
			st.Date, st.DateBasis = days[r.IntN(len(days))], article.DateStated
		case 1:
			st.DateBasis = article.DateNone
		case 2:
			st.Date, st.DateBasis = "2040-03", article.DateStated
		}
		a.Statements = append(a.Statements, st)
		body.WriteString(" ")
	}
	a.Body = body.String()
	return a
}

// dossierLinks: positions folded from the store's links and per-day sums
// equal positions computed by classifying every statement, after a first
// full pass and after catch-ups over new articles, new versions,
// reanalyses and speakers whose side changes; on random stores.
func dossierLinks(t *testing.T, open Opener) {
	ctx := context.Background()
	d, err := dossier.Parse("talks.yaml", []byte(LinksDossier))
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(3) {
		st := open(t)
		r := rand.New(rand.NewPCG(seed, 7))
		next := 0
		batch := func(n int, extra ...article.Actor) {
			t.Helper()
			var as []*article.Article
			for range n {
				as = append(as, LinkArticle(r, next, 1, extra))
				next++
			}
			if _, err := st.SaveArticles(ctx, as); err != nil {
				t.Fatal(err)
			}
		}
		var bigCells, changedCells int
		relinked := func(step, name string) {
			t.Helper()
			stats, err := dossier.Index(ctx, st, d, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(stats.Relinked, name) {
				t.Errorf("seed %d, %s: relinked %v, want %s", seed, step, stats.Relinked, name)
			}
		}
		check := func(step string) {
			t.Helper()
			cs, err := store.AllCorrections(ctx, st, store.CorrectionQuery{Kind: store.CorrectCell})
			if err != nil {
				t.Fatal(err)
			}
			want, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Stream: true, Evidence: -1, KeepUnclear: true, Corrections: cs})
			if err != nil {
				t.Fatal(err)
			}
			all, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Evidence: -1, KeepUnclear: true, Corrections: cs})
			if err != nil {
				t.Fatal(err)
			}
			wj, _ := json.Marshal(want)
			if aj, _ := json.Marshal(all); string(aj) != string(wj) {
				t.Fatalf("seed %d, %s: indexed positions\n%s\nwant (streamed)\n%s", seed, step, aj, wj)
			}
			// The issues of each article's statements, as the timeline
			// marks them: those of every evidence, no other.
			state, err := st.RegisterDossier(ctx, d.IndexHash(), d.Name())
			if err != nil {
				t.Fatal(err)
			}
			wantIssues := map[store.StatementIssue]bool{}
			var ids []int64
			for _, c := range want {
				for _, e := range c.Evidence {
					if !slices.Contains(ids, e.ArticleID) {
						ids = append(ids, e.ArticleID)
					}
					wantIssues[store.StatementIssue{ArticleID: e.ArticleID, Span: e.Span, Issue: c.Issue}] = true
				}
			}
			got, err := st.ArticleIssues(ctx, state.ID, append(ids, 1<<40))
			if err != nil {
				t.Fatal(err)
			}
			gotIssues := map[store.StatementIssue]bool{}
			for _, x := range got {
				if gotIssues[x] {
					t.Errorf("seed %d, %s: issue row twice: %+v", seed, step, x)
				}
				gotIssues[x] = true
			}
			if !maps.Equal(gotIssues, wantIssues) {
				t.Fatalf("seed %d, %s: article issues %v\nwant %v", seed, step, gotIssues, wantIssues)
			}
			// With the default evidence: the same fold, each change's
			// evidence the same statement.
			few, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{KeepUnclear: true, Corrections: cs})
			if err != nil {
				t.Fatal(err)
			}
			// The streamed way keeps the same evidence when asked for the
			// default.
			trimmed, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Stream: true, KeepUnclear: true, Corrections: cs})
			if err != nil {
				t.Fatal(err)
			}
			fj, _ := json.Marshal(few)
			if tj, _ := json.Marshal(trimmed); string(tj) != string(fj) {
				t.Fatalf("seed %d, %s: indexed positions, default evidence\n%s\nwant (streamed)\n%s", seed, step, fj, tj)
			}
			if len(few) != len(want) {
				t.Fatalf("seed %d, %s: %d cells, want %d", seed, step, len(few), len(want))
			}
			for i, c := range few {
				w := want[i]
				if c.Issue != w.Issue || c.Party != w.Party || c.Stance != w.Stance || !sameStr(c.Since, w.Since) ||
					c.Reported != w.Reported || c.Count != w.Count || (c.Override == nil) != (w.Override == nil) || len(c.History) != len(w.History) || len(c.Evidence) > len(w.Evidence) {
					t.Fatalf("seed %d, %s: cell %+v\nwant %+v", seed, step, c, w)
				}
				for j, h := range c.History {
					wh := w.History[j]
					if !sameStr(h.Date, wh.Date) || h.Stance != wh.Stance {
						t.Fatalf("seed %d, %s: %s/%s change %d %+v, want %+v", seed, step, c.Issue, c.Party, j, h, wh)
					}
					if g, e := c.Evidence[h.Evidence], w.Evidence[wh.Evidence]; g.ArticleID != e.ArticleID || g.Span != e.Span || g.Stance != e.Stance {
						t.Fatalf("seed %d, %s: %s/%s change %d evidence %+v, want %+v", seed, step, c.Issue, c.Party, j, g, e)
					}
				}
				if len(w.Evidence) > dossier.DefaultEvidence {
					bigCells++
				}
				if len(w.History) > 1 {
					changedCells++
				}
				if n := min(len(w.Evidence), dossier.DefaultEvidence); n > 0 {
					g, e := c.Evidence[len(c.Evidence)-1], w.Evidence[len(w.Evidence)-1]
					if g.ArticleID != e.ArticleID || g.Span != e.Span {
						t.Fatalf("seed %d, %s: %s/%s latest evidence %+v, want %+v", seed, step, c.Issue, c.Party, g, e)
					}
				}
			}
		}
		batch(40)
		if seed == 1 {
			// A pass an earlier version began newest first and left half
			// done: its cursor is not one of the store's order, so the
			// pass starts again from the first statement.
			state, err := st.RegisterDossier(ctx, d.IndexHash(), d.Name())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.WriteLinks(ctx, store.LinkWrite{Dossier: state.ID, Expect: state.Rev, Building: true,
				Watermark: state.Watermark, Cursor: `{"date":"2022-02-01","article_id":20,"seq":0}`}); err != nil {
				t.Fatal(err)
			}
		}
		check("full pass")
		// New articles; Eva Holm is seen with a side (her statements
		// without one now have it).
		batch(15, article.Actor{Name: "Eva Holm", Affiliation: "Sylvania", Kind: article.Person})
		relinked("side found", "Eva Holm")
		check("new articles, a speaker's side")
		// New versions of old articles; a reanalysis.
		var as []*article.Article
		for _, i := range []int{1, 5, 9} {
			as = append(as, LinkArticle(r, i, 2, nil))
		}
		if _, err := st.SaveArticles(ctx, as); err != nil {
			t.Fatal(err)
		}
		list, err := st.Articles(ctx, store.ArticleQuery{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range list {
			full, err := st.Article(ctx, x.ID)
			if err != nil {
				t.Fatal(err)
			}
			re := full.Article
			for k := range re.Statements {
				re.Statements[k].Date, re.Statements[k].DateBasis = "2040-04-02", article.DateStated
			}
			re.Statements = re.Statements[:len(re.Statements)/2+1]
			re.Pipeline = "test-2"
			if err := st.ReplaceAnalyses(ctx, x.ID, &re); err != nil {
				t.Fatal(err)
			}
		}
		check("new versions, reanalysis")
		// Corrections rewrite statements: a speaker, a date, a deletion;
		// and a cell set by hand.
		sts, err := st.Statements(ctx, store.StatementQuery{Limit: 3})
		if err != nil || len(sts) < 3 {
			t.Fatalf("statements: %v, %v", sts, err)
		}
		fixes := []store.Correction{
			{Kind: store.CorrectStatement, By: "ed", Note: "speaker", StatementID: sts[0].ID, Edit: &store.Edit{Speaker: "Ana Ruiz"}},
			{Kind: store.CorrectStatement, By: "ed", Note: "date", StatementID: sts[1].ID, Edit: &store.Edit{Date: "2040-01-05"}},
			{Kind: store.CorrectStatement, By: "ed", Note: "not a statement", StatementID: sts[2].ID, Edit: &store.Edit{Delete: true}},
			{Kind: store.CorrectCell, By: "ed", Note: "by hand", Cell: &store.Cell{Dossier: d.Name(), Issue: "dam-halt", Party: "Basin Council", Stance: "conditional"}},
		}
		if _, err := st.AddCorrections(ctx, fixes); err != nil {
			t.Fatal(err)
		}
		check("corrections")
		// Eva Holm is seen with a second side: she has none any more.
		batch(10, article.Actor{Name: "Eva Holm", Affiliation: "Freedonia", Kind: article.Person})
		relinked("side dropped", "Eva Holm")
		check("a speaker's side dropped")
		// Nothing new: nothing to do.
		check("unchanged")
		// The random stores exercise what they should.
		if bigCells == 0 || changedCells == 0 {
			t.Errorf("seed %d: %d cells with more than %d statements, %d with a changing stance; want some of each", seed, bigCells, dossier.DefaultEvidence, changedCells)
		}
	}
}

func sameStr(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
