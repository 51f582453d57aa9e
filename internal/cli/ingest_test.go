package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/pipeline"
)

// saveOrder puts a window in date order, stably, undated first, and never
// puts an article of a source before an earlier one of the same source.
func TestSaveOrder(t *testing.T) {
	tests := []struct {
		name string
		in   []string // source@published
		want []string
	}{
		{"by date", []string{"a@2021-03-02", "b@2021-01-05", "c@2021-02-01"}, []string{"b@2021-01-05", "c@2021-02-01", "a@2021-03-02"}},
		{"stable on equal dates", []string{"a@2021-01-01", "b@2021-01-01", "c@2020-12-31", "d@2021-01-01"}, []string{"c@2020-12-31", "a@2021-01-01", "b@2021-01-01", "d@2021-01-01"}},
		{"undated first", []string{"a@2021-01-01", "b@", "c@2020-01-01"}, []string{"b@", "c@2020-01-01", "a@2021-01-01"}},
		{"times within a day", []string{"a@2021-01-01T18:00:00Z", "b@2021-01-01", "c@2021-01-01T09:00:00Z"}, []string{"b@2021-01-01", "c@2021-01-01T09:00:00Z", "a@2021-01-01T18:00:00Z"}},
		// A correction given an earlier date than the version before it
		// still follows it; other sources may pass between them.
		{"a source keeps its order", []string{"s@2021-05-01", "x@2021-04-01", "s@2021-03-01", "y@2021-04-15"}, []string{"x@2021-04-01", "y@2021-04-15", "s@2021-05-01", "s@2021-03-01"}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		var window []*pipeline.Result
		for _, s := range tt.in {
			src, pub, _ := strings.Cut(s, "@")
			window = append(window, &pipeline.Result{Article: &article.Article{Source: src, Published: pub}})
		}
		saveOrder(window)
		var got []string
		for _, r := range window {
			got = append(got, r.Article.Source+"@"+r.Article.Published)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

// An ingest of more than one batch is saved in date order (each article's
// status line comes in the order it was saved), every article once, and a
// source's second version after its first even when dated earlier.
func TestIngestWindowSavesInDateOrder(t *testing.T) {
	const n = 700
	var in strings.Builder
	date := map[string]string{}
	line := func(src, pub, text string) {
		date[src] = pub
		fmt.Fprintf(&in, `{"source":%q,"title":"Port talks, day %s","published":%q,"text":%q}`+"\n", src, pub, pub, text)
	}
	for i := range n {
		pub := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*37%300).Format(time.DateOnly)
		src := fmt.Sprintf("w-%03d", i)
		text := fmt.Sprintf("The envoy said on Monday that talk number %d had gone well.", i)
		if i == 10 || i == 650 {
			src, text = "twice", fmt.Sprintf("The envoy said the talks went on (edition %d).", i)
			pub = map[int]string{10: "2031-06-01", 650: "2031-01-02"}[i]
		}
		line(src, pub, text)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "window.jsonl")
	if err := os.WriteFile(file, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "p.db")
	code, out, errs := run(t, context.Background(), db, "", "ingest", file)
	if code != ExitOK || !strings.Contains(out, fmt.Sprintf("read %d, new %d, duplicate 0, new version 1, failed 0", n, n-1)) {
		t.Fatalf("ingest: exit %d, %q, %s", code, out, errs)
	}
	var order []string
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		f := strings.Split(l, "\t")
		if len(f) == 3 {
			order = append(order, f[2])
		}
	}
	if len(order) != n {
		t.Fatalf("%d status lines, want %d", len(order), n)
	}
	prev, twice := "", 0
	for _, src := range order {
		if src == "twice" {
			twice++
			continue // its second version is dated before its first
		}
		if date[src] < prev {
			t.Fatalf("%s (%s) saved after an article of %s", src, date[src], prev)
		}
		prev = date[src]
	}
	if twice != 2 {
		t.Errorf("source with two versions saved %d times", twice)
	}
	code, out, _ = run(t, context.Background(), db, "", "articles", "--q", "edition", "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"title": "Port talks, day 2031-01-02"`) || strings.Contains(out, "day 2031-06-01") {
		t.Errorf("the current version should be the later one: exit %d, %s", code, out)
	}
}
