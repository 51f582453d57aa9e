package sqlite

import (
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/events"
)

// TestCodes checks that every value reads back as it went in, whether the
// table knows it or not (a code, the escape and short values included),
// and that the migration's SQL encodes as the writer does.
func TestCodes(t *testing.T) {
	s := openTest(t)
	values := []string{"", article.Direct, article.Indirect, article.Mixed, article.DateStated, article.DateRelative,
		article.DateEvent, article.DatePublication, article.DateNone, "paraphrase", "d", "i", "m", "x", "=", "=d", "==",
		"=direct", "ü", "direct ", "DIRECT", "e", "AGREE", "PUBLISH", "A", "Q", "agree", "NEWTYPE"}
	for _, table := range []struct {
		name  string
		codes codeTable
	}{{"kind", kindCodes}, {"basis", basisCodes}, {"event", eventCodes}} {
		seen := map[string]string{}
		for _, v := range values {
			enc := table.codes.encode(v)
			if got := table.codes.decode(enc); got != v {
				t.Errorf("%s %q: stored %q, read back %q", table.name, v, enc, got)
			}
			if prev, ok := seen[enc]; ok && prev != v {
				t.Errorf("%s: %q and %q both stored as %q", table.name, prev, v, enc)
			}
			seen[enc] = v
			var sqlEnc string
			if err := s.read.QueryRow(`SELECT `+table.codes.sqlCase("?1"), v).Scan(&sqlEnc); err != nil {
				t.Fatal(err)
			}
			if sqlEnc != enc {
				t.Errorf("%s %q: the migration stores %q, the writer %q", table.name, v, sqlEnc, enc)
			}
		}
		for _, x := range table.codes {
			if len(x.code) != 1 || len(x.value) < 2 {
				t.Errorf("%s: %q → %q: a code is one character, a value longer", table.name, x.value, x.code)
			}
		}
	}
}

// TestEventCodesCoverTypes: every type the event extractor emits has a
// code (one it did not know would still be kept, spelt out).
func TestEventCodesCoverTypes(t *testing.T) {
	for _, typ := range events.Types() {
		if c := eventCodes.encode(typ); len(c) != 1 {
			t.Errorf("event type %s has no code (stored as %q)", typ, c)
		}
	}
}
