package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestIsUpperLowerMatchConversion(t *testing.T) {
	fixed := []string{"", "NATO", "Nato", "nato", "U.S.", "MOSCOW, Jan 5", "ÉTATS-UNIS", "états", "ǅ", "ǆ", "Ǆ",
		"ß", "ẞ", "İstanbul", "K", "ﬁ", "\xff", "ABC\xffDEF", "abc\xc3", "123", "—", "ΣΊΣΥΦΟΣ", "ς"}
	alphabet := []rune("aZé\u00c9ß\u0130\u212a\u01c5ς Σ1-.\ufffd")
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			if r.IntN(20) == 0 {
				b.WriteByte(0x80 + byte(r.IntN(0x40))) // a stray continuation byte
				continue
			}
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		fixed = append(fixed, b.String())
	}
	for _, s := range fixed {
		if got, want := IsUpper(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("IsUpper(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsLower(s), strings.ToLower(s) == s; got != want {
			t.Errorf("IsLower(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsUpperLower(f *testing.F) {
	for _, s := range []string{"NATO", "Nato", "\xff", "İ", "ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if IsUpper(s) != (strings.ToUpper(s) == s) || IsLower(s) != (strings.ToLower(s) == s) {
			t.Errorf("%q: IsUpper %v IsLower %v", s, IsUpper(s), IsLower(s))
		}
	})
}
