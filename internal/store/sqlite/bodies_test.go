package sqlite

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

func TestPackBody(t *testing.T) {
	long := strings.Repeat("Negotiators met again in Geneva on Tuesday, officials said. ", 20)
	tests := []struct {
		name   string
		body   string
		packed bool
	}{
		{"empty", "", false},
		{"short", "MOSCOW, Jan 26. Talks resumed.", false},
		{"long", long, true},
		{"beyond ASCII", strings.Repeat("«Nous avançons», a déclaré la ministre Müller à Genève. ", 10), true},
		// Random-looking text does not shrink by an eighth: kept as given.
		{"incompressible", strings.ReplaceAll(incompressible(4000), "\x00", "\x01"), false},
		{"invalid UTF-8 kept byte for byte", long + "\xff\xfe" + long, true},
		{"longer than the store takes", strings.Repeat("a", store.MaxBody+1), false},
		// A NUL byte: compressed, or kept in a BLOB as it is, never TEXT
		// (which parley_text would read back cut at the NUL).
		{"NUL, compressible", long + "\x00" + long, true},
		{"NUL, short", "a\x00b", true},
		{"NUL, incompressible", incompressible(4000) + "\x00", true},
		{"NUL, longer than the store takes", strings.Repeat("a", store.MaxBody) + "\x00", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := packBody(tt.body)
			b, isBlob := v.([]byte)
			if isBlob != tt.packed {
				t.Fatalf("packed %v, want %v", isBlob, tt.packed)
			}
			if !isBlob {
				if v.(string) != tt.body {
					t.Fatal("stored text differs from the body")
				}
				return
			}
			if b[0] == bodyStored {
				if !strings.Contains(tt.body, "\x00") || len(b) != len(tt.body)+1 {
					t.Errorf("stored as it is (%d bytes of %d) without a NUL byte to need it", len(b), len(tt.body))
				}
			} else if len(b) >= len(tt.body)-len(tt.body)/8 {
				t.Errorf("packed %d bytes of %d", len(b), len(tt.body))
			}
			got, err := unpackBody(b)
			if err != nil || got != tt.body {
				t.Fatalf("round trip: %v, equal %v", err, got == tt.body)
			}
		})
	}
}

func incompressible(n int) string {
	var b strings.Builder
	x := uint32(2463534242)
	for b.Len() < n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte(byte(x))
	}
	return b.String()
}

func TestUnpackBodyRefusesDamage(t *testing.T) {
	good := packBody(strings.Repeat("The ministry said talks would resume on Friday. ", 30)).([]byte)
	bomb := packBody(strings.Repeat("a", store.MaxBody)).([]byte)
	for name, b := range map[string][]byte{
		"empty":         {},
		"unknown mark":  append([]byte{0x7f}, good[1:]...),
		"truncated":     good[:len(good)/2],
		"garbage":       {bodyDeflate, 0xff, 0xff, 0xff, 0xff},
		"garbage, dict": {bodyDeflateDict, 0xff, 0xff, 0xff, 0xff},
	} {
		if _, err := unpackBody(b); !errors.Is(err, errBadBody) {
			t.Errorf("%s: %v, want errBadBody", name, err)
		}
	}
	// The longest body the store takes still reads back.
	if got, err := unpackBody(bomb); err != nil || len(got) != store.MaxBody {
		t.Errorf("largest body: %d bytes, %v", len(got), err)
	}
}

func FuzzUnpackBody(f *testing.F) {
	f.Add(packBody(strings.Repeat("Talks resumed in Vienna. ", 20)).([]byte))
	f.Add([]byte{bodyDeflate})
	f.Add([]byte{bodyDeflateDict})
	f.Add(deflateWithout("The minister said on Wednesday that the talks would go on."))
	f.Add([]byte("plain"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := unpackBody(b)
		if err == nil && len(s) > maxInflate {
			t.Fatalf("inflated to %d bytes", len(s))
		}
		// Whatever text goes in comes back.
		if utf8.Valid(b) {
			if v, ok := packBody(string(b)).([]byte); ok {
				if got, err := unpackBody(v); err != nil || got != string(b) {
					t.Fatalf("round trip of %q: %v", b, err)
				}
			}
		}
	})
}

