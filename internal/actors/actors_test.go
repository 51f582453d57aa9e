package actors

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

func TestKey(t *testing.T) {
	same := [][2]string{
		{"Sergey Lavrenko", "Sergei Lavrenko"},
		{"Anthony Bright", "Antony Bright"},
		{"Kiev", "Kyiv"},
		{"Aleksandr", "Alexandr"},
		{"Mikhail", "Mihail"},
		{"José", "Jose"},
	}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	diff := [][2]string{{"Smith", "Jones"}, {"Anna", "Boris"}, {"Kiev", "Minsk"}}
	for _, p := range diff {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q", p[0], p[1], Key(p[0]))
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"no name", "actors:\n  - kind: PERSON\n", "x.yaml:2:"},
		{"bad kind", "actors:\n  - name: A B\n    kind: ROBOT\n", "x.yaml:2:"},
		{"bad date", "actors:\n  - name: A B\n    roles:\n      - {title: Minister, from: 2020-13-01}\n", "x.yaml:4:"},
		{"reversed", "actors:\n  - name: A B\n    roles:\n      - {title: Minister, from: 2021-01-01, to: 2020-01-01}\n", "x.yaml:4:"},
		{"unknown key", "people: []\n", "x.yaml:1:"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src), "x.yaml")
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an ErrInvalid at %s", c.name, err, c.want)
		}
	}
}

func TestHolderByDate(t *testing.T) {
	reg, err := Parse([]byte(`actors:
  - name: Old Holder
    roles:
      - {title: Foreign Minister, affiliation: Freedonia, from: 2010-01-01, to: 2019-12-31}
  - name: New Holder
    aliases: [N. Holder]
    roles:
      - {title: Foreign Minister, affiliation: Freedonia, from: 2020-01-01}
`), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		date, want string
	}{{"2015-06-01", "Old Holder"}, {"2021-06-01", "New Holder"}} {
		at, _ := time.Parse("2006-01-02", c.date)
		k, _, ok := reg.Holder("freedonian foreign minister", "", at)
		if !ok || k.Name != c.want {
			t.Errorf("%s: got %q %v, want %q", c.date, k.Name, ok, c.want)
		}
	}
	if _, _, ok := reg.Holder("foreign minister", "Ruritania", time.Time{}); ok {
		t.Error("matched the wrong affiliation")
	}
	if k, ok := reg.Lookup("N. Holder"); !ok || k.Name != "New Holder" {
		t.Errorf("alias lookup: %q %v", k.Name, ok)
	}
}

func find(t *testing.T, body string) ([]Found, *Book) {
	t.Helper()
	toks := text.Tokenize(nil, body, article.Span{0, len(body)})
	b := NewBook(nil, time.Time{})
	return Find(body, toks, b), b
}

