// Package dossier is the negotiation record: a dossier file describes one
// negotiation (its parties and the issues on the table), Classify links
// each statement to the issues it speaks to with the stance of its holder,
// and Positions folds all stored statements into the issue × party matrix.
//
// # Dossier files
//
//	negotiation: Name of the negotiation
//	from: 2021-12        # optional: statements dated outside from..to are left out
//	to: 2022-02
//	parties:
//	  - name: Russia
//	    aliases: [Moscow, Kremlin]     # names that stand for the party in text
//	    members: [Defense Ministry]    # bodies or people that speak for it
//	issues:
//	  - id: nato-non-expansion
//	    proposition: NATO stops expanding eastward, Ukraine included
//	    for: [non-expansion, not advance eastward]   # phrases that state the proposition
//	    against: [open door]                          # phrases that state its opposite
//	    related: [enlargement]                        # topic words: link, stance from the cue only
//
// Load validates the whole file and reports every problem with its
// file:line:col (unknown keys, missing id or proposition, duplicate ids, no
// parties, a party listed twice, an alias claimed by two parties, an issue
// without phrases, a phrase under both for and against, impossible dates
// such as "2022-13", wrong types).
//
// # Stances
//
// Classify finds the issues' phrases in a statement's text (case-insensitive;
// possessives, hyphens and inflections folded; negators such as not, non,
// no, stop, end, prevent fold to one "not", so "non-expansion" matches "not
// expand" and "stopping NATO's expansion"). For each issue the earliest
// phrase decides, read in its sentence:
//
//   - the frame is the first cue before the phrase that is not a reporting
//     verb (said, stressed): demand, modal, support, reject, evade, offer or
//     commit (see cueSpecs); a rejection or evasion after the phrase counts
//     in passive sentences ("X is unacceptable", "neither X nor Y is
//     mentioned");
//   - the stance is the phrase's side (for/against), turned by a rejecting
//     frame, by a negator or a giving-up verb just before the phrase, and by
//     a denied cue ("does not want"); an offer of a smaller or different
//     thing, or one whose object is another issue, is a counter; an offer,
//     support or commitment with a condition is conditional, while a phrase
//     inside the condition is demanded (for);
//   - the holder is the frame's subject when it names a party (by name,
//     alias, member or demonym; "NATO countries" from the other side is no
//     party), the speaker's side for pronouns, modals and nominal cues, else
//     nobody. Reporting verbs pass their subject on ("Russia stressed that
//     it ..."). When someone reports another side dodging an issue
//     ("the US avoided discussing X"), the dodger is against and the
//     reporter's side is for (a derived link).
//
// Positions folds the links of all statements into the issue × party matrix.
package dossier

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/parley-news/parley/internal/fileerr"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrInvalid is wrapped by every validation error: the file was read but
// does not describe a usable dossier.
var ErrInvalid = errors.New("dossier: invalid")

// Dossier is one negotiation.
type Dossier struct {
	// File is where it was loaded from (for messages).
	File        string
	Negotiation string
	// From and To bound the dates of statements taken into account
	// (YYYY, YYYY-MM or YYYY-MM-DD, inclusive); empty: unbounded.
	From, To string
	Parties  []Party
	Issues   []Issue

	// names maps a normalised alias, name or member to its party index.
	names map[string]int
	// index maps the bucket of a phrase's first word to the phrases.
	index map[string][]phrase
	// partyPhrases are the parties' names, aliases and members tokenised,
	// longest first, for finding parties in text.
	partyPhrases []partyPhrase
	// partyFirst indexes partyPhrases by their first word.
	partyFirst map[string][]partyPhrase
}

// Party is one side at the table.
type Party struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Members are bodies or people that speak for the party (a ministry, a
	// spokesman); a speaker whose name or affiliation is a member belongs
	// to the party.
	Members []string `json:"members,omitempty"`
}

