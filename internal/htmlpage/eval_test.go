package htmlpage

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TestEvalScrapinghub extracts every page of the article-extraction
// benchmark and scores the bodies with the shared scorer. It runs only when
// PARLEY_EVALDATA points at the evaluation data (the pages are third-party
// and are never copied into the repository):
//
//	PARLEY_EVALDATA=/work/shared/evaldata go test ./internal/htmlpage -run Eval -v
//
// PARLEY_EVAL_OUT=file keeps the predictions; PARLEY_EVAL_VERBOSE=1 passes
// --verbose to the scorer (worst pages first); PARLEY_EVAL_FAST=0 sends every
// page through trafilatura (no news fast path).
func TestEvalScrapinghub(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	dir := filepath.Join(root, "html-scrapinghub")
	gt := filepath.Join(dir, "ground-truth.json")
	if _, err := os.Stat(gt); err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	scorer := filepath.Join(root, "..", "tools", "score_body.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("no scorer: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Skipf("no pages in %s", dir)
	}

	pages := make([][]byte, len(files))
	var total int
	for i, f := range files {
		pages[i] = gunzip(t, f)
		total += len(pages[i])
	}

	e := New(nil)
	if v := os.Getenv("PARLEY_EVAL_FOCUS"); v != "" {
		e.cfg.focus = map[string]trafilatura.ExtractionFocus{"balanced": trafilatura.Balanced, "recall": trafilatura.FavorRecall, "precision": trafilatura.FavorPrecision}[v]
	}
	if os.Getenv("PARLEY_EVAL_FALLBACK") != "" {
		e.cfg.fallback = true
	}
	if v := os.Getenv("PARLEY_EVAL_RULES"); v != "" {
		// a bit mask of furniture rules; "-N" switches rule bit N off
		if n, err := strconv.Atoi(v); err == nil && n < 0 {
			e.cfg.rules &^= 1 << (-n - 1)
		} else {
			e.cfg.rules = n
		}
	}
	if os.Getenv("PARLEY_EVAL_FAST") == "0" {
		e.cfg.fast = false // trafilatura on every page
	}
	if v := os.Getenv("PARLEY_EVAL_MINSIZE"); v != "" {
		e.cfg.minExtracted, _ = strconv.Atoi(v)
	}
	ctx := context.Background()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	var noArticle, withDate, withTime, withOutlet, withLang, withStandfirst int
	start := time.Now()
	cpu0 := cpuTime()
	for i, f := range files {
		p, err := e.Extract(ctx, pages[i], "")
		body := ""
		switch {
		case errors.Is(err, ErrNoArticle):
			noArticle++
		case err != nil:
			t.Errorf("%s: %v", filepath.Base(f), err)
		default:
			body = p.Body
			if !p.Published.IsZero() {
				withDate++
			}
			if p.PublishedHasTime {
				withTime++
			}
			if p.Outlet != "" {
				withOutlet++
			}
			if p.Language != "" {
				withLang++
			}
			if p.Standfirst != "" {
				withStandfirst++
			}
		}
		if err := enc.Encode(map[string]string{"source": f, "body": body}); err != nil {
			t.Fatal(err)
		}
	}
	el := time.Since(start)
	cpu := cpuTime() - cpu0
	t.Logf("%d pages (%.1f MB) in %v on one goroutine: %.1f pages/s, %.2f MB/s",
		len(files), float64(total)/1e6, el.Round(time.Millisecond),
		float64(len(files))/el.Seconds(), float64(total)/1e6/el.Seconds())
	if cpu > 0 {
		// CPU time of the process (GC included): steadier than wall time
		// on a shared machine.
		t.Logf("CPU time %v: %.1f pages/CPU-s, %.2f MB/CPU-s",
			cpu.Round(time.Millisecond), float64(len(files))/cpu.Seconds(), float64(total)/1e6/cpu.Seconds())
	}
	t.Logf("no article: %d; with date: %d (with time: %d); with outlet: %d; with language: %d; with standfirst: %d",
		noArticle, withDate, withTime, withOutlet, withLang, withStandfirst)

	pred := os.Getenv("PARLEY_EVAL_OUT")
	if pred == "" {
		pred = filepath.Join(t.TempDir(), "pred.jsonl")
	}
	if err := os.WriteFile(pred, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{scorer, gt, pred}
	if os.Getenv("PARLEY_EVAL_VERBOSE") != "" {
		args = append(args, "--verbose")
	}
	res, err := exec.Command(py, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, res)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	for _, l := range lines {
		t.Log(l)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "F1: ") {
		t.Errorf("scorer output ends with %q, want an F1 line", last)
	}
}

func gunzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}
