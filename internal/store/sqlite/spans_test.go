package sqlite

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// TestPackSpans: any eight offsets read back as they went in (hostile
// ones too: negative, reversed, past any body, at the int64 limits), a
// statement's usual spans take a byte or two each, and damaged bytes are
// an error, not a panic or a guess.
func TestPackSpans(t *testing.T) {
	for _, tt := range []struct {
		name string
		v    stmtSpans
		max  int // most bytes the packed form may take
	}{
		{"quotation", stmtSpans{1204, 1290, 1205, 1262, 1264, 1268, 1269, 1289}, 11},
		{"indirect, speaker first", stmtSpans{40, 160, 62, 160, 52, 56, 40, 51}, 11},
		{"no cue, no speaker", stmtSpans{300, 400, 300, 400, 0, 0, 0, 0}, 13},
		{"all zero", stmtSpans{}, 8},
		{"reversed and negative", stmtSpans{50, 10, -3, 2, 90, 80, -1, -7}, 16},
		{"int64 limits", stmtSpans{math.MaxInt64, math.MinInt64, math.MinInt64, math.MaxInt64, -1, math.MaxInt64, 0, math.MinInt64}, 80},
	} {
		b := packSpans(tt.v)
		if len(b) > tt.max {
			t.Errorf("%s: %d bytes, want at most %d", tt.name, len(b), tt.max)
		}
		got, err := unpackSpans(b)
		if err != nil || got != tt.v {
			t.Errorf("%s: read back %v, %v; want %v", tt.name, got, err, tt.v)
		}
		if _, err := unpackSpans(b[:len(b)-1]); !errors.Is(err, errBadPack) {
			t.Errorf("%s: truncated: %v, want errBadPack", tt.name, err)
		}
		if _, err := unpackSpans(append(b, 0)); !errors.Is(err, errBadPack) {
			t.Errorf("%s: a byte too many: %v, want errBadPack", tt.name, err)
		}
	}
}

// FuzzSpans: unpacking any bytes fails or succeeds without panicking, and
// what it reads packs back to the same bytes when they are canonical.
func FuzzSpans(f *testing.F) {
	f.Add(packSpans(stmtSpans{1204, 1290, 1205, 1262, 1264, 1268, 1269, 1289}))
	f.Add([]byte{})
	f.Add([]byte{0x80, 0x80, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := unpackSpans(b)
		if err != nil {
			return
		}
		again, err := unpackSpans(packSpans(v))
		if err != nil || again != v {
			t.Fatalf("%v packed and read back as %v, %v", v, again, err)
		}
	})
}

// TestSQLiteSubstr: sqliteSubstr cuts what SQLite's substr cuts from a
// BLOB, for offsets inside, around and far outside it (the released
// migration decided from_body with substr; parley_stmt_text must cut a
// row's text as it was compared).
func TestSQLiteSubstr(t *testing.T) {
	s := openTest(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		body := bytes.Repeat([]byte("ab\x00é"), r.IntN(8))[:]
		body = body[:r.IntN(len(body)+1)]
		y, z := int64(r.IntN(81)-40), int64(r.IntN(81)-40)
		if i%50 == 0 {
			y, z = math.MinInt64/2, math.MaxInt64/2
		}
		var want []byte
		if err := s.read.QueryRow(`SELECT coalesce(substr(CAST(? AS BLOB), ?, ?), x'')`, body, y, z).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got := sqliteSubstr(string(body), y, z); got != string(want) {
			t.Fatalf("substr(%q, %d, %d) = %q, SQLite %q", body, y, z, got, want)
		}
	}
}