// Issue is one proposition on the table.
type Issue struct {
	ID          string   `json:"id"`
	Proposition string   `json:"proposition"`
	For         []string `json:"for,omitempty"`
	Against     []string `json:"against,omitempty"`
	// Related phrases name the issue without taking a side: a statement
	// that uses one is linked, its stance comes from the cue alone.
	Related []string `json:"related,omitempty"`
}

// Error is one problem in the file: file:line:col: message. Every Error
// wraps ErrInvalid.
type Error = fileerr.Error

// Errors is every problem found in one file, in file order.
type Errors = fileerr.Errors

// Load reads and validates the dossier file at path.
func Load(path string) (*Dossier, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	return Parse(path, data)
}

// Parse validates data as a dossier; file names it in messages. On failure
// the error is Errors (every problem, in file order), which wraps ErrInvalid.
func Parse(file string, data []byte) (*Dossier, error) {
	p := &parser{file: file}
	d := p.parse(data)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool {
			if p.errs[i].Line != p.errs[j].Line {
				return p.errs[i].Line < p.errs[j].Line
			}
			return p.errs[i].Col < p.errs[j].Col
		})
		return nil, p.errs
	}
	d.compile()
	return d, nil
}

type parser struct {
	file string
	errs Errors
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Kind: ErrInvalid})
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func (p *parser) parse(data []byte) *Dossier {
	d := &Dossier{File: p.file}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		line := 1
		// yaml.v3 messages look like "yaml: line 3: ..."; keep the line.
		msg := err.Error()
		if _, scanErr := fmt.Sscanf(msg, "yaml: line %d:", &line); scanErr != nil {
			line = 1
		}
		if msg == "EOF" {
			msg = "empty file"
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if i := strings.Index(msg, ": "); i > 0 && strings.HasPrefix(msg, "line ") {
			msg = msg[i+2:]
		}
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: 1, Msg: msg, Kind: ErrInvalid})
		return d
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		p.errorf(doc, "dossier must be a mapping, not %s", kindName(doc))
		return d
	}
	var partiesNode *yaml.Node
	seen := p.fields(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "negotiation":
			d.Negotiation = p.str(k.Value, v)
		case "from":
			d.From = p.date(k.Value, v)
		case "to":
			d.To = p.date(k.Value, v)
		case "parties":
			partiesNode = v
			d.Parties = p.parties(v)
		case "issues":
			d.Issues = p.issues(v)
		default:
			p.errorf(k, "unknown key %q (want negotiation, from, to, parties, issues)", k.Value)
		}
	})
	if !seen["parties"] {
		p.errorf(doc, "missing key \"parties\"")
	} else if partiesNode != nil && partiesNode.Kind == yaml.SequenceNode && len(partiesNode.Content) == 0 {
		p.errorf(partiesNode, "parties is empty: a negotiation needs at least one party")
	}
	if !seen["issues"] {
		p.errorf(doc, "missing key \"issues\"")
	}
	if d.From != "" && d.To != "" && d.To < d.From {
		p.errorf(doc, "to %s is before from %s", d.To, d.From)
	}
	return d
}

