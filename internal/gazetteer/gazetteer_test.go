package gazetteer_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/gazetteer"
)

func load(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Lookups on the real embedded data, for well-known public figures.
func TestPersonEmbedded(t *testing.T) {
	g := load(t)
	tests := []struct {
		name, on     string
		wantName     string
		wantCode     string
		wantAff      string
		wantCountry  string
		wantSector   string
		wantAffiated bool
	}{
		{"Barack Obama", "2010-06-01", "Barack Obama", "USAGOV", "United States government", "USA", "GOV", true},
		{"OBAMA", "2012-11-07", "Barack Obama", "USAGOV", "United States government", "USA", "GOV", true},
		{"president obama", "2012-11-07", "Barack Obama", "USAGOV", "United States government", "USA", "GOV", true},
		// Obama before office: the dictionary codes him ELI until 2000, then nothing until 2009.
		{"Barack Obama", "1990-01-01", "Barack Obama", "USAELI", "", "USA", "ELI", false},
		{"Barack Obama", "2005-01-01", "Barack Obama", "", "", "", "", false},
		// Bill Clinton in office, and after it: the dictionary's default for him is ELI (no body).
		{"Bill Clinton", "1995-03-01", "Bill Clinton", "USAGOV", "United States government", "USA", "GOV", true},
		{"Bill Clinton", "2005-03-01", "Bill Clinton", "USAELI", "", "USA", "ELI", false},
		// A zero date asks for the latest role.
		{"Bill Clinton", "", "Bill Clinton", "USAGOV", "United States government", "USA", "GOV", true},
		// NATO secretaries general; accents folded (the dictionary spells Wörner both ways).
		{"Manfred Wörner", "1990-01-01", "Manfred Wörner", "IGOWSTNAT", "NATO", "", "IGO", true},
		{"manfred worner", "1990-01-01", "Manfred Wörner", "IGOWSTNAT", "NATO", "", "IGO", true},
		{"George Robertson", "2001-05-01", "George Robertson", "IGOWSTNAT", "NATO", "", "IGO", true},
		{"Willy Claes", "1995-01-01", "Willy Claes", "IGOWSTNAT", "NATO", "", "IGO", true},
		{"Kofi Annan", "2000-01-01", "Kofi Annan", "IGOUNO", "United Nations", "", "IGO", true},
		// One person listed in two files (South Korea and the UN) is one record.
		{"Ban Ki-moon", "2010-01-01", "Ban Ki Moon", "IGOUNO", "United Nations", "", "IGO", true},
		{"Vladimir Putin", "2003-05-01", "Vladimir Putin", "RUSGOV", "Russia government", "RUS", "GOV", true},
		{"Merkel", "2013-05-01", "Angela Merkel", "DEUGOV", "Germany government", "DEU", "GOV", true},
		// Family name first for Chinese names.
		{"Xi", "2013-05-01", "Xi Jinping", "CHNGOV", "China government", "CHN", "GOV", true},
		// The date decides between two people of one country: one was in office.
		{"President Bush", "2003-05-01", "George W. Bush", "USAGOV", "United States government", "USA", "GOV", true},
	}
	for _, tt := range tests {
		p, err := g.LookupPerson(tt.name, day(tt.on))
		if err != nil {
			t.Errorf("%s on %s: %v", tt.name, tt.on, err)
			continue
		}
		if p.Name != tt.wantName || p.Role.Code != tt.wantCode || p.Role.Affiliation != tt.wantAff ||
			p.Role.Country.Code != tt.wantCountry || p.Role.Sector != tt.wantSector || p.Affiliated() != tt.wantAffiated {
			t.Errorf("%s on %s = %q %+v, want %q %s %q %s %s", tt.name, tt.on, p.Name, p.Role, tt.wantName, tt.wantCode, tt.wantAff, tt.wantCountry, tt.wantSector)
		}
	}
}

func TestPersonDates(t *testing.T) {
	g := load(t)
	p, ok := g.Person("Bill Clinton", day("1995-03-01"))
	if !ok {
		t.Fatal("Bill Clinton not found")
	}
	if got := p.Role.From.Format("2006-01-02") + " " + p.Role.To.Format("2006-01-02"); got != "1993-01-20 2001-01-20" {
		t.Errorf("Clinton's term = %s", got)
	}
	if p.Role.Country.Name != "United States" || p.Role.Default || len(p.Roles) < 3 {
		t.Errorf("Clinton = %+v", p)
	}
	// Open-ended: Obama's term has no end in the 2014 dictionary.
	p, _ = g.Person("Barack Obama", day("2013-01-01"))
	if p.Role.From.Format("2006-01-02") != "2009-01-20" || !p.Role.To.IsZero() {
		t.Errorf("Obama's term = %v – %v", p.Role.From, p.Role.To)
	}
	// After office the default role applies, without dates.
	p, _ = g.Person("Bill Clinton", day("2005-03-01"))
	if !p.Role.Default || !p.Role.From.IsZero() || !p.Role.To.IsZero() {
		t.Errorf("Clinton after office = %+v", p.Role)
	}
}

func TestPersonAmbiguousAndPartial(t *testing.T) {
	g := load(t)
	// Surnames shared by people of different countries.
	for _, name := range []string{"Bush", "Clinton", "Rasmussen"} {
		_, err := g.LookupPerson(name, day("2003-05-01"))
		var amb *gazetteer.AmbiguousError
		if !errors.Is(err, gazetteer.ErrAmbiguous) || !errors.As(err, &amb) || len(amb.Candidates) < 2 {
			t.Errorf("%s: err = %v, want ambiguous", name, err)
		}
		if _, ok := g.Person(name, day("2003-05-01")); ok {
			t.Errorf("Person(%s) ok for an ambiguous name", name)
		}
	}
	// Two people of one country, no date to tell them apart.
	if _, err := g.LookupPerson("President Bush", time.Time{}); !errors.Is(err, gazetteer.ErrAmbiguous) {
		t.Errorf("President Bush undated: err = %v, want ambiguous", err)
	}
	if _, err := g.LookupPerson("Nobody McNobodyface", time.Time{}); !errors.Is(err, gazetteer.ErrNotFound) {
		t.Errorf("unknown: err = %v, want not found", err)
	}
	// Matched by the dictionary's own name, or only by its surname.
	if p, _ := g.Person("Angela Merkel", time.Time{}); p.Partial {
		t.Error("Angela Merkel matched as partial")
	}
	if p, ok := g.Person("Stoltenberg", time.Time{}); !ok || !p.Partial || p.Name != "Jens Stoltenberg" {
		t.Errorf("Stoltenberg = %+v %v, want Jens Stoltenberg by surname", p, ok)
	}
}

func TestCountryEmbedded(t *testing.T) {
	g := load(t)
	tests := map[string]string{
		"Japan": "JPN", "Japanese": "JPN", "JAPANESE": "JPN", "Tokyo": "JPN", "American": "USA",
		"U.S.": "USA", "United States": "USA", "British": "GBR", "Russian": "RUS", "Beijing": "CHN",
		"Côte d'Ivoire": "CIV", "Kosovo": "KSV", "Atlantis": "",
	}
	for name, want := range tests {
		c, ok := g.Country(name)
		if c.Code != want || ok != (want != "") {
			t.Errorf("Country(%q) = %+v %v, want %s", name, c, ok, want)
		}
	}
	if c, _ := g.Country("Japanese"); c.Name != "Japan" {
		t.Errorf("Japanese → %+v", c)
	}
	if c, ok := g.CountryByCode("USA"); !ok || c.Name != "United States" {
		t.Errorf("CountryByCode(USA) = %+v %v", c, ok)
	}
}

// CountryKeys lists each country's own name as its own, its other names
// as not, and no name two countries share.
func TestCountryKeys(t *testing.T) {
	g := load(t)
	got := map[string]string{}
	own := map[string]bool{}
	g.CountryKeys(func(k string, c gazetteer.Country, o bool) {
		got[k] = c.Code
		own[k] = o
	})
	for k, want := range map[string]string{"japan": "JPN", "tokyo": "JPN", "hong kong": "HKG", "united states": "USA"} {
		if got[k] != want {
			t.Errorf("%q → %q, want %s", k, got[k], want)
		}
	}
	if !own["japan"] || own["tokyo"] || !own["hong kong"] {
		t.Errorf("own names: japan %v tokyo %v hong kong %v", own["japan"], own["tokyo"], own["hong kong"])
	}
	for k := range got {
		if c, ok := g.Country(k); !ok || c.Code != got[k] {
			t.Errorf("%q listed as %s, but Country gives %+v %v", k, got[k], c, ok)
		}
	}
}

func TestOrgEmbedded(t *testing.T) {
	g := load(t)
	tests := []struct{ name, wantName, wantCode, wantAff, wantCountry string }{
		{"NATO", "NATO", "IGOWSTNAT", "NATO", ""},
		{"North Atlantic Treaty Organization", "NATO", "IGOWSTNAT", "NATO", ""},
		{"U.N.", "UN", "IGOUNO", "United Nations", ""},
		{"the United Nations", "United Nations", "IGOUNO", "United Nations", ""},
		{"European Commission", "European Commission", "IGOEUREEC", "European Union", ""},
		{"IMF", "IMF", "IGOBUSIMF", "International Monetary Fund", ""},
		{"WTO", "World Trade Organization", "IGOBUSWTO", "World Trade Organization", ""},
		{"US Congress", "United States Congress", "USAGOVLEG", "United States government", "USA"},
		{"Kremlin", "Kremlin", "RUSGOV", "Russia government", "RUS"},
		{"Amnesty International", "Amnesty International", "NGOHRIAMN", "Amnesty International", ""},
	}
	for _, tt := range tests {
		o, err := g.LookupOrg(tt.name)
		if err != nil || o.Name != tt.wantName || o.Role.Code != tt.wantCode || o.Role.Affiliation != tt.wantAff || o.Role.Country.Code != tt.wantCountry {
			t.Errorf("Org(%q) = %+v %v, want %q %s %q", tt.name, o, err, tt.wantName, tt.wantCode, tt.wantAff)
		}
	}
	if _, ok := g.Org("Ministry of Silly Walks"); ok {
		t.Error("an unknown body was found")
	}
}

func TestAgentEmbedded(t *testing.T) {
	g := load(t)
	tests := map[string]string{
		"spokesman": "MED", "Spokeswoman": "MED", "government spokesman": "GOV", "military spokesman": "MIL",
		"foreign minister": "GOV", "Foreign Ministry": "GOV", "riot police": "COP", "congressman": "LEG",
		"ambassador": "GOV", "ambassadors": "GOV", "xylophonist": "",
	}
	for noun, want := range tests {
		c, ok := g.Agent(noun)
		if c != want || ok != (want != "") {
			t.Errorf("Agent(%q) = %q %v, want %q", noun, c, ok, want)
		}
	}
}

func TestCodeRole(t *testing.T) {
	g := load(t)
	tests := map[string]string{"JPNGOV": "Japan government", "USAMIL": "United States military", "IGOWSTNAT": "NATO", "USAELI": "", "ZZZGOV": ""}
	for code, want := range tests {
		r, ok := g.CodeRole(code)
		if r.Affiliation != want || ok != (code != "ZZZGOV") {
			t.Errorf("CodeRole(%s) = %+v %v, want %q", code, r, ok, want)
		}
	}
	if r, _ := g.CodeRole("JPNGOV"); r.Country.Code != "JPN" || r.Sector != "GOV" || !r.Default {
		t.Errorf("CodeRole(JPNGOV) = %+v", r)
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"BARACK_OBAMA":         "barack obama",
		"Manfred Wörner":       "manfred worner",
		"MANFRED_WÖRNER_":      "manfred worner",
		"U.S.":                 "us",
		"Ban Ki-moon":          "ban ki moon",
		"  O'Neill\t":          "oneill",
		"The United Nations":   "united nations",
		"Straße":               "strasse",
		"Łukasz Ø":             "lukasz o",
		"Côte d’Ivoire":        "cote divoire",
		"(ETA)":                "eta",
		"Ángela  MERKEL , Jr.": "angela merkel jr",
		"":                     "",
		"the":                  "the",
		"Café—Society/Über":    "cafe society uber",
	}
	for in, want := range tests {
		if got := gazetteer.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every key of the embedded data is already normalised: the data is current with Normalize.
func TestEmbeddedKeysNormalised(t *testing.T) {
	raw, err := os.ReadFile("data/gazetteer.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		var keys string
		switch f[0] {
		case "C", "P", "O":
			keys = f[3]
		case "A":
			keys = f[2]
		default:
			continue
		}
		for _, k := range strings.Split(keys, "|") {
			if k != "" && gazetteer.Normalize(k) != k {
				t.Fatalf("key %q is not normalised (regenerate with go generate ./internal/gazetteer)", k)
			}
			n++
		}
	}
	if n < 30000 {
		t.Errorf("only %d keys", n)
	}
}

func TestLoadOnce(t *testing.T) {
	a, b := load(t), load(t)
	if a != b {
		t.Error("Load built the gazetteer twice")
	}
	st := a.Stats()
	if st.Countries < 200 || st.People < 15000 || st.Orgs < 5000 || st.Agents < 4000 {
		t.Errorf("stats = %+v", st)
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"empty":         "",
		"header":        "parley-gazetteer\t99\n",
		"record":        gazetteer.FormatHeader + "\nZ\tx\n",
		"fields":        gazetteer.FormatHeader + "\nC\tUSA\n",
		"unknown code":  gazetteer.FormatHeader + "\nP\tJane Roe\tXYZGOV\tjane roe\n",
		"bad date":      gazetteer.FormatHeader + "\nC\tFRD\tFreedonia\tfreedonia\nK\tFRDGOV\tFRD\tGOV\t\t0\tFreedonia government\nP\tJane Roe\tFRDGOV@2001-\tjane roe\n",
		"unknown count": gazetteer.FormatHeader + "\nK\tFRDGOV\tFRD\tGOV\t\t0\tFreedonia government\n",
	}
	for name, in := range tests {
		if _, err := gazetteer.Parse(strings.NewReader(in)); !errors.Is(err, gazetteer.ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", name, err)
		}
	}
	ok := gazetteer.FormatHeader + "\nC\tFRD\tFreedonia\tfreedonia|freedonian\nK\tFRDGOV\tFRD\tGOV\t\t0\tFreedonia government\nP\tJane Roe\tFRDGOV@20010101-\tjane roe\nA\tGOV\tminister\n"
	g, err := gazetteer.Parse(strings.NewReader(ok))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Person("Jane Roe", day("2002-01-01")); !ok || p.Role.Affiliation != "Freedonia government" {
		t.Errorf("Jane Roe = %+v", p)
	}
	// A gzip-compressed file reads the same (the embedded data is plain; Parse takes either).
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	_, _ = zw.Write([]byte(ok))
	_ = zw.Close()
	gz, err := gazetteer.Parse(&z)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := gz.Person("Jane Roe", day("2002-01-01")); !ok || p.Role.Affiliation != "Freedonia government" {
		t.Errorf("Jane Roe (gzip) = %+v", p)
	}
	// A record with a field too many is refused, not cut short.
	if _, err := gazetteer.Parse(strings.NewReader(ok + "A\tGOV\tminister\textra\n")); !errors.Is(err, gazetteer.ErrFormat) {
		t.Errorf("extra field: err = %v, want ErrFormat", err)
	}
}

func BenchmarkPerson(b *testing.B) {
	g := load(b)
	names := []string{"Barack Obama", "Merkel", "President Bush", "Manfred Wörner", "Nobody Known", "Kofi Annan", "Ban Ki-moon", "Bush"}
	on := day("2003-05-01")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Person(names[i%len(names)], on)
	}
}

func BenchmarkPersonHit(b *testing.B) {
	g := load(b)
	on := day("2010-05-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := g.Person("Barack Obama", on); !ok {
			b.Fatal("not found")
		}
	}
}

// BenchmarkParse measures what Load costs on first use: time, allocations, and the heap the
// gazetteer keeps (heap-MB, measured outside the timed part).
func BenchmarkParse(b *testing.B) {
	raw, err := os.ReadFile("data/gazetteer.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw) // as embedded: a string in place
	var keep *gazetteer.Gazetteer
	var before, after runtime.MemStats
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		keep = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		keep, err = gazetteer.ParseText(text)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.StartTimer()
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}

// Normalize's ASCII fast path folds every ASCII string as the general (rune) path does.
func TestNormalizeASCIIMatchesRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	const alphabet = "aZz09 .'`-_/,;()\t\nthe THE"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(128))
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		s := string(b)
		if got, want := gazetteer.Normalize(s), gazetteer.NormalizeRunes(s); got != want {
			t.Fatalf("Normalize(%q) = %q, the rune path gives %q", s, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"The U.S. Senate", "O'Neill", "Wörner", "  the  ", "A-B_C/D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := gazetteer.Normalize(s)
		if !utf8.ValidString(s) {
			return
		}
		if want := gazetteer.NormalizeRunes(s); got != want {
			t.Fatalf("Normalize(%q) = %q, the rune path gives %q", s, got, want)
		}
	})
}

