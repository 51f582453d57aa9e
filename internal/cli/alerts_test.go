package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// analysedLine is one line of extract output: speaker of party says text.
func analysedLine(t *testing.T, source, date, speaker, party, text string) string {
	t.Helper()
	body := `"` + text + `," ` + speaker + ` said.`
	b, err := json.Marshal(map[string]any{
		"source": source, "title": source, "published": date, "outlet": "Example Wire", "body": body, "pipeline": "t",
		"statements": []map[string]any{{
			"speaker": map[string]string{"name": speaker, "affiliation": party, "kind": "PERSON"},
			"kind":    "direct", "text": text, "cue": "said", "date": date,
			"span": []int{0, len(body)}, "text_span": []int{1, 1 + len(text)},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// TestIngestAlerts: an ingest with --dossier reports the cells whose stance
// changed and posts them to the webhook; the first one is the baseline.
func TestIngestAlerts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
	}))
	defer srv.Close()
	one, two := filepath.Join(dir, "one.jsonl"), filepath.Join(dir, "two.jsonl")
	os.WriteFile(one, []byte(analysedLine(t, "a1", "2031-03-01", "Ana Lind", "Portland", "We will keep the fees")), 0o644)
	os.WriteFile(two, []byte(analysedLine(t, "a2", "2031-03-04", "Ana Lind", "Portland", "We will halve the fees if Freeport agrees")), 0o644)
	dossierFile := "testdata/csv/dossier.yaml"
	hook := []string{"--dossier", dossierFile, "--webhook", srv.URL, "--webhook-allow-private"}

	code, _, errs := run(t, ctx, db, "", append([]string{"ingest", "--quiet", one}, hook...)...)
	if code != ExitOK || strings.Contains(errs, "stance change") || len(bodies) != 0 {
		t.Fatalf("baseline: %d %q, %d posts", code, errs, len(bodies))
	}
	code, _, errs = run(t, ctx, db, "", append([]string{"ingest", "--quiet", two}, hook...)...)
	if code != ExitOK || !strings.Contains(errs, "stance change (dossier): Portland on harbour-fees: against → conditional") {
		t.Fatalf("second ingest: %d %q", code, errs)
	}
	if len(bodies) != 1 || !strings.Contains(bodies[0], `"dossier":"dossier"`) || !strings.Contains(bodies[0], `"from":"against"`) {
		t.Errorf("webhook bodies %q", bodies)
	}
	// Without --webhook-allow-private the loopback receiver is refused.
	three := filepath.Join(dir, "three.jsonl")
	os.WriteFile(three, []byte(analysedLine(t, "a3", "2031-03-06", "Ana Lind", "Portland", "We will keep the fees")), 0o644)
	code, _, errs = run(t, ctx, db, "", "ingest", "--quiet", three, "--dossier", dossierFile, "--webhook", srv.URL)
	if code != ExitFailed || !strings.Contains(errs, "not a public address") || len(bodies) != 1 {
		t.Errorf("refused webhook: %d %q, %d posts", code, errs, len(bodies))
	}
	if code, _, errs := run(t, ctx, db, "", "ingest", three, "--webhook", srv.URL); code != ExitUsage || !strings.Contains(errs, "--webhook needs --dossier") {
		t.Errorf("webhook without dossier: %d %q", code, errs)
	}
}
