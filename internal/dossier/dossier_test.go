package dossier

import (
	"errors"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkOutput is what `parley dossier check` prints for one file.
func checkOutput(path string) string {
	d, err := Load(path)
	if err != nil {
		return err.Error() + "\n"
	}
	return path + ": ok (" + itoa(len(d.Parties)) + " parties, " + itoa(len(d.Issues)) + " issues)\n"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestCheckGolden runs the validator over testdata/check/*.yaml and
// compares its messages with the .golden files next to them.
func TestCheckGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/check/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			golden.Check(t, strings.TrimSuffix(f, ".yaml")+".golden", []byte(checkOutput(f)))
		})
	}
}

// TestValidatorErrors pins each error kind to its line and column.
func TestValidatorErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings, each must appear in one error with its position
	}{
		{"unknown_keys.yaml", []string{`:2:1: unknown key "sides"`, `:5:5: unknown key "alias" in party`, `:9:5: unknown key "pro" in issue`}},
		{"missing.yaml", []string{`:4:5: party without a name`, `:6:5: issue without an id`, `:7:5: issue "no-proposition" without a proposition`, `:9:9: issue id is empty`}},
		{"duplicate_ids.yaml", []string{`:8:9: duplicate issue id "border" (first at line 5)`}},
		{"runtime_checks.yaml", []string{`:2:7: from "2022-13" is not a real date: there is no month 13`, `:3:5: to "2022-02-30" is not a real date: month 02 of 2022 has 28 days`, `:7:11: party "northland" is listed twice (first at line 5)`, `:12:15: phrase "Open-door" is under both for and against of issue "border"`, `:13:5: issue "silent" has no phrases`}},
		{"empty_parties.yaml", []string{`:2:10: parties is empty`}},
		{"alias_clash.yaml", []string{`:6:15: "capital" is claimed by two parties: Northland and Southland`, `:7:11: party "northland" is listed twice (first at line 3)`}},
		{"bad_types.yaml", []string{`:1:14: negotiation must be a string, not a list`, `:2:7: from "next year" is not a date`, `:4:3: parties must be a list, not a mapping`, `:8:10: for must be a list of strings, not a mapping`, `:9:15: against: each entry must be a string, not a list`}},
		{"bad_party_types.yaml", []string{`:3:5: party must be a mapping`, `:4:11: name must be a string, not a list`, `:5:9: issues must be a list, not a scalar`}},
		{"empty_phrase.yaml", []string{`:7:25: for: phrase "the" has no content word`, `:7:32: for: phrase "not" has no content word`}},
		{"syntax.yaml", []string{`syntax.yaml:3:1: did not find expected`}},
		{"empty.yaml", []string{`empty.yaml:1:1: empty file`}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata/check", tc.file))
			if err == nil {
				t.Fatal("loaded an invalid dossier")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %T is not Errors", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in\n%v", w, err)
				}
			}
		})
	}
}

func TestLoadOK(t *testing.T) {
	d, err := Load("testdata/check/ok.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Negotiation != "Test talks" || d.From != "2040" || d.To != "2041-06-30" {
		t.Errorf("header = %q %q %q", d.Negotiation, d.From, d.To)
	}
	if len(d.Parties) != 2 || d.Parties[1].Aliases[0] != "South City" {
		t.Errorf("parties = %+v (a single alias string must load as a list of one)", d.Parties)
	}
	for name, want := range map[string]int{"north city": 0, "NORTHLAND FOREIGN OFFICE": 1 - 1, "South City": 1, "Westland": -1} {
		if got := d.PartyIndex(name); got != want {
			t.Errorf("PartyIndex(%q) = %d, want %d", name, got, want)
		}
	}
	if _, err := Load("testdata/check/no-such-file.yaml"); err == nil || errors.Is(err, ErrInvalid) {
		t.Errorf("missing file: err = %v, want a read error", err)
	}
}

// FuzzLoad: the loader never panics, and every error carries a position.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/check/*.yaml")
	files = append(files, "testdata/stance/dossier.yaml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("parties: [{name: A, aliases: &x [B]}, {name: C, aliases: *x}]\nissues: []"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.yaml", data)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error without positions: %v", err)
			}
			for _, e := range errs {
				if e.Line < 1 || e.Col < 1 || !strings.HasPrefix(e.Error(), "f.yaml:") {
					t.Fatalf("bad position: %v", e)
				}
			}
			return
		}
		if len(d.Parties) == 0 {
			t.Fatal("a dossier without parties loaded")
		}
		c := NewClassifier(d, nil)
		c.Classify(Utterance{Text: "Northland demands that the border follow the river", Speaker: "A"})
	})
}
