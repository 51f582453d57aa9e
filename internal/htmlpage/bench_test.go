package htmlpage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// The HTML benchmarks run over the 181 pages of the article-extraction
// benchmark when PARLEY_EVALDATA points at the evaluation data (the pages
// are third-party and never copied into the repository), else over the
// repository's own test pages:
//
//	PARLEY_EVALDATA=/work/shared/evaldata taskset -c 0 go test ./internal/htmlpage \
//	    -run '^$' -bench 'ExtractPages|TrafilaturaAlone' -benchtime 3x -count 5
//
// BenchmarkExtractPages is Parley's whole HTML path (decode, parse, metadata,
// news fast path or trafilatura, news rules), and the same with the fast
// path off; BenchmarkTrafilaturaAlone runs go-trafilatura
// by itself on the same bytes, with the settings Parley gives it
// (favour recall, no fallback extractors, no date search) — the peer the
// issue compares against. One iteration is one pass over every page.

func benchPages(b *testing.B) [][]byte {
	b.Helper()
	var files []string
	if root := os.Getenv("PARLEY_EVALDATA"); root != "" {
		files, _ = filepath.Glob(filepath.Join(root, "html-scrapinghub", "html", "*.html.gz"))
	}
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "*.html"))
	}
	if len(files) == 0 {
		b.Skip("no pages")
	}
	pages := make([][]byte, 0, len(files))
	var total int64
	for _, f := range files {
		var p []byte
		if filepath.Ext(f) == ".gz" {
			p = gunzip(b, f)
		} else {
			var err error
			if p, err = os.ReadFile(f); err != nil {
				b.Fatal(err)
			}
		}
		pages = append(pages, p)
		total += int64(len(p))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	return pages
}

func BenchmarkExtractPages(b *testing.B) {
	for _, fast := range []bool{true, false} {
		name := "news-fast-path"
		if !fast {
			name = "trafilatura-every-page"
		}
		b.Run(name, func(b *testing.B) {
			pages := benchPages(b)
			e := New(nil)
			e.cfg.fast = fast
			ctx := context.Background()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				for _, p := range pages {
					_, _ = e.Extract(ctx, p, "")
				}
			}
			reportPerPage(b, len(pages), cpuTime()-cpu0)
		})
	}
}

func BenchmarkTrafilaturaAlone(b *testing.B) {
	pages := benchPages(b)
	opts := trafilaturaAloneOptions()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, p := range pages {
			_, _ = trafilatura.Extract(bytes.NewReader(p), opts)
		}
	}
	reportPerPage(b, len(pages), cpuTime()-cpu0)
}

// reportPerPage adds wall and CPU milliseconds per page. CPU time (the
// process's, GC included) is the steadier figure on a shared machine: run
// pinned to one core (taskset -c 0) so that it counts one core's work.
func reportPerPage(b *testing.B, pages int, cpu time.Duration) {
	n := float64(b.N * pages)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/1e6, "ms/page")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/n/1e6, "cpu-ms/page")
	}
}

// trafilaturaAloneOptions are the settings Parley hands go-trafilatura.
func trafilaturaAloneOptions() trafilatura.Options {
	c := defaultConfig()
	tc := trafilatura.DefaultConfig()
	tc.MinExtractedSize = c.minExtracted
	return trafilatura.Options{
		Config:          tc,
		Focus:           c.focus,
		EnableFallback:  c.fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// TestTrafilaturaAloneOptions keeps the peer's settings equal to Parley's.
func TestTrafilaturaAloneOptions(t *testing.T) {
	o := trafilaturaAloneOptions()
	c := defaultConfig()
	if o.Focus != c.focus || o.EnableFallback != c.fallback || o.Config.MinExtractedSize != c.minExtracted || o.HtmlDateMode != trafilatura.Disabled {
		t.Errorf("peer options %+v differ from Parley's %+v", o, c)
	}
}
