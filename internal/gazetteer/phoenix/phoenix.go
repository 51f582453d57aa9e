// Package phoenix reads the CAMEO/Phoenix dictionary formats that PETRARCH2 ships: actor
// dictionaries (a primary phrase, "+" synonyms, tab-indented dated code restrictions) and the
// agents dictionary (role nouns with optional plurals and "!MARKER!" substitutions). It knows
// the syntax only; what the codes mean is the converter's business.
package phoenix

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ErrSyntax marks a line that cannot be read as dictionary syntax.
var ErrSyntax = errors.New("phoenix: syntax error")

// LineKind says what an actor-dictionary line holds.
type LineKind int

// Line kinds.
const (
	Blank       LineKind = iota // empty or comment only
	Primary                     // a primary phrase, possibly with codes after it
	Synonym                     // "+PHRASE"
	Restriction                 // "\t[CODE ...]" lines: codes only
)

// Date is a calendar day as yyyymmdd (20090120); 0 means unbounded.
type Date int32

// Time returns the day at midnight UTC, or the zero time for 0.
func (d Date) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, time.UTC)
}

// DateOf returns t's calendar day (in t's own location) as a Date; 0 for the zero time.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// Code is one bracketed code with its optional date restriction. A restriction with From and
// To both 0 is the entry's default: it applies when no dated restriction does.
type Code struct {
	Code     string // "USAGOV"; "---" is the null code
	From, To Date   // inclusive bounds, 0 = open
}

// Default reports whether c carries no date restriction.
func (c Code) Default() bool { return c.From == 0 && c.To == 0 }

// Line is one parsed actor-dictionary line.
type Line struct {
	Kind    LineKind
	Phrase  string // the phrase as written, underscores kept ("BARACK_OBAMA")
	Codes   []Code
	Comment string // text after '#' or ';', trimmed
}

// ParseLine reads one line of an actor dictionary. A bracket group that cannot be read (an
// unknown date form) makes an error that names it; the rest of the line is still returned so a
// caller may keep the readable parts.
func ParseLine(s string) (Line, error) {
	var ln Line
	s = strings.TrimSuffix(s, "\r")
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		ln.Comment = strings.TrimSpace(s[i+1:])
		s = s[:i]
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return ln, nil
	}
	var rest string
	switch {
	case t[0] == '+':
		ln.Kind = Synonym
		ln.Phrase, rest = splitPhrase(t[1:])
	case t[0] == '[':
		ln.Kind = Restriction
		rest = t
	default:
		ln.Kind = Primary
		ln.Phrase, rest = splitPhrase(t)
	}
	codes, err := parseCodes(rest)
	ln.Codes = codes
	if (ln.Kind == Synonym || ln.Kind == Primary) && ln.Phrase == "" {
		// "+[CODE]": codes without a phrase
		ln.Kind = Restriction
		if len(codes) == 0 {
			ln.Kind = Blank
		}
	}
	return ln, err
}

// splitPhrase cuts s at its first '[': the phrase (blanks and tabs collapsed to one space,
// trailing blanks dropped) and the code part.
func splitPhrase(s string) (phrase, rest string) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		s, rest = s[:i], s[i:]
	}
	return strings.Join(strings.Fields(s), " "), rest
}

// parseCodes reads every [..] group in s; it keeps the readable groups and reports the first
// unreadable one.
func parseCodes(s string) ([]Code, error) {
	var codes []Code
	var firstErr error
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		s = s[i+1:]
		j := strings.IndexAny(s, "]}")
		var g string
		if j < 0 {
			g, s = s, ""
		} else {
			g, s = s[:j], s[j+1:]
		}
		c, err := ParseCode(g)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		codes = append(codes, c)
	}
	return codes, firstErr
}

