package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

const packBody0 = "MOSCOW, Dec. 17. Talks resume on Monday, the ministry said on Friday; «Genève» was named for March 2022."

func at(body, s string) article.Span {
	i := strings.Index(body, s)
	return article.Span{i, i + len(s)}
}

func TestPackTimexesRoundTrip(t *testing.T) {
	body := packBody0
	tests := []struct {
		name string
		ts   []article.Timex
	}{
		{"none", []article.Timex{}},
		{"from the body", []article.Timex{
			{Text: "Dec. 17", Type: article.Date, Value: "2021-12-17", Span: at(body, "Dec. 17")},
			{Text: "Monday", Type: article.Date, Value: "2021-12-20", Span: at(body, "Monday")},
			{Text: "Friday", Type: article.Date, Value: "2021-12-17", Span: at(body, "Friday")},
			{Text: "March 2022", Type: article.Date, Value: "2022-03", Span: at(body, "March 2022")},
		}},
		{"every type, and one spelled out", []article.Timex{
			{Text: "Monday", Type: article.Time, Value: "2021-12-20TMO", Span: at(body, "Monday")},
			{Text: "Monday", Type: article.Duration, Value: "P1D", Span: at(body, "Monday")},
			{Text: "Monday", Type: article.Set, Value: "XXXX-WXX-1", Span: at(body, "Monday")},
			{Text: "Monday", Type: "INTERVAL", Value: "", Span: at(body, "Monday")},
			{Text: "Monday", Type: "", Value: "", Span: at(body, "Monday")},
		}},
		{"text not the body's: edited, beyond ASCII, spans out of order and past the body", []article.Timex{
			{Text: "next Monday", Type: article.Date, Value: "2021-12-20", Span: at(body, "Monday")},
			{Text: "«Genève»", Type: article.Date, Value: "2021-12-20", Span: article.Span{len(body) - 5, len(body) + 40}},
			{Text: "", Type: article.Date, Value: "X", Span: article.Span{-3, 2}},
			{Text: "Dec", Type: article.Date, Value: "X", Span: article.Span{7, 3}},
			{Text: "", Type: article.Date, Value: "", Span: article.Span{4, 4}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			packed := packTimexesOf(body, tt.ts)
			got, err := unpackTimexes(packed, body, store.MaxAnalyses+1, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.ts) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, tt.ts)
			}
			// Cut to a limit: the first ones, decoded.
			if len(tt.ts) > 2 {
				got, err := unpackTimexes(packed, body, 2, nil)
				if err != nil || !reflect.DeepEqual(got, tt.ts[:2]) {
					t.Errorf("limit 2: %+v, %v", got, err)
				}
			}
		})
	}
}

// TestPackTimexesSize: the point of packing. Time expressions that are the
// body's bytes take a few bytes each, a repeated value less.
func TestPackTimexesSize(t *testing.T) {
	body := packBody0
	var ts []article.Timex
	for range 10 {
		ts = append(ts, article.Timex{Text: "Friday", Type: article.Date, Value: "2021-12-17", Span: at(body, "Friday")},
			article.Timex{Text: "Monday", Type: article.Date, Value: "2021-12-20", Span: at(body, "Monday")})
	}
	packed := packTimexesOf(body, ts)
	// Two values of 11 bytes each, then 4 bytes a time expression.
	if len(packed) > 2+2*12+len(ts)*4 {
		t.Errorf("%d time expressions packed in %d bytes", len(ts), len(packed))
	}
}

func TestUnpackTimexesRefusesDamage(t *testing.T) {
	body := packBody0
	good := packTimexesOf(body, []article.Timex{
		{Text: "Monday", Type: article.Date, Value: "2021-12-20", Span: at(body, "Monday")},
		{Text: "next Friday", Type: "INTERVAL", Value: "2021-12-20", Span: at(body, "Friday")},
	})
	// Every cut of a good row is refused: the count says there is more.
	for n := range len(good) {
		if _, err := unpackTimexes(good[:n], body, 100, nil); !errors.Is(err, errBadPack) {
			t.Errorf("cut at %d of %d: %v, want errBadPack", n, len(good), err)
		}
	}
	for name, b := range map[string][]byte{
		"unknown mark":         {0x03, 0x00},
		"count past the bytes": {packTimexes, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00, 0x00},
		"type code 5":          {packTimexes, 1, 5, 0, 0, 0},
		"unknown flag":         {packTimexes, 1, 0x20, 0, 0, 0},
		"reference ahead":      {packTimexes, 1, packValueRef, 0, 0, 0},
		"string past the end":  {packTimexes, 1, 0, 0, 0, 9, 'a'},
	} {
		if _, err := unpackTimexes(b, body, 100, nil); !errors.Is(err, errBadPack) {
			t.Errorf("%s: %v, want errBadPack", name, err)
		}
	}
}

