package facts

import (
	"encoding/json"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"testing"
)

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
	golden.Check(t, "testdata/merge.golden.json", got)
}
