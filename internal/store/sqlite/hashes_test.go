package sqlite

import (
	"context"
	"github.com/parley-news/parley/internal/store/storetest"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

// TestContentHashes: a computed hash and an imported one (lowercase hex)
// are stored packed, any other value as its text; each reads back as it
// was and finds its article again (a second save is a duplicate); the
// migration packs an existing store's hex hashes the same way.
func TestContentHashes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	hex64 := strings.Repeat("0123456789abcdef", 4)
	for i, hash := range []string{"", hex64, strings.ToUpper(hex64), "not a hash", hex64[:63] + "g"} {
		a := benchArticle(100 + i)
		a.ContentHash = hash
		res, got := storetest.SaveRead(t, s, a)
		want := hash
		if want == "" {
			want = contentHash(a)
		}
		if got.ContentHash != want {
			t.Errorf("hash %q read back as %q", want, got.ContentHash)
		}
		var kind string
		if err := s.read.QueryRow(`SELECT typeof(content_hash) FROM articles WHERE id = ?`, res.ID).Scan(&kind); err != nil {
			t.Fatal(err)
		}
		if packed := len(want) == 64 && strings.ToLower(want) == want && !strings.Contains(want, "g"); (kind == "blob") != packed {
			t.Errorf("hash %q stored as %s", want, kind)
		}
		again, err := s.SaveArticle(ctx, a)
		if err != nil || again.ID != res.ID || again.Status != store.Duplicate {
			t.Errorf("hash %q saved again: %+v, %v", want, again, err)
		}
	}
	// The migration's SQL packs a hex hash stored as text, and only that.
	if _, err := s.write.Exec(`UPDATE articles SET content_hash = lower(hex(content_hash)) WHERE typeof(content_hash) = 'blob'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.Exec(hashesSQL); err != nil {
		t.Fatal(err)
	}
	var blobs, texts int
	if err := s.read.QueryRow(`SELECT count(*) FILTER (WHERE typeof(content_hash) = 'blob'), count(*) FILTER (WHERE typeof(content_hash) = 'text') FROM articles`).Scan(&blobs, &texts); err != nil {
		t.Fatal(err)
	}
	if blobs != 2 || texts != 3 {
		t.Errorf("after the migration: %d packed, %d text; want 2 and 3", blobs, texts)
	}
}