func TestFindMentions(t *testing.T) {
	body := "Russian Deputy Foreign Minister Sergei Petrov met NATO officials in Brussels. Later Mr. Petrov and Sergey Petrov's aide spoke to the Foreign Ministry. Moscow says it will reply."
	fs, b := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		got[f.Text] = f.Type + "/" + f.Actor
	}
	want := map[string]string{
		"Sergei Petrov":    "PERSON/Sergei Petrov",
		"NATO":             "GPE/NATO",
		"Brussels":         "ORG/European Union",
		"Petrov":           "PERSON/Sergei Petrov",
		"Sergey Petrov":    "PERSON/Sergei Petrov",
		"Foreign Ministry": "ORG/Foreign Ministry",
		"Moscow":           "GPE/Russia",
	}
	for k, v := range want {
		if k == "NATO" {
			v = "ORG/NATO"
		}
		if got[k] != v {
			t.Errorf("%q: got %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	// the title apposition gives the title and the affiliation
	var petrov article.Actor
	for _, a := range b.Actors() {
		if a.Name == "Sergei Petrov" {
			petrov = a
		}
	}
	if petrov.Title != "Deputy Foreign Minister" || petrov.Affiliation != "Russia" {
		t.Errorf("Petrov: %+v", petrov)
	}
}

func TestByRole(t *testing.T) {
	body := "Norwegian Deputy Foreign Minister Lars Eikeland met Defence Minister Kari Holm. The senior diplomat said little."
	_, b := find(t, body)
	pos := strings.Index(body, "The senior")
	id, ok := b.ByRole([]string{"The", "senior", "diplomat"}, pos)
	if !ok || b.Name(id) != "Lars Eikeland" {
		t.Errorf("diplomat → %q %v, want Lars Eikeland", b.Name(id), ok)
	}
	id, ok = b.ByRole([]string{"the", "defence", "minister"}, pos)
	if !ok || b.Name(id) != "Kari Holm" {
		t.Errorf("defence minister → %q %v, want Kari Holm", b.Name(id), ok)
	}
	// "the leader" is the head of government by any of its titles
	body = "Premier Ivan Kulik warned the West on Tuesday. The leader spoke on radio."
	_, b = find(t, body)
	id, ok = b.ByRole([]string{"the", "leader"}, strings.Index(body, "The leader"))
	if !ok || b.Name(id) != "Ivan Kulik" {
		t.Errorf("leader → %q %v, want Ivan Kulik", b.Name(id), ok)
	}
}

// A leader the text names without an office is the "president" of a role
// phrase right after, when the dictionary gives them that country.
func TestByRoleUntitledLeader(t *testing.T) {
	for _, c := range []struct {
		body, phrase, want string
	}{
		{"Talks with Vladimir Putin ran late. The Russian president said little.", "the Russian president", "Vladimir Putin"},
		{"Talks with Vladimir Putin ran late. The French president said little.", "the French president", ""},
		// a spokesman is someone else
		{"Talks with Vladimir Putin ran late. The Russian spokesman said little.", "the Russian spokesman", ""},
		// a name the dictionary does not know as Russian
		{"Talks with Marta Kowalczyk ran late. The Russian president said little.", "the Russian president", ""},
	} {
		_, b := find(t, c.body)
		pos := strings.Index(c.body, "The ")
		id, ok := b.ByRole(strings.Fields(c.phrase), pos)
		got := ""
		if ok {
			got = b.Name(id)
		}
		if got != c.want {
			t.Errorf("%q → %q, want %q", c.phrase, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("actors:\n  - name: A B\n    roles:\n      - {title: Minister, from: 2020-01-01}\n")
	f.Add("actors: [")
	f.Add("- 1\n- 2")
	f.Fuzz(func(t *testing.T, src string) {
		reg, err := Parse([]byte(src), "f.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		reg.Holder("minister", "", time.Now())
		reg.Lookup("A B")
	})
}

func FuzzFind(f *testing.F) {
	f.Add("Russian Deputy Foreign Minister Sergei Petrov met NATO officials in Brussels.")
	f.Add("Mr. X of the Y and Z Commission on W")
	f.Fuzz(func(t *testing.T, body string) {
		fs, b := find(t, body)
		for _, m := range fs {
			// The text is the span's, its white space folded (a name
			// typed with a double space is one name).
			if m.Span[0] < 0 || m.Span[1] > len(body) || m.Span[0] > m.Span[1] || foldSpace(body[m.Span[0]:m.Span[1]]) != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
		b.Actors()
	})
}

func TestFindOrgWithAnd(t *testing.T) {
	body := "The Securities and Exchange Commission sued. Bill and Jane Smith left."
	fs, _ := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		got[f.Text] = f.Type
	}
	if got["Securities and Exchange Commission"] != "ORG" {
		t.Errorf("org with and: %v", got)
	}
	if _, ok := got["Bill and Jane Smith"]; ok {
		t.Errorf("joined two people: %v", got)
	}
}

// A person's name before "of" or "for" ends the name: what follows is
// where they work. A head or title word keeps the long name whole.
func TestFindPersonOfOrg(t *testing.T) {
	cases := []struct{ body, want, typ string }{
		{"The forecast was cut, said Tom Lee of Acme Securities.", "Tom Lee", "PERSON"},
		{"The figures were small, wrote Anna Berg for Nordic Polls.", "Anna Berg", "PERSON"},
		{"Profits rose at the Bank of America last year.", "Bank of America", "ORG"},
		{"The study came from the University of Oslo.", "University of Oslo", "ORG"},
		{"Later Ms. Roe met the press.", "Roe", "PERSON"},
	}
	for _, c := range cases {
		fs, _ := find(t, c.body)
		got := map[string]string{}
		for _, f := range fs {
			got[f.Text] = f.Type
		}
		if got[c.want] != c.typ {
			t.Errorf("%q: want %q as %s, got %v", c.body, c.want, c.typ, got)
		}
	}
}

// The ASCII fast path of Key must agree with the general one.
func FuzzKeyASCII(f *testing.F) {
	for _, s := range []string{"Sergey Lavrenko", "O'Neill-Smith Jr.", "  Kh th ph ks ck  ", "A.B. C", "-x-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return
			}
		}
		if a, b := keyASCII(s), keyRunes(s); a != b {
			t.Fatalf("keyASCII(%q) = %q, keyRunes = %q", s, a, b)
		}
	})
}

// The lexicon prefilter must pass every key of lexIndex, in any case.
func TestMaybeLex(t *testing.T) {
	for k := range lexIndex {
		if !maybeLex(k) || !maybeLex(strings.ToUpper(k)) {
			t.Errorf("prefilter rejects %q", k)
		}
	}
	if maybeLex("Okafor") && maybeLex("Zhqwxv") {
		t.Error("prefilter passes everything")
	}
}

func TestFindFoldsSpaceInNames(t *testing.T) {
	// A name over a joined line end (the pipeline reads "\r\n" inside a
	// paragraph as two spaces) or typed with a double space is the same
	// name as typed once.
	body := "The University  Students Federation said it would appeal. Foreign\t Minister Anna  Petrova left."
	fs, b := find(t, body)
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Text] = true
		if body[f.Span[0]:f.Span[1]] != f.Text && strings.Join(strings.Fields(body[f.Span[0]:f.Span[1]]), " ") != f.Text {
			t.Errorf("span %v holds %q, text %q", f.Span, body[f.Span[0]:f.Span[1]], f.Text)
		}
	}
	if !got["University Students Federation"] {
		t.Errorf("mentions %v", got)
	}
	for _, a := range b.Actors() {
		if strings.Contains(a.Name, "  ") || strings.ContainsAny(a.Name, "\t\r\n") {
			t.Errorf("actor name %q keeps its white space", a.Name)
		}
	}
	if foldSpace("A\r\n B") != "A B" || foldSpace("A B") != "A B" {
		t.Error("foldSpace")
	}
}

func TestCapsLinesPassedOver(t *testing.T) {
	// A subheading in capitals names nothing: read as prose, the whole
	// line was one organisation ("WHAT THE DRAFT TREATY SAYS").
	body := "Deputy Foreign Minister Anna Petrova said the talks would go on.\n\nWHAT THE DRAFT TREATY SAYS ABOUT BASES\n\nThe Foreign Ministry published the draft on Friday."
	fs, _ := find(t, body)
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Text] = true
		if strings.Contains(f.Text, "TREATY") || strings.Contains(f.Text, "WHAT") {
			t.Errorf("a mention in the line in capitals: %q", f.Text)
		}
	}
	if !got["Anna Petrova"] || !got["Foreign Ministry"] {
		t.Errorf("prose mentions lost: %v", got)
	}
	// A text mostly in capitals (teletype copy) keeps its capital runs:
	// passing them over would leave it with no names at all.
	upper := strings.ToUpper(body)
	if fs, _ := find(t, upper); len(fs) == 0 {
		t.Error("a text in capitals lost every mention")
	}
	if r := capsLines(upper, text.Tokenize(nil, upper, article.Span{0, len(upper)})); r != nil {
		t.Errorf("capsLines of a text in capitals: %v", r)
	}
}

