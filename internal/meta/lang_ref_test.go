package meta

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// languageRef is Language as it was before the packed-key lookup; the
// test holds the two equal.
// Language guesses the ISO 639-1 code of text from its first 1500 bytes;
// "" when it cannot tell.
func languageRef(text string) string {
	if len(text) > 1500 {
		text = text[:1500]
	}
	var score [8]int
	langs := [...]string{"de", "en", "es", "fr", "it", "ru", "uk", ""}
	index := func(l string) int {
		for i, x := range langs {
			if x == l {
				return i
			}
		}
		return len(langs) - 1
	}
	var buf [16]byte
	total := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && r != '\'' {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			j += n
		}
		w := text[i:j]
		i = j
		total++
		if len(w) > len(buf) {
			continue // stopwords are short
		}
		if isASCIIWord(w) {
			b := buf[:len(w)]
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[k] = c
			}
			// A map lookup of string(b) does not allocate.
			for _, lang := range stopIndex[string(b)] {
				score[index(lang)]++
			}
			continue
		}
		for _, lang := range stopIndex[strings.ToLower(w)] {
			score[index(lang)]++
		}
	}
	best, bestN := "", 0
	for i, n := range score {
		if n > bestN {
			best, bestN = langs[i], n
		}
	}
	// At least one word in twenty must be a stopword of the winner: a list of
	// names or numbers is no language.
	if total == 0 || bestN*20 < total {
		return ""
	}
	return best
}

func TestLanguageMatchesReference(t *testing.T) {
	var words []string
	for _, ws := range stopwords {
		for _, w := range ws {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	words = append(words, "negotiators", "quota", "Ottawa", "2031", "tariffs", "Zollkontingente", "l'accord", "WHICH", "THE",
		"переговоры", "квоты", "Мексика", "averyveryverylongwordindeed", "café", "Ä", "—", ",", ".")
	r := rand.New(rand.NewPCG(3, 4))
	got := map[string]int{}
	for range 3000 {
		var sb strings.Builder
		n := 1 + r.IntN(400)
		for range n {
			sb.WriteString(words[r.IntN(len(words))])
			sb.WriteString([]string{" ", " ", ", ", "\n", "'"}[r.IntN(5)])
		}
		s := sb.String()
		want := languageRef(s)
		if g := Language(s); g != want {
			t.Fatalf("Language = %q, reference %q on %q", g, want, s)
		}
		got[want]++
	}
	if len(got) < 4 {
		t.Errorf("the random texts tested only languages %v", got)
	}
}

func BenchmarkLanguage(b *testing.B) {
	text := strings.Repeat("The delegations said on Friday that the talks on quotas would resume in Ottawa, ", 20)
	b.SetBytes(1500)
	for b.Loop() {
		if Language(text) != "en" {
			b.Fatal("not English")
		}
	}
}

// FuzzLanguage holds Language to the reference on any bytes: words of
// every length near the packed key's eight bytes, stray UTF-8, a word cut
// at the 1500-byte limit or at the end of the text.
func FuzzLanguage(f *testing.F) {
	for _, s := range []string{"The talks", "der und die", "l'accord est", "и в не", "café the", "THE'S", "ab\xffthe", "\xe2\x80\x99the",
		strings.Repeat("the ", 374) + "andandand"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g, want := Language(s), languageRef(s); g != want {
			t.Fatalf("Language = %q, reference %q on %q", g, want, s)
		}
	})
}
