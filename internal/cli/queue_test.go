package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnqueueThenWork: ingest --enqueue queues and returns; worker
// --until-idle stores the same articles a plain ingest does, with the year
// of a dateline that gives none decided over the whole run.
func TestEnqueueThenWork(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "Harbour talks open\n\nPORTVILLE, March 2, 2031. /NAP/. The harbour talks opened, envoy Piotr Lind told reporters.\n\n\"We are ready,\" he said.\n",
		"b.txt": "Harbour talks go on\n\nPORTVILLE, March 3. /NAP/. The harbour talks went on, envoy Piotr Lind told reporters.\n\n\"We are close,\" he said.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	queued := filepath.Join(t.TempDir(), "q.db")
	plain := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := run(t, ctx, queued, "", "ingest", "--enqueue", dir)
	if code != 0 || !strings.Contains(out, "read 2, enqueued 2") {
		t.Fatalf("enqueue: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, ctx, queued, "", "articles"); code != 0 || strings.Contains(out, "Harbour") {
		t.Errorf("articles stored before any worker ran: %s", out)
	}
	code, out, errs = run(t, ctx, queued, "", "worker", "--until-idle")
	if code != 0 || !strings.Contains(out, "worked 2 jobs") {
		t.Fatalf("worker: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, ctx, plain, "", "ingest", "--quiet", dir); code != 0 {
		t.Fatal(errs)
	}
	_, q, _ := run(t, ctx, queued, "", "articles", "--format", "csv")
	_, p, _ := run(t, ctx, plain, "", "articles", "--format", "csv")
	strip := func(csv string) []string {
		// Drop the id column: ids are each store's own.
		var rows []string
		for _, l := range strings.Split(strings.TrimSpace(csv), "\n") {
			if i := strings.IndexByte(l, ','); i >= 0 {
				rows = append(rows, l[i+1:])
			}
		}
		return rows
	}
	if strings.Join(strip(q), "\n") != strings.Join(strip(p), "\n") || !strings.Contains(q, "2031-03-03") {
		t.Errorf("queued:\n%s\nplain:\n%s", q, p)
	}
	code, out, _ = run(t, ctx, queued, "", "articles", "--format", "json")
	if code != 0 || !strings.Contains(out, "dateline+year-corpus") {
		t.Errorf("the year of the dateline without one was not decided over the run: %s", out)
	}
}
