package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs parley with args against a temporary database and returns the
// exit status, standard output and standard error.
func run(t *testing.T, ctx context.Context, db string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string {
			if k == "PARLEY_DB" {
				return db
			}
			return ""
		},
	}
	code := Run(ctx, env, args)
	return code, out.String(), errb.String()
}

const sampleReport = `Harbour talks resume, envoy says

PORTVILLE, March 3, 2031. /NAP/. The harbour talks resumed on Monday, envoy Piotr Lind told reporters.

"We are ready to sign," he said.
`

func corpus(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(sampleReport), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestUsageAndExitStatus(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	tests := []struct {
		args []string
		code int
		out  string // in stdout
		err  string // in stderr
	}{
		{nil, ExitUsage, "", "Usage: parley COMMAND"},
		{[]string{"--help"}, ExitOK, "", "Commands:"},
		{[]string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{[]string{"statments"}, ExitUsage, "", "Did you mean: parley statements?"},
		{[]string{"time"}, ExitUsage, "", "Did you mean: parley timeline?"},
		{[]string{"help", "timeline"}, ExitOK, "", "Usage: parley timeline"},
		{[]string{"help"}, ExitOK, "", "docs/dossier.md"},
		{[]string{"articles", "--id", "99"}, ExitFailed, "", "parley articles: article 99 not found\n"},
		{[]string{"version"}, ExitOK, "parley " + Version, ""},
		{[]string{"extract"}, ExitUsage, "", "no input given"},
		{[]string{"extract", "--no-such-flag", "x"}, ExitUsage, "", "flag provided but not defined"},
		{[]string{"extract", "--published", "soon", "x"}, ExitUsage, "", "is not a date"},
		{[]string{"articles", "--format", "xml"}, ExitUsage, "", "--format must be"},
		{[]string{"statements", "--kind", "shouted"}, ExitUsage, "", "--kind must be"},
		{[]string{"articles", "--from", "last week"}, ExitUsage, "", ""},
	}
	for _, c := range commands() {
		tests = append(tests, struct {
			args []string
			code int
			out  string
			err  string
		}{[]string{c.name, "--help"}, ExitOK, "", "Usage: parley " + c.name})
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, ctx, db, "", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d with %q / %q", code, out, errs, tt.code, tt.out, tt.err)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	dir := corpus(t)
	code, out, errs := run(t, context.Background(), "", "", "extract", dir)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d (one input failed)", code, ExitFailed)
	}
	if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 1 || !strings.Contains(errs, "b.txt") || !strings.Contains(errs, "binary") {
		t.Errorf("stderr should be one line naming b.txt and the reason: %q", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("stdout has %d lines, want 1 JSON object", len(lines))
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "title", "published", "place", "outlet", "language", "body", "statements", "mentions", "timexes", "events"} {
		if _, ok := a[k]; !ok {
			t.Errorf("output has no %q", k)
		}
	}
	if a["title"] != "Harbour talks resume, envoy says" || a["published"] != "2031-03-03" || a["place"] != "Portville" || a["outlet"] != "NAP" {
		t.Errorf("metadata: title %v, published %v, place %v, outlet %v", a["title"], a["published"], a["place"], a["outlet"])
	}
	// Unknown values are null, not "".
	code, out, _ = run(t, context.Background(), "", "A story\n\nSomething happened somewhere, people said.\n", "extract", "-")
	if code != ExitOK || !strings.Contains(out, `"published":null`) || !strings.Contains(out, `"outlet":null`) {
		t.Errorf("unknown values should print null: exit %d, %s", code, out)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	dir := corpus(t)
	code, out, _ := run(t, ctx, db, "", "ingest", dir)
	if code != ExitFailed || !strings.Contains(out, "read 2, new 1, duplicate 0, new version 0, failed 1") {
		t.Fatalf("first ingest: exit %d, %q", code, out)
	}
	os.Remove(filepath.Join(dir, "b.txt"))
	code, out, _ = run(t, ctx, db, "", "ingest", dir)
	if code != ExitOK || !strings.Contains(out, "read 1, new 0, duplicate 1") {
		t.Fatalf("second ingest: exit %d, %q", code, out)
	}
	// A changed article from the same source is a new version.
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(strings.Replace(sampleReport, "Monday", "Tuesday", 1)), 0o644)
	code, out, _ = run(t, ctx, db, "", "ingest", dir)
	if code != ExitOK || !strings.Contains(out, "new version 1") {
		t.Fatalf("changed ingest: exit %d, %q", code, out)
	}
	code, out, _ = run(t, ctx, db, "", "articles", "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != ExitOK || err != nil || len(list) != 1 {
		t.Fatalf("articles: exit %d, %d rows, %v", code, len(list), err)
	}
	code, out, _ = run(t, ctx, db, "", "articles", "--q", "harbour")
	if code != ExitOK || !strings.Contains(out, "Harbour talks resume") {
		t.Errorf("search: exit %d, %q", code, out)
	}
	code, out, _ = run(t, ctx, db, "", "articles", "--format", "csv")
	if code != ExitOK || !strings.HasPrefix(out, "id,published,outlet") {
		t.Errorf("csv: exit %d, %q", code, out)
	}
	code, out, _ = run(t, ctx, db, "", "reanalyze", "--all")
	if code != ExitOK || !strings.Contains(out, "reanalysed 1 articles") {
		t.Errorf("reanalyze: exit %d, %q", code, out)
	}
	code, _, _ = run(t, ctx, db, "", "statements", "--format", "json")
	if code != ExitOK {
		t.Errorf("statements: exit %d", code)
	}
}

func TestInterruptedIngestStoresNothingHalf(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := corpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, _ := run(t, ctx, db, "", "ingest", dir)
	if code == ExitOK {
		t.Errorf("an interrupted ingest must not exit 0")
	}
	code, out, _ := run(t, context.Background(), db, "", "articles", "--format", "json")
	if code == ExitOK && strings.TrimSpace(out) != "[]" {
		t.Errorf("an ingest interrupted before it began stored %s", out)
	}
}

func TestTimelineActorsReport(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := run(t, ctx, db, "", "ingest", "--quiet", "../../examples/corpus"); code != ExitOK {
		t.Fatalf("ingest of the example corpus: exit %d, %s %s", code, out, errs)
	}
	code, out, _ := run(t, ctx, db, "", "timeline", "--format", "json")
	var tl []map[string]any
	if err := json.Unmarshal([]byte(out), &tl); code != ExitOK || err != nil || len(tl) == 0 {
		t.Fatalf("timeline: exit %d, %d entries, %v", code, len(tl), err)
	}
	prev := ""
	for _, f := range tl {
		d, _ := f["date"].(string)
		if d != "" && prev != "" && d < prev {
			t.Errorf("timeline out of order: %s after %s", d, prev)
		}
		if d != "" {
			prev = d
		}
	}
	// A limit below the record: the newest facts, and on stderr where the
	// earlier ones begin.
	code, out, errs := run(t, ctx, db, "", "timeline", "--format", "json", "--limit", "2", "--kind", "statement")
	var short []map[string]any
	if err := json.Unmarshal([]byte(out), &short); code != ExitOK || err != nil || len(short) == 0 || len(short) > 2 ||
		!strings.Contains(errs, "the newest facts only") || !strings.Contains(errs, "--to ") {
		t.Errorf("timeline --limit 2: exit %d, %d facts, stderr %q", code, len(short), errs)
	}
	if code, _, _ := run(t, ctx, db, "", "timeline", "--limit", "0"); code != ExitUsage {
		t.Errorf("--limit 0: exit %d", code)
	}
	code, out, _ = run(t, ctx, db, "", "actors")
	if code != ExitOK || !strings.Contains(out, "Helen Marchetti") {
		t.Errorf("actors: exit %d, %q", code, out)
	}
	dossierFile := filepath.Join(t.TempDir(), "d.yaml")
	os.WriteFile(dossierFile, []byte(`negotiation: Quota talks
parties:
  - name: Canada
    aliases: [Ottawa]
  - name: United States
    aliases: [Washington, U.S.]
issues:
  - id: tariffs-lifted
    proposition: The steel tariffs are lifted
    for: [lift the tariffs, lifted the remaining tariffs, tariffs would be lifted]
    against: [would not lift steel tariffs]
`), 0o644)
	dir := filepath.Join(t.TempDir(), "report")
	code, out, errs = run(t, ctx, db, "", "report", "--dossier", dossierFile, "--out", dir)
	if code != ExitOK || !strings.Contains(out, "index.html") {
		t.Fatalf("report: exit %d, %s %s", code, out, errs)
	}
	for _, f := range []string{"index.html", "timeline.svg", "timeline.png", "matrix.svg", "matrix.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("report lacks %s", f)
		}
	}
	if code, _, _ := run(t, ctx, db, "", "report"); code != ExitUsage {
		t.Errorf("report without --out: exit %d, want %d", code, ExitUsage)
	}
}
