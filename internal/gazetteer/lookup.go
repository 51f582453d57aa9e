package gazetteer

import (
	"fmt"
	"time"
)

// Person finds the person a name in news text refers to and their role on the date on (a zero
// time asks for their latest role). ok is false when the name is unknown or ambiguous; use
// LookupPerson to tell the two apart.
func (g *Gazetteer) Person(name string, on time.Time) (Person, bool) {
	// The pipeline asks for every capitalised name it meets and most are
	// not in the dictionary: a miss here builds no error value.
	var one [1]int32
	ids, partial := g.personIDs(name, &one)
	if len(ids) == 0 {
		return Person{}, false
	}
	return g.choose(ids, partial, dateOf(on))
}

// choose returns the one person of ids on day d (see pick); ok is false
// when the name stays ambiguous.
func (g *Gazetteer) choose(ids []int32, partial bool, d int32) (Person, bool) {
	i := ids[0]
	if len(ids) > 1 {
		var ok bool
		if i, ok = g.pick(ids, d); !ok {
			return Person{}, false
		}
	}
	p := g.person(i, d)
	p.Partial = partial
	return p, true
}

// LookupPerson is Person with the reason for a miss: ErrNotFound, or an *AmbiguousError
// (matching ErrAmbiguous) listing the candidates.
//
// The name is tried as given (every synonym the dictionary lists: "Obama", "President Obama",
// "Barack H. Obama"), then by "first last" and surname alone where a single person of the
// dictionary has them, then again without leading titles ("Mr", "Gen.", "Foreign Minister").
// When several people fit, the date decides only between people of one country or body of
// whom exactly one held an office on that date ("President Bush" in 2003); otherwise the name
// is ambiguous.
func (g *Gazetteer) LookupPerson(name string, on time.Time) (Person, error) {
	var one [1]int32
	ids, partial := g.personIDs(name, &one)
	if len(ids) == 0 {
		return Person{}, fmt.Errorf("%w: person %q", ErrNotFound, name)
	}
	d := dateOf(on)
	if p, ok := g.choose(ids, partial, d); ok {
		return p, nil
	}
	amb := &AmbiguousError{Name: name}
	for _, i := range ids {
		p := g.person(i, d)
		c := p.Name
		if h := g.homeWords(i); h != "" {
			c += " (" + h + ")"
		}
		amb.Candidates = append(amb.Candidates, c)
	}
	return Person{}, amb
}

// personIDs finds the people a name may refer to, as LookupPerson describes
// (one is room for a single id, so that the common case does not allocate);
// partial says the name matched by "first last" or surname alone.
func (g *Gazetteer) personIDs(name string, one *[1]int32) (ids []int32, partial bool) {
	key := Normalize(name)
	ids = g.personKeys.get(key, one)
	if len(ids) == 0 {
		ids, partial = g.derived.get(key, one), true
	}
	if len(ids) == 0 {
		if k := stripTitles(key); k != key && k != "" {
			partial = false
			if ids = g.personKeys.get(k, one); len(ids) == 0 {
				ids, partial = g.derived.get(k, one), true
			}
		}
	}
	if len(ids) == 0 {
		partial = false
	}
	return ids, partial
}

// pick chooses among several people of one name: allowed only when all share a country or
// body, and then either exactly one holds an office on the date or all hold the same code.
func (g *Gazetteer) pick(ids []int32, d int32) (int32, bool) {
	common := g.homes(ids[0])
	for _, i := range ids[1:] {
		h := g.homes(i)
		for k := range common {
			if !h[k] {
				delete(common, k)
			}
		}
	}
	if len(common) == 0 {
		return 0, false
	}
	var holder int32 = -1
	n := 0
	sameCode := true
	var firstCode string
	for j, i := range ids {
		r, ok := g.current(g.rolesOf(&g.people[i]), d)
		code := ""
		if ok {
			code = g.infos[r.info].code
			if g.infos[r.info].affiliation != "" && d != 0 {
				holder = i
				n++
			}
		}
		if j == 0 {
			firstCode = code
		} else if code != firstCode {
			sameCode = false
		}
	}
	if n == 1 {
		return holder, true
	}
	if sameCode && firstCode != "" && n != 0 {
		return ids[0], true
	}
	return 0, false
}