func TestFamilyNameFirst(t *testing.T) {
	// Chinese and Korean names put the family name first, and a report
	// goes on with it alone; a Western first name alone stays apart.
	b := NewBook(nil, time.Time{})
	wang := b.Person("Wang Wenbin", "spokesperson", "", 10)
	if got := b.Person("Wang", "", "", 100); got != wang {
		t.Errorf("Wang: actor %d, want %d (Wang Wenbin)", got, wang)
	}
	ban := b.Person("Ban Ki-moon", "", "", 200)
	if got := b.Person("Ban", "", "", 300); got != ban {
		t.Errorf("Ban: actor %d, want %d (Ban Ki-moon)", got, ban)
	}
	long := b.Person("Long Shaohua", "Senior Col.", "", 310)
	if got := b.Person("Long", "Col.", "", 320); got != long {
		t.Errorf("Long: actor %d, want %d (Long Shaohua)", got, long)
	}
	lee := b.Person("John Lee Ka-chiu", "Chief Executive", "", 330)
	if got, ok := b.Surname("Lee"); !ok || got != lee {
		t.Errorf("Lee: actor %d, want %d (John Lee Ka-chiu)", got, lee)
	}
	elian := b.Person("Elian Gonzalez", "", "", 400)
	if got := b.Person("Elian", "", "", 500); got == elian {
		t.Error("a Western first name alone was merged with the full name")
	}
}

