package export_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/parley-news/parley/internal/export"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// benchStore holds n distinct articles.
func benchStore(b *testing.B, n int) store.Store {
	b.Helper()
	st := open(b)
	for i := range n {
		a := storetest.Sample(b, fmt.Sprintf("s%d.txt", i), "Wire", "2022-02-15")
		a.Title = fmt.Sprintf("Talks, day %d", i)
		if _, err := st.SaveArticle(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkExport: articles a second written by export.Write (SQLite).
func BenchmarkExport(b *testing.B) {
	st := benchStore(b, 500)
	b.ResetTimer()
	for b.Loop() {
		if _, err := export.Write(context.Background(), st, io.Discard, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkImport: articles a second read back by export.Import into a
// fresh SQLite database.
func BenchmarkImport(b *testing.B) {
	var buf bytes.Buffer
	if _, err := export.Write(context.Background(), benchStore(b, 500), &buf, export.Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		dst := open(b)
		b.StartTimer()
		res, err := export.Import(context.Background(), dst, bytes.NewReader(buf.Bytes()), "bench", export.ImportOptions{})
		if err != nil || res.Status[store.New] != 500 {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "articles/s")
}