// homes are the countries and bodies a person's roles belong to.
func (g *Gazetteer) homes(i int32) map[string]bool {
	m := map[string]bool{}
	for _, r := range g.rolesOf(&g.people[i]) {
		switch {
		case g.infos[r.info].country >= 0:
			m[g.countries[g.infos[r.info].country].Code] = true
		case len(g.infos[r.info].orgs) > 0:
			m["IGO:"+g.infos[r.info].orgs[0]] = true
		}
	}
	return m
}

// homeWords names a person's first country or body, for ambiguity messages.
func (g *Gazetteer) homeWords(i int32) string {
	for _, r := range g.rolesOf(&g.people[i]) {
		if g.infos[r.info].country >= 0 {
			return g.countries[g.infos[r.info].country].Name
		}
		if g.infos[r.info].affiliation != "" {
			return g.infos[r.info].affiliation
		}
	}
	return ""
}

// current is the role valid on day d (yyyymmdd): a dated role covering d (an office before an
// ELI role when both cover it, else the first listed), else the last default role. For d == 0
// it is the latest dated role (the one ending last; open-ended counts as latest), else the last
// default.
func (g *Gazetteer) current(rs []role, d int32) (role, bool) {
	if d == 0 {
		var best role
		found := false
		end := func(r role) int32 {
			if r.to == 0 {
				return 99999999
			}
			return r.to
		}
		for _, r := range rs {
			if r.def {
				continue
			}
			if !found || end(r) > end(best) || end(r) == end(best) && (r.from > best.from || g.infos[best.info].affiliation == "" && g.infos[r.info].affiliation != "") {
				best, found = r, true
			}
		}
		if found {
			return best, true
		}
	} else {
		var cover role
		found := false
		for _, r := range rs {
			if r.def || r.from != 0 && d < r.from || r.to != 0 && d > r.to {
				continue
			}
			if !found || g.infos[cover.info].affiliation == "" && g.infos[r.info].affiliation != "" {
				cover, found = r, true
			}
		}
		if found {
			return cover, true
		}
	}
	var def role
	found := false
	for _, r := range rs {
		if r.def {
			def, found = r, true
		}
	}
	return def, found
}

func dateOf(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return int32(y*10000 + int(m)*100 + d)
}

func dayTime(d int32) time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, time.UTC)
}

func (g *Gazetteer) role(r role) Role {
	out := Role{
		Code:        g.infos[r.info].code,
		Sector:      g.infos[r.info].sector,
		Orgs:        g.infos[r.info].orgs,
		Affiliation: g.infos[r.info].affiliation,
		From:        dayTime(r.from),
		To:          dayTime(r.to),
		Default:     r.def,
	}
	if g.infos[r.info].country >= 0 {
		out.Country = g.countries[g.infos[r.info].country]
	}
	return out
}

func (g *Gazetteer) person(i int32, d int32) Person {
	e := &g.people[i]
	p := Person{Name: g.nameOf(e), Roles: make([]Role, len(g.rolesOf(e)))}
	for j, r := range g.rolesOf(e) {
		p.Roles[j] = g.role(r)
	}
	if r, ok := g.current(g.rolesOf(e), d); ok {
		p.Role = g.role(r)
	}
	return p
}

// CountryKeys calls fn with each name the dictionary gives a single
// country under (normalised: lower case, see Normalize) and whether it is
// the country's own name. Names shared by several countries are left out,
// as Country leaves them.
func (g *Gazetteer) CountryKeys(fn func(key string, c Country, own bool)) {
	mm := &g.countryKeys
	for _, sl := range mm.slots {
		if sl.n == 0 || sl.val < 0 {
			continue
		}
		k := string(mm.keys[sl.off : sl.off+sl.n-1])
		c := g.countries[sl.val]
		fn(k, c, k == Normalize(c.Name))
	}
}