func TestWorldGazetteer(t *testing.T) {
	// Countries from everywhere, by name, demonym and capital.
	for in, want := range map[string]string{"Irish": "Ireland", "Kenyan": "Kenya", "Nairobi": "Kenya", "Hanoi": "Vietnam",
		"Argentine": "Argentina", "Jordanian": "Jordan", "Amman": "Jordan", "Chadian": "Chad", "Nigeria": "Nigeria", "IMF": "International Monetary Fund",
		"Soviet": "Soviet Union", "USSR": "Soviet Union", "West German": "West Germany", "Bonn": "West Germany", "Yugoslav": "Yugoslavia",
		"Peking": "China", "Rangoon": "Myanmar", "Ceylon": "Sri Lanka", "Formosa": "Taiwan", "Saigon": "South Vietnam", "Dacca": "Bangladesh"} {
		if c, _, ok := Place(in); !ok || c != want {
			t.Errorf("Place(%q) = %q, %v; want %q", in, c, ok, want)
		}
	}
	// Country names that are first names or surnames first are not
	// places on their own.
	for _, in := range []string{"Jordan", "Chad", "Victoria", "Wellington"} {
		if c, _, ok := Place(in); ok {
			t.Errorf("Place(%q) = %q", in, c)
		}
	}
}

func TestNameParticles(t *testing.T) {
	body := "European Commission President Ursula von der Leyen spoke. Von der Leyen left. Saudi Crown Prince Mohammed bin Salman and Minister of Trade Anna Petrova met. Alliance Secretary-General Jens Lund came."
	fs, b := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		if f.ID >= 0 {
			got[f.Text] = b.Actor(f.ID).Name + " / " + b.Actor(f.ID).Title
		}
	}
	for text, want := range map[string]string{
		"Ursula von der Leyen": "Ursula von der Leyen / Commission President",
		"Von der Leyen":        "Ursula von der Leyen / Commission President",
		"Mohammed bin Salman":  "Mohammed bin Salman / Crown Prince",
		"Anna Petrova":         "Anna Petrova / Minister of Trade",
		"Jens Lund":            "Jens Lund / Alliance Secretary-General",
	} {
		if got[text] != want {
			t.Errorf("%q: %q, want %q (all: %v)", text, got[text], want, got)
		}
	}
}

func TestPossessiveSide(t *testing.T) {
	// "Washington's envoy Robert Lind": the capital before the possessive
	// is the side; so is a body ("the EU's coordinator").
	body := "Washington's envoy Robert Lind met the EU's coordinator Enrique Vale in Vienna."
	fs, b := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		if f.ID >= 0 && f.Type == article.Person {
			a := b.Actor(f.ID)
			got[a.Name] = a.Title + " / " + a.Affiliation
		}
	}
	if got["Robert Lind"] != "envoy / United States" || got["Enrique Vale"] != "coordinator / European Union" {
		t.Errorf("%v", got)
	}
}

// Military units, treaties, meetings and institutions are no one's name,
// however many capitalised words they have.
func TestUnitsAndEventsAreNoPersons(t *testing.T) {
	body := "The Western Theatre Command spoke. Troops near the Line of Actual Control stayed. " +
		"The Harbour Fees Agreement was signed at the Port Lavelle Summit, near Saint Olaf Hospital. Anna Berg spoke."
	fs, _ := find(t, body)
	types := mentionTypes(fs)
	for _, name := range []string{"Western Theatre Command", "Harbour Fees Agreement", "Saint Olaf Hospital"} {
		if types[name] != article.Org {
			t.Errorf("%q is %q, want ORG (all: %v)", name, types[name], types)
		}
	}
	for name, typ := range types {
		if typ == article.Person && name != "Anna Berg" {
			t.Errorf("%q read as a person", name)
		}
	}
	if types["Anna Berg"] != article.Person {
		t.Errorf("Anna Berg: %q", types["Anna Berg"])
	}
}

// Countries and cities the actor dictionary knows beyond this package's
// table are places, not persons: a country's own name is a party, a
// city of several words a place of no party; "Jordan" stays out.
func TestDictionaryPlaces(t *testing.T) {
	fs, _ := find(t, "Protests spread from Hong Kong to Tel Aviv and São Paulo. Mauritania and Burkina Faso said little. Jordan Lee spoke.")
	got := map[string]Found{}
	for _, f := range fs {
		got[f.Text] = f
	}
	for name, party := range map[string]bool{"Hong Kong": true, "Tel Aviv": false, "São Paulo": false, "Mauritania": true, "Burkina Faso": true} {
		f, ok := got[name]
		if !ok || f.Type != article.GPE || (f.ID >= 0) != party {
			t.Errorf("%q: %+v (found %v), want GPE, party %v", name, f, ok, party)
		}
	}
	if f := got["Jordan Lee"]; f.Type != article.Person {
		t.Errorf("Jordan Lee: %+v", f)
	}
}

