// Package gazetteer knows who speaks for whom: countries with their demonyms and capitals,
// international organisations, about 28,000 people with dated roles, and role nouns
// ("spokesman", "foreign minister"). Its data is derived from the CAMEO/Phoenix actor
// dictionaries that PETRARCH2 ships (Open Event Data Alliance, MIT licence; see
// data/PROVENANCE.md) by the converter in ./cmd/convert, and embedded in the binary.
//
// Names are matched case-insensitively and accent-folded (see Normalize), with every synonym
// the dictionary lists. A person's affiliation is the role valid on the date asked: a
// president in office speaks for the country's government; after leaving office, for nobody.
// A name that fits two different people (of different countries, or of one country when the
// date does not tell them apart) is reported as ambiguous, never guessed.
//
// Load reads the embedded data once, on first use; a process that never calls it pays nothing.
package gazetteer

//go:generate go run ./cmd/convert

import (
	"bufio"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"iter"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FormatHeader is the first line of the data file; the number is the format version.
const FormatHeader = "parley-gazetteer\t1"

// Sentinel errors of the Lookup methods.
var (
	ErrNotFound  = errors.New("gazetteer: not found")
	ErrAmbiguous = errors.New("gazetteer: ambiguous name")
	ErrFormat    = errors.New("gazetteer: bad data file")
)

// AmbiguousError lists the candidates of an ambiguous name; it matches ErrAmbiguous.
type AmbiguousError struct {
	Name       string
	Candidates []string // display names, with their affiliation in parentheses where known
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("gazetteer: %q is ambiguous: %s", e.Name, strings.Join(e.Candidates, "; "))
}

// Is makes errors.Is(err, ErrAmbiguous) true.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

// Country is a country of the dictionary.
type Country struct {
	Code string // ISO 3166-1 alpha-3 where one exists ("USA"); the CAMEO code otherwise ("KSV" Kosovo, "USR" Soviet Union)
	Name string // English short name: "United States"
}

// Role is one coded role of a person or body.
type Role struct {
	Code    string  // CAMEO actor code as in the dictionary: "USAGOV", "IGOWSTNAT", "USAELI"
	Country Country // the country the role belongs to; zero for international bodies
	// Sector is the first role segment of the code (GOV, MIL, LEG, JUD, OPP, REB, PTY, ELI, MED,
	// BUS …) or the international prefix (IGO, NGO, MNC, IMG); "" for a bare country code.
	Sector string
	// Orgs are the CAMEO segments naming an international body, outer to inner
	// (IGOUNODEVWBK → ["UNO", "WBK"]); nil for national roles.
	Orgs []string
	// Affiliation is who the role speaks for, in plain words: "United States government",
	// "Japan military", "NATO", "United Nations". It is "" for ELI (a notable person without
	// office, which is how the dictionary codes former officials) and CVL (civilians).
	Affiliation string
	// From and To bound the role, both inclusive; a zero From is "since ever" and a zero To
	// "still". Default roles have both zero and apply only outside every dated role.
	From, To time.Time
	Default  bool
}

// Side is whom the role speaks for: the country of a national role
// (government, military, legislature, party …), the body of an
// international one; "" for a notable person without office or a civilian.
func (r Role) Side() string {
	switch {
	case r.Country.Name != "" && r.Sector != "ELI" && r.Sector != "CVL":
		return r.Country.Name
	case len(r.Orgs) > 0 || r.Sector == "IGO":
		return r.Affiliation
	}
	return ""
}

// Person is a person of the dictionary with the role valid on the date asked.
type Person struct {
	Name  string // canonical display name: "Barack Obama"
	Role  Role   // the role on the date asked; zero (Code "") when none applies
	Roles []Role // every role in dictionary order
	// Partial is true when the name matched only by "first last" or surname alone, not by one of
	// the dictionary's own names for the person: weaker evidence, best used for a name the text
	// itself presents as a person.
	Partial bool
}

// Affiliated reports whether the person speaks for a body on the date asked.
func (p Person) Affiliated() bool { return p.Role.Affiliation != "" }

// Org is a named body: an international organisation (NATO, the UN Security Council, the
// European Commission), a national institution (the United States Congress), an armed group or a
// company.
type Org struct {
	Name string // canonical display name: "NATO", "United States Congress"
	// Role is the body's code and what it means. For a body that the code names only generically
	// (an NGO or company) Role.Affiliation is the body's own name.
	Role Role
}

// Gazetteer answers lookups; it is immutable and safe for concurrent use.
type Gazetteer struct {
	countries   []Country
	countryIdx  map[string]int32 // code → index
	countryKeys multimap
	codes       map[string]int32 // code → index in infos
	infos       []codeInfo
	people      []entry
	personKeys  multimap
	derived     multimap // "first last" and surname keys made from the canonical name
	orgs        []entry
	orgKeys     multimap
	agents      map[string]string // noun key → code; "" when ambiguous
	// text is the data the entries' names are cut from (the embedded
	// string, or the file Parse read); roles holds every entry's roles, one
	// run per entry.
	text  string
	roles []role
}

type codeInfo struct {
	code        string
	country     int32 // -1 none
	sector      string
	orgs        []string
	generic     bool
	affiliation string
}

// role and entry hold no pointers (see multimap): a role names its code by
// its index in infos, an entry its name by offsets into text and its roles
// by a run of roles.
type role struct {
	info     int32 // index in infos
	from, to int32 // yyyymmdd, 0 open
	def      bool
}

type entry struct {
	off, n uint32 // name: text[off:off+n]
	r0, r1 int32  // roles: roles[r0:r1]
}

func (g *Gazetteer) nameOf(e *entry) string  { return g.text[e.off : e.off+e.n] }
func (g *Gazetteer) rolesOf(e *entry) []role { return g.roles[e.r0:e.r1] }

// The data is embedded as plain text in a string: parseText reads it where
// it lies in the binary's read-only data and the names it keeps are offsets
// into it, so nothing is inflated at start-up (a gzip copy cost a quarter
// of the load: ~11 of 42 ms); only the lookup keys are copied, into the
// tables' pointer-free arenas (multimap).
//
//go:embed data/gazetteer.txt
var embedded string

var loadOnce = sync.OnceValues(func() (*Gazetteer, error) {
	return parseText(embedded)
})

// Load returns the gazetteer built from the embedded data. The data is read on the first call
// only; later calls return the same value.
func Load() (*Gazetteer, error) { return loadOnce() }

// Parse reads a data file written by the converter (gzip-compressed or plain). The format is
// UTF-8 text, one record a line, fields separated by tabs, after the FormatHeader line ('#'
// lines are comments):
//
//	C  code  English name  keys           a country; keys are Normalize'd names joined by '|'
//	K  code  country  sector  orgs  generic(0|1)  affiliation words     a CAMEO code explained
//	P  name  roles  keys                  a person
//	O  name  roles  keys                  a named body
//	A  code  keys                         role nouns of an agent code
//
// Roles are comma-separated CODE (a default role) or CODE@from-to with yyyymmdd dates, either
// side empty when open. C lines come before the K lines that name their countries, K lines
// before the P and O lines that use their codes.
func Parse(r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrFormat, err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	// One string for the whole file: names are offsets into it, not copies.
	return parseText(string(data))
}

func parseText(text string) (*Gazetteer, error) {
	if int64(len(text)) > math.MaxUint32 {
		return nil, fmt.Errorf("%w: %d bytes: names are found by 32-bit offsets", ErrFormat, len(text))
	}
	// The maps are made at about the size the shipped data fills (20,477
	// person keys, 19,380 derived, 8,914 organisation keys, 4,892 country
	// keys, 5,129 agent nouns, 3,050 codes) with a quarter to spare: the
	// earlier hints, up to six times larger, made the load spend a sixth
	// of its time clearing map memory it never used. Other data only
	// makes the maps grow.
	g := &Gazetteer{
		countryIdx:  make(map[string]int32, 256),
		countryKeys: newMultimap(6000),
		codes:       make(map[string]int32, 3800),
		text:        text,
		personKeys:  newMultimap(25000),
		derived:     newMultimap(24000),
		orgKeys:     newMultimap(11000),
		agents:      make(map[string]string, 6400),
		// Sized by counting their records first (a fast scan): growing
		// them by appends copied ~5 MB per load.
		people: make([]entry, 0, strings.Count(text, "\nP\t")),
		orgs:   make([]entry, 0, strings.Count(text, "\nO\t")),
	}
	// Entries have 1.4 roles each in the shipped data (36,930 for 26,883).
	g.roles = make([]role, 0, (cap(g.people)+cap(g.orgs))*3/2)
	first, text, _ := strings.Cut(text, "\n")
	if strings.TrimSuffix(first, "\r") != FormatHeader {
		return nil, fmt.Errorf("%w: header %q, want %q", ErrFormat, first, FormatHeader)
	}
	n := 1
	for text != "" {
		var line string
		lineOff := len(g.text) - len(text)
		line, text, _ = strings.Cut(text, "\n")
		n++
		if line == "" || line[0] == '#' {
			continue
		}
		// Fields are cut into an array, not split into a new slice per line
		// (the allocations were a tenth of the load). The array has one
		// place more than any record has fields, so a line with too many
		// still counts too many and the checks below refuse it.
		var fields [maxFields + 1]string
		f := fields[:min(cutFields(line, &fields), len(fields))]
		bad := func(why string) error { return fmt.Errorf("%w: line %d: %s", ErrFormat, n, why) }
		switch f[0] {
		case "C":
			if len(f) != 4 {
				return nil, bad("country needs 4 fields")
			}
			i := int32(len(g.countries))
			g.countries = append(g.countries, Country{Code: f[1], Name: f[2]})
			g.countryIdx[f[1]] = i
			for k := range splitKeys(f[3]) {
				g.countryKeys.add(k, i)
			}
		case "K":
			if len(f) != 7 {
				return nil, bad("code needs 7 fields")
			}
			ci := codeInfo{code: f[1], country: -1, sector: f[3], generic: f[5] == "1", affiliation: f[6]}
			if f[2] != "" {
				i, ok := g.countryIdx[f[2]]
				if !ok {
					return nil, bad("unknown country " + f[2])
				}
				ci.country = i
			}
			if f[4] != "" {
				ci.orgs = strings.Split(f[4], ",")
			}
			g.codes[f[1]] = int32(len(g.infos))
			g.infos = append(g.infos, ci)
		case "P", "O":
			if len(f) != 4 {
				return nil, bad("entry needs 4 fields")
			}
			r0, err := g.parseRoles(f[2])
			if err != nil {
				return nil, bad(err.Error())
			}
			// The name is the line's second field: its offset in text
			// is the line's plus the one-letter record type and a tab.
			e := entry{off: uint32(lineOff + len(f[0]) + 1), n: uint32(len(f[1])), r0: r0, r1: int32(len(g.roles))}
			roles := g.rolesOf(&e)
			if f[0] == "P" {
				i := int32(len(g.people))
				g.people = append(g.people, e)
				for k := range splitKeys(f[3]) {
					g.personKeys.add(k, i)
				}
				var buf [3]string
				for _, k := range derivedKeys(buf[:0], Normalize(f[1]), g.surnameFirst(roles)) {
					g.derived.add(k, i)
				}
			} else {
				i := int32(len(g.orgs))
				g.orgs = append(g.orgs, e)
				for k := range splitKeys(f[3]) {
					g.orgKeys.add(k, i)
				}
			}
		case "A":
			if len(f) != 3 {
				return nil, bad("agent needs 3 fields")
			}
			for k := range splitKeys(f[2]) {
				if c, ok := g.agents[k]; ok && c != f[1] {
					g.agents[k] = "" // listed under two codes: ambiguous
					continue
				}
				g.agents[k] = f[1]
			}
		default:
			return nil, bad("unknown record " + strconv.Quote(f[0]))
		}
	}
	for _, mm := range []*multimap{&g.countryKeys, &g.personKeys, &g.derived, &g.orgKeys} {
		mm.finish()
	}
	return g, nil
}

// maxFields is the most fields a record has (K lines: 7).
const maxFields = 7

// cutFields cuts line at tabs into f and returns how many fields it has,
// which may be more than f holds (the rest are not stored).
func cutFields(line string, f *[maxFields + 1]string) int {
	n := 0
	for {
		field, rest, more := strings.Cut(line, "\t")
		if n < len(f) {
			f[n] = field
		}
		n++
		if !more {
			return n
		}
		line = rest
	}
}

// splitKeys yields the '|'-separated keys of s, none for "".
func splitKeys(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			k, rest, _ := strings.Cut(s, "|")
			if !yield(k) {
				return
			}
			s = rest
		}
	}
}

