package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a statement or phrase.
type token struct {
	start, end int    // byte offsets into the text the token came from
	low        string // lower case, dots of abbreviations removed ("u.s." → "us")
	norm       string // matching form: negators folded to "not", light stem
	fn         bool   // function word: skipped when matching phrases
	upper      bool   // the original starts with an upper-case letter
	allUpper   bool   // the original is all upper case ("US", "NATO")
	poss       bool   // a possessive 's followed and was dropped ("Russia's")
	// punct is the strongest punctuation between the previous token and
	// this one: 0, ',', ':', ';', '.', or '"' (a quotation mark).
	punct byte
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIILetter(c) || (c >= '0' && c <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenize splits s into words with their byte offsets. It never fails and
// allocates one slice plus the lower-cased strings.
//
// Rules (each safe on any input, invalid UTF-8 included):
//   - letters and digits make words; hyphens, slashes and all other marks
//     split them ("non-expansion" → non, expansion; "short-range" → short, range);
//   - a possessive "'s"/"’s" is dropped ("NATO's" → nato): the owner is what
//     the phrase tables and party names are written with;
//   - "n't" becomes its own token "not" ("won't" → wo, not), so negation is
//     seen whatever the spelling;
//   - single letters joined by dots are one word ("U.S." → us), so the
//     abbreviation matches an alias written "US".
func tokenize(s string, dst []token) []token {
	dst = dst[:0]
	var punct byte
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '…':
				punct = '.'
			case ';':
				if punct != '.' {
					punct = ';'
				}
			case ':':
				if punct != '.' && punct != ';' {
					punct = ':'
				}
			case ',', '—', '–':
				if punct == 0 || punct == '"' {
					punct = ','
				}
			case '"', '“', '”', '«', '»':
				if punct == 0 {
					punct = '"'
				}
			}
			i += size
			continue
		}
		start := i
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !isASCIILetter(c) && (c < '0' || c > '9') {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		end := j
		word := s[start:end]
		// "U.S.", "U.K.": single letters joined by dots are one word.
		if end-start == 1 && end+1 < len(s) && s[end] == '.' && isASCIILetter(s[end+1]) && (end+2 >= len(s) || !isASCIILetter(s[end+2])) {
			var b strings.Builder
			b.WriteString(word)
			k := end
			for k+1 < len(s) && s[k] == '.' && isASCIILetter(s[k+1]) && (k+2 >= len(s) || !isASCIILetter(s[k+2])) {
				b.WriteByte(s[k+1])
				k += 2
			}
			if k < len(s) && s[k] == '.' {
				k++ // the final dot belongs to the abbreviation
			}
			end = k
			j = k
			word = b.String()
		}
		neg, poss := false, false
		// Apostrophes: possessive 's and n't.
		if j < len(s) {
			if ap, size := apostrophe(s[j:]); ap {
				rest := s[j+size:]
				switch {
				case len(rest) > 0 && (rest[0] == 's' || rest[0] == 'S') && (len(rest) == 1 || !isWordByte(rest[1])):
					j += size + 1 // possessive 's: dropped
					poss = true
				case len(rest) > 0 && (rest[0] == 't' || rest[0] == 'T') && (len(rest) == 1 || !isWordByte(rest[1])) && len(word) > 1 && (word[len(word)-1] == 'n' || word[len(word)-1] == 'N'):
					word = word[:len(word)-1]
					end--
					neg = true
				}
			}
		}
		t := makeToken(word, start, end, punct)
		t.poss = poss
		dst = append(dst, t)
		punct = 0
		if neg {
			dst = append(dst, makeToken("not", end, j+2, 0))
			j += 3
			if j > len(s) {
				j = len(s)
			}
		}
		i = j
	}
	return dst
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isWordByte(c byte) bool { return isASCIILetter(c) || (c >= '0' && c <= '9') || c >= 0x80 }

// apostrophe reports whether s starts with ' or ’ and its size.
func apostrophe(s string) (bool, int) {
	if len(s) > 0 && s[0] == '\'' {
		return true, 1
	}
	if strings.HasPrefix(s, "’") {
		return true, len("’")
	}
	return false, 0
}

func makeToken(word string, start, end int, punct byte) token {
	low, hasUpper, hasLower := lower(word)
	t := token{start: start, end: end, low: low, punct: punct}
	r, _ := utf8.DecodeRuneInString(word)
	t.upper = unicode.IsUpper(r)
	t.allUpper = len(word) > 1 && hasUpper && !hasLower
	fl := wordFlags[low]
	if fl&flagNeg != 0 {
		t.norm = "not"
	} else {
		t.norm = stem(low)
	}
	t.fn = fl&flagFn != 0
	return t
}

// Word flags, one map lookup per token.
const (
	flagNeg = 1 << iota
	flagFn
)

// wordFlags merges negators and functionWords.
var wordFlags = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range negators {
		m[w] |= flagNeg
	}
	for w := range functionWords {
		m[w] |= flagFn
	}
	return m
}()

