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

// langCodes are the languages Language tells, in its tie-break order.
var langCodes = [...]string{"de", "en", "es", "fr", "it", "ru", "uk"}

// stopASCII maps each ASCII stopword, packed into a uint64 (packWord), to
// the set of languages it belongs to (bit i: langCodes[i]). A uint64 key
// hashes several times faster than a string; ASCII words are most words.
var stopASCII = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for i, lang := range langCodes {
		for _, w := range stopwords[lang] {
			if isASCIIWord(w) {
				k, _ := packWord(w)
				m[k] |= 1 << i
			}
		}
	}
	return m
}()

// packWord packs an ASCII word of at most 8 bytes, lower-cased, into a
// uint64; ok is false for longer words (no stopword is that long).
func packWord(w string) (k uint64, ok bool) {
	if len(w) > 8 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// Language guesses the ISO 639-1 code of text from its first 1500 bytes;
// "" when it cannot tell.
func Language(text string) string {
	if len(text) > 1500 {
		text = text[:1500]
	}
	var score [len(langCodes)]int
	index := func(l string) int {
		for i, x := range langCodes {
			if x == l {
				return i
			}
		}
		return -1
	}
	total := 0
	for i := 0; i < len(text); {
		r, n := wordRune(text, i)
		if !r {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := wordRune(text, j)
			if !r {
				break
			}
			j += n
		}
		w := text[i:j]
		i = j
		total++
		if len(w) > 16 {
			continue // stopwords are short
		}
		if isASCIIWord(w) {
			if k, ok := packWord(w); ok {
				for set, l := stopASCII[k], 0; set != 0; set, l = set>>1, l+1 {
					if set&1 != 0 {
						score[l]++
					}
				}
			}
			continue
		}
		for _, lang := range stopIndex[strings.ToLower(w)] {
			if i := index(lang); i >= 0 {
				score[i]++
			}
		}
	}
	best, bestN := "", 0
	for i, n := range score {
		if n > bestN {
			best, bestN = langCodes[i], n
		}
	}
	// At least one word in twenty must be a stopword of the winner: a list of
	// names or numbers is no language.
	if total == 0 || bestN*20 < total {
		return ""
	}
	return best
}

// wordRune reports whether the rune at text[i:] is part of a word (a
// letter or an apostrophe) and its length in bytes; ASCII without decoding.
func wordRune(text string, i int) (bool, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '\'', 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r), n
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
