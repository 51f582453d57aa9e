package facts

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
)

// pairwise is Syndicated as first written: every pair of texts sharing a
// shingle compared. The prefix filter must find the same copies.
func pairwise(texts []Text, threshold float64) map[int64]int64 {
	sets := make([]map[uint64]bool, len(texts))
	ts := append([]Text(nil), texts...)
	Syndicated(ts, threshold) // sorts ts the same way
	for i, t := range ts {
		sets[i] = map[uint64]bool{}
		for _, h := range shingles(t.Body) {
			sets[i][h] = true
		}
	}
	copyOf := map[int64]int64{}
	for i := range ts {
		best, bestScore := -1, 0.0
		for j := 0; j < i; j++ {
			n := 0
			for h := range sets[i] {
				if sets[j][h] {
					n++
				}
			}
			small := min(len(sets[i]), len(sets[j]))
			if small == 0 {
				continue
			}
			score := float64(n) / float64(small)
			if score >= threshold && score > bestScore {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			orig := ts[best].ArticleID
			if o, ok := copyOf[orig]; ok {
				orig = o
			}
			copyOf[ts[i].ArticleID] = orig
		}
	}
	return copyOf
}

// TestSyndicatedMatchesPairwise: random stories from a small vocabulary
// (many shared phrases), copies with changed starts, cut ends and inserted
// sentences; the filtered search finds exactly the pairwise copies.
func TestSyndicatedMatchesPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	words := strings.Fields("the minister said talks on security guarantees would resume next week in geneva after a draft was sent to washington and brussels")
	sentence := func() string {
		n := 6 + r.IntN(10)
		var b []string
		for range n {
			b = append(b, words[r.IntN(len(words))])
		}
		return strings.Join(b, " ") + "."
	}
	for round := range 20 {
		var texts []Text
		var stories []string
		for i := range 60 {
			var body string
			if len(stories) > 0 && r.IntN(3) == 0 {
				// A copy: change the start, cut the end, maybe insert.
				src := strings.Fields(stories[r.IntN(len(stories))])
				cut := len(src) * (70 + r.IntN(30)) / 100
				body = sentence() + " " + strings.Join(src[min(len(src), 3):cut], " ")
				if r.IntN(2) == 0 {
					body += " " + sentence()
				}
			} else {
				var b []string
				for range 3 + r.IntN(8) {
					b = append(b, sentence())
				}
				body = strings.Join(b, " ")
			}
			stories = append(stories, body)
			texts = append(texts, Text{ArticleID: int64(i + 1), Published: fmt.Sprintf("2022-01-%02d", 1+r.IntN(28)), Body: body})
		}
		for _, th := range []float64{0.5, 0.8, 0.95} {
			want := pairwise(texts, th)
			got := Syndicated(append([]Text(nil), texts...), th)
			if !maps.Equal(got, want) {
				t.Fatalf("round %d, threshold %.2f: got %v, want %v", round, th, got, want)
			}
		}
		if round == 0 && len(pairwise(texts, 0.8)) == 0 {
			t.Fatal("the generator makes no copies: the test compares nothing")
		}
	}
}
