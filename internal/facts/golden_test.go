package facts

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestMergeGolden pins how reports become facts: paraphrase and truncation
// merged, an undated report joining the dated ones without bridging two
// days, a syndicated copy listed but not counted as an outlet, one event
// named by its ministry in one outlet and by its country in another, and
// different speakers, days and parties kept apart.
func TestMergeGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/merge.input.json")
	if err != nil {
		t.Fatal(err)
	}
	var items []Item
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(Merge(items, Options{}), "", "  ")
	const path = "testdata/merge.golden.json"
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("merge differs from %s; got:\n%s", path, got)
	}
}