// parseRoles appends the roles of s to g.roles and returns where they
// start (they end at the new length).
func (g *Gazetteer) parseRoles(s string) (int32, error) {
	r0 := int32(len(g.roles))
	for p := range strings.SplitSeq(s, ",") {
		code, dates, dated := strings.Cut(p, "@")
		ci, ok := g.codes[code]
		if !ok {
			return 0, fmt.Errorf("unknown code %q", code)
		}
		r := role{info: ci, def: !dated}
		if dated {
			a, b, ok := strings.Cut(dates, "-")
			if !ok {
				return 0, fmt.Errorf("bad dates %q", dates)
			}
			var err error
			if r.from, err = atoiDate(a); err != nil {
				return 0, err
			}
			if r.to, err = atoiDate(b); err != nil {
				return 0, err
			}
		}
		g.roles = append(g.roles, r)
	}
	return r0, nil
}

func atoiDate(s string) (int32, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 10000101 || n > 99991231 {
		return 0, fmt.Errorf("bad date %q", s)
	}
	return int32(n), nil
}

// surnameFirstCountries write the family name first (Xi Jinping → Xi, Ban Ki-moon → Ban).
var surnameFirstCountries = map[string]bool{
	"CHN": true, "TWN": true, "HKG": true, "MAC": true, "KOR": true, "PRK": true, "KHM": true,
	"SGP": true, "MNG": true, "HUN": true,
}

