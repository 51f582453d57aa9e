package events

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// TestDateWindows: the searches that start at dateFrom (a window bounded by
// the longest date) find what a scan of every date finds, for dates of
// random lengths and places, overlapping or not, and spans anywhere.
func TestDateWindows(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		d := &doc{}
		for range r.IntN(40) {
			s := r.IntN(500)
			d.dates = append(d.dates, dated{span: article.Span{s, s + 1 + r.IntN(60)}})
		}
		for _, x := range d.dates {
			d.longestDate = max(d.longestDate, x.span[1]-x.span[0])
		}
		slices.SortStableFunc(d.dates, func(a, b dated) int { return cmp.Compare(a.span[0], b.span[0]) })
		for range 50 {
			a := r.IntN(560)
			sp := article.Span{a, a + r.IntN(30)}
			want := false
			for _, x := range d.dates {
				want = want || x.span.Overlaps(sp)
			}
			if got := d.inTimex(sp); got != want {
				t.Fatalf("inTimex(%v) = %v, a scan of %v says %v", sp, got, d.dates, want)
			}
			k := d.dateFrom(a)
			for i, x := range d.dates {
				if (i < k) != (x.span[0] < a) {
					t.Fatalf("dateFrom(%d) = %d over %v", a, k, d.dates)
				}
			}
		}
	}
}