// Country finds a country by name, demonym or other synonym the dictionary gives ("Japan",
// "Japanese", "Nippon", "Tokyo"). ok is false when unknown or ambiguous.
func (g *Gazetteer) Country(name string) (Country, bool) {
	var one [1]int32
	// (a miss builds no error value: the mention finder asks for many
	// names that are none)
	if ids := g.countryKeys.get(Normalize(name), &one); len(ids) == 1 {
		return g.countries[ids[0]], true
	}
	return Country{}, false
}

// LookupCountry is Country with the reason for a miss (ErrNotFound, *AmbiguousError).
func (g *Gazetteer) LookupCountry(name string) (Country, error) {
	var one [1]int32
	ids := g.countryKeys.get(Normalize(name), &one)
	switch len(ids) {
	case 0:
		return Country{}, fmt.Errorf("%w: country %q", ErrNotFound, name)
	case 1:
		return g.countries[ids[0]], nil
	}
	amb := &AmbiguousError{Name: name}
	for _, i := range ids {
		amb.Candidates = append(amb.Candidates, g.countries[i].Name)
	}
	return Country{}, amb
}

// CountryByCode returns the country with a code ("USA", "KSV").
func (g *Gazetteer) CountryByCode(code string) (Country, bool) {
	i, ok := g.countryIdx[code]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// Org finds a named body: international organisations ("NATO", "U.N. Security Council",
// "European Commission"), national institutions, armed groups, companies. ok is false when
// unknown or ambiguous.
func (g *Gazetteer) Org(name string) (Org, bool) {
	var one [1]int32
	if len(g.orgKeys.get(Normalize(name), &one)) == 0 {
		return Org{}, false // a miss builds no error value (see Person)
	}
	o, err := g.LookupOrg(name)
	return o, err == nil
}

// LookupOrg is Org with the reason for a miss (ErrNotFound, *AmbiguousError). Bodies listed
// more than once under one name are one body when they speak for the same side.
func (g *Gazetteer) LookupOrg(name string) (Org, error) {
	var one [1]int32
	ids := g.orgKeys.get(Normalize(name), &one)
	if len(ids) == 0 {
		return Org{}, fmt.Errorf("%w: organisation %q", ErrNotFound, name)
	}
	first := g.org(ids[0])
	for _, i := range ids[1:] {
		if g.org(i).Role.Affiliation != first.Role.Affiliation {
			amb := &AmbiguousError{Name: name}
			for _, i := range ids {
				o := g.org(i)
				amb.Candidates = append(amb.Candidates, o.Name+" ("+o.Role.Affiliation+")")
			}
			return Org{}, amb
		}
	}
	return first, nil
}

func (g *Gazetteer) org(i int32) Org {
	e := &g.orgs[i]
	o := Org{Name: g.nameOf(e)}
	if r, ok := g.current(g.rolesOf(e), 0); ok {
		o.Role = g.role(r)
		if g.infos[r.info].generic {
			o.Role.Affiliation = g.nameOf(e)
		}
	}
	return o
}

// Agent maps a role noun ("spokesman", "foreign ministers", "riot police") to its CAMEO agent
// code as the agents dictionary gives it ("MED", "GOV", "COP"). ok is false for nouns the
// dictionary does not list and for nouns it lists under two codes.
func (g *Gazetteer) Agent(roleNoun string) (code string, ok bool) {
	c, found := g.agents[Normalize(roleNoun)]
	return c, found && c != ""
}

// CodeRole explains a CAMEO actor code the dictionary uses: CodeRole("JPNGOV") is Japan's
// government. With Agent it turns "a Japanese foreign ministry spokesman" into a side:
// Country("Japanese") → JPN, Agent("foreign ministry") → GOV, CodeRole("JPN"+"GOV"). The role
// has no dates.
func (g *Gazetteer) CodeRole(code string) (Role, bool) {
	ci, ok := g.codes[code]
	if !ok {
		return Role{}, false
	}
	return g.role(role{info: ci, def: true}), true
}

// Stats counts the gazetteer's entries.
type Stats struct{ Countries, People, Orgs, Agents int }

// Stats counts the gazetteer's entries.
func (g *Gazetteer) Stats() Stats {
	return Stats{Countries: len(g.countries), People: len(g.people), Orgs: len(g.orgs), Agents: len(g.agents)}
}