// negators fold to "not" for phrase matching, so that a dossier phrase
// "non-expansion" matches "not expand", "no expansion", "stop expanding"
// and "an end to its expansion". They only say that the words deny what
// follows; they are safe because both the phrase and the text are folded
// the same way.
var negators = map[string]bool{
	"not": true, "no": true, "non": true, "never": true, "nor": true, "neither": true, "cannot": true,
	"stop": true, "stops": true, "stopped": true, "stopping": true,
	"end": true, "ends": true, "ended": true, "ending": true,
	"halt": true, "halts": true, "halted": true, "halting": true,
	"cease": true, "ceased": true, "ceasing": true,
	"prevent": true, "prevents": true, "prevented": true, "preventing": true,
	"refrain": true, "refrains": true, "refrained": true, "refraining": true,
}

// plainNegators are the words that turn a stance around when they stand
// before a phrase or a cue (the verbs stop/end/prevent are not among them:
// "refusing to use strike weapons" restates the proposal, it does not deny it).
var plainNegators = map[string]bool{
	"not": true, "no": true, "never": true, "neither": true, "nor": true, "without": true, "cannot": true,
}

// functionWords carry no content of their own: phrase matching skips them
// on both sides, so "will not expand to the east" matches "would not expand
// to the east" and "the end to its eastward expansion" matches "an end to
// its eastward expansion". Negators and prepositions that change meaning
// (against, without) are not here.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "in": true, "on": true, "at": true,
	"for": true, "by": true, "with": true, "from": true, "and": true, "or": true, "as": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true,
	"this": true, "that": true, "these": true, "those": true, "it": true, "they": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
	"may": true, "might": true, "be": true, "is": true, "are": true, "was": true, "were": true,
	"been": true, "being": true, "has": true, "have": true, "had": true, "do": true, "does": true,
	"did": true, "s": true, "any": true, "all": true, "more": true, "further": true, "also": true,
	"wo": true, "ca": true, "kind": true,
}

// stem strips the commonest English inflections so that phrase words match
// their inflected forms ("missiles" ~ "missile", "restricting" ~ "restrict",
// "eastward" ~ "east"). Nominalisations ("expansion" ~ "expand") are left
// to stemMatch.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "wards"):
		return w[:n-5]
	case n > 4 && strings.HasSuffix(w, "ward"):
		return w[:n-4]
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		return undouble(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// undouble turns "stopp" (from "stopping") back into "stop".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// stemMatch reports whether two stems are forms of the same word: equal,
// an inflection that lost its final e ("provid" from "providing" ~
// "provide"), or a verb and its nominalisation in -ment, -ion, -ation
// ("deploy" ~ "deployment", "expand" ~ "expansion", "consult" ~
// "consultation", "negotiate" ~ "negotiation"). Never a loose prefix:
// "consultations" is not "consumer", "compliance" is not "comply".
func stemMatch(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if b == a+"e" {
		return true
	}
	for _, suf := range [...]string{"ment", "ation", "ition", "ion"} {
		if base, ok := strings.CutSuffix(b, suf); ok && len(base) >= 4 && sameBase(a, base) {
			return true
		}
	}
	return false
}

// sameBase reports whether verb and the base of a nominalisation are one
// word, allowing the regular spelling changes: a dropped e ("provide" ~
// "provis-"), d to s ("expand" ~ "expans-", "decide" ~ "decis-"), t to ss
// ("admit" ~ "admiss-"), -ate dropped ("negotiate" ~ "negoti-").
func sameBase(verb, base string) bool {
	v := strings.TrimSuffix(verb, "e")
	b := strings.TrimSuffix(base, "e")
	switch {
	case v == b:
		return true
	case len(v) > 3 && strings.HasSuffix(v, "d") && strings.HasSuffix(b, "s") && v[:len(v)-1] == b[:len(b)-1]:
		return true
	case len(v) > 3 && strings.HasSuffix(v, "t") && strings.HasSuffix(b, "ss") && v[:len(v)-1] == b[:len(b)-2]:
		return true
	case len(verb) > 5 && strings.HasSuffix(verb, "ate") && verb[:len(verb)-3] == base:
		return true
	}
	return false
}

// bucket is the key under which a stem is indexed: stems that stemMatch
// share their first four bytes (or are equal and shorter).
func bucket(s string) string {
	if len(s) > 4 {
		return s[:4]
	}
	return s
}

// lower returns w in lower case without allocating when it already is,
// and whether w has upper- and lower-case letters.
func lower(w string) (low string, hasUpper, hasLower bool) {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80:
			ascii = false
		case c >= 'A' && c <= 'Z':
			hasUpper = true
		case c >= 'a' && c <= 'z':
			hasLower = true
		}
	}
	if !ascii {
		low = strings.ToLower(w)
		return low, hasUpper || low != w, hasLower || strings.ToUpper(w) != w
	}
	if !hasUpper {
		return w, false, hasLower
	}
	b := make([]byte, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b), true, hasLower
}
