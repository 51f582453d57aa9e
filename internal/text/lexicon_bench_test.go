package text

import (
	"os"
	"strings"
	"testing"
)

// benchWords are the words of a wire report of the pipeline's test data
// and a lexicon of a third of them plus some time words, so that lookups
// both hit and miss.
func benchWords(b *testing.B) (dict map[string]int16, words []string) {
	data, err := os.ReadFile("../pipeline/testdata/reuters.txt")
	if err != nil {
		b.Skip(err)
	}
	s := string(data)
	dict = map[string]int16{}
	for _, t := range Tokenize(nil, s, [2]int{0, len(s)}) {
		if t.Kind == Word {
			words = append(words, t.Text(s))
			if len(dict) < 400 && len(words)%3 == 0 {
				dict[strings.ToLower(t.Text(s))] = int16(len(dict))
			}
		}
	}
	for _, w := range []string{"monday", "tuesday", "january", "february", "week", "month", "year", "ago", "last", "next"} {
		dict[w] = int16(len(dict))
	}
	return dict, words
}

// BenchmarkLookupLowerMap and BenchmarkLookupLowerLexicon compare a
// case-blind lookup of every word in a Go map (LookupLower) and in a
// Lexicon:
//
//	taskset -c 0 go test ./internal/text -run '^$' -bench LookupLower -cpu 1
func BenchmarkLookupLowerMap(b *testing.B) {
	dict, words := benchWords(b)
	n := 0
	for b.Loop() {
		for _, w := range words {
			if _, ok := LookupLower(dict, w); ok {
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

func BenchmarkLookupLowerLexicon(b *testing.B) {
	dict, words := benchWords(b)
	x := NewLexicon(dict)
	n := 0
	for b.Loop() {
		for _, w := range words {
			if _, ok := x.GetLower(w); ok {
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