// str reads a scalar string.
func (p *parser) str(key string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.errorf(v, "%s must be a string, not %s", key, kindName(v))
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// date reads YYYY, YYYY-MM or YYYY-MM-DD.
func (p *parser) date(key string, v *yaml.Node) string {
	s := p.str(key, v)
	if s == "" {
		return ""
	}
	if !validDate(s) {
		p.errorf(v, "%s %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", key, s)
		return ""
	}
	if msg := impossibleDate(s); msg != "" {
		p.errorf(v, "%s %q is not a real date: %s", key, s, msg)
		return ""
	}
	return s
}

// impossibleDate says what is wrong with a well-formed date that does not
// exist ("2022-13", "2022-02-30"), or "" when it exists.
func impossibleDate(s string) string {
	if len(s) < 7 {
		return ""
	}
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	if m < 1 || m > 12 {
		return fmt.Sprintf("there is no month %02d", m)
	}
	if len(s) < 10 {
		return ""
	}
	y := 0
	for i := 0; i < 4; i++ {
		y = y*10 + int(s[i]-'0')
	}
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if n := daysIn(y, m); d < 1 || d > n {
		return fmt.Sprintf("month %02d of %04d has %d days", m, y, n)
	}
	return ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// strList reads a list of strings; a single string is accepted as a list of one.
func (p *parser) strList(key string, v *yaml.Node) []string {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		if s := strings.TrimSpace(v.Value); s != "" {
			return []string{s}
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "%s must be a list of strings, not %s", key, kindName(v))
		return nil
	}
	var out []string
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
			p.errorf(e, "%s: each entry must be a string, not %s", key, kindName(e))
			continue
		}
		s := strings.TrimSpace(e.Value)
		if s == "" {
			p.errorf(e, "%s: empty entry", key)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *parser) parties(v *yaml.Node) []Party {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "parties must be a list, not %s", kindName(v))
		return nil
	}
	var out []Party
	owner := map[string]string{}  // normalised name → party that claimed it
	partyLine := map[string]int{} // normalised party name → line of its first listing
	claim := func(n *yaml.Node, name, party string) {
		key := normName(name)
		if key == "" {
			return
		}
		if prev, ok := owner[key]; ok && prev != party {
			p.errorf(n, "%q is claimed by two parties: %s and %s", name, prev, party)
			return
		}
		owner[key] = party
	}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "party must be a mapping with name and aliases, not %s", kindName(e))
			continue
		}
		var pt Party
		var nameNode *yaml.Node
		var aliasNodes, memberNodes []*yaml.Node
		p.fields(e, func(k, val *yaml.Node) {
			switch k.Value {
			case "name":
				pt.Name = p.str("name", val)
				nameNode = val
			case "aliases":
				pt.Aliases = p.strList("aliases", val)
				aliasNodes = listNodes(val)
			case "members":
				pt.Members = p.strList("members", val)
				memberNodes = listNodes(val)
			default:
				p.errorf(k, "unknown key %q in party (want name, aliases, members)", k.Value)
			}
		})
		if pt.Name == "" {
			if nameNode == nil {
				p.errorf(e, "party without a name")
			} else if nameNode.Kind == yaml.ScalarNode {
				p.errorf(nameNode, "party name is empty")
			}
			continue
		}
		if first, dup := partyLine[normName(pt.Name)]; dup {
			p.errorf(nameNode, "party %q is listed twice (first at line %d)", pt.Name, first)
			continue
		}
		partyLine[normName(pt.Name)] = nameNode.Line
		claim(nameNode, pt.Name, pt.Name)
		for _, n := range aliasNodes {
			claim(n, n.Value, pt.Name)
		}
		for _, n := range memberNodes {
			claim(n, n.Value, pt.Name)
		}
		out = append(out, pt)
	}
	return out
}

// phrases reads a list of issue phrases; a phrase of function words or
// bare negation only ("the", "not") would match almost anything.
func (p *parser) phrases(key string, v *yaml.Node) []string {
	p.strList(key, v) // type errors
	var out []string
	for _, n := range listNodes(v) {
		s := strings.TrimSpace(n.Value)
		if !hasContent(s) {
			p.errorf(n, "%s: phrase %q has no content word", key, s)
			continue
		}
		out = append(out, s)
	}
	return out
}

// hasContent reports whether a phrase has a word other than function words
// and negators.
func hasContent(s string) bool {
	for _, t := range tokenize(s, nil) {
		if !t.fn && t.norm != "not" {
			return true
		}
	}
	return false
}

