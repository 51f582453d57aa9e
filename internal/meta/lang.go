package meta

import (
	"strings"
	"unicode"
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

// Language guesses the ISO 639-1 code of text from its first few thousand
// bytes; "" when it cannot tell.
func Language(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	score := map[string]int{}
	total := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		total++
		for _, lang := range stopIndex[strings.ToLower(w)] {
			score[lang]++
		}
	}
	best, bestN := "", 0
	for lang, n := range score {
		if n > bestN || (n == bestN && lang < best) {
			best, bestN = lang, n
		}
	}
	// At least one word in twenty must be a stopword of the winner: a list of
	// names or numbers is no language.
	if total == 0 || bestN*20 < total {
		return ""
	}
	return best
}