// Person and Org answer without building error values; they must agree
// with LookupPerson and LookupOrg on every name: found, ambiguous, unknown.
func TestBoolFormsMatchLookups(t *testing.T) {
	g := load(t)
	names := []string{"Bill Clinton", "Merkel", "Xi", "President Bush", "Bush", "Clinton", "Rasmussen",
		"Stoltenberg", "Nobody McNobodyface", "", "NATO", "United Nations", "European Union", "Mr", "Gen. Nobody",
		"manfred worner", "Ban Ki-moon", "Foreign Minister Lavrov", "Red Cross", "World Bank"}
	for _, name := range names {
		for _, on := range []time.Time{{}, day("1995-03-01"), day("2003-05-01")} {
			p, ok := g.Person(name, on)
			lp, err := g.LookupPerson(name, on)
			if ok != (err == nil) || !reflect.DeepEqual(p, lp) {
				t.Errorf("Person(%q, %v) = %+v %v; LookupPerson = %+v %v", name, on, p, ok, lp, err)
			}
		}
		o, ok := g.Org(name)
		lo, err := g.LookupOrg(name)
		if ok != (err == nil) || !reflect.DeepEqual(o, lo) {
			t.Errorf("Org(%q) = %+v %v; LookupOrg = %+v %v", name, o, ok, lo, err)
		}
	}
}