// listNodes returns the scalar entries of a list node (or the node itself
// when it is a single scalar), for positions in messages.
func listNodes(v *yaml.Node) []*yaml.Node {
	switch v.Kind {
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, e := range v.Content {
			if e.Kind == yaml.ScalarNode && e.Tag != "!!null" && strings.TrimSpace(e.Value) != "" {
				out = append(out, e)
			}
		}
		return out
	case yaml.ScalarNode:
		if v.Tag != "!!null" && strings.TrimSpace(v.Value) != "" {
			return []*yaml.Node{v}
		}
	}
	return nil
}

func (p *parser) issues(v *yaml.Node) []Issue {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "issues must be a list, not %s", kindName(v))
		return nil
	}
	var out []Issue
	ids := map[string]int{}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "issue must be a mapping with id and proposition, not %s", kindName(e))
			continue
		}
		before := len(p.errs)
		var is Issue
		var idNode, forNode, againstNode *yaml.Node
		seen := p.fields(e, func(k, val *yaml.Node) {
			switch k.Value {
			case "id":
				is.ID = p.str("id", val)
				idNode = val
			case "proposition":
				is.Proposition = p.str("proposition", val)
			case "for":
				is.For = p.phrases("for", val)
				forNode = val
			case "against":
				is.Against = p.phrases("against", val)
				againstNode = val
			case "related":
				is.Related = p.phrases("related", val)
			default:
				p.errorf(k, "unknown key %q in issue (want id, proposition, for, against, related)", k.Value)
			}
		})
		ok := true
		if !seen["id"] {
			p.errorf(e, "issue without an id")
			ok = false
		} else if is.ID == "" {
			if idNode.Kind == yaml.ScalarNode {
				p.errorf(idNode, "issue id is empty")
			}
			ok = false
		}
		if !seen["proposition"] {
			p.errorf(e, "issue %q without a proposition", is.ID)
			ok = false
		} else if is.Proposition == "" {
			ok = false
		}
		if ok && len(p.errs) == before && !seen["for"] && !seen["against"] && !seen["related"] {
			// Without phrases nothing can ever link a statement to it.
			p.errorf(e, "issue %q has no phrases: give for, against or related", is.ID)
			ok = false
		}
		if forNode != nil && againstNode != nil {
			sides := map[string]bool{}
			for _, n := range listNodes(forNode) {
				sides[phraseKey(n.Value)] = true
			}
			for _, n := range listNodes(againstNode) {
				if sides[phraseKey(n.Value)] {
					p.errorf(n, "phrase %q is under both for and against of issue %q", strings.TrimSpace(n.Value), is.ID)
					ok = false
				}
			}
		}
		if is.ID != "" {
			if line, dup := ids[is.ID]; dup {
				p.errorf(idNode, "duplicate issue id %q (first at line %d)", is.ID, line)
				ok = false
			} else {
				ids[is.ID] = idNode.Line
			}
		}
		if ok {
			out = append(out, is)
		}
	}
	return out
}

// phraseKey folds a phrase the way matching sees it (normalised tokens),
// so "Open door" and "open-door" are the same phrase.
func phraseKey(s string) string {
	var b strings.Builder
	for i, t := range tokenize(s, nil) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.norm)
	}
	return b.String()
}

// normName folds a name for lookups: lower case, letters and digits only,
// single spaces ("U.S." and "US" fold alike).
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '.' || r == '\'' || r == '’':
			// "U.S." ~ "US", "People's" ~ "Peoples".
		case isWordRune(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// PartyIndex returns the index of the party a name (party name, alias or
// member, case- and punctuation-insensitive) stands for, or -1.
func (d *Dossier) PartyIndex(name string) int {
	if d == nil {
		return -1
	}
	if i, ok := d.names[normName(name)]; ok {
		return i
	}
	return -1
}

// fields calls fn for each key and value of the mapping m, in order,
// reporting a key given twice (and skipping its second value). It returns
// the keys it saw.
func (p *parser) fields(m *yaml.Node, fn func(k, v *yaml.Node)) map[string]bool {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			p.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		fn(k, v)
	}
	return seen
}
