package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBench(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, context.Background(), "", "", "bench", "--n", "12", "--requests", "1", "--clients", "2", "--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"corpus      12 articles", "articles/s", "bytes/article", "with the links", "(12 articles)", "/api/v1/statements", "/matrix"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "bench.db")); err != nil || fi.Size() == 0 {
		t.Errorf("no database kept in --dir: %v", err)
	}

	// --probe on the reused database: new articles each time (from the
	// store's count on), the empty database removed afterwards.
	for _, want := range []string{"probe       3 new articles (12 to 14)", "probe       3 new articles (15 to 17)"} {
		code, out, errOut = run(t, context.Background(), "", "", "bench", "--n", "12", "--reuse", "--probe", "3", "--requests", "1", "--dir", dir)
		if code != ExitOK || !strings.Contains(out, want) || !strings.Contains(out, "into an empty database") {
			t.Fatalf("--probe: exit %d, want %q in:\n%s\n%s", code, want, out, errOut)
		}
	}
	// The size with the links counts what the store holds, probes included.
	if !strings.Contains(out, "with the links") || !strings.Contains(out, "(18 articles)") {
		t.Errorf("the size with the links does not count the 18 articles held:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "probe-empty.db")); !os.IsNotExist(err) {
		t.Errorf("the probe's empty database was left behind: %v", err)
	}

	corpus := filepath.Join(dir, "c.jsonl")
	code, out, _ = run(t, context.Background(), "", "", "bench", "--n", "5", "--corpus", corpus)
	if code != ExitOK || !strings.Contains(out, "5 articles") {
		t.Fatalf("--corpus: exit %d: %s", code, out)
	}
	b, err := os.ReadFile(corpus)
	if err != nil || strings.Count(string(b), "\n") != 5 {
		t.Errorf("--corpus wrote %d lines (%v), want 5", strings.Count(string(b), "\n"), err)
	}

	// --per-day: the corpus dated in order, two articles a weekday.
	code, _, _ = run(t, context.Background(), "", "", "bench", "--n", "5", "--per-day", "2", "--corpus", corpus)
	b, _ = os.ReadFile(corpus)
	if code != ExitOK || strings.Count(string(b), `"published":"2031-02-03"`) != 2 || strings.Count(string(b), `"published":"2031-02-05"`) != 1 {
		t.Errorf("--per-day 2: exit %d, corpus %s", code, b)
	}

	for _, bad := range [][]string{{"--n", "0"}, {"--per-day", "-1"}, {"--probe", "-1"}} {
		if code, _, _ := run(t, context.Background(), "", "", append([]string{"bench"}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}
