package pipeline

import (
	"context"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/bench"
	"github.com/parley-news/parley/internal/ingest"
)

// BenchmarkAnalyzeSynthetic runs the whole text pipeline over 500 distinct
// generated wire reports (internal/bench, no data set), as `parley
// extract` does for a JSON Lines input; MB/s is per core:
//
//	taskset -c 0 go test ./internal/pipeline -run '^$' -bench AnalyzeSynthetic
func BenchmarkAnalyzeSynthetic(b *testing.B) {
	p, err := New(Config{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]ingest.Document, 500)
	size := 0
	for i := range docs {
		a := bench.Generate(1, i)
		pub, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = ingest.Document{Source: a.Source, Format: ingest.FormatText, Verbatim: true, Title: a.Title,
			Outlet: a.Outlet, Text: a.Text, Published: pub, PublishedBasis: "given"}
		size += len(a.Text) + len(a.Title)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.Analyze(ctx, d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