// ParseCode reads the inside of one bracket group: "CODE", "CODE <date", "CODE >date" or
// "CODE date-date".
func ParseCode(g string) (Code, error) {
	f := strings.Fields(g)
	if len(f) == 0 {
		return Code{}, fmt.Errorf("%w: empty code [%s]", ErrSyntax, g)
	}
	c := Code{Code: f[0]}
	if len(f) == 1 {
		return c, nil
	}
	r := strings.Join(f[1:], "")
	var err error
	switch {
	case r[0] == '<':
		c.To, err = ParseDate(r[1:])
	case r[0] == '>':
		c.From, err = ParseDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return Code{}, fmt.Errorf("%w: restriction %q in [%s]", ErrSyntax, r, g)
		}
		if c.From, err = ParseDate(a); err == nil {
			c.To, err = ParseDate(b)
		}
		if err == nil && c.To < c.From {
			err = fmt.Errorf("%w: range ends before it starts in [%s]", ErrSyntax, g)
		}
	}
	if err != nil {
		return Code{}, err
	}
	return c, nil
}

// ParseDate reads YYYYMMDD or YYMMDD. Two-digit years 00–30 are 2000–2030, the rest
// 1931–1999 (the dictionaries were last revised in 2014 and reach back to the 1940s).
func ParseDate(s string) (Date, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("%w: date %q", ErrSyntax, s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
	case 6:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return 0, fmt.Errorf("%w: date %q is neither YYYYMMDD nor YYMMDD", ErrSyntax, s)
	}
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("%w: date %q out of range", ErrSyntax, s)
	}
	return Date(y*10000 + m*100 + d), nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// Entry is one actor record: a primary phrase, its synonyms and its codes (those on the
// primary and synonym lines and the restriction lines after them, in order).
//
// As in PETRARCH, a primary phrase that has no code yet when the next primary phrase comes
// shares that next record's codes: it is kept as a further synonym. Unlike PETRARCH, a blank line
// ends a record, so a stray codeless phrase before a blank line does not join an unrelated
// record; such records have no codes and are returned as they are (callers skip them).
type Entry struct {
	Phrase   string
	Synonyms []string
	Codes    []Code
	Comment  string // the primary line's comment ("CountryInfo.txt", "IGOrulers.txt")
	Line     int    // 1-based line of the primary phrase
}

// Problem is a line the reader skipped or only partly read.
type Problem struct {
	Line int
	Err  error
}

func (p Problem) Error() string { return fmt.Sprintf("line %d: %v", p.Line, p.Err) }

// ReadActors reads an actor dictionary. Lines it cannot read are reported as problems and
// skipped; only an I/O error fails the whole read.
func ReadActors(r io.Reader) ([]Entry, []Problem, error) {
	var (
		out   []Entry
		probs []Problem
		// open: the last record may still take a codeless primary phrase (no code seen
		// and no blank line since it started).
		open bool
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.Contains(text, "---STOP---") {
			break
		}
		ln, err := ParseLine(text)
		if err != nil {
			probs = append(probs, Problem{Line: n, Err: err})
		}
		var cur *Entry
		if len(out) > 0 {
			cur = &out[len(out)-1]
		}
		switch ln.Kind {
		case Blank:
			if ln.Comment == "" && strings.TrimSpace(text) == "" {
				open = false
			}
		case Primary:
			if open && cur != nil && len(cur.Codes) == 0 {
				cur.Synonyms = append(cur.Synonyms, ln.Phrase)
				cur.Codes = append(cur.Codes, ln.Codes...)
				continue
			}
			out = append(out, Entry{Phrase: ln.Phrase, Codes: ln.Codes, Comment: ln.Comment, Line: n})
			open = true
		case Synonym:
			if cur == nil {
				probs = append(probs, Problem{Line: n, Err: fmt.Errorf("%w: synonym %q before any record", ErrSyntax, ln.Phrase)})
				continue
			}
			cur.Synonyms = append(cur.Synonyms, ln.Phrase)
			cur.Codes = append(cur.Codes, ln.Codes...)
		case Restriction:
			if cur == nil {
				probs = append(probs, Problem{Line: n, Err: fmt.Errorf("%w: codes before any record", ErrSyntax)})
				continue
			}
			cur.Codes = append(cur.Codes, ln.Codes...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("phoenix: reading actors: %w", err)
	}
	return out, probs, nil
}
