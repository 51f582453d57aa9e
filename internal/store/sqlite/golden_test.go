package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/golden"
	"github.com/parley-news/parley/internal/store"
)

// TestGoldenRoundTrip saves every testdata/*.input.json and compares what
// Article reads back with the matching .golden.json: the store must return
// the record it was given (plus the content hash it computed and the
// speakers' known aliases).
func TestGoldenRoundTrip(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input.json")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var a article.Article
			if err := json.Unmarshal(raw, &a); err != nil {
				t.Fatal(err)
			}
			s := openTest(t)
			ctx := context.Background()
			res, err := s.SaveArticle(ctx, &a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Article(ctx, res.ID)
			if err != nil {
				t.Fatal(err)
			}
			// Timestamps vary from run to run and are left out.
			out, err := json.MarshalIndent(struct {
				Result  store.SaveResult `json:"result"`
				ID      int64            `json:"id"`
				Version int              `json:"version"`
				Current bool             `json:"current"`
				article.Article
			}{res, got.ID, got.Version, got.Current, got.Article}, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			goldenPath := strings.TrimSuffix(in, ".input.json") + ".golden.json"
			golden.Check(t, goldenPath, out)
			// The analyses round-trip exactly.
			if !equalJSON(t, a.Statements, got.Statements) || !equalJSON(t, a.Mentions, got.Mentions) ||
				!equalJSON(t, a.Timexes, got.Timexes) || !equalJSON(t, a.Events, got.Events) {
				t.Errorf("analyses changed in the round trip")
			}
		})
	}
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(x, y)
}
