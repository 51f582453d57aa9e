package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// withoutIDs drops the fields a store gives (ids, times) from JSON output,
// so that two databases holding the same record print the same.
func withoutIDs(t *testing.T, out string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var strip func(any) any
	strip = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k := range x {
				if k == "id" || strings.HasSuffix(k, "_id") || strings.HasSuffix(k, "_at") {
					delete(x, k)
					continue
				}
				x[k] = strip(x[k])
			}
		case []any:
			for i := range x {
				x[i] = strip(x[i])
			}
		}
		return v
	}
	b, _ := json.Marshal(strip(v))
	return string(b)
}

// record prints what must survive export → ingest: statements (text,
// speaker, date) and the positions of the example dossier.
func record(t *testing.T, db string) (stmts, positions string) {
	t.Helper()
	ctx := context.Background()
	code, out, errs := run(t, ctx, db, "", "statements", "--format", "json", "--limit", "1000")
	if code != ExitOK {
		t.Fatalf("statements: %d %s", code, errs)
	}
	stmts = withoutIDs(t, out)
	code, out, errs = run(t, ctx, db, "", "positions", "--dossier", "../../examples/dossier.yaml", "--format", "json")
	if code != ExitOK {
		t.Fatalf("positions: %d %s", code, errs)
	}
	return stmts, withoutIDs(t, out)
}

