// Package convert turns the CAMEO/Phoenix actor and agent dictionaries into the gazetteer's
// compact data file (see the gazetteer package for the format). The command
// internal/gazetteer/cmd/convert runs it; tests run it on a small excerpt.
package convert

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/parley-news/parley/internal/gazetteer"
	"github.com/parley-news/parley/internal/gazetteer/phoenix"
)

// The dictionary files read from the source folder.
const (
	CountriesFile     = "Phoenix.Countries.actors.txt"
	InternationalFile = "Phoenix.International.actors.txt"
	MilNonStateFile   = "Phoenix.MilNonState.actors.txt"
	AgentsFile        = "Phoenix.agents.txt"
)

// Stats counts what a conversion read and wrote.
type Stats struct {
	Countries, People, Orgs, Agents, Codes int
	NoCode                                 int // records with no usable code, skipped
	Problems                               []string
}

type kind int

const (
	kindCountry kind = iota
	kindPerson
	kindOrg
)

type actor struct {
	kind    kind
	file    string
	name    string // display name
	keys    []string
	roles   []phoenix.Code
	country string // for countries: the code
}

// Convert reads the four dictionaries from fsys and writes the data file (plain UTF-8 text, which
// the binary embeds as it is: see gazetteer.Load) to w.
func Convert(fsys fs.FS, w io.Writer) (Stats, error) {
	var st Stats
	var all []*actor
	countryCodes := map[string]bool{}
	for code := range extraCountries {
		countryCodes[code] = true
	}
	for _, file := range []string{CountriesFile, InternationalFile, MilNonStateFile} {
		entries, err := readActors(fsys, file, &st)
		if err != nil {
			return st, err
		}
		for _, e := range entries {
			a := classify(e, file)
			if a == nil {
				st.NoCode++
				continue
			}
			if a.kind == kindCountry {
				countryCodes[a.country] = true
			}
			all = append(all, a)
		}
	}
	isCountry := func(s string) bool { return countryCodes[s] }

	// Country names: ISO names in English where the code is ISO 3166, else ours, else the
	// dictionary's phrase.
	countryName := map[string]string{}
	dictName := map[string]string{}
	for _, a := range all {
		if a.kind == kindCountry && dictName[a.country] == "" {
			dictName[a.country] = a.name
		}
	}
	nameOf := func(code string) string {
		if n, ok := countryName[code]; ok {
			return n
		}
		n := extraCountries[code]
		if n == "" {
			if r, err := language.ParseRegion(code); err == nil && r.IsCountry() {
				n = display.English.Regions().Name(r)
				n = strings.ReplaceAll(n, " & ", " and ")
				if strings.HasPrefix(n, "St. ") {
					n = "Saint " + n[4:]
				}
			}
		}
		if n == "" || n == "Unknown Region" {
			n = dictName[code]
		}
		countryName[code] = n
		return n
	}

	// Names for IGO codes the table does not know: the first undated body with that exact code.
	// A code whose only segments are regions or sectors (IGOEUR, IGODEV) names a body only when
	// the dictionary has a single body with it.
	fallback := map[string]string{}
	bodies := map[string]int{}
	for _, a := range all {
		if a.kind != kindOrg {
			continue
		}
		for _, r := range a.roles {
			if r.Default() && fallback[r.Code] != a.name {
				if fallback[r.Code] == "" {
					fallback[r.Code] = a.name
				}
				bodies[r.Code]++
			}
		}
	}
	unique := func(code string) bool { return bodies[code] == 1 }

	// The code table.
	type codeLine struct {
		code string
		ci   codeInfo
		gen  bool
		aff  string
	}
	codes := map[string]*codeLine{}
	var codeOrder []string
	for _, a := range all {
		if a.kind == kindCountry {
			continue
		}
		for _, r := range a.roles {
			if codes[r.Code] != nil {
				continue
			}
			ci := parseCode(r.Code, isCountry)
			cl := &codeLine{code: r.Code, ci: ci}
			cl.aff, cl.gen = affiliation(r.Code, ci, nameOf, fallback, unique)
			codes[r.Code] = cl
			codeOrder = append(codeOrder, r.Code)
		}
	}

	people := mergePeople(all, func(code string) string {
		if cl := codes[code]; cl != nil {
			if cl.ci.Country != "" {
				return cl.ci.Country
			}
			if len(cl.ci.Orgs) > 0 {
				return "IGO" + cl.ci.Orgs[0]
			}
		}
		return ""
	})

	agents, agentCodes, err := readAgents(fsys, &st)
	if err != nil {
		return st, err
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n", gazetteer.FormatHeader)
	fmt.Fprintf(bw, "# Derived from the CAMEO/Phoenix dictionaries of PETRARCH2 (Open Event Data Alliance, MIT licence); see LICENSE-phoenix and PROVENANCE.md.\n")

	// Countries first: every code a role names, then the dictionary's countries with keys.
	seen := map[string]bool{}
	var ccodes []string
	for _, a := range all {
		if a.kind == kindCountry && !seen[a.country] {
			seen[a.country] = true
			ccodes = append(ccodes, a.country)
		}
	}
	for _, c := range codeOrder {
		if cc := codes[c].ci.Country; cc != "" && !seen[cc] {
			seen[cc] = true
			ccodes = append(ccodes, cc)
		}
	}
	keysOf := map[string][]string{}
	for _, a := range all {
		if a.kind == kindCountry {
			keysOf[a.country] = appendUnique(keysOf[a.country], a.keys...)
		}
	}
	for _, c := range ccodes {
		keys := keysOf[c]
		if n := gazetteer.Normalize(nameOf(c)); n != "" {
			keys = appendUnique(keys, n)
		}
		fmt.Fprintf(bw, "C\t%s\t%s\t%s\n", c, nameOf(c), strings.Join(keys, "|"))
		st.Countries++
	}
	for _, c := range codeOrder {
		cl := codes[c]
		g := "0"
		if cl.gen {
			g = "1"
		}
		fmt.Fprintf(bw, "K\t%s\t%s\t%s\t%s\t%s\t%s\n", c, cl.ci.Country, cl.ci.Sector, strings.Join(cl.ci.Orgs, ","), g, cl.aff)
		st.Codes++
	}
	for _, p := range people {
		fmt.Fprintf(bw, "P\t%s\t%s\t%s\n", p.name, encodeRoles(p.roles), strings.Join(p.keys, "|"))
		st.People++
	}
	for _, a := range all {
		if a.kind == kindOrg {
			fmt.Fprintf(bw, "O\t%s\t%s\t%s\n", a.name, encodeRoles(a.roles), strings.Join(a.keys, "|"))
			st.Orgs++
		}
	}
	// Bodies the dictionary codes people with but lists under no name of their own (the World
	// Trade Organization): one record each, named by the code table.
	orgKey := map[string]bool{}
	for _, a := range all {
		if a.kind == kindOrg {
			for _, k := range a.keys {
				orgKey[k] = true
			}
		}
	}
	for _, c := range codeOrder {
		ci := codes[c].ci
		if ci.Sector != "IGO" || len(ci.Orgs) == 0 {
			continue
		}
		name := orgNames[ci.Orgs[len(ci.Orgs)-1]]
		k := gazetteer.Normalize(name)
		if name == "" || orgKey[k] {
			continue
		}
		keys := []string{k}
		for _, alias := range orgAliases[ci.Orgs[len(ci.Orgs)-1]] {
			if !orgKey[alias] {
				keys = append(keys, alias)
				orgKey[alias] = true
			}
		}
		orgKey[k] = true
		fmt.Fprintf(bw, "O\t%s\t%s\t%s\n", name, c, strings.Join(keys, "|"))
		st.Orgs++
	}
	for _, code := range agentCodes {
		fmt.Fprintf(bw, "A\t%s\t%s\n", code, strings.Join(agents[code], "|"))
		st.Agents += len(agents[code])
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("convert: %w", err)
	}
	return st, nil
}

func readActors(fsys fs.FS, file string, st *Stats) ([]phoenix.Entry, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	defer f.Close()
	entries, probs, err := phoenix.ReadActors(f)
	if err != nil {
		return nil, fmt.Errorf("convert: %s: %w", file, err)
	}
	for _, p := range probs {
		st.Problems = append(st.Problems, file+": "+p.Error())
	}
	return entries, nil
}

// classify makes an actor of a dictionary record, or nil when it has no usable code.
func classify(e phoenix.Entry, file string) *actor {
	a := &actor{file: file}
	for _, c := range e.Codes {
		if len(c.Code) < 3 || strings.Trim(c.Code, "-") == "" {
			continue
		}
		a.roles = append(a.roles, c)
	}
	if len(a.roles) == 0 {
		return nil
	}
	names := append([]string{e.Phrase}, e.Synonyms...)
	for _, n := range names {
		a.keys = appendUnique(a.keys, keysFor(n)...)
	}
	if len(a.keys) == 0 {
		return nil
	}
	comment := strings.ToLower(e.Comment)
	dated := false
	for _, r := range a.roles {
		if !r.Default() {
			dated = true
		}
	}
	latest := latestRole(a.roles)
	switch {
	case file == CountriesFile && len(latest.Code) == 3 && !strings.Contains(comment, "countryinfo"):
		a.kind = kindCountry
		a.country = latest.Code
		a.name = titleCase(e.Phrase, false)
	case dated || strings.Contains(comment, "countryinfo") || strings.Contains(comment, "igorulers"):
		a.kind = kindPerson
		a.name = titleCase(e.Phrase, false)
	default:
		a.kind = kindOrg
		a.name = titleCase(e.Phrase, true)
	}
	return a
}

// latestRole is the role valid last: the dated role that ends latest (open ends last), or
// the last default when none is dated.
func latestRole(rs []phoenix.Code) phoenix.Code {
	var best phoenix.Code
	found := false
	end := func(c phoenix.Code) phoenix.Date {
		if c.To == 0 {
			return 99999999
		}
		return c.To
	}
	for _, r := range rs {
		if r.Default() {
			continue
		}
		if !found || end(r) > end(best) || end(r) == end(best) && r.From > best.From {
			best, found = r, true
		}
	}
	if found {
		return best
	}
	for _, r := range rs {
		best = r
	}
	return best
}

var parenthetical = regexp.MustCompile(`\(([^()]*)\)`)

// keysFor gives the lookup keys of one dictionary phrase: the phrase itself and, when it
// holds a parenthesised acronym ("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_"), the phrase without
// it and the acronym alone.
func keysFor(phrase string) []string {
	var keys []string
	if m := parenthetical.FindStringSubmatch(phrase); m != nil {
		if k := gazetteer.Normalize(m[1]); k != "" && !strings.Contains(k, " ") {
			keys = append(keys, k)
		}
		keys = append(keys, gazetteer.Normalize(parenthetical.ReplaceAllString(phrase, " ")))
	}
	keys = append(keys, gazetteer.Normalize(phrase))
	out := keys[:0]
	for _, k := range keys {
		if k != "" {
			out = append(out, k)
		}
	}
	return out
}

func appendUnique(dst []string, xs ...string) []string {
outer:
	for _, x := range xs {
		for _, d := range dst {
			if d == x {
				continue outer
			}
		}
		dst = append(dst, x)
	}
	return dst
}

// mergePeople joins records of one person that the dictionaries list more than once (Javier
// Solana is a Spanish minister in one file and NATO's secretary general in another): records
// with the same normalised name are one person when they come from different files or share
// a country or body. Records with the same name in two countries of one file stay apart, so a
// lookup reports them as ambiguous.
func mergePeople(all []*actor, home func(code string) string) []*actor {
	var out []*actor
	byName := map[string][]int{}
	homes := func(a *actor) map[string]bool {
		m := map[string]bool{}
		for _, r := range a.roles {
			if h := home(r.Code); h != "" {
				m[h] = true
			}
		}
		return m
	}
	for _, a := range all {
		if a.kind != kindPerson {
			continue
		}
		key := gazetteer.BareName(a.name)
		merged := false
		for _, i := range byName[key] {
			p := out[i]
			if p.file != a.file || intersects(homes(p), homes(a)) {
				if gazetteer.Normalize(p.name) != key && gazetteer.Normalize(a.name) == key {
					p.name = a.name // the name without a title reads better
				}
				p.keys = appendUnique(p.keys, a.keys...)
				for _, r := range a.roles {
					if !containsRole(p.roles, r) {
						p.roles = append(p.roles, r)
					}
				}
				merged = true
				break
			}
		}
		if !merged {
			c := *a
			c.roles = append([]phoenix.Code(nil), a.roles...)
			out = append(out, &c)
			byName[key] = append(byName[key], len(out)-1)
		}
	}
	return out
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func containsRole(rs []phoenix.Code, r phoenix.Code) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// encodeRoles writes roles as CODE or CODE@from-to (yyyymmdd, empty for open), comma-separated.
func encodeRoles(rs []phoenix.Code) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.Code)
		if !r.Default() {
			b.WriteByte('@')
			if r.From != 0 {
				b.WriteString(strconv.Itoa(int(r.From)))
			}
			b.WriteByte('-')
			if r.To != 0 {
				b.WriteString(strconv.Itoa(int(r.To)))
			}
		}
	}
	return b.String()
}