// TestBodiesStoredPacked: a long body is stored compressed, a short one as
// text, and everything read from bodies is as before: the article, its
// statements' text cut from the body, search and its snippets, and the
// full-text index after a delete (FTS5's integrity check compares the
// index with the bodies read through the view).
func TestBodiesStoredPacked(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	long := benchArticle(1)
	short := &article.Article{Source: "short", Title: "Brief", Body: "Talks resumed.", Published: "2022-03-02", Pipeline: "bench"}
	var ids []int64
	for _, a := range []*article.Article{long, short, benchArticle(2)} {
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	var kinds []string
	if err := eachRowDB(ctx, s.read, `SELECT typeof(body) FROM articles ORDER BY id`, func(rows *sql.Rows) error {
		var k string
		if err := rows.Scan(&k); err != nil {
			return err
		}
		kinds = append(kinds, k)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(kinds, ",") != "blob,text,blob" {
		t.Errorf("stored bodies %v, want blob,text,blob", kinds)
	}
	got, err := s.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != long.Body || len(got.Statements) != len(long.Statements) {
		t.Fatalf("article read back differs: %d statements", len(got.Statements))
	}
	for i, x := range got.Statements {
		if x.Text != long.Statements[i].Text || x.Cue != long.Statements[i].Cue {
			t.Errorf("statement %d: %q %q, want %q %q", i, x.Text, x.Cue, long.Statements[i].Text, long.Statements[i].Cue)
		}
	}
	list, err := s.Statements(ctx, store.StatementQuery{ArticleID: ids[0], Limit: 100})
	if err != nil || len(list) != 10 || list[0].Text != long.Statements[0].Text {
		t.Errorf("statement list: %v, %d rows", err, len(list))
	}
	found, err := s.Articles(ctx, store.ArticleQuery{Query: "negotiators", Limit: 10})
	if err != nil || len(found) != 2 {
		t.Fatalf("search: %v, %d found", err, len(found))
	}
	if !strings.Contains(strings.ToLower(found[0].Snippet), "negotiators") {
		t.Errorf("snippet %q does not show the match", found[0].Snippet)
	}
	bodies, err := s.ArticleBodies(ctx, ids)
	if err != nil || len(bodies) != 3 {
		t.Fatalf("bodies: %v %d", err, len(bodies))
	}
	for _, b := range bodies {
		if b.ID == ids[1] && b.Body != short.Body || b.ID == ids[0] && b.Body != long.Body {
			t.Errorf("body of %d read back differs", b.ID)
		}
	}
	// A delete takes the article's terms out of the index: the index
	// matches the bodies it reads through the view.
	if _, err := s.write.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, ids[2]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index after a delete: %v", err)
	}
	if found, err := s.Articles(ctx, store.ArticleQuery{Query: "negotiators", Limit: 10}); err != nil || len(found) != 1 {
		t.Errorf("search after delete: %v, %d found", err, len(found))
	}
}

// TestBodiesMigration: a store written before the "compressed bodies"
// migration has its long bodies packed, its article index rebuilt over
// them, and reads back the same articles, statements and search results.
func TestBodiesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	arts := leanArticles()
	writeOld(t, path, migrationIndex(t, "compressed bodies"), arts)
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var blobs, texts int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE typeof(body) = 'blob'), count(*) FILTER (WHERE typeof(body) = 'text') FROM articles`).
		Scan(&blobs, &texts); err != nil {
		t.Fatal(err)
	}
	if blobs != 5 || texts != 1 {
		t.Errorf("after the migration %d bodies packed, %d as text; want 5 and 1", blobs, texts)
	}
	for i, want := range arts {
		got, err := s.Article(ctx, int64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != want.Body {
			t.Errorf("article %d: body differs", i+1)
		}
		for j, x := range got.Statements {
			if x.Text != want.Statements[j].Text {
				t.Errorf("article %d statement %d: %q, want %q", i+1, j, x.Text, want.Statements[j].Text)
			}
		}
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index after the migration: %v", err)
	}
	for q, n := range map[string]int{"negotiators": 4, "geneve": 1, "corrected": 1} {
		found, err := s.Articles(ctx, store.ArticleQuery{Query: q, Limit: 10})
		if err != nil || len(found) != n {
			t.Errorf("search %q: %v, %d found, want %d", q, err, len(found), n)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 5 || st.Versions != 6 || st.Statements != 4*10+3 {
		t.Errorf("stats %+v %v", st, err)
	}
}

// TestNulBodies: a body holding a NUL byte reads back whole, through every
// path that reads bodies (the article, the bodies list, statement text cut
// from it, the full-text index); and a store an earlier version wrote, with
// such a body as TEXT, reads it back whole once migrated.
func TestNulBodies(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	body := "GENEVA\x00 (Wire) -- Talks resumed, \"we are close\" the envoy said on Tuesday."
	q := strings.Index(body, "we are close")
	a := &article.Article{Source: "nul.txt", Title: "Nul", Published: "2031-03-03", Body: body, Pipeline: "v1",
		Statements: []article.Statement{{Speaker: article.Actor{Name: "the envoy"}, Kind: article.Direct, Text: "we are close",
			Span: article.Span{q, q + 12}, TextSpan: article.Span{q, q + 12}}}}
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		got, err := s.Article(ctx, res.ID)
		if err != nil || got.Body != body || len(got.Statements) != 1 || got.Statements[0].Text != "we are close" {
			t.Fatalf("%s: article %v %q", when, err, got.Body)
		}
		bodies, err := s.ArticleBodies(ctx, []int64{res.ID})
		if err != nil || len(bodies) != 1 || bodies[0].Body != body {
			t.Fatalf("%s: bodies %v %+v", when, err, bodies)
		}
		list, err := s.Articles(ctx, store.ArticleQuery{Query: "tuesday", Limit: 5})
		if err != nil || len(list) != 1 {
			t.Fatalf("%s: a word after the NUL not found: %v %d", when, err, len(list))
		}
	}
	check("stored")
	// As an earlier version stored it: TEXT, indexed as parley_text read
	// it then (cut at the NUL).
	if _, err := s.write.ExecContext(ctx, `UPDATE articles SET body = CAST(? AS TEXT) WHERE id = ?`, body, res.ID); err != nil {
		t.Fatal(err)
	}
	var typ string
	if err := s.read.QueryRowContext(ctx, `SELECT typeof(body) FROM articles WHERE id = ?`, res.ID).Scan(&typ); err != nil || typ != "text" {
		t.Fatalf("legacy body %q %v", typ, err)
	}
	if _, err := s.write.ExecContext(ctx, nulBodiesSQL); err != nil {
		t.Fatal(err)
	}
	check("migrated")
	if _, err := s.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("article index after the migration: %v", err)
	}
}

// deflateWithout is body as the store packed it before the dictionary
// (bodyDeflate).
func deflateWithout(body string) []byte {
	var buf bytes.Buffer
	buf.WriteByte(bodyDeflate)
	w, _ := flate.NewWriter(&buf, flate.DefaultCompression)
	io.WriteString(w, body)
	w.Close()
	return buf.Bytes()
}

// TestBodyDict: bodies are packed with the dictionary, which saves bytes on
// a short report; bodies packed without it, as stores hold them from
// before, read back the same; and the dictionary's bytes are the ones
// every stored body was packed with.
func TestBodyDict(t *testing.T) {
	report := "GENEVA, March 4. The foreign minister said on Wednesday that the government would not sign the agreement " +
		"before the end of the month, according to a statement published by the ministry. \"We are ready to continue the talks,\" " +
		"he told reporters, adding that both sides had exchanged new proposals on security guarantees and sanctions."
	b, ok := packBody(report).([]byte)
	if !ok || b[0] != bodyDeflateDict {
		t.Fatalf("packed as %T %x", packBody(report), b[:1])
	}
	old := deflateWithout(report)
	if len(b) >= len(old)-len(old)/10 {
		t.Errorf("with the dictionary %d bytes, without %d", len(b), len(old))
	}
	for _, v := range [][]byte{b, old} {
		if got, err := unpackBody(v); err != nil || got != report {
			t.Errorf("mark %#x: %v, equal %v", v[0], err, got == report)
		}
	}
	h := sha256.Sum256(bodyDict)
	if got := hex.EncodeToString(h[:]); got != bodyDictSHA256 {
		t.Errorf("bodydict.txt changed (SHA-256 %s): stored bodies were packed with the old bytes", got)
	}
}

// bodyDictSHA256 is the SHA-256 of bodydict.txt as released.
const bodyDictSHA256 = "6333a7aa5a99b8c5d6dcd8059f1f3dcca335fb1f005000088f756efc4d33bd65"

// BenchmarkBodies: packing and unpacking a report of about the bench
// corpus's length, with the dictionary (what the store writes) and
// without (bodies stored before it).
func BenchmarkBodies(b *testing.B) {
	report := strings.Repeat("GENEVA, March 4. The foreign minister said on Wednesday that the government would not sign the agreement "+
		"before the end of the month. \"We are ready to continue the talks,\" he told reporters. ", 5)
	b.Run("pack", func(b *testing.B) {
		b.SetBytes(int64(len(report)))
		for b.Loop() {
			packBody(report)
		}
	})
	packed := packBody(report).([]byte)
	old := deflateWithout(report)
	for name, v := range map[string][]byte{"unpack": packed, "unpack without dictionary": old} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(report)))
			for b.Loop() {
				if _, err := unpackBody(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
