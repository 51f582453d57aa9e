package convert

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/gazetteer"
)

// convertExcerpt converts testdata/phoenix (an invented excerpt in the dictionaries' format).
func convertExcerpt(t *testing.T) (*gazetteer.Gazetteer, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := Convert(os.DirFS("testdata/phoenix"), &buf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return g, st
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestConvertStats(t *testing.T) {
	_, st := convertExcerpt(t)
	// 2 countries of the excerpt; people: Firefly (two files merged), Trentino, two John
	// Smiths, Juana Pérez, Albert Alliance; the broken-date person has no usable code.
	if st.Countries != 2 || st.People != 6 || st.NoCode != 1 {
		t.Errorf("stats = %+v", st)
	}
	// The unreadable date and the agent line without a code.
	if len(st.Problems) != 2 {
		t.Errorf("problems = %q", st.Problems)
	}
}

func TestConvertPeople(t *testing.T) {
	g, _ := convertExcerpt(t)
	tests := []struct {
		name, on  string
		wantName  string
		wantCode  string
		wantAff   string
		wantErr   error
		wantFrom  string
		wantRoles int
	}{
		// In office, before it, after it (the default ELI: speaks for nobody).
		{"Rufus T. Firefly", "1933-06-01", "Rufus T. Firefly", "FRDGOV", "Freedonia government", nil, "1933-01-01", 4},
		{"FIREFLY", "1925-06-01", "Rufus T. Firefly", "FRDELI", "", nil, "1920-01-01", 4},
		{"president firefly", "1940-06-01", "Rufus T. Firefly", "FRDELI", "", nil, "", 4},
		// The International file's record of the same man is merged into his record.
		{"Rufus Firefly", "1935-01-01", "Rufus T. Firefly", "IGOUNO", "United Nations", nil, "1934-01-01", 4},
		// Zero time: the latest dated role.
		{"Firefly", "", "Rufus T. Firefly", "IGOUNO", "United Nations", nil, "1934-01-01", 4},
		// Titles stripped; a date outside every role and no default: no role.
		{"Ambassador Trentino", "1932-01-01", "Trentino", "SYLGOV", "Sylvania government", nil, "1930-01-01", 1},
		{"Mr. Trentino", "1950-01-01", "Trentino", "", "", nil, "", 1},
		// Accents folded; "first last" and surname keys from the canonical name.
		{"Juana Perez de la Mar", "2012-01-01", "Juana Pérez de la Mar", "FRDGOV", "Freedonia government", nil, "2010-01-01", 1},
		{"Juana Mar", "2012-01-01", "Juana Pérez de la Mar", "FRDGOV", "Freedonia government", nil, "2010-01-01", 1},
		// One name in two countries: ambiguous, whatever the date.
		{"John Smith", "1952-01-01", "", "", "", gazetteer.ErrAmbiguous, "", 0},
		{"Smith", "1952-01-01", "", "", "", gazetteer.ErrAmbiguous, "", 0},
		{"Nobody Known", "1952-01-01", "", "", "", gazetteer.ErrNotFound, "", 0},
		{"Albert Alliance", "1991-01-01", "Albert Alliance", "IGOWSTNAT", "NATO", nil, "1990-01-01", 2},
	}
	for _, tt := range tests {
		var on time.Time
		if tt.on != "" {
			on = day(tt.on)
		}
		p, err := g.LookupPerson(tt.name, on)
		if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
			t.Errorf("%s on %s: err %v, want %v", tt.name, tt.on, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		from := ""
		if !p.Role.From.IsZero() {
			from = p.Role.From.Format("2006-01-02")
		}
		if p.Name != tt.wantName || p.Role.Code != tt.wantCode || p.Role.Affiliation != tt.wantAff || from != tt.wantFrom || len(p.Roles) != tt.wantRoles {
			t.Errorf("%s on %s = %q %s %q from %q (%d roles), want %q %s %q from %q (%d roles)", tt.name, tt.on,
				p.Name, p.Role.Code, p.Role.Affiliation, from, len(p.Roles), tt.wantName, tt.wantCode, tt.wantAff, tt.wantFrom, tt.wantRoles)
		}
	}
}

func TestConvertCountriesOrgsAgents(t *testing.T) {
	g, _ := convertExcerpt(t)
	countries := map[string]string{"Freedonia": "FRD", "freedonian": "FRD", "Freedon City": "FRD", "SYLVANIAN": "SYL", "Ruritania": ""}
	for name, want := range countries {
		c, ok := g.Country(name)
		if c.Code != want || ok != (want != "") {
			t.Errorf("Country(%q) = %+v %v, want %s", name, c, ok, want)
		}
	}
	orgs := []struct{ name, wantName, wantCode, wantAff string }{
		{"NATA", "North Atlantic Test Alliance", "IGOWSTNAT", "NATO"},
		{"Trade Ministry of Freedonia", "Freedonian Trade Ministry", "FRDGOV", "Freedonia government"},
		{"FLF", "Freedonian Liberation Front (FLF)", "FRDREB", "Freedonia rebels"},
		{"Freedonian Liberation Front", "Freedonian Liberation Front (FLF)", "FRDREB", "Freedonia rebels"},
		// A segment the code table does not know is named by the dictionary's own body.
		{"World Parcel Union", "World Parcel Union", "IGOUNOPCL", "World Parcel Union"},
		// Bodies named only in the code table get a record of their own.
		{"United Nations", "United Nations", "IGOUNO", "United Nations"},
	}
	for _, tt := range orgs {
		o, ok := g.Org(tt.name)
		if !ok || o.Name != tt.wantName || o.Role.Code != tt.wantCode || o.Role.Affiliation != tt.wantAff {
			t.Errorf("Org(%q) = %+v %v, want %q %s %q", tt.name, o, ok, tt.wantName, tt.wantCode, tt.wantAff)
		}
	}
	agents := map[string]string{"spokesman": "MED", "Spokeswomen": "MED", "foreign ministers": "GOV", "riot police": "COP",
		"riot polices": "", "attorneys general": "GOVATG", "deputy": "", "human rights groups": "NGO"}
	for noun, want := range agents {
		c, ok := g.Agent(noun)
		if c != want || ok != (want != "") {
			t.Errorf("Agent(%q) = %q %v, want %q", noun, c, ok, want)
		}
	}
}

func TestParseCode(t *testing.T) {
	isCountry := func(s string) bool { return s == "USA" || s == "MUS" || s == "NAM" || s == "CAF" }
	tests := []struct {
		code string
		want codeInfo
	}{
		{"USAGOV", codeInfo{Country: "USA", Sector: "GOV"}},
		{"USAGOVLEG", codeInfo{Country: "USA", Sector: "GOV"}},
		{"USA", codeInfo{Country: "USA"}},
		{"IGOWSTNAT", codeInfo{Sector: "IGO", Orgs: []string{"NAT"}}},
		{"IGOUNODEVWBK", codeInfo{Sector: "IGO", Orgs: []string{"UNO", "WBK"}}},
		{"IMGMUSALQ", codeInfo{Sector: "IMG", Orgs: []string{"ALQ"}}}, // MUS is Muslim here, not Mauritius
		{"IGONAMDEV", codeInfo{Sector: "IGO"}},                        // NAM is North America here
		{"NGOUSAHRI", codeInfo{Country: "USA", Sector: "NGO"}},
		{"MNCUSA", codeInfo{Country: "USA", Sector: "MNC"}},
		{"ELI", codeInfo{Sector: "ELI"}},
		{"XYZREB", codeInfo{Sector: "REB"}},
		{"X", codeInfo{}},
	}
	for _, tt := range tests {
		if got := parseCode(tt.code, isCountry); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseCode(%s) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct {
		in   string
		keep bool
		want string
	}{
		{"BARACK_OBAMA", false, "Barack Obama"},
		{"GEORGE_W._BUSH_", false, "George W. Bush"},
		{"BAN_KI-MOON", false, "Ban Ki-moon"},
		{"ROBERT_MCNAMARA_", false, "Robert McNamara"},
		{"CONOR_O'BRIEN", false, "Conor O'Brien"},
		{"JOHN_PAUL_II", false, "John Paul II"},
		{"THE_UNITED_NATIONS_", true, "United Nations"},
		{"U.N._SECURITY_COUNCIL", true, "U.N. Security Council"},
		{"BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_", true, "Basque Fatherland and Freedom (ETA)"},
		{"NATO_", true, "NATO"},
		{"HAMAS", true, "Hamas"},
		{"US_SECRETARY_OF_STATE", true, "US Secretary of State"},
		{"ASEAN_DEFENSE_MINISTERS", true, "ASEAN Defense Ministers"},
		{"KANG_CHANG_UK", false, "Kang Chang Uk"},
		{"MANFRED_WÖRNER_", false, "Manfred Wörner"},
	}
	for _, tt := range tests {
		if got := titleCase(tt.in, tt.keep); got != tt.want {
			t.Errorf("titleCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConvertDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := Convert(os.DirFS("testdata/phoenix"), &a); err != nil {
		t.Fatal(err)
	}
	if _, err := Convert(os.DirFS("testdata/phoenix"), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two conversions of the same input differ")
	}
}

func TestConvertMissingFile(t *testing.T) {
	_, err := Convert(os.DirFS(t.TempDir()), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), CountriesFile) {
		t.Errorf("err = %v, want one naming %s", err, CountriesFile)
	}
}