// Names of other traditions: "Un" closing a Korean name is no UN; a
// people's adjective of two words gives the side; a ruler's honorific
// before the given name and a word inside a long name name the person
// met before.
func TestNamesOfOtherTraditions(t *testing.T) {
	fs, b := find(t, "North Korean leader Ri Chol Un spoke. South Korean President Han Ji-won spoke. "+
		"Sheikh Hamad bin Khalid Al Nuaimi spoke. Sheikh Hamad left. "+
		"President Marcos Antonio Tavinho da Costa spoke. Tavinho left.")
	got := map[string]Found{}
	for _, f := range fs {
		got[f.Text] = f
	}
	if f := got["Ri Chol Un"]; f.Type != article.Person || b.Actor(f.ID).Affiliation != "North Korea" {
		t.Errorf("Ri Chol Un: %+v %+v", f, b.Actor(f.ID))
	}
	if f := got["Han Ji-won"]; f.Type != article.Person || b.Actor(f.ID).Affiliation != "South Korea" || f.Title != "President" {
		t.Errorf("Han Ji-won: %+v %+v", f, b.Actor(f.ID))
	}
	for short, full := range map[string]string{"Hamad": "Hamad bin Khalid Al Nuaimi", "Tavinho": "Marcos Antonio Tavinho da Costa"} {
		if f, g := got[short], got[full]; f.ID < 0 || f.ID != g.ID {
			t.Errorf("%q is %+v, %q is %+v: want one person", short, f, full, g)
		}
	}
}

// The side named right before a role in lower case: a seat of
// government, a people, a movement; never a name across "and".
func TestSideBeforeLowerCaseRole(t *testing.T) {
	for body, want := range map[string]string{
		"Kremlin spokesman Ivan Petrov spoke.":                  "Russia",
		"White House national security adviser Jane Roe spoke.": "United States",
		"Israeli government spokesman Dan Levi spoke.":          "Israel",
		"Vanguard spokesman Omar Said spoke.":                   "Vanguard",
		"The duo Arne Granby and Feliciano Lopez won.":          "",
		"They were backed by Mr. Kerr and Mr. Oban, who wrote.": "",
		"EU foreign policy chief Ana Lopes spoke.":              "European Union",
	} {
		fs, b := find(t, body)
		last := fs[len(fs)-1]
		if a := b.Actor(last.ID); a.Kind != article.Person || a.Affiliation != want {
			t.Errorf("%q: %+v, want side %q", body, a, want)
		}
	}
}

// A dotted acronym before a title is the side: "U.S. Secretary of State".
func TestDottedAcronymSide(t *testing.T) {
	fs, b := find(t, "U.S. Secretary of State Jane Roe met U.N. envoy Lars Berg.")
	if len(fs) < 2 {
		t.Fatalf("mentions %+v", fs)
	}
	if a := b.Actor(fs[0].ID); a.Title != "Secretary of State" || a.Affiliation != "United States" {
		t.Errorf("Jane Roe: %+v", a)
	}
	if a := b.Actor(fs[len(fs)-1].ID); a.Affiliation != "United Nations" {
		t.Errorf("Lars Berg: %+v", a)
	}
}

// Bodies the actor dictionary knows are organisations; the territories
// it lists among them are not.
func TestDictionaryBodies(t *testing.T) {
	fs, _ := find(t, "Officials said the Hezbollah movement and the Knesset had met, while Greenland stayed away.")
	got := mentionTypes(fs)
	if got["Hezbollah"] != article.Org || got["Knesset"] != article.Org {
		t.Errorf("bodies: %v", got)
	}
	// the text's spelling of the name, not the dictionary's casing
	fs, _ = find(t, "A spokesperson for the U.S. Trade Representative declined to comment.")
	for _, f := range fs {
		if f.Type == article.Org && f.Actor != "U.S. Trade Representative" {
			t.Errorf("body named %q, want the text's spelling", f.Actor)
		}
	}
	if got["Greenland"] == article.Org {
		t.Errorf("Greenland read as a body: %v", got)
	}
}

// Portfolio words inside a lower-case role keep the role whole.
func TestPortfolioInLowerCaseRole(t *testing.T) {
	fs, b := find(t, "Iran's chief nuclear negotiator Ali Reza spoke.")
	if a := b.Actor(fs[len(fs)-1].ID); a.Title != "chief nuclear negotiator" || a.Affiliation != "Iran" {
		t.Errorf("%+v", a)
	}
}

