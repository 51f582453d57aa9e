package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Abbreviations that are never the end of a sentence: titles and honorifics
// stand before a name ("Gen. Smith", "Mr. Jones"), so a capital letter after
// them starts the name, not a new sentence.
var titleAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"reps": true, "sens": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"maj": true, "prof": true, "rev": true, "st": true, "adm": true, "cmdr": true, "pres": true,
	"amb": true, "hon": true, "del": true, "fr": true, "mt": true, "ft": true, "supt": true, "insp": true,
	"messrs": true, "mme": true, "mlle": true, "atty": true, "cpl": true, "pvt": true, "brig": true,
	"vs": true, "v": true, "approx": true, "dept": true, "fig": true, "cf": true, "gens": true,
}

// Abbreviations that stand before a number: "No. 5", "Jan. 26", "Art. 5".
// Before a digit they never end a sentence; before a capital they may.
var numberAbbrev = map[string]bool{
	"no": true, "nos": true, "art": true, "vol": true, "pp": true, "p": true, "sec": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "op": true, "ch": true,
}

// Abbreviations that may end a sentence ("he works for Acme Inc. The firm…")
// but usually do not: they end one only when a typical sentence opener
// follows.
var maybeFinalAbbrev = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "etc": true,
	"bros": true, "llc": true, "plc": true, "al": true, "e.g": true, "i.e": true,
}

// abbrevBits merges the three abbreviation lists into one table: one
// lookup tells which lists a word is on (isAbbrev runs on every word
// before a period, periodEnds on every period).
const (
	abTitle uint8 = 1 << iota
	abNumber
	abMaybeFinal
)

var abbrevBits = func() *Lexicon[uint8] {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{titleAbbrev, abTitle}, {numberAbbrev, abNumber}, {maybeFinalAbbrev, abMaybeFinal}} {
		for w, ok := range l.set {
			if ok {
				m[w] |= l.bit
			}
		}
	}
	return NewLexicon(m)
}()

// Words that typically open a sentence. After an ambiguous abbreviation
// ("U.S.", "Inc.", "p.m.") one of these means the sentence ended.
var sentenceOpeners = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "But": true, "And": true, "In": true, "On": true,
	"At": true, "This": true, "That": true, "These": true, "Those": true, "His": true,
	"Her": true, "Their": true, "Its": true, "Our": true, "There": true, "Here": true,
	"After": true, "Before": true, "When": true, "While": true, "If": true, "As": true,
	"However": true, "Meanwhile": true, "Still": true, "Yet": true, "So": true, "Now": true,
	"Then": true, "For": true, "According": true, "Earlier": true, "Later": true, "Also": true,
	"Asked": true, "What": true, "Why": true, "How": true, "Who": true, "Some": true, "Many": true,
	"Most": true, "One": true, "Two": true, "Both": true, "Since": true, "Despite": true, "Under": true,
}

// sentenceByte marks the bytes at which appendSentences has work to do:
// a line break, . ! ? and the lead byte of "…".
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte{'\n', '.', '!', '?', 0xE2} {
		t[c] = true
	}
	return t
}()

// Sentences returns the sentence spans of s. Paragraph breaks always end a
// sentence; so does a line break unless the next line starts in lower case
// (hard-wrapped text). Within a line a sentence ends at . ! ? or an ellipsis,
// after any closing quotes and brackets, when white space and then a capital,
// a digit, an opening quote or bracket follows, and the period does not
// belong to an abbreviation or an initial.
func Sentences(s string) []article.Span {
	return SentencesIn(s, Paragraphs(s))
}

// SentencesIn is Sentences for a text whose paragraphs are already known.
func SentencesIn(s string, paras []article.Span) []article.Span {
	return AppendSentencesIn(make([]article.Span, 0, len(s)/100+1), s, paras)
}

// AppendSentencesIn is SentencesIn appending to out, so that a caller may
// reuse one buffer across texts.
func AppendSentencesIn(out []article.Span, s string, paras []article.Span) []article.Span {
	for _, p := range paras {
		if p[0] < 0 || p[1] > len(s) || p[0] > p[1] {
			continue
		}
		out = appendSentences(out, s, p)
	}
	return out
}

