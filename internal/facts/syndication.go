package facts

import (
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Text is one article's text for the syndication check.
type Text struct {
	ArticleID int64
	Published string
	Body      string
}

// shingleSize is the number of words in a shingle: long enough that two
// independent reports of one event share few, short enough that a copy with
// a changed intro and a cut ending still shares most.
const shingleSize = 5

// Syndicated finds near-duplicate articles — a wire story carried whole by
// several sites, with a changed headline, a trimmed ending or a different
// photo caption — and maps each copy to the article it copies (the earliest
// published, then the lowest id). Two articles are copies when at least
// threshold (default 0.8) of the shorter one's word shingles are in the
// other. Independent reports of the same event by different outlets share
// facts, not sentences, and stay apart.
//
// Comparing every pair would cost the square of the articles (seconds at a
// few thousand: articles about one negotiation share many phrases), so the
// pairs are found by prefix filtering, a standard method of set-similarity
// joins that misses none: order all shingles from the rarest to the most
// common; if two sets share at least t shingles, the smaller one's first
// |S| − t + k shingles in that order include k of them (it has only |S| − t
// others). So only the articles holding several of a text's rarest
// shingles are compared with it, and each comparison counts exactly.
func Syndicated(texts []Text, threshold float64) map[int64]int64 {
	if threshold <= 0 {
		threshold = 0.8
	}
	sort.Slice(texts, func(i, j int) bool {
		if texts[i].Published != texts[j].Published {
			return texts[i].Published < texts[j].Published
		}
		return texts[i].ArticleID < texts[j].ArticleID
	})
	// Each distinct shingle gets a small id; sets hold sorted ids.
	ids := map[uint64]int32{}
	var df []int32 // texts holding each shingle
	sets := make([][]int32, len(texts))
	for i, t := range texts {
		hs := shingles(t.Body)
		set := make([]int32, len(hs))
		for k, h := range hs {
			id, ok := ids[h]
			if !ok {
				id = int32(len(df))
				ids[h] = id
				df = append(df, 0)
			}
			df[id]++
			set[k] = id
		}
		slices.Sort(set)
		sets[i] = set
	}
	// postings: the texts holding each shingle found in more than one.
	postings := make([][]int32, len(df))
	for i, set := range sets {
		for _, id := range set {
			if df[id] > 1 {
				postings[id] = append(postings[id], int32(i))
			}
		}
	}
	// partners[i]: the earlier texts to compare text i with. Each text
	// looks up its rarest shingles (see probe) and keeps the texts at least
	// as large that hold enough of them; a larger text's copy of a smaller
	// one is found from the smaller's side.
	partners := make([]map[int32]struct{}, len(texts))
	var order []int32
	hits := map[int32]int{}
	for i, set := range sets {
		if len(set) == 0 {
			continue
		}
		order = append(order[:0], set...)
		slices.SortFunc(order, func(a, b int32) int {
			if df[a] != df[b] {
				return int(df[a] - df[b])
			}
			return int(a - b)
		})
		n, need := probe(len(set), threshold)
		clear(hits)
		for _, h := range order[:n] {
			for _, j := range postings[h] {
				if int(j) != i && len(sets[j]) >= len(set) {
					hits[j]++
				}
			}
		}
		for j, c := range hits {
			if c < need {
				continue
			}
			lo, hi := min(int32(i), j), max(int32(i), j)
			if partners[hi] == nil {
				partners[hi] = map[int32]struct{}{}
			}
			partners[hi][lo] = struct{}{}
		}
	}
	copyOf := map[int64]int64{}
	for i := range texts {
		best, bestScore := -1, 0.0
		for j32 := range partners[i] {
			j := int(j32)
			small := min(len(sets[i]), len(sets[j]))
			if small == 0 {
				continue
			}
			score := float64(shared(sets[i], sets[j])) / float64(small)
			if score >= threshold && (score > bestScore || (score == bestScore && j < best)) {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			orig := texts[best].ArticleID
			if o, ok := copyOf[orig]; ok {
				orig = o
			}
			copyOf[texts[i].ArticleID] = orig
		}
	}
	return copyOf
}

// probe says how many of a set's rarest shingles to look up, and how many
// of them another set at least as large must hold, so that every set
// sharing threshold of this one's n shingles is found. Such a set shares
// at least t = ⌊threshold·n⌋ of them; of the first n − t + k looked up, at
// most n − t are not shared, so it holds at least k (or, when the whole set
// is looked up, at least t). k above 1 costs a few more lookups and saves
// most of the exact comparisons.
func probe(n int, threshold float64) (lookups, need int) {
	const k = 8
	t := int(math.Floor(threshold * float64(n)))
	if n-t+k >= n {
		return n, max(t, 1)
	}
	return n - t + k, k
}

// shared counts the ids two sorted sets have in common.
func shared(a, b []int32) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			n++
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return n
}

func shingles(body string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var set []uint64
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		set = append(set, h.Sum64())
	}
	slices.Sort(set)
	return slices.Compact(set)
}