func FuzzUnpackTimexes(f *testing.F) {
	body := packBody0
	f.Add(packTimexesOf(body, []article.Timex{
		{Text: "Monday", Type: article.Date, Value: "2021-12-20", Span: at(body, "Monday")},
		{Text: "x", Type: "OTHER", Value: "2021-12-20", Span: article.Span{-1, 900}},
	}))
	f.Add([]byte{packTimexes, 0})
	f.Add([]byte{packTimexesInterned, 2, 0, 2, 4, 4, 0, 1, 2, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Rows of either format, interned ones against a small table.
		var strs memStrings
		for _, x := range []string{"Sergei Ryabkov", "2021-12-20", "P1M"} {
			strs.intern(x)
		}
		ts, err := unpackTimexes(b, body, 1000, strs.resolve)
		if err != nil {
			if !errors.Is(err, errBadPack) {
				t.Fatalf("error %v is not errBadPack", err)
			}
			return
		}
		// What decodes packs again to the same time expressions.
		again, err := unpackTimexes(packTimexesOf(body, ts), body, 1000, nil)
		if err == nil && reflect.DeepEqual(again, ts) {
			var fresh memStrings
			repacked, perr := packTimexesWith(body, ts, fresh.intern)
			if perr != nil {
				t.Fatal(perr)
			}
			again, err = unpackTimexes(repacked, body, 1000, fresh.resolve)
		}
		if err != nil || !reflect.DeepEqual(again, ts) {
			t.Fatalf("re-pack: %+v, %v; want %+v", again, err, ts)
		}
	})
}

// TestTimexPacksMigration: a store written before the "packed time
// expressions" migration reads back the same time expressions once
// migrated, one packed row an article, with the same counts; the counts
// follow new versions and deletions afterwards.
func TestTimexPacksMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	arts := leanArticles()
	registerFunctions() // the migrations writeOld replays call them
	writeOld(t, path, migrationIndex(t, "packed time expressions"), arts)
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rows, table int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*), (SELECT count(*) FROM sqlite_master WHERE name = 'timexes') FROM timex_packs`).
		Scan(&rows, &table); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, a := range arts {
		if len(a.Timexes) > 0 {
			want++
		}
	}
	if rows != want || table != 0 {
		t.Errorf("%d packed rows (want %d), old table left: %d", rows, want, table)
	}
	current := 0
	for i, a := range arts {
		got, err := s.Article(ctx, int64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := jsonOf(t, got.Timexes), jsonOf(t, a.Timexes); g != w {
			t.Errorf("article %d:\nread   %s\nstored %s", i+1, g, w)
		}
		if got.Current {
			current += len(a.Timexes)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Timexes != int64(current) {
		t.Fatalf("stats: %d time expressions, want %d (%v)", st.Timexes, current, err)
	}
	// A new version of the last article replaces its time expressions in
	// the counts; deleting an article takes its own out.
	last := arts[len(arts)-1]
	v := *last
	v.Body += " And on Tuesday."
	v.Timexes = append(append([]article.Timex{}, last.Timexes...), article.Timex{Text: "Tuesday", Type: article.Date, Value: "2022-04-05", Span: at(v.Body, "Tuesday")})
	if _, err := s.SaveArticle(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Timexes != int64(current+1) {
		t.Errorf("after a new version: %d time expressions, want %d (%v)", st.Timexes, current+1, err)
	}
	// writeOld fills no article index at this schema (the store's Go code
	// does, flushFTS): built here, so that the delete can take a row out.
	if _, err := s.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `DELETE FROM articles WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	var counted, summed int64
	if err := s.read.QueryRowContext(ctx, `SELECT (SELECT n FROM counters WHERE name = 'timexes'),
		(SELECT coalesce(sum(p.n), 0) FROM timex_packs p JOIN articles a ON a.id = p.article_id WHERE a.current = 1)`).Scan(&counted, &summed); err != nil {
		t.Fatal(err)
	}
	if counted != summed {
		t.Errorf("counter %d, packed rows of current articles hold %d", counted, summed)
	}
}