func appendSentences(out []article.Span, s string, p article.Span) []article.Span {
	start := p[0]
	i := p[0]
	end := p[1]
	emit := func(a, b int) {
		sp := trimSpan(s, article.Span{a, b})
		if sp[1] > sp[0] {
			out = append(out, sp)
		}
	}
	for i < end {
		// Skip bytes that cannot end a sentence (table lookup).
		for i < end && !sentenceByte[s[i]] {
			i++
		}
		if i >= end {
			break
		}
		c := s[i]
		switch {
		case c == '\n':
			// Line break inside a paragraph.
			k := i + 1
			for k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
				k++
			}
			if k < end {
				r, _ := utf8.DecodeRuneInString(s[k:end])
				if !unicode.IsLower(r) {
					emit(start, i)
					start = k
				}
			}
			i = k
			continue
		case c == '.' || c == '!' || c == '?' || (c == 0xE2 && strings.HasPrefix(s[i:end], "…")):
			j := i
			for j < end {
				if s[j] == '.' || s[j] == '!' || s[j] == '?' {
					j++
				} else if strings.HasPrefix(s[j:end], "…") {
					j += len("…")
				} else {
					break
				}
			}
			term := s[i:j]
			// Closing quotes and brackets belong to the sentence.
			k := j
			for k < end {
				r, n := utf8.DecodeRuneInString(s[k:end])
				if isCloseQuote(r) || isCloseBracket(r) {
					k += n
					continue
				}
				break
			}
			if k >= end {
				i = k
				continue
			}
			r, n := utf8.DecodeRuneInString(s[k:end])
			if !IsSpace(r) {
				i = j
				if j == i {
					i++
				}
				continue
			}
			m := skipSpace(s, k+n, end)
			if m >= end {
				i = m
				continue
			}
			next, _ := utf8.DecodeRuneInString(s[m:end])
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpenQuote(next) || isOpenBracket(next)) {
				i = j
				continue
			}
			if term == "." && k == j && !periodEnds(s, p[0], i, m, end) {
				i = j
				continue
			}
			// “How many times?” Clinton said. — a quotation ending in
			// . ? ! is followed by its reporting clause: no break when a
			// reporting verb comes within the next few words.
			if k > j && reportingFollows(s, m, end) {
				i = k
				continue
			}
			emit(start, k)
			start = m
			i = m
			continue
		}
		i++
	}
	emit(start, end)
	return out
}

// periodEnds decides whether the period at dot (with the next word at next)
// ends a sentence, looking at the word before it.
func periodEnds(s string, lo, dot, next, end int) bool {
	w := dot
	for w > lo {
		r, n := utf8.DecodeLastRuneInString(s[lo:w])
		if unicode.IsLetter(r) || r == '.' || unicode.IsDigit(r) {
			w -= n
			continue
		}
		break
	}
	word := s[w:dot]
	if word == "" {
		return true
	}
	nextWord := wordAt(s, next, end)
	nr, _ := utf8.DecodeRuneInString(nextWord)
	// An initial: "P.J. Crowley", "George W. Bush". A single capital letter
	// before a period is almost never a sentence's last word.
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		// ... but "she wrote on X." names the platform
		if word == "X" && w >= 3 && (s[w-3:w] == "on " || s[w-3:w] == "On ") {
			return true
		}
		return false
	}
	ab, _ := abbrevBits.GetLower(word) // the lists at strings.ToLower(word)
	if ab&abTitle != 0 {
		return false
	}
	if ab&abNumber != 0 && len(nextWord) > 0 && unicode.IsDigit(nr) {
		return false
	}
	// Dotted abbreviations (U.S., a.m., P.J.) and company suffixes: the
	// sentence ends only when a usual sentence opener follows.
	if strings.IndexByte(word, '.') >= 0 || ab&abMaybeFinal != 0 {
		// (or a quotation opening with a capital: "…, said Jane Roe,
		// chief executive of Acme Corp. “We are proud …”")
		return sentenceOpeners[nextWord] || quoteOpensAt(s, next, end)
	}
	return true
}

// quoteOpensAt reports whether an opening quotation mark and a capital
// letter stand at i.
func quoteOpensAt(s string, i, end int) bool {
	var n int
	switch {
	case strings.HasPrefix(s[i:end], "\""):
		n = 1
	case strings.HasPrefix(s[i:end], "“"):
		n = len("“")
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+n : end])
	return unicode.IsUpper(r)
}

// wordAt returns the run of letters starting at i.
func wordAt(s string, i, end int) string {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

// verbsAfterQuote are reporting verbs that follow a quotation in its
// reporting clause ("…?” Clinton asked.").
var verbsAfterQuote = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true, "adds": true,
	"told": true, "tells": true, "wrote": true, "writes": true, "continued": true, "replied": true,
	"explained": true, "noted": true, "recalled": true, "insisted": true, "declared": true,
	"stressed": true, "warned": true, "shouted": true, "tweeted": true, "argued": true,
	"answered": true, "responded": true, "added:": true, "quipped": true, "joked": true,
	"remarked": true, "exclaimed": true, "cried": true, "yelled": true, "wondered": true,
}

// reportingFollows reports whether one of verbsAfterQuote occurs within
// the next five words from i, before any sentence punctuation.
func reportingFollows(s string, i, end int) bool {
	words := 0
	for i < end && words < 6 {
		r, n := utf8.DecodeRuneInString(s[i:end])
		switch {
		case unicode.IsLetter(r):
			w := wordAt(s, i, end)
			if verbsAfterQuote[w] {
				// only a bare reporting clause: "Clinton said." / "he
				// asked," — not "Trump said the plan failed", nor "He
				// said: “…”", which introduces the next quotation.
				e := i + len(w)
				return e < end && (s[e] == '.' || s[e] == ',')
			}
			words++
			i += len(w)
			if len(w) == 0 {
				i += n
			}
		case r == '.' || r == '!' || r == '?' || r == '“' || r == '"' || r == '\n':
			if r == '.' && i > 0 && i+1 < end && s[i+1] != ' ' {
				i += n // "Mr.X" or an initial: keep going
				continue
			}
			if r == '.' {
				// abbreviations such as "Mr." and initials
				i += n
				continue
			}
			return false
		default:
			i += n
		}
	}
	return false
}