// Styles of address are no part of the title: "His Royal Highness Prince".
func TestStylesOfAddress(t *testing.T) {
	fs, _ := find(t, "His Royal Highness Prince Omar bin Saad spoke. Her Majesty Queen Lina spoke.")
	titles := map[string]string{}
	for _, f := range fs {
		titles[f.Text] = f.Title
	}
	if titles["Omar bin Saad"] != "Prince" || titles["Lina"] != "Queen" {
		t.Errorf("titles %v", titles)
	}
}

func TestCapitalMonthIsNoName(t *testing.T) {
	fs, _ := find(t, "NEW DELHI, OCTOBER 13, 2031\n\nThe talks went on. NATO said little.")
	var names []string
	for _, f := range fs {
		names = append(names, f.Text)
	}
	if strings.Contains(strings.Join(names, "|"), "OCTOBER") || !strings.Contains(strings.Join(names, "|"), "NATO") {
		t.Errorf("mentions %q: want NATO and no OCTOBER", names)
	}
}

// "Title Name of Place": the person is the name, the place stays a place
// (a state is a place but no party); bodies with "of" stay whole.
func TestTitledNameOfPlace(t *testing.T) {
	body := "Mayor Lina Varga of Kestrel spoke. Gov. Earl Ray Tomblin of West Virginia agreed. President Xi of China left. " +
		"The Bank of England and the Democratic Republic of Congo said nothing."
	fs, _ := find(t, body)
	types := mentionTypes(fs)
	for name, want := range map[string]string{"Lina Varga": article.Person, "Earl Ray Tomblin": article.Person, "Xi": article.Person,
		"China": article.GPE, "West Virginia": article.GPE, "Bank of England": article.Org} {
		if types[name] != want {
			t.Errorf("%q is %q, want %q (all: %v)", name, types[name], want, types)
		}
	}
	for name, typ := range types {
		if typ == article.Person && (name == "Kestrel" || name == "West Virginia" || name == "Republic" || name == "Congo") {
			t.Errorf("%q read as a person", name)
		}
	}
}

// A portfolio in a title is no part of the name.
func TestPortfolioTitles(t *testing.T) {
	fs, b := find(t, "Egyptian Minister of Electricity Mahmoud Esmat spoke. Agriculture Secretary Ann Lee agreed.")
	names := map[string]string{}
	for _, f := range fs {
		if f.Type == article.Person {
			names[b.Name(f.ID)] = f.Title
		}
	}
	if names["Mahmoud Esmat"] != "Minister of Electricity" || names["Ann Lee"] != "Agriculture Secretary" {
		t.Errorf("persons and titles: %v", names)
	}
}

// A capital speaks for the state of the article's day: Moscow for the
// Soviet Union before 26 December 1991, Prague for Czechoslovakia before
// 1993; after, for today's states.
func TestCapitalOfTheDay(t *testing.T) {
	for _, c := range []struct {
		at            string
		surface, want string
	}{
		{"1985-03-12", "Moscow", "Soviet Union"},
		{"1991-12-26", "Moscow", "Russia"},
		{"1980-05-01", "Prague", "Czechoslovakia"},
		{"2023-03-12", "Prague", "Czech Republic"},
		{"1970-01-01", "Hanoi", "North Vietnam"},
		{"1985-03-12", "Russia", "Russia"}, // the name, not the capital
	} {
		at, _ := time.Parse("2006-01-02", c.at)
		b := NewBook(nil, at)
		name, kind, _ := Place(c.surface)
		if name == "" {
			name, kind = c.surface, "GPE"
		}
		if got := b.Name(b.Body(name, kind, "", c.surface, 0)); got != c.want {
			t.Errorf("%s on %s: %q, want %q", c.surface, c.at, got, c.want)
		}
	}
}

