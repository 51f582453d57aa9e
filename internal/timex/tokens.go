package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord uint8 = iota + 1
	kNum
	kPunct
)

// token is one word, digit run or punctuation mark. Tokens never split a
// UTF-8 sequence, so any run of tokens is a valid span of the text.
type token struct {
	s, e int   // byte span [s, e)
	sent int   // sentence number, for tense and same-sentence lookups
	num  int   // value of a digit run (when nd <= 9)
	lx   int16 // lexicon index, -1 when the word is not a time word
	nd   int8  // digits in a digit run
	kind uint8
	ch   byte // punctuation, normalised: curly quotes -> ' or ", dashes -> -
	cap  bool // word starts with an ASCII capital
}

// abbrevs end in a dot that does not end a sentence; checked lowercase.
var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true,
	"no": true, "vs": true, "jr": true, "sr": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "prof": true, "rev": true, "capt": true, "maj": true, "adm": true, "ft": true,
	"mt": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true,
	"gens": true, "sens": true, "reps": true, "pres": true, "messrs": true}

// byteClass sorts ASCII bytes for the tokenizer's hot loop.
var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-32] = cLetter, cLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\r\f\v" {
		t[c] = cSpace
	}
	t['\n'] = cNewline
	for c := 0x80; c < 0x100; c++ {
		t[c] = cHigh
	}
	return
}()

const (
	cPunct uint8 = iota
	cLetter
	cDigit
	cSpace
	cNewline
	cHigh
)

func isLetterByte(c byte) bool { return byteClass[c] == cLetter }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }

// tokenize appends the tokens of text to toks.
func tokenize(text string, toks []token) []token {
	n := len(text)
	sent := 0
	i := 0
	for i < n {
		c := text[i]
		switch {
		case byteClass[c] == cSpace:
			i++
		case c == '\n':
			// A line break ends a sentence (headlines, datelines): the
			// pipeline's bodies hold one paragraph a line, blank lines
			// between them or not (see layout.Soften).
			if len(toks) > 0 && toks[len(toks)-1].sent == sent {
				sent++
			}
			i++
		case isDigit(c):
			j := i
			v := 0
			for j < n && isDigit(text[j]) {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 9 {
				nd = 9
				v = -1
			}
			toks = append(toks, token{s: i, e: j, sent: sent, num: v, nd: int8(nd), kind: kNum, lx: -1})
			i = j
		case byteClass[c] == cLetter || c >= utf8.RuneSelf && startsLetter(text[i:]):
			j := i
			for j < n {
				b := text[j]
				if byteClass[b] == cLetter {
					j++
					continue
				}
				if b >= utf8.RuneSelf {
					r, size := utf8.DecodeRuneInString(text[j:])
					if unicode.IsLetter(r) || unicode.IsMark(r) {
						j += size
						continue
					}
				}
				break
			}
			toks = append(toks, token{s: i, e: j, sent: sent, kind: kWord, lx: lookupLex(text[i:j]),
				cap: c >= 'A' && c <= 'Z'})
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, token{s: i, e: i + 1, sent: sent, kind: kPunct, ch: c, lx: -1})
			i++
			if (c == '.' || c == '!' || c == '?') && endsSentence(text, i, toks) {
				sent++
			}
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			ch := byte(1) // other symbol
			switch r {
			case '\u2018', '\u2019', '\u02bc':
				ch = '\''
			case '\u201c', '\u201d', '\u00ab', '\u00bb':
				ch = '"'
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
				ch = '-'
			}
			if unicode.IsDigit(r) {
				ch = 2 // a non-ASCII digit: never part of a number here
			}
			toks = append(toks, token{s: i, e: i + size, sent: sent, kind: kPunct, ch: ch, lx: -1})
			i += size
		}
	}
	return toks
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// endsSentence decides whether the mark just before i ends a sentence: it
// must be followed by space (and optionally closing quotes) and then a
// capital, an opening quote or the end of the text, and a dot must not
// close an abbreviation or an initial ("Aug.", "J.").
func endsSentence(text string, i int, toks []token) bool {
	n := len(text)
	j := i
	for j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
		j++
	}
	if j < n && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r' {
		if j+2 < n && text[j] == 0xe2 && text[j+1] == 0x80 && (text[j+2] == 0x9d || text[j+2] == 0x99) {
			j += 3 // closing curly quote
		} else {
			return false
		}
	}
	for j < n && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j < n {
		c := text[j]
		if !(c >= 'A' && c <= 'Z' || c == '"' || c == '`' || c == '\'' || c >= utf8.RuneSelf) {
			return false
		}
	}
	if text[i-1] != '.' || len(toks) < 2 {
		return true
	}
	prev := toks[len(toks)-2]
	if prev.kind != kWord || prev.e != toks[len(toks)-1].s {
		return true
	}
	w := text[prev.s:prev.e]
	if len(w) == 1 {
		return false // an initial or the "a.m." family: rarely a sentence end
	}
	if len(w) <= 6 {
		var buf [6]byte
		for k := 0; k < len(w); k++ {
			buf[k] = w[k] | 0x20
		}
		if abbrevs[string(buf[:len(w)])] {
			return false
		}
	}
	return true
}
