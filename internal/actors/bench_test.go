package actors

import (
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/bench"
	"github.com/parley-news/parley/internal/text"
)

// BenchmarkFind runs the mention finder over 200 distinct generated wire
// reports (internal/bench, no data set), tokenised beforehand, with one
// Book reset per article as the statement analyser does; MB/s is per core:
//
//	taskset -c 0 go test ./internal/actors -run '^$' -bench Find
func BenchmarkFind(b *testing.B) {
	type doc struct {
		body string
		toks []text.Token
	}
	docs := make([]doc, 200)
	size := 0
	for i := range docs {
		a := bench.Generate(1, i)
		docs[i] = doc{a.Text, text.Tokenize(nil, a.Text, article.Span{0, len(a.Text)})}
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	book := NewBook(nil, time.Time{})
	var found []Found
	mentions := 0
	for b.Loop() {
		mentions = 0
		for _, d := range docs {
			book.Reset(nil, time.Time{})
			found = AppendFind(found[:0], d.body, d.toks, book)
			mentions += len(found)
		}
	}
	if mentions == 0 {
		b.Fatal("no mentions found")
	}
}