// Rulers and clerics of other traditions are titles before a name; "Per"
// inside a sentence is a first name, at its start a preposition.
func TestRulerAndClericTitles(t *testing.T) {
	body := "Emir Tamim Salem spoke. Ayatollah Ali Naqvi spoke. Rabbi Dan Levi spoke. Per Nordic rules, the minister, Per Aune, spoke. President Bill Rowe Thursday condemned it."
	toks := text.Tokenize(nil, body, article.Span{0, len(body)})
	var got []string
	for _, f := range Find(body, toks, NewBook(nil, time.Time{})) {
		if f.Type == article.Person {
			got = append(got, f.Title+"|"+f.Text)
		}
	}
	want := []string{"Emir|Tamim Salem", "Ayatollah|Ali Naqvi", "Rabbi|Dan Levi", "minister|Per Aune", "President|Bill Rowe"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Names of other traditions: the Arabic article joined by a hyphen, a
// long name with a particle after a title, and the family names alone
// after the full name.
func TestLongAndCompoundNames(t *testing.T) {
	body := "President Abdel Fattah al-Sisi spoke. Sisi left. President Luiz Inacio Lula da Silva spoke. " +
		"President Andres Manuel Lopez Obrador spoke. Lopez Obrador left. Democrat Hillary Clinton spoke. Hillary Clinton left."
	toks := text.Tokenize(nil, body, article.Span{0, len(body)})
	var got []string
	for _, f := range Find(body, toks, NewBook(nil, time.Time{})) {
		if f.Type == article.Person {
			got = append(got, f.Text+"="+f.Actor)
		}
	}
	want := []string{"Abdel Fattah al-Sisi=Abdel Fattah al-Sisi", "Sisi=Abdel Fattah al-Sisi", "Luiz Inacio Lula da Silva=Luiz Inacio Lula da Silva",
		"Andres Manuel Lopez Obrador=Andres Manuel Lopez Obrador", "Lopez Obrador=Andres Manuel Lopez Obrador",
		"Hillary Clinton=Hillary Clinton", "Hillary Clinton=Hillary Clinton"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Names that open a sentence in lower case, possessives inside a body's
// name and the workplace of a role (a seat of government: its country).
func TestNameEdges(t *testing.T) {
	body := "Majed al-Ansari spoke. Later al-Ansari left. The Scottish Fishermen's Federation met the Prime Minister's Office. " +
		"Russia's Foreign Ministry replied. A senior official at Cheong Wa Dae spoke."
	toks := text.Tokenize(nil, body, article.Span{0, len(body)})
	var got []string
	for _, f := range Find(body, toks, NewBook(nil, time.Time{})) {
		got = append(got, f.Text+"/"+f.Type)
	}
	want := []string{"Majed al-Ansari/PERSON", "al-Ansari/PERSON", "Scottish Fishermen's Federation/ORG", "Prime Minister's Office/ORG",
		"Russia/GPE", "Foreign Ministry/ORG", "Cheong Wa Dae/GPE"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A generational suffix closes a name whose family name may be a title
// word; the family name alone finds the person again.
func TestNameSuffixes(t *testing.T) {
	body := "Rev. Martin Luther King Jr. spoke. Robert F. Kennedy Jr. spoke. King left. Kennedy left. Apple Computer CEO and co-founder Steve Jobs spoke."
	toks := text.Tokenize(nil, body, article.Span{0, len(body)})
	var got []string
	for _, f := range Find(body, toks, NewBook(nil, time.Time{})) {
		if f.Type == article.Person {
			got = append(got, f.Text+"="+f.Actor)
		}
	}
	want := []string{"Martin Luther King Jr.=Martin Luther King Jr.", "Robert F. Kennedy Jr.=Robert F. Kennedy Jr.",
		"King=Martin Luther King Jr.", "Kennedy=Robert F. Kennedy Jr.", "Steve Jobs=Steve Jobs"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A place after a title's preposition is where the office is: "Republican
// of New York" names no person "New York", and in "Representative Charles
// B. Rangel of New York" the person is named before "of" and the state
// after it is a place of its own.
func TestOfficeOfPlace(t *testing.T) {
	body := "Jack Kemp, Republican of New York, spoke. The Governor of Texas left. " +
		"Representative Charles B. Rangel of New York agreed. Senator Ann Ray of Ohio did not."
	fs, _ := find(t, body)
	types := mentionTypes(fs)
	for name, want := range map[string]string{"Jack Kemp": article.Person, "Charles B. Rangel": article.Person,
		"Ann Ray": article.Person, "New York": article.GPE, "Ohio": article.GPE} {
		if types[name] != want {
			t.Errorf("%q is %q, want %q (all: %v)", name, types[name], want, types)
		}
	}
	for name, typ := range types {
		if typ == article.Person && (name == "New York" || name == "Texas" || name == "Ohio") {
			t.Errorf("%q read as a person (all: %v)", name, types)
		}
	}
}

// A transcript's labels in capitals: an honorific or title and a name is
// a person written in ordinary case; a surname alone is the person the
// report introduced; the transcript's own labels are no mentions; a
// place before a colon stays a place.
func TestCapsLabels(t *testing.T) {
	body := "State Department spokesman Ned Price spoke.\n\nMR. WARD: Good afternoon.\n\nQUESTION: Is there a deadline?\n\n" +
		"SECRETARY BLINKEN: We will sign it.\n\nPRICE: No.\n\nNEW DELHI: The talks ended."
	fs, b := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		got[f.Text] = f.Type + " " + actorName(b, f) + " " + f.Title
	}
	want := map[string]string{
		"WARD":      "PERSON Ward ",
		"BLINKEN":   "PERSON Blinken Secretary",
		"PRICE":     "PERSON Ned Price ",
		"NEW DELHI": "GPE India ",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q: got %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if _, ok := got["QUESTION"]; ok {
		t.Errorf("QUESTION is a mention: %v", got)
	}
	for _, w := range []struct{ in, want string }{{"PRICE", "Price"}, {"O'NEILL", "O'Neill"}, {"AL-SAUD", "Al-Saud"}, {"McCain", "McCain"}} {
		if g := CasedWord(w.in); g != w.want {
			t.Errorf("CasedWord(%q) = %q, want %q", w.in, g, w.want)
		}
	}
}

// A given name with a title or an honorific is the person of the report
// whose full name opens with it ("Dr Tedros", "Prime Minister Srettha");
// alone it stays apart (a company's name after its product's, read as a
// person: "Google" after "Google Stadia").
func TestAddressedGivenName(t *testing.T) {
	body := "Director-General Tedros Adhanom Ghebreyesus spoke. Dr Tedros added more. " +
		"Prime Minister Srettha Thavisin spoke. Prime Minister Srettha left. " +
		"Users of Google Stadia complained. Google said nothing."
	fs, b := find(t, body)
	ids := map[string][]ID{}
	for _, f := range fs {
		if f.Type == article.Person {
			ids[b.Name(f.ID)] = append(ids[b.Name(f.ID)], f.ID)
		}
	}
	if len(ids["Tedros Adhanom Ghebreyesus"]) != 2 || len(ids["Srettha Thavisin"]) != 2 {
		t.Errorf("persons: %v", ids)
	}
	for _, f := range fs {
		if f.Text == "Google" && f.ID >= 0 && b.Name(f.ID) == "Google Stadia" {
			t.Errorf("Google read as Google Stadia")
		}
	}
}

// Seats of government stand for their country, names with a French
// elision are one name whichever apostrophe they are typed with, and a
// body the dictionary files under another body's name keeps its own.
func TestSeatsElisionsAndBodies(t *testing.T) {
	body := "The Quai d'Orsay spoke. Côte d'Ivoire and Cote d’Ivoire agreed. The Blue House, Itamaraty and Foggy Bottom replied. " +
		"The Bundestag voted."
	fs, b := find(t, body)
	got := map[string]string{}
	for _, f := range fs {
		got[f.Text] = actorName(b, f)
	}
	for text, want := range map[string]string{"Quai d'Orsay": "France", "Côte d'Ivoire": "Ivory Coast", "Cote d’Ivoire": "Ivory Coast",
		"Blue House": "South Korea", "Itamaraty": "Brazil", "Foggy Bottom": "United States", "Bundestag": "Bundestag"} {
		if got[text] != want {
			t.Errorf("%q: %q, want %q (all: %v)", text, got[text], want, got)
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{{"bundestag", "bundesrat", false}, {"hizbollah", "hezbollah", true}, {"abcde", "abcde", true}, {"nato", "nato", false}} {
		if spellingVariant(c.a, c.b) != c.want {
			t.Errorf("spellingVariant(%q, %q) != %v", c.a, c.b, c.want)
		}
	}
}

// An American legislator's party-and-state tag names no body.
func TestPartyStateTags(t *testing.T) {
	fs, _ := find(t, "Sen. Lindsey Graham, R-S.C., spoke. Rep. Ro Khanna, D-Calif., and Sen. Ted Cruz (R-Texas) agreed with Reuters.")
	var got []string
	for _, f := range fs {
		got = append(got, f.Text+"/"+f.Type)
	}
	want := []string{"Lindsey Graham/PERSON", "Ro Khanna/PERSON", "Ted Cruz/PERSON", "Reuters/ORG"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A group of countries is a body, not a person.
func TestGroupsOfCountries(t *testing.T) {
	fs, _ := find(t, "The Least Developed Countries group and the Like-Minded Developing Countries met the Group of Seven Nations.")
	for _, f := range fs {
		if f.Type == article.Person {
			t.Errorf("%q read as a person", f.Text)
		}
	}
}

// mentionTypes maps each mention's text to its type.
func mentionTypes(fs []Found) map[string]string {
	types := map[string]string{}
	for _, f := range fs {
		types[f.Text] = f.Type
	}
	return types
}

// actorName is the name of the actor a mention resolved to in b.
func actorName(b *Book, f Found) string {
	if f.ID >= 0 {
		return b.Name(f.ID)
	}
	return f.Actor
}