func (g *Gazetteer) surnameFirst(roles []role) bool {
	for _, r := range roles {
		if g.infos[r.info].country >= 0 && surnameFirstCountries[g.countries[g.infos[r.info].country].Code] {
			return true
		}
	}
	return false
}

// titles are words a name may start with that are not part of it.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "president": true, "vice": true, "prime": true,
	"minister": true, "premier": true, "chancellor": true, "secretary": true, "general": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "adm": true, "admiral": true,
	"senator": true, "sen": true, "rep": true, "representative": true, "governor": true,
	"gov": true, "ambassador": true, "king": true, "queen": true, "prince": true,
	"princess": true, "sheikh": true, "sheik": true, "emir": true, "ayatollah": true,
	"pope": true, "cardinal": true, "archbishop": true, "bishop": true, "rev": true,
	"baron": true, "field": true, "marshal": true, "foreign": true, "defence": true,
	"defense": true, "finance": true, "deputy": true, "elect": true, "former": true,
	"us": true, "un": true, "chairman": true, "chief": true, "justice": true, "judge": true,
	"crown": true, "jonkheer": true,
}

// suffixes end a name without being the surname.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// particles are short words before a surname that news drops when it uses the surname alone.
var particles = map[string]bool{"de": true, "da": true, "di": true, "van": true, "von": true, "der": true, "den": true, "le": true, "la": true, "du": true, "del": true, "dos": true}

