package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"

	ptext "github.com/parley-news/parley/internal/text"
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
var stopASCII = func() (t stopTable) {
	for i, lang := range langCodes {
		for _, w := range stopwords[lang] {
			if isASCIIWord(w) {
				k, _ := packWord(w)
				t.add(k, 1<<i)
			}
		}
	}
	return t
}()

// stopTable is a small open-addressing hash table from packed words to
// language sets: a fixed array probed linearly, cheaper than a Go map for
// the hundred-odd stopwords looked up once per word of every lead.
type stopTable struct {
	keys [256]uint64 // 0: empty slot (no word packs to 0)
	sets [256]uint8
}

func stopSlot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> 56) }

func (t *stopTable) add(k uint64, set uint8) {
	i := stopSlot(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & 255
	}
	t.keys[i] = k
	t.sets[i] |= set
}

// get returns the language set of packed word k (0 when it is no stopword).
func (t *stopTable) get(k uint64) uint8 {
	for i := stopSlot(k); ; i = (i + 1) & 255 {
		switch t.keys[i] {
		case k:
			return t.sets[i]
		case 0:
			return 0
		}
	}
}

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
//
// Words are runs of letters and apostrophes. It runs once per article over
// every byte of the lead, so ASCII is scanned with a byte table, and a
// short ASCII word is looked up by its uint64 key (packASCII: one load, no
// string); only words with other letters are decoded rune by rune and
// looked up by string.
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
		c := text[i]
		if c < utf8.RuneSelf {
			if !wordByte[c] {
				i++
				continue
			}
			// An ASCII word: most words are. Its end is found with one
			// table read per byte; a non-ASCII byte after it sends the
			// whole word to the general path below.
			j := i + 1
			for j < len(text) && wordByte[text[j]] {
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf {
				total++
				if j-i <= 8 {
					for set, l := stopASCII.get(packASCII(text, i, j)), 0; set != 0; set, l = set>>1, l+1 {
						if set&1 != 0 {
							score[l]++
						}
					}
				}
				i = j
				continue
			}
		} else if r, n := wordRune(text, i); !r {
			i += n
			continue
		}
		// A word with letters outside ASCII starts at i.
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

// wordByte marks the bytes of ASCII words: letters and the apostrophe
// (no byte of a multi-byte rune).
var wordByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '\''
	}
	return t
}()

// packASCII is packWord(text[i:j]) for an ASCII word of 1 to 8 letters and
// apostrophes: its bytes as a little-endian uint64 with 0x20 set in each,
// which lower-cases the capitals and leaves the small letters and the
// apostrophe (0x27) as they are. Where eight bytes follow i they are read
// at once and the bytes past the word masked off.
func packASCII(text string, i, j int) uint64 {
	n := j - i
	if i+8 <= len(text) {
		k := ptext.Load64(text, i)
		mask := ^uint64(0) >> (64 - 8*n)
		return (k | 0x2020202020202020) & mask
	}
	var k uint64
	for x := n - 1; x >= 0; x-- {
		k = k<<8 | uint64(text[i+x]|0x20)
	}
	return k
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
