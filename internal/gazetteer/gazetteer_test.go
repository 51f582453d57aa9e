package gazetteer_test

import (
	"testing"
	"time"

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
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

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
		// Bill Clinton in office, and after it: the dictionary's default for him is ELI (no body).
		{"Bill Clinton", "1995-03-01", "Bill Clinton", "USAGOV", "United States government", "USA", "GOV", true},
		{"Bill Clinton", "2005-03-01", "Bill Clinton", "USAELI", "", "USA", "ELI", false},
		// Accents folded: the dictionary spells Wörner with and without the umlaut.
		{"Manfred Wörner", "1990-01-01", "Manfred Wörner", "IGOWSTNAT", "NATO", "", "IGO", true},
		{"Kofi Annan", "2000-01-01", "Kofi Annan", "IGOUNO", "United Nations", "", "IGO", true},
		{"Ban Ki-moon", "2010-01-01", "Ban Ki Moon", "IGOUNO", "United Nations", "", "IGO", true},
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