// BareName is a name normalised and without leading titles: "Secretary-General Ban Ki-moon" →
// "ban ki moon". Two records of the dictionary with one bare name may be one person.
func BareName(name string) string { return stripTitles(Normalize(name)) }

// stripTitles drops leading title words from a normalised name.
func stripTitles(key string) string {
	for {
		w, rest, ok := strings.Cut(key, " ")
		if !ok || !titles[w] {
			return key
		}
		key = rest
	}
}

// derivedKeys are the weaker keys of a person's normalised canonical name: "first last"
// without middle names and initials, and the surname alone. They are used only when no exact
// key matches, and only where a single person has them.
// The keys are appended to out (the loader passes a small array of its own:
// one call per person, and the words and keys used to be allocated each).
func derivedKeys(out []string, key string, surnameFirst bool) []string {
	var words [12]string
	w := words[:0]
	for f := range strings.FieldsSeq(stripTitles(key)) {
		w = append(w, f)
	}
	for len(w) > 0 && suffixes[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	if len(w) < 2 {
		return out
	}
	if surnameFirst {
		if len(w[0]) >= 2 {
			out = append(out, w[0])
		}
		return out
	}
	last := w[len(w)-1]
	if len(w) > 2 && len(w[0]) > 1 {
		out = append(out, w[0]+" "+last)
	}
	if len(last) >= 3 {
		out = append(out, last)
		if p := w[len(w)-2]; particles[p] {
			out = append(out, p+" "+last)
		}
	}
	return out
}

// multimap maps a key to one or more indexes without a slice per key: a value ≥ 0 is the only
// index, a value < 0 points into lists.
//
// It holds no pointers but its three slices' own: the keys are copied into
// one byte arena and found by an open-addressing table of offsets, and the
// lists are one flat slice. The dictionary stays in memory for the whole
// process, and the garbage collector reads every pointer of what is live at
// each cycle: as Go maps of strings and slices of slices, these tables were
// most of the live heap it walked (5.7 of 6.3 MB after an analysis run) and
// ≈ 5% of `parley extract`'s time. Memory without pointers it skips.
type multimap struct {
	keys  []byte    // the keys, one after another
	slots []keySlot // len a power of two, at most half full
	lists []int32   // at lists[p]: a count, then that many indexes
	multi [][]int32 // while loading: the lists, flattened by finish
	used  int       // slots filled
	seed  maphash.Seed
}

// keySlot is a key's place in the arena and its value; n is the key's
// length plus one, 0 for an empty slot.
type keySlot struct {
	off, n uint32
	val    int32
}

func newMultimap(n int) multimap {
	size := 16
	for size < 2*n {
		size *= 2
	}
	// Keys of the shipped data average 15 bytes.
	return multimap{keys: make([]byte, 0, 16*n), slots: make([]keySlot, size), seed: multimapSeed}
}

// multimapSeed is shared by all tables: the hash needs no secrecy here (the
// keys are the dictionary's own), only a fixed function per process.
var multimapSeed = maphash.MakeSeed()

// find returns the slot of k, or the empty slot where k would go.
func (mm *multimap) find(k string) *keySlot {
	mask := uint64(len(mm.slots) - 1)
	for i := maphash.String(mm.seed, k) & mask; ; i = (i + 1) & mask {
		sl := &mm.slots[i]
		if sl.n == 0 || int(sl.n-1) == len(k) && string(mm.keys[sl.off:sl.off+sl.n-1]) == k {
			return sl
		}
	}
}

func (mm *multimap) add(k string, i int32) {
	if 2*(mm.used+1) > len(mm.slots) {
		mm.grow()
	}
	sl := mm.find(k)
	switch {
	case sl.n == 0:
		*sl = keySlot{off: uint32(len(mm.keys)), n: uint32(len(k)) + 1, val: i}
		mm.keys = append(mm.keys, k...)
		mm.used++
	case sl.val >= 0:
		if sl.val != i {
			mm.multi = append(mm.multi, []int32{sl.val, i})
			sl.val = -int32(len(mm.multi))
		}
	default:
		l := &mm.multi[-sl.val-1]
		for _, x := range *l {
			if x == i {
				return
			}
		}
		*l = append(*l, i)
	}
}

// grow doubles the table (data larger than the size hints).
func (mm *multimap) grow() {
	old := mm.slots
	mm.slots = make([]keySlot, 2*len(old))
	for _, sl := range old {
		if sl.n != 0 {
			*mm.find(string(mm.keys[sl.off : sl.off+sl.n-1])) = sl
		}
	}
}

// finish flattens the lists once loading is done: a list's value becomes
// -(p+1) for its place p in lists.
func (mm *multimap) finish() {
	pos := make([]int32, len(mm.multi))
	for j, l := range mm.multi {
		pos[j] = int32(len(mm.lists))
		mm.lists = append(mm.lists, int32(len(l)))
		mm.lists = append(mm.lists, l...)
	}
	for i := range mm.slots {
		if v := mm.slots[i].val; mm.slots[i].n != 0 && v < 0 {
			mm.slots[i].val = -pos[-v-1] - 1
		}
	}
	mm.multi = nil
}

// get returns the indexes of k; the one-element case needs no allocation.
func (mm *multimap) get(k string, one *[1]int32) []int32 {
	if len(mm.slots) == 0 {
		return nil // a zero Gazetteer
	}
	sl := mm.find(k)
	switch {
	case sl.n == 0:
		return nil
	case sl.val >= 0:
		one[0] = sl.val
		return one[:]
	default:
		p := -sl.val - 1
		return mm.lists[p+1 : p+1+mm.lists[p]]
	}
}
