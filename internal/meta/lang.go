package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords are the commonest function words of the languages news reaches
// Parley in. Counting them over a text tells its language reliably for a
// paragraph or more; a library (lingua-go) would add 135 MB for no gain here
// and misreads short English headings.
var stopwords = map[string][]string{
	"en": {"the", "of", "and", "to", "in", "that", "is", "was", "for", "on", "with", "said", "by", "it", "as", "he", "at", "from", "not", "be", "have", "has", "are", "which"},
	"fr": {"le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "que", "qui", "sur", "pas", "au", "avec", "il", "ce", "sont"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des", "auf", "für", "ein", "eine", "dem", "wird", "auch"},
	"es": {"el", "los", "las", "del", "y", "que", "en", "por", "para", "con", "una", "se", "su", "al", "es", "lo", "como", "más"},
	"it": {"il", "di", "che", "e", "la", "per", "un", "non", "della", "sono", "gli", "con", "del", "nel", "una", "anche"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "о", "к", "от", "для", "он", "его"},
	"uk": {"і", "та", "що", "не", "на", "з", "до", "це", "як", "від", "для", "він", "його", "у"},
}

var stopIndex = func() map[string][]string {
	idx := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}()

// Language guesses the ISO 639-1 code of text from its first 1500 bytes;
// "" when it cannot tell.
func Language(text string) string {
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

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
