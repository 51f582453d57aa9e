package phoenix

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Agent is one role noun of the agents dictionary with its code, "~" removed ("GOV" for
// "[~GOV]", "NGO" for "[NGO~]").
type Agent struct {
	Noun string // words separated by single spaces, upper case as written ("FOREIGN MINISTER")
	Code string
	Line int
}

// AgentLine is one parsed agents-dictionary line before plural and marker expansion.
type AgentLine struct {
	Phrase    string   // as written, "GOVERNMENT_SPOKES!PERSON!"
	Plurals   []string // the forms inside {...}
	HasBraces bool     // {...} was given (an empty {} means: no plural)
	Code      string   // without '~'
	// Marker and Values are set for a substitution definition "!PERSON! = MAN, MEN".
	Marker string
	Values []string
}

// ParseAgentLine reads one agents-dictionary line. Blank and comment lines give a zero
// AgentLine and no error.
func ParseAgentLine(s string) (AgentLine, error) {
	var al AgentLine
	s = strings.TrimSuffix(s, "\r")
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "<!") {
		return al, nil
	}
	if s[0] == '!' {
		if k, v, ok := strings.Cut(s, "="); ok {
			al.Marker = strings.TrimSpace(k)
			if len(al.Marker) < 3 || !strings.HasSuffix(al.Marker, "!") {
				return AgentLine{}, fmt.Errorf("%w: marker %q", ErrSyntax, al.Marker)
			}
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					al.Values = append(al.Values, x)
				}
			}
			return al, nil
		}
	}
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return AgentLine{}, fmt.Errorf("%w: no [code] in %q", ErrSyntax, s)
	}
	head, code := s[:i], s[i+1:]
	if j := strings.IndexAny(code, "]}"); j >= 0 {
		code = code[:j]
	}
	code = strings.Trim(strings.TrimSpace(code), "~")
	if code == "" || strings.ContainsAny(code, " \t~[") {
		return AgentLine{}, fmt.Errorf("%w: code %q", ErrSyntax, code)
	}
	al.Code = code
	if j := strings.IndexByte(head, '{'); j >= 0 {
		al.HasBraces = true
		pl := head[j+1:]
		head = head[:j]
		if k := strings.IndexByte(pl, '}'); k >= 0 {
			pl = pl[:k]
		}
		if p := strings.Fields(pl); len(p) > 0 {
			al.Plurals = p
		}
	}
	al.Phrase = strings.Join(strings.Fields(head), " ")
	if al.Phrase == "" {
		return AgentLine{}, fmt.Errorf("%w: no phrase before [%s]", ErrSyntax, code)
	}
	return al, nil
}

// ReadAgents reads an agents dictionary and expands it: "!MARKER!" substitutions (no further
// plurals), explicit plurals in {...}, and regular plurals otherwise (+S, Y after a consonant →
// IES, SS → SSES). Underscores and blanks both become single spaces.
func ReadAgents(r io.Reader) ([]Agent, []Problem, error) {
	var (
		out   []Agent
		probs []Problem
		subs  = map[string][]string{}
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	add := func(noun, code string) {
		noun = strings.Join(strings.Fields(strings.ReplaceAll(noun, "_", " ")), " ")
		if noun != "" {
			out = append(out, Agent{Noun: noun, Code: code, Line: n})
		}
	}
	for sc.Scan() {
		n++
		al, err := ParseAgentLine(sc.Text())
		if err != nil {
			probs = append(probs, Problem{Line: n, Err: err})
			continue
		}
		switch {
		case al.Marker != "":
			subs[al.Marker] = al.Values
		case al.Phrase == "":
		case strings.Contains(al.Phrase, "!"):
			forms, err := substitute(al.Phrase, subs)
			if err != nil {
				probs = append(probs, Problem{Line: n, Err: err})
				continue
			}
			for _, f := range forms {
				add(f, al.Code)
			}
		default:
			add(al.Phrase, al.Code)
			switch {
			case al.HasBraces:
				for _, p := range al.Plurals {
					add(p, al.Code)
				}
			case strings.HasSuffix(al.Phrase, "_"):
				// a trailing "_" means: no plural
			default:
				add(Plural(al.Phrase), al.Code)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("phoenix: reading agents: %w", err)
	}
	return out, probs, nil
}

// substitute expands the first !MARKER! in phrase with each of its values, recursively.
func substitute(phrase string, subs map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("%w: unclosed marker in %q", ErrSyntax, phrase)
	}
	marker := phrase[i : i+j+2]
	vals, ok := subs[marker]
	if !ok {
		return nil, fmt.Errorf("%w: undefined marker %s", ErrSyntax, marker)
	}
	var out []string
	for _, v := range vals {
		rest, err := substitute(phrase[i+j+2:], subs)
		if err != nil {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, phrase[:i]+v+r)
		}
	}
	return out, nil
}

// Plural forms the regular plural of an upper-case phrase's last word.
func Plural(s string) string {
	switch {
	case strings.HasSuffix(s, "SS"):
		return s + "ES"
	case strings.HasSuffix(s, "Y") && len(s) > 1 && !strings.ContainsRune("AEIOU", rune(s[len(s)-2])):
		return s[:len(s)-1] + "IES"
	default:
		return s + "S"
	}
}
