package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lexiconWords are keys of every length around the hash's 8-byte
// chunks, with and without non-ASCII bytes.
var lexiconWords = map[string]int{"": 1, "a": 2, "may": 3, "monday": 4, "tomorrow": 5, "yesterday": 6,
	"u.s": 7, "sixteenth": 8, "thanksgiving": 9, "eighteen-year": 10, "an extremely long key of words": 11,
	"münchen": 12, "ça": 13, "k": 14,
	"a key longer than sixty-three bytes, to test the length filter's last bit": 15}

// TestLexiconTable: every lookup answers as the map it was built from.
func TestLexiconTable(t *testing.T) {
	x := NewLexicon(lexiconWords)
	if x.Len() != len(lexiconWords) {
		t.Fatalf("Len = %d, want %d", x.Len(), len(lexiconWords))
	}
	cases := []struct {
		w                      string
		get, lower, asciiLower int // 0: absent
	}{
		{"may", 3, 3, 3},
		{"May", 0, 3, 3},
		{"MAY", 0, 3, 3},
		{"mayo", 0, 0, 0},
		{"ma", 0, 0, 0},
		{"", 1, 1, 1},
		{"Tomorrow", 0, 5, 5},
		{"YESTERDAY", 0, 6, 6},
		{"yesterdays", 0, 0, 0},
		{"U.S", 0, 7, 7},
		{"Eighteen-Year", 0, 10, 10},
		{"An Extremely Long Key Of Words", 0, 11, 11},
		{"münchen", 12, 12, 12},
		{"MÜNCHEN", 0, 12, 0}, // strings.ToLower folds Ü; ASCII lower-casing does not
		{"München", 0, 12, 12},
		{"ÇA", 0, 13, 0},
		{"\u212a", 0, 14, 0}, // the Kelvin sign lower-cases to an ASCII k
		{"K", 0, 14, 14},
		{"A key longer than sixty-three bytes, to test the length filter's last bit", 0, 15, 15},
		{"A key longer than sixty-three bytes, to test the length filter's last bits", 0, 0, 0},
		{"b", 0, 0, 0}, // no key starts with b
		{"mo", 0, 0, 0},
	}
	for _, c := range cases {
		v, ok := x.Get(c.w)
		if v != c.get || ok != (c.get != 0) {
			t.Errorf("Get(%q) = %d, %v; want %d", c.w, v, ok, c.get)
		}
		v, ok = x.GetLower(c.w)
		if v != c.lower || ok != (c.lower != 0) {
			t.Errorf("GetLower(%q) = %d, %v; want %d", c.w, v, ok, c.lower)
		}
		v, ok = x.GetASCIILower(c.w)
		if v != c.asciiLower || ok != (c.asciiLower != 0) {
			t.Errorf("GetASCIILower(%q) = %d, %v; want %d", c.w, v, ok, c.asciiLower)
		}
		if x.Has(c.w) != (c.get != 0) {
			t.Errorf("Has(%q) = %v", c.w, !(c.get != 0))
		}
	}
	var empty Lexicon[int]
	if _, ok := empty.GetLower("may"); ok || empty.Has("") {
		t.Error("the zero Lexicon is not empty")
	}
}

// TestLexiconRandom holds the three lookups to the map on random words
// over a small alphabet, so that hits, near misses and collisions occur.
func TestLexiconRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "A", "B", "-", ".", "é", "É", "ß"}
	word := func() string {
		var b strings.Builder
		for n := rng.IntN(18); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	m := map[string]int{}
	for len(m) < 3000 {
		m[strings.ToLower(word())] = len(m) + 1
	}
	x := NewLexicon(m)
	for range 100000 {
		w := word()
		checkLexicon(t, x, m, w)
	}
}

func checkLexicon(t *testing.T, x *Lexicon[int], m map[string]int, w string) {
	t.Helper()
	if v, ok := x.Get(w); v != m[w] || ok != (m[w] != 0) {
		t.Fatalf("Get(%q) = %d, %v; map %d", w, v, ok, m[w])
	}
	if v, ok := x.GetLower(w); v != m[strings.ToLower(w)] || ok != (m[strings.ToLower(w)] != 0) {
		t.Fatalf("GetLower(%q) = %d, %v; map %d", w, v, ok, m[strings.ToLower(w)])
	}
	if v, ok := x.GetASCIILower(w); v != m[ASCIILower(w)] || ok != (m[ASCIILower(w)] != 0) {
		t.Fatalf("GetASCIILower(%q) = %d, %v; map %d", w, v, ok, m[ASCIILower(w)])
	}
}

// FuzzLexicon: a lexicon of the lexiconWords and the fuzzed key answers
// every lookup as the map does.
func FuzzLexicon(f *testing.F) {
	for w := range lexiconWords {
		f.Add(w, strings.ToUpper(w))
	}
	f.Fuzz(func(t *testing.T, key, w string) {
		m := map[string]int{}
		for k, v := range lexiconWords {
			m[k] = v
		}
		m[key] = 99
		x := NewLexicon(m)
		checkLexicon(t, x, m, w)
		checkLexicon(t, x, m, key)
	})
}

// TestASCIILowerReference holds ASCIILower to a byte-by-byte lowering on
// random strings over the bytes at the edges of the capitals ('@', 'A',
// 'Z', '['), lower-case letters, and bytes of multi-byte runes, of every
// length around the eight-byte words and the 64-byte buffer.
func TestASCIILowerReference(t *testing.T) {
	ref := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	edge := []byte("@AZ[`az{ \x7f\x80\xc1\xc3\xda\xdb\xff")
	r := rand.New(rand.NewPCG(13, 14))
	for range 50000 {
		w := make([]byte, r.IntN(150))
		for i := range w {
			w[i] = edge[r.IntN(len(edge))]
		}
		if got, want := ASCIILower(string(w)), ref(string(w)); got != want {
			t.Fatalf("ASCIILower(%q) = %q, want %q", w, got, want)
		}
	}
	for b := range 256 {
		s := string([]byte{'A', 'b', byte(b), 'C', 'd', 'E', 'f', 'G', byte(b), 'h'})
		if got, want := ASCIILower(s), ref(s); got != want {
			t.Fatalf("ASCIILower(%q) = %q, want %q", s, got, want)
		}
	}
}