// TestExportIngestRoundTrip: export → ingest into a fresh database gives
// the same statements and positions, without analysing again; extract
// output is stored as analysed too.
func TestExportIngestRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	if code, _, errs := run(t, ctx, src, "", "ingest", "--quiet", "--actors", "../../examples/actors.yaml", "../../examples/corpus"); code != ExitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	// A changed version of one article: the export keeps both.
	changed := filepath.Join(dir, "changed.jsonl")
	os.WriteFile(changed, []byte(`{"source":"wire-1","title":"Harbour talks","published":"2031-03-03","text":"PORTVILLE, March 3, 2031. The harbour talks resumed, envoy Piotr Lind told reporters."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "changed2.jsonl"), []byte(`{"source":"wire-1","title":"Harbour talks","published":"2031-03-03","text":"PORTVILLE, March 3, 2031. The harbour talks resumed, envoy Piotr Lind told reporters. \"We are ready,\" he said."}`+"\n"), 0o644)
	for _, f := range []string{changed, filepath.Join(dir, "changed2.jsonl")} {
		if code, _, errs := run(t, ctx, src, "", "ingest", "--quiet", f); code != ExitOK {
			t.Fatalf("ingest %s: %d %s", f, code, errs)
		}
	}
	// Analysts' corrections: a speaker fixed, a stance cell set by hand;
	// the export carries them, and the fresh database holds them too.
	code, out, errs := run(t, ctx, src, "", "statements", "--format", "json", "--limit", "1")
	if code != ExitOK {
		t.Fatalf("statements: %d %s", code, errs)
	}
	var first []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &first); err != nil || len(first) == 0 {
		t.Fatalf("statements json: %v %s", err, out)
	}
	if code, _, errs := run(t, ctx, src, "", "correct", "statement", strconv.FormatInt(first[0].ID, 10),
		"--speaker", "Maria Example", "--note", "the wire named her", "--by", "ana"); code != ExitOK {
		t.Fatalf("correct statement: %d %s", code, errs)
	}
	if code, _, errs := run(t, ctx, src, "", "correct", "cell", "--dossier", "../../examples/dossier.yaml",
		"--party", "Mexico", "--issue", "steel-quotas", "--stance", "conditional", "--note", "see the communiqué", "--by", "ana"); code != ExitOK {
		t.Fatalf("correct cell: %d %s", code, errs)
	}
	wantStmts, wantPos := record(t, src)
	if !strings.Contains(wantStmts, "Maria Example") || !strings.Contains(wantPos, "see the communiqué") {
		t.Fatalf("the corrections do not show: %s", wantPos)
	}
	if !strings.Contains(wantPos, `"stance"`) || !strings.Contains(wantStmts, `"speaker"`) {
		t.Fatalf("the example corpus gives no positions or statements: %s", wantPos)
	}

	exp := filepath.Join(dir, "all.jsonl")
	code, _, errs = run(t, ctx, src, "", "export", "--out", exp)
	if code != ExitOK || !strings.Contains(errs, "versions)") {
		t.Fatalf("export: %d %s", code, errs)
	}
	dst := filepath.Join(dir, "dst.db")
	code, out, errs = run(t, ctx, dst, "", "ingest", "--quiet", exp)
	if code != ExitOK || !strings.Contains(out, "new version 1, failed 0") {
		t.Fatalf("ingest of the export: %d %s %s", code, out, errs)
	}
	gotStmts, gotPos := record(t, dst)
	if gotStmts != wantStmts {
		t.Errorf("statements differ after export → ingest:\n got %s\nwant %s", gotStmts, wantStmts)
	}
	if gotPos != wantPos {
		t.Errorf("positions differ after export → ingest:\n got %s\nwant %s", gotPos, wantPos)
	}
	// The versions came back too: the re-export is the same record.
	exp2 := filepath.Join(dir, "again.jsonl")
	if code, _, errs := run(t, ctx, dst, "", "export", "--out", exp2); code != ExitOK {
		t.Fatalf("export: %d %s", code, errs)
	}
	if a, b := exportRecords(t, exp), exportRecords(t, exp2); !reflect.DeepEqual(a, b) {
		t.Errorf("the re-export differs: %d vs %d records", len(a), len(b))
	}
	// From standard input as well.
	data, _ := os.ReadFile(exp)
	code, out, _ = run(t, ctx, filepath.Join(dir, "stdin.db"), string(data), "ingest", "--quiet", "-")
	if code != ExitOK || !strings.Contains(out, "failed 0") || strings.Contains(out, "new 0,") {
		t.Errorf("ingest - of an export: %d %s", code, out)
	}

	// extract output: stored as analysed, the same statements as an ingest.
	code, out, errs = run(t, ctx, "", "", "extract", "--actors", "../../examples/actors.yaml", "../../examples/corpus")
	if code != ExitOK {
		t.Fatalf("extract: %d %s", code, errs)
	}
	ex := filepath.Join(dir, "a.jsonl")
	os.WriteFile(ex, []byte(out), 0o644)
	fromExtract := filepath.Join(dir, "extract.db")
	if code, out, errs := run(t, ctx, fromExtract, "", "ingest", "--quiet", ex); code != ExitOK || !strings.Contains(out, "failed 0") {
		t.Fatalf("ingest of extract output: %d %s %s", code, out, errs)
	}
	plain := filepath.Join(dir, "plain.db")
	run(t, ctx, plain, "", "ingest", "--quiet", "--actors", "../../examples/actors.yaml", "../../examples/corpus")
	s1, p1 := record(t, fromExtract)
	s2, p2 := record(t, plain)
	if s1 != s2 || p1 != p2 {
		t.Errorf("extract → ingest differs from ingest:\n%s\n%s", s1, s2)
	}
}

// exportRecords reads an export's article records without store ids and times.
func exportRecords(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		out = append(out, withoutIDs(t, line))
	}
	return out
}

// TestReanalyzeActors: a database ingested without an actors file, then
// reanalysed with one, holds what an ingest with it holds.
func TestReanalyzeActors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	with, without := filepath.Join(dir, "with.db"), filepath.Join(dir, "without.db")
	run(t, ctx, with, "", "ingest", "--quiet", "--actors", "../../examples/actors.yaml", "../../examples/corpus")
	run(t, ctx, without, "", "ingest", "--quiet", "../../examples/corpus")
	s1, _ := record(t, with)
	s0, _ := record(t, without)
	if s0 == s1 {
		t.Fatal("the actors file changes nothing in the example corpus; the test proves nothing")
	}
	code, out, errs := run(t, ctx, without, "", "reanalyze", "--actors", "../../examples/actors.yaml")
	if code != ExitOK || !strings.Contains(out, "reanalysed 6 articles") {
		t.Fatalf("reanalyze --actors: %d %s %s", code, out, errs)
	}
	if s2, _ := record(t, without); s2 != s1 {
		t.Errorf("after reanalyze --actors:\n got %s\nwant %s", s2, s1)
	}
	if code, _, errs := run(t, ctx, without, "", "reanalyze", "--actors", filepath.Join(dir, "missing.yaml")); code != ExitUsage || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("a missing actors file: %d %s", code, errs)
	}
}
