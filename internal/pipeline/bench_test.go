package pipeline

import (
	"context"
	"fmt"
	"strings"
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

// BenchmarkAnalyzeLong reads one long report (a transcript-like text of
// about 400 KB: 3,000 paragraphs naming companies, speakers and days) in
// one piece. MB/s here is what a single long article costs; a rule that
// reads every earlier sentence or mention for each statement makes it
// fall with the square of the length (an event tie and "the company"
// did, taking a 600 KB text from 0.5 s to 50 s).
func BenchmarkAnalyzeLong(b *testing.B) {
	p, err := New(Config{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&sb, "Northline Holdings%d Inc. and Acme Corp%d met on Monday. The company said merger %d was off. "+
			"\"We will not accept quota %d,\" Minister Anna Berg%d said. In announcing the quota, the ministry said talks stalled.\n\n", i, i, i, i, i%50)
	}
	doc := ingest.Document{Source: "long", Format: ingest.FormatText, Verbatim: true, Title: "A long report", Text: sb.String(),
		Published: time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}
	b.SetBytes(int64(len(doc.Text)))
	ctx := context.Background()
	for b.Loop() {
		if _, err := p.Analyze(ctx, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
