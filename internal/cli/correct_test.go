package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

func statementsJSON(t *testing.T, ctx context.Context, db string) []store.StoredStatement {
	t.Helper()
	code, out, errs := run(t, ctx, db, "", "statements", "--format", "json", "--limit", "1000")
	if code != ExitOK {
		t.Fatalf("statements: %d %s", code, errs)
	}
	var list []store.StoredStatement
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// TestCorrectContract walks the CLI forms of corrections, the contract
// form first, and checks they survive `reanalyze --all`.
func TestCorrectContract(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, ctx, db, "", "ingest", "--actors", "../../examples/actors.yaml", "../../examples/corpus"); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	list := statementsJSON(t, ctx, db)
	var target, other store.StoredStatement
	for _, s := range list {
		if s.Speaker.Name != "Lucia Ferrer" && target.ID == 0 {
			target = s
		} else if s.Speaker.Name != "Lucia Ferrer" && s.ArticleID != target.ArticleID && other.ID == 0 {
			other = s
		}
	}
	id := strconv.FormatInt(target.ID, 10)

	usage := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"correct"}, ExitUsage, "Usage: parley correct statement ID"},
		{[]string{"correct", "statement", id, "--speaker", "X"}, ExitUsage, "--note is required"},
		{[]string{"correct", "statement", "--speaker", "X", "--note", "n"}, ExitUsage, "give one statement ID"},
		{[]string{"correct", "statement", id, "--note", "n"}, ExitUsage, "nothing to change"},
		{[]string{"correct", "statement", id, "--kind", "shouted", "--note", "n"}, ExitUsage, `kind "shouted"`},
		{[]string{"correct", "statement", id, "--span", "9:3", "--note", "n"}, ExitUsage, "--span"},
		{[]string{"correct", "statement", "99999", "--kind", "direct", "--note", "n"}, ExitFailed, "statement 99999 not found"},
		{[]string{"correct", "frob", "--note", "n"}, ExitUsage, `unknown correction "frob"`},
		{[]string{"correct", "cell", "--dossier", "../../examples/dossier.yaml", "--party", "Atlantis", "--issue", "dairy-quota", "--stance", "for", "--note", "n"}, ExitUsage, "no party"},
		{[]string{"correct", "cell", "--dossier", "../../examples/dossier.yaml", "--party", "Canada", "--issue", "dairy-quota", "--stance", "maybe", "--note", "n"}, ExitUsage, "--stance"},
		{[]string{"correct", "actor", "1", "--split", "--note", "n"}, ExitFailed, "no such merge"},
	}
	for _, tc := range usage {
		code, _, errs := run(t, ctx, db, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%q: %d %q, want %d and %q", tc.args, code, errs, tc.code, tc.err)
		}
	}

	// The contract form.
	code, out, errs := run(t, ctx, db, "", "correct", "statement", id, "--speaker", "Lucia Ferrer", "--note", "she said it", "--by", "ana")
	if code != ExitOK || !strings.Contains(out, "applied") {
		t.Fatalf("correct statement: %d %q %q", code, out, errs)
	}
	// Two actors merged, a cell set.
	actorID := func(name string) string {
		_, out, _ := run(t, ctx, db, "", "actors", "--format", "json", "--limit", "1000")
		var as []store.StoredActor
		if err := json.Unmarshal([]byte(out), &as); err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if a.Name == name {
				return strconv.FormatInt(a.ID, 10)
			}
		}
		t.Fatalf("no actor %q", name)
		return ""
	}
	if code, _, errs := run(t, ctx, db, "", "correct", "actor", actorID("Paul Dubois"), "--merge-into", actorID("Helen Marchetti"), "--note", "one person, for the test"); code != ExitOK {
		t.Fatalf("merge: %s", errs)
	}
	if code, _, errs := run(t, ctx, db, "", "correct", "cell", "--dossier", "../../examples/dossier.yaml", "--party", "canada",
		"--issue", "dairy-quota", "--stance", "conditional", "--note", "ready to discuss"); code != ExitOK {
		t.Fatalf("cell: %s", errs)
	}

	check := func(when string) {
		byText := map[string]store.StoredStatement{}
		for _, s := range statementsJSON(t, ctx, db) {
			byText[s.Text] = s
			if s.Speaker.Name == "Paul Dubois" {
				t.Errorf("%s: Paul Dubois still speaks: %q", when, s.Text)
			}
		}
		if s := byText[target.Text]; s.Speaker.Name != "Lucia Ferrer" {
			t.Errorf("%s: speaker = %q, want Lucia Ferrer", when, s.Speaker.Name)
		}
		_, out, _ := run(t, ctx, db, "", "positions", "--dossier", "../../examples/dossier.yaml", "--format", "json")
		var cells []struct {
			Issue, Party, Stance string
			Override             *struct{ Note string }
		}
		if err := json.Unmarshal([]byte(out), &cells); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range cells {
			if c.Issue == "dairy-quota" && c.Party == "Canada" {
				found = c.Stance == "conditional" && c.Override != nil && c.Override.Note == "ready to discuss"
			}
		}
		if !found {
			t.Errorf("%s: dairy-quota/Canada not overridden: %s", when, out)
		}
		_, out, _ = run(t, ctx, db, "", "corrections", "--format", "json")
		var log []store.Correction
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		if len(log) != 3 || log[2].By != "ana" || log[0].Kind != store.CorrectCell || log[1].Kind != store.CorrectMerge {
			t.Errorf("%s: log = %+v", when, log)
		}
		for _, c := range log {
			if c.Status != store.Applied {
				t.Errorf("%s: %s correction %s: %s", when, c.Kind, c.Status, c.Problem)
			}
		}
	}
	check("after correcting")
	if code, _, errs := run(t, ctx, db, "", "reanalyze", "--all"); code != ExitOK {
		t.Fatalf("reanalyze: %s", errs)
	}
	check("after reanalyze --all")

	// Paging.
	code, out, errs = run(t, ctx, db, "", "corrections", "--limit", "2")
	if code != ExitOK || strings.Count(out, "\n") != 3 || !strings.Contains(errs, "More: parley corrections --after") {
		t.Errorf("page: %q %q", out, errs)
	}
}
