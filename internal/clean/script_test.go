package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// mainScriptRef is mainScript before its ASCII fast path.
func mainScriptRef(s string) string {
	var latin, cyr, other, n int
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		switch {
		case r < 0x250:
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		default:
			other++
		}
	}
	if n < 8 {
		return ""
	}
	switch {
	case latin*10 >= n*7:
		return "Latin"
	case cyr*10 >= n*7:
		return "Cyrillic"
	case other*10 >= n*7:
		return "Other"
	}
	return ""
}

func TestMainScriptMatchesReference(t *testing.T) {
	pieces := []string{"talks", "Ottawa", " ", ", ", "2031", "переговоры", "Київ", "café", "北京", "العربية", "\xff", "—", "Ω", "ß"}
	r := rand.New(rand.NewPCG(5, 6))
	seen := map[string]bool{}
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(30) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := sb.String()
		want := mainScriptRef(s)
		if got := mainScript(s); got != want {
			t.Fatalf("mainScript(%q) = %q, reference %q", s, got, want)
		}
		seen[want] = true
	}
	if len(seen) < 4 {
		t.Errorf("the random texts reached only %v", seen)
	}
}
