package dossier

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// TestFoldDays: folding a cell from its per-day sums (what the store's
// index keeps) gives fold's stance, since, history and reported on random
// cells, and each change's first statement is the one fold names.
func TestFoldDays(t *testing.T) {
	dates := []string{"", "2040-01", "2040-01-02", "2040-01-02", "2040-01-03", "2040-02-10", "2040-02-11"}
	stances := []Stance{For, Against, Counter, Conditional, Unclear}
	for seed := range uint64(2000) {
		r := rand.New(rand.NewPCG(seed, 11))
		var obs []observation
		var links []store.StanceLink
		seen := map[[2]int64]bool{}
		for i := range 1 + r.IntN(12) {
			art, seq := int64(1+r.IntN(6)), r.IntN(3)
			if seen[[2]int64{art, int64(seq)}] {
				continue
			}
			seen[[2]int64{art, int64(seq)}] = true
			st := &store.StoredStatement{ArticleID: art, Seq: seq,
				Published: dates[1+int(art)%3], Source: fmt.Sprintf("s%d", 7-art)}
			if art%2 == 0 {
				st.URL = fmt.Sprintf("https://example.org/%d", art%3)
			}
			l := Link{Issue: "i", Party: "p", Stance: stances[r.IntN(len(stances))], Reported: r.IntN(3) == 0, Derived: r.IntN(4) == 0,
				Span: article.Span{0, 1}}
			date := dates[r.IntN(len(dates))]
			obs = append(obs, observation{link: l, date: date, st: st, ord: i})
			w := 2
			if l.Reported || l.Derived {
				w = 1
			}
			links = append(links, store.StanceLink{ArticleID: art, Seq: seq, Issue: "i", Party: "p", Day: date, Stance: string(l.Stance),
				Weight: w, Reported: l.Reported, Derived: l.Derived, Order: orderKey(st, l.Derived, 0)})
		}
		want := fold("i", "p", obs) // sorts obs
		var rows []store.CellDay
		for _, d := range store.DayDeltas(nil, links) {
			rows = append(rows, store.CellDay{Issue: d.Key[0], Party: d.Key[1], Day: d.Key[2], Stance: d.Key[3],
				Weight: d.Weight, Count: d.Count, Own: d.Own, First: d.First})
		}
		got, changes := foldDays("i", "p", rows)
		if got.Stance != want.Stance || !sameDate(got.Since, want.Since) || got.Reported != want.Reported ||
			got.Count != len(obs) || len(got.History) != len(want.History) {
			t.Fatalf("seed %d: got %s since %v reported %v count %d history %d; want %s since %v reported %v count %d history %d",
				seed, got.Stance, got.Since, got.Reported, got.Count, len(got.History), want.Stance, want.Since, want.Reported, len(obs), len(want.History))
		}
		for i, h := range got.History {
			w := want.History[i]
			o := obs[w.Evidence]
			if !sameDate(h.Date, w.Date) || h.Stance != w.Stance || changes[i].first != orderKey(o.st, o.link.Derived, 0) || changes[i].stance != w.Stance {
				t.Fatalf("seed %d: change %d %+v %+v, want %+v (statement %d/%d)", seed, i, h, changes[i], w, o.st.ArticleID, o.st.Seq)
			}
		}
	}
}

func sameDate(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
