package cli

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/golden"
)

// TestCSVGolden: statements, positions and articles as CSV, from a record
// whose titles and statements start with formula characters (=, +, -, @,
// tab, carriage return). Every such cell is written with a leading
// apostrophe; the golden files hold the exact bytes.
func TestCSVGolden(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "csv.db")
	if code, _, errs := run(t, ctx, db, "", "ingest", "--quiet", "testdata/csv/hostile.jsonl"); code != ExitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"statements", []string{"statements", "--format", "csv"}},
		{"positions", []string{"positions", "--dossier", "testdata/csv/dossier.yaml", "--format", "csv"}},
		{"articles", []string{"articles", "--format", "csv"}},
		{"actors", []string{"actors", "--format", "csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, ctx, db, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("%v: %d %s", tc.args, code, errs)
			}
			golden.Check(t, filepath.Join("testdata", "csv", tc.name+".csv.golden"), []byte(out))
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("not CSV: %v", err)
			}
			for _, r := range rows[1:] {
				for _, cell := range r {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("cell %q would be read as a formula", cell)
					}
				}
			}
		})
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"plain": "plain", "": "", "a=b": "a=b", "'=x": "'=x",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}
