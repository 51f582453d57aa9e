package facts

import (
	"hash/fnv"
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
	sets := make([]map[uint64]bool, len(texts))
	// An inverted index from shingle to articles keeps this near linear:
	// only articles that share a shingle are compared.
	index := map[uint64][]int{}
	for i, t := range texts {
		sets[i] = shingles(t.Body)
		for h := range sets[i] {
			index[h] = append(index[h], i)
		}
	}
	copyOf := map[int64]int64{}
	for i := range texts {
		if len(sets[i]) == 0 {
			continue
		}
		shared := map[int]int{}
		for h := range sets[i] {
			for _, j := range index[h] {
				if j < i {
					shared[j]++
				}
			}
		}
		best, bestScore := -1, 0.0
		for j, n := range shared {
			small := min(len(sets[i]), len(sets[j]))
			if small == 0 {
				continue
			}
			score := float64(n) / float64(small)
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

func shingles(body string) map[uint64]bool {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := map[uint64]bool{}
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		set[h.Sum64()] = true
	}
	return set
}