// affiliation words for a code, and whether they are generic (name no particular body).
func affiliation(code string, ci codeInfo, nameOf func(string) string, fallback map[string]string, unique func(string) bool) (string, bool) {
	if prefixes[ci.Sector] != "" {
		for i := len(ci.Orgs) - 1; i >= 0; i-- {
			if n := orgNames[ci.Orgs[i]]; n != "" {
				return n, false
			}
			// the dictionary's body for the code up to this segment
			if j := strings.Index(code, ci.Orgs[i]); j >= 0 && j%3 == 0 {
				if n := fallback[code[:j+3]]; n != "" && ci.Sector == "IGO" {
					return n, false
				}
			}
		}
		if ci.Sector == "IGO" && (len(ci.Orgs) > 0 || unique(code)) {
			if n := fallback[code]; n != "" {
				return n, false
			}
		}
		words := prefixes[ci.Sector]
		if ci.Country != "" {
			words = nameOf(ci.Country) + " " + words
		}
		return words, true
	}
	if ci.Country == "" {
		return "", true
	}
	cn := nameOf(ci.Country)
	if ci.Sector == "" {
		return cn, false
	}
	noun, ok := sectors[ci.Sector]
	switch {
	case !ok:
		return cn, false
	case noun == "":
		return "", false
	}
	return cn + " " + noun, false
}

// readAgents reads the agents dictionary into keys grouped by code, codes in first-seen order.
// A noun listed under two codes is kept under both; the gazetteer reports it as ambiguous.
func readAgents(fsys fs.FS, st *Stats) (map[string][]string, []string, error) {
	f, err := fsys.Open(AgentsFile)
	if err != nil {
		return nil, nil, fmt.Errorf("convert: %w", err)
	}
	defer f.Close()
	list, probs, err := phoenix.ReadAgents(f)
	if err != nil {
		return nil, nil, fmt.Errorf("convert: %s: %w", AgentsFile, err)
	}
	for _, p := range probs {
		st.Problems = append(st.Problems, AgentsFile+": "+p.Error())
	}
	byCode := map[string][]string{}
	var order []string
	for _, a := range list {
		k := gazetteer.Normalize(a.Noun)
		if k == "" {
			continue
		}
		if _, ok := byCode[a.Code]; !ok {
			order = append(order, a.Code)
		}
		byCode[a.Code] = appendUnique(byCode[a.Code], k)
	}
	sort.Strings(order)
	return byCode, order, nil
}
